"""The database refuses rows that break the domain's rules."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from tests.factories import (
    ActiviteitFactory,
    CapaciteitFactory,
    FinancieringsaanvraagFactory,
    InzetFactory,
    JaarrapportageFactory,
    KlusFactory,
    MedewerkerFactory,
    UitvoerderFactory,
    WijkFactory,
)

pytestmark = pytest.mark.django_db


def refused(factory, **kwargs) -> bool:
    try:
        with transaction.atomic():
            factory(**kwargs)
    except IntegrityError:
        return True
    return False


def test_medewerker_end_before_start_is_refused():
    assert refused(
        MedewerkerFactory,
        startdatum=datetime.date(2023, 5, 1),
        einddatum=datetime.date(2023, 4, 30),
    )
    assert not refused(
        MedewerkerFactory,
        startdatum=datetime.date(2023, 5, 1),
        einddatum=datetime.date(2023, 5, 1),
    )


def test_medewerker_negative_hours_are_refused():
    assert refused(MedewerkerFactory, uren_per_week=-1)


def test_activiteit_negative_count_is_refused():
    assert refused(ActiviteitFactory, bewoners_bereikt=-5)


def test_activiteit_before_2000_is_refused():
    assert refused(ActiviteitFactory, datum=datetime.date(1999, 12, 31))


def test_activiteit_more_activated_than_reached_is_refused():
    assert refused(ActiviteitFactory, bewoners_bereikt=3, bewoners_geactiveerd=4)
    assert not refused(ActiviteitFactory, bewoners_bereikt=4, bewoners_geactiveerd=4)


def test_funding_negative_amount_and_decision_before_application_are_refused():
    assert refused(FinancieringsaanvraagFactory, bedrag=-1)
    assert refused(
        FinancieringsaanvraagFactory,
        aangevraagd_op=datetime.date(2023, 3, 1),
        besluit_op=datetime.date(2023, 2, 28),
    )


def test_klus_done_before_request_is_refused():
    assert refused(
        KlusFactory,
        aanvraagdatum=datetime.date(2023, 3, 1),
        status="uitgevoerd",
        uitgevoerd_op=datetime.date(2023, 2, 1),
    )


def test_klus_done_status_needs_a_date():
    assert refused(KlusFactory, status="uitgevoerd", uitgevoerd_op=None)


def test_klus_cannot_be_both_done_and_cancelled():
    assert refused(
        KlusFactory,
        status="uitgevoerd",
        uitgevoerd_op=datetime.date(2023, 3, 1),
        geannuleerd_op=datetime.date(2023, 3, 1),
    )


def test_inzet_hours_must_be_positive_and_at_most_a_day():
    assert refused(InzetFactory, uren=0)
    assert refused(InzetFactory, uren=25)
    assert not refused(InzetFactory, uren=7.5)


def test_uitvoerder_outflow_needs_an_end_date():
    assert refused(UitvoerderFactory, uitstroom="betaald_werk", einddatum=None)
    assert refused(
        UitvoerderFactory,
        startdatum=datetime.date(2023, 5, 1),
        einddatum=datetime.date(2023, 1, 1),
    )


def test_capaciteit_negative_hours_are_refused():
    assert refused(CapaciteitFactory, uren_per_week=-12)


def test_one_report_per_year():
    JaarrapportageFactory(jaar=2023)
    from rapportage.models import Jaarrapportage

    assert refused(
        Jaarrapportage.objects.create,
        jaar=2023,
        titel="Dubbel",
        versiedatum=datetime.date(2023, 12, 1),
    )


def test_cbs_code_is_unique_when_given():
    WijkFactory(naam="A", cbs_code="WK030101")
    assert refused(WijkFactory, naam="B", cbs_code="WK030101")
    # Empty codes do not collide.
    WijkFactory(naam="C", cbs_code="")
    assert not refused(WijkFactory, naam="D", cbs_code="")


def test_capaciteit_implausible_hours_are_refused():
    assert refused(CapaciteitFactory, uren_per_week=1000.5)
    assert not refused(CapaciteitFactory, uren_per_week=36)
