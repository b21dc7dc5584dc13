"""Tables on a 360 px phone: the page never scrolls sideways, every button can be seen
and tapped, and a table of figures wider than the screen scrolls inside a box that shows
(with a shadow on its edge) that more columns wait."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from tests.factories import CapaciteitFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "geheim-wachtwoord-123"

SCROLL_BOXES = ".table-scroll, .report-preview .report-keep, .report-preview .table-responsive"
# Every table must lie on the screen, or sit in a scroll box with the shadow affordance.
TABLES_OFF_SCREEN = """
() => [...document.querySelectorAll("main table")].filter(table => {
  const r = table.getBoundingClientRect();
  if (r.width === 0 || (r.left >= 0 && r.right <= window.innerWidth + 0.5)) return false;
  const box = table.closest(SCROLL_BOXES);
  if (!box) return true;
  const b = box.getBoundingClientRect();
  const scrolls = box.scrollWidth > box.clientWidth && getComputedStyle(box).overflowX === "auto";
  const shadow = getComputedStyle(box).backgroundImage.includes("radial-gradient");
  return !(scrolls && shadow && b.right <= window.innerWidth + 0.5);
}).map(table => (table.caption ? table.caption.textContent : table.textContent).trim().slice(0, 60))
""".replace("SCROLL_BOXES", repr(SCROLL_BOXES))


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def on_screen(locator, page) -> bool:
    box = locator.bounding_box()
    width = page.viewport_size["width"]
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width


def test_phone_tables_fit_or_scroll_in_their_box(page, live_server, login, coordinator, year_data):
    CapaciteitFactory(
        startdatum=datetime.date(2023, 3, 1),
        uren_per_week=36,
        omschrijving="Plan Sterke Wijken: 12 uur per week extra inzet vanaf 1 maart 2023",
    )
    coordinator.set_password(PASSWORD)
    coordinator.save()
    login(page, live_server, "coordinator", PASSWORD)
    assert page.viewport_size["width"] == 360

    page.goto(live_server.url + reverse("buurtservice:capaciteit_list"))
    buttons = page.get_by_role("link", name="Bewerken")
    assert buttons.count() >= 2
    for index in range(buttons.count()):
        assert on_screen(buttons.nth(index), page), f"Bewerken {index + 1} lies off the screen"
    assert no_sideways_scroll(page)
    assert page.evaluate(TABLES_OFF_SCREEN) == []

    page.goto(live_server.url + reverse("buurtservice:uitvoerder_list"))
    assert on_screen(page.locator("main table"), page)
    # Each stacked cell names its column.
    label = page.locator('main td[data-label="Herkomst"]').first.evaluate(
        "td => getComputedStyle(td, '::before').content"
    )
    assert label == '"Herkomst: "'
    assert no_sideways_scroll(page)

    for url in (reverse("pages:home") + "?jaar=2023", year_data["rapportage"].get_absolute_url()):
        page.goto(live_server.url + url)
        assert no_sideways_scroll(page), url
        assert page.evaluate(TABLES_OFF_SCREEN) == [], url
