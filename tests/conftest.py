"""Shared pytest fixtures.

The first section holds the browser fixtures (Playwright driving Debian's
chromium); project fixtures follow below it.
"""

import datetime
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import SimpleNamespace

import pytest
from django.test import Client
from django.utils import timezone

from buurtservice.choices import KlusStatus
from core.roles import Role
from initiatieven.choices import InitiatiefStatus
from initiatieven.models import Deelnametelling, StatusWijziging
from rapportage.models import Indicator
from tests.database import django_db_setup  # noqa: F401 - the template-based set-up
from tests.factories import (
    ActiviteitFactory,
    BuurtteamContactFactory,
    CapaciteitFactory,
    CollectiefVraagstukFactory,
    FinancieringsaanvraagFactory,
    GebiedFactory,
    InitiatiefFactory,
    InzetFactory,
    JaarrapportageFactory,
    KlusFactory,
    MedewerkerFactory,
    OrganisatieFactory,
    PlanonderdeelFactory,
    SectieFactory,
    SignaalFactory,
    StellingFactory,
    ThemaFactory,
    UitvoerderFactory,
    VragenlijstFactory,
    WijkFactory,
    make_user,
)

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


def pytest_configure(config: pytest.Config) -> None:
    # The fuzz's seed is chosen here, before xdist starts its workers: they
    # inherit it through the environment and draw the same examples.
    from tests.fuzzing import run_seed

    run_seed()


def fuzz_seed_line() -> str:
    from tests.fuzzing import SEED_VARIABLE, run_seed

    seed = run_seed()
    return f"fuzz seed: {seed} (replay this run's examples with {SEED_VARIABLE}={seed})"


def pytest_report_header(config: pytest.Config) -> str:
    return fuzz_seed_line()


def pytest_terminal_summary(terminalreporter) -> None:
    # Also at the end, where it is seen after a long run (and under -q, which
    # hides the header).
    terminalreporter.write_line(fuzz_seed_line())


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


def make_gebied_a():
    gebied = GebiedFactory(naam="Waterkwartier", volgorde=1)
    WijkFactory(naam="Waterkwartier", gebied=gebied)
    WijkFactory(naam="Waterkwartier-Oost", gebied=gebied)
    return gebied


def make_gebied_b():
    gebied = GebiedFactory(naam="Zuidwijken – Warnsveld – Leesten", volgorde=2)
    WijkFactory(naam="Zuidwijken", gebied=gebied)
    WijkFactory(naam="Leesten", gebied=gebied)
    return gebied


def make_coordinator():
    user = make_user(Role.COORDINATOR, username="coordinator")
    user.first_name, user.last_name = "Carla", "Coördinator"
    user.save()
    return user


def make_beheerder():
    user = make_user(Role.BEHEERDER, username="beheerder")
    user.is_staff = True
    user.save()
    return user


@pytest.fixture
def gebied_a(db):
    return make_gebied_a()


@pytest.fixture
def gebied_b(db):
    return make_gebied_b()


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

    return make_coordinator()


@pytest.fixture
def beheerder(db):

    return make_beheerder()


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


# =============================================================================
# Built once per module: data kept in a transaction that the module's tests share
# =============================================================================
#
# A fixture of module (or package) scope that builds many rows opens a transaction
# outside the tests, builds in it and rolls it back when its scope ends; every test
# still runs in a savepoint of its own (the ``db`` fixture), so tests cannot affect
# each other. Only for tests that do not commit (no ``transaction=True``).

# The rows are built before the test's own fast hasher applies.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@contextmanager
def rolled_back_afterwards(django_db_blocker) -> Iterator[None]:
    """Build inside ``with``; the rows live until the ``with`` ends."""
    from django.db import transaction
    from django.test.utils import override_settings

    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        atomic = transaction.atomic()
        atomic.__enter__()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@contextmanager
def building(django_db_blocker) -> Iterator[None]:
    """Database access for building the rows of a wider-scoped fixture."""
    from django.test.utils import override_settings

    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        yield


# =============================================================================
# The fuzz world: the shared world with an object of each kind
# =============================================================================


