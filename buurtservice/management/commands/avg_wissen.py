"""Erase one Buurtservice requester's personal data on request (AVG right to erasure).

Matches jobs like ``avg_inzage`` (--naam and/or --adres, case-insensitive exact)
and blanks name, address, phone and the jobs' free texts (also in the audit
history) with the same function as the daily ``anonimiseer_aanvragers`` run.
The jobs stay for the figures. Prints counts only, never the personal data,
and names the backups that were made before and so still hold it.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

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
        self.stdout.write(
            f"{verb} the requester data of {count} job(s): name, address, phone, description "
            "and reason for cancelling, also in the audit history."
        )
        if still_open:
            self.stdout.write(
                f"{still_open} of them still open: without an address the job cannot be done."
            )
        if count:
            self.report_backups(dry_run=dry_run)

    def report_backups(self, *, dry_run: bool) -> None:
        """Backups made before now still hold what was erased: name them (never their contents)."""
        older = backups_before(timezone.now())
        folder = settings.BACKUP_DIR
        if not older:
            self.stdout.write(f"No backups in {folder} predate this erasure.")
            return
        when = "would still hold" if dry_run else "still hold"
        self.stdout.write(
            self.style.WARNING(
                f"{len(older)} backup(s) in {folder} predate this erasure and {when} the "
                "erased data. Delete them, or make sure they expire; after restoring one, "
                "run this erasure again:"
            )
        )
        for path in older:
            self.stdout.write(f"  {path.name}")


def backups_before(moment) -> list[Path]:
    """The backup archives in BACKUP_DIR written before ``moment``, oldest first."""
    folder = Path(settings.BACKUP_DIR)
    if not folder.is_dir():
        return []
    cutoff = moment.timestamp()
    found = [
        path
        for path in folder.iterdir()
        if path.is_file() and path.name.endswith(".tar.gz") and path.stat().st_mtime <= cutoff
    ]
    return sorted(found, key=lambda path: path.stat().st_mtime)
