"""The worker's own liveness: its heartbeat thread, and ``manage.py worker_health``
for a process supervisor (exit 0 alive, 1 not)."""

import datetime
import socket
import time

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from core.jobs import HeartbeatThread, record_heartbeat
from core.models import WorkerHeartbeat


def worker_health(*args) -> int:
    try:
        call_command("worker_health", *args)
    except CommandError as error:
        return error.returncode
    return 0


@pytest.mark.django_db
def test_worker_health_follows_the_heartbeat_age(settings):
    settings.WORKER_HEARTBEAT_MAX_AGE = 90
    assert worker_health() == 1  # no worker at all
    record_heartbeat(worker_id="w-1", started_at=timezone.now())
    assert worker_health() == 0
    assert worker_health("--worker-id", "w-1") == 0
    assert worker_health("--worker-id", "w-2") == 1
    assert worker_health("--host", "another-machine") == 1
    WorkerHeartbeat.objects.update(last_seen=timezone.now() - datetime.timedelta(seconds=91))
    assert worker_health() == 1
    assert WorkerHeartbeat.objects.get().host == socket.gethostname()


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_thread_beats_and_clears_up_on_a_clean_stop(settings):
    settings.WORKER_HEARTBEAT_INTERVAL = 0.05
    settings.WORKER_HOUSEKEEPING_INTERVAL = 0
    thread = HeartbeatThread("w-thread")
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not WorkerHeartbeat.objects.filter(worker_id="w-thread").exists():
            assert time.monotonic() < deadline, "no heartbeat written"
            time.sleep(0.05)
        first = WorkerHeartbeat.objects.get().last_seen
        while WorkerHeartbeat.objects.get().last_seen == first:
            assert time.monotonic() < deadline, "the heartbeat is not renewed"
            time.sleep(0.05)
        assert worker_health("--worker-id", "w-thread") == 0
    finally:
        thread.stop()
    assert not WorkerHeartbeat.objects.exists()


@pytest.mark.django_db
def test_housekeeping_prunes_old_task_rows_and_heartbeats(settings):
    from django_tasks_db.models import DBTaskResult

    from core.tasks import make_export

    settings.TASK_RESULT_MAX_AGE_DAYS = 30
    old, recent, waiting = (make_export.enqueue(n).id for n in (1, 2, 3))
    now = timezone.now()
    DBTaskResult.objects.filter(id=old).update(
        status="SUCCESSFUL", finished_at=now - datetime.timedelta(days=31)
    )
    DBTaskResult.objects.filter(id=recent).update(
        status="FAILED", finished_at=now - datetime.timedelta(days=29)
    )
    record_heartbeat(worker_id="gone", started_at=now)
    record_heartbeat(worker_id="here", started_at=now)
    WorkerHeartbeat.objects.filter(worker_id="gone").update(
        last_seen=now - datetime.timedelta(days=2)
    )
    call_command("housekeeping")
    assert {str(pk) for pk in DBTaskResult.objects.values_list("id", flat=True)} == {
        str(recent),
        str(waiting),
    }
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["here"]
