"""Pages and exports with residents' personal data (Buurtservice requesters and
workers, initiators' first names, histories) tell the browser and any proxy to keep
no copy: ``Cache-Control: no-store, private``. (The questionnaire's results pages:
tests/metingen/test_forged_answers.py.)"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import InitiatiefFactory, KlusFactory, UitvoerderFactory


@pytest.fixture
def records(db, wijk_a):
    klus = KlusFactory(
        wijk=wijk_a, aanvrager_naam="Mevr. Pietersen", aanvrager_telefoon="0575-123456"
    )
    return {
        "klus": klus,
        "uitvoerder": UitvoerderFactory(naam="Ahmed"),
        "initiatief": InitiatiefFactory(wijk=wijk_a, initiatiefnemers="Fatima en Henk"),
    }


PAGES = [
    ("buurtservice:wachtlijst", None, {}),
    ("buurtservice:wachtlijst_export", None, {"format": "csv"}),
    ("buurtservice:wachtlijst_export", None, {"format": "xlsx"}),
    ("buurtservice:klus_list", None, {}),
    ("buurtservice:klus_export", None, {"format": "csv"}),
    ("buurtservice:klus_create", None, {}),
    ("buurtservice:klus_detail", "klus", {}),
    ("buurtservice:klus_update", "klus", {}),
    ("buurtservice:klus_plan", "klus", {}),
    ("buurtservice:klus_cancel", "klus", {}),
    ("buurtservice:uitvoerder_list", None, {}),
    ("buurtservice:uitvoerder_export", None, {"format": "csv"}),
    ("buurtservice:uitvoerder_create", None, {}),
    ("buurtservice:uitvoerder_detail", "uitvoerder", {}),
    ("buurtservice:uitvoerder_update", "uitvoerder", {}),
    ("initiatieven:initiatief_detail", "initiatief", {}),
    ("initiatieven:initiatief_update", "initiatief", {}),
    ("initiatieven:initiatief_create", None, {}),
]


def no_store(response) -> bool:
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"no-store", "private"} <= directives


@pytest.mark.parametrize(("name", "record", "query"), PAGES)
def test_pages_and_exports_with_personal_data_are_not_stored(
    client, beheerder, records, name, record, query
):
    client.force_login(beheerder)
    args = [records[record].pk] if record else []
    response = client.get(reverse(name, args=args), query)
    assert response.status_code == 200
    assert no_store(response), response.get("Cache-Control")


def test_a_refused_intake_form_showing_the_typed_requester_is_not_stored(
    client, buurtservice_user, wijk_a
):
    client.force_login(buurtservice_user)
    response = client.post(
        reverse("buurtservice:klus_create"),
        {"wijk": wijk_a.pk, "aanvrager_naam": "Mevr. Pietersen", "aanvraagdatum": "nope"},
    )
    assert response.status_code == 200
    assert "Mevr. Pietersen" in response.content.decode()
    assert no_store(response)


def test_histories_with_names_are_not_stored(client, beheerder, records):
    client.force_login(beheerder)
    response = client.get(
        reverse("audit:geschiedenis", args=["uitvoerder", records["uitvoerder"].pk])
    )
    assert response.status_code == 200
    assert "Ahmed" in response.content.decode()
    assert no_store(response)
    assert no_store(client.get(reverse("audit:verwijderd")))
