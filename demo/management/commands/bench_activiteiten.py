"""``manage.py bench_activiteiten``: how every list page holds up with a large log.

Fills a *separate* database with a synthetic log (by default 100,000 activities
over 5 years in 20 wijken, by 50 colleagues with 500 partners, 200 initiatives,
20,000 Buurtservice jobs and 300 workers) and measures, with Django's test
client, per page the median server time, the number of SQL queries and the ratio
to the *floor*: a logged-in view that renders only ``base.html``, timed in turn
with each of the page's own runs (so a busy moment slows both alike).
Run it against a throw-away database, e.g.::

    DJANGO_DEBUG=false SQLITE_PATH=var/bench.sqlite3 .venv/bin/python manage.py bench_activiteiten
    DJANGO_DEBUG=false DATABASE_URL=postgres://…/bench .venv/bin/python manage.py bench_activiteiten

The database name must contain "bench" (or pass ``--force``): the command
adds a lot of data. A second run reuses the data unless ``--refill``.
"""

from __future__ import annotations

import datetime
import itertools
import random
import statistics
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from buurtservice.choices import Herkomst, KlusSoort, KlusStatus, UitvoerderSoort, Verwijzer
from buurtservice.models import Inzet, Klus, Uitvoerder
from core.roles import Role
from initiatieven.choices import InitiatiefStatus
from initiatieven.models import Initiatief
from makelaars.choices import ActiviteitSoort, Rol
from makelaars.models import Activiteit
from wijken.choices import Functie, OrganisatieSoort
from wijken.models import Gebied, Medewerker, Organisatie, Thema, Wijk

PREFIX = "Bench"
WORDS = (
    "buurt koffie ochtend wandeling moestuin jongeren ouderen inloop spreekuur overleg "
    "woningcorporatie school bibliotheek repair café opschoonactie geveltuin speeltuin "
    "buurthuis vrijwilligers signaal eenzaamheid geldzorgen dementie kinderen lunch"
).split()
# Parts of Dutch-looking compounds ("tuinmiddag", "buurtfeest"): with them the log has
# a vocabulary of about 1,600 words, drawn as words are in real text (a few very often,
# most rarely). PostgreSQL estimates prefix searches (``moes:*``) from the index's
# most common words only when it has at least 100 of them; a log written with a
# handful of words makes every prefix search look rare to the planner.
PARTS = (
    "tuin middag avond huis straat plein sport spel kinder jeugd taal geld zorg groen "
    "feest markt hulp club fiets kook maaltijd lees muziek dans film water bloem boom "
    "werk winkel buren gesprek les vrouwen mannen senioren wijk park hof kamer"
).split()
RARE_RANK = 1_500


def vocabulary() -> list[str]:
    """WORDS first, then the compounds in a fixed shuffled order: the rank of each word."""
    compounds = [a + b for a in PARTS for b in PARTS if a != b]
    random.Random(7).shuffle(compounds)
    return [*WORDS, *compounds]


class Zipf:
    """Draws distinct words, the word of rank r with a weight of 1 / r."""

    def __init__(self, rng: random.Random, words: list[str]):
        self.rng, self.words = rng, words
        total, self.cum_weights = 0.0, []
        for rank in range(1, len(words) + 1):
            total += 1 / rank
            self.cum_weights.append(total)

    def text(self, n: int) -> str:
        drawn = self.rng.choices(self.words, cum_weights=self.cum_weights, k=n)
        return " ".join(dict.fromkeys(drawn))


