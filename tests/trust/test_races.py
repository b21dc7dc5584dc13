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
print(json.dumps(races.{scenarios}))
"""


@pytest.fixture(scope="module")
def sqlite_folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("races")


def scenarios_in_a_process(
    folder: Path, database: dict[str, str], scenarios: str = "all_scenarios()"
) -> dict:
    """``scenarios`` (a call in tests/trust/races.py) in a process of their own, on
    the SQLite file ``database`` names."""
    env = {
        **os.environ,
        "MEDIA_ROOT": str(folder / "media"),
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DJANGO_SETTINGS_MODULE": "sterkewijken.settings",
    }
    env.pop("DATABASE_URL", None)
    code = "import django; django.setup()\n" + SCRIPT.format(scenarios=scenarios)
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, **database},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def sqlite_results(sqlite_folder) -> dict:
    return scenarios_in_a_process(sqlite_folder, {"SQLITE_PATH": str(sqlite_folder / "db.sqlite3")})


@pytest.fixture(scope="module")
def sqlite_url_results(sqlite_folder) -> dict:
    """The same file given as ``DATABASE_URL=sqlite:///...`` (already migrated when
    the other SQLite run came first; every scenario makes data of its own)."""
    url = f"sqlite:///{sqlite_folder / 'db.sqlite3'}"
    return scenarios_in_a_process(sqlite_folder, {"DATABASE_URL": url}, "simultaneous_intakes(3)")


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


def test_sqlite_given_as_a_database_url_also_queues_its_writers(sqlite_url_results):
    """SQLite through DATABASE_URL gets the same safeguards as the default file:
    simultaneous writes wait their turn instead of failing with "database is locked"."""
    assert sqlite_url_results["codes"] == [302, 302, 302], sqlite_url_results["codes"]
    assert sqlite_url_results["klussen"] == 3
