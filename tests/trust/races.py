"""Race scenarios run with real threads against a real database.

Used by tests/trust/test_races.py: in the test process on PostgreSQL, and in a
process of its own against an SQLite *file* (the test run's in-memory SQLite
shares one cache between threads and cannot show "database is locked").
Each scenario makes its own data, starts its threads together at a barrier
and returns plain data (status codes, counts).
"""

from __future__ import annotations

import datetime
import re
import threading
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test import Client
from django.urls import reverse

from buurtservice.models import Klus
from core.onetime import FIELD
from core.roles import Role
from rapportage import services as report_services
from rapportage.models import Jaarrapportage, RapportVersie
from wijken.models import Gebied, Wijk

TOKEN = re.compile(rf'name="{FIELD}" value="([0-9a-f]+)"')


def _setup() -> tuple[User, Wijk]:
    tag = uuid.uuid4().hex[:8]
    user = User.objects.create_user(f"bs-{tag}")
    user.groups.add(Group.objects.get(name=Role.BUURTSERVICE.value))
    gebied = Gebied.objects.create(naam=f"Race {tag}")
    return user, Wijk.objects.create(naam=f"Race {tag}", gebied=gebied)


def _intake(wijk: Wijk, naam: str, **extra) -> dict:
    return {
        "aanvraagdatum": datetime.date.today().isoformat(),
        "wijk": str(wijk.pk),
        "soort": "tuin",
        "verwijzer": "inwoner",
        "omschrijving": "Heg snoeien",
        "aanvrager_naam": naam,
        **extra,
    }


def _together(clients: list[Client], url: str, payloads: list[dict]) -> list[int]:
    """Post each payload with its client at the same moment; the status codes."""
    barrier = threading.Barrier(len(clients))
    codes: list[int | str] = [0] * len(clients)

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            codes[index] = clients[index].post(url, payloads[index]).status_code
        except Exception as error:  # noqa: BLE001 - reported as the result
            codes[index] = f"{type(error).__name__}: {error}"
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return codes


def _client_for(user: User) -> Client:
    client = Client(raise_request_exception=True)
    client.force_login(user)
    return client


def simultaneous_intakes(count: int = 3) -> dict:
    """``count`` coordinators take in a job at the same moment."""
    user, wijk = _setup()
    clients = [_client_for(user) for _ in range(count)]
    payloads = [_intake(wijk, f"Bewoner {n}") for n in range(count)]
    codes = _together(clients, reverse("buurtservice:klus_create"), payloads)
    return {"codes": codes, "klussen": Klus.objects.filter(wijk=wijk).count()}


def double_submit(count: int = 2) -> dict:
    """One intake form sent ``count`` times at once (a double click), then once more."""
    user, wijk = _setup()
    url = reverse("buurtservice:klus_create")
    client = _client_for(user)
    token = TOKEN.search(client.get(url).content.decode()).group(1)
    payload = _intake(wijk, "Dubbel Klik", **{FIELD: token})
    # Same session, as a browser's double click: one client per thread.
    clients = [_client_for(user) for _ in range(count)]
    session = settings.SESSION_COOKIE_NAME
    for other in clients:
        other.cookies[session] = client.cookies[session].value
    codes = _together(clients, url, [payload] * count)
    again = client.post(url, payload)
    return {
        "codes": codes,
        "again": again.status_code,
        "again_location": again.get("Location", ""),
        "klussen": Klus.objects.filter(wijk=wijk).count(),
    }


def double_finalize() -> dict:
    """Two coordinators press "Definitief maken" on the same draft at the same moment,
    then two background workers compete for the queue.

    Making the version is the worker's job: the requests only queue it (the report's
    row lock makes the second request find the first one's job), and the workers
    claim jobs with SKIP LOCKED. Rendering is replaced by a fast stand-in.
    """
    tag = uuid.uuid4().hex[:8]
    users = []
    for n in range(2):
        user = User.objects.create_user(f"co-{tag}-{n}")
        user.groups.add(Group.objects.get(name=Role.COORDINATOR.value))
        users.append(user)
    jaar = 2090 + Jaarrapportage.objects.filter(jaar__gte=2090).count()
    rapportage = Jaarrapportage.objects.create(
        jaar=jaar, titel=f"Race {tag}", versiedatum=datetime.date(jaar, 12, 1)
    )

    def render(rapportage, **kwargs):
        return "<html></html>", b"%PDF-1.4\n% race\n%%EOF\n"

    original = report_services.render_report_pdf
    report_services.render_report_pdf = render
    try:
        url = reverse("rapportage:jaarrapportage_finalize", args=[rapportage.pk])
        codes = _together([_client_for(user) for user in users], url, [{}, {}])
        _workers_together(2)
    finally:
        report_services.render_report_pdf = original
    folder = Path(settings.MEDIA_ROOT) / "rapportages" / str(jaar)
    files = sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.exists() else []
    rapportage.refresh_from_db()
    return {
        "codes": codes,
        "jobs": rapportage.pdf_opdrachten.count(),
        "versies": RapportVersie.objects.filter(rapportage=rapportage).count(),
        "status": rapportage.status,
        "files": files,
    }


def _workers_together(count: int) -> None:
    """``count`` background workers (django-tasks-db's loop), each in its own thread
    with its own connection, working off the queue at the same time."""
    from django_tasks_db.management.commands.db_worker import Worker

    start = threading.Barrier(count)

    def work(number: int) -> None:
        try:
            start.wait(timeout=30)
            Worker(
                queue_names=["*"],
                interval=0,
                batch=True,
                backend_name="default",
                startup_delay=False,
                max_tasks=None,
                worker_id=f"race-worker-{number}",
                excluded_queue_names=[],
            ).run()
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)


def all_scenarios() -> dict:
    return {
        "intakes": simultaneous_intakes(3),
        "double": double_submit(2),
        "finalize": double_finalize(),
    }
