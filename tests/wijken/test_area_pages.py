"""The wijk list and the wijk and gebied pages: this year's figures and chart."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from initiatieven.choices import InitiatiefStatus
from initiatieven.models import StatusWijziging
from tests.factories import (
    ActiviteitFactory,
    InitiatiefFactory,
    OrganisatieFactory,
)

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2024, 6, 20, 12, 0)


@pytest.fixture
def werk(wijk_a, wijk_a2, wijk_b):
    oost = wijk_a2
    ieder1 = OrganisatieFactory(naam="Ieder1")
    rows = [
        (wijk_a, datetime.date(2024, 1, 10), "bijeenkomst", 10, 1),
        (wijk_a, datetime.date(2024, 1, 20), "bijeenkomst", 5, 0),
        (wijk_a, datetime.date(2024, 3, 5), "evenement", 100, 4),
        (wijk_a, datetime.date(2023, 3, 5), "evenement", 999, 9),  # last year
        (oost, datetime.date(2024, 6, 1), "overleg", None, None),
        (wijk_b, datetime.date(2024, 2, 1), "evenement", 50, 5),  # other gebied
    ]
    acts = [
        ActiviteitFactory(wijk=w, datum=d, soort=s, bewoners_bereikt=b, bewoners_geactiveerd=g)
        for w, d, s, b, g in rows
    ]
    acts[0].partners.add(ieder1)
    acts[2].partners.add(ieder1, OrganisatieFactory(naam="Bibliotheek"))
    InitiatiefFactory(naam="Repair Café", wijk=wijk_a, status=InitiatiefStatus.ACTIEF)
    InitiatiefFactory(naam="Moestuin", wijk=wijk_a, status=InitiatiefStatus.IDEE)
    InitiatiefFactory(naam="Zuid-initiatief", wijk=wijk_b, status=InitiatiefStatus.ACTIEF)
    return acts


def month_counts(response):
    return response.context["per_maand"]


@time_machine.travel(NOW, tick=False)
def test_wijk_page_figures(makelaar, client_for, werk, wijk_a, django_assert_max_num_queries):
    client = client_for(makelaar)
    with django_assert_max_num_queries(25):
        response = client.get(reverse("pages:wijk_detail", args=[wijk_a.pk]))
    assert response.status_code == 200
    ctx = response.context
    assert ctx["year"] == 2024
    assert ctx["totals"] == {"aantal": 3, "bereikt": 115, "geactiveerd": 5}
    assert month_counts(response) == [2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    assert [(r["soort"], r["aantal"]) for r in ctx["per_soort"]] == [
        ("bijeenkomst", 2),
        ("evenement", 1),
    ]
    statuses = {row["status"]: row["aantal"] for row in ctx["initiatieven_per_status"]}
    assert statuses == {
        "idee": 1,
        "in_voorbereiding": 0,
        "actief": 1,
        "zelfstandig": 0,
        "gestopt": 0,
    }
    assert [i.naam for i in ctx["lopende_initiatieven"]] == ["Repair Café"]
    assert [(p["naam"], p["aantal"]) for p in ctx["partners"]] == [
        ("Ieder1", 2),
        ("Bibliotheek", 1),
    ]
    # The recent activities are those of the chosen year (not last year's).
    assert [a.datum.year for a in ctx["recent"]] == [2024, 2024, 2024]
    html = response.content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html
    assert "Activiteiten per maand in 2024 – Waterkwartier" in html


@time_machine.travel(NOW, tick=False)
def test_other_year_via_the_url(makelaar, client_for, werk, wijk_a):
    url = reverse("pages:wijk_detail", args=[wijk_a.pk])
    response = client_for(makelaar).get(url, {"jaar": 2023})
    assert response.context["totals"]["aantal"] == 1
    assert response.context["next_year"] == 2024
    # Nonsense years fall back to this year.
    for jaar in ("abc", "1066", "3000"):
        assert client_for(makelaar).get(url, {"jaar": jaar}).context["year"] == 2024


@time_machine.travel(NOW, tick=False)
def test_every_block_follows_the_chosen_year(makelaar, client_for, wijk_a):
    """A past year shows that year's recent activities, and the initiatives per status
    and running initiatives at its end (from the status history), not today's."""
    ActiviteitFactory(wijk=wijk_a, datum=datetime.date(2022, 5, 1), titel="Toen")
    ActiviteitFactory(wijk=wijk_a, datum=datetime.date(2024, 5, 1), titel="Nu")
    tuin = InitiatiefFactory(naam="Tuin", wijk=wijk_a, status=InitiatiefStatus.GESTOPT)
    for status, datum in [("actief", "2022-03-01"), ("gestopt", "2023-02-01")]:
        StatusWijziging.objects.create(initiatief=tuin, status=status, datum=datum)
    nieuw = InitiatiefFactory(naam="Nieuw", wijk=wijk_a, status=InitiatiefStatus.IDEE)
    StatusWijziging.objects.create(initiatief=nieuw, status="idee", datum="2024-01-05")
    url = reverse("pages:wijk_detail", args=[wijk_a.pk])

    then = client_for(makelaar).get(url, {"jaar": 2022}).context
    assert [a.titel for a in then["recent"]] == ["Toen"]
    statuses = {row["status"]: row["aantal"] for row in then["initiatieven_per_status"]}
    assert statuses == {**dict.fromkeys(statuses, 0), "actief": 1}
    assert [(i.naam, i.status_op_label) for i in then["lopende_initiatieven"]] == [
        ("Tuin", "actief")
    ]

    now = client_for(makelaar).get(url).context
    assert [a.titel for a in now["recent"]] == ["Nu"]
    statuses = {row["status"]: row["aantal"] for row in now["initiatieven_per_status"]}
    assert statuses == {**dict.fromkeys(statuses, 0), "gestopt": 1, "idee": 1}
    assert list(now["lopende_initiatieven"]) == []


