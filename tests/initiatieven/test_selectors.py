"""Report figures from the initiatives register, against hand-counted data."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from initiatieven.models import Deelnametelling, Initiatief, StatusWijziging
from initiatieven.selectors import (
    count_by_status,
    count_by_status_on,
    funding_in_year,
    headcount_in_year,
    status_on,
)
from tests.factories import FinancieringsaanvraagFactory, InitiatiefFactory

D = datetime.date


def _history(initiatief, *changes):
    for status, datum in changes:
        StatusWijziging.objects.create(initiatief=initiatief, status=status, datum=datum)
    initiatief.status = changes[-1][0]
    initiatief.save()


@pytest.fixture
def histories(wijk_a, wijk_b, wijk_b2):
    """Four initiatives with a status history (hand-made)."""
    tuin = InitiatiefFactory(naam="Tuin", wijk=wijk_a)
    _history(tuin, ("idee", D(2022, 11, 1)), ("actief", D(2023, 3, 1)))
    basket = InitiatiefFactory(naam="Basket", wijk=wijk_b)
    _history(
        basket,
        ("idee", D(2023, 2, 1)),
        ("in_voorbereiding", D(2023, 5, 1)),
        ("actief", D(2023, 9, 1)),
    )
    repair = InitiatiefFactory(naam="Repair", wijk=wijk_b2)
    _history(
        repair,
        ("actief", D(2021, 1, 1)),
        ("zelfstandig", D(2022, 6, 1)),
        ("gestopt", D(2023, 7, 1)),
    )
    later = InitiatiefFactory(naam="Later", wijk=wijk_b)
    _history(later, ("idee", D(2024, 1, 10)))
    return {"tuin": tuin, "basket": basket, "repair": repair, "later": later}


def _zero(**counts) -> dict[str, int]:
    return {
        "idee": 0,
        "in_voorbereiding": 0,
        "actief": 0,
        "zelfstandig": 0,
        "gestopt": 0,
        **counts,
    }


@pytest.mark.django_db
def test_count_by_status_current(histories, gebied_b, wijk_b):
    assert count_by_status() == _zero(actief=2, gestopt=1, idee=1)
    assert count_by_status(gebied=gebied_b) == _zero(actief=1, gestopt=1, idee=1)
    assert count_by_status(wijk=wijk_b) == _zero(actief=1, idee=1)


@pytest.mark.django_db
def test_count_by_status_on_a_date_uses_the_history(histories, gebied_b):
    # 2022-12-31: tuin idee, repair zelfstandig, basket and later did not exist yet.
    assert count_by_status_on(D(2022, 12, 31)) == _zero(idee=1, zelfstandig=1)
    # 2023-06-30: tuin actief, basket in voorbereiding, repair still zelfstandig.
    assert count_by_status_on(D(2023, 6, 30)) == _zero(actief=1, in_voorbereiding=1, zelfstandig=1)
    # 2023-12-31: tuin and basket actief, repair gestopt.
    assert count_by_status_on(D(2023, 12, 31)) == _zero(actief=2, gestopt=1)
    assert count_by_status_on(D(2023, 12, 31), gebied=gebied_b) == _zero(actief=1, gestopt=1)
    # A change dated on the day counts on that day.
    assert count_by_status_on(D(2023, 9, 1), gebied=gebied_b)["actief"] == 1


@pytest.mark.django_db
def test_status_on_annotates_and_leaves_out_unborn(histories):
    rows = dict(
        status_on(Initiatief.objects.all(), D(2023, 6, 30)).values_list("naam", "status_op")
    )
    assert rows == {"Tuin": "actief", "Basket": "in_voorbereiding", "Repair": "zelfstandig"}


@pytest.mark.django_db
def test_status_figures_run_one_query(histories, django_assert_num_queries):
    with django_assert_num_queries(1):
        count_by_status_on(D(2023, 12, 31))
    with django_assert_num_queries(1):
        count_by_status()


@pytest.mark.django_db
def test_headcount_takes_latest_count_in_year_per_initiative(
    wijk_a, wijk_b, wijk_b2, gebied_a, gebied_b, django_assert_max_num_queries
):
    tuin = InitiatiefFactory(naam="Tuin", wijk=wijk_a)
    basket = InitiatiefFactory(naam="Basket", wijk=wijk_b)
    repair = InitiatiefFactory(naam="Repair", wijk=wijk_b2)
    stil = InitiatiefFactory(naam="Stil", wijk=wijk_b)
    rows = [
        (tuin, D(2023, 3, 1), 4, 20),
        (tuin, D(2023, 10, 1), 6, 35),  # latest of 2023 for tuin
        (tuin, D(2024, 1, 5), 9, 50),  # next year: ignored
        (basket, D(2023, 5, 1), 2, 12),  # only 2023 count for basket
        (repair, D(2022, 12, 31), 10, 80),  # previous year: ignored
        (repair, D(2023, 12, 31), 8, 60),  # last day of the year counts
        (stil, D(2022, 6, 1), 3, 3),  # no 2023 count at all
    ]
    for initiatief, datum, vrijwilligers, deelnemers in rows:
        Deelnametelling.objects.create(
            initiatief=initiatief, datum=datum, vrijwilligers=vrijwilligers, deelnemers=deelnemers
        )

    with django_assert_max_num_queries(2):
        result = headcount_in_year(year=2023)

    # Hand count: tuin 6/35, basket 2/12, repair 8/60.
    assert result["vrijwilligers"] == 6 + 2 + 8
    assert result["deelnemers"] == 35 + 12 + 60
    assert result["initiatieven"] == 3
    assert result["per_gebied"] == [
        {
            "gebied_id": gebied_a.pk,
            "gebied": gebied_a.naam,
            "vrijwilligers": 6,
            "deelnemers": 35,
            "initiatieven": 1,
        },
        {
            "gebied_id": gebied_b.pk,
            "gebied": gebied_b.naam,
            "vrijwilligers": 10,
            "deelnemers": 72,
            "initiatieven": 2,
        },
    ]


@pytest.mark.django_db
def test_headcount_of_empty_year_lists_gebieden_with_zero(gebied_a):
    result = headcount_in_year(year=2019)
    assert result["vrijwilligers"] == result["deelnemers"] == result["initiatieven"] == 0
    assert [row["gebied"] for row in result["per_gebied"]] == [gebied_a.naam]


@pytest.mark.django_db
def test_funding_in_year(initiatief_a, initiatief_b, django_assert_max_num_queries):
    def aanvraag(fonds, bedrag, applied, status="aangevraagd", decided=None, initiatief=None):
        FinancieringsaanvraagFactory(
            initiatief=initiatief or initiatief_a,
            fonds=fonds,
            bedrag=Decimal(bedrag),
            aangevraagd_op=applied,
            status=status,
            besluit_op=decided,
        )

    aanvraag("Wensfonds", "500.00", D(2023, 3, 1), "toegekend", D(2023, 4, 1))
    aanvraag("Wensfonds", "250.50", D(2023, 6, 1), "afgewezen", D(2023, 7, 1))
    aanvraag("Wensfonds", "300.00", D(2023, 11, 1))  # still open
    aanvraag(
        "3x3 basketbal", "2000.00", D(2022, 12, 1), "toegekend", D(2023, 1, 15), initiatief_b
    )  # applied in 2022, granted in 2023
    aanvraag("3x3 basketbal", "900.00", D(2023, 12, 1), "toegekend", D(2024, 1, 10))
    aanvraag("Oranje Fonds", "100.00", D(2022, 2, 1), "toegekend", D(2022, 3, 1))  # not 2023

    with django_assert_max_num_queries(2):
        result = funding_in_year(year=2023)

    # Applied in 2023: 500 + 250.50 + 300 + 900 (4 applications).
    assert result["aangevraagd"] == {"aantal": 4, "bedrag": Decimal("1950.50")}
    # Granted in 2023: 500 (Wensfonds) + 2000 (3x3, applied in 2022).
    assert result["toegekend"] == {"aantal": 2, "bedrag": Decimal("2500.00")}
    assert result["afgewezen"] == {"aantal": 1, "bedrag": Decimal("250.50")}
    # Applied in 2023 and undecided today: only the 300 (the 900 is decided).
    assert result["open"] == {"aantal": 1, "bedrag": Decimal("300.00")}
    assert [row["fonds"] for row in result["per_fonds"]] == ["3x3 basketbal", "Wensfonds"]
    basket, wensfonds = result["per_fonds"]
    assert basket["aangevraagd"] == {"aantal": 1, "bedrag": Decimal("900.00")}
    assert basket["toegekend"] == {"aantal": 1, "bedrag": Decimal("2000.00")}
    assert wensfonds["toegekend"] == {"aantal": 1, "bedrag": Decimal("500.00")}
    assert wensfonds["afgewezen"] == {"aantal": 1, "bedrag": Decimal("250.50")}


@pytest.mark.django_db
def test_funding_of_empty_year_is_zero(db):
    result = funding_in_year(year=2019)
    assert result["aangevraagd"] == {"aantal": 0, "bedrag": Decimal("0")}
    assert result["per_fonds"] == []
