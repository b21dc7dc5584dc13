"""Back up and restore the database and the uploaded media files.

A backup is one ``.tar.gz`` holding ``database.pgdump`` (PostgreSQL, made with
``pg_dump --format=custom``) or ``database.sqlite3`` (SQLite, made with
SQLite's online backup API), ``media/`` and a small ``manifest.json``.
Restoring replaces the database's contents and the media.

Media are read and written through the media storage, so a backup holds the
files of whichever backend is configured (the local folder or an S3 bucket),
and an archive made with one backend restores into the other: that is also how
existing media move from the local disk to object storage.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connections
from django.utils import timezone

from core.storage import stored_files

FORMAT_VERSION = 1


class BackupError(Exception):
    pass


def _engine(alias: str) -> str:
    vendor = connections[alias].vendor
    if vendor not in {"postgresql", "sqlite"}:
        raise BackupError(f"unsupported database vendor {vendor!r}")
    return vendor


def _pg_env(alias: str) -> tuple[list[str], dict]:
    conf = connections[alias].settings_dict
    args = ["--dbname", conf["NAME"], "--no-owner", "--no-privileges"]
    if conf.get("HOST"):
        args += ["--host", conf["HOST"]]
    if conf.get("PORT"):
        args += ["--port", str(conf["PORT"])]
    if conf.get("USER"):
        args += ["--username", conf["USER"]]
    env = {**os.environ}
    if conf.get("PASSWORD"):
        env["PGPASSWORD"] = conf["PASSWORD"]
    return args, env


def _sqlite_connection(alias: str) -> sqlite3.Connection:
    connection = connections[alias]
    if connection.in_atomic_block:
        # Transactions take the write lock at once (IMMEDIATE, see settings); SQLite's
        # backup of a connection that holds it would wait for ever.
        raise BackupError("cannot back up an SQLite database from inside a transaction")
    connection.ensure_connection()
    return connection.connection


def _add_media(archive: tarfile.TarFile) -> None:
    """Every file of the media storage, as ``media/<name>``, one at a time."""
    for name in stored_files(default_storage):
        try:
            handle = default_storage.open(name, "rb")
        except FileNotFoundError:  # deleted since the listing (a pruned draft, say)
            continue
        with handle:
            info = tarfile.TarInfo(f"media/{name}")
            info.size = handle.size
            info.mtime = int(timezone.now().timestamp())
            info.mode = 0o600
            archive.addfile(info, handle)


def _replace_media(folder: Path) -> None:
    """Make the media storage hold exactly the files under ``folder``."""
    for name in list(stored_files(default_storage)):
        default_storage.delete(name)
    if not folder.is_dir():
        return
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix()
        with path.open("rb") as handle:
            saved = default_storage.save(name, File(handle, name=name))
        if saved != name:
            raise BackupError(f"media file {name!r} was stored as {saved!r}")


def create_backup(output: Path, *, alias: str = "default") -> Path:
    """Write a backup of database ``alias`` and the media storage to ``output``."""
    engine = _engine(alias)
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        if engine == "postgresql":
            args, env = _pg_env(alias)
            dump = tmpdir / "database.pgdump"
            subprocess.run(
                ["pg_dump", "--format=custom", "--file", str(dump), *args],
                env=env,
                check=True,
                capture_output=True,
            )
        else:
            target = sqlite3.connect(tmpdir / "database.sqlite3")
            with target:
                _sqlite_connection(alias).backup(target)
            target.close()
        manifest = {
            "format": FORMAT_VERSION,
            "engine": engine,
            "created": timezone.now().isoformat(),
        }
        (tmpdir / "manifest.json").write_text(json.dumps(manifest))
        output.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Personal data inside: readable by the owner only, from the first byte on.
        if output.exists():
            output.unlink()
        descriptor = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with (
            os.fdopen(descriptor, "wb") as handle,
            tarfile.open(fileobj=handle, mode="w:gz") as archive,
        ):
            for item in sorted(tmpdir.iterdir()):
                archive.add(item, arcname=item.name)
            _add_media(archive)
        os.chmod(output, 0o600)  # whatever the umask did
    return output


def restore_backup(archive_path: Path, *, alias: str = "default") -> dict:
    """Replace database ``alias`` and the media storage with the backup's contents."""
    engine = _engine(alias)
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        with tarfile.open(archive_path, "r:gz") as archive:
            archive.extractall(tmpdir, filter="data")
        manifest = json.loads((tmpdir / "manifest.json").read_text())
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError("unknown backup format")
        if manifest["engine"] != engine:
            raise BackupError(f"backup is of a {manifest['engine']} database, this one is {engine}")
        if engine == "postgresql":
            connections[alias].close()
            args, env = _pg_env(alias)
            subprocess.run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--single-transaction",
                    "--exit-on-error",
                    *args,
                    str(tmpdir / "database.pgdump"),
                ],
                env=env,
                check=True,
                capture_output=True,
            )
        else:
            source = sqlite3.connect(tmpdir / "database.sqlite3")
            with source:
                source.backup(_sqlite_connection(alias))
            source.close()
        _replace_media(tmpdir / "media")
    return manifest
