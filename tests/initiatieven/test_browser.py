"""In the browser, on a phone: a broker registers an initiative and keeps it up to date."""

from __future__ import annotations

import pytest
from django.utils import formats, timezone

from initiatieven.models import Initiatief

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "geheim-wachtwoord-123"


def _fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_broker_creates_initiative_fills_veranderverhaal_and_makes_it_active(
    page, live_server, login, makelaar, wijk_a
):
    wijk = wijk_a
    makelaar.first_name, makelaar.last_name = "Sanne", "Makelaar"
    makelaar.save()
    login(page, live_server, "makelaar", PASSWORD)
    page.goto(live_server.url + "/initiatieven/")
    assert _fits_the_screen(page)
    page.get_by_test_id("nieuw-initiatief").click()

    # Create: the broker's own wijk is pre-selected.
    form = page.get_by_test_id("initiatief-form")
    assert form.locator('[name="wijk"]').input_value() == str(wijk.pk)
    form.locator('[name="naam"]').fill("Buurtmoestuin Waterkwartier")
    form.locator('[name="omschrijving"]').fill(
        "Bewoners tuinieren samen op het braakliggende veld."
    )
    form.locator('[name="initiatiefnemers"]').fill("Anna, Mo")
    assert _fits_the_screen(page)
    form.get_by_role("button", name="Opslaan").click()

    page.wait_for_url("**/initiatieven/*/")
    initiatief = Initiatief.objects.get(naam="Buurtmoestuin Waterkwartier")
    assert page.get_by_test_id("current-status").inner_text() == "Idee"
    assert "Anna, Mo" in page.get_by_test_id("initiatiefnemers").inner_text()

    # Veranderverhaal in four blocks.
    page.get_by_test_id("veranderverhaal-bewerken").click()
    vv = page.get_by_test_id("veranderverhaal-form")
    vv.locator('[name="doelgroep"]').fill("Bewoners van het Waterkwartier")
    vv.locator('[name="aanpak"]').fill("Samen tuinieren\nOogstfeest in september")
    vv.locator('[name="directe_effecten"]').fill("Verbondenheid\nEmpowerment")
    vv.locator('[name="indirecte_bijdrage"]').fill("Meer sociale cohesie in de wijk")
    vv.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"**/initiatieven/{initiatief.pk}/#veranderverhaal")

    story = page.get_by_test_id("veranderverhaal")
    assert story.locator("[data-block]").count() == 4
    assert "Oogstfeest in september" in story.locator('[data-block="aanpak"]').inner_text()
    assert "Draagt indirect bij aan".upper() in story.inner_text().upper()
    assert _fits_the_screen(page)

    # Status change to "actief", dated today by default.
    page.get_by_test_id("status-wijzigen").click()
    status_form = page.get_by_test_id("status-form")
    status_form.locator('[name="status"]').select_option("actief")
    status_form.locator('[name="toelichting"]').fill("Eerste tuindag gehouden")
    status_form.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"**/initiatieven/{initiatief.pk}/#status")

    assert page.get_by_test_id("current-status").inner_text() == "Actief"
    history = page.get_by_test_id("status-history").inner_text()
    today = formats.date_format(timezone.localdate(), "j F Y")
    assert "Actief" in history and "Idee" in history
    assert today in history
    assert "door Sanne Makelaar" in history
    assert "Eerste tuindag gehouden" in history
    # Newest first.
    assert history.index("Actief") < history.index("Idee")
    assert _fits_the_screen(page)

    initiatief.refresh_from_db()
    assert initiatief.status == "actief"
    assert initiatief.statuswijzigingen.count() == 2