# The shared world's records the fuzz world is built on.
WORLD_BASE = (
    "gebied_a",
    "gebied_b",
    "makelaar",
    "makelaar_b",
    "buurtservice_user",
    "coordinator",
    "beheerder",
)


def build_world(
    *, gebied_a, gebied_b, makelaar, makelaar_b, buurtservice_user, coordinator, beheerder
) -> SimpleNamespace:
    """The shared world with reference data, and objects in gebied A (to edit) and
    in gebied B (whose ids are forged into forms)."""
    wijk_a = gebied_a.wijken.get(naam="Waterkwartier")
    wijk_b = gebied_b.wijken.get(naam="Zuidwijken")
    today = timezone.localdate()
    themas = [ThemaFactory(naam="Fuzz eenzaamheid"), ThemaFactory(naam="Fuzz groen")]
    partners = [OrganisatieFactory(naam="Fuzz Ieder1"), OrganisatieFactory(naam="Fuzz GelreWerkt")]
    users = {
        "makelaar": makelaar,
        "buurtservice": buurtservice_user,
        "coordinator": coordinator,
        "beheerder": beheerder,
    }

    activiteit = ActiviteitFactory(
        wijk=wijk_a, aangemaakt_door=makelaar, datum=today - datetime.timedelta(days=10)
    )
    activiteit.medewerkers.add(makelaar.medewerker)
    activiteit.themas.add(themas[0])
    initiatief = InitiatiefFactory(
        naam="Fuzz moestuin", wijk=wijk_a, directe_effecten="Buren leren elkaar kennen."
    )
    status_stap = StatusWijziging.objects.create(
        initiatief=initiatief,
        status=InitiatiefStatus.IDEE,
        datum=today - datetime.timedelta(days=100),
        door=makelaar,
    )
    telling = Deelnametelling.objects.create(
        initiatief=initiatief,
        datum=today - datetime.timedelta(days=20),
        vrijwilligers=3,
        deelnemers=20,
    )
    financiering = FinancieringsaanvraagFactory(
        initiatief=initiatief, aangevraagd_op=today - datetime.timedelta(days=50)
    )
    uitvoerder = UitvoerderFactory(naam="Fuzz Ahmed", startdatum=datetime.date(2022, 1, 1))
    klus = KlusFactory(
        wijk=wijk_a,
        status=KlusStatus.WACHTLIJST,
        aanvraagdatum=today - datetime.timedelta(days=30),
    )
    klus_ingepland = KlusFactory(
        wijk=wijk_a,
        status=KlusStatus.INGEPLAND,
        aanvraagdatum=today - datetime.timedelta(days=30),
        gepland_op=today,
        aanvrager_naam="P. Pietersen",
        aanvrager_adres="Kerkstraat 2",
    )
    InzetFactory(klus=klus_ingepland, uitvoerder=uitvoerder)
    klus_uitgevoerd = KlusFactory(
        wijk=wijk_a,
        status=KlusStatus.UITGEVOERD,
        aanvraagdatum=today - datetime.timedelta(days=40),
        gepland_op=today - datetime.timedelta(days=5),
        uitgevoerd_op=today - datetime.timedelta(days=5),
    )
    InzetFactory(klus=klus_uitgevoerd, uitvoerder=uitvoerder, uren=2)
    # A worker without jobs: one that may be removed.
    uitvoerder_los = UitvoerderFactory(naam="Fuzz Bea", startdatum=datetime.date(2022, 1, 1))
    capaciteit = CapaciteitFactory(
        startdatum=datetime.date(2020, 1, 1), einddatum=datetime.date(2020, 12, 31)
    )
    rapport = JaarrapportageFactory(jaar=2023)
    sectie = SectieFactory(rapportage=rapport, titel="Fuzz inleiding")
    rapport_definitief = JaarrapportageFactory(jaar=2022, status="definitief")
    planonderdeel = PlanonderdeelFactory(rapportage=rapport, titel="Fuzz plan")
    indicator = Indicator.objects.create(
        planonderdeel=planonderdeel, naam="Fuzz doel", meting="activiteiten", streefwaarde=10
    )

    signaal = SignaalFactory(wijk=wijk_a, aangemaakt_door=makelaar, datum=today, themas=themas)
    signaal_bs = SignaalFactory(
        wijk=wijk_a, aangemaakt_door=users["buurtservice"], datum=today, themas=themas
    )
    vraagstuk = CollectiefVraagstukFactory(gebied=gebied_a, gestart_op=today)
    contact = BuurtteamContactFactory(gebied=gebied_a, aangemaakt_door=makelaar, datum=today)
    vragenlijst = VragenlijstFactory(initiatief=initiatief, startdatum=today)
    StellingFactory(vragenlijst=vragenlijst, tekst="Fuzz: ik ken meer buren.")
    StellingFactory(vragenlijst=vragenlijst, tekst="Fuzz: ik voel me welkom.")

    # Objects of gebied B: their ids are forged into gebied A's forms.
    activiteit_b = ActiviteitFactory(wijk=wijk_b, aangemaakt_door=makelaar_b)
    initiatief_b = InitiatiefFactory(naam="Fuzz buurtfeest", wijk=wijk_b)
    klus_b = KlusFactory(wijk=wijk_b, status=KlusStatus.WACHTLIJST)
    signaal_b = SignaalFactory(wijk=wijk_b, aangemaakt_door=makelaar_b, datum=today)
    vraagstuk_b = CollectiefVraagstukFactory(gebied=gebied_b, gestart_op=today)

    forged_ids = sorted(
        {
            gebied_b.pk,
            wijk_b.pk,
            activiteit_b.pk,
            initiatief_b.pk,
            klus_b.pk,
            signaal_b.pk,
            vraagstuk_b.pk,
            makelaar_b.pk,
            makelaar_b.medewerker.pk,
        }
    ) + [0, -1, 999_999, 2**31, 2**63]

    return SimpleNamespace(
        today=today,
        gebied_a=gebied_a,
        gebied_b=gebied_b,
        wijk_a=wijk_a,
        wijk_b=wijk_b,
        themas=themas,
        partners=partners,
        users=users,
        makelaar_b=makelaar_b,
        activiteit=activiteit,
        initiatief=initiatief,
        financiering=financiering,
        status_stap=status_stap,
        telling=telling,
        uitvoerder=uitvoerder,
        uitvoerder_los=uitvoerder_los,
        klus=klus,
        klus_ingepland=klus_ingepland,
        klus_uitgevoerd=klus_uitgevoerd,
        capaciteit=capaciteit,
        rapport=rapport,
        sectie=sectie,
        rapport_definitief=rapport_definitief,
        planonderdeel=planonderdeel,
        indicator=indicator,
        activiteit_b=activiteit_b,
        initiatief_b=initiatief_b,
        signaal=signaal,
        signaal_bs=signaal_bs,
        vraagstuk=vraagstuk,
        contact=contact,
        vragenlijst=vragenlijst,
        forged_ids=forged_ids,
    )


