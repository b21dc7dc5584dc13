"""``manage.py housekeeping``: daily clean-up of the background jobs.

Marks failed the jobs whose worker stopped, removes draft PDFs, export files and
finished job and task rows older than the ages in the settings
(``PDF_DRAFT_MAX_AGE_DAYS``, ``JOB_MAX_AGE_DAYS``, ``EXPORT_MAX_AGE_HOURS``,
``TASK_RESULT_MAX_AGE_DAYS``). Every worker runs the same now and then; this
command is for a daily timer (deploy/) so it also happens without workers.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from core.jobs import run_housekeeping


class Command(BaseCommand):
    help = "Fails jobs of stopped workers; removes old draft PDFs, exports and job rows."

    def handle(self, *args, **options):
        counts = run_housekeeping()
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count}")
        if any(count < 0 for count in counts.values()):
            raise SystemExit(1)
