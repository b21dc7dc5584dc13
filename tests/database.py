"""The test database: migrated once, copied for each test process.

Migrating takes a test process many seconds; with pytest-xdist every worker
did it again. Here the first process to need it migrates into a template (under
a file lock, so two workers never migrate at the same time) and every process
copies that template:

- SQLite (no ``DATABASE_URL``): the template is a file in ``var/test-db/``; each
  process copies it into its own in-memory database (SQLite's backup API).
- PostgreSQL: the template is a database ``<test name>_tpl_<key>``; each process
  gets its own ``CREATE DATABASE ... TEMPLATE``.

The template's name carries a key of every migration file (and Django's version),
so a new or changed migration makes a new template; the old one is removed. It
is kept between runs: a second run on the same machine migrates nothing. The
signals that follow a migration (content types, permissions, the roles' groups)
are sent again in every process, so they always follow the current code.
"""

from __future__ import annotations

import fcntl
import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import django
import pytest
from django.conf import settings

TEMPLATE_DIR = Path(settings.BASE_DIR) / "var" / "test-db"


def migrations_key() -> str:
    """A short hash of Django's version and every migration file of every app."""
    from django.apps import apps

    digest = hashlib.sha256(django.get_version().encode())
    for app in sorted(apps.get_app_configs(), key=lambda config: config.label):
        folder = Path(app.path) / "migrations"
        for path in sorted(folder.glob("*.py")) if folder.is_dir() else ():
            digest.update(f"{app.label}/{path.name}".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@contextmanager
def locked() -> Iterator[None]:
    """One process at a time (the other xdist workers, another run)."""
    TEMPLATE_DIR.mkdir(parents=True, exist_ok=True)
    with open(TEMPLATE_DIR / "lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _use_name(connection, name: str) -> None:
    connection.close()
    connection.settings_dict["NAME"] = name
    settings.DATABASES[connection.alias]["NAME"] = name


def _migrate_into(connection, test_name: str) -> None:
    """Create and migrate the database ``test_name`` (Django's own test set-up)."""
    connection.settings_dict.setdefault("TEST", {})
    previous = connection.settings_dict["TEST"].get("NAME")
    connection.settings_dict["TEST"]["NAME"] = test_name
    try:
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    finally:
        connection.settings_dict["TEST"]["NAME"] = previous
    connection.close()


def _sqlite(connection, key: str) -> None:
    template = TEMPLATE_DIR / f"template-{key}.sqlite3"
    with locked():
        if not template.exists():
            for old in TEMPLATE_DIR.glob("template-*.sqlite3*"):
                old.unlink()
            building = TEMPLATE_DIR / f"building-{key}.sqlite3"
            building.unlink(missing_ok=True)
            _migrate_into(connection, str(building))
            building.rename(template)
    # Django's name for the in-memory test database (shared by the live server's thread).
    _use_name(connection, connection.creation._get_test_db_name())
    connection.ensure_connection()
    source = sqlite3.connect(template)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


def _postgresql(connection, key: str) -> None:
    creation = connection.creation
    own = creation._get_test_db_name()
    original = connection.settings_dict["NAME"]
    base = "test_" + original
    template = f"{base}_tpl_{key}"
    quote = connection.ops.quote_name
    with locked():
        with creation._nodb_cursor() as cursor:
            cursor.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE %s", [base + "_tpl_%"]
            )
            existing = {row[0] for row in cursor.fetchall()}
        if template not in existing:
            with creation._nodb_cursor() as cursor:
                for old in existing:
                    cursor.execute(f"DROP DATABASE IF EXISTS {quote(old)}")
            _migrate_into(connection, template)
            _use_name(connection, original)
        with creation._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quote(own)}")
            cursor.execute(f"CREATE DATABASE {quote(own)} TEMPLATE {quote(template)}")
    _use_name(connection, own)


def set_up_test_database() -> str | None:
    """Point the default connection at this process's copy of the template; returns
    the name of a database to drop at the end (None: nothing to drop)."""
    from django.core.management.sql import emit_post_migrate_signal
    from django.db import connections

    connection = connections["default"]
    key = migrations_key()
    if connection.vendor == "sqlite":
        _sqlite(connection, key)
        dropped = None
    elif connection.vendor == "postgresql":
        _postgresql(connection, key)
        dropped = connection.settings_dict["NAME"]
    else:
        raise NotImplementedError(connection.vendor)
    emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias)
    return dropped


def drop_test_database(name: str) -> None:
    from django.db import connections

    connection = connections["default"]
    connection.close()
    with connection.creation._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)}")


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_modify_db_settings,
) -> Iterator[None]:
    """pytest-django's fixture of this name, made from the migrated template."""
    from django.db import connections

    original = connections["default"].settings_dict["NAME"]
    with django_db_blocker.unblock():
        dropped = set_up_test_database()
    yield
    with django_db_blocker.unblock():
        if dropped:
            try:
                drop_test_database(dropped)
            except Exception as error:  # noqa: BLE001 - a leftover database is no failure
                request.node.warn(pytest.PytestWarning(f"test database not dropped: {error!r}"))
        _use_name(connections["default"], original)
