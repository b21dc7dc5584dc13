"""The /_healthz/ endpoints: green when all is well, red for each dependency taken away.

Liveness asks nothing; readiness asks the database, the cache, media storage and
the migrations; the full check also the workers' heartbeat and the queue. No
login is needed, and nothing personal is shown.
"""

from __future__ import annotations

import datetime

import pytest
from django.db import connection, connections
from django.db.migrations.recorder import MigrationRecorder
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.jobs import record_heartbeat
from core.models import WorkerHeartbeat
from core.tasks import make_export

pytestmark = pytest.mark.django_db

LIVE, READY, FULL = "/_healthz/livez/", "/_healthz/readyz/", "/_healthz/"


def health(path: str) -> tuple[int, dict]:
    """Asked as a monitoring system does: anonymous, JSON."""
    response = Client().get(path, headers={"accept": "application/json"})
    return response.status_code, response.json()


def failing(results: dict) -> dict:
    return {name: value for name, value in results.items() if value != "OK"}


@pytest.fixture
def worker_alive(db):
    record_heartbeat(worker_id="worker-1", started_at=timezone.now())


@pytest.fixture
def media(media_root, settings):
    media_root.mkdir(parents=True, exist_ok=True)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(media_root)},
        },
    }
    return media_root


def test_all_green_without_login(worker_alive, media):
    for path in (LIVE, READY, FULL):
        status, results = health(path)
        assert status == 200, (path, failing(results))
    _status, full = health(FULL)
    names = " ".join(full)
    for check in ("Database", "Cache", "Storage", "Migrations", "Workers", "Queue"):
        assert check in names
    # Nothing left behind in media by the storage check.
    assert not any(path.is_file() for path in media.rglob("*"))


def test_html_and_text_answers_for_people_and_scripts(worker_alive, media):
    response = Client().get(READY)
    assert response.status_code == 200 and b"<html" in response.content
    text = Client().get(READY + "?format=text")
    assert text.status_code == 200 and "Migrations" in text.content.decode()


def test_liveness_asks_no_dependency(monkeypatch, media, settings):
    """Even with database and cache gone, the process itself is alive."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    broken_database(monkeypatch)
    status, results = health(LIVE)
    assert status == 200 and not failing(results)


def broken_database(monkeypatch) -> None:
    """New connections go to a database that is not there (as when the server is down)."""
    settings_dict = connections.settings[connection.alias]
    if connection.vendor == "sqlite":
        monkeypatch.setitem(settings_dict, "NAME", "/nonexistent/folder/db.sqlite3")
    else:
        monkeypatch.setitem(settings_dict, "HOST", "127.0.0.1")
        monkeypatch.setitem(settings_dict, "PORT", "9")  # nothing listens on discard


def test_database_unreachable_is_red(monkeypatch, media, worker_alive):
    broken_database(monkeypatch)
    for path in (READY, FULL):
        status, results = health(path)
        assert status == 500
        assert any("Database" in name for name in failing(results)), results


def test_cache_that_keeps_nothing_is_red(settings, media, worker_alive):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    status, results = health(READY)
    assert status == 500
    assert list(failing(results)) == ["Cache(alias='default')"], results


def test_media_storage_that_cannot_save_is_red(settings, tmp_path, worker_alive):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(not_a_folder / "media")},
        },
    }
    status, results = health(READY)
    assert status == 500
    assert list(failing(results)) == ["Storage(alias='default')"], results


def test_unapplied_migration_is_red(media, worker_alive):
    # Forget the newest applied migration, whichever it is.
    MigrationRecorder.Migration.objects.filter(app="core").order_by("-name").first().delete()
    status, results = health(READY)
    assert status == 500
    assert failing(results) == {
        "Migrations(alias='default')": "Unavailable: 1 migration(s) not applied"
    }


def test_no_worker_or_an_old_heartbeat_is_red_in_the_full_check_only(media):
    status, results = health(FULL)
    assert status == 500 and list(failing(results)) == ["Workers()"]
    record_heartbeat(worker_id="worker-1", started_at=timezone.now())
    WorkerHeartbeat.objects.update(last_seen=timezone.now() - datetime.timedelta(minutes=5))
    status, results = health(FULL)
    assert status == 500 and list(failing(results)) == ["Workers()"]
    assert "300 s ago" in results["Workers()"]
    assert health(READY)[0] == 200


def test_stuck_queue_is_red(media, worker_alive, settings):
    settings.QUEUE_MAX_AGE = 300
    result = make_export.enqueue(0)
    assert health(FULL)[0] == 200  # just queued
    DBTaskResult.objects.filter(id=result.id).update(
        enqueued_at=timezone.now() - datetime.timedelta(minutes=10)
    )
    status, results = health(FULL)
    assert status == 500 and list(failing(results)) == ["Queue()"], results


def test_health_pages_pass_the_two_step_login(settings, media, worker_alive, coordinator):
    """A half-logged-in session (second factor still owed) is not sent to the code page."""
    settings.TWO_FACTOR_DEMO_EXEMPT = False
    client = Client()
    client.force_login(coordinator)
    assert client.get("/").status_code == 302  # everything else asks for the code
    response = client.get(READY, headers={"accept": "application/json"})
    assert response.status_code == 200