@pytest.fixture
def world(request):
    """:func:`build_world` on this test's shared world."""
    return build_world(**{name: request.getfixturevalue(name) for name in WORLD_BASE})


@pytest.fixture(scope="module")
def world_of_module(django_db_setup, django_db_blocker):  # noqa: F811 - the fixture
    """:func:`world`, built once for a module whose tests leave it as it is (the
    fuzz: every post there is rolled back). Such a module defines its own ``world``
    fixture returning this one (tests/trust/test_fuzz_forms.py)."""
    with rolled_back_afterwards(django_db_blocker):
        with building(django_db_blocker):
            gebied_a, gebied_b = make_gebied_a(), make_gebied_b()
            world = build_world(
                gebied_a=gebied_a,
                gebied_b=gebied_b,
                makelaar=make_user(Role.MAKELAAR, gebied=gebied_a, username="makelaar"),
                makelaar_b=make_user(Role.MAKELAAR, gebied=gebied_b, username="makelaar.zuid"),
                buurtservice_user=make_user(Role.BUURTSERVICE, username="buurtservice"),
                coordinator=make_coordinator(),
                beheerder=make_beheerder(),
            )
        yield world


def logged_in_clients(users: dict) -> dict[str, Client]:
    """One logged-in test client per role (plus an anonymous one) that returns
    a 500 response instead of raising, as a real server would."""
    from tests.fuzzing import ANONYMOUS

    result = {}
    for name, user in users.items():
        client = Client(raise_request_exception=False)
        client.force_login(user)
        result[name] = client
    result[ANONYMOUS] = Client(raise_request_exception=False)
    return result


