"""Benchmark of the annual report on one large synthetic year (not a test).

    .venv/bin/python benchmarks/rapportage.py            # full size (see SIZES)
    .venv/bin/python benchmarks/rapportage.py --scale 0.1 --no-pdf
    .venv/bin/python benchmarks/rapportage.py --demo --old-render   # the 2023 demo report,
                                                    # rendered the new and the old way
    .venv/bin/python benchmarks/rapportage.py --worker   # the PDF made as the worker makes it

Builds the year with bulk_create in a separate, throw-away database (Django's
test database next to the configured one: in-memory for SQLite,
``test_<name>`` for PostgreSQL; the real database is never touched), then times
(a) gathering the figures, (b) rendering the HTML and (c) WeasyPrint, and
prints the number of SQL queries of each step. The query counts must be the
same at every scale. Results are kept in docs/benchmarks-rapportage.md.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import resource
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sterkewijken.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import translation  # noqa: E402

YEAR = 2023
SIZES = {
    "activiteiten": 20_000,
    "voorbeelden": 1_000,
    "wijken": 20,
    "initiatieven": 1_000,
    "klussen": 5_000,
    "uitvoerders": 400,
    "makelaars": 40,
}
D = datetime.date
LOREM = (
    "Samen met buurtbewoners, de wijkregisseur en de sociaal makelaar is een activiteit "
    "georganiseerd. Bewoners leerden elkaar beter kennen en zetten zich nu zelf in voor de wijk. "
)


def day_in_year(rng: random.Random) -> datetime.date:
    return D(YEAR, 1, 1) + datetime.timedelta(days=rng.randrange(365))


def build(sizes: dict[str, int], rng: random.Random) -> None:
    """One large synthetic year, written with bulk_create."""
    from buurtservice.choices import Herkomst, KlusSoort, KlusStatus, UitvoerderSoort, Verwijzer
    from buurtservice.models import Capaciteit, Inzet, Klus, Uitvoerder
    from initiatieven.choices import InitiatiefStatus
    from initiatieven.models import Initiatief, StatusWijziging
    from makelaars.choices import ActiviteitSoort
    from makelaars.models import Activiteit, ActiviteitLink
    from rapportage.models import Indicator, Planonderdeel
    from rapportage.services import create_jaarrapportage
    from wijken.choices import Functie
    from wijken.models import Gebied, Medewerker, Wijk

    gebieden = Gebied.objects.bulk_create(
        [Gebied(naam=f"Gebied {i + 1}", volgorde=i) for i in range(4)]
    )
    wijken = Wijk.objects.bulk_create(
        [
            Wijk(naam=f"Wijk {i + 1}", gebied=gebieden[i % len(gebieden)])
            for i in range(sizes["wijken"])
        ]
    )
    makelaars = Medewerker.objects.bulk_create(
        [
            Medewerker(
                naam=f"Makelaar {i}",
                functie=Functie.SOCIAAL_MAKELAAR,
                startdatum=D(2019 + i % 5, 1 + i % 12, 1),
                is_pilot=i % 17 == 0,
            )
            for i in range(sizes["makelaars"])
        ]
    )
    Through = Medewerker.gebieden.through
    Through.objects.bulk_create(
        [
            Through(medewerker_id=m.pk, gebied_id=gebieden[i % len(gebieden)].pk)
            for i, m in enumerate(makelaars)
        ]
    )

    soorten = list(ActiviteitSoort.values)
    voorbeeld_every = max(1, sizes["activiteiten"] // max(1, sizes["voorbeelden"]))
    activiteiten = []
    for i in range(sizes["activiteiten"]):
        voorbeeld = i % voorbeeld_every == 0 and i // voorbeeld_every < sizes["voorbeelden"]
        bereikt = rng.randrange(0, 60)
        activiteiten.append(
            Activiteit(
                datum=day_in_year(rng),
                titel=f"Activiteit {i}",
                wijk=wijken[i % len(wijken)],
                soort=soorten[i % len(soorten)],
                bewoners_bereikt=bereikt,
                bewoners_geactiveerd=rng.randrange(0, bereikt + 1),
                beschrijving=LOREM * 3 if voorbeeld else "",
                opbrengst=LOREM if voorbeeld else "",
                cijfers=f"{bereikt} bezoekers" if voorbeeld else "",
                is_voorbeeld=voorbeeld,
            )
        )
    activiteiten = Activiteit.objects.bulk_create(activiteiten, batch_size=2000)
    ActiviteitLink.objects.bulk_create(
        [
            ActiviteitLink(activiteit=a, url=f"https://example.org/nieuws/{a.pk}", omschrijving="")
            for a in activiteiten
            if a.is_voorbeeld
        ],
        batch_size=2000,
    )

    statuses = list(InitiatiefStatus.values)
    initiatieven = Initiatief.objects.bulk_create(
        [
            Initiatief(
                naam=f"Initiatief {i}",
                wijk=wijken[i % len(wijken)],
                status=statuses[i % len(statuses)],
            )
            for i in range(sizes["initiatieven"])
        ],
        batch_size=2000,
    )
    StatusWijziging.objects.bulk_create(
        [
            StatusWijziging(initiatief=ini, status=ini.status, datum=day_in_year(rng))
            for ini in initiatieven[::2]
        ],
        batch_size=2000,
    )

    uitvoerders = Uitvoerder.objects.bulk_create(
        [
            Uitvoerder(
                naam=f"Uitvoerder {i}",
                soort=list(UitvoerderSoort.values)[i % 3],
                herkomst=list(Herkomst.values)[i % len(Herkomst.values)],
                startdatum=D(YEAR - 1, 1, 1) + datetime.timedelta(days=rng.randrange(700)),
            )
            for i in range(sizes["uitvoerders"])
        ]
    )
    klussen = []
    for i in range(sizes["klussen"]):
        aanvraag = D(YEAR - 1, 10, 1) + datetime.timedelta(days=rng.randrange(440))
        kind = i % 10
        klus = Klus(
            aanvraagdatum=aanvraag,
            wijk=wijken[i % len(wijken)],
            soort=list(KlusSoort.values)[i % len(KlusSoort.values)],
            verwijzer=list(Verwijzer.values)[i % len(Verwijzer.values)],
            status=KlusStatus.WACHTLIJST,
        )
        if kind < 7:
            klus.status = KlusStatus.UITGEVOERD
            klus.uitgevoerd_op = aanvraag + datetime.timedelta(days=rng.randrange(1, 60))
        elif kind == 7:
            klus.status = KlusStatus.GEANNULEERD
            klus.geannuleerd_op = aanvraag + datetime.timedelta(days=rng.randrange(1, 30))
        klussen.append(klus)
    klussen = Klus.objects.bulk_create(klussen, batch_size=2000)
    Inzet.objects.bulk_create(
        [
            Inzet(
                klus=k,
                uitvoerder=uitvoerders[i % len(uitvoerders)],
                uren=Decimal(rng.randrange(1, 9)),
            )
            for i, k in enumerate(klussen)
            if k.uitgevoerd_op
        ],
        batch_size=2000,
    )
    Capaciteit.objects.bulk_create(
        [
            Capaciteit(uren_per_week=24, startdatum=D(2020, 1, 1)),
            Capaciteit(uren_per_week=12, startdatum=D(YEAR, 3, 1)),
        ]
    )

    with translation.override("nl"):
        rapportage = create_jaarrapportage(
            jaar=YEAR, titel=f"Jaarrapportage Sterke Wijken {YEAR}", basisjaar=2020
        )
    plan = Planonderdeel.objects.create(
        rapportage=rapportage, titel="In elke wijk een sociaal makelaar", doel="Doel."
    )
    Indicator.objects.create(
        planonderdeel=plan, naam="Makelaars", streefwaarde=8, meting="makelaars_eind_jaar"
    )


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process in MB."""
    current = 0.0
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                current = int(line.split()[1]) / 1024
    return current, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def compare_renders(html: str, runs: int) -> dict:
    """The new way (one font configuration per process, warmed up as a worker does)
    and the old way (the fonts decoded again for every PDF), alternately, ``runs``
    times each: both see the same machine load."""
    from core.pdf import html_to_pdf, warm_up

    warm_up()
    new, old = [], []
    for _run in range(runs):
        for fresh, timings in ((False, new), (True, old)):
            start = time.perf_counter()
            html_to_pdf(html, fresh_fonts=fresh)
            timings.append(time.perf_counter() - start)
    return {"new_s": statistics.median(new), "old_s": statistics.median(old), "runs": runs}


