"""Two-factor login in a real browser: set up from the QR page, then log in with a code.

The codes are computed in the test from the key the page shows (RFC 6238), as an
authenticator app would. The page must work under the strict CSP (the QR code
is inline SVG, no script).
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from core.roles import Role
from tests.factories import make_user
from tests.trust.test_accessibility import axe_violations, context_for  # noqa: F401 - fixture
from tests.trust.test_browser_csp import watch_console
from tests.trust.test_twofactor import totp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "geheim-wachtwoord-123"


def test_set_up_and_log_in_with_a_code(page, live_server, login, settings):
    settings.TWO_FACTOR_DEMO_EXEMPT = False
    make_user(Role.COORDINATOR, username="coord")
    problems = watch_console(page)

    login(page, live_server, "coord", PASSWORD)
    assert "/accounts/tweestaps/instellen/" in page.url
    qr = page.get_by_test_id("twofactor-qr").locator("svg")
    assert qr.is_visible()
    box = qr.bounding_box()
    assert box["width"] >= 100 and box["width"] <= 360  # scannable, fits a phone
    secret = page.get_by_test_id("twofactor-secret").inner_text()
    assert re.fullmatch(r"[A-Z2-7 ]{32,}", secret)

    page.get_by_role("textbox", name="Code").fill(totp(secret))
    with page.expect_navigation():
        page.get_by_role("button", name="Bevestigen").click()
    codes = page.get_by_test_id("backup-codes").locator("li")
    assert codes.count() == 10
    assert page.get_by_text("Tweestapsverificatie is ingesteld").is_visible()
    with page.expect_navigation():
        page.get_by_role("link", name="Ik heb ze bewaard: verder").click()
    assert page.url.rstrip("/") == live_server.url

    # The next login asks for the code.
    page.context.clear_cookies()
    login(page, live_server, "coord", PASSWORD)
    assert "/accounts/tweestaps/code/" in page.url
    page.get_by_role("textbox", name="Code").fill(totp(secret, steps_ahead=1))
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen").click()
    assert page.url.rstrip("/") == live_server.url
    assert page.get_by_role("heading", level=1).is_visible()
    assert not problems, problems


def test_the_two_step_pages_pass_axe_on_a_phone(live_server, context_for, settings):  # noqa: F811
    """Set-up, backup codes and code pages, also with an error: no WCAG 2.1 AA violations.
    (The accessibility walk of every page cannot reach them: they only show halfway
    through a login.)"""
    settings.TWO_FACTOR_DEMO_EXEMPT = False
    make_user(Role.COORDINATOR, username="coord")
    page = context_for("phone").new_page()
    problems = []

    def password_step():
        page.goto(live_server.url + reverse("login"))
        page.locator('[name="username"]').fill("coord")
        page.locator('[name="password"]').fill(PASSWORD)
        with page.expect_navigation():
            page.locator('main button[type="submit"]').click()

    def code_step(code: str, button: str, label: str):
        page.get_by_role("textbox", name="Code").fill(code)
        with page.expect_navigation():
            page.get_by_role("button", name=button).click()
        problems.extend(axe_violations(page, label))

    password_step()
    problems.extend(axe_violations(page, "set-up"))
    secret = page.get_by_test_id("twofactor-secret").inner_text()
    code_step("000000", "Bevestigen", "set-up with a wrong code")
    code_step(totp(secret), "Bevestigen", "backup codes")
    page.context.clear_cookies()
    password_step()
    problems.extend(axe_violations(page, "code"))
    code_step("000000", "Inloggen", "code, wrong")
    assert "/accounts/tweestaps/code/" in page.url
    assert not problems, problems
