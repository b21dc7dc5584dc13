"""A small but complete year of record, shaped like the 2023 report (seed 000)."""

from __future__ import annotations

import datetime
import io

import pytest
from pypdf import PdfReader

from buurtservice.choices import Herkomst, KlusStatus, Uitstroom, UitvoerderSoort
from initiatieven.choices import InitiatiefStatus
from initiatieven.models import StatusWijziging
from makelaars.models import ActiviteitLink
from rapportage.models import Indicator
from rapportage.services import create_jaarrapportage
from tests.conftest import work_off_queue
from tests.factories import (
    ActiviteitFactory,
    CapaciteitFactory,
    GebiedFactory,
    InitiatiefFactory,
    InzetFactory,
    KlusFactory,
    MedewerkerFactory,
    PlanonderdeelFactory,
    UitvoerderFactory,
    WijkFactory,
)
from wijken.choices import Functie

D = datetime.date


def pdf_text(pdf_bytes: bytes) -> str:
    """All text of a PDF, whitespace collapsed (so line breaks do not split phrases)."""
    reader = PdfReader(io.BytesIO(pdf_bytes))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def pdf_pages(pdf_bytes: bytes) -> list[str]:
    """The text of every page, whitespace collapsed."""
    reader = PdfReader(io.BytesIO(pdf_bytes))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


# The page body of the report's A4 pages, in PDF points from the bottom (margins
# 24 mm at the top, 22 mm at the bottom): running header and footer lie outside.
BODY_TOP, BODY_BOTTOM = 841.89 - 24 / 25.4 * 72, 22 / 25.4 * 72


def page_bodies(pdf_bytes: bytes) -> list[dict]:
    """Per page: the body's text lines from top to bottom and how full the body is (0–1).

    Read back with pypdf's text positions; the running header and footer (in the
    page margins) are left out, and so is turned text (a chart's value-axis title).
    """
    reader = PdfReader(io.BytesIO(pdf_bytes))
    pages = []
    for page in reader.pages:
        items: list[tuple[float, float, str]] = []

        def visit(text, cm, tm, _font, _size, items=items):
            if not text.strip() or abs(tm[1]) > 0.01 or abs(cm[1]) > 0.01:
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if BODY_BOTTOM < y < BODY_TOP:
                items.append((y, x, text.strip()))

        page.extract_text(visitor_text=visit)
        rows: dict[float, list[tuple[float, str]]] = {}
        for y, x, text in items:
            rows.setdefault(round(y), []).append((x, text))
        lines = [
            " ".join(" ".join(t for _x, t in sorted(parts)).split())
            for _y, parts in sorted(rows.items(), reverse=True)
        ]
        lowest = min((y for y, _x, _t in items), default=BODY_TOP)
        pages.append({"lines": lines, "fill": (BODY_TOP - lowest) / (BODY_TOP - BODY_BOTTOM)})
    return pages


@pytest.fixture(autouse=True)
def _media_root(media_root):
    """Report PDFs are written in a folder of the test."""


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
    """Brokers, activities, initiatives, Buurtservice and a 2023 report with a plan."""
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
    MedewerkerFactory(startdatum=D(2021, 1, 15), einddatum=D(2021, 6, 30), gebieden=[g["water"]])
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
        datum=D(2023, 9, 16), wijk=g["wijk_water"], bewoners_bereikt=40, bewoners_geactiveerd=6
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
        startdatum=D(2022, 1, 1), einddatum=D(2023, 5, 1), uitstroom=Uitstroom.BETAALD_WERK
    )
    # Jobs: 2 open at the start of the year, 3 done in H1, 2 done in H2, 1 open at the end.
    for _ in range(2):
        KlusFactory(
            aanvraagdatum=D(2022, 11, 1), wijk=g["wijk_water"], status=KlusStatus.WACHTLIJST
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


def report_pdf(client, rapportage) -> bytes:
    """The report's PDF as ``client``'s user gets it: a final report's stored file at
    once; a draft's queued, made by the background worker (run here), downloaded."""
    from django.urls import reverse

    rapportage.refresh_from_db()
    if rapportage.is_definitief:
        response = client.get(reverse("rapportage:jaarrapportage_pdf", args=[rapportage.pk]))
    else:
        job = client.post(reverse("rapportage:pdf_create", args=[rapportage.pk]))["Location"]
        work_off_queue()
        response = client.get(job + "download/")
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content
