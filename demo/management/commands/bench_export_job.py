"""``manage.py bench_export_job``: a 100,000-row export made the way the worker makes it.

Uses the database of ``bench_activiteiten`` (filled by it when empty): the
coordinator asks for the whole activity log as XLSX and as CSV through the
export URL, which queues an export job; the job is then run here as the worker
runs it (``run_export_job``), timed, and its rows and file size are printed::

    DJANGO_DEBUG=false SQLITE_PATH=var/bench.sqlite3 .venv/bin/python manage.py bench_export_job
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from django.urls import reverse

from core.export_jobs import run_export_job
from core.models import ExportOpdracht
from makelaars.models import Activiteit

from .bench_activiteiten import PREFIX


class Command(BaseCommand):
    help = "Times the export job of the whole activity log (XLSX and CSV) on the bench data."

    def handle(self, *args, **options):
        name = str(settings.DATABASES["default"]["NAME"])
        if "bench" not in name.lower():
            raise CommandError(f"Refusing to use database {name!r}: its name lacks 'bench'.")
        call_command("migrate", verbosity=0, interactive=False)
        if not Activiteit.objects.filter(titel__startswith=PREFIX).exists():
            call_command("bench_activiteiten", runs=1)  # fills, then measures once
        coordinator = User.objects.get(username="bench.coordinator")
        client = Client(SERVER_NAME="localhost")
        client.force_login(coordinator)
        total = Activiteit.objects.count()
        self.stdout.write(f"{total} activities in {name}")
        for fmt in ("xlsx", "csv"):
            ExportOpdracht.objects.filter(aangevraagd_door=coordinator).delete()
            started = time.monotonic()
            response = client.get(reverse("makelaars:activiteit_export"), {"format": fmt})
            queued = time.monotonic() - started
            if response.status_code != 302:
                raise CommandError(f"{fmt}: the export was not queued ({response.status_code})")
            job = ExportOpdracht.objects.get(aangevraagd_door=coordinator)
            started = time.monotonic()
            job = run_export_job(job_id=job.pk)
            made = time.monotonic() - started
            size = job.bestand.size if job.bestand else 0
            self.stdout.write(
                f"{fmt}: request {queued * 1000:.0f} ms (queued), worker {made:.1f} s, "
                f"{job.rijen} rows, {size / 1_000_000:.1f} MB, status {job.status}"
            )
            job.bestand.delete(save=False)
            job.delete()
