"""Health endpoints for the hosting party, built on django-health-check.

- ``/_healthz/livez/``: the process answers (no dependency is asked; a failing
  database must not make a supervisor restart healthy web processes);
- ``/_healthz/readyz/``: the database answers, the cache stores, media storage
  (``default_storage``: local disk or object storage alike) saves, reads and
  deletes a file, and every migration is applied — send traffic here or not;
- ``/_healthz/``: all of that plus the background workers: a heartbeat younger
  than ``WORKER_HEARTBEAT_MAX_AGE`` and no task waiting longer than
  ``QUEUE_MAX_AGE`` seconds.

No login is needed and nothing personal is shown: check names and short reasons.
They answer 200 when all is well, 500 otherwise (HTML, JSON with
``Accept: application/json`` or ``?format=json``, plain text with ``?format=text``).
"""

from __future__ import annotations

import dataclasses
import datetime

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Min
from django.utils import timezone
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView

from .jobs import heartbeat_max_age, latest_heartbeat


class SyncCheck(HealthCheck):
    """A check that runs its ``check()`` in the request's own thread.

    django-health-check runs synchronous checks in a thread pool, each thread
    opening a database connection of its own; ours share the request's.
    """

    def check(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    async def run(self) -> None:
        await sync_to_async(self.check, thread_sensitive=True)()


@dataclasses.dataclass
class Process(SyncCheck):
    """The process runs and answers: nothing else is asked."""

    def check(self) -> None:
        return None


@dataclasses.dataclass
class Migrations(SyncCheck):
    """Every migration of the code is applied to the database (an upgrade ran
    ``migrate`` before this code was started)."""

    alias: str = DEFAULT_DB_ALIAS

    def check(self) -> None:
        try:
            executor = MigrationExecutor(connections[self.alias])
            plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        except Exception as error:
            raise ServiceUnavailable("Could not read the applied migrations") from error
        if plan:
            raise ServiceUnavailable(f"{len(plan)} migration(s) not applied")


@dataclasses.dataclass
class Workers(SyncCheck):
    """At least one background worker wrote its heartbeat recently."""

    def check(self) -> None:
        last = latest_heartbeat()
        if last is None:
            raise ServiceUnavailable("No worker has written a heartbeat")
        age = timezone.now() - last
        if age > heartbeat_max_age():
            raise ServiceUnavailable(f"Latest worker heartbeat {age.total_seconds():.0f} s ago")


@dataclasses.dataclass
class Queue(SyncCheck):
    """No task waits longer than ``QUEUE_MAX_AGE`` seconds for a worker."""

    def check(self) -> None:
        from django_tasks_db.models import DBTaskResult

        oldest = DBTaskResult.objects.ready().aggregate(oldest=Min("enqueued_at"))["oldest"]
        if oldest is None:
            return
        waiting = timezone.now() - oldest
        if waiting > datetime.timedelta(seconds=settings.QUEUE_MAX_AGE):
            raise ServiceUnavailable(f"Oldest queued task waits {waiting.total_seconds():.0f} s")


LIVENESS = (Process,)
READINESS = (
    "health_check.checks.Database",
    "health_check.checks.Cache",
    # Storage alias "default" is what django.core.files.storage.default_storage
    # uses: the local media folder or the object store, whichever is configured.
    "health_check.checks.Storage",
    Migrations,
)
FULL = (*READINESS, Workers, Queue)


def liveness_view():
    return HealthCheckView.as_view(checks=LIVENESS)


def readiness_view():
    return HealthCheckView.as_view(checks=READINESS)


def full_view():
    return HealthCheckView.as_view(checks=FULL)
