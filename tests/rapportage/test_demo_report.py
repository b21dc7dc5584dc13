"""The 2023 demo report: the structure of seed 000, figures beside their story, a layout
a designer signs off, and a narrative in the project's own words."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from demo.content import rapportage as demo_rapportage
from rapportage.models import Jaarrapportage
from rapportage.report import number_sections

from .conftest import page_bodies, pdf_pages

# Fingerprints of seed 000's ten-word runs (the seed itself is not in the repository).
SEED_000_RUNS = Path(__file__).with_name("seed_000_runs.txt")
CONCEPT = "Concept – niet definitief"
FIGURE_LINE_STARTS = ("In cijfers:", "Bereikte inwoners:", "Geactiveerde inwoners:")


def in_order(text: str, *phrases: str) -> bool:
    """Whether every phrase occurs in ``text``, each after the one before."""
    position = -1
    for phrase in phrases:
        position = text.find(phrase, position + 1)
        if position < 0:
            raise AssertionError(f"not found (in this order): {phrase!r}")
    return True


@pytest.fixture
def demo_pdf(db, tmp_path):
    call_command("demodata")
    output = tmp_path / "rapport-2023.pdf"
    call_command("jaarrapportage", "2023", output=str(output))
    return Jaarrapportage.objects.get(jaar=2023), output.read_bytes()


def test_demo_report_2023_puts_figures_beside_their_story_and_lays_out_cleanly(demo_pdf):
    rapportage, pdf = demo_pdf
    pages = pdf_pages(pdf)
    body = " ".join(pages[2:])  # after the cover and the contents (with the introduction)

    # The seed's structure, in its order, with key figures up front and an annex on the figures.
    koppen = [s.kop for s in number_sections(list(rapportage.secties.all()))]
    positions = [body.index(kop) for kop in koppen]
    assert positions == sorted(positions)

    # §1: the broker counts right after the sentence that says the expansion happened.
    assert in_order(
        body,
        "Die uitbreiding is er gekomen:",
        "Van 3 eind 2020 naar 8 sociaal makelaars eind 2023",
        "In Waterkwartier is, naast het afgesproken aantal, als pilot vanaf 01-07-2023",
        "Wat doen de nieuwe makelaars?",
    )
    # §3: 12 hours more right after the first paragraph; each half year's figures after
    # its own narrative, before the next heading.
    assert in_order(
        body,
        "twaalf uur per week aan inzet bij",
        "Per 1 maart 2023 is de capaciteit gewijzigd van 24 naar 36 uur per week",
        "(verschil: +12)",
        "Daardoor is de bezetting",
        "Eerste halfjaar 2023",
        "Nieuwe vrijwilligers en medewerkers, 1e halfjaar 2023",
        "Klussen en wachtlijst, 1e halfjaar 2023",
        "Tweede halfjaar 2023",
        "Nieuwe vrijwilligers en medewerkers, 2e halfjaar 2023",
        "Klussen en wachtlijst, 2e halfjaar 2023",
        "Vooruitblik",
    )
    second_half = body[body.index("Nieuwe vrijwilligers en medewerkers, 2e halfjaar") :]
    for row in ["AZC 8", "GelreWerkt 4", "HAN 2", "European Solidarity Corps 1"]:
        assert row in second_half

    # Kerncijfers: one page near the front, 2023 beside 2022, with the headline figures
    # of signals and measurements (both registered only from 2023 on).
    kern = next(i for i, page in enumerate(pages) if "Kerncijfers 2023 naast 2022" in page)
    assert kern <= 3
    assert "Uitstroom van vrijwilligers en medewerkers van Buurtservice" in pages[kern]
    assert "Vastgelegde signalen 49 geen registratie" in pages[kern]
    assert "Afgeronde collectieve vraagstukken 1 geen registratie" in pages[kern]
    assert "Bewoners die een vragenlijst invulden 34 geen registratie" in pages[kern]

    # §1: signals, collective questions and buurtteam contacts after the paragraph on
    # signals; §2: the measured initiative after the paragraph that asks what residents say.
    assert in_order(
        body,
        "met de doorverwijzingen over en weer:",
        "Signalen per thema en gebied",
        "In 2023 zijn 49 signalen vastgelegd",
        "Rondkomen in het Waterkwartier",
        "Contacten met het buurtteam per kwartaal",
        "Onderzoekers van de Hogeschool Arnhem Nijmegen",
        "2. Het vrijwilligerswerk in de wijken stimuleren",
        "Merken bewoners zelf dat een initiatief iets uitmaakt?",
        "34 bewoners antwoordden",
        "Door de Mulderskamp ken ik meer mensen uit de buurt. 34 76%",
        "3. Meer inzet vanuit Buurtservice",
    )

    # The concept mark on every page.
    assert all(CONCEPT in page for page in pages)

    # Charts: titled once, axes named with their units, no truncated labels.
    assert body.count("Activiteiten per gebied per maand, 2023") == 1
    for axis in ["Aantal activiteiten", "Maand", "Bereikte inwoners", "Openstaande klussen"]:
        assert axis in body
    assert "…" not in body
    assert "beg" not in body.split("Wachtlijst Buurtservice in 2023")[1][:400]

    # Bijlage 1: each figure with its own label, nothing twice, no stray separator,
    # no gebied heading repeated as a wijk heading.
    annex = body[body.index("Bijlage 1:") : body.index("Bijlage 2:")]
    assert "Aantal bezoekers/deelnemers" not in annex
    assert "In cijfers: € 500 aan metaal opgehaald · geactiveerde inwoners: 1" in annex
    assert "In cijfers: 4 bewoners geactiveerd" in annex
    assert "4 bewoners geactiveerd · geactiveerde inwoners: 4" not in annex
    assert not re.search(r"(^|[.:!?] )· ", annex)
    assert "Waterkwartier Waterkwartier" not in annex

    # Bijlage 2: the indicators judged by their direction; a short list on one page.
    plan = body[body.index("Bijlage 2:") :]
    assert "Sociaal makelaars eind 2023 (personen) hoger is beter 8 8 ja" in plan
    assert "Extra uren Buurtservice per week (uren per week) hoger is beter 12 12 ja" in plan
    # Lower is better: a waiting list of 7 against a target of 5 is not achieved.
    assert "Wachtlijst eind 2023 (klussen) lager is beter 5 7 nee" in plan
    items = ["Waterkwartier: 1 wordt 2.", "Zuidwijken/Warnsveld/Leesten: 1 wordt 3."]
    assert any(all(item in page for item in items) for page in pages)

    # No nearly empty page (less than a third full) but the cover, the contents and the
    # last page of a chapter (the next page starts a new section); no figure line alone
    # at the top of a page, away from its example.
    bodies = page_bodies(pdf)
    for number, page in enumerate(bodies[2:], start=3):
        assert page["lines"], f"page {number} is empty"
        assert not page["lines"][0].startswith(FIGURE_LINE_STARTS), f"page {number}"
        if page["fill"] < 1 / 3 and number < len(bodies):
            next_first = bodies[number]["lines"][0]
            assert any(next_first.startswith(kop) for kop in koppen), (
                f"page {number} is {page['fill']:.0%} full and no chapter ends there"
            )
    # 22 pages before signals and measurements came in; they take about three.
    assert len(pages) <= 26


def normalised_words(text: str) -> list[str]:
    """Lower-case words of ``text``, web addresses left out (a link is a fact, not prose)."""
    text = re.sub(r"https?://\S+", " ", text)
    return re.findall(r"\w+", text.lower())


def fingerprints(text: str, length: int = 10) -> dict[str, str]:
    """{fingerprint: run} of every run of ``length`` words of ``text``."""
    words = normalised_words(text)
    runs = (" ".join(words[i : i + length]) for i in range(len(words) - length + 1))
    return {hashlib.blake2b(run.encode(), digest_size=8).hexdigest(): run for run in runs}


def seed_fingerprints() -> set[str]:
    lines = SEED_000_RUNS.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def shared_runs(ours: str, known: set[str]) -> list[str]:
    return [run for fingerprint, run in fingerprints(ours).items() if fingerprint in known]


def demo_narrative() -> str:
    """Every text of the demo report: introduction, sections and plan items."""
    parts = [demo_rapportage.INLEIDING]
    parts += [f"{titel}\n{tekst}" for _soort, titel, tekst in demo_rapportage.SECTIES]
    for titel, doel, gewenst, start, middelen, indicatoren in demo_rapportage.PLANONDERDELEN:
        parts += [titel, doel, gewenst, start, middelen]
        parts += [" ".join(str(value) for value in indicator) for indicator in indicatoren]
    return "\n".join(parts)


def test_the_comparison_finds_a_shared_run_and_only_that():
    source = "een twee drie vier vijf zes zeven acht negen tien elf twaalf"
    known = set(fingerprints(source))
    assert shared_runs("Vooraf: Een twee drie vier vijf, zes zeven acht negen tien!", known)
    assert not shared_runs("een twee drie vier vijf zes zeven acht negen elf", known)
    # The seed's fingerprints are all there (about five thousand runs).
    assert len(seed_fingerprints()) > 5000


def test_demo_narrative_shares_no_run_of_ten_words_with_seed_000():
    narrative = demo_narrative()
    assert shared_runs(narrative, seed_fingerprints()) == []
    # Nor does any other demo text (the examples of Bijlage 1, initiatives, staff).
    content = Path(demo_rapportage.__file__).parent
    for source in sorted(content.glob("*.py")):
        text = source.read_text(encoding="utf-8")
        assert shared_runs(text, seed_fingerprints()) == [], source.name
    # The facts stay: a few of them, in the demo's own words.
    for fact in ["november 2022", "21 december", "ABCD-methodiek", "Groene Doeners Collectief"]:
        assert fact in narrative
