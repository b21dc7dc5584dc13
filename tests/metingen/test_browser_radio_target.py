"""On a 360 px phone the answer buttons are big enough for older residents to hit."""

from __future__ import annotations

import pytest

from tests.factories import (
    GebiedFactory,
    InitiatiefFactory,
    StellingFactory,
    VragenlijstFactory,
    WijkFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_radio_buttons_are_at_least_24_px_with_large_labels(page, live_server):
    wijk = WijkFactory(naam="De Hoven", gebied=GebiedFactory(naam="Centrum"))
    vragenlijst = VragenlijstFactory(initiatief=InitiatiefFactory(naam="Huiskamer", wijk=wijk))
    StellingFactory(vragenlijst=vragenlijst, tekst="Door de huiskamer ken ik buren.", volgorde=1)

    page.goto(live_server.url + vragenlijst.get_public_path())
    radios = page.locator('.schaal input[type="radio"]')
    assert radios.count() == 5
    for index in range(radios.count()):
        box = radios.nth(index).bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, box
    label_size = page.locator(".schaal .form-check-label").first.evaluate(
        "el => parseFloat(getComputedStyle(el).fontSize)"
    )
    assert label_size >= 18
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # The label still checks its button.
    page.locator(".schaal .form-check-label").first.click()
    assert radios.first.is_checked()
