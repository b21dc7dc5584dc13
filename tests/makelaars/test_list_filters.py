"""The activity list: filters, period presets, free text, sorting, totals, query count."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from makelaars.filters import period_range
from makelaars.models import Activiteit
from makelaars.selectors import totals
from tests.factories import (
    ActiviteitFactory,
    InitiatiefFactory,
    OrganisatieFactory,
    ThemaFactory,
    WijkFactory,
)

pytestmark = pytest.mark.django_db

LIST = reverse("makelaars:activiteit_list")
NOW = datetime.datetime(2024, 5, 15, 10, 0)


@pytest.fixture
def log(makelaar, collega, wijk_a, wijk_b, gebied_a):
    """A small log in two gebieden; returns the activities by a short name."""
    oost = gebied_a.wijken.get(naam="Waterkwartier-Oost")
    groen = ThemaFactory(naam="Groen")
    ieder1 = OrganisatieFactory(naam="Ieder1")
    repair = InitiatiefFactory(naam="Repair Café", wijk=wijk_a)
    acts = {
        "koffie": ActiviteitFactory(
            titel="Buurtkoffie",
            datum=datetime.date(2024, 5, 2),
            wijk=wijk_a,
            soort="bijeenkomst",
            rol="verbinden",
            bewoners_bereikt=20,
            bewoners_geactiveerd=2,
            beschrijving="Koffie in het buurthuis",
        ),
        "tuin": ActiviteitFactory(
            titel="Geveltuinen",
            datum=datetime.date(2024, 2, 10),
            wijk=oost,
            soort="evenement",
            rol="faciliteren",
            bewoners_bereikt=40,
            bewoners_geactiveerd=5,
            opbrengst="Tien nieuwe geveltuinen",
            initiatief=repair,
        ),
        "oud": ActiviteitFactory(
            titel="Signaal eenzaamheid",
            datum=datetime.date(2023, 11, 20),
            wijk=wijk_a,
            soort="signalering",
            bewoners_bereikt=1,
            is_voorbeeld=True,
        ),
        "zuid": ActiviteitFactory(
            titel="Buurtkoffie Zuid",
            datum=datetime.date(2024, 5, 3),
            wijk=wijk_b,
            soort="bijeenkomst",
            bewoners_bereikt=100,
        ),
    }
    acts["tuin"].themas.add(groen)
    acts["tuin"].partners.add(ieder1)
    acts["koffie"].partners.add(ieder1)
    acts["koffie"].medewerkers.add(makelaar.medewerker, collega.medewerker)
    acts["tuin"].medewerkers.add(collega.medewerker)
    acts["groen"], acts["ieder1"], acts["repair"], acts["oost"] = groen, ieder1, repair, oost
    return acts


def titles(response):
    return [a.titel for a in response.context["activiteiten"]]


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["Buurtkoffie", "Geveltuinen", "Signaal eenzaamheid"]),
        ({"periode": "maand"}, ["Buurtkoffie"]),
        ({"periode": "kwartaal"}, ["Buurtkoffie"]),
        ({"periode": "jaar"}, ["Buurtkoffie", "Geveltuinen"]),
        ({"periode": "vorig_jaar"}, ["Signaal eenzaamheid"]),
        ({"van": "2024-01-01", "tot": "2024-03-31"}, ["Geveltuinen"]),
        ({"wijk": "oost"}, ["Geveltuinen"]),
        ({"soort": "signalering"}, ["Signaal eenzaamheid"]),
        ({"rol": "verbinden"}, ["Buurtkoffie"]),
        ({"thema": "groen"}, ["Geveltuinen"]),
        ({"partner": "ieder1"}, ["Buurtkoffie", "Geveltuinen"]),
        ({"medewerker": "collega"}, ["Buurtkoffie", "Geveltuinen"]),
        ({"medewerker": "makelaar"}, ["Buurtkoffie"]),
        ({"initiatief": "repair"}, ["Geveltuinen"]),
        ({"is_voorbeeld": "true"}, ["Signaal eenzaamheid"]),
        ({"is_voorbeeld": "false"}, ["Buurtkoffie", "Geveltuinen"]),
        ({"q": "buurthuis"}, ["Buurtkoffie"]),
        ({"q": "GEVELTUINEN tien"}, ["Geveltuinen"]),
        ({"q": "koffie", "periode": "jaar"}, ["Buurtkoffie"]),
    ],
)
def test_filters_for_a_broker(makelaar, collega, client_for, log, params, expected):
    refs = {"oost": log["oost"], "groen": log["groen"], "ieder1": log["ieder1"]}
    refs.update(repair=log["repair"], collega=collega.medewerker, makelaar=makelaar.medewerker)
    query = {key: refs[value].pk if value in refs else value for key, value in params.items()}
    response = client_for(makelaar).get(LIST, query)
    assert response.status_code == 200
    # Never the other gebied's "Buurtkoffie Zuid".
    assert titles(response) == expected


@time_machine.travel(NOW, tick=False)
def test_coordinator_filters_a_year_of_one_gebied(coordinator, client_for, log, gebied_b):
    client = client_for(coordinator)
    assert len(titles(client.get(LIST))) == 4
    response = client.get(LIST, {"gebied": gebied_b.pk, "periode": "jaar"})
    assert titles(response) == ["Buurtkoffie Zuid"]
    assert response.context["totals"] == {"aantal": 1, "bereikt": 100, "geactiveerd": 0}


@time_machine.travel(NOW, tick=False)
def test_totals_are_those_of_the_filtered_set(makelaar, client_for, log):
    response = client_for(makelaar).get(LIST, {"periode": "jaar"})
    assert response.context["totals"] == {"aantal": 2, "bereikt": 60, "geactiveerd": 7}
    html = response.content.decode()
    assert 'data-testid="total-bereikt">60<' in html


def test_totals_do_not_double_count_through_many_to_many_filters(log):
    # Two matching staff on one activity must not count it twice.
    ids = Activiteit.medewerkers.through.objects.values("activiteit_id")
    assert totals(Activiteit.objects.filter(pk__in=ids)) == {
        "aantal": 2,
        "bereikt": 60,
        "geactiveerd": 7,
    }
    assert totals(Activiteit.objects.none()) == {"aantal": 0, "bereikt": 0, "geactiveerd": 0}


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("datum", ["Signaal eenzaamheid", "Geveltuinen", "Buurtkoffie"]),
        ("-datum", ["Buurtkoffie", "Geveltuinen", "Signaal eenzaamheid"]),
        ("titel", ["Buurtkoffie", "Geveltuinen", "Signaal eenzaamheid"]),
        ("-titel", ["Signaal eenzaamheid", "Geveltuinen", "Buurtkoffie"]),
        ("wijk", ["Buurtkoffie", "Signaal eenzaamheid", "Geveltuinen"]),
        ("-soort", ["Signaal eenzaamheid", "Geveltuinen", "Buurtkoffie"]),
        ("onzin", ["Buurtkoffie", "Geveltuinen", "Signaal eenzaamheid"]),
    ],
)
def test_sorting(makelaar, client_for, log, sort, expected):
    response = client_for(makelaar).get(LIST, {"sort": sort})
    assert titles(response) == expected


def test_sort_links_keep_filters_and_toggle(makelaar, client_for, log):
    response = client_for(makelaar).get(LIST, {"soort": "bijeenkomst", "sort": "titel"})
    columns = {c["key"]: c for c in response.context["columns"]}
    assert columns["titel"]["state"] == "ascending"
    assert columns["titel"]["url"] == "?soort=bijeenkomst&sort=-titel"
    assert columns["datum"]["state"] == "none"


def test_pagination_keeps_the_filters(makelaar, client_for, wijk_a):
    ActiviteitFactory.create_batch(30, wijk=wijk_a, soort="overleg")
    ActiviteitFactory(wijk=wijk_a, soort="evenement")
    client = client_for(makelaar)
    first = client.get(LIST, {"soort": "overleg"})
    assert len(first.context["activiteiten"]) == 25
    assert first.context["totals"]["aantal"] == 30
    html = first.content.decode()
    assert "?soort=overleg&amp;page=2" in html
    second = client.get(LIST, {"soort": "overleg", "page": 2})
    assert len(second.context["activiteiten"]) == 5


def test_list_query_count_does_not_grow_with_rows(
    makelaar, client_for, wijk_a, django_assert_max_num_queries
):
    def add(n):
        for i in range(n):
            activiteit = ActiviteitFactory(
                wijk=wijk_a, titel=f"Activiteit a{i}", datum=timezone.localdate()
            )
            activiteit.partners.add(OrganisatieFactory())
            activiteit.themas.add(ThemaFactory())
            activiteit.medewerkers.add(makelaar.medewerker)

    client = client_for(makelaar)
    params = {"periode": "jaar", "q": "a", "sort": "wijk"}
    add(1)
    with django_assert_max_num_queries(20) as one_row:
        client.get(LIST, params)
    add(40)
    with django_assert_max_num_queries(len(one_row.captured_queries)):
        response = client.get(LIST, params)
    assert response.context["totals"]["aantal"] == 41
    assert len(response.context["activiteiten"]) == 25


def test_period_ranges():
    day = datetime.date(2024, 11, 30)
    assert period_range("maand", day) == (datetime.date(2024, 11, 1), datetime.date(2024, 11, 30))
    assert period_range("kwartaal", day) == (
        datetime.date(2024, 10, 1),
        datetime.date(2024, 12, 31),
    )
    assert period_range("kwartaal", datetime.date(2024, 2, 29)) == (
        datetime.date(2024, 1, 1),
        datetime.date(2024, 3, 31),
    )
    assert period_range("jaar", day) == (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    assert period_range("vorig_jaar", day) == (
        datetime.date(2023, 1, 1),
        datetime.date(2023, 12, 31),
    )
    assert period_range("maand", datetime.date(2024, 2, 10))[1] == datetime.date(2024, 2, 29)


def test_wijk_filter_offers_only_the_brokers_own_wijken(makelaar, client_for, log, wijk_b):
    WijkFactory(naam="Nog een wijk", gebied=wijk_b.gebied)
    form = client_for(makelaar).get(LIST).context["filter"].form
    assert {w.naam for w in form.fields["wijk"].queryset} == {"Waterkwartier", "Waterkwartier-Oost"}
