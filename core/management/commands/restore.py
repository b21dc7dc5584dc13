import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made with `manage.py backup`: replaces ALL data in the "
        "database and the media folder."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask for confirmation (for scripts)."
        )

    def handle(self, *args, archive: Path, yes: bool, **options):
        if not archive.is_file():
            raise CommandError(f"No such backup: {archive}")
        if not yes:
            answer = input("This replaces all data and media. Type 'ja' to continue: ")
            if answer.strip().lower() != "ja":
                raise CommandError("Restore cancelled.")
        try:
            manifest = restore_backup(archive)
        except (BackupError, OSError, subprocess.CalledProcessError) as exc:
            raise CommandError(f"Restore failed: {exc}") from exc
        self.stdout.write(
            self.style.SUCCESS(f"Restored backup of {manifest['created']} from {archive}")
        )
