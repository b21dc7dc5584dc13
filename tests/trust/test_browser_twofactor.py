"""Two-factor login in a real browser: set up from the QR page, then log in with a code.

The codes are computed in the test from the key the page shows (RFC 6238), as an
authenticator app would. The page must work under the strict CSP (the QR code
is inline SVG, no script).
"""

from __future__ import annotations

import re

import pytest

from core.roles import Role
from tests.factories import make_user
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
