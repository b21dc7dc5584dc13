"""Export files are named after the period they hold, not the day they were made."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from core.periods import period_name
from tests.factories import ActiviteitFactory, SignaalFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def test_period_names():
    assert period_name(D(2023, 1, 1), D(2023, 12, 31)) == "2023"
    assert period_name(D(2023, 7, 1), D(2023, 12, 31)) == "2023-H2"
    assert period_name(D(2023, 10, 1), D(2023, 12, 31)) == "2023-Q4"
    assert period_name(D(2023, 2, 1), D(2023, 2, 28)) == "2023-02"
    assert period_name(D(2023, 2, 3), D(2023, 5, 6)) == "2023-02-03_2023-05-06"
    assert period_name(D(2023, 2, 3), None) == "vanaf-2023-02-03"
    assert period_name(None, None) == ""


def filename(response) -> str:
    return response["Content-Disposition"].split('filename="')[1].rstrip('"')


@time_machine.travel(datetime.datetime(2026, 12, 7, 10, 0), tick=False)
def test_exports_carry_the_period_in_their_name(client, coordinator, wijk_a):
    ActiviteitFactory(wijk=wijk_a, datum=D(2023, 5, 1))
    SignaalFactory(wijk=wijk_a, datum=D(2023, 5, 1))
    client.force_login(coordinator)
    activities = client.get(
        reverse("makelaars:activiteit_export"),
        {"van": "2023-01-01", "tot": "2023-12-31", "format": "csv"},
    )
    assert filename(activities) == "activiteiten-2023.csv"
    signals = client.get(reverse("signalen:signaal_export"), {"jaar": 2023, "format": "csv"})
    assert filename(signals).endswith("-2023.csv")
    overview = client.get(
        reverse("buurtservice:overzicht_export"), {"periode": "2023-Q4", "format": "csv"}
    )
    assert filename(overview) == "buurtservice-overzicht-2023-Q4.csv"
    # A list without a period is named after the day it shows.
    unfiltered = client.get(reverse("makelaars:activiteit_export"), {"format": "csv"})
    assert filename(unfiltered) == "activiteiten-2026-12-07.csv"
