"""Background workers: heartbeats, jobs whose worker stopped, and housekeeping.

Every ``manage.py worker`` writes a heartbeat (``WorkerHeartbeat``) from a thread
of its own, also while it renders a long PDF. When a worker dies in the middle
of a task (out of memory, a machine restart) its task row stays "running" for
ever; :func:`stopped_task_ids` recognises such tasks by their worker's silence,
so the app can mark the job failed and offer to try again.

Housekeeping (failing jobs of stopped workers, removing old drafts, exports and
job rows) is registered here by each app in its ``AppConfig.ready()`` and run by
``manage.py housekeeping`` (daily) and, now and then, by every worker.
"""

from __future__ import annotations

import datetime
import logging
import os
import random
import socket
import threading
import time
from collections.abc import Callable, Iterable

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.db.models import Max
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)

FINISHED_TASK = (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED)


def heartbeat_max_age() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.WORKER_HEARTBEAT_MAX_AGE)


def record_heartbeat(*, worker_id: str, started_at: datetime.datetime) -> None:
    """This worker is alive now."""
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"last_seen": timezone.now()},
        create_defaults={
            "host": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": started_at,
            "last_seen": timezone.now(),
        },
    )


def latest_heartbeat(*, worker_id: str | None = None, host: str | None = None):
    """The time of the latest heartbeat (of one worker, or of the workers of one
    host), or None when there is none."""
    beats = WorkerHeartbeat.objects.all()
    if worker_id:
        beats = beats.filter(worker_id=worker_id)
    if host:
        beats = beats.filter(host=host)
    return beats.aggregate(latest=Max("last_seen"))["latest"]


def stopped_task_ids(task_ids: Iterable[str]) -> set[str]:
    """Of ``task_ids``, the tasks that will never finish the job they were given.

    A task is stopped when it is marked running by a worker whose heartbeat is
    older than ``WORKER_HEARTBEAT_MAX_AGE`` (and it started before that), when it
    ended without its job ending (a worker stopped by force between the two), or
    when its row is gone. A task still waiting in the queue is not stopped: a
    worker will take it (a stuck queue shows in the health check instead).
    """
    ids = {str(task_id) for task_id in task_ids if task_id}
    if not ids:
        return set()
    limit = timezone.now() - heartbeat_max_age()
    tasks = list(
        DBTaskResult.objects.filter(id__in=ids).values_list(
            "id", "status", "worker_ids", "started_at"
        )
    )
    alive = set(
        WorkerHeartbeat.objects.filter(last_seen__gte=limit).values_list("worker_id", flat=True)
    )
    stopped = ids - {str(pk) for pk, *_rest in tasks}
    for pk, status, worker_ids, started_at in tasks:
        if status in FINISHED_TASK:
            stopped.add(str(pk))
        elif status == TaskResultStatus.RUNNING:
            worker = worker_ids[-1] if worker_ids else None
            if worker not in alive and (started_at is None or started_at < limit):
                stopped.add(str(pk))
    return stopped


def close_stopped_tasks(task_ids: Iterable[str]) -> int:
    """Mark the still "running" task rows of stopped workers as failed."""
    return DBTaskResult.objects.filter(
        id__in=[str(task_id) for task_id in task_ids], status=TaskResultStatus.RUNNING
    ).update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        exception_class_path="core.jobs.WorkerStopped",
        traceback="The worker stopped (no heartbeat) before the task finished.",
    )


def fail_stopped_jobs(unfinished, *, failed: dict) -> int:
    """Of the job rows ``unfinished`` (with ``task_id`` and ``bijgewerkt_op``), update
    those whose task stopped with the fields ``failed``; how many.

    Only jobs without a change for ``WORKER_HEARTBEAT_MAX_AGE`` are looked at (a
    live worker records every step). The update filters ``unfinished`` again, so a
    job that ends at this very moment keeps its result.
    """
    now = timezone.now()
    found = dict(
        unfinished.filter(bijgewerkt_op__lt=now - heartbeat_max_age()).values_list("pk", "task_id")
    )
    if not found:
        return 0
    stopped = stopped_task_ids(found.values())
    ids = [pk for pk, task_id in found.items() if not task_id or task_id in stopped]
    with transaction.atomic():
        count = unfinished.filter(pk__in=ids).update(bijgewerkt_op=now, **failed)
        close_stopped_tasks(stopped)
    return count


# --- housekeeping -----------------------------------------------------------------

_housekeeping: list[tuple[str, Callable[[], int]]] = []


def register_housekeeping(name: str, step: Callable[[], int]) -> None:
    """Add a step (returning how many things it handled) to every housekeeping run."""
    if name not in {existing for existing, _step in _housekeeping}:
        _housekeeping.append((name, step))


def run_housekeeping() -> dict[str, int]:
    """Every registered step once; one failing step does not stop the others."""
    counts: dict[str, int] = {}
    for name, step in _housekeeping:
        try:
            counts[name] = step()
        except Exception:
            logger.exception("housekeeping step %s failed", name)
            counts[name] = -1
    logger.info("housekeeping done", extra={"event": "housekeeping", "counts": counts})
    return counts


def delete_with_files(jobs, file_field: str) -> int:
    """Delete the rows ``jobs`` and the stored file of each; how many."""
    removed = 0
    for job in jobs.only("pk", file_field):
        stored = getattr(job, file_field)
        if stored:
            stored.delete(save=False)
        job.delete()
        removed += 1
    return removed


def prune_task_rows() -> int:
    """Finished task rows older than ``TASK_RESULT_MAX_AGE_DAYS``."""
    limit = timezone.now() - datetime.timedelta(days=settings.TASK_RESULT_MAX_AGE_DAYS)
    deleted, _detail = DBTaskResult.objects.filter(
        status__in=FINISHED_TASK, finished_at__lt=limit
    ).delete()
    return deleted


def prune_heartbeats() -> int:
    """Heartbeats of workers gone for a day (each start has a new worker id)."""
    limit = timezone.now() - datetime.timedelta(days=1)
    deleted, _detail = WorkerHeartbeat.objects.filter(last_seen__lt=limit).delete()
    return deleted


# --- the worker's own thread ------------------------------------------------------


class HeartbeatThread(threading.Thread):
    """Writes this worker's heartbeat every ``WORKER_HEARTBEAT_INTERVAL`` seconds and
    runs the housekeeping every ``WORKER_HOUSEKEEPING_INTERVAL`` seconds.

    A thread, so the heartbeat goes on while the worker's main thread renders.
    It has its own database connection (Django's connections are per thread).
    """

    def __init__(self, worker_id: str):
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.started_at = timezone.now()
        self.stopping = threading.Event()

    def run(self) -> None:
        # Workers started together do not all clean up at the same moment.
        interval = settings.WORKER_HOUSEKEEPING_INTERVAL
        next_housekeeping = time.monotonic() + random.uniform(0.1, 1.0) * interval  # noqa: S311
        while not self.stopping.is_set():
            close_old_connections()
            try:
                record_heartbeat(worker_id=self.worker_id, started_at=self.started_at)
                if interval and time.monotonic() >= next_housekeeping:
                    next_housekeeping = time.monotonic() + interval
                    run_housekeeping()
            except Exception:
                # The database may be away for a moment; the next beat tries again.
                logger.exception("worker heartbeat failed")
            self.stopping.wait(settings.WORKER_HEARTBEAT_INTERVAL)
        connection.close()

    def stop(self) -> None:
        """Stop beating and remove this worker's heartbeat (a clean exit)."""
        self.stopping.set()
        self.join(timeout=10)
        try:
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
        except Exception:
            logger.exception("removing the worker heartbeat failed")
