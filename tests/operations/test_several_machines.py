"""Several machines, shown on one: two web servers and two workers share one
PostgreSQL and one S3 bucket, and nothing they serve depends on which one is asked.

Everything runs as separate processes on 127.0.0.1 (tests/operations/cluster.py):
a private PostgreSQL on a free port (never the shared one on 5432 the other tests
use), moto's S3 server, gunicorn twice with the project's gunicorn.conf.py and
``manage.py worker`` twice. The test speaks plain HTTP to the web servers as a
browser would, logged in with the demo accounts.
"""

from __future__ import annotations

import datetime
import io
import re
import signal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
import requests

from .cluster import ClusterError, running_cluster, wait_for

pytestmark = pytest.mark.machines

PASSWORD = "demo-wachtwoord"
REPORT_PK = 1  # the demo's Jaarrapportage 2023
WORKERS = ("machine-1", "machine-2")
IMG_SRC = re.compile(r'<img src="(/media/[^"]+)"')
WIJK_SELECT = re.compile(r'<select name="wijk"[^>]*>(.*?)</select>', re.S)
OPTION_VALUE = re.compile(r'<option value="(\d+)"')
TOKEN_INPUT = re.compile(r'name="submission_token" value="([0-9a-f]+)"')


def total(html: str, name: str) -> int:
    match = re.search(rf'data-testid="total-{name}">([\d.]+)<', html)
    assert match, f"no total {name} on the activity list"
    return int(match.group(1).replace(".", ""))


class Browser:
    """One logged-in user; the session lives in the shared database, so the same
    cookie is good on every web server."""

    def __init__(self, username: str, login_url: str):
        self.session = requests.Session()
        form = self.session.get(f"{login_url}/accounts/login/", timeout=30)
        response = self.session.post(
            f"{login_url}/accounts/login/",
            data={
                "username": username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": self.csrf(form.text),
            },
            allow_redirects=False,
            timeout=30,
        )
        assert response.status_code == 302, f"{username} could not log in: {response.status_code}"

    @staticmethod
    def csrf(html: str) -> str:
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert match, "no CSRF token on the page"
        return match.group(1)

    def get(self, url: str, **kwargs):
        kwargs.setdefault("timeout", 30)
        return self.session.get(url, **kwargs)

    def post(self, url: str, data: dict | None = None, **kwargs):
        """A form post with the CSRF token a browser would send."""
        kwargs.setdefault("timeout", 60)
        kwargs.setdefault("allow_redirects", False)
        headers = {"X-CSRFToken": self.session.cookies.get("csrftoken", ""), "Referer": url}
        return self.session.post(url, data=data or {}, headers=headers, **kwargs)


def record_activity(browser: Browser, base: str, *, title: str, reached: int, photo=None) -> str:
    """A new activity through ``base``; the path of its page."""
    form = browser.get(f"{base}/activiteiten/nieuw/").text
    wijk = OPTION_VALUE.findall(WIJK_SELECT.search(form).group(1))[0]
    token = TOKEN_INPUT.search(form)
    data = {
        "csrfmiddlewaretoken": browser.csrf(form),
        "submission_token": token.group(1) if token else "",
        # Today where the servers are (a date in the future is refused).
        "datum": datetime.datetime.now(ZoneInfo("Europe/Amsterdam")).date().isoformat(),
        "wijk": wijk,
        "soort": "bijeenkomst",
        "titel": title,
        "beschrijving": "Koffieochtend in het buurthuis.",
        "bewoners_bereikt": str(reached),
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "1000",
    }
    files = {"fotos": ("buurthuis.png", photo, "image/png")} if photo else None
    response = browser.session.post(
        f"{base}/activiteiten/nieuw/",
        data=data,
        files=files,
        headers={"Referer": f"{base}/activiteiten/nieuw/"},
        allow_redirects=False,
        timeout=60,
    )
    assert response.status_code == 302, (
        f"activity not saved through {base}: {response.status_code}\n{response.text[:2000]}"
    )
    return urlsplit(response.headers["Location"]).path


def queue_pdf(browser: Browser, base: str) -> int:
    """Press "Maak de PDF" on the report page through ``base``; the job's id."""
    response = browser.post(f"{base}/rapportage/{REPORT_PK}/pdf/maken/")
    assert response.status_code == 302, f"PDF not queued: {response.status_code}"
    match = re.search(r"/rapportage/pdf/(\d+)/", response.headers["Location"])
    assert match, f"unexpected redirect {response.headers['Location']}"
    return int(match.group(1))


def poll_job(browser: Browser, base: str, job: int):
    """The progress page as htmx polls it; the response once polling stops (286)."""
    response = browser.get(f"{base}/rapportage/pdf/{job}/", headers={"HX-Request": "true"})
    assert response.status_code in (200, 286), f"progress page: {response.status_code}"
    return response if response.status_code == 286 else None


def finished_pdf(browser: Browser, base: str, job: int) -> None:
    """Wait, polling through ``base``, until job ``job`` offers its download."""
    done = wait_for(
        f"PDF job {job} to finish", lambda: poll_job(browser, base, job), timeout=120, every=0.5
    )
    assert "pdf-download" in done.text, f"job {job} ended without a PDF:\n{done.text}"


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def task_worker(cluster, job: int) -> str:
    """The worker that took the job's task (from the queue table)."""
    rows = cluster.sql(
        "SELECT t.worker_ids FROM rapportage_pdfopdracht j "
        "JOIN django_tasks_database_dbtaskresult t ON t.id::text = j.task_id WHERE j.id = %s",
        job,
    )
    return rows[0][0][-1] if rows and rows[0][0] else ""


