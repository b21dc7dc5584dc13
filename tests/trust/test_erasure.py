"""Erasure that erases (issue 14, finding 3).

After ``avg_wissen`` the requester's name, address and the health detail typed
into a job's description stayed in the audit history, so in the history pages
and in every backup made afterwards; the reason for cancelling was kept. Here
the name is looked for where it could hide: the history tables, the history
pages, the SQLite file itself and a fresh backup archive.
"""

from __future__ import annotations

import datetime
import io
import os
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from buurtservice.choices import KlusStatus
from buurtservice.models import Klus
from buurtservice.services import cancel_klus, register_klus
from core.roles import Role
from tests.factories import WijkFactory, make_user

ROOT = Path(__file__).resolve().parents[2]
NAME = "Geertruida Plasschaert"
HEALTH = "rolstoel na heupoperatie"


def run(name: str, *args: str) -> str:
    out = io.StringIO()
    call_command(name, *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def klussen(db):
    """One requester's two jobs whose texts name her; each saved several times."""
    wijk = WijkFactory(naam="De Hoven")
    medewerker = make_user(Role.BUURTSERVICE, username="bs")
    today = datetime.date(2025, 6, 1)
    first = register_klus(
        door=medewerker,
        wijk=wijk,
        soort="drempel",
        verwijzer="wmo",
        aanvraagdatum=datetime.date(2025, 5, 1),
        omschrijving=f"Drempel weg bij {NAME}: {HEALTH}",
        aanvrager_naam=NAME,
        aanvrager_adres="Hovenlaan 3",
        today=today,
    )
    first.omschrijving = f"Drempel weg bij mevrouw {NAME}, {HEALTH}; sleutel bij buren"
    first.save()
    second = register_klus(
        door=medewerker,
        wijk=wijk,
        soort="tuin",
        verwijzer="inwoner",
        aanvraagdatum=datetime.date(2025, 5, 2),
        aanvrager_naam=NAME,
        today=today,
    )
    cancel_klus(
        klus=second, reden=f"{NAME} is verhuisd naar het verpleeghuis", door=medewerker, today=today
    )
    other = register_klus(
        door=medewerker,
        wijk=wijk,
        soort="tuin",
        verwijzer="inwoner",
        aanvraagdatum=datetime.date(2025, 5, 3),
        omschrijving="Heg snoeien",
        aanvrager_naam="Buurman",
        today=today,
    )
    return {"first": first, "second": second, "other": other, "medewerker": medewerker}


def history_texts() -> str:
    return " ".join(
        f"{row.omschrijving} {row.annuleringsreden}" for row in Klus.history.all().order_by("pk")
    )


@pytest.mark.django_db
def test_erasure_clears_the_jobs_and_their_history(klussen):
    assert NAME in history_texts() and HEALTH in history_texts()

    out = run("avg_wissen", "--naam", NAME)
    assert "Erased the requester data of 2 job(s)" in out
    assert NAME not in out

    assert NAME not in history_texts()
    assert HEALTH not in history_texts()
    for key, status in (("first", KlusStatus.WACHTLIJST), ("second", KlusStatus.GEANNULEERD)):
        klus = Klus.objects.get(pk=klussen[key].pk)
        assert (klus.aanvrager_naam, klus.omschrijving, klus.annuleringsreden) == ("", "", "")
        assert klus.status == status  # the job stays for the figures
    # Someone else's job keeps its texts, in the record and in its history.
    assert Klus.objects.get(pk=klussen["other"].pk).omschrijving == "Heg snoeien"
    assert Klus.history.filter(id=klussen["other"].pk, omschrijving="Heg snoeien").exists()


@pytest.mark.django_db
def test_the_history_pages_no_longer_show_the_name(klussen):
    coordinator = make_user(Role.COORDINATOR, username="coord")
    # The Django admin (with its own history pages) is for superusers only.
    beheerder = User.objects.create_superuser("root", password="x")
    pages = [
        (coordinator, reverse("audit:geschiedenis", args=["klus", klussen["first"].pk])),
        (coordinator, reverse("audit:geschiedenis", args=["klus", klussen["second"].pk])),
        (beheerder, reverse("admin:buurtservice_klus_history", args=[klussen["first"].pk])),
    ]
    for user, url in pages:
        client = Client()
        client.force_login(user)
        assert NAME in client.get(url).content.decode(), url
    run("avg_wissen", "--naam", NAME)
    for user, url in pages:
        client = Client()
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert NAME not in response.content.decode(), url


@pytest.mark.django_db
def test_the_waiting_list_forgets_the_name_at_once(klussen):
    """The waiting list keeps its rendered rows until a job changes; erasure writes
    with one UPDATE (no signals), so it must give the jobs a new data version."""
    client = Client()
    client.force_login(klussen["medewerker"])
    url = reverse("buurtservice:wachtlijst")
    assert NAME in client.get(url).content.decode()
    run("avg_wissen", "--naam", NAME)
    html = client.get(url).content.decode()
    assert NAME not in html and "Buurman" in html


@pytest.mark.django_db
def test_the_retention_run_clears_the_history_too(klussen):
    Klus.objects.filter(pk=klussen["first"].pk).update(
        status=KlusStatus.UITGEVOERD, uitgevoerd_op=datetime.date(2025, 5, 20)
    )
    out = run("anonimiseer_aanvragers", "--months", "0")
    assert "2 job(s)" in out
    assert NAME not in history_texts()


@pytest.mark.django_db
def test_erasure_names_the_backups_that_still_hold_the_data(klussen, settings, tmp_path):
    settings.BACKUP_DIR = tmp_path / "backups"
    settings.BACKUP_DIR.mkdir()
    old = settings.BACKUP_DIR / "sterkewijken-20250101-020000.tar.gz"
    old.write_bytes(b"old")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    (settings.BACKUP_DIR / "notities.txt").write_text("not a backup")

    dry = run("avg_wissen", "--naam", NAME, "--dry-run")
    assert "1 backup(s)" in dry and "would still hold" in dry

    out = run("avg_wissen", "--naam", NAME)
    assert f"1 backup(s) in {settings.BACKUP_DIR} predate this erasure" in out
    assert old.name in out
    assert "notities.txt" not in out

    # A backup made after the erasure is not listed the next time.
    later = settings.BACKUP_DIR / "sterkewijken-later.tar.gz"
    later.write_bytes(b"new")
    in_an_hour = time.time() + 3600
    os.utime(later, (in_an_hour, in_an_hour))
    out = run("avg_wissen", "--adres", "Hovenlaan 3")
    assert "0 job(s)" in out and later.name not in out


@pytest.mark.django_db
@pytest.mark.parametrize("months", ["30000", "-1", "1201"])
def test_an_out_of_range_retention_is_refused_with_a_message(months):
    with pytest.raises(CommandError, match="between 0 and 1200 months"):
        call_command("anonimiseer_aanvragers", "--months", months)


def test_out_of_range_months_give_no_traceback_on_the_command_line():
    result = subprocess.run(
        [sys.executable, "manage.py", "anonimiseer_aanvragers", "--months", "30000"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "SQLITE_PATH": ":memory:"},
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "between 0 and 1200 months" in result.stderr


# A real SQLite file, as in production without DATABASE_URL: the jobs are taken
# in and changed through the services, erased by the command, then backed up.
SETUP = f"""
import datetime
from buurtservice.services import cancel_klus, register_klus
from django.contrib.auth.models import User
from wijken.models import Gebied, Wijk
door = User.objects.create_user("bs")
wijk = Wijk.objects.create(naam="De Hoven", gebied=Gebied.objects.create(naam="Centrum"))
today = datetime.date(2025, 6, 1)
klus = register_klus(door=door, wijk=wijk, soort="drempel", verwijzer="wmo",
    aanvraagdatum=datetime.date(2025, 5, 1), omschrijving="Bij {NAME}: {HEALTH}",
    aanvrager_naam="{NAME}", aanvrager_adres="Hovenlaan 3", today=today)
for n in range(3):
    klus.omschrijving = f"Bij {NAME}, {HEALTH}, bezoek {{n}}"
    klus.save()
tweede = register_klus(door=door, wijk=wijk, soort="tuin", verwijzer="inwoner",
    aanvraagdatum=datetime.date(2025, 5, 2), aanvrager_naam="{NAME}", today=today)
cancel_klus(klus=tweede, reden="{NAME} verhuist", door=door, today=today)
"""


def manage(*args: str, env: dict) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_the_name_is_gone_from_the_database_file_and_a_fresh_backup(tmp_path):
    database = tmp_path / "db.sqlite3"
    env = {
        **os.environ,
        "SQLITE_PATH": str(database),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "BACKUP_DIR": str(tmp_path / "backups"),
    }
    env.pop("DATABASE_URL", None)
    manage("migrate", "--verbosity", "0", env=env)
    manage("shell", "--command", SETUP, env=env)
    needle = NAME.encode()
    assert needle in database.read_bytes()  # the check below can fail

    manage("avg_wissen", "--naam", NAME, env=env)
    archive = tmp_path / "na-wissen.tar.gz"
    manage("backup", "--output", str(archive), env=env)

    raw = database.read_bytes()
    assert needle not in raw
    assert HEALTH.encode() not in raw
    for journal in tmp_path.glob("db.sqlite3-*"):
        assert needle not in journal.read_bytes(), journal.name
    with tarfile.open(archive) as backup:
        members = {member.name: backup.extractfile(member) for member in backup.getmembers()}
        dump = members["database.sqlite3"].read()
        assert b"SQLite format 3" in dump[:16]
        assert needle not in dump and HEALTH.encode() not in dump
