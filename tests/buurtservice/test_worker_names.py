"""Workers' names on a job's page only for Buurtservice roles and coordinators.

Issue 14, finding 8: a broker saw the workers' names (and hours) on a job in
their gebied, while the privacy page says workers are seen by Buurtservice and
coordinators only. A broker now sees how many worked on it and how long.
"""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from core.roles import Role
from tests.factories import InzetFactory, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def klus(make_klus, wijk_a, uitvoerders):
    klus = make_klus(wijk=wijk_a)
    InzetFactory(klus=klus, uitvoerder=uitvoerders[0], uren=Decimal("3"))
    InzetFactory(klus=klus, uitvoerder=uitvoerders[1], uren=Decimal("4.5"))
    return klus


def page_for(user, klus) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(reverse("buurtservice:klus_detail", args=[klus.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_broker_sees_the_number_of_workers_and_hours_not_their_names(klus, makelaar):
    page = page_for(makelaar, klus)
    assert "Ahmed" not in page and "Bea" not in page
    assert "2 uitvoerders, 7,5 uur in totaal" in page


@pytest.mark.parametrize("role", [Role.BUURTSERVICE, Role.COORDINATOR, Role.BEHEERDER])
def test_buurtservice_and_coordinators_see_the_names(klus, role):
    page = page_for(make_user(role, username=f"u-{role.name}"), klus)
    assert "Ahmed" in page and "Bea" in page
