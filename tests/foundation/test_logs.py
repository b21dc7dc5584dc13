"""One JSON log line per request and per background task, without personal data.

The line holds time, level, request id (also in the ``X-Request-ID`` response
header; a sane incoming id is kept), user id, role, path without its query
string, status, duration and number of queries; never the requester's name,
address or phone number, nor free text.
"""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.module_loading import import_string

from buurtservice.models import Klus
from core.logs import ContextFilter, scrub_event
from core.tasks import make_export
from tests.conftest import work_off_queue

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def json_log():
    """Everything logged during the test, as the production handler writes it."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(import_string(settings.LOGGING["formatters"]["json"]["()"])())
    handler.addFilter(ContextFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    old_level = root.level
    root.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)
    root.setLevel(old_level)


def request_lines(lines: list[dict]) -> list[dict]:
    return [line for line in lines if line.get("event") == "request"]


def test_a_request_logs_one_json_line_with_its_fields_and_no_personal_data(
    client, buurtservice_user, wijk_a, json_log
):
    client.force_login(buurtservice_user)
    response = client.post(
        reverse("buurtservice:klus_create") + "?q=Pietersen",
        {
            "aanvraagdatum": "2024-03-15",
            "wijk": wijk_a.pk,
            "soort": "drempel",
            "verwijzer": "wmo",
            "omschrijving": "Drempel bij de achterdeur van Mevr. Pietersen",
            "aanvrager_naam": "Mevr. Pietersen",
            "aanvrager_adres": "Lindelaan 12",
            "aanvrager_telefoon": "0575-123456",
        },
        headers={"x-request-id": "proxy-req-0123456789abcdef"},
    )
    assert response.status_code == 302 and Klus.objects.count() == 1
    assert response["X-Request-ID"] == "proxy-req-0123456789abcdef"

    lines = json_log()
    [line] = request_lines(lines)
    assert line["request_id"] == "proxy-req-0123456789abcdef"
    assert line["level"] == "INFO"
    assert line["time"][:2] == "20"
    assert line["user_id"] == buurtservice_user.pk
    assert line["role"] == "buurtservice"
    assert line["method"] == "POST"
    assert line["path"] == "/buurtservice/klussen/nieuw/"  # without its query string
    assert line["status"] == 302
    assert line["duration_ms"] >= 0 and line["queries"] > 0

    everything = json.dumps(lines)
    for personal in ("Pietersen", "Lindelaan", "0575", "achterdeur"):
        assert personal not in everything


def test_an_insane_incoming_request_id_is_replaced(client, json_log):
    response = client.get("/_healthz/livez/", headers={"x-request-id": "<script>alert(1)"})
    request_id = response["X-Request-ID"]
    assert request_id != "<script>alert(1)" and len(request_id) == 32
    [line] = request_lines(json_log())
    assert line["request_id"] == request_id
    assert line["user_id"] is None and line["role"] is None


def test_every_line_of_a_request_carries_its_id(client, coordinator, json_log):
    client.force_login(coordinator)
    client.get("/bestaat-niet/?q=geheim")  # Django logs "Not Found" itself
    lines = json_log()
    request_id = request_lines(lines)[0]["request_id"]
    not_found = [line for line in lines if line["name"] == "django.request"]
    assert not_found and all(line["request_id"] == request_id for line in not_found)
    assert "geheim" not in json.dumps(lines)


def test_a_background_task_logs_one_line(json_log):
    make_export.enqueue(0)  # no such job: the task fails
    assert work_off_queue() == 1
    [line] = [line for line in json_log() if line.get("event") == "task"]
    assert line["task"] == "make_export"
    assert line["status"] == "FAILED" and line["level"] == "ERROR"
    assert line["request_id"] == f"task-{line['task_id']}"
    assert line["queries"] >= 1 and line["worker_id"] == "test-worker"


def test_log_format_json_writes_json_lines_on_stdout():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "LOG_"))}
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "import logging; logging.getLogger('probe').warning('hello')",
        ],
        cwd=ROOT,
        env={**env, "LOG_FORMAT": "json"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    [line] = [json.loads(text) for text in result.stdout.splitlines() if "probe" in text]
    assert line["message"] == "hello" and line["level"] == "WARNING"


def test_sentry_events_lose_the_requester_fields_and_request_details():
    event = {
        "request": {
            "url": "https://wijken.example.nl/buurtservice/?q=Pietersen",
            "query_string": "q=Pietersen",
            "data": {"aanvrager_naam": "Mevr. Pietersen"},
            "cookies": {"sessionid": "abc"},
            "headers": {"Cookie": "sessionid=abc", "User-Agent": "x"},
        },
        "user": {"id": 7, "username": "carla", "email": "c@example.nl"},
        "extra": {"klus": {"aanvrager_adres": "Lindelaan 12", "aanvrager_telefoon": "06"}},
    }
    scrubbed = json.dumps(scrub_event(event))
    for personal in ("Pietersen", "Lindelaan", "sessionid", "carla", 'example.nl"'):
        assert personal not in scrubbed
    assert '"id": 7' in scrubbed and "User-Agent" in scrubbed


def test_sentry_is_set_up_only_with_a_dsn_and_without_personal_data():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SENTRY_"))}
    probe = (
        "import sentry_sdk; o = sentry_sdk.get_client().options; "
        "print(o.get('dsn'), o.get('send_default_pii'), o.get('include_local_variables'), "
        "getattr(o.get('before_send'), '__name__', None))"
    )

    def options(**extra) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", probe],
            cwd=ROOT,
            env={**env, **extra},
            capture_output=True,
            text=True,
            timeout=120,
        )
        return result.stdout.strip().splitlines()[-1]

    assert options() == "None None True None"  # nothing set up
    dsn = "https://key@127.0.0.1:9/1"
    assert options(SENTRY_DSN=dsn) == f"{dsn} False False scrub_event"
