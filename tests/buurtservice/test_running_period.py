"""A running period's end-of-period figures are measured today, not on a future day."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from buurtservice.selectors import period_overview
from tests.factories import KlusFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@time_machine.travel(datetime.datetime(2024, 2, 15, 10, 0), tick=False)
def test_a_running_quarter_is_measured_today(client, buurtservice_user, wijk_a):
    KlusFactory(aanvraagdatum=D(2024, 1, 10), wijk=wijk_a, status="wachtlijst")
    figures = period_overview(start=D(2024, 1, 1), end=D(2024, 3, 31))
    assert figures["running"] is True
    assert figures["measured_end"] == D(2024, 2, 15)
    assert figures["waiting_end"] == 1
    # Waited from 10 January up to today, not up to 31 March.
    assert figures["median_wait_days_end"] == 36

    client.force_login(buurtservice_user)
    html = client.get(reverse("buurtservice:overzicht"), {"periode": "2024-Q1"}).content.decode()
    assert "Vandaag (15-02-2024)" in html
    assert 'data-testid="median-wait">36<' in html


@time_machine.travel(datetime.datetime(2024, 5, 15, 10, 0), tick=False)
def test_a_past_quarter_is_measured_on_its_last_day(wijk_a):
    KlusFactory(aanvraagdatum=D(2024, 1, 10), wijk=wijk_a, status="wachtlijst")
    figures = period_overview(start=D(2024, 1, 1), end=D(2024, 3, 31))
    assert figures["running"] is False
    assert figures["measured_end"] == D(2024, 3, 31)
    assert figures["median_wait_days_end"] == 81