@pytest.fixture
def clients(world):
    return logged_in_clients(world.users)


@pytest.fixture
def fuzz():
    """The fuzz's tools (tests/fuzzing.py), for the test modules."""
    from tests import fuzzing

    return SimpleNamespace(
        forms_of=fuzzing.forms_of,
        baseline=fuzzing.baseline,
        fuzzed_post=fuzzing.fuzzed_post,
        hostile_values=fuzzing.hostile_values,
        snapshot=fuzzing.snapshot,
        written=fuzzing.written,
        response_info=fuzzing.response_info,
        OMIT=fuzzing.OMIT,
    )


# =============================================================================
# What some apps add to the shared world
# =============================================================================


@pytest.fixture
def w(gebied_a, gebied_b, wijk_a, wijk_a2, makelaar, makelaar_b, buurtservice_user, coordinator):
    """Signals: the shared world with a wijk Warnsveld in gebied B and three themes."""
    return SimpleNamespace(
        gebied_a=gebied_a,
        gebied_b=gebied_b,
        wijk_a=wijk_a,
        wijk_a2=wijk_a2,
        wijk_b=WijkFactory(naam="Warnsveld", gebied=gebied_b),
        geld=ThemaFactory(naam="Geldzorgen"),
        eenzaam=ThemaFactory(naam="Eenzaamheid"),
        groen=ThemaFactory(naam="Groen"),
        mk_a=makelaar,
        mk_b=makelaar_b,
        bs=buurtservice_user,
        coord=coordinator,
    )


@pytest.fixture
def m(gebied_a, makelaar, makelaar_b, buurtservice_user, coordinator):
    """Measurements: a questionnaire with three statements about an initiative in
    gebied A's wijk De Hoven."""
    wijk = WijkFactory(naam="De Hoven", gebied=gebied_a)
    initiatief = InitiatiefFactory(
        naam="Huiskamer De Hoven",
        wijk=wijk,
        directe_effecten="Bewoners leren elkaar kennen en voelen zich welkom.",
    )
    vragenlijst = VragenlijstFactory(initiatief=initiatief, titel="Wat betekent de huiskamer?")
    stellingen = [
        StellingFactory(vragenlijst=vragenlijst, tekst=text, volgorde=i)
        for i, text in enumerate(
            [
                "Door de huiskamer ken ik meer buren.",
                "Door de huiskamer voel ik me welkomer.",
                "Door de huiskamer heb ik iets nieuws geleerd.",
            ]
        )
    ]
    return SimpleNamespace(
        gebied_a=gebied_a,
        initiatief=initiatief,
        vragenlijst=vragenlijst,
        stellingen=stellingen,
        mk_a=makelaar,
        mk_b=makelaar_b,
        bs=buurtservice_user,
        coord=coordinator,
    )


@pytest.fixture
def answer(m):
    """``answer([5, 4, None], "tekst")``: one resident's response with the answer code
    from their slip (None skips a statement)."""
    from metingen.services import issue_codes, submit_answers

    def _answer(values, open_antwoord="", vragenlijst=None):
        vragenlijst = vragenlijst or m.vragenlijst
        stellingen = list(vragenlijst.stellingen.all())
        waarden = {s.pk: v for s, v in zip(stellingen, values, strict=False) if v is not None}
        return submit_answers(
            vragenlijst=vragenlijst,
            waarden=waarden,
            open_antwoord=open_antwoord,
            code=issue_codes(vragenlijst=vragenlijst, aantal=1)[0],
            today=datetime.date(2023, 6, 1),
        )

    return _answer


