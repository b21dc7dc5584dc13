"""``manage.py importeer_inwoners kwb.csv``: inhabitants per wijk from a CBS CSV table."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wijken.cbs import CbsFileError, inhabitants_per_district
from wijken.models import Wijk
from wijken.services import set_inhabitants_from_cbs


class Command(BaseCommand):
    help = (
        "Zet het aantal inwoners per wijk uit een CBS-tabel 'Kerncijfers wijken en buurten' "
        "(CSV); wijken worden gevonden op hun CBS-code (WK…)."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", type=Path)

    def handle(self, *args, bestand: Path, **options):
        try:
            raw = bestand.read_bytes()
        except OSError as error:
            raise CommandError(f"Kan {bestand} niet lezen: {error.strerror}.") from error
        # CBS files come as UTF-8 (with or without BOM) or, older ones, as Windows-1252.
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
        try:
            counts = inhabitants_per_district(text)
        except CbsFileError as error:
            raise CommandError(f"Geen CBS-tabel van wijken en buurten: {error}.") from error
        changed = set_inhabitants_from_cbs(counts=counts)
        for wijk in changed:
            self.stdout.write(f"{wijk.naam} ({wijk.cbs_code}): {wijk.inwoners} inwoners")
        without_code = Wijk.objects.filter(cbs_code="").count()
        self.stdout.write(
            f"{len(changed)} wijk(en) bijgewerkt; {without_code} wijk(en) zonder CBS-code."
        )