@time_machine.travel(NOW, tick=False)
def test_gebied_page_sums_its_wijken(makelaar, client_for, werk, gebied_a):
    response = client_for(makelaar).get(reverse("pages:gebied_detail", args=[gebied_a.pk]))
    assert response.status_code == 200
    ctx = response.context
    assert ctx["totals"] == {"aantal": 4, "bereikt": 115, "geactiveerd": 5}
    assert month_counts(response)[5] == 1
    per_wijk = {row["wijk"].naam: row["aantal"] for row in ctx["wijken"]}
    assert per_wijk == {"Waterkwartier": 3, "Waterkwartier-Oost": 1}
    assert ctx["eigen_gebied"] is True


@time_machine.travel(NOW, tick=False)
def test_broker_sees_no_activities_of_another_gebied_on_its_page(
    makelaar, client_for, werk, wijk_b
):
    response = client_for(makelaar).get(reverse("pages:wijk_detail", args=[wijk_b.pk]))
    assert response.status_code == 200
    assert "totals" not in response.context and "recent" not in response.context
    assert response.context["eigen_gebied"] is False
    assert "Niet jouw gebied" in response.content.decode()


@time_machine.travel(NOW, tick=False)
def test_coordinator_sees_every_gebied(coordinator, client_for, werk, wijk_b):
    response = client_for(coordinator).get(reverse("pages:wijk_detail", args=[wijk_b.pk]))
    assert response.context["totals"] == {"aantal": 1, "bereikt": 50, "geactiveerd": 5}


@time_machine.travel(NOW, tick=False)
def test_wijk_list_counts_per_wijk(
    coordinator, client_for, werk, wijk_a, wijk_b, django_assert_max_num_queries
):
    client = client_for(coordinator)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("pages:wijk_list"))
    rows = {
        item["wijk"].naam: (item["aantal"], item["bereikt"], item["initiatieven"])
        for gebied in response.context["gebieden"]
        for item in gebied["wijken"]
    }
    assert rows["Waterkwartier"] == (3, 115, 1)
    assert rows["Zuidwijken"] == (1, 50, 1)
    assert rows["Waterkwartier-Oost"] == (1, 0, 0)


def test_anonymous_is_sent_to_login(client, wijk_a):
    for url in (
        reverse("pages:wijk_list"),
        reverse("pages:wijk_detail", args=[wijk_a.pk]),
        reverse("pages:gebied_detail", args=[wijk_a.gebied_id]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_unknown_wijk_is_404(makelaar, client_for):
    assert client_for(makelaar).get(reverse("pages:wijk_detail", args=[9999])).status_code == 404


def test_buurtservice_sees_the_page_without_activities(client_for, buurtservice_user, werk, wijk_a):
    response = client_for(buurtservice_user).get(reverse("pages:wijk_detail", args=[wijk_a.pk]))
    assert response.status_code == 200
    assert "totals" not in response.context
