"""A refused form cannot be missed: on a phone the page opens on a summary at the
top of the form, which has the focus and links to each field in error."""

from __future__ import annotations

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.factories import (
    InitiatiefFactory,
    StellingFactory,
    ThemaFactory,
    VragenlijstFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "geheim-wachtwoord-123"  # tests.factories.UserFactory

# Where the summary is: whether it has the focus, its top and that of the form's
# first field (px from the top of the window), and its links.
SUMMARY_STATE = """
() => {
  const summary = document.querySelector("[data-error-summary]");
  if (!summary) return null;
  const form = summary.closest("form");
  const first = form.querySelector("input:not([type=hidden]), select, textarea");
  return {
    focused: document.activeElement === summary,
    top: summary.getBoundingClientRect().top,
    bottom: summary.getBoundingClientRect().bottom,
    firstField: first.getBoundingClientRect().top,
    links: [...summary.querySelectorAll("a")].map((a) => [a.innerText, a.getAttribute("href")]),
  };
}
"""


def summary_opening_the_page(page) -> dict:
    """The state of the error summary, after checking it opens the page."""
    state = page.evaluate(SUMMARY_STATE)
    assert state is not None, "no error summary on the refused form"
    assert state["focused"], "the error summary does not have the focus"
    # In view and above the form's fields, whatever the page scrolled to before.
    height = page.viewport_size["height"]
    assert 0 <= state["top"] and state["bottom"] <= height, state
    assert state["top"] < state["firstField"], state
    return state


def follow_link(page, text: str, field_id: str) -> None:
    page.locator("[data-error-summary]").get_by_role("link", name=text).click()
    assert page.evaluate("document.activeElement.id") == field_id
    # Scrolled into view (smoothly: Bootstrap's scroll-behavior, so expect() waits).
    expect(page.locator(f"#{field_id}")).to_be_in_viewport()


def test_a_refused_staff_form_opens_on_its_error_summary(makelaar, page, live_server, login):
    ThemaFactory(naam="Eenzaamheid")
    login(page, live_server, makelaar.username, PASSWORD)
    page.goto(live_server.url + reverse("signalen:signaal_create"))
    page.locator('[name="omschrijving"]').fill("Bel Jan op 06-12345678 over de stoep.")
    page.locator('[name="datum"]').fill("")
    # Send from the bottom of the page, as a person would after filling it in.
    page.keyboard.press("End")
    with page.expect_navigation():
        page.evaluate(
            "() => { const f = document.querySelector('[data-testid=signaal-form]');"
            " f.noValidate = true; f.requestSubmit(); }"
        )

    state = summary_opening_the_page(page)
    texts = [text.split(":")[0] for text, _href in state["links"]]
    assert texts == ["Datum", "Thema's", "Bron", "Korte omschrijving"], state["links"]
    assert state["links"][0] == ["Datum: Dit veld is verplicht.", "#id_datum"]
    assert "telefoonnummer" in state["links"][3][0]  # the phone number in the text
    for text, href in state["links"]:
        follow_link(page, text, href[1:])


def test_the_public_questionnaire_opens_on_its_error_summary(page, live_server, wijk_a):
    vragenlijst = VragenlijstFactory(
        initiatief=InitiatiefFactory(wijk=wijk_a), open_vraag="Wil je nog iets kwijt?"
    )
    for number in range(1, 9):  # a long form: the open question lies screens below
        StellingFactory(vragenlijst=vragenlijst, tekst=f"Stelling {number}.", volgorde=number)
    page.goto(live_server.url + vragenlijst.get_public_path())
    page.get_by_label("Wil je nog iets kwijt?").fill("Mail me: jan@example.org")
    with page.expect_navigation():
        page.get_by_test_id("versturen").click()

    state = summary_opening_the_page(page)
    [text] = [text for text, href in state["links"] if href == "#id_open_antwoord"]
    assert text.startswith("Wil je nog iets kwijt?: ")
    follow_link(page, text, "id_open_antwoord")

    # Nothing answered at all: an error of the whole form, listed without a link.
    page.get_by_label("Wil je nog iets kwijt?").fill("")
    with page.expect_navigation():
        page.get_by_test_id("versturen").click()
    summary = page.locator("[data-error-summary]")
    assert page.evaluate(SUMMARY_STATE)["focused"]
    assert "Nog niets beantwoord" in summary.inner_text()
    assert not summary.get_by_role("link", name="Nog niets beantwoord", exact=False).count()
