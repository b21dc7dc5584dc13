"""Who may see and change which initiative, beyond the permission matrix
(tests/trust/test_permission_matrix.py: every page against every role)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import FinancieringsaanvraagFactory


def _urls(initiatief) -> dict[str, str]:
    pk = initiatief.pk
    return {
        "detail": reverse("initiatieven:initiatief_detail", args=[pk]),
        "update": reverse("initiatieven:initiatief_update", args=[pk]),
        "veranderverhaal": reverse("initiatieven:veranderverhaal_update", args=[pk]),
        "status": reverse("initiatieven:status_change", args=[pk]),
        "financiering": reverse("initiatieven:financiering_create", args=[pk]),
        "telling": reverse("initiatieven:telling_create", args=[pk]),
    }


@pytest.mark.django_db
def test_broker_of_other_gebied_gets_404(client, initiatief_a, makelaar_b):
    client.force_login(makelaar_b)
    for name, url in _urls(initiatief_a).items():
        assert client.get(url).status_code == 404, name
    status_url = _urls(initiatief_a)["status"]
    response = client.post(status_url, {"status": "actief", "datum": "2023-05-01"})
    assert response.status_code == 404
    initiatief_a.refresh_from_db()
    assert initiatief_a.status == "idee"
    assert initiatief_a.statuswijzigingen.count() == 1


@pytest.mark.django_db
def test_broker_of_other_gebied_cannot_edit_funding_of_other_initiative(
    client, initiatief_a, initiatief_b, makelaar_b
):
    aanvraag = FinancieringsaanvraagFactory(initiatief=initiatief_a)
    client.force_login(makelaar_b)
    # Own initiative in the URL, someone else's application id: still 404.
    forged = reverse("initiatieven:financiering_update", args=[initiatief_b.pk, aanvraag.pk])
    assert client.get(forged).status_code == 404
    response = client.post(
        forged,
        {"fonds": "X", "bedrag": "1", "aangevraagd_op": "2023-01-01", "status": "aangevraagd"},
    )
    assert response.status_code == 404
    aanvraag.refresh_from_db()
    assert aanvraag.fonds == "Wensfonds"


@pytest.mark.django_db
def test_broker_of_other_gebied_does_not_see_it_in_the_list(client, initiatief_a, makelaar_b):
    client.force_login(makelaar_b)
    response = client.get(reverse("initiatieven:initiatief_list"))
    assert response.status_code == 200
    assert "Moestuin Waterkwartier" not in response.content.decode()


@pytest.mark.django_db
def test_coordinator_may_see_and_edit_everything(client, initiatief_b, coordinator):
    """Gebied A's pages are in the permission matrix; here another gebied's."""
    client.force_login(coordinator)
    for name, url in _urls(initiatief_b).items():
        assert client.get(url).status_code == 200, name


@pytest.mark.django_db
def test_buttons_for_editing_only_shown_to_editors(client, initiatief_a, makelaar):
    client.force_login(makelaar)
    html = client.get(_urls(initiatief_a)["detail"]).content.decode()
    assert _urls(initiatief_a)["status"] in html
    assert _urls(initiatief_a)["veranderverhaal"] in html
