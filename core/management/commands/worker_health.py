"""``manage.py worker_health``: exit 0 when a worker is alive, 1 when not.

For a process supervisor (a systemd timer, a container's liveness probe): a
worker is alive when its heartbeat (core.jobs) is younger than
``WORKER_HEARTBEAT_MAX_AGE`` seconds. ``--worker-id`` checks one worker (start it
with the same ``--worker-id``); without it, any worker on this host counts.
"""

from __future__ import annotations

import socket

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core.jobs import heartbeat_max_age, latest_heartbeat


class Command(BaseCommand):
    help = "Exits 0 when the worker's heartbeat is recent, 1 when it is old or missing."

    def add_arguments(self, parser):
        parser.add_argument("--worker-id", help="The worker's --worker-id (default: any).")
        parser.add_argument(
            "--host",
            default=None,
            help="Check the workers of this host (default: this host; '*' for any host).",
        )

    def handle(self, *args, worker_id: str | None = None, host: str | None = None, **options):
        if host is None and not worker_id:
            host = socket.gethostname()
        last = latest_heartbeat(worker_id=worker_id, host=None if host == "*" else host)
        if last is None:
            raise CommandError("No heartbeat of this worker.", returncode=1)
        age = (timezone.now() - last).total_seconds()
        if age > heartbeat_max_age().total_seconds():
            raise CommandError(
                f"Last heartbeat {age:.0f} s ago "
                f"(more than WORKER_HEARTBEAT_MAX_AGE={settings.WORKER_HEARTBEAT_MAX_AGE}).",
                returncode=1,
            )
        self.stdout.write(f"Worker alive: last heartbeat {age:.0f} s ago.")
