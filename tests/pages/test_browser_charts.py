"""Chart text on the wijk and gebied pages is readable on a 360 px phone (>= 11 px)."""

import datetime

import pytest

from tests.factories import ActiviteitFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "geheim-wachtwoord-123"
MIN_TEXT_PX = 11

SMALLEST_TEXT = """
() => {
  const sizes = [];
  for (const svg of document.querySelectorAll("svg.sw-chart")) {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    for (const text of svg.querySelectorAll("text")) {
      sizes.push(parseFloat(getComputedStyle(text).fontSize) * scale);
    }
  }
  return sizes.length ? Math.min(...sizes) : null;
}
"""


def test_chart_text_is_at_least_11_px_on_a_phone(page, live_server, login, coordinator, wijk_a):
    for month in (1, 5, 9):
        ActiviteitFactory(wijk=wijk_a, datum=datetime.date(2023, month, 3))
    login(page, live_server, "coordinator", PASSWORD)
    for path in (f"/wijken/{wijk_a.pk}/", f"/wijken/gebied/{wijk_a.gebied_id}/"):
        page.goto(f"{live_server.url}{path}?jaar=2023")
        smallest = page.evaluate(SMALLEST_TEXT)
        assert smallest is not None, path
        assert smallest >= MIN_TEXT_PX, f"{path}: {smallest:.1f} px"
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
