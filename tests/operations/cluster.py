"""Several machines on one: PostgreSQL, an S3 server, web servers and workers as
separate processes on the loopback address, for tests/operations.

Every process is started here in a session of its own (gunicorn's workers with
their master) and killed by its process group id when the cluster stops; each
writes its output to a log file whose tail is shown when a test fails.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
BIN = Path(PYTHON).parent
S3_REGION = "eu-west-1"
# moto accepts any key; these are not secrets.
S3_KEYS = {"S3_ACCESS_KEY_ID": "machines-key", "S3_SECRET_ACCESS_KEY": "machines-secret"}
# Variables of the test process that must not leak into the servers: they would
# point them at the shared database or another storage.
ISOLATED_PREFIXES = ("DJANGO_", "DATABASE_URL", "SQLITE_", "MEDIA_", "S3_", "AWS_", "PG")


class ClusterError(AssertionError):
    """A process did not start or a wait ran out; the message says which."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(what: str, check: Callable[[], object], *, timeout: float, every: float = 0.2):
    """``check()``'s first truthy answer within ``timeout`` seconds, else a failure
    naming ``what`` (and the last error ``check`` raised)."""
    deadline = time.monotonic() + timeout
    last_error: BaseException | None = None
    while True:
        try:
            answer = check()
        except Exception as error:  # a server still starting refuses connections
            answer, last_error = None, error
        if answer:
            return answer
        if time.monotonic() > deadline:
            detail = f" (last error: {last_error!r})" if last_error else ""
            raise ClusterError(f"waited {timeout:.0f} s for {what}{detail}")
        time.sleep(every)


