"""AVG: the privacy page, and exporting and erasing one requester's data."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from buurtservice.choices import KlusStatus
from buurtservice.models import Klus, KlusStatusWijziging
from core.roles import Role
from tests.factories import InzetFactory, KlusFactory, UitvoerderFactory, WijkFactory, make_user

pytestmark = pytest.mark.django_db


# --- the privacy page -----------------------------------------------------------


def test_privacy_page_says_what_is_stored_and_how_long(client, settings):
    settings.BUURTSERVICE_RETENTION_MONTHS = 18
    client.force_login(make_user(Role.MAKELAAR, username="anna"))
    response = client.get(reverse("privacy"))
    assert response.status_code == 200
    page = response.content.decode()
    for text in (
        "Aanvragers van de Buurtservice",
        "naam, adres en telefoonnummer",
        "alleen voornamen",
        "nooit bewoners bij naam",
        "naam, functie, uren per week",
        "naam, soort, herkomst",
        "18 maanden",
    ):
        assert text in page, text


def test_privacy_page_is_linked_from_every_page_footer(client, buurtservice_user):
    client.force_login(buurtservice_user)
    page = client.get(reverse("pages:home")).content.decode()
    footer = page[page.index("<footer") :]
    assert f'href="{reverse("privacy")}"' in footer


def test_privacy_page_needs_a_login(client):
    response = client.get(reverse("privacy"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# --- one requester's jobs ---------------------------------------------------------


@pytest.fixture
def jobs(db):
    """Two jobs of Mevr. De Vries (one closed, one open), one of a neighbour."""
    wijk = WijkFactory(naam="Waterkwartier")
    done = KlusFactory(
        wijk=wijk,
        aanvraagdatum=datetime.date(2024, 3, 1),
        status=KlusStatus.UITGEVOERD,
        gepland_op=datetime.date(2024, 3, 10),
        uitgevoerd_op=datetime.date(2024, 3, 10),
        omschrijving="Heg snoeien",
        aanvrager_naam="Mevr. De Vries",
        aanvrager_adres="Rijkenhage 12",
        aanvrager_telefoon="0575-111111",
    )
    KlusStatusWijziging.objects.create(
        klus=done, status=KlusStatus.UITGEVOERD, datum=datetime.date(2024, 3, 10)
    )
    InzetFactory(klus=done, uitvoerder=UitvoerderFactory(naam="Ahmed"), uren=3)
    open_job = KlusFactory(
        wijk=wijk,
        aanvraagdatum=datetime.date(2025, 5, 1),
        status=KlusStatus.WACHTLIJST,
        aanvrager_naam="mevr. de vries",  # typed differently: still the same requester
        aanvrager_adres="Rijkenhage 12",
        aanvrager_telefoon="",
    )
    neighbour = KlusFactory(
        wijk=wijk,
        aanvraagdatum=datetime.date(2025, 5, 2),
        status=KlusStatus.WACHTLIJST,
        aanvrager_naam="Dhr. Jansen",
        aanvrager_adres="Rijkenhage 14",
        aanvrager_telefoon="0575-222222",
    )
    return {"done": done, "open": open_job, "neighbour": neighbour}


def run(name: str, *args: str) -> str:
    out = io.StringIO()
    call_command(name, *args, stdout=out)
    return out.getvalue()


def test_inzage_exports_all_jobs_of_the_requester_as_json(jobs):
    data = json.loads(run("avg_inzage", "--naam", "MEVR. DE VRIES"))
    exported = {job["klus"]: job for job in data["klussen"]}
    assert set(exported) == {jobs["done"].pk, jobs["open"].pk}
    done = exported[jobs["done"].pk]
    assert done["aanvrager_naam"] == "Mevr. De Vries"
    assert done["aanvrager_adres"] == "Rijkenhage 12"
    assert done["aanvrager_telefoon"] == "0575-111111"
    assert done["omschrijving"] == "Heg snoeien"
    assert done["wijk"] == "Waterkwartier"
    assert done["uitgevoerd_op"] == "2024-03-10"
    assert [(s["status"], s["datum"]) for s in done["statusgeschiedenis"]] == [
        ("op de wachtlijst", "2024-03-01"),
        ("uitgevoerd", "2024-03-10"),
    ]
    assert done["inzet"] == [{"uren": "3.0"}]
    assert "Ahmed" not in json.dumps(data)  # workers' names are not the requester's data
    assert "Jansen" not in json.dumps(data)


def test_inzage_by_address_and_both(jobs):
    by_address = json.loads(run("avg_inzage", "--adres", "rijkenhage 12"))
    assert len(by_address["klussen"]) == 2
    both = json.loads(run("avg_inzage", "--naam", "Dhr. Jansen", "--adres", "Rijkenhage 12"))
    assert both["klussen"] == []  # both given: both must match
    partial = json.loads(run("avg_inzage", "--naam", "De Vries"))
    assert partial["klussen"] == []  # exact, not "contains"


def test_inzage_to_a_file_prints_no_personal_data(jobs, tmp_path):
    target = tmp_path / "inzage.json"
    out = run("avg_inzage", "--naam", "Mevr. De Vries", "--output", str(target))
    assert "2 job(s)" in out
    assert "Vries" not in out and "Rijkenhage" not in out
    data = json.loads(target.read_text(encoding="utf-8"))
    assert len(data["klussen"]) == 2


@pytest.mark.parametrize("command", ["avg_inzage", "avg_wissen"])
def test_commands_refuse_to_run_without_a_requester(jobs, command):
    with pytest.raises(CommandError):
        call_command(command, stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command(command, "--naam", "  ", stdout=io.StringIO())


def test_wissen_dry_run_changes_nothing(jobs):
    out = run("avg_wissen", "--naam", "Mevr. De Vries", "--dry-run")
    assert "Would erase the requester data of 2 job(s)" in out
    assert Klus.objects.filter(aanvrager_naam__iexact="mevr. de vries").count() == 2


def test_wissen_erases_the_requester_and_keeps_the_jobs(jobs):
    before = Klus.objects.count()
    out = run("avg_wissen", "--naam", "Mevr. De Vries")
    assert "Erased the requester data of 2 job(s)" in out
    assert "1 of them still open" in out
    assert "Vries" not in out and "Rijkenhage" not in out

    assert Klus.objects.count() == before
    for key in ("done", "open"):
        klus = Klus.objects.get(pk=jobs[key].pk)
        assert (klus.aanvrager_naam, klus.aanvrager_adres, klus.aanvrager_telefoon) == ("", "", "")
        assert klus.geanonimiseerd_op is not None
        assert klus.wijk_id == jobs[key].wijk_id  # the job itself stays for the figures
    assert Klus.objects.get(pk=jobs["done"].pk).statuswijzigingen.count() == 2

    neighbour = Klus.objects.get(pk=jobs["neighbour"].pk)
    assert neighbour.aanvrager_naam == "Dhr. Jansen"
    assert neighbour.geanonimiseerd_op is None

    # Afterwards nothing is found any more.
    assert json.loads(run("avg_inzage", "--naam", "Mevr. De Vries"))["klussen"] == []


def test_wissen_uses_the_retention_runs_anonymisation(jobs, monkeypatch):
    """One way to blank requester data: erasure goes through the same function."""
    from buurtservice import services

    calls = []
    original = services.blank_requester_data

    def spy(queryset):
        calls.append(queryset.count())
        return original(queryset)

    monkeypatch.setattr(services, "blank_requester_data", spy)
    run("avg_wissen", "--adres", "Rijkenhage 14")
    assert calls == [1]
    run("anonimiseer_aanvragers", "--months", "0")
    assert len(calls) == 2