class Command(BaseCommand):
    help = "Fills a separate database with a large synthetic activity log and measures pages."

    def add_arguments(self, parser):
        parser.add_argument("--activiteiten", type=int, default=100_000)
        parser.add_argument("--wijken", type=int, default=20)
        parser.add_argument("--medewerkers", type=int, default=50)
        parser.add_argument("--partners", type=int, default=500)
        parser.add_argument("--klussen", type=int, default=20_000)
        parser.add_argument("--uitvoerders", type=int, default=300)
        parser.add_argument("--jaren", type=int, default=5)
        parser.add_argument("--runs", type=int, default=15, help="timed requests per page")
        parser.add_argument("--refill", action="store_true", help="delete and fill again")
        parser.add_argument(
            "--trace-memory",
            action="store_true",
            help="measure the Python memory peak of the exports of everything (tracemalloc: "
            "much slower)",
        )
        parser.add_argument("--force", action="store_true", help="allow any database name")

    def handle(self, *args, **options):
        name = str(settings.DATABASES["default"]["NAME"])
        if "bench" not in name.lower() and not options["force"]:
            raise CommandError(
                f"Refusing to fill database {name!r}: its name does not contain 'bench'. "
                "Use e.g. SQLITE_PATH=var/bench.sqlite3 (or --force)."
            )
        if settings.DEBUG:
            self.stderr.write(
                "Warning: DEBUG is on, which slows every request down (query log, template "
                "debugging). Run with DJANGO_DEBUG=false for representative figures."
            )
        call_command("migrate", verbosity=0, interactive=False)
        started = time.monotonic()
        existing = Activiteit.objects.filter(titel__startswith=PREFIX).count()
        jobs = Klus.objects.filter(omschrijving__startswith=PREFIX).count()
        if options["refill"] or existing < options["activiteiten"] or jobs < options["klussen"]:
            self.fill(options)
            # Fresh planner statistics, as a production database keeps them.
            if connection.vendor in ("sqlite", "postgresql"):
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            self.stdout.write(f"Filled in {time.monotonic() - started:.0f} s.")
        else:
            self.stdout.write(f"Reusing {existing} activities already in {name}.")
        self.measure(options)

    # --- filling -----------------------------------------------------------

    @transaction.atomic
    def fill(self, options) -> None:
        rng = random.Random(2023)
        self._clear()
        n_wijken = options["wijken"]
        gebieden = Gebied.objects.bulk_create(
            [Gebied(naam=f"{PREFIX}gebied {i + 1}", volgorde=i) for i in range(5)]
        )
        wijken = Wijk.objects.bulk_create(
            [
                Wijk(naam=f"{PREFIX}wijk {i + 1}", gebied=gebieden[i % len(gebieden)])
                for i in range(n_wijken)
            ]
        )
        themas = [Thema.objects.get_or_create(naam=f"{PREFIX}thema {i + 1}")[0] for i in range(12)]
        partners = Organisatie.objects.bulk_create(
            [
                Organisatie(
                    naam=f"{PREFIX}partner {i + 1}",
                    soort=rng.choice(OrganisatieSoort.values),
                )
                for i in range(options["partners"])
            ]
        )
        password = make_password("bench-wachtwoord")
        users = User.objects.bulk_create(
            [
                User(username=f"bench.makelaar{i + 1}", password=password)
                for i in range(options["medewerkers"])
            ]
        )
        Group.objects.get(name=Role.MAKELAAR.value).user_set.add(*users)
        coordinator = User.objects.create(username="bench.coordinator", password=password)
        Group.objects.get(name=Role.COORDINATOR.value).user_set.add(coordinator)
        start = timezone.localdate() - datetime.timedelta(days=365 * options["jaren"])
        medewerkers = Medewerker.objects.bulk_create(
            [
                Medewerker(
                    naam=f"{PREFIX} collega {i + 1}",
                    user=user,
                    functie=Functie.SOCIAAL_MAKELAAR,
                    uren_per_week=24,
                    startdatum=start,
                    standaard_wijk=wijken[i % n_wijken],
                )
                for i, user in enumerate(users)
            ]
        )
        Medewerker.gebieden.through.objects.bulk_create(
            [
                Medewerker.gebieden.through(
                    medewerker_id=m.pk, gebied_id=wijken[i % n_wijken].gebied_id
                )
                for i, m in enumerate(medewerkers)
            ]
        )
        initiatieven = Initiatief.objects.bulk_create(
            [
                Initiatief(
                    naam=f"{PREFIX} initiatief {i + 1}",
                    wijk=wijken[i % n_wijken],
                    status=rng.choice(InitiatiefStatus.values),
                )
                for i in range(10 * n_wijken)
            ]
        )
        per_wijk_medewerkers = {
            w.pk: [
                m
                for i, m in enumerate(medewerkers)
                if wijken[i % n_wijken].gebied_id == w.gebied_id
            ]
            for w in wijken
        }
        per_wijk_initiatieven = {
            w.pk: [x for x in initiatieven if x.wijk_id == w.pk] for w in wijken
        }
        days = (timezone.localdate() - start).days
        soorten, rollen = ActiviteitSoort.values, ["", *Rol.values]
        zipf = Zipf(rng, vocabulary())
        batch = 10_000
        total = options["activiteiten"]
        for offset in range(0, total, batch):
            rows = []
            for _i in range(min(batch, total - offset)):
                wijk = rng.choice(wijken)
                bereikt = rng.choice([None, rng.randint(1, 300)])
                words = zipf.text(3)
                rows.append(
                    Activiteit(
                        titel=f"{PREFIX} {words}",
                        datum=start + datetime.timedelta(days=rng.randrange(days + 1)),
                        wijk=wijk,
                        soort=rng.choice(soorten),
                        rol=rng.choice(rollen),
                        bewoners_bereikt=bereikt,
                        bewoners_geactiveerd=rng.randint(0, bereikt // 10) if bereikt else None,
                        beschrijving=zipf.text(8),
                        opbrengst=zipf.text(5) if rng.random() < 0.5 else "",
                        initiatief=(
                            rng.choice(per_wijk_initiatieven[wijk.pk])
                            if rng.random() < 0.2 and per_wijk_initiatieven[wijk.pk]
                            else None
                        ),
                        is_voorbeeld=rng.random() < 0.002,
                    )
                )
            created = Activiteit.objects.bulk_create(rows)
            self._links(rng, created, per_wijk_medewerkers, partners, themas)
            self.stdout.write(f"  {offset + len(created)} activities", ending="\r")
            self.stdout.flush()
        self.stdout.write("")
        self._buurtservice(rng, options, wijken, start, days)

    def _buurtservice(self, rng, options, wijken, start, days) -> None:
        """Jobs over the same years (most done, ~150 waiting) and workers with a job each."""
        today = timezone.localdate()
        uitvoerders = Uitvoerder.objects.bulk_create(
            [
                Uitvoerder(
                    naam=f"{PREFIX} uitvoerder {i + 1}",
                    soort=rng.choice(UitvoerderSoort.values),
                    herkomst=rng.choice(Herkomst.values),
                    startdatum=start,
                    einddatum=None if rng.random() < 0.3 else today,
                )
                for i in range(options["uitvoerders"])
            ]
        )
        total, waiting = options["klussen"], min(150, options["klussen"])
        rows = []
        for i in range(total):
            requested = start + datetime.timedelta(days=rng.randrange(days + 1))
            done = i >= waiting
            rows.append(
                Klus(
                    aanvraagdatum=requested if done else today - datetime.timedelta(days=i),
                    wijk=rng.choice(wijken),
                    soort=rng.choice(KlusSoort.values),
                    verwijzer=rng.choice(Verwijzer.values),
                    omschrijving=f"{PREFIX} " + " ".join(rng.sample(WORDS, 4)),
                    status=KlusStatus.UITGEVOERD if done else KlusStatus.WACHTLIJST,
                    uitgevoerd_op=min(requested + datetime.timedelta(days=30), today)
                    if done
                    else None,
                )
            )
        klussen = Klus.objects.bulk_create(rows, batch_size=5000)
        Inzet.objects.bulk_create(
            [
                Inzet(klus=klus, uitvoerder=rng.choice(uitvoerders), uren=2)
                for klus in klussen
                if klus.status == KlusStatus.UITGEVOERD
            ],
            batch_size=5000,
        )

    def _links(self, rng, activiteiten, per_wijk_medewerkers, partners, themas) -> None:
        staff, orgs, topics = [], [], []
        M, P, T = (
            Activiteit.medewerkers.through,
            Activiteit.partners.through,
            Activiteit.themas.through,
        )
        for a in activiteiten:
            for m in rng.sample(per_wijk_medewerkers[a.wijk_id], rng.randint(1, 2)):
                staff.append(M(activiteit_id=a.pk, medewerker_id=m.pk))
            for p in rng.sample(partners, rng.choice([0, 0, 1, 1, 2])):
                orgs.append(P(activiteit_id=a.pk, organisatie_id=p.pk))
            for t in rng.sample(themas, rng.choice([0, 1, 1, 2])):
                topics.append(T(activiteit_id=a.pk, thema_id=t.pk))
        M.objects.bulk_create(staff, batch_size=5000)
        P.objects.bulk_create(orgs, batch_size=5000)
        T.objects.bulk_create(topics, batch_size=5000)

    def _clear(self) -> None:
        # The database is the benchmark's own (its name says so): emptying it whole is
        # much faster than deleting 100,000 activities with their history one by one.
        call_command("flush", interactive=False, verbosity=0)

    # --- measuring ---------------------------------------------------------

    def measure(self, options) -> None:
        cache.clear()
        with override_settings(ROOT_URLCONF="demo.bench_urls"):
            self._measure(options)

    def _cases(self) -> list[tuple[str, str, str, bool]]:
        """(label, user, url, is a page with the targets) per request."""
        gebied = Gebied.objects.filter(naam__startswith=PREFIX).order_by("volgorde").first()
        wijk = Wijk.objects.filter(naam__startswith=PREFIX, gebied=gebied).order_by("pk").first()
        partner = Organisatie.objects.get(naam=f"{PREFIX}partner 1")
        year = timezone.localdate().year
        n_gebied_year = Activiteit.objects.in_gebied(gebied).for_year(year).count()
        rare = vocabulary()[RARE_RANK - 1]
        export = f"/activiteiten/export/?gebied={gebied.pk}&periode=jaar&format="
        return [
            ("activities, coordinator (all rows)", "c", "/activiteiten/", True),
            ("activities, broker (own gebied)", "b", "/activiteiten/", True),
            ("activities sorted by title, page 40", "c", "/activiteiten/?sort=titel&page=40", True),
            (
                "activities: gebied + this year + kind",
                "c",
                f"/activiteiten/?gebied={gebied.pk}&periode=jaar&soort=bijeenkomst",
                True,
            ),
            (
                "activities: free text 'koffie moestuin'",
                "c",
                "/activiteiten/?q=koffie+moestuin",
                True,
            ),
            (
                "activities: free text 'koffie moestuin', typed anew (no cache)",
                "c",
                "/activiteiten/?q=koffie+moestuin{n}",
                True,
            ),
            (
                f"activities: free text, rare word '{rare}'",
                "c",
                f"/activiteiten/?q={rare}",
                True,
            ),
            (
                f"activities: free text, rare word '{rare}', typed anew (no cache)",
                "c",
                f"/activiteiten/?q={rare}{{n}}",
                True,
            ),
            (
                "activities: partner (many-to-many)",
                "c",
                f"/activiteiten/?partner={partner.pk}",
                True,
            ),
            ("activities: filter options (JSON)", "c", "/activiteiten/filteropties/", False),
            ("initiatives", "c", "/initiatieven/", True),
            ("initiatives, broker", "b", "/initiatieven/", True),
            ("initiatives: free text 'moestuin'", "c", "/initiatieven/?q=moestuin", True),
            ("klussen", "c", "/buurtservice/klussen/", True),
            ("waiting list", "c", "/buurtservice/", True),
            ("workers", "c", "/buurtservice/uitvoerders/", True),
            ("wijk page", "c", f"/wijken/{wijk.pk}/", True),
            ("gebied page", "c", f"/wijken/gebied/{gebied.pk}/", True),
            ("gebied page, broker", "b", f"/wijken/gebied/{gebied.pk}/", True),
            ("wijk list", "c", "/wijken/", True),
            (f"CSV export: gebied, this year ({n_gebied_year} rows)", "c", export + "csv", False),
            (f"XLSX export: gebied, this year ({n_gebied_year} rows)", "c", export + "xlsx", False),
        ]

    def _measure(self, options) -> None:
        coordinator = User.objects.get(username="bench.coordinator")
        gebied = Gebied.objects.filter(naam__startswith=PREFIX).order_by("volgorde").first()
        broker = (
            User.objects.filter(username__startswith="bench.makelaar", medewerker__gebieden=gebied)
            .order_by("pk")
            .first()
        )
        clients = {}
        for key, user in (("c", coordinator), ("b", broker)):
            client = Client(SERVER_NAME="localhost")
            client.force_login(user)
            clients[key] = client
        runs = options["runs"]
        self._fetch(clients["c"], "/__floor__/")
        floor = self._time(clients["c"], "/__floor__/", runs)
        rows = []
        for label, who, url, targeted in self._cases():
            client = clients[who]
            # The floor timed in turn with the page, for the same user: both see the
            # same moments of a machine that is busier at one moment than another.
            result = self._time(client, url, runs, floor_url="/__floor__/")
            rows.append((label, targeted, result["floor_median"], result))
        n_total = Activiteit.objects.count()
        traced = options["trace_memory"]
        # Made inside the request here, for comparison: the app queues exports this
        # large for the worker (measured by ``manage.py bench_export_job``).
        with override_settings(
            EXPORT_CSV_MAX_ROWS_IN_REQUEST=n_total, EXPORT_XLSX_MAX_ROWS_IN_REQUEST=n_total
        ):
            full = self._time(clients["c"], "/activiteiten/export/?format=csv", 0, traced=traced)
            full_xlsx = self._time(
                clients["c"], "/activiteiten/export/?format=xlsx", 0, traced=traced
            )

        vendor = connection.vendor
        write = self.stdout.write
        write("")
        write(
            f"{n_total} activities, {Klus.objects.count()} jobs, {Wijk.objects.count()} wijken, "
            f"{Medewerker.objects.count()} colleagues, {Organisatie.objects.count()} partners; "
            f"database: {vendor}; median of {runs} runs; floor (base.html only, logged in): "
            f"{floor['median']:.1f} ms, {floor['queries']} queries"
        )
        write("")
        write(
            "| request | median ms | × floor | SQL queries | first request: ms, queries "
            "| size kB | target |"
        )
        write("|---|---:|---:|---:|---:|---:|---|")
        for label, targeted, floor_ms, r in rows:
            ratio = r["median"] / floor_ms
            limit = 5 if "free text" in label else 3
            if targeted:
                target = "met" if ratio <= limit and r["warm_queries"] <= 8 else "**missed**"
                target += f" (≤ {limit}×, ≤ 8)"
            else:
                target = ""
            write(
                f"| {label} | {r['median']:.1f} | {ratio:.1f} | {r['warm_queries']} | "
                f"{r['first']:.0f}, {r['queries']} | {r['size'] / 1024:.0f} | {target} |"
            )
        write("")
        for label, r in (
            (f"CSV export: everything ({n_total} rows)", full),
            (f"XLSX export: everything ({n_total} rows)", full_xlsx),
        ):
            memory = f", Python memory peak {r['peak_mb']:.1f} MB" if traced else ""
            write(
                f"{label}: {r['first'] / 1000:.1f} s, {r['queries']} queries, "
                f"{r['size'] / 1024 / 1024:.1f} MB{memory}"
            )

    @staticmethod
    def _fetch(client: Client, url: str) -> tuple[int, int]:
        response = client.get(url)
        if getattr(response, "streaming", False):
            body = sum(len(chunk) for chunk in response.streaming_content)
        else:
            body = len(response.content)
        response.close()
        return response.status_code, body

    def _time(
        self, client: Client, url: str, runs: int, *, traced: bool = False, floor_url: str = ""
    ) -> dict:
        """The first request (cold caches; counts the queries), then ``runs`` timed ones;
        with ``floor_url``, each timed request follows a timed request of the floor."""
        import tracemalloc

        # "{n}" in the URL: every request a query no cache has seen (a search typed
        # anew), by one trailing space more than the request before (at least one:
        # the same search without "{n}" may have been measured just before).
        sent = itertools.count(1)

        def page_url() -> str:
            return url.replace("{n}", "+" * next(sent))

        reset_queries()
        if traced:
            tracemalloc.start()
        begin = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            status, size = self._fetch(client, page_url())
        first = (time.perf_counter() - begin) * 1000
        peak_mb = 0.0
        if traced:
            peak_mb = tracemalloc.get_traced_memory()[1] / 1024 / 1024
            tracemalloc.stop()
        # Read the count now: later requests reset the query log it is sliced from.
        n_queries = len(queries.captured_queries)
        if status != 200:
            raise CommandError(f"{url} answered {status}")
        # The same request again: what it costs once its figures are cached.
        warm_queries = n_queries
        if runs:
            with CaptureQueriesContext(connection) as queries:
                self._fetch(client, page_url())
            warm_queries = len(queries.captured_queries)
        timings, floor_timings = [], []
        measure: Callable[[], float] = time.perf_counter
        for _run in range(runs):
            if floor_url:
                begin = measure()
                self._fetch(client, floor_url)
                floor_timings.append((measure() - begin) * 1000)
            begin = measure()
            self._fetch(client, page_url())
            timings.append((measure() - begin) * 1000)
        return {
            "median": statistics.median(timings) if timings else first,
            "floor_median": statistics.median(floor_timings) if floor_timings else None,
            "first": first,
            "queries": n_queries,
            "warm_queries": warm_queries,
            "size": size,
            "peak_mb": peak_mb,
        }
