"""In a real browser the Content-Security-Policy blocks nothing the app needs:
no violation on the main pages, and the confirm dialog works without inline script."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from rapportage.models import Jaarrapportage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "demo-wachtwoord"

MAIN_PAGES = {
    "makelaar": [
        "pages:home",
        "privacy",
        "makelaars:activiteit_list",
        "makelaars:activiteit_create",
        "initiatieven:initiatief_list",
        "pages:wijk_list",
    ],
    "coordinator": [
        "pages:home",
        "buurtservice:wachtlijst",
        "buurtservice:overzicht",
        "rapportage:jaarrapportage_list",
    ],
}


def watch_console(page) -> list[str]:
    """Console errors and CSP violations (chromium logs these as errors)."""
    problems: list[str] = []

    def on_console(message):
        text = message.text
        if text.startswith("Failed to load resource"):
            return  # the responses are checked below, with their URL
        if message.type == "error" or "Content Security Policy" in text:
            problems.append(f"{page.url}: {text}")

    def on_response(response):
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            problems.append(f"{response.status} {response.url}")

    page.on("console", on_console)
    page.on("response", on_response)
    page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
    return problems


@pytest.mark.parametrize("username", sorted(MAIN_PAGES))
def test_main_pages_have_no_csp_violations(page, live_server, login, username):
    call_command("demodata")
    problems = watch_console(page)
    login(page, live_server, username, DEMO_PASSWORD)
    for name in MAIN_PAGES[username]:
        response = page.goto(live_server.url + reverse(name))
        assert response.status == 200, name
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
    # Bootstrap's JS runs under the policy: the phone-sized menu opens.
    page.get_by_role("button", name="Menu").click()
    page.locator("#mainnav.show").wait_for()
    assert not problems, "\n".join(problems)


def test_the_csp_check_sees_a_violation(page, live_server, login):
    """An inline script is refused and reported: the check above can fail."""
    call_command("demodata")
    problems = watch_console(page)
    login(page, live_server, "makelaar", DEMO_PASSWORD)
    with page.expect_console_message(lambda message: "Content Security Policy" in message.text):
        page.evaluate(
            "() => { const s = document.createElement('script');"
            " s.textContent = 'window.injected = 1'; document.body.appendChild(s); }"
        )
    assert page.evaluate("() => window.injected") is None
    assert any("Content Security Policy" in p for p in problems), problems


def test_finalizing_a_report_asks_first(page, live_server, login):
    call_command("demodata")
    rapportage = Jaarrapportage.objects.order_by("-jaar").first()
    assert not rapportage.is_definitief, "the demo data's latest report must be a draft"
    problems = watch_console(page)
    login(page, live_server, "coordinator", DEMO_PASSWORD)
    page.goto(live_server.url + reverse("rapportage:jaarrapportage_check", args=[rapportage.pk]))
    dialogs: list[str] = []

    def dismiss(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    with page.expect_event("dialog"):
        page.get_by_role("button", name="Definitief maken").click()
    # Dismissed: the form is not sent (a request would show up as network activity).
    page.wait_for_load_state("networkidle")
    assert dialogs and "definitief" in dialogs[0].lower()
    rapportage.refresh_from_db()
    assert not rapportage.is_definitief  # cancelled: nothing was sent
    assert not problems, "\n".join(problems)


def test_admin_pages_have_no_csp_violations(page, live_server, login):
    """The Django admin (the beheerder's tool for users) also works under the policy."""
    call_command("demodata")
    problems = watch_console(page)
    login(page, live_server, "beheerder", DEMO_PASSWORD)
    for url in (
        reverse("admin:index"),
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_user_change", args=[User.objects.get(username="makelaar").pk]),
        reverse("admin:makelaars_activiteit_add"),
    ):
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        page.wait_for_load_state("networkidle")
    assert not problems, "\n".join(problems)
