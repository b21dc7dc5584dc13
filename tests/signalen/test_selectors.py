"""The figures of signals, collective questions and contacts, against hand counts."""

from __future__ import annotations

import datetime
import json

import pytest

from signalen import selectors
from signalen.choices import Bron, ContactSoort, Partij, Uitkomst, VraagstukStatus
from signalen.models import Signaal
from tests.factories import (
    ActiviteitFactory,
    BuurtteamContactFactory,
    CollectiefVraagstukFactory,
    InitiatiefFactory,
    OrganisatieFactory,
    SignaalFactory,
)

D = datetime.date


def signal(w, datum, bron, *themas, wijk=None):
    return SignaalFactory(datum=datum, bron=bron, wijk=wijk or w.wijk_a, themas=list(themas))


def test_recurring_needs_three_signals_from_two_sources_in_one_wijk_and_quarter(w):
    # Geldzorgen in wijk A, Q1: 3 signals from 2 sources -> recurring.
    signal(w, D(2023, 1, 5), Bron.INWONER, w.geld)
    signal(w, D(2023, 2, 9), Bron.BUURTTEAM, w.geld)
    signal(w, D(2023, 3, 31), Bron.INWONER, w.geld, w.eenzaam)
    # Eenzaamheid in wijk A, Q1: 3 signals, all from one source -> not recurring.
    signal(w, D(2023, 1, 6), Bron.EIGEN_WAARNEMING, w.eenzaam)
    signal(w, D(2023, 1, 7), Bron.INWONER, w.eenzaam)
    # Groen: 2 signals from 2 sources in Q2 -> too few.
    signal(w, D(2023, 4, 1), Bron.INWONER, w.groen)
    signal(w, D(2023, 5, 1), Bron.GEMEENTE, w.groen)
    # Geldzorgen spread over two quarters and two wijken -> not recurring there.
    signal(w, D(2023, 4, 2), Bron.INWONER, w.geld, wijk=w.wijk_b)
    signal(w, D(2023, 7, 2), Bron.GEMEENTE, w.geld, wijk=w.wijk_b)
    signal(w, D(2023, 8, 2), Bron.PARTNER, w.geld, wijk=w.wijk_b)

    found = selectors.recurring_groups(Signaal.objects.all(), 2023)
    keys = {(g.wijk_id, g.thema_id, g.kwartaal, g.signalen, g.bronnen) for g in found}
    # Eenzaamheid in A, Q1: signals of 6 and 7 January plus the one of 31 March
    # (two themes) = 3 signals, sources eigen waarneming, inwoner -> recurring as well.
    assert keys == {
        (w.wijk_a.pk, w.geld.pk, 1, 3, 2),
        (w.wijk_a.pk, w.eenzaam.pk, 1, 3, 2),
    }


def test_recurring_rule_is_one_function():
    assert selectors.is_recurring(signalen=3, bronnen=2)
    assert not selectors.is_recurring(signalen=3, bronnen=1)
    assert not selectors.is_recurring(signalen=2, bronnen=2)


def test_other_years_do_not_count(w):
    for day in (1, 2, 3):
        signal(w, D(2022, 12, day), Bron.INWONER if day < 3 else Bron.GEMEENTE, w.geld)
    assert selectors.recurring_groups(Signaal.objects.all(), 2023) == []
    assert len(selectors.recurring_groups(Signaal.objects.all(), 2022)) == 1


def test_overview_counts_per_theme_wijk_and_quarter(w):
    signal(w, D(2023, 1, 5), Bron.INWONER, w.geld)
    signal(w, D(2023, 2, 9), Bron.BUURTTEAM, w.geld)
    signal(w, D(2023, 3, 9), Bron.BUURTTEAM, w.geld, w.eenzaam)
    signal(w, D(2023, 11, 9), Bron.PARTNER, w.eenzaam, wijk=w.wijk_b)
    data = selectors.overview(Signaal.objects.all(), 2023)
    assert data["totaal"] == 4  # a signal with two themes is one signal
    assert data["terugkerend"] == 1
    assert [wijk["wijk"] for wijk in data["wijken"]] == ["Waterkwartier", "Warnsveld"]
    wijk_a = data["wijken"][0]
    assert wijk_a["totaal"] == 3
    rows = {row["thema"]: row for row in wijk_a["rijen"]}
    assert [cell["n"] for cell in rows["Geldzorgen"]["cellen"]] == [3, 0, 0, 0]
    assert [cell["terugkerend"] for cell in rows["Geldzorgen"]["cellen"]] == [
        True,
        False,
        False,
        False,
    ]
    assert [cell["n"] for cell in rows["Eenzaamheid"]["cellen"]] == [1, 0, 0, 0]
    wijk_b = data["wijken"][1]
    assert [cell["n"] for cell in wijk_b["rijen"][0]["cellen"]] == [0, 0, 0, 1]


