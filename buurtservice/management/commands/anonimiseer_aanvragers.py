"""Blank the requester data of jobs closed longer than the retention period ago.

Run daily (cron/systemd timer), see docs/privacy-buurtservice.md. The jobs stay
for the statistics; the requester's name, address and phone are removed. Never prints
personal data. Blanks the jobs' free texts and their audit history too
(``blank_requester_data``).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from buurtservice.services import anonymise_requesters, retention_cutoff

# A hundred years: anything longer is a typing error, not a retention period.
MAX_MONTHS = 1200


class Command(BaseCommand):
    help = (
        "Remove name, address and phone of requesters of Buurtservice jobs that were done "
        "or cancelled longer than the retention period ago (the jobs are kept)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help="Retention period in months (default: settings.BUURTSERVICE_RETENTION_MONTHS).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only report how many jobs would be anonymised; change nothing.",
        )

    def handle(self, *args, months=None, dry_run=False, **options):
        if months is None:
            months = settings.BUURTSERVICE_RETENTION_MONTHS
        if not 0 <= months <= MAX_MONTHS:
            raise CommandError(
                f"The retention period must be between 0 and {MAX_MONTHS} months, got {months}."
            )
        cutoff = retention_cutoff(today=timezone.localdate(), months=months)
        count = anonymise_requesters(cutoff=cutoff, dry_run=dry_run)
        verb = "Would anonymise" if dry_run else "Anonymised"
        self.stdout.write(
            f"{verb} the requester data of {count} job(s) closed before {cutoff:%Y-%m-%d} "
            f"(retention {months} months)."
        )
