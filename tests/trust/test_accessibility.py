"""Every page of the app, for every role, on a phone and a desktop: zero axe-core
violations of WCAG 2.1 A and AA.

The pages come from the permission matrix (tests/trust/test_permission_matrix.py):
its world has an object for every URL and it knows who may open which page, so a
new page is checked here without editing this file. Each role logs in once per
viewport and walks all pages it may open, plus the error pages; on the phone
every form is also shown with errors (sent with its fields emptied).

The Django admin is not walked: it is for superusers only now, and what axe
finds there (unlabelled inputs and ARIA misuse in the many-to-many and
autocomplete widgets, unstyled links in the change lists) is in Django's own
admin templates and scripts, not in this project's.

axe-core comes from npm (package.json, devDependencies; MPL-2.0) and is read
from node_modules: nothing is fetched at run time. It is injected into every
page by Playwright with the page's Content-Security-Policy bypassed, which the
app itself never needs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError

from tests.conftest import BROWSER_TIMEOUT_MS, MOBILE_VIEWPORT
from tests.trust.test_permission_matrix import (
    ADMIN,
    ANON,
    BS,
    COORD,
    EXPECTED,
    MK_A,
    matrix,  # noqa: F401 - the fixture, shared with the permission matrix
    url_for,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(django_settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PASSWORD = "geheim-wachtwoord-123"  # tests.factories.UserFactory
VIEWPORTS = {"phone": MOBILE_VIEWPORT, "desktop": {"width": 1280, "height": 800}}
ROLES = [ANON, MK_A, BS, COORD, ADMIN]

# Pages outside the matrix that anonymous visitors see.
PUBLIC_PAGES = ["login", "password_reset", "password_reset_done", "password_reset_complete"]

RUN_AXE = """
async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
  });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
  }));
}
"""

# Shows the page's main form with errors: its visible fields emptied, sent without
# the browser's own checks. With dry=true only says whether the page has such a form.
SEND_EMPTY_FORM = """
(dry) => {
  const forms = [...document.querySelectorAll("main form[method=post]")]
    .filter((f) => !f.dataset.confirm && f.querySelector("input:not([type=hidden]), textarea"));
  if (!forms.length || dry) return forms.length > 0;
  const form = forms.sort((a, b) => b.elements.length - a.elements.length)[0];
  for (const el of form.elements) {
    if (el.matches("input[type=text], input[type=number], input[type=date], input[type=email],"
        + " input[type=url], input[type=tel], input[type=search], textarea")) el.value = "";
    if (el.matches("select:not([multiple])") && el.options.length && !el.options[0].value) {
      el.selectedIndex = 0;
    }
  }
  form.noValidate = true;
  form.requestSubmit();
  return true;
}
"""


def axe_violations(page, label: str) -> list[str]:
    found = page.evaluate(RUN_AXE, WCAG_TAGS)
    problems = [f"{label}: {v['id']} ({v['impact']}) {v['help']} at {v['nodes']}" for v in found]
    if "---------" in page.content():
        problems.append(f"{label}: an empty choice shows '---------'")
    return problems


def walk(context, live_server, urls: list[str], *, with_errors: bool) -> tuple[list[str], int]:
    """axe's findings on every HTML page of ``urls`` (and, with errors, its main
    form), and the number of pages checked. PDFs, exports and photos are skipped."""
    page = context.new_page()
    problems = []
    checked = 0
    for url in urls:
        try:
            response = page.goto(live_server.url + url)
        except PlaywrightError as error:
            if "Download is starting" in str(error):
                continue  # an export or PDF: no page to check
            raise
        if response is None or response.status >= 500:
            problems.append(f"GET {url}: {response and response.status}")
            continue
        if not (response.headers.get("content-type") or "").startswith("text/html"):
            continue  # a photo shown by the browser itself
        checked += 1
        problems += axe_violations(page, f"GET {url}")
        if with_errors and page.evaluate(SEND_EMPTY_FORM, True):
            with page.expect_navigation():
                page.evaluate(SEND_EMPTY_FORM, False)
            page.wait_for_load_state()
            problems += axe_violations(page, f"POST {url} (form with errors)")
    page.close()
    return problems, checked


@pytest.fixture
def context_for(browser):
    contexts = []

    def _new(viewport: str):
        context = browser.new_context(
            viewport=VIEWPORTS[viewport],
            locale="nl-NL",
            timezone_id="Europe/Amsterdam",
            bypass_csp=True,  # to inject axe; the app's own scripts need no bypass
        )
        context.set_default_timeout(BROWSER_TIMEOUT_MS)
        context.add_init_script(path=str(AXE))
        contexts.append(context)
        return context

    yield _new
    for context in contexts:
        context.close()


def log_in(context, live_server, username: str) -> None:
    page = context.new_page()
    page.goto(live_server.url + reverse("login"))
    page.locator('[name="username"]').fill(username)
    page.locator('[name="password"]').fill(PASSWORD)
    with page.expect_navigation():
        page.locator('main button[type="submit"]').click()
    assert not page.url.split("?")[0].endswith(reverse("login")), f"login failed for {username}"
    page.close()


def is_file(name: str, url: str) -> bool:
    """A PDF made on the spot, an export, a stored download or a photo: no page for
    axe, so it is not opened (the server would only render it for nothing)."""
    return url.endswith(".pdf") or name.endswith(("_export", "_download")) or name == "pages:media"


def pages_for(role: str, objects) -> list[str]:
    if role == ANON:
        public = [
            url_for(name, page, objects)
            for name, page in sorted(EXPECTED.items())
            if page.public and page.get
        ]
        return (
            [reverse(name) for name in PUBLIC_PAGES]
            + public
            + [
                reverse("password_reset_confirm", args=["MQ", "ongeldig-token"]),
                "/bestaat-niet/",
            ]
        )
    urls = [
        url
        for name, page in sorted(EXPECTED.items())
        if role in page.allowed and page.get
        if not is_file(name, url := url_for(name, page, objects))
    ]
    refused = [
        url_for(name, page, objects)
        for name, page in sorted(EXPECTED.items())
        if role not in page.allowed and page.get
    ]
    return [*urls, *refused[:1], "/bestaat-niet/"]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("role", ROLES)
def test_no_wcag_violations_on_any_page(matrix, role, viewport, live_server, context_for):  # noqa: F811
    context = context_for(viewport)
    if role != ANON:
        log_in(context, live_server, matrix.users[role].username)
    urls = pages_for(role, matrix.objects)
    error_pages = urls[-2:] if role != ANON else urls[-1:]  # the 403 and 404 pages
    # Forms with errors are checked on the phone only: the messages and their
    # colours are the same on a desktop, and walking them twice doubles the run.
    problems, checked = walk(
        context, live_server, urls[: -len(error_pages)], with_errors=viewport == "phone"
    )
    problems += walk(context, live_server, error_pages, with_errors=False)[0]
    assert checked >= (4 if role == ANON else 8), checked
    assert not problems, f"{role}, {viewport}: {len(problems)} problems\n" + "\n".join(problems)