def test_report_section_against_hand_counts(w):
    # Signals: gebied A 3 (geld 3, eenzaam 1), gebied B 1 (eenzaam 1); one of 2022.
    signal(w, D(2023, 1, 5), Bron.INWONER, w.geld)
    signal(w, D(2023, 2, 9), Bron.BUURTTEAM, w.geld, wijk=w.wijk_a2)
    signal(w, D(2023, 3, 9), Bron.BUURTTEAM, w.geld, w.eenzaam)
    signal(w, D(2023, 11, 9), Bron.PARTNER, w.eenzaam, wijk=w.wijk_b)
    signal(w, D(2022, 11, 9), Bron.PARTNER, w.groen)
    # A question completed in 2023, one still running, one completed in 2022.
    klaar = CollectiefVraagstukFactory(
        titel="Geldzorgen samen aanpakken",
        gebied=w.gebied_a,
        gestart_op=D(2023, 3, 15),
        afgerond_op=D(2023, 11, 30),
        status=VraagstukStatus.AFGEROND,
        evaluatie="Het budgetcafé blijft, de bibliotheek neemt het over.",
    )
    klaar.partners.add(OrganisatieFactory(naam="Bibliotheek"))
    klaar.initiatieven.add(InitiatiefFactory(naam="Budgetcafé", wijk=w.wijk_a))
    klaar.activiteiten.add(
        ActiviteitFactory(wijk=w.wijk_a), ActiviteitFactory(wijk=w.wijk_a, titel="Tweede")
    )
    Signaal.objects.filter(themas=w.geld).update(vraagstuk=klaar)
    CollectiefVraagstukFactory(titel="Eenzaamheid ouderen", gebied=w.gebied_b)
    CollectiefVraagstukFactory(
        titel="Oud",
        gebied=w.gebied_b,
        gestart_op=D(2021, 1, 1),
        afgerond_op=D(2022, 6, 1),
        status=VraagstukStatus.AFGEROND,
        evaluatie="Klaar.",
    )
    # Contacts: Q1 2 introductions, Q2 1 case meeting, Q4 2 referrals; one of 2022.
    BuurtteamContactFactory(gebied=w.gebied_a, datum=D(2023, 1, 10))
    BuurtteamContactFactory(gebied=w.gebied_b, datum=D(2023, 3, 10))
    BuurtteamContactFactory(gebied=w.gebied_a, datum=D(2023, 5, 10), soort=ContactSoort.CASUISTIEK)
    for uitkomst in (Uitkomst.AANGESLOTEN, Uitkomst.LOPEND):
        BuurtteamContactFactory(
            gebied=w.gebied_a,
            datum=D(2023, 12, 1),
            soort=ContactSoort.DOORVERWIJZING,
            verwezen_van=Partij.BUURTTEAM,
            verwezen_naar=Partij.INITIATIEF,
            uitkomst=uitkomst,
        )
    BuurtteamContactFactory(gebied=w.gebied_a, datum=D(2022, 12, 1))

    data = selectors.report_section(2023)
    json.dumps(data)  # plain, serialisable data

    assert data["aantal_signalen"] == 4
    table = data["per_thema_gebied"]
    assert table["gebieden"] == ["Waterkwartier", "Zuidwijken – Warnsveld – Leesten"]
    rows = {row["thema"]: row for row in table["rijen"]}
    assert rows["Geldzorgen"]["aantallen"] == [3, 0]
    assert rows["Eenzaamheid"]["aantallen"] == [1, 1]
    assert "Groen" not in rows
    assert table["totalen"] == [3, 1]
    # Geldzorgen in Q1 is spread over two wijken of gebied A: 2 in wijk A, 1 in A2.
    assert data["terugkerend"] == []

    titles = [v["titel"] for v in data["vraagstukken"]]
    assert titles == ["Geldzorgen samen aanpakken", "Eenzaamheid ouderen"]
    done = data["vraagstukken"][0]
    assert done["signalen"] == 3
    assert done["activiteiten"] == 2
    assert done["partners"] == ["Bibliotheek"]
    assert done["initiatieven"] == ["Budgetcafé"]
    assert done["afgerond_op"] == "30-11-2023"
    assert "budgetcafé blijft" in done["evaluatie"]

    contacts = data["contacten"]
    rows = {row["soort"]: row["aantallen"] for row in contacts["rijen"]}
    assert sum(contacts["totalen"]) == contacts["totaal"] == 5
    assert contacts["totalen"] == [2, 1, 0, 2]
    assert list(rows.values()) == [[2, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 0], [0, 0, 0, 2]]
    referrals = data["doorverwijzingen"]
    assert referrals["totaal"] == 2
    assert len(referrals["rijen"]) == 1
    row = referrals["rijen"][0]
    assert row["aantal"] == 2
    outcomes = dict(zip(referrals["uitkomsten"], row["uitkomsten"], strict=True))
    assert sum(outcomes.values()) == 2
    assert list(row["uitkomsten"]) == [1, 1, 0, 0]  # pending, taken up


@pytest.mark.parametrize("year", [2023])
def test_report_section_query_count(w, year, django_assert_max_num_queries):
    for day in range(1, 10):
        signal(w, D(year, 1, day), Bron.INWONER, w.geld)
    with django_assert_max_num_queries(20):
        selectors.report_section(year)
