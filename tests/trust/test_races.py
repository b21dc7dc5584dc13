"""Races end in one record or a message, never in a 500 (issue 14, finding 10).

Three simultaneous job intakes on SQLite answered "database is locked"; a
double-submitted create form made two records; two simultaneous "Definitief
maken" answered "database is locked" and left an orphan PDF on disk. On SQLite the scenarios run in
a process of their own against a database file (as in production without
DATABASE_URL); on PostgreSQL (CI) they run here, with real threads.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from tests.trust import races

# Real commits, seen by the other threads' connections (PostgreSQL); on SQLite the
# scenarios use their own database file in a process of their own.
pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import json
from django.core.management import call_command
call_command("migrate", verbosity=0)
from tests.trust import races
print(json.dumps(races.all_scenarios()))
"""


@pytest.fixture(scope="module")
def sqlite_results(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("races")
    env = {
        **os.environ,
        "SQLITE_PATH": str(folder / "db.sqlite3"),
        "MEDIA_ROOT": str(folder / "media"),
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_SETTINGS_MODULE": "sterkewijken.settings",
    }
    env.pop("DATABASE_URL", None)
    code = "import django; django.setup()\n" + SCRIPT
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def results(request):
    """The scenarios' outcome on the database this test run uses."""
    if connection.vendor == "sqlite":
        return request.getfixturevalue("sqlite_results")
    request.getfixturevalue("media_root")
    return races.all_scenarios()


def test_three_simultaneous_intakes_all_succeed(results):
    intakes = results["intakes"]
    assert intakes["codes"] == [302, 302, 302], intakes["codes"]
    assert intakes["klussen"] == 3


def test_a_double_submitted_form_makes_one_record(results):
    double = results["double"]
    assert sorted(double["codes"]) == [302, 302], double["codes"]
    assert double["klussen"] == 1
    # Sent once more later ("send again"): still one record, sent to the list.
    assert double["again"] == 302
    assert "/buurtservice/" in double["again_location"]


def test_two_simultaneous_finalisations_store_one_version_and_one_file(results):
    final = results["finalize"]
    # Both are sent on to the progress page of the one job the first request queued.
    assert final["codes"] == [302, 302], final["codes"]
    assert final["jobs"] == 1  # the second request found the first one's job
    assert final["versies"] == 1
    assert final["status"] == "definitief"
    assert len(final["files"]) == 1, final["files"]
