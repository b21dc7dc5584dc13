"""Deactivating an account ends the staff record: from the last working day on the
person no longer counts as a social broker (Bijlage 3: brokers per gebied at year end)."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from core.roles import Role
from rapportage.selectors import makelaars_per_gebied
from tests.factories import make_user

pytestmark = pytest.mark.django_db

D = datetime.date
YEAR_END = D(2023, 12, 31)


def brokers_at_year_end(gebied) -> int:
    figures = makelaars_per_gebied(dates=[YEAR_END])
    [row] = [row for row in figures["per_gebied"] if row["gebied_id"] == gebied.pk]
    return row["aantallen"][0]


@pytest.fixture
def beheerder_client(beheerder):
    client = Client()
    client.force_login(beheerder)
    return client


@time_machine.travel(datetime.datetime(2024, 2, 1, 12, 0), tick=False)
def test_deactivation_with_an_end_date_changes_the_year_end_count(beheerder_client, gebied_a):
    vertrekt = make_user(Role.MAKELAAR, gebied=gebied_a, username="vertrekt").medewerker
    make_user(Role.MAKELAAR, gebied=gebied_a, username="blijft")
    assert brokers_at_year_end(gebied_a) == 2

    response = beheerder_client.post(
        reverse("wijken:medewerker_deactivate", args=[vertrekt.pk]), {"einddatum": "2023-09-30"}
    )
    assert response.status_code == 302
    vertrekt.refresh_from_db()
    assert vertrekt.einddatum == D(2023, 9, 30)
    assert not vertrekt.user.is_active
    assert brokers_at_year_end(gebied_a) == 1
    # The change is in the staff record's history, by the beheerder.
    assert vertrekt.history.first().einddatum == D(2023, 9, 30)


@time_machine.travel(datetime.datetime(2024, 2, 1, 12, 0), tick=False)
def test_the_form_asks_for_the_last_working_day_today_by_default(beheerder_client, gebied_a):
    medewerker = make_user(Role.MAKELAAR, gebied=gebied_a, username="vertrekt").medewerker
    page = beheerder_client.get(reverse("wijken:medewerker_update", args=[medewerker.pk]))
    html = page.content.decode()
    assert 'name="einddatum" id="id_deactiveer_einddatum" required value="2024-02-01"' in html
    assert "Laatste werkdag" in html
    # Sent without a date (an older page), the employment ends today.
    beheerder_client.post(reverse("wijken:medewerker_deactivate", args=[medewerker.pk]))
    medewerker.refresh_from_db()
    assert medewerker.einddatum == D(2024, 2, 1)


def test_an_end_date_before_the_start_is_refused_and_nothing_changes(beheerder_client, gebied_a):
    medewerker = make_user(Role.MAKELAAR, gebied=gebied_a, username="vertrekt").medewerker
    response = beheerder_client.post(
        reverse("wijken:medewerker_deactivate", args=[medewerker.pk]),
        {"einddatum": "2019-12-31"},
        follow=True,
    )
    assert "Niet gedeactiveerd" in response.content.decode()
    medewerker.refresh_from_db()
    assert medewerker.einddatum is None
    assert medewerker.user.is_active
