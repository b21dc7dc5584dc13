"""The period figures the overview page and the yearly report show, against a hand count."""

import datetime
from decimal import Decimal

import pytest
import time_machine

from buurtservice.choices import Herkomst, KlusStatus, Uitstroom, UitvoerderSoort
from buurtservice.selectors import period_overview
from core.periods import half_years, parse_period, quarters
from tests.factories import CapaciteitFactory, InzetFactory, KlusFactory, UitvoerderFactory

D = datetime.date
H2_2023 = (D(2023, 7, 1), D(2023, 12, 31))


@pytest.fixture
def record(db):
    """Workers, jobs and capacity around the second half of 2023.

    The comments give the hand count for H2 2023 (1 July – 31 December).
    """
    vrijwilliger, deelnemer, stagiair = (
        UitvoerderSoort.VRIJWILLIGER,
        UitvoerderSoort.DEELNEMER,
        UitvoerderSoort.STAGIAIR,
    )
    # New in H2: 2 AZC volunteers (one on the last day), 1 GelreWerkt participant, 1 HAN intern.
    UitvoerderFactory(soort=vrijwilliger, herkomst=Herkomst.AZC, startdatum=D(2023, 7, 10))
    UitvoerderFactory(soort=vrijwilliger, herkomst=Herkomst.AZC, startdatum=D(2023, 12, 31))
    UitvoerderFactory(soort=deelnemer, herkomst=Herkomst.GELREWERKT, startdatum=D(2023, 8, 1))
    UitvoerderFactory(soort=stagiair, herkomst=Herkomst.HAN, startdatum=D(2023, 9, 1))
    # Started the day before H2 (not new in H2), left on its first day to paid work.
    UitvoerderFactory(
        soort=vrijwilliger,
        herkomst=Herkomst.WIJK,
        startdatum=D(2023, 6, 30),
        einddatum=D(2023, 7, 1),
        uitstroom=Uitstroom.BETAALD_WERK,
    )
    # Left on the last day of H2 to education.
    UitvoerderFactory(
        soort=deelnemer,
        herkomst=Herkomst.GELREWERKT,
        startdatum=D(2022, 1, 1),
        einddatum=D(2023, 12, 31),
        uitstroom=Uitstroom.OPLEIDING,
    )
    # Left the day after H2: not outflow in H2.
    UitvoerderFactory(
        soort=deelnemer,
        herkomst=Herkomst.GELREWERKT,
        startdatum=D(2022, 1, 1),
        einddatum=D(2024, 1, 1),
        uitstroom=Uitstroom.BETAALD_WERK,
    )
    # Left in H2 without a recorded outflow: not in the outflow figures.
    UitvoerderFactory(startdatum=D(2022, 1, 1), einddatum=D(2023, 10, 1))

    # Two workers since 2021 do all the jobs below (not new in 2023).
    oud1 = UitvoerderFactory(startdatum=D(2021, 1, 1))
    oud2 = UitvoerderFactory(startdatum=D(2021, 1, 1))

    done, cancelled = KlusStatus.UITGEVOERD, KlusStatus.GEANNULEERD
    # k1: open on 1 July, done in H2 with 3 + 2.5 hours.
    k1 = KlusFactory(aanvraagdatum=D(2023, 5, 1), status=done, uitgevoerd_op=D(2023, 7, 15))
    InzetFactory(klus=k1, uitvoerder=oud1, uren=Decimal("3"))
    InzetFactory(klus=k1, uitvoerder=oud2, uren=Decimal("2.5"))
    # k2: cancelled on 1 July, so not open on 1 July; cancelled in H2.
    KlusFactory(aanvraagdatum=D(2023, 6, 30), status=cancelled, geannuleerd_op=D(2023, 7, 1))
    # k3: requested on 1 July, still open (183 days on 31 Dec).
    KlusFactory(aanvraagdatum=D(2023, 7, 1), status=KlusStatus.WACHTLIJST)
    # k4: requested on 31 Dec, planned for January (0 days on 31 Dec).
    KlusFactory(
        aanvraagdatum=D(2023, 12, 31), status=KlusStatus.INGEPLAND, gepland_op=D(2024, 1, 5)
    )
    # k5: done in H1 (5 hours): not in H2 at all.
    k5 = KlusFactory(aanvraagdatum=D(2023, 3, 1), status=done, uitgevoerd_op=D(2023, 6, 30))
    InzetFactory(klus=k5, uitvoerder=oud1, uren=Decimal("5"))
    # k6: requested in H2, done in January (91 days open on 31 Dec); its hours are not H2's.
    k6 = KlusFactory(aanvraagdatum=D(2023, 10, 1), status=done, uitgevoerd_op=D(2024, 1, 10))
    InzetFactory(klus=k6, uitvoerder=oud1, uren=Decimal("4"))
    # k7: waiting since 2022 (425 days on 31 Dec).
    KlusFactory(aanvraagdatum=D(2022, 11, 1), status=KlusStatus.WACHTLIJST)
    # k8: requested after H2.
    KlusFactory(aanvraagdatum=D(2024, 1, 2), status=KlusStatus.WACHTLIJST)
    # k9: requested and done on one day in H2, 24 hours.
    k9 = KlusFactory(aanvraagdatum=D(2023, 8, 1), status=done, uitgevoerd_op=D(2023, 8, 1))
    InzetFactory(klus=k9, uitvoerder=oud1, uren=Decimal("24"))

    # Capacity: 24 h/week, +12 from 1 March 2023 (seed 000), 40 from 31 December.
    CapaciteitFactory(uren_per_week=24, startdatum=D(2022, 1, 1), einddatum=D(2023, 2, 28))
    CapaciteitFactory(uren_per_week=36, startdatum=D(2023, 3, 1), einddatum=D(2023, 12, 30))
    CapaciteitFactory(uren_per_week=40, startdatum=D(2023, 12, 31))


