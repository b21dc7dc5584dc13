from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database and uploaded media files to one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="Archive to write (default: BACKUP_DIR/sterkewijken-<timestamp>.tar.gz).",
        )

    def handle(self, *args, output: Path | None, **options):
        if output is None:
            stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
            output = Path(settings.BACKUP_DIR) / f"sterkewijken-{stamp}.tar.gz"
        try:
            create_backup(output)
        except (BackupError, OSError) as exc:
            raise CommandError(f"Backup failed: {exc}") from exc
        self.stdout.write(self.style.SUCCESS(f"Backup written to {output}"))
