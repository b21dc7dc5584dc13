"""A resident answers a questionnaire on a 360 px phone, through its public link,
without an account."""

from __future__ import annotations

import pytest

from metingen.models import Antwoord, Inzending
from metingen.services import issue_codes
from tests.factories import (
    GebiedFactory,
    InitiatiefFactory,
    StellingFactory,
    VragenlijstFactory,
    WijkFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def vragenlijst():
    wijk = WijkFactory(naam="De Hoven", gebied=GebiedFactory(naam="Centrum"))
    initiatief = InitiatiefFactory(naam="Huiskamer De Hoven", wijk=wijk)
    vragenlijst = VragenlijstFactory(
        initiatief=initiatief,
        titel="Wat betekent de huiskamer voor jou?",
        open_vraag="Wil je nog iets kwijt?",
    )
    StellingFactory(
        vragenlijst=vragenlijst, tekst="Door de huiskamer ken ik meer buren.", volgorde=1
    )
    StellingFactory(
        vragenlijst=vragenlijst, tekst="Door de huiskamer voel ik me welkom.", volgorde=2
    )
    return vragenlijst


def test_a_resident_answers_on_a_phone_without_logging_in(vragenlijst, page, live_server):
    (code,) = issue_codes(vragenlijst=vragenlijst, aantal=1)
    page.goto(live_server.url + vragenlijst.get_public_path())
    assert page.url.endswith(vragenlijst.get_public_path())  # no login page in between
    assert page.locator("main").count() == 1
    assert page.get_by_role("heading", name="Wat betekent de huiskamer voor jou?").is_visible()
    # The page fits a phone: nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    # Typed from the slip as people do: lower case, with a space in the middle.
    page.get_by_label("Je antwoordcode").fill(f"{code[:4].lower()} {code[4:]}")
    first = page.get_by_role("group", name="1. Door de huiskamer ken ik meer buren.")
    first.get_by_label("Helemaal eens").check()
    second = page.get_by_role("group", name="2. Door de huiskamer voel ik me welkom.")
    second.get_by_label("Eens", exact=True).check()
    page.get_by_label("Wil je nog iets kwijt?").fill("Fijne plek, graag vaker open.")
    # The robot trap is not in the way of a person.
    assert not page.get_by_label("Laat dit veld leeg").is_visible() or page.evaluate(
        "document.querySelector('.hp').getBoundingClientRect().right <= 0"
    )
    with page.expect_navigation():
        page.get_by_test_id("versturen").click()
    assert page.get_by_test_id("bedankt").is_visible()

    inzending = Inzending.objects.get()
    assert inzending.open_antwoord == "Fijne plek, graag vaker open."
    assert sorted(Antwoord.objects.values_list("waarde", flat=True)) == [4, 5]


def test_a_closed_questionnaire_shows_a_friendly_page(vragenlijst, page, live_server):
    vragenlijst.is_open = False
    vragenlijst.save()
    page.goto(live_server.url + vragenlijst.get_public_path())
    assert page.get_by_test_id("gesloten").is_visible()
    assert "Huiskamer De Hoven" in page.get_by_test_id("gesloten").inner_text()
