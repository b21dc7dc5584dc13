"""Each demo role logs in through the real login form and lands on its home page."""

import pytest
from django.core.management import call_command

DEMO_PASSWORD = "demo-wachtwoord"


@pytest.fixture
def demo(transactional_db):
    call_command("demodata", verbosity=0)


@pytest.mark.parametrize(
    ("username", "home", "expected_text"),
    [
        ("makelaar", "home-makelaar", "Nieuwe activiteit"),
        ("makelaar.zuid", "home-makelaar", "Mijn recente activiteiten"),
        ("buurtservice", "home-buurtservice", "Openstaande klussen"),
        ("coordinator", "home-coordinator", "Waterkwartier"),
        ("beheerder", "home-beheerder", "Beheer"),
    ],
)
def test_demo_role_logs_in_and_lands_on_its_home(
    demo, page, live_server, login, username, home, expected_text
):
    login(page, live_server, username, DEMO_PASSWORD)
    assert page.url == live_server.url + "/"
    assert page.get_by_test_id(home).is_visible()
    assert expected_text in page.content()
    assert page.locator("html").get_attribute("lang") == "nl"
    # The menu collapses behind the toggler on a 360 px screen and opens on tap.
    toggler = page.locator(".navbar-toggler")
    assert toggler.is_visible()
    toggler.click()
    # Wait for the collapse animation to finish before tapping inside the menu.
    page.locator("#mainnav.collapse.show").wait_for(state="visible")
    page.locator("#usermenu .dropdown-toggle").click()
    page.get_by_role("button", name="Uitloggen").wait_for(state="visible")


def test_wrong_password_stays_on_login_page_in_dutch(demo, page, live_server, login):
    login(page, live_server, "makelaar", "niet-het-wachtwoord", expect_success=False)
    assert "/accounts/login/" in page.url
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in page.content()
