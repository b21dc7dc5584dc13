"""Amounts typed the Dutch way are stored as the euros meant, from a browser set to
Dutch and from one set to English (a number input read "750,00" as 75000 there)."""

from decimal import Decimal

import pytest

from initiatieven.models import Financieringsaanvraag
from tests.conftest import BROWSER_TIMEOUT_MS, MOBILE_VIEWPORT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "geheim-wachtwoord-123"
AMOUNTS = [
    ("750,00", Decimal("750.00")),
    ("1.250,50", Decimal("1250.50")),
    ("750.00", Decimal("750")),
]


@pytest.mark.parametrize("locale", ["nl-NL", "en-US"])
def test_amounts_are_read_as_meant_in_every_browser(
    browser, locale, live_server, login, makelaar, initiatief_a
):
    context = browser.new_context(viewport=MOBILE_VIEWPORT, locale=locale)
    context.set_default_timeout(BROWSER_TIMEOUT_MS)
    page = context.new_page()
    try:
        login(page, live_server, "makelaar", PASSWORD)
        url = f"{live_server.url}/initiatieven/{initiatief_a.pk}/financiering/nieuw/"
        for typed, meant in AMOUNTS:
            page.goto(url)
            bedrag = page.locator('[name="bedrag"]')
            assert bedrag.get_attribute("type") == "text"
            assert bedrag.get_attribute("inputmode") == "decimal"
            page.locator('[name="fonds"]').fill(f"Fonds {typed}")
            bedrag.press_sequentially(typed)
            with page.expect_navigation():
                page.get_by_role("button", name="Opslaan").click()
            stored = Financieringsaanvraag.objects.get(fonds=f"Fonds {typed}")
            assert stored.bedrag == meant, (locale, typed, stored.bedrag)
        # Shown the Dutch way on the initiative's page.
        page.goto(f"{live_server.url}/initiatieven/{initiatief_a.pk}/")
        assert "1.250,50" in page.content()
    finally:
        context.close()
