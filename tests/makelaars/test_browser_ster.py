"""The star in a real browser: htmx swaps it in place; without JavaScript the
page's one ``ster-form`` posts it and comes back to the same list page."""

import pytest
from playwright.sync_api import expect

from makelaars.models import Activiteit
from tests.factories import ActiviteitFactory

PASSWORD = "geheim-wachtwoord"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def activiteiten(wijk_a, coordinator):
    coordinator.set_password(PASSWORD)
    coordinator.save()
    return [ActiviteitFactory(wijk=wijk_a, titel=f"Buurtsoep {n}") for n in range(30)]


def star(page, activiteit):
    return page.get_by_test_id(f"ster-{activiteit.pk}")


def wait_for_pressed(page, activiteit, pressed: str):
    expect(star(page, activiteit)).to_have_attribute("aria-pressed", pressed)


def test_a_tap_marks_in_place_and_the_list_shows_it_after_a_reload(
    page, live_server, login, activiteiten
):
    login(page, live_server, "coordinator", PASSWORD)
    page.goto(live_server.url + "/activiteiten/")
    first = Activiteit.objects.order_by("-datum", "-pk").first()
    assert star(page, first).get_attribute("aria-pressed") == "false"

    url_before = page.url
    star(page, first).click()
    wait_for_pressed(page, first, "true")
    assert page.url == url_before  # swapped in place, no page load
    assert Activiteit.objects.get(pk=first.pk).is_voorbeeld
    # The swapped-in button works too: a second tap takes the mark off again.
    star(page, first).click()
    wait_for_pressed(page, first, "false")
    assert not Activiteit.objects.get(pk=first.pk).is_voorbeeld

    # The list keeps its rendered rows until the data changes; a mark is a change.
    star(page, first).click()
    wait_for_pressed(page, first, "true")
    page.reload()
    assert star(page, first).get_attribute("aria-pressed") == "true"


def test_without_javascript_the_star_posts_and_returns_to_the_same_page(
    browser, live_server, login, activiteiten
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        login(page, live_server, "coordinator", PASSWORD)
        page.goto(live_server.url + "/activiteiten/?page=2")
        last = Activiteit.objects.order_by("-datum", "-pk").last()
        with page.expect_navigation():
            star(page, last).click()
        assert page.url.endswith("/activiteiten/?page=2")
        assert Activiteit.objects.get(pk=last.pk).is_voorbeeld
        assert star(page, last).get_attribute("aria-pressed") == "true"
    finally:
        context.close()
