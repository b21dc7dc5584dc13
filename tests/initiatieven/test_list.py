"""The initiatives list: filters in the URL, pagination, visibility and query count."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import InitiatiefFactory, MedewerkerFactory, ThemaFactory, WijkFactory

LIST_URL = reverse("initiatieven:initiatief_list")


def _names(response) -> list[str]:
    return [initiatief.naam for initiatief in response.context["object_list"]]


@pytest.fixture
def register(wijk_a, wijk_b, wijk_b2):
    groen = ThemaFactory(naam="Groen")
    jongeren = ThemaFactory(naam="Jongeren")
    sanne = MedewerkerFactory(naam="Sanne")
    piet = MedewerkerFactory(naam="Piet")
    tuin = InitiatiefFactory(
        naam="Buurttuin", wijk=wijk_a, status="actief", doelgroep="ouderen in de wijk"
    )
    tuin.themas.add(groen)
    tuin.ondersteuners.add(sanne)
    basket = InitiatiefFactory(
        naam="3x3 basketbalplein", wijk=wijk_b, status="in_voorbereiding", omschrijving="Sport"
    )
    basket.themas.add(jongeren, groen)
    basket.ondersteuners.add(piet, sanne)
    repair = InitiatiefFactory(naam="Repair café", wijk=wijk_b2, status="zelfstandig")
    repair.ondersteuners.add(piet)
    return {"groen": groen, "jongeren": jongeren, "sanne": sanne, "piet": piet}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["3x3 basketbalplein", "Buurttuin", "Repair café"]),
        ({"status": "actief"}, ["Buurttuin"]),
        ({"q": "OUDEREN"}, ["Buurttuin"]),  # target group, case-insensitive
        ({"q": "sport"}, ["3x3 basketbalplein"]),  # description
        ({"q": "café"}, ["Repair café"]),  # name
    ],
)
def test_filters_by_status_and_text(client, coordinator, register, params, expected):
    client.force_login(coordinator)
    assert _names(client.get(LIST_URL, params)) == expected


@pytest.mark.django_db
def test_filters_by_gebied_wijk_thema_and_ondersteuner(
    client, coordinator, register, gebied_b, wijk_b2
):
    client.force_login(coordinator)
    assert _names(client.get(LIST_URL, {"gebied": gebied_b.pk})) == [
        "3x3 basketbalplein",
        "Repair café",
    ]
    assert _names(client.get(LIST_URL, {"wijk": wijk_b2.pk})) == ["Repair café"]
    assert _names(client.get(LIST_URL, {"thema": register["groen"].pk})) == [
        "3x3 basketbalplein",
        "Buurttuin",
    ]
    assert _names(client.get(LIST_URL, {"ondersteuner": register["piet"].pk})) == [
        "3x3 basketbalplein",
        "Repair café",
    ]
    combined = {"ondersteuner": register["sanne"].pk, "thema": register["groen"].pk}
    assert _names(client.get(LIST_URL, combined)) == ["3x3 basketbalplein", "Buurttuin"]


@pytest.mark.django_db
def test_broker_filters_only_within_own_gebied(client, makelaar, register, gebied_b):
    client.force_login(makelaar)
    assert _names(client.get(LIST_URL)) == ["Buurttuin"]
    # Another gebied is not a valid choice for this broker: the filter form refuses it.
    response = client.get(LIST_URL, {"gebied": gebied_b.pk})
    assert response.context["filter"].form.errors["gebied"]
    assert "3x3 basketbalplein" not in response.content.decode()


@pytest.mark.django_db
def test_pagination_keeps_filters_in_the_url(client, coordinator, wijk_a):
    for number in range(30):
        InitiatiefFactory(naam=f"Initiatief {number:02d}", wijk=wijk_a, status="actief")
    InitiatiefFactory(naam="Gestopt initiatief", wijk=wijk_a, status="gestopt")
    client.force_login(coordinator)

    first = client.get(LIST_URL, {"status": "actief"})
    assert len(first.context["object_list"]) == 25
    assert first.context["paginator"].count == 30
    html = first.content.decode()
    assert "?status=actief&amp;page=2" in html

    second = client.get(LIST_URL, {"status": "actief", "page": 2})
    assert _names(second) == [f"Initiatief {n:02d}" for n in range(25, 30)]


@pytest.mark.django_db
def test_list_runs_a_fixed_number_of_queries(client, coordinator, django_assert_max_num_queries):
    client.force_login(coordinator)
    for number in range(20):
        wijk = WijkFactory(naam=f"Wijk {number}")
        initiatief = InitiatiefFactory(naam=f"Initiatief {number:02d}", wijk=wijk)
        initiatief.themas.add(ThemaFactory(naam=f"Thema {number}"))
        initiatief.ondersteuners.add(MedewerkerFactory())
    client.get(LIST_URL)  # warm up session and permission caches
    with django_assert_max_num_queries(15):
        response = client.get(LIST_URL, {"q": "Initiatief"})
    assert len(response.context["object_list"]) == 20


@pytest.mark.django_db
def test_detail_runs_a_fixed_number_of_queries(
    client, coordinator, initiatief_a, django_assert_max_num_queries
):
    from initiatieven.models import Deelnametelling, StatusWijziging
    from tests.factories import ActiviteitFactory, FinancieringsaanvraagFactory

    for day in range(1, 11):
        StatusWijziging.objects.create(
            initiatief=initiatief_a, status="actief", datum=f"2023-02-{day:02d}", door=coordinator
        )
        Deelnametelling.objects.create(initiatief=initiatief_a, datum=f"2023-03-{day:02d}")
        FinancieringsaanvraagFactory(initiatief=initiatief_a)
        ActiviteitFactory(initiatief=initiatief_a, wijk=initiatief_a.wijk)
        initiatief_a.ondersteuners.add(MedewerkerFactory())
    client.force_login(coordinator)
    client.get(initiatief_a.get_absolute_url())
    with django_assert_max_num_queries(16):
        response = client.get(initiatief_a.get_absolute_url())
    assert response.status_code == 200
    assert len(response.context["activiteiten"]) == 10
