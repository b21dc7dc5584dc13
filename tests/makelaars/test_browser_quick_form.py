"""On a 360 px phone a broker logs an activity with its figures in a few taps, and
loses nothing when the connection drops while saving."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from makelaars.models import Activiteit
from tests.factories import ThemaFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "geheim-wachtwoord-123"
MAX_TAPS = 8
QUICK_FIELDS = {
    "datum",
    "wijk",
    "soort",
    "titel",
    "bewoners_bereikt",
    "bewoners_geactiveerd",
    "hoofdthema",
}


class Taps:
    """Counts what a thumb does: a tap on a button, chip or field is one tap (typing
    comes on top), a native select is two (open the list, pick)."""

    def __init__(self):
        self.count = 0

    def tap(self, locator):
        locator.click()
        self.count += 1

    def type_into(self, locator, text: str):
        locator.click()
        self.count += 1
        locator.press_sequentially(text)

    def pick(self, select, label: str):
        select.select_option(label=label)
        self.count += 2


@pytest.fixture
def themes(db):
    return [ThemaFactory(naam=naam) for naam in ("Eenzaamheid", "Groen", "Jongeren")]


def test_an_activity_with_its_figures_takes_at_most_eight_taps(
    page, live_server, login, makelaar, wijk_a, themes
):
    login(page, live_server, "makelaar", PASSWORD)
    taps = Taps()
    with page.expect_navigation():
        taps.tap(page.get_by_test_id("nieuwe-activiteit"))

    # The quick part holds exactly the seven fields, all visible without unfolding.
    quick = page.get_by_test_id("snel-deel")
    names = set(
        quick.locator("input, select, textarea").evaluate_all("els => els.map(e => e.name)")
    )
    assert names == QUICK_FIELDS
    for name in QUICK_FIELDS - {"soort"}:
        expect(quick.locator(f'[name="{name}"]')).to_be_visible()
    # Date and wijk are filled in already.
    assert page.locator('[name="datum"]').input_value()
    assert page.locator('[name="wijk"]').input_value() == str(wijk_a.pk)
    # Saving is in reach without scrolling, and stays so at the bottom of the quick part.
    expect(page.get_by_test_id("opslaan")).to_be_in_viewport()

    taps.tap(quick.get_by_text("bijeenkomst", exact=True))
    taps.type_into(page.get_by_label("Titel"), "Buurtkoffie in de Kap")
    taps.type_into(page.get_by_label("Bereikte inwoners"), "23")
    taps.type_into(page.get_by_label("Geactiveerde inwoners"), "4")
    taps.pick(page.get_by_label("Hoofdthema"), "Eenzaamheid")
    expect(page.get_by_test_id("opslaan")).to_be_in_viewport()
    with page.expect_navigation():
        taps.tap(page.get_by_test_id("opslaan"))

    assert taps.count <= MAX_TAPS, f"{taps.count} taps"
    activiteit = Activiteit.objects.get(titel="Buurtkoffie in de Kap")
    assert (activiteit.soort, activiteit.wijk_id) == ("bijeenkomst", wijk_a.pk)
    assert (activiteit.bewoners_bereikt, activiteit.bewoners_geactiveerd) == (23, 4)
    assert [t.naam for t in activiteit.themas.all()] == ["Eenzaamheid"]
    assert page.get_by_test_id("activiteit-titel").inner_text() == "Buurtkoffie in de Kap"


def test_saving_stays_in_reach_while_scrolling_the_details(page, live_server, login, makelaar):
    login(page, live_server, "makelaar", PASSWORD)
    page.goto(live_server.url + "/activiteiten/nieuw/")
    page.get_by_test_id("meer-details").locator("summary").click()
    page.get_by_text("Foto's toevoegen").scroll_into_view_if_needed()
    expect(page.get_by_test_id("opslaan")).to_be_in_viewport()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def fill_activity(page, titel: str):
    page.get_by_test_id("snel-deel").get_by_text("evenement", exact=True).click()
    page.get_by_label("Titel").fill(titel)
    page.get_by_label("Bereikte inwoners").fill("40")
    page.get_by_test_id("meer-details").locator("summary").click()
    page.get_by_label("Beschrijving").fill("Een middag met spelletjes op het plein.")


def test_a_save_lost_to_the_network_is_kept_and_offered_again(
    page, live_server, login, makelaar, wijk_a
):
    login(page, live_server, "makelaar", PASSWORD)
    form_url = live_server.url + "/activiteiten/nieuw/"
    page.goto(form_url)
    fill_activity(page, "Spelmiddag op het plein")

    # The connection drops while the form is sent: the browser shows its error page.
    page.route("**/activiteiten/nieuw/", lambda route: route.abort("internetdisconnected"))
    with pytest.raises(Exception):  # noqa: B017 - Playwright's navigation error
        with page.expect_navigation():
            page.get_by_test_id("opslaan").click()
    page.unroute("**/activiteiten/nieuw/")
    assert not Activiteit.objects.exists()

    # Back online, the form offers what was typed.
    page.goto(form_url)
    offer = page.get_by_test_id("concept-aanbod")
    expect(offer).to_be_visible()
    expect(offer).to_contain_text("Spelmiddag op het plein")
    assert page.get_by_label("Titel").input_value() == ""
    offer.get_by_role("button", name="Terugzetten in het formulier").click()
    assert page.get_by_label("Titel").input_value() == "Spelmiddag op het plein"
    assert page.get_by_label("Bereikte inwoners").input_value() == "40"
    assert page.get_by_label("Beschrijving").input_value().startswith("Een middag")
    assert page.get_by_test_id("snel-deel").locator('[value="evenement"]').is_checked()
    with page.expect_navigation():
        page.get_by_test_id("opslaan").click()
    assert Activiteit.objects.get().titel == "Spelmiddag op het plein"

    # Saved: nothing is offered any more.
    page.goto(form_url)
    expect(page.get_by_test_id("activiteit-form")).to_be_visible()
    expect(page.get_by_test_id("concept-aanbod")).to_be_hidden()
    assert page.evaluate("Object.keys(localStorage).filter(k => k.includes('concept')).length") == 0


def test_offline_the_form_is_not_sent_and_says_so(page, live_server, login, makelaar, wijk_a):
    login(page, live_server, "makelaar", PASSWORD)
    page.goto(live_server.url + "/activiteiten/nieuw/")
    fill_activity(page, "Offline getypt")
    page.context.set_offline(True)
    page.get_by_test_id("opslaan").click()
    expect(page.get_by_test_id("geen-verbinding")).to_be_visible()
    assert page.get_by_label("Titel").input_value() == "Offline getypt"
    page.context.set_offline(False)
    with page.expect_navigation():
        page.get_by_test_id("opslaan").click()
    assert Activiteit.objects.get().titel == "Offline getypt"
