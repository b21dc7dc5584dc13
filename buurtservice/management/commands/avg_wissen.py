"""Erase one Buurtservice requester's personal data on request (AVG right to erasure).

Matches jobs like ``avg_inzage`` (--naam and/or --adres, case-insensitive exact)
and blanks name, address and phone with the same function as the daily
``anonimiseer_aanvragers`` run. The jobs stay for the figures. Prints counts
only, never the personal data.
"""

from django.core.management.base import BaseCommand, CommandError

from buurtservice.choices import KlusStatus
from buurtservice.services import erase_requester, jobs_of_requester


class Command(BaseCommand):
    help = (
        "Erase name, address and phone of one requester from all their Buurtservice jobs, "
        "found by --naam and/or --adres (case-insensitive exact match)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--naam", default="", help="The requester's name as stored.")
        parser.add_argument("--adres", default="", help="The requester's address as stored.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count the jobs; change nothing."
        )

    def handle(self, *args, naam="", adres="", dry_run=False, **options):
        if not (naam.strip() or adres.strip()):
            raise CommandError("Give --naam and/or --adres.")
        still_open = (
            jobs_of_requester(naam=naam, adres=adres).filter(status__in=KlusStatus.open()).count()
        )
        count = erase_requester(naam=naam, adres=adres, dry_run=dry_run)
        verb = "Would erase" if dry_run else "Erased"
        self.stdout.write(f"{verb} the requester data of {count} job(s).")
        if still_open:
            self.stdout.write(
                f"{still_open} of them still open: without an address the job cannot be done."
            )
