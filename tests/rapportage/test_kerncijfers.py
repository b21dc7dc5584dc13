"""Key figures of a year beside the previous year, per wijk, and what the record does not know."""

from __future__ import annotations

import datetime

from rapportage.selectors import bereik_per_wijk, report_figures
from tests.factories import ActiviteitFactory, GebiedFactory, WijkFactory

from .conftest import pdf_text, report_pdf

D = datetime.date


def rows(figures: dict) -> dict[str, tuple]:
    return {
        r["key"]: (r["waarde"], r["vorig"], r["verschil"]) for r in figures["kerncijfers"]["rijen"]
    }


def test_key_figures_match_hand_counts_over_two_years(year_data):
    """Counted by hand from the records of tests/rapportage/conftest.py:year_data."""
    figures = report_figures(year_data["rapportage"])
    kern = rows(figures)
    # Brokers: 3 from 2019, one from March and one from September 2022 → 5; 8 at the end of 2023.
    assert kern["makelaars"] == (8, 5, 3)
    # Activities: one on 1 December 2022 (999 reached), five in 2023.
    assert kern["activiteiten"] == (5, 1, 4)
    assert kern["bereikt"] == (342, 999, -657)
    assert kern["geactiveerd"] == (18, 0, 18)
    # Initiatives: the first status change is in March 2023, so 2022 has no registration.
    assert kern["initiatieven_actief"] == (2, None, None)
    assert kern["initiatieven_idee"] == (1, None, None)
    # Jobs: two requested in November 2022 and still waiting; five requested and done in 2023.
    assert kern["klussen_aangevraagd"] == (5, 2, 3)
    assert kern["klussen_uitgevoerd"] == (5, 0, 5)
    assert kern["uren"] == (9, 0, 9)
    assert kern["wachtlijst_eind"] == (2, 2, 0)
    # The two 2022 jobs waited 60 days on 31 December 2022 and 425 days a year later.
    assert kern["wachttijd"] == (425, 60, 365)
    # Workers: one started in 2022, nineteen in 2023; one left for paid work in May 2023.
    assert kern["nieuwe_uitvoerders"] == (19, 1, 18)
    assert kern["uitstroom"] == (1, 0, 1)
    # Registration began during a year for activities, jobs and initiatives: the report
    # says from when.
    notes = {(n["bron"], n["jaar"]): n["vanaf"] for n in figures["kerncijfers"]["notes"]}
    assert notes == {
        ("activiteiten", 2022): "2022-12-01",
        ("klussen", 2022): "2022-11-01",
        ("initiatieven", 2023): "2023-03-01",
    }


def test_the_pdf_shows_no_registration_instead_of_zero(client, coordinator, year_data):
    client.force_login(coordinator)
    text = pdf_text(report_pdf(client, year_data["rapportage"]))
    assert "Kerncijfers 2023 naast 2022" in text
    assert "Sociaal makelaars aan het eind van het jaar 8 5 +3" in text
    assert "Bereikte inwoners 342 999 −657" in text
    assert "Bewonersinitiatieven: actief 2 geen registratie –" in text
    assert "Activiteiten: geregistreerd vanaf 1 december 2022" in text
    # Previous-year columns in the main tables say so too.
    assert "Actief 2 geen registratie" in text


def test_residents_reached_per_wijk_and_per_thousand_inhabitants(db):
    gebied = GebiedFactory(naam="Zuidwijken – Warnsveld")
    zuid = WijkFactory(naam="Zuidwijken", gebied=gebied, inwoners=8000)
    warnsveld = WijkFactory(naam="Warnsveld", gebied=gebied, inwoners=None)
    leeg = WijkFactory(naam="Leesten", gebied=gebied, inwoners=2500)
    ActiviteitFactory(datum=D(2023, 3, 1), wijk=zuid, bewoners_bereikt=30)
    ActiviteitFactory(datum=D(2023, 9, 1), wijk=zuid, bewoners_bereikt=70)
    ActiviteitFactory(datum=D(2023, 5, 1), wijk=warnsveld, bewoners_bereikt=12)
    ActiviteitFactory(datum=D(2022, 5, 1), wijk=leeg, bewoners_bereikt=500)  # another year

    [row] = bereik_per_wijk(year=2023)
    wijken = {w["wijk"]: w for w in row["wijken"]}
    assert (wijken["Zuidwijken"]["activiteiten"], wijken["Zuidwijken"]["bereikt"]) == (2, 100)
    assert wijken["Zuidwijken"]["per_duizend"] == 12.5
    assert wijken["Warnsveld"]["per_duizend"] is None  # inhabitants unknown
    assert (wijken["Leesten"]["bereikt"], wijken["Leesten"]["per_duizend"]) == (0, 0)
    assert (row["activiteiten"], row["bereikt"]) == (3, 112)
