"""The long option lists of the filter panels come as JSON, scoped like the lists."""

import pytest
from django.urls import reverse

from tests.factories import InitiatiefFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db

ACTIVITEITEN = reverse("makelaars:activiteit_filter_options")
INITIATIEVEN = reverse("initiatieven:initiatief_filter_options")


@pytest.fixture
def two_gebieden(wijk_a, wijk_b, makelaar, makelaar_b):
    mine = InitiatiefFactory(naam="Moestuin Waterkwartier", wijk=wijk_a)
    theirs = InitiatiefFactory(naam="Jeu de boules Leesten", wijk=wijk_b)
    mine.ondersteuners.add(makelaar.medewerker)
    theirs.ondersteuners.add(makelaar_b.medewerker)
    OrganisatieFactory(naam="Ieder1")
    return mine, theirs


def labels(response, field):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return {label for _value, label in response.json()[field]}


def test_a_broker_gets_only_their_own_gebieds_initiatives_and_colleagues(
    client_for, makelaar, two_gebieden
):
    data = client_for(makelaar).get(ACTIVITEITEN)
    assert labels(data, "initiatief") == {"Moestuin Waterkwartier (Waterkwartier)"}
    assert labels(data, "medewerker") == {makelaar.medewerker.naam}
    assert "Ieder1" in labels(data, "partner")  # the sociale kaart is shared
    supporters = client_for(makelaar).get(INITIATIEVEN)
    assert labels(supporters, "ondersteuner") == {makelaar.medewerker.naam}


def test_a_coordinator_gets_every_gebied(
    client_for, coordinator, makelaar, makelaar_b, two_gebieden
):
    data = client_for(coordinator).get(ACTIVITEITEN)
    assert labels(data, "initiatief") == {
        "Moestuin Waterkwartier (Waterkwartier)",
        "Jeu de boules Leesten (Zuidwijken)",
    }
    assert {makelaar.medewerker.naam, makelaar_b.medewerker.naam} <= labels(data, "medewerker")
    assert len(labels(client_for(coordinator).get(INITIATIEVEN), "ondersteuner")) == 2


def test_one_field_on_request(client_for, makelaar, two_gebieden):
    data = client_for(makelaar).get(ACTIVITEITEN, {"veld": "partner"}).json()
    assert list(data) == ["partner"]
    assert client_for(makelaar).get(ACTIVITEITEN, {"veld": "wijk"}).json() == {}


def test_what_is_offered_is_what_the_filter_accepts(client_for, makelaar, two_gebieden):
    _mine, theirs = two_gebieden
    response = client_for(makelaar).get(
        reverse("makelaars:activiteit_list"), {"initiatief": theirs.pk}
    )
    assert "initiatief" in response.context["filter"].form.errors


def test_anonymous_and_roles_without_the_list_get_nothing(client, buurtservice_user, client_for):
    assert client.get(ACTIVITEITEN).status_code == 302
    assert client_for(buurtservice_user).get(ACTIVITEITEN).status_code == 403
