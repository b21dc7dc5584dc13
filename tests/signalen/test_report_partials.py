"""The two report sections render from their selectors' data, in HTML and in a PDF
whose text is read back (the lead wires them into the yearly report)."""

from __future__ import annotations

import datetime
import io

from django.template.loader import render_to_string
from pypdf import PdfReader

from core.pdf import html_to_pdf
from metingen import selectors as metingen_selectors
from metingen.models import Duiding
from metingen.services import issue_codes, set_open, submit_answers
from signalen import selectors as signalen_selectors
from signalen.choices import Bron, ContactSoort, Partij, Uitkomst, VraagstukStatus
from tests.factories import (
    BuurtteamContactFactory,
    CollectiefVraagstukFactory,
    SignaalFactory,
    StellingFactory,
    VragenlijstFactory,
)

D = datetime.date


def pdf_text(body: str) -> str:
    head = '<head><meta charset="utf-8"><title>Test</title></head>'
    html = f'<!doctype html><html lang="nl">{head}<body>{body}</body></html>'
    reader = PdfReader(io.BytesIO(html_to_pdf(html)))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_signalen_section_in_the_pdf(w):
    for day, bron in ((3, Bron.INWONER), (10, Bron.BUURTTEAM), (17, Bron.PARTNER)):
        SignaalFactory(datum=D(2023, 2, day), wijk=w.wijk_a, bron=bron, themas=[w.geld])
    CollectiefVraagstukFactory(
        titel="Rondkomen in de buurt",
        gebied=w.gebied_a,
        gestart_op=D(2023, 3, 1),
        afgerond_op=D(2023, 12, 1),
        status=VraagstukStatus.AFGEROND,
        evaluatie="Het geldcafé gaat door bij de bibliotheek.",
    )
    BuurtteamContactFactory(
        gebied=w.gebied_a,
        datum=D(2023, 5, 1),
        soort=ContactSoort.DOORVERWIJZING,
        verwezen_van=Partij.BUURTTEAM,
        verwezen_naar=Partij.INITIATIEF,
        uitkomst=Uitkomst.AANGESLOTEN,
    )
    data = signalen_selectors.report_section(2023)
    html = render_to_string("signalen/report/signalen_en_collectief_werk.html", {"data": data})
    assert "<h2" not in html  # the report gives the section its heading
    text = pdf_text(html)
    assert "Signalen per thema en gebied" in text
    assert "In 2023 zijn 3 signalen vastgelegd" in text
    assert "Geldzorgen in Waterkwartier, Q1 2023: 3 signalen uit 3 bronnen" in text
    assert "Rondkomen in de buurt" in text
    assert "Het geldcafé gaat door bij de bibliotheek." in text
    assert "Contacten met het buurtteam per kwartaal" in text
    assert "buurtteam / wijkteam bewonersinitiatief 1" in text


def test_signalen_section_without_data_says_so(db):
    html = render_to_string(
        "signalen/report/signalen_en_collectief_werk.html",
        {"data": signalen_selectors.report_section(2023)},
    )
    assert "Dit jaar zijn geen signalen" in html


def test_effecten_section_in_the_pdf(w):
    vragenlijst = VragenlijstFactory(titel="Wat brengt de moestuin?")
    vragenlijst.initiatief.naam = "Moestuin Waterkwartier"
    vragenlijst.initiatief.save()
    stelling = StellingFactory(vragenlijst=vragenlijst, tekst="Door de moestuin ken ik meer buren.")
    for value, code in zip(
        (5, 5, 4, 2, 1, 4, 3), issue_codes(vragenlijst=vragenlijst, aantal=7), strict=True
    ):
        submit_answers(
            vragenlijst=vragenlijst,
            waarden={stelling.pk: value},
            open_antwoord="Geheim open antwoord",
            code=code,
            today=D(2023, 6, 1),
        )
    set_open(vragenlijst=vragenlijst, is_open=False, today=D(2023, 9, 1))
    Duiding.objects.create(
        vragenlijst=vragenlijst, datum=D(2023, 9, 1), herkenning="Dit herkennen we."
    )
    data = metingen_selectors.report_section(2023)
    html = render_to_string("metingen/report/effecten_volgens_bewoners.html", {"data": data})
    text = pdf_text(html)
    assert "Moestuin Waterkwartier" in text
    assert "7 bewoners antwoordden" in text
    assert "Door de moestuin ken ik meer buren. 7 57%" in text  # 4 of 7 agree
    assert "Herkennen we de resultaten in de praktijk? Dit herkennen we." in text
    assert "Geheim open antwoord" not in text


def test_effecten_section_without_measurements_says_so(db):
    html = render_to_string(
        "metingen/report/effecten_volgens_bewoners.html",
        {"data": metingen_selectors.report_section(2023)},
    )
    assert "Dit jaar is geen initiatief met bewoners gemeten." in html
