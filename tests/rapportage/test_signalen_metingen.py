"""Signals and measurements with residents in the yearly report: two blocks the
coordinator places like any other, their headline figures on the key-figures page
beside last year, read back from the PDF; and the warnings of the check page as
plain data for any page."""

from __future__ import annotations

import datetime
import json

import pytest
from django.urls import reverse

from metingen.services import issue_codes, set_open, submit_answers
from rapportage.blocks import REGISTRY, layout
from rapportage.models import Jaarrapportage
from rapportage.selectors import report_figures, report_warnings
from signalen.choices import Bron, VraagstukStatus
from tests.factories import (
    ActiviteitFactory,
    BuurtteamContactFactory,
    CollectiefVraagstukFactory,
    SignaalFactory,
    StellingFactory,
    ThemaFactory,
    VragenlijstFactory,
)

from .conftest import pdf_text, report_pdf

D = datetime.date


@pytest.fixture
def signals_and_measurement(year_data):
    """2023: three signals, one question completed, two buurtteam contacts and one
    questionnaire with six answers; 2022: one signal (registration starts in 2022)."""
    g = year_data
    geld = ThemaFactory(naam="Geldzorgen")
    SignaalFactory(datum=D(2022, 10, 5), wijk=g["wijk_water"], themas=[geld])
    for day, bron in ((3, Bron.INWONER), (10, Bron.BUURTTEAM), (17, Bron.PARTNER)):
        SignaalFactory(datum=D(2023, 2, day), wijk=g["wijk_water"], bron=bron, themas=[geld])
    CollectiefVraagstukFactory(
        titel="Rondkomen aan de rivier",
        gebied=g["water"],
        gestart_op=D(2023, 3, 1),
        afgerond_op=D(2023, 11, 20),
        status=VraagstukStatus.AFGEROND,
        evaluatie="Het spreekuur over geldzaken blijft.",
    )
    BuurtteamContactFactory(gebied=g["water"], datum=D(2023, 4, 4))
    BuurtteamContactFactory(gebied=g["water"], datum=D(2023, 9, 4))
    vragenlijst = VragenlijstFactory(titel="Wat doet de speeltuin voor jou?")
    vragenlijst.initiatief.naam = "Speeltuin aan het water"
    vragenlijst.initiatief.save()
    stelling = StellingFactory(vragenlijst=vragenlijst, tekst="Door de speeltuin ken ik buren.")
    for value, code in zip(
        (5, 4, 4, 3, 2, 5), issue_codes(vragenlijst=vragenlijst, aantal=6), strict=True
    ):
        submit_answers(
            vragenlijst=vragenlijst,
            waarden={stelling.pk: value},
            open_antwoord="Niet voor het rapport",
            code=code,
            today=D(2023, 6, 1),
        )
    set_open(vragenlijst=vragenlijst, is_open=False, today=D(2023, 9, 1))
    return g


def test_both_blocks_are_offered_and_land_in_their_own_section_when_placed_nowhere(
    signals_and_measurement,
):
    rapportage = signals_and_measurement["rapportage"]
    figures = report_figures(rapportage)
    for key in ("signalen_en_collectief_werk", "effecten_volgens_bewoners"):
        assert key in REGISTRY
    secties = list(rapportage.secties.all())
    parts = layout([(s.soort, s.tekst) for s in secties], figures)
    homes = {
        part.key: secties[index].soort
        for index, section_parts in enumerate(parts)
        for part in section_parts
        if part.kind == "block"
    }
    assert homes["signalen_en_collectief_werk"] == "sociaal_makelaars"
    assert homes["effecten_volgens_bewoners"] == "vrijwilligerswerk"


def test_the_pdf_shows_signals_measurements_and_their_key_figures(
    client, coordinator, signals_and_measurement
):
    rapportage = signals_and_measurement["rapportage"]
    # The coordinator places the measurement right after a paragraph of chapter 2.
    sectie = rapportage.secties.get(soort="vrijwilligerswerk")
    sectie.tekst = "Wat vinden de bewoners zelf?\n\n[[blok:effecten_volgens_bewoners]]\n\nSlot."
    sectie.save()
    client.force_login(coordinator)
    text = pdf_text(report_pdf(client, rapportage))

    assert "Signalen per thema en gebied" in text
    assert "In 2023 zijn 3 signalen vastgelegd" in text
    assert "Rondkomen aan de rivier" in text
    assert "Contacten met het buurtteam per kwartaal" in text
    story = text.index("Wat vinden de bewoners zelf?")
    block = text.index("Speeltuin aan het water", story)
    assert story < block < text.index("Slot.", block)
    assert "6 bewoners antwoordden" in text
    assert "Niet voor het rapport" not in text

    # Key figures beside 2022: signals were registered from October 2022, the other
    # three registers only in 2023.
    assert "Vastgelegde signalen 3 1 +2" in text
    assert "Afgeronde collectieve vraagstukken 1 0 +1" in text
    assert "Contacten met het buurtteam 2 geen registratie –" in text
    assert "Initiatieven gemeten met bewoners 1 geen registratie –" in text
    assert "Bewoners die een vragenlijst invulden 6 geen registratie –" in text


def test_a_final_report_keeps_the_signals_it_was_made_with(signals_and_measurement, coordinator):
    from rapportage.report import build_report_context
    from rapportage.services import finalize_jaarrapportage

    rapportage = signals_and_measurement["rapportage"]
    finalize_jaarrapportage(rapportage=rapportage, user=coordinator)
    SignaalFactory(datum=D(2023, 8, 8), wijk=signals_and_measurement["wijk_water"])
    context = build_report_context(Jaarrapportage.objects.get(pk=rapportage.pk))
    assert context["figures"]["signalen"]["aantal_signalen"] == 3


def test_report_warnings_are_plain_data_for_any_page(client, year_data, coordinator):
    # An activity without any figure, in a year without a report.
    ActiviteitFactory(
        datum=D(2024, 3, 3),
        wijk=year_data["wijk_water"],
        bewoners_bereikt=None,
        bewoners_geactiveerd=None,
        cijfers="",
    )
    warnings = report_warnings(year=2024, user=coordinator)
    assert json.loads(json.dumps(warnings)) == warnings
    by_key = {w["key"]: w for w in warnings}
    assert "markdown" not in by_key  # no report of 2024 yet, so no texts to check
    assert by_key["zonder_cijfers"]["total"] == 1
    assert by_key["zonder_cijfers"]["ok"] is False
    assert by_key["zonder_cijfers"]["items"][0]["url"].startswith("/")

    # With the report of the year, its texts are checked too; the check page shows the same.
    with_report = report_warnings(year=2023, user=coordinator)
    assert with_report[0]["key"] == "markdown"
    client.force_login(coordinator)
    response = client.get(
        reverse("rapportage:jaarrapportage_check", args=[year_data["rapportage"].pk])
    )
    assert response.status_code == 200
    assert response.context["checks"] == with_report
