"""Shared pytest fixtures.

The first section holds the browser fixtures (Playwright driving Debian's
chromium); project fixtures follow below it.
"""

import os
import shutil
from collections.abc import Callable, Iterator

import pytest
from django.test import Client

from core.roles import Role
from tests.factories import GebiedFactory, WijkFactory, make_user

# The S3 server and media-on-S3 fixtures (tests/s3.py).
pytest_plugins = ["tests.s3"]

# =============================================================================
# Browser fixtures: Playwright's sync API driving Debian's chromium
# =============================================================================
#
# Playwright's sync API runs an asyncio event loop in this thread; without this
# Django's ORM would raise SynchronousOnlyOperation inside browser tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Playwright cannot download its own browser here, so we drive Debian's
# chromium (`make browsers`). The network flags keep it from calling home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BROWSER_TIMEOUT_MS = 10_000
MOBILE_VIEWPORT = {"width": 360, "height": 740}
LOGIN_PATH = "/accounts/login/"
BROWSER_FIXTURES = {"browser", "page", "login"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses a browser fixture as ``browser``.

    So ``pytest -m "not browser"`` runs the fast suite only.
    """
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not path:
        pytest.fail(
            "chromium not found on PATH: browser tests need Debian's chromium. "
            "Install it with `make browsers` (apt-get install chromium).",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_driver, chromium_path: str) -> Iterator:
    """One headless chromium for the whole session."""
    browser = playwright_driver.chromium.launch(
        executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture
def page(browser) -> Iterator:
    """A fresh page in its own context: phone-sized, Dutch, Amsterdam time."""
    context = browser.new_context(
        viewport=MOBILE_VIEWPORT,
        locale="nl-NL",
        timezone_id="Europe/Amsterdam",
    )
    context.set_default_timeout(BROWSER_TIMEOUT_MS)
    context.set_default_navigation_timeout(BROWSER_TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


def _login_field(page, name: str, labels: tuple[str, ...]):
    """The login form's input called ``name``, else the one with one of ``labels``."""
    field = page.locator(f'form [name="{name}"]')
    if field.count():
        return field.first
    for label in labels:
        field = page.get_by_label(label, exact=False)
        if field.count():
            return field.first
    raise AssertionError(f"login page has no {name!r} field (looked for name and labels {labels})")


@pytest.fixture
def login() -> Callable[..., object]:
    """Log in through the real login form.

    Usage: ``login(page, live_server, "makelaar", "secret")``; returns the page,
    which shows wherever the login redirected to. Raises AssertionError when the
    browser is still on the login page afterwards (pass ``expect_success=False``
    to test a failed login).
    """

    def _login(page, live_server, username: str, password: str, *, expect_success: bool = True):
        page.goto(live_server.url + LOGIN_PATH)
        username_field = _login_field(page, "username", ("Gebruikersnaam", "Username"))
        password_field = _login_field(page, "password", ("Wachtwoord", "Password"))
        username_field.fill(username)
        password_field.fill(password)
        form = page.locator("form", has=page.locator('[name="password"]'))
        submit = form.locator('button[type="submit"], input[type="submit"]')
        with page.expect_navigation():
            if submit.count():
                submit.first.click()
            else:
                password_field.press("Enter")
        page.wait_for_load_state()
        if expect_success and page.url.split("?")[0].endswith(LOGIN_PATH):
            raise AssertionError(f"login as {username!r} failed: still on {page.url}")
        return page

    return _login


# =============================================================================
# Project fixtures (below this line)
# =============================================================================


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """PBKDF2's million rounds cost a second per user on a small machine; tests
    need no strong hashes."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: the test database is rolled back after
    every test, the cache (cached figures, core.datacache) is not."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


# =============================================================================
# The shared world: two gebieden, their wijken and a user per role
# =============================================================================
#
# Every test folder uses these names; tests add the records they need.
#
#   gebied_a "Waterkwartier": wijk_a "Waterkwartier", wijk_a2 "Waterkwartier-Oost"
#   gebied_b "Zuidwijken – Warnsveld – Leesten": wijk_b "Zuidwijken", wijk_b2 "Leesten"
#   makelaar (broker of gebied A), makelaar_b (broker of gebied B),
#   buurtservice_user, coordinator, beheerder (staff, every right).


@pytest.fixture
def gebied_a(db):
    gebied = GebiedFactory(naam="Waterkwartier", volgorde=1)
    WijkFactory(naam="Waterkwartier", gebied=gebied)
    WijkFactory(naam="Waterkwartier-Oost", gebied=gebied)
    return gebied


@pytest.fixture
def gebied_b(db):
    gebied = GebiedFactory(naam="Zuidwijken – Warnsveld – Leesten", volgorde=2)
    WijkFactory(naam="Zuidwijken", gebied=gebied)
    WijkFactory(naam="Leesten", gebied=gebied)
    return gebied


@pytest.fixture
def wijk_a(gebied_a):
    return gebied_a.wijken.get(naam="Waterkwartier")


@pytest.fixture
def wijk_a2(gebied_a):
    return gebied_a.wijken.get(naam="Waterkwartier-Oost")


@pytest.fixture
def wijk_b(gebied_b):
    return gebied_b.wijken.get(naam="Zuidwijken")


@pytest.fixture
def wijk_b2(gebied_b):
    return gebied_b.wijken.get(naam="Leesten")


@pytest.fixture
def makelaar(gebied_a):
    """The social broker of gebied A (default wijk: Waterkwartier)."""

    return make_user(Role.MAKELAAR, gebied=gebied_a, username="makelaar")


@pytest.fixture
def makelaar_b(gebied_b):
    """The social broker of gebied B (default wijk: Zuidwijken)."""

    return make_user(Role.MAKELAAR, gebied=gebied_b, username="makelaar.zuid")


@pytest.fixture
def buurtservice_user(db):

    return make_user(Role.BUURTSERVICE, username="buurtservice")


@pytest.fixture
def coordinator(db):

    user = make_user(Role.COORDINATOR, username="coordinator")
    user.first_name, user.last_name = "Carla", "Coördinator"
    user.save()
    return user


@pytest.fixture
def beheerder(db):

    user = make_user(Role.BEHEERDER, username="beheerder")
    user.is_staff = True
    user.save()
    return user


@pytest.fixture
def client_for() -> Callable[..., Client]:
    """``client_for(user)``: a test client logged in as ``user``."""

    def make(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def media_root(tmp_path, settings):
    """Uploaded files (photos, report PDFs) in a folder of this test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def work_off_queue() -> int:
    """Run the background worker (django-tasks-db's) until the queue is empty, here
    in the test; return how many tasks it ran.

    It is the real worker loop; only its closing of old database connections is
    left out, which would end the test's transaction.
    """
    from unittest import mock

    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    before = DBTaskResult.objects.exclude(status="READY").count()
    with mock.patch.object(db_worker, "close_old_connections", lambda: None):
        db_worker.Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
            excluded_queue_names=[],
        ).run()
    return DBTaskResult.objects.exclude(status="READY").count() - before


@pytest.fixture
def run_worker() -> Callable[[], int]:
    """:func:`work_off_queue`, for tests that take it as a fixture."""
    return work_off_queue
