"""What the detail page shows of an initiative."""

from __future__ import annotations

import datetime

import pytest

from initiatieven.models import Deelnametelling
from tests.factories import ActiviteitFactory, FinancieringsaanvraagFactory, OrganisatieFactory


@pytest.mark.django_db
def test_detail_shows_initiators_as_names_or_count(client, initiatief_a, makelaar):
    client.force_login(makelaar)
    initiatief_a.aantal_initiatiefnemers = 3
    initiatief_a.save()
    html = client.get(initiatief_a.get_absolute_url()).content.decode()
    assert "3 bewoners" in html

    initiatief_a.initiatiefnemers = "Anna, Mo"
    initiatief_a.save()
    html = client.get(initiatief_a.get_absolute_url()).content.decode()
    assert "Anna, Mo (3)" in html


@pytest.mark.django_db
def test_detail_shows_only_activities_the_user_may_see(client, initiatief_a, wijk_b, makelaar):
    ActiviteitFactory(titel="Plantdag", initiatief=initiatief_a, wijk=initiatief_a.wijk)
    ActiviteitFactory(titel="Overleg elders", initiatief=initiatief_a, wijk=wijk_b)
    ActiviteitFactory(titel="Niet gekoppeld", wijk=initiatief_a.wijk)
    client.force_login(makelaar)
    response = client.get(initiatief_a.get_absolute_url())
    assert [a.titel for a in response.context["activiteiten"]] == ["Plantdag"]


@pytest.mark.django_db
def test_detail_shows_partners_funding_and_counts(client, initiatief_a, coordinator):
    initiatief_a.partners.add(OrganisatieFactory(naam="Ieder1"))
    FinancieringsaanvraagFactory(
        initiatief=initiatief_a,
        fonds="3x3 basketbal",
        bedrag=1500,
        status="toegekend",
        aangevraagd_op=datetime.date(2023, 2, 1),
        besluit_op=datetime.date(2023, 3, 15),
    )
    Deelnametelling.objects.create(
        initiatief=initiatief_a, datum=datetime.date(2023, 9, 1), vrijwilligers=12, deelnemers=85
    )
    client.force_login(coordinator)
    html = client.get(initiatief_a.get_absolute_url()).content.decode()
    assert "Ieder1" in html
    assert "3x3 basketbal" in html and "1.500,00" in html and "Toegekend" in html
    assert "15-03-2023" in html or "15-3-2023" in html
    assert '<td class="text-end">12</td>' in html and '<td class="text-end">85</td>' in html