@pytest.fixture
def close(m):
    """``close()``: close the questionnaire, after which its results may show."""
    from metingen.services import set_open

    def _close(vragenlijst=None):
        vragenlijst = vragenlijst or m.vragenlijst
        vragenlijst.refresh_from_db()
        set_open(vragenlijst=vragenlijst, is_open=False, today=vragenlijst.startdatum)

    return _close


@pytest.fixture
def gebieden(gebied_a, gebied_b, wijk_a, wijk_b):
    """The shared world's two gebieden, with a third one ordered first (as in seed 000)."""
    centrum = GebiedFactory(naam="Centrum – De Hoven", volgorde=0)
    return {
        "centrum": centrum,
        "water": gebied_a,
        "zuid": gebied_b,
        "wijk_centrum": WijkFactory(naam="Centrum", gebied=centrum),
        "wijk_hoven": WijkFactory(naam="De Hoven", gebied=centrum),
        "wijk_water": wijk_a,
        "wijk_zuid": wijk_b,
    }


@pytest.fixture
def year_data(gebieden):
    """Report: a small but complete year of record, shaped like the 2023 report (seed
    000): brokers, activities, initiatives, Buurtservice and a 2023 report with a plan."""
    from buurtservice.choices import Herkomst, Uitstroom, UitvoerderSoort
    from makelaars.models import ActiviteitLink
    from rapportage.services import create_jaarrapportage
    from wijken.choices import Functie

    D = datetime.date

    g = gebieden
    # Brokers: one per gebied at the end of 2020, eight at the end of 2023, plus a pilot.
    for gebied in (g["centrum"], g["water"], g["zuid"]):
        MedewerkerFactory(startdatum=D(2019, 1, 1), gebieden=[gebied])
    for gebied, start in [
        (g["centrum"], D(2022, 3, 1)),
        (g["water"], D(2022, 9, 1)),
        (g["zuid"], D(2023, 1, 1)),
        (g["zuid"], D(2023, 4, 1)),
        (g["centrum"], D(2023, 5, 1)),
    ]:
        MedewerkerFactory(startdatum=start, gebieden=[gebied])
    # Left before the year: does not count at the end of 2023.
    MedewerkerFactory(
        startdatum=D(2021, 1, 15),
        einddatum=D(2021, 6, 30),
        gebieden=[g["water"]],
    )
    MedewerkerFactory(
        naam="Pilot",
        functie=Functie.MBO_SOCIAAL_MAKELAAR,
        is_pilot=True,
        startdatum=D(2023, 7, 1),
        gebieden=[g["water"]],
    )
    MedewerkerFactory(functie=Functie.COORDINATOR, startdatum=D(2019, 1, 1))

    # Activities in 2023 (and one in 2022 that must not count).
    ActiviteitFactory(datum=D(2023, 1, 10), wijk=g["wijk_centrum"], bewoners_bereikt=10)
    ActiviteitFactory(datum=D(2023, 1, 20), wijk=g["wijk_hoven"], bewoners_bereikt=5)
    ActiviteitFactory(
        datum=D(2023, 9, 16),
        wijk=g["wijk_water"],
        bewoners_bereikt=40,
        bewoners_geactiveerd=6,
    )
    clean_up = ActiviteitFactory(
        datum=D(2023, 9, 20),
        wijk=g["wijk_water"],
        titel="Clean Up week",
        beschrijving="Samen met buurtbewoners een **Clean Up week** georganiseerd.",
        opbrengst="Meer aandacht voor afval scheiden.",
        cijfers="250-300 personen",
        bewoners_bereikt=275,
        bewoners_geactiveerd=12,
        is_voorbeeld=True,
    )
    ActiviteitLink.objects.create(
        activiteit=clean_up, url="https://www.contactzutphen.nl/cleanup", omschrijving="Artikel"
    )
    ActiviteitFactory(
        datum=D(2023, 11, 5),
        wijk=g["wijk_zuid"],
        titel="Zuidwijken groener geworden",
        beschrijving="Plantenbakken aan de muur van de schuur.",
        bewoners_bereikt=12,
        is_voorbeeld=True,
    )
    ActiviteitFactory(datum=D(2022, 12, 1), wijk=g["wijk_zuid"], bewoners_bereikt=999)

    # Initiatives: status at the end of 2023.
    actief = InitiatiefFactory(wijk=g["wijk_water"], status=InitiatiefStatus.ACTIEF)
    StatusWijziging.objects.create(
        initiatief=actief, status=InitiatiefStatus.ACTIEF, datum=D(2023, 3, 1)
    )
    later = InitiatiefFactory(wijk=g["wijk_zuid"], status=InitiatiefStatus.GESTOPT)
    StatusWijziging.objects.create(
        initiatief=later, status=InitiatiefStatus.ACTIEF, datum=D(2023, 5, 1)
    )
    StatusWijziging.objects.create(
        initiatief=later, status=InitiatiefStatus.GESTOPT, datum=D(2024, 2, 1)
    )
    InitiatiefFactory(wijk=g["wijk_centrum"], status=InitiatiefStatus.IDEE)

    # Buurtservice: workers who started per half year.
    def workers(n, soort, herkomst, start):
        return UitvoerderFactory.create_batch(n, soort=soort, herkomst=herkomst, startdatum=start)

    wijkers = workers(4, UitvoerderSoort.VRIJWILLIGER, Herkomst.WIJK, D(2023, 4, 1))
    workers(8, UitvoerderSoort.VRIJWILLIGER, Herkomst.AZC, D(2023, 8, 1))
    workers(4, UitvoerderSoort.DEELNEMER, Herkomst.GELREWERKT, D(2023, 9, 1))
    workers(2, UitvoerderSoort.STAGIAIR, Herkomst.HAN, D(2023, 9, 1))
    workers(1, UitvoerderSoort.VRIJWILLIGER, Herkomst.ESC, D(2023, 10, 1))
    UitvoerderFactory(
        startdatum=D(2022, 1, 1),
        einddatum=D(2023, 5, 1),
        uitstroom=Uitstroom.BETAALD_WERK,
    )
    # Jobs: 2 open at the start of the year, 3 done in H1, 2 done in H2, 1 open at the end.
    for _ in range(2):
        KlusFactory(
            aanvraagdatum=D(2022, 11, 1),
            wijk=g["wijk_water"],
            status=KlusStatus.WACHTLIJST,
        )
    for month in (2, 3, 4):
        klus = KlusFactory(
            aanvraagdatum=D(2023, month, 1),
            wijk=g["wijk_zuid"],
            status=KlusStatus.UITGEVOERD,
            uitgevoerd_op=D(2023, month, 20),
        )
        InzetFactory(klus=klus, uitvoerder=wijkers[0], uren=3)
    for month in (8, 10):
        KlusFactory(
            aanvraagdatum=D(2023, month, 1),
            wijk=g["wijk_centrum"],
            status=KlusStatus.UITGEVOERD,
            uitgevoerd_op=D(2023, month + 1, 5),
        )
    # Capacity: 24 h/week, plus 12 from 1 March 2023.
    CapaciteitFactory(uren_per_week=24, startdatum=D(2020, 1, 1))
    CapaciteitFactory(uren_per_week=12, startdatum=D(2023, 3, 1))

    rapportage = create_jaarrapportage(
        jaar=2023,
        titel="Jaarrapportage Sterke Wijken 2023",
        versiedatum=D(2023, 12, 1),
        basisjaar=2020,
    )
    plan = PlanonderdeelFactory(
        rapportage=rapportage,
        titel="In elke wijk een sociaal makelaar",
        doel="Eigen kracht en samenkracht bevorderen.",
        gewenst_resultaat="In elke wijk voldoende sociaal makelaars.",
        startsituatie="Te weinig loopvermogen.",
        inzet_middelen="Van 3 naar 8 sociaal makelaars.",
    )
    Indicator.objects.create(
        planonderdeel=plan,
        naam="Sociaal makelaars eind 2023",
        streefwaarde=8,
        meting="makelaars_eind_jaar",
    )
    Indicator.objects.create(
        planonderdeel=plan,
        naam="Extra uren Buurtservice",
        streefwaarde=12,
        meting="buurtservice_extra_uren",
    )
    return {**g, "rapportage": rapportage, "plan": plan}