def job_status(cluster, job: int) -> str:
    return cluster.sql("SELECT status FROM rapportage_pdfopdracht WHERE id = %s", job)[0][0]


def test_two_web_servers_and_two_workers_share_database_queue_and_media():
    from tests.factories import png_bytes

    with running_cluster() as cluster:
        a = cluster.start_web("web-a")
        b = cluster.start_web("web-b")
        workers = {worker_id: cluster.start_worker(worker_id) for worker_id in WORKERS}
        cluster.wait_web("web-a", a)
        cluster.wait_web("web-b", b)
        cluster.mark("web servers and workers started")
        makelaar = Browser("makelaar", a)
        coordinator = Browser("coordinator", b)

        cluster.mark("logged in")
        # 1. A photo uploaded through A is shown through B (from the bucket).
        photo = png_bytes((640, 480), colour=(0, 120, 60))
        detail = record_activity(makelaar, a, title="Koffie met foto", reached=4, photo=photo)
        page = makelaar.get(b + detail)
        assert page.status_code == 200
        sources = IMG_SRC.findall(page.text)
        assert sources, "the activity page on B shows no photo"
        image = makelaar.get(b + sources[0])
        assert image.status_code == 200, f"photo through B: {image.status_code}"
        from PIL import Image

        assert Image.open(io.BytesIO(image.content)).size == (640, 480)
        key = sources[0].removeprefix("/media/")
        assert key in cluster.bucket_keys(), "the photo is not in the shared bucket"
        assert not cluster.media_root.exists(), "a file was written to a local disk"
        # Private: the same address without a login is refused.
        anonymous = requests.get(b + sources[0], timeout=30, allow_redirects=False)
        assert anonymous.status_code in (302, 403, 404)

        cluster.mark("1. photo through A shown through B")
        # 2. A PDF queued through B is made by one of the workers, downloaded through A.
        job = queue_pdf(coordinator, b)
        finished_pdf(coordinator, a, job)
        assert task_worker(cluster, job) in WORKERS
        download = coordinator.get(f"{a}/rapportage/pdf/{job}/download/")
        assert download.status_code == 200
        assert download.headers["Content-Type"] == "application/pdf"
        text = pdf_text(download.content)
        assert "Jaarrapportage Sterke Wijken" in text and "december 2023" in text
        assert any(k.endswith("jaarrapportage-2023.pdf") for k in cluster.bucket_keys())

        cluster.mark("2. PDF queued through B, downloaded through A")
        # 3. A write through A changes the cached totals seen through B at once.
        before = makelaar.get(f"{b}/activiteiten/").text
        again = makelaar.get(f"{b}/activiteiten/").text  # now from B's cache
        assert total(again, "aantal") == total(before, "aantal")
        record_activity(makelaar, a, title="Buurtlunch", reached=7)
        after = makelaar.get(f"{b}/activiteiten/").text
        assert total(after, "aantal") == total(before, "aantal") + 1
        assert total(after, "bereikt") == total(before, "bereikt") + 7

        cluster.mark("3. totals on B follow a write through A")
        # 4. A worker killed in the middle of a render leaves a job that is marked
        # failed once its heartbeat is old, and a retry succeeds (on the other one).
        job = queue_pdf(coordinator, a)  # the data changed: a new draft is made
        wait_for(
            f"a worker laying out the pages of job {job}",
            lambda: job_status(cluster, job) in ("opmaak", "schrijven"),
            timeout=120,
            every=0.02,
        )
        victim = task_worker(cluster, job)
        workers[victim].kill(signal.SIGKILL)
        assert workers[victim].wait(10), f"{victim} did not die"
        assert job_status(cluster, job) not in ("klaar", "mislukt"), (
            "the PDF was finished before the worker could be killed"
        )
        failed = wait_for(
            f"job {job} of the killed worker to be marked failed",
            lambda: poll_job(coordinator, a, job),
            timeout=60,
            every=0.5,
        )
        assert 'data-testid="pdf-onderbroken"' in failed.text, failed.text
        assert job_status(cluster, job) == "mislukt"
        retry = queue_pdf(coordinator, b)
        assert retry != job
        finished_pdf(coordinator, b, retry)
        survivor = next(worker_id for worker_id in WORKERS if worker_id != victim)
        assert task_worker(cluster, retry) == survivor
        download = coordinator.get(f"{a}/rapportage/pdf/{retry}/download/")
        assert download.status_code == 200 and download.content.startswith(b"%PDF")

        cluster.mark("4. killed worker's job failed, retry made")

        # 5. Readiness of A goes red while PostgreSQL is down and green when it is back.
        def ready() -> int:
            return requests.get(f"{a}/_healthz/readyz/", timeout=30).status_code

        assert ready() == 200
        cluster.pg("stop")
        wait_for("readiness of A to go red", lambda: ready() != 200, timeout=30)
        cluster.pg()
        wait_for("readiness of A to go green again", lambda: ready() == 200, timeout=60)
        assert makelaar.get(f"{a}/activiteiten/").status_code == 200

        cluster.mark("5. readiness red without PostgreSQL, green again")
        for name in ("web-a", "web-b"):
            if not cluster.process(name).running():
                raise ClusterError(f"{name} stopped during the test")
