"""Production mode insists on explicit settings; development needs none."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_check(env: dict, *args: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without(missing):
    env = {
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": "x" * 60,
        "DJANGO_ALLOWED_HOSTS": "sterkewijken.example.org",
        "DATABASE_URL": "sqlite:////tmp/sw-check.sqlite3",
    }
    del env[missing]
    result = run_check(env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_check_deploy_is_clean():
    result = run_check(
        {
            "DJANGO_ENV": "production",
            "DJANGO_SECRET_KEY": "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789" * 2,
            "DJANGO_ALLOWED_HOSTS": "sterkewijken.example.org",
            "DATABASE_URL": "sqlite:////tmp/sw-check.sqlite3",
        },
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_bad_boolean_fails_loudly():
    result = run_check({"DJANGO_DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DJANGO_DEBUG" in result.stderr


def test_dutch_and_amsterdam(settings):
    assert settings.LANGUAGE_CODE == "nl"
    assert settings.TIME_ZONE == "Europe/Amsterdam"
    assert settings.USE_TZ


SQLITE_STATE = """
import json, django
django.setup()
from django.conf import settings
from django.db import connection
init = settings.DATABASES["default"]["OPTIONS"].get("init_command", "")
with connection.cursor() as cursor:
    pragmas = {
        name: cursor.execute(f"PRAGMA {name}").fetchone()[0]
        for name in ("secure_delete", "busy_timeout")
    }
print(json.dumps({"mode": connection.transaction_mode, "init": init, **pragmas}))
"""


@pytest.mark.parametrize("how", ["SQLITE_PATH", "DATABASE_URL", "DATABASE_URL with options"])
def test_sqlite_keeps_its_safeguards_however_it_is_configured(how, tmp_path):
    """IMMEDIATE transactions (writers queue, no "database is locked"), a busy
    timeout and secure_delete, whether SQLite comes by default or by URL."""
    path = tmp_path / "db.sqlite3"
    env = {
        "SQLITE_PATH": {"SQLITE_PATH": str(path)},
        "DATABASE_URL": {"DATABASE_URL": f"sqlite:///{path}"},
        "DATABASE_URL with options": {"DATABASE_URL": f"sqlite:///{path}?timeout=7"},
    }[how]
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    result = subprocess.run(
        [sys.executable, "-c", SQLITE_STATE],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "sterkewijken.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    state = json.loads(result.stdout.strip().splitlines()[-1])
    # Debian's SQLite erases securely by default; the setting asks for it everywhere.
    assert "PRAGMA secure_delete = ON" in state.pop("init")
    busy_ms = 7000 if "options" in how else 20000
    assert state == {"mode": "IMMEDIATE", "secure_delete": 1, "busy_timeout": busy_ms}
