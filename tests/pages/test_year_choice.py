"""Pages with a year open on the latest year with data and offer every year with
data in the same picker; every block of a wijk page follows the chosen year."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from initiatieven.choices import InitiatiefStatus
from initiatieven.models import StatusWijziging
from tests.factories import ActiviteitFactory, InitiatiefFactory, SignaalFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def history(wijk_a, makelaar):
    """Work in 2022 and 2023 only (the demo's situation): nothing this year."""
    assert timezone.localdate().year > 2023
    ActiviteitFactory(wijk=wijk_a, datum=D(2022, 3, 1), titel="Oud-2022", bewoners_bereikt=5)
    ActiviteitFactory(wijk=wijk_a, datum=D(2023, 12, 1), titel="Laat-2023", bewoners_bereikt=9)
    initiatief = InitiatiefFactory(wijk=wijk_a, naam="Tuin", status=InitiatiefStatus.ACTIEF)
    StatusWijziging.objects.create(
        initiatief=initiatief, status=InitiatiefStatus.IDEE, datum=D(2022, 2, 1)
    )
    StatusWijziging.objects.create(
        initiatief=initiatief, status=InitiatiefStatus.ACTIEF, datum=D(2023, 6, 1)
    )
    SignaalFactory(wijk=wijk_a, datum=D(2023, 2, 1))


def pages(wijk_a):
    return [
        reverse("pages:home"),
        reverse("pages:wijk_list"),
        reverse("pages:gebied_detail", args=[wijk_a.gebied_id]),
        reverse("pages:wijk_detail", args=[wijk_a.pk]),
        reverse("signalen:signaal_list"),
    ]


def test_pages_open_on_the_latest_year_with_data(history, client_for, coordinator, wijk_a):
    client = client_for(coordinator)
    this_year = timezone.localdate().year
    for url in pages(wijk_a):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.context["year"] == 2023, url
        html = response.content.decode()
        picker = html.split('data-testid="jaarkeuze"')[1].split("</nav>")[0]
        years = [int(y) for y in re.findall(r">(\d{4})</a>", picker)]
        expected = [this_year, 2023] if "signalen" in url else [this_year, 2023, 2022]
        assert years == expected, url
        assert 'aria-current="page">2023<' in picker, url


def test_the_current_year_wins_once_it_has_data(history, client_for, coordinator, wijk_a):
    ActiviteitFactory(wijk=wijk_a, datum=timezone.localdate().replace(day=1))
    response = client_for(coordinator).get(reverse("pages:wijk_detail", args=[wijk_a.pk]))
    assert response.context["year"] == timezone.localdate().year


def test_every_block_of_the_wijk_page_follows_the_year(history, client_for, coordinator, wijk_a):
    client = client_for(coordinator)
    url = reverse("pages:wijk_detail", args=[wijk_a.pk])
    context = client.get(url, {"jaar": "2022"}).context
    assert [a.titel for a in context["recent"]] == ["Oud-2022"]
    assert context["totals"]["bereikt"] == 5
    statuses = {row["status"]: row["aantal"] for row in context["initiatieven_per_status"]}
    assert statuses[InitiatiefStatus.IDEE] == 1 and statuses[InitiatiefStatus.ACTIEF] == 0
    context = client.get(url, {"jaar": "2023"}).context
    assert [a.titel for a in context["recent"]] == ["Laat-2023"]
    statuses = {row["status"]: row["aantal"] for row in context["initiatieven_per_status"]}
    assert statuses[InitiatiefStatus.ACTIEF] == 1 and statuses[InitiatiefStatus.IDEE] == 0