@time_machine.travel(datetime.datetime(2024, 2, 1, 12, tzinfo=datetime.UTC), tick=False)
def test_second_half_of_2023_matches_the_hand_count(record):
    figures = period_overview(start=H2_2023[0], end=H2_2023[1])

    assert figures["new_workers"] == [
        {
            "soort": "deelnemer",
            "soort_label": str(UitvoerderSoort.DEELNEMER.label),
            "herkomst": "gelrewerkt",
            "herkomst_label": str(Herkomst.GELREWERKT.label),
            "aantal": 1,
        },
        {
            "soort": "vrijwilliger",
            "soort_label": str(UitvoerderSoort.VRIJWILLIGER.label),
            "herkomst": "azc",
            "herkomst_label": str(Herkomst.AZC.label),
            "aantal": 2,
        },
        {
            "soort": "stagiair",
            "soort_label": str(UitvoerderSoort.STAGIAIR.label),
            "herkomst": "han",
            "herkomst_label": str(Herkomst.HAN.label),
            "aantal": 1,
        },
    ]
    assert figures["new_workers_by_soort"] == {"deelnemer": 1, "vrijwilliger": 2, "stagiair": 1}
    assert figures["new_workers_by_herkomst"] == {"gelrewerkt": 1, "azc": 2, "han": 1}
    assert figures["outflow"] == {"betaald_werk": 1, "opleiding": 1}
    assert figures["jobs_requested"] == 4  # k3, k4, k6, k9
    assert figures["jobs_done"] == 2  # k1, k9
    assert figures["jobs_cancelled"] == 1  # k2
    assert figures["hours_worked"] == Decimal("29.5")  # 3 + 2.5 + 24
    assert isinstance(figures["hours_worked"], Decimal)
    assert figures["waiting_start"] == 3  # k1, k3, k7
    assert figures["waiting_end"] == 4  # k3, k4, k6, k7
    assert figures["median_wait_days_end"] == 137  # median of 0, 91, 183, 425
    # Days waited on 1 July: k1 61, k3 0, k7 242.
    assert figures["median_wait_days_start"] == 61
    assert figures["capacity_start"] == Decimal("36")
    assert figures["capacity_end"] == Decimal("40")


def test_first_half_of_2023(record):
    _label, start, end = half_years(2023)[0]

    figures = period_overview(start=start, end=end)

    assert figures["jobs_requested"] == 3  # k1, k2, k5
    assert figures["jobs_done"] == 1  # k5 (on the last day)
    assert figures["jobs_cancelled"] == 0
    assert figures["hours_worked"] == Decimal("5")
    assert figures["waiting_start"] == 1  # k7
    assert figures["waiting_end"] == 3  # k1, k2, k7
    # Days waited on 30 June: k1 60, k2 0, k7 241.
    assert figures["median_wait_days_end"] == 60
    assert figures["median_wait_days_start"] == 61  # k7 on 1 January: 61 days
    assert figures["new_workers_by_soort"] == {"vrijwilliger": 1}
    assert figures["outflow"] == {}
    assert figures["capacity_start"] == Decimal("24")
    assert figures["capacity_end"] == Decimal("36")


def test_empty_period_has_zeroes_and_no_median(db):
    figures = period_overview(start=D(2030, 1, 1), end=D(2030, 3, 31))

    assert figures["new_workers"] == []
    assert figures["jobs_requested"] == figures["jobs_done"] == 0
    assert figures["hours_worked"] == Decimal("0")
    assert figures["waiting_end"] == 0
    assert figures["median_wait_days_end"] is None
    assert figures["median_wait_days_start"] is None
    assert figures["capacity_end"] == Decimal("0")


def test_a_constant_number_of_queries(record, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        small = period_overview(start=H2_2023[0], end=H2_2023[1])
    for _i in range(10):
        klus = KlusFactory(
            aanvraagdatum=D(2023, 9, 1), status=KlusStatus.UITGEVOERD, uitgevoerd_op=D(2023, 9, 2)
        )
        InzetFactory(klus=klus, uitvoerder=UitvoerderFactory(startdatum=D(2021, 1, 1)), uren=1)
        UitvoerderFactory(startdatum=D(2023, 9, 1), herkomst=Herkomst.TACTUS)
    with django_assert_max_num_queries(6):
        big = period_overview(start=H2_2023[0], end=H2_2023[1])
    assert big["jobs_done"] == small["jobs_done"] + 10
    assert big["hours_worked"] == small["hours_worked"] + 10


def test_periods_of_a_year():
    assert [(s, e) for _l, s, e in half_years(2023)] == [
        (D(2023, 1, 1), D(2023, 6, 30)),
        (D(2023, 7, 1), D(2023, 12, 31)),
    ]
    assert [(s, e) for _l, s, e in quarters(2024)] == [
        (D(2024, 1, 1), D(2024, 3, 31)),
        (D(2024, 4, 1), D(2024, 6, 30)),
        (D(2024, 7, 1), D(2024, 9, 30)),
        (D(2024, 10, 1), D(2024, 12, 31)),
    ]
    assert parse_period("2023-H2")[1:] == H2_2023
    assert parse_period("2023-q1")[1:] == (D(2023, 1, 1), D(2023, 3, 31))
    assert parse_period("2023")[1:] == (D(2023, 1, 1), D(2023, 12, 31))
    for bad in ("", "2023-H3", "2023-Q0", "23", "2023-X1", "abc"):
        assert parse_period(bad) is None
