"""The report's figures, computed from the record by rapportage.selectors."""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from initiatieven.selectors import per_status_on
from rapportage.models import Jaarrapportage
from rapportage.selectors import makelaars_per_gebied, report_figures
from tests.factories import ActiviteitFactory, KlusFactory, MedewerkerFactory, UitvoerderFactory

D = datetime.date
# A fixed number (this year, last year for comparison, registration dates, per wijk,
# signals and measurements of both years; the measurements add a few per questionnaire).
MAX_QUERIES = 75


def test_brokers_from_3_to_8_with_the_pilot_listed_apart(year_data):
    figures = makelaars_per_gebied(dates=[D(2020, 12, 31), D(2023, 12, 31)])
    assert figures["totaal"] == [3, 8]
    per_gebied = {row["gebied"]: row["aantallen"] for row in figures["per_gebied"]}
    assert per_gebied == {
        "Centrum – De Hoven": [1, 3],
        "Waterkwartier": [1, 2],
        "Zuidwijken – Warnsveld – Leesten": [1, 3],
    }
    assert [p["naam"] for p in figures["pilots"]] == ["Pilot"]
    assert figures["pilots"][0]["startdatum"] == "2023-07-01"


def test_activities_per_gebied_per_month_and_reach(year_data):
    figures = report_figures(year_data["rapportage"])
    act = figures["activiteiten"]
    rows = {row["gebied"]: row for row in act["per_gebied"]}
    assert rows["Centrum – De Hoven"]["per_maand"][0] == 2
    assert rows["Waterkwartier"]["per_maand"][8] == 2
    assert rows["Zuidwijken – Warnsveld – Leesten"]["per_maand"][10] == 1
    assert act["activiteiten"] == 5  # the 2022 activity does not count
    assert rows["Waterkwartier"]["bereikt"] == 315
    assert act["bereikt"] == 10 + 5 + 40 + 275 + 12
    assert act["geactiveerd"] == 18


def test_examples_grouped_by_gebied_then_wijk(year_data):
    voorbeelden = report_figures(year_data["rapportage"])["voorbeelden"]
    assert [g["gebied"] for g in voorbeelden] == [
        "Waterkwartier",
        "Zuidwijken – Warnsveld – Leesten",
    ]
    clean_up = voorbeelden[0]["wijken"][0]["voorbeelden"][0]
    assert clean_up["titel"] == "Clean Up week"
    assert clean_up["cijfers"] == "250-300 personen"
    assert clean_up["links"] == [
        {"url": "https://www.contactzutphen.nl/cleanup", "omschrijving": "Artikel"}
    ]


def test_initiatives_by_status_at_the_end_of_the_year(year_data):
    figures = report_figures(year_data["rapportage"])["initiatieven"]
    assert figures == {**per_status_on(D(2023, 12, 31)), "per_gebied": figures["per_gebied"]}
    counts = {row["status"]: row["aantal"] for row in figures["per_status"]}
    # The one stopped in 2024 was still active at the end of 2023.
    assert counts["actief"] == 2
    assert counts["idee"] == 1
    assert counts["gestopt"] == 0
    assert figures["lopend"] == 2


def test_buurtservice_half_years(year_data):
    first, second = report_figures(year_data["rapportage"])["buurtservice"]
    assert sum(row["aantal"] for row in first["new_workers"]) == 4
    new_second = {(r["soort"], r["herkomst"]): r["aantal"] for r in second["new_workers"]}
    assert new_second == {
        ("vrijwilliger", "azc"): 8,
        ("vrijwilliger", "esc"): 1,
        ("deelnemer", "gelrewerkt"): 4,
        ("stagiair", "han"): 2,
    }
    assert first["jobs_done"] == 3
    assert second["jobs_done"] == 2
    assert first["waiting_start"] == 2
    assert first["outflow_rows"][0]["aantal"] == 1


def test_capacity_change_and_waiting_list(year_data):
    capaciteit = report_figures(year_data["rapportage"])["capaciteit"]
    assert capaciteit["begin"] == 24
    assert capaciteit["eind"] == 36
    assert capaciteit["verschil"] == 12
    assert capaciteit["wijzigingen"] == [
        {"datum": "2023-03-01", "voor": 24, "na": 36, "verschil": 12}
    ]
    wachtlijst = report_figures(year_data["rapportage"])["wachtlijst"]
    assert wachtlijst["begin"] == 2
    assert len(wachtlijst["aantallen"]) == 13
    # The two old jobs stay open all year; the August job is open at the end of August.
    assert wachtlijst["aantallen"][1] == 2  # end of January
    assert wachtlijst["aantallen"][8] == 3  # end of August
    assert wachtlijst["eind"] == 2


def test_indicator_results_against_targets(year_data):
    indicatoren = report_figures(year_data["rapportage"])["indicatoren"]
    by_key = {i["meting"]: i for i in indicatoren}
    assert by_key["makelaars_eind_jaar"]["resultaat"] == 8
    assert by_key["makelaars_eind_jaar"]["behaald"] is True
    assert by_key["buurtservice_extra_uren"]["resultaat"] == 12


def test_unknown_indicator_key_has_no_result(year_data):
    year_data["plan"].indicatoren.create(naam="Iets", streefwaarde=1, meting="bestaat_niet")
    indicatoren = report_figures(year_data["rapportage"])["indicatoren"]
    unknown = next(i for i in indicatoren if i["meting"] == "bestaat_niet")
    assert unknown["resultaat"] is None
    assert unknown["behaald"] is None


def test_figures_are_json_serialisable(year_data):
    figures = report_figures(year_data["rapportage"])
    assert json.loads(json.dumps(figures)) == figures


def test_number_of_queries_does_not_grow_with_the_data(year_data, django_assert_max_num_queries):
    rapportage = year_data["rapportage"]
    with CaptureQueriesContext(connection) as small:
        report_figures(rapportage)
    g = year_data
    for month in range(1, 13):
        ActiviteitFactory.create_batch(
            3, datum=D(2023, month, 3), wijk=g["wijk_zuid"], is_voorbeeld=True
        )
        KlusFactory(aanvraagdatum=D(2023, month, 2), wijk=g["wijk_water"])
        UitvoerderFactory(startdatum=D(2023, month, 4))
    MedewerkerFactory.create_batch(4, startdatum=D(2023, 2, 1), gebieden=[g["water"]])
    with django_assert_max_num_queries(len(small.captured_queries)):
        report_figures(rapportage)
    # A fixed budget, however much data: see docs/benchmarks-rapportage.md.
    with django_assert_max_num_queries(MAX_QUERIES):
        report_figures(rapportage)


@pytest.mark.django_db
def test_empty_year_gives_zeros_not_errors():
    rapportage = Jaarrapportage(jaar=2031, titel="Leeg", versiedatum=D(2031, 12, 31))
    figures = report_figures(rapportage)
    assert figures["makelaars"]["totaal"] == [0, 0]
    assert figures["activiteiten"]["activiteiten"] == 0
    assert figures["voorbeelden"] == []
    assert figures["indicatoren"] == []
    assert all(half["jobs_done"] == 0 for half in figures["buurtservice"])
