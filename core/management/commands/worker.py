"""``manage.py worker``: the background worker (PDFs), ready before its first task.

django-tasks-db's ``db_worker`` with one step first: WeasyPrint is imported and
the bundled fonts are decoded when the worker starts, not during the first PDF a
user waits for. Every option of ``db_worker`` works (``--max-tasks``, ``--batch``,
``--queue-name``, ...). Run one per CPU core on as many machines as needed: they
share the queue in the database.

Each worker also writes a heartbeat from a thread of its own (core.jobs), so the
health check, ``manage.py worker_health`` and the jobs' recovery know it is
alive, and runs the housekeeping now and then. Its ``--worker-id`` (random by
default) names the heartbeat; ``worker_health --worker-id`` checks that one.
"""

from __future__ import annotations

import logging
import os
import time

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from core.jobs import HeartbeatThread
from core.pdf import warm_up

logger = logging.getLogger(__name__)


class Command(DbWorkerCommand):
    help = "Runs background tasks (report PDFs); imports WeasyPrint and its fonts first."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--no-warm-up",
            action="store_false",
            dest="warm_up",
            help="Do not import WeasyPrint and decode the fonts before the first task.",
        )

    def handle(self, *args, warm_up: bool = True, **options):
        # With --reload (the default under DEBUG) the tasks run in a child process.
        reloading_parent = options.get("reload") and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        if warm_up and not options.get("batch") and not reloading_parent:
            started = time.monotonic()
            warm_up_pdf()
            self.stdout.write(f"PDF rendering ready in {time.monotonic() - started:.1f} s.")
        if reloading_parent:
            return super().handle(*args, **options)
        heartbeat = HeartbeatThread(options["worker_id"])
        heartbeat.start()
        try:
            return super().handle(*args, **options)
        finally:
            heartbeat.stop()


def warm_up_pdf() -> None:
    try:
        warm_up()
    except Exception:  # the first PDF will tell; the worker must run anyway
        logger.exception("warming up WeasyPrint failed")