class Process:
    def __init__(self, name: str, args: list[str], *, env: dict, log: Path):
        self.name, self.args, self.log = name, args, log
        with open(log, "ab") as out:
            self.popen = subprocess.Popen(
                args,
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )

    @property
    def pid(self) -> int:
        return self.popen.pid

    def running(self) -> bool:
        return self.popen.poll() is None

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Signal this process and the ones it started (its own process group)."""
        if self.running():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, sig)

    def wait(self, timeout: float) -> bool:
        try:
            self.popen.wait(max(timeout, 0.01))
        except subprocess.TimeoutExpired:
            return False
        return True

    def tail(self, lines: int = 40) -> str:
        try:
            text = self.log.read_text(errors="replace").splitlines()
        except OSError:
            return "(no log)"
        return "\n".join(text[-lines:])


class Cluster:
    """A private PostgreSQL, one S3 server, web servers and workers."""

    def __init__(self) -> None:
        # Under /tmp and readable: as root, scripts/pg-start runs the server as
        # `postgres`, which must reach its data and socket folders.
        self.dir = Path(tempfile.mkdtemp(prefix="sw-machines-", dir="/tmp"))
        self.dir.chmod(0o755)
        self.logs = self.dir / "logs"
        self.logs.mkdir()
        # The media folder stays empty: every file must go to the bucket.
        self.media_root = self.dir / "media-must-stay-empty"
        self.processes: list[Process] = []
        self.pg_env = {
            "PGDATA_DIR": str(self.dir / "pgdata"),
            "PGSOCKET_DIR": str(self.dir / "pgsocket"),
            "PGPORT": str(free_port()),
            "PG_DATABASE": "sw_machines",
        }
        self.bucket = "sterkewijken-machines"
        self.database_url = ""
        self.s3_endpoint = ""
        self.started = time.monotonic()
        self.timings: list[tuple[str, float]] = []

    def mark(self, what: str) -> None:
        """Note how long the test has run when ``what`` was done (shown with the logs)."""
        self.timings.append((what, time.monotonic() - self.started))
        print(f"[{self.timings[-1][1]:6.1f} s] {what}", flush=True)

    # --- the pieces ------------------------------------------------------------

    def pg(self, *args: str) -> str:
        """scripts/pg-start (start, or ``stop``) for the private server only."""
        env = {**os.environ, **self.pg_env}
        done = subprocess.run(
            ["bash", str(ROOT / "scripts" / "pg-start"), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        with open(self.logs / "pg-start.log", "a") as log:
            log.write(done.stderr)
        if done.returncode != 0:
            raise ClusterError(f"scripts/pg-start {' '.join(args)} failed:\n{done.stderr}")
        return done.stdout.strip()

    def app_env(self, **extra: str) -> dict:
        env = {k: v for k, v in os.environ.items() if not k.startswith(ISOLATED_PREFIXES)}
        env.update(
            DJANGO_SETTINGS_MODULE="sterkewijken.settings",
            # Development settings with DEBUG off: plain HTTP on loopback and the
            # demo logins without an authenticator app; the rest as in production.
            DJANGO_ENV="development",
            DJANGO_DEBUG="false",
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            TWO_FACTOR_DEMO_EXEMPT="true",
            DATABASE_URL=self.database_url,
            MEDIA_ROOT=str(self.media_root),
            MEDIA_STORAGE="s3",
            S3_ENDPOINT_URL=self.s3_endpoint,
            S3_BUCKET=self.bucket,
            S3_REGION=S3_REGION,
            S3_ADDRESSING_STYLE="path",
            LOG_FORMAT="json",
            PYTHONUNBUFFERED="1",
            # A stopped worker is noticed within seconds instead of minutes.
            WORKER_HEARTBEAT_INTERVAL="1",
            WORKER_HEARTBEAT_MAX_AGE="3",
            **S3_KEYS,
        )
        env.update(extra)
        return env

    def start(self, name: str, args: list[str], **env: str) -> Process:
        process = Process(name, args, env=self.app_env(**env), log=self.logs / f"{name}.log")
        self.processes.append(process)
        return process

    def manage(self, *args: str, timeout: float = 300) -> None:
        """A management command against the private database and bucket."""
        log = self.logs / "manage.log"
        with open(log, "a") as out:
            done = subprocess.run(
                [PYTHON, "manage.py", *args],
                cwd=ROOT,
                env=self.app_env(),
                stdout=out,
                stderr=subprocess.STDOUT,
                timeout=timeout,
            )
        if done.returncode != 0:
            raise ClusterError(f"manage.py {' '.join(args)} failed:\n{log.read_text()[-3000:]}")

    def start_s3(self) -> None:
        port = free_port()
        self.s3_endpoint = f"http://127.0.0.1:{port}"
        self.s3 = self.start("s3", [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)])

    def create_bucket(self) -> None:
        client = self.s3_client()
        wait_for("the S3 server", client.list_buckets, timeout=30)
        client.create_bucket(
            Bucket=self.bucket, CreateBucketConfiguration={"LocationConstraint": S3_REGION}
        )

    def s3_client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.s3_endpoint,
            region_name=S3_REGION,
            aws_access_key_id=S3_KEYS["S3_ACCESS_KEY_ID"],
            aws_secret_access_key=S3_KEYS["S3_SECRET_ACCESS_KEY"],
        )

    def bucket_keys(self) -> list[str]:
        pages = self.s3_client().get_paginator("list_objects_v2").paginate(Bucket=self.bucket)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", ()))

    def start_web(self, name: str) -> str:
        """gunicorn with the project's gunicorn.conf.py; its base URL (see ``wait_web``)."""
        port = free_port()
        self.start(
            name,
            # Without gunicorn's control socket: its default path in the home
            # folder is one per user, and two servers would take it from each other.
            [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--no-control-socket"],
            GUNICORN_BIND=f"127.0.0.1:{port}",
            # One process per server: a cached figure read twice through B is then
            # surely in that process's memory when A writes.
            GUNICORN_WORKERS="1",
        )
        return f"http://127.0.0.1:{port}"

    def wait_web(self, name: str, url: str) -> None:
        """Until the web server ``name`` answers its liveness probe."""
        import requests

        process = self.process(name)

        def answers() -> bool:
            if not process.running():
                raise ClusterError(f"{name} exited:\n{process.tail()}")
            return requests.get(f"{url}/_healthz/livez/", timeout=5).status_code == 200

        wait_for(f"web server {name} on {url}", answers, timeout=90)

    def process(self, name: str) -> Process:
        return next(process for process in self.processes if process.name == name)

    def start_worker(self, worker_id: str) -> Process:
        return self.start(
            worker_id,
            [
                PYTHON,
                "manage.py",
                "worker",
                "--worker-id",
                worker_id,
                "--interval",
                "0.3",
                "--no-reload",
                "--no-startup-delay",
            ],
        )

    def sql(self, query: str, *params) -> list[tuple]:
        """Read the private database directly (what a test cannot see over HTTP)."""
        import psycopg

        with psycopg.connect(self.database_url, connect_timeout=5) as conn:
            return conn.execute(query, params).fetchall()

    # --- life cycle ------------------------------------------------------------

    def stop(self, grace: float = 5.0) -> None:
        """Ask every process to stop, kill what still runs after ``grace`` seconds,
        then stop PostgreSQL and remove the folder."""
        for process in self.processes:
            process.kill(signal.SIGTERM)
        deadline = time.monotonic() + grace
        for process in self.processes:
            if not process.wait(deadline - time.monotonic()):
                process.kill(signal.SIGKILL)
                process.wait(grace)
        with contextlib.suppress(Exception):
            self.pg("stop")
        shutil.rmtree(self.dir, ignore_errors=True)

    def report(self) -> str:
        parts = ["--- steps ---", *(f"{at:6.1f} s  {what}" for what, at in self.timings)]
        parts += [f"--- {p.name} (pid {p.pid}, {p.log}) ---\n{p.tail()}" for p in self.processes]
        for extra in ("manage.log", "pg-start.log"):
            path = self.logs / extra
            if path.exists():
                lines = path.read_text(errors="replace").splitlines()[-30:]
                parts.append(f"--- {extra} ---\n" + "\n".join(lines))
        server_log = Path(self.pg_env["PGDATA_DIR"]) / "server.log"
        with contextlib.suppress(OSError):
            tail = server_log.read_text(errors="replace").splitlines()[-20:]
            parts.append("--- postgresql ---\n" + "\n".join(tail))
        return "\n".join(parts)


@contextlib.contextmanager
def running_cluster() -> Iterator[Cluster]:
    """PostgreSQL and S3 up, the demo data loaded; the caller starts web and workers.

    Everything is stopped and removed afterwards, also when a step fails; a
    failure prints the logs of every process first.
    """
    cluster = Cluster()
    try:
        cluster.start_s3()
        cluster.database_url = cluster.pg()
        cluster.mark("PostgreSQL started")
        cluster.create_bucket()
        cluster.mark("bucket created")
        # One process for both: Django starts once.
        cluster.manage(
            "shell",
            "-c",
            "from django.core.management import call_command as run; "
            "run('migrate', interactive=False, verbosity=0); run('demodata', verbosity=0)",
        )
        cluster.mark("migrated, demo data loaded")
        yield cluster
    except BaseException:
        print(cluster.report(), file=sys.stderr)
        raise
    finally:
        cluster.stop()