def render_as_worker(rapportage) -> dict:
    """The PDF made by the worker's own code (a queued job run in this process), with
    the process's memory before and its peak after."""
    from rapportage.choices import PdfSoort, PdfStatus
    from rapportage.models import PdfOpdracht
    from rapportage.services import run_pdf_job

    job = PdfOpdracht.objects.create(rapportage=rapportage, soort=PdfSoort.CONCEPT)
    before, _peak = rss_mb()
    start = time.perf_counter()
    job = run_pdf_job(job_id=job.pk)
    seconds = time.perf_counter() - start
    assert job.status == PdfStatus.KLAAR, job.fout
    _current, peak = rss_mb()
    size = job.pdf.size
    job.pdf.delete(save=False)
    return {"worker_s": seconds, "rss_before_mb": before, "rss_peak_mb": peak, "kb": size / 1024}


def measure(
    *, pdf: bool, pdf_output: str | None, old_render: int = 0, worker: bool = False
) -> dict:
    from core.pdf import html_to_pdf
    from rapportage.models import Jaarrapportage
    from rapportage.report import build_report_context
    from rapportage.selectors import report_figures

    results = {}
    with translation.override("nl"):
        rapportage = Jaarrapportage.objects.get(jaar=YEAR)
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            figures = report_figures(rapportage)
            results["figures_s"] = time.perf_counter() - start
        results["figures_queries"] = len(queries.captured_queries)

        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            context = build_report_context(rapportage, figures=figures, for_pdf=True)
            html = render_to_string("rapportage/pdf/base_pdf.html", context)
            results["html_s"] = time.perf_counter() - start
        results["html_queries"] = len(queries.captured_queries)
        results["html_kb"] = len(html.encode()) / 1024

        if pdf:
            import weasyprint  # noqa: F401 - import time is not rendering time

            start = time.perf_counter()
            pdf_bytes = html_to_pdf(html)
            results["pdf_s"] = time.perf_counter() - start
            results["pdf_kb"] = len(pdf_bytes) / 1024
            from io import BytesIO

            from pypdf import PdfReader

            results["pdf_pages"] = len(PdfReader(BytesIO(pdf_bytes)).pages)
            if pdf_output:
                Path(pdf_output).write_bytes(pdf_bytes)
            if old_render:
                results.update(compare_renders(html, old_render))
        if worker:
            results.update(render_as_worker(rapportage))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="Multiply every size by this.")
    parser.add_argument("--no-pdf", action="store_true", help="Skip the WeasyPrint step.")
    parser.add_argument("--pdf-output", help="Also write the benchmark PDF to this file.")
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument(
        "--demo", action="store_true", help="The 2023 report of `manage.py demodata` instead."
    )
    parser.add_argument(
        "--old-render",
        type=int,
        nargs="?",
        const=5,
        default=0,
        metavar="RUNS",
        help="Also render the PDF the old way (fonts decoded every time) and the new way, "
        "alternately, RUNS times each (default 5), and print the ratio.",
    )
    parser.add_argument(
        "--worker",
        action="store_true",
        help="Also make the PDF as the background worker does; print time and peak memory.",
    )
    args = parser.parse_args()

    sizes = {key: max(1, round(value * args.scale)) for key, value in SIZES.items()}
    sizes["wijken"] = SIZES["wijken"]
    old_name = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, serialize=False, keepdb=False
    )
    try:
        start = time.perf_counter()
        if args.demo:
            from django.core.management import call_command

            call_command("demodata", verbosity=0)
        else:
            build(sizes, random.Random(args.seed))
        build_s = time.perf_counter() - start
        results = measure(
            pdf=not args.no_pdf,
            pdf_output=args.pdf_output,
            old_render=args.old_render,
            worker=args.worker,
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

    print(f"database: {connection.vendor}; Python {platform.python_version()}")
    if args.demo:
        print("data: the demo 2023 report (manage.py demodata)")
    else:
        print("sizes: " + ", ".join(f"{key}={value:,}" for key, value in sizes.items()))
    print(f"building the data:      {build_s:7.2f} s")
    print(
        f"(a) gathering figures:  {results['figures_s']:7.2f} s"
        f"  {results['figures_queries']:3d} queries"
    )
    print(
        f"(b) rendering HTML:     {results['html_s']:7.2f} s"
        f"  {results['html_queries']:3d} queries  ({results['html_kb']:,.0f} kB)"
    )
    if "pdf_s" in results:
        print(
            f"(c) WeasyPrint:         {results['pdf_s']:7.2f} s"
            f"    0 queries  ({results['pdf_pages']} pages, {results['pdf_kb']:,.0f} kB)"
        )
    if "old_s" in results:
        print(
            f"(c) WeasyPrint, median of {results['runs']} each, alternately: "
            f"new {results['new_s']:.2f} s, old {results['old_s']:.2f} s, "
            f"new/old = {results['new_s'] / results['old_s']:.2f}"
        )
    if "worker_s" in results:
        print(
            f"(d) made by the worker's code: {results['worker_s']:7.2f} s, "
            f"{results['kb']:,.0f} kB; process memory {results['rss_before_mb']:.0f} MB before, "
            f"peak {results['rss_peak_mb']:.0f} MB"
        )


if __name__ == "__main__":
    main()
