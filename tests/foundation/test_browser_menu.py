"""The main menu fits every screen from a 320 px phone to a 1920 px desktop.

For every role (the demo data, plus a superuser) and every width, one page is
opened and every item of that role's menu is reached the way a user would: the
toggler opened on a small screen, each group's dropdown opened in turn. Each item
must then lie inside the window, on one line and not covered by anything, and no
page may scroll sideways. Every page the menu leads to is then opened once per
role at a phone's and a desktop's width and must not scroll sideways either.

The items a role should find come from the menu's own definition
(``core.context_processors.navigation`` for that user), so a new item is checked
without editing this file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.urls import reverse

from core.context_processors import navigation
from tests.conftest import BROWSER_TIMEOUT_MS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DEMO_PASSWORD = "demo-wachtwoord"
WIDTHS = [320, 360, 768, 1024, 1366, 1920]
PHONE, DESKTOP = 360, 1366
HEIGHT = 800
ROLES = ["makelaar", "buurtservice", "coordinator", "beheerder", "superuser"]

# Whether the page scrolls sideways: wider than its window.
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"

# Each menu control matched by the selector inside ``root``: its label, its address
# (a button's is "button:" and its label), whether it opens a dropdown, and why it
# cannot be used as it stands, or null: outside the window, on more than one line,
# or covered (the point at its centre shows something else).
INSPECT = """
([root, selector]) => [...root.querySelectorAll(selector)].map((el) => {
  const label = el.innerText.trim();
  const result = {
    label,
    href: el.getAttribute("href") || `button:${label}`,
    dropdown: el.dataset.bsToggle === "dropdown",
    problem: null,
  };
  el.scrollIntoView({block: "nearest", inline: "nearest"});
  const box = el.getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  const style = getComputedStyle(el);
  const content = el.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  if (box.width < 1 || box.height < 1) {
    result.problem = "not shown";
  } else if (box.left < 0 || box.right > width + 0.5) {
    result.problem = `outside the window (${Math.round(box.left)}..${Math.round(box.right)}`
      + ` of ${width} px)`;
  } else if (content > 1.5 * parseFloat(style.lineHeight)) {
    result.problem = "wraps onto a second line";
  } else if (!hit || !(hit === el || el.contains(hit))) {
    result.problem = `covered by ${hit ? hit.outerHTML.slice(0, 80) : "nothing"}`;
  }
  return result;
})
"""
TOP_LEVEL = "#mainnav .navbar-nav > .nav-item > .nav-link"


@pytest.fixture
def demo_world(transactional_db):
    call_command("demodata", verbosity=0)
    User.objects.create_superuser("superuser", "super@example.org", DEMO_PASSWORD)


def menu_of(username: str) -> dict[str, str]:
    """{url: label} of every item the menu offers this user."""
    request = RequestFactory().get("/")
    request.user = User.objects.get(username=username)
    return {item["url"]: str(item["label"]) for item in navigation(request)["nav_items"]}


def logged_in_page(browser, live_server, username: str):
    """A page of a new browser context with the session of ``username`` (logging in
    through the form is tested elsewhere; here it would only cost time)."""
    client = Client()
    client.force_login(User.objects.get(username=username))
    context = browser.new_context(
        viewport={"width": DESKTOP, "height": HEIGHT},
        locale="nl-NL",
        timezone_id="Europe/Amsterdam",
        reduced_motion="reduce",
    )
    context.set_default_timeout(BROWSER_TIMEOUT_MS)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
    )
    return context.new_page()


def menu_problems(page, where: str) -> tuple[list[str], dict[str, str]]:
    """What is wrong with the menu on this page, and {address: label} of the items
    reached by opening the toggler (on a small screen) and each dropdown in turn."""
    problems = []
    reached = {}

    def inspect(root, selector: str, prefix: str = "") -> list[dict]:
        controls = page.evaluate(INSPECT, [root.element_handle(), selector])
        for control in controls:
            if control["problem"]:
                problems.append(f"{where}: {prefix}{control['label']!r} {control['problem']}")
            if not control["dropdown"]:
                reached[control["href"]] = control["label"]
        return controls

    toggler = page.locator(".navbar-toggler")
    if toggler.is_visible():
        toggler.click()
        page.locator("#mainnav.collapse.show").wait_for()
    controls = inspect(page.locator("body"), TOP_LEVEL)
    toggles = page.locator(TOP_LEVEL)
    for index, control in enumerate(controls):
        if not control["dropdown"]:
            continue
        toggles.nth(index).click()
        menu = page.locator("#mainnav .dropdown-menu.show")
        menu.wait_for(state="visible")
        inspect(menu, ".dropdown-item", f"{control['label']} › ")
    sideways = page.evaluate(SIDEWAYS)
    if sideways > 0:
        problems.append(f"{where}: the page scrolls {sideways} px sideways")
    return problems, reached


def test_every_menu_item_fits_on_one_line_at_every_width(demo_world, browser, live_server):
    problems = []
    for username in ROLES:
        problems += menu_problems_of_role(browser, live_server, username)
    assert not problems, "\n".join(problems)


def menu_problems_of_role(browser, live_server, username: str) -> list[str]:
    expected = menu_of(username)
    assert len(expected) >= 5, expected  # every role has real work in the menu
    page = logged_in_page(browser, live_server, username)
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": HEIGHT})
        page.goto(live_server.url + "/")
        found, reached = menu_problems(page, f"{username} at {width} px")
        problems += found
        missing = sorted(label for url, label in expected.items() if url not in reached)
        if missing:
            problems.append(f"{username} at {width} px: not reachable: {', '.join(missing)}")
        if "button:Uitloggen" not in reached:
            problems.append(f"{username} at {width} px: no way to log out")
    page.context.close()
    return problems


def test_no_page_of_the_menu_scrolls_sideways(demo_world, browser, live_server):
    problems = []
    for username in ROLES:
        problems += sideways_pages_of_role(browser, live_server, username)
    assert not problems, "\n".join(problems)


def sideways_pages_of_role(browser, live_server, username: str) -> list[str]:
    page = logged_in_page(browser, live_server, username)
    problems = []
    for url, label in menu_of(username).items():
        page.set_viewport_size({"width": PHONE, "height": HEIGHT})
        response = page.goto(live_server.url + url)
        assert response.status == 200, (url, response.status)
        for width in (PHONE, DESKTOP):
            page.set_viewport_size({"width": width, "height": HEIGHT})
            sideways = page.evaluate(SIDEWAYS)
            if sideways > 0:
                problems.append(f"{username}: {label} ({url}) scrolls {sideways} px at {width} px")
    page.context.close()
    return problems


AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
AXE_VIOLATIONS = """
async () => (await axe.run(document, {
  runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
  resultTypes: ["violations"],
})).violations.map((v) => `${v.id}: ${v.help} at ${v.nodes[0].target}`)
"""


def tab_to(page, name: str, tries: int = 8) -> None:
    """Press Tab until the control called ``name`` has the focus."""
    for _ in range(tries):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.innerText.trim()") == name:
            return
    raise AssertionError(f"{name!r} not reached with the Tab key")


def test_the_menu_works_with_the_keyboard_and_passes_axe_when_open(
    coordinator, browser, live_server
):
    page = logged_in_page(browser, live_server, coordinator.username)
    page.context.add_init_script(path=str(AXE))
    page.goto(live_server.url + "/")

    # Desktop: a group opens with Enter, the arrow keys walk it, Escape closes it.
    tab_to(page, "Registratie")
    page.keyboard.press("Enter")
    group = page.get_by_role("button", name="Registratie")
    assert group.get_attribute("aria-expanded") == "true"
    assert page.evaluate(AXE_VIOLATIONS) == []
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.innerText.trim()") == "Activiteiten"
    page.keyboard.press("Escape")
    assert group.get_attribute("aria-expanded") == "false"
    page.keyboard.press("ArrowDown")  # opens the group again on its first item
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == live_server.url + reverse("makelaars:activiteit_list")
    # The page's own item is marked current, and its group with it.
    assert page.locator('#mainnav [aria-current="page"]').text_content() == "Activiteiten"
    assert "active" in (group.get_attribute("class") or "")

    # Phone: the toggler opens the menu from the keyboard.
    page.set_viewport_size({"width": PHONE, "height": HEIGHT})
    page.goto(live_server.url + "/")
    tab_to(page, "")  # the toggler shows an icon; its name is its aria-label
    assert page.evaluate("document.activeElement.className").startswith("navbar-toggler")
    page.keyboard.press("Enter")
    page.locator("#mainnav.collapse.show").wait_for()
    tab_to(page, "Registratie")
    page.keyboard.press("Enter")
    assert page.evaluate(AXE_VIOLATIONS) == []
    page.context.close()
