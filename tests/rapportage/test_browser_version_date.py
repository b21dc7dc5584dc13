"""In the browser, choosing an earlier year moves an untouched version date along,
so the new report is accepted; a date typed by hand is left alone."""

import datetime

import pytest
from django.urls import reverse

from rapportage.models import Jaarrapportage
from tests.factories import ActiviteitFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "geheim-wachtwoord-123"


def test_the_version_date_follows_the_chosen_year(page, live_server, login, coordinator):
    ActiviteitFactory(datum=datetime.date(2022, 5, 1))
    today = datetime.date.today()
    login(page, live_server, "coordinator", PASSWORD)
    page.goto(live_server.url + reverse("rapportage:jaarrapportage_create"))
    versiedatum = page.locator('[name="versiedatum"]')
    assert versiedatum.input_value() == today.isoformat()

    page.locator('[name="jaar"]').fill("2022")
    expected = min(today, datetime.date(2023, 12, 31))
    assert versiedatum.input_value() == expected.isoformat()
    with page.expect_navigation():
        page.get_by_role("button", name="Rapportage aanmaken").click()
    assert Jaarrapportage.objects.get(jaar=2022).versiedatum == expected

    # A date the coordinator typed stays as typed.
    page.goto(live_server.url + reverse("rapportage:jaarrapportage_create"))
    versiedatum = page.locator('[name="versiedatum"]')
    versiedatum.fill("2023-06-30")
    page.locator('[name="jaar"]').fill("2023")
    assert versiedatum.input_value() == "2023-06-30"
