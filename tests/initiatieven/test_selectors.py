"""Report figures from the initiatives register, against hand-counted data."""

from __future__ import annotations

import datetime

import pytest

from initiatieven.models import Deelnametelling, Initiatief, StatusWijziging
from initiatieven.selectors import (
    headcount_in_year,
    per_status_on,
    per_status_per_gebied,
    running_on,
    with_status_on,
)
from tests.factories import GebiedFactory, InitiatiefFactory

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


def _counts(figures) -> dict[str, int]:
    return {row["status"]: row["aantal"] for row in figures["per_status"]}


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
def test_per_status_on_a_date_uses_the_history(histories, gebied_b):
    # 2022-12-31: tuin idee, repair zelfstandig, basket and later did not exist yet.
    assert _counts(per_status_on(D(2022, 12, 31))) == _zero(idee=1, zelfstandig=1)
    # 2023-06-30: tuin actief, basket in voorbereiding, repair still zelfstandig.
    figures = per_status_on(D(2023, 6, 30))
    assert _counts(figures) == _zero(actief=1, in_voorbereiding=1, zelfstandig=1)
    assert (figures["totaal"], figures["lopend"]) == (3, 2)
    # 2023-12-31: tuin and basket actief, repair gestopt.
    assert _counts(per_status_on(D(2023, 12, 31))) == _zero(actief=2, gestopt=1)
    in_b = Initiatief.objects.in_gebied(gebied_b)
    assert _counts(per_status_on(D(2023, 12, 31), initiatieven=in_b)) == _zero(actief=1, gestopt=1)
    # A change dated on the day counts on that day.
    assert _counts(per_status_on(D(2023, 9, 1), initiatieven=in_b))["actief"] == 1


@pytest.mark.django_db
def test_an_initiative_without_any_recorded_change_counts_with_its_current_status(histories):
    InitiatiefFactory(naam="Uit het beheer", wijk=histories["tuin"].wijk, status="zelfstandig")
    for date in (D(2010, 1, 1), D(2023, 12, 31)):
        assert _counts(per_status_on(date))["zelfstandig"] == 1
    assert _counts(per_status_on(D(2010, 1, 1))) == _zero(zelfstandig=1)


@pytest.mark.django_db
def test_with_status_on_annotates_and_leaves_out_unborn(histories):
    rows = dict(
        with_status_on(Initiatief.objects.all(), D(2023, 6, 30)).values_list("naam", "status_op")
    )
    assert rows == {"Tuin": "actief", "Basket": "in_voorbereiding", "Repair": "zelfstandig"}


@pytest.mark.django_db
def test_running_on_a_date(histories):
    running = running_on(Initiatief.objects.all(), D(2023, 6, 30))
    assert sorted(running.values_list("naam", flat=True)) == ["Repair", "Tuin"]
    assert {i.naam: i.status_op_label for i in running} == {
        "Repair": "zelfstandig",
        "Tuin": "actief",
    }


@pytest.mark.django_db
def test_per_gebied_lists_every_gebied_and_adds_up(histories, gebied_a, gebied_b):
    GebiedFactory(naam="Zonder initiatieven", volgorde=9)
    figures = per_status_per_gebied(D(2023, 12, 31))
    rows = {row["gebied"]: _counts(row) for row in figures["per_gebied"]}
    assert rows == {
        gebied_a.naam: _zero(actief=1),
        gebied_b.naam: _zero(actief=1, gestopt=1),
        "Zonder initiatieven": _zero(),
    }
    assert _counts(figures) == _counts(per_status_on(D(2023, 12, 31)))


@pytest.mark.django_db
def test_status_figures_run_a_fixed_number_of_queries(histories, django_assert_num_queries):
    with django_assert_num_queries(1):
        per_status_on(D(2023, 12, 31))
    with django_assert_num_queries(2):
        per_status_per_gebied(D(2023, 12, 31))


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
