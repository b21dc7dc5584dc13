"""Status changes of a job: every impossible jump is refused, with a Dutch message,
and leaves nothing half-saved."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import translation

from buurtservice import services
from buurtservice.choices import KlusStatus
from buurtservice.models import Inzet, Klus, KlusStatusWijziging
from tests.factories import UitvoerderFactory

D = datetime.date
TODAY = D(2024, 3, 15)

pytestmark = pytest.mark.usefixtures("frozen")


@pytest.fixture
def frozen():
    with time_machine.travel(datetime.datetime(2024, 3, 15, 10, tzinfo=datetime.UTC), tick=False):
        with translation.override("nl"):
            yield


@pytest.fixture
def klus(make_klus, wijk_a):
    return make_klus(aanvraagdatum=D(2024, 3, 1), wijk=wijk_a)


@pytest.fixture
def planned(klus, uitvoerders, buurtservice_user):
    return services.plan_klus(
        klus=klus, datum=D(2024, 3, 10), uitvoerders=uitvoerders, door=buurtservice_user
    )


def messages_of(excinfo) -> str:
    return " ".join(excinfo.value.messages)


def snapshot(klus):
    klus = Klus.objects.get(pk=klus.pk)
    return (
        klus.status,
        klus.gepland_op,
        klus.uitgevoerd_op,
        klus.geannuleerd_op,
        klus.annuleringsreden,
        sorted(Inzet.objects.filter(klus=klus).values_list("uitvoerder_id", "uren")),
        KlusStatusWijziging.objects.filter(klus=klus).count(),
    )


def test_register_puts_job_on_waiting_list_with_dated_change(wijk_a, buurtservice_user):
    klus = services.register_klus(
        door=buurtservice_user,
        wijk=wijk_a,
        soort="tuin",
        verwijzer="wmo",
        aanvraagdatum=D(2024, 3, 14),
        aanvrager_naam=" A. de Vries ",
    )

    assert klus.status == KlusStatus.WACHTLIJST
    assert klus.aanvrager_naam == "A. de Vries"
    change = klus.statuswijzigingen.get()
    assert (change.status, change.datum, change.door) == (
        "wachtlijst",
        D(2024, 3, 14),
        buurtservice_user,
    )


def test_register_refuses_a_future_request_date(wijk_a, buurtservice_user):
    with pytest.raises(ValidationError) as excinfo:
        services.register_klus(
            door=buurtservice_user,
            wijk=wijk_a,
            soort="tuin",
            verwijzer="wmo",
            aanvraagdatum=D(2024, 3, 16),
        )
    assert "toekomst" in messages_of(excinfo)
    assert not Klus.objects.exists()


def test_plan_sets_date_workers_and_records_who(planned, uitvoerders, buurtservice_user):
    assert planned.status == KlusStatus.INGEPLAND
    assert planned.gepland_op == D(2024, 3, 10)
    assert set(planned.uitvoerders.all()) == set(uitvoerders)
    change = planned.statuswijzigingen.last()
    assert (change.status, change.datum, change.door) == (
        "ingepland",
        D(2024, 3, 10),
        buurtservice_user,
    )


def test_replanning_replaces_the_workers(planned, uitvoerders, buurtservice_user):
    nieuw = UitvoerderFactory(naam="Cor", startdatum=D(2023, 1, 1))
    services.plan_klus(
        klus=planned,
        datum=D(2024, 3, 20),
        uitvoerders=[uitvoerders[0], nieuw],
        door=buurtservice_user,
    )
    planned.refresh_from_db()
    assert planned.gepland_op == D(2024, 3, 20)
    assert set(planned.uitvoerders.all()) == {uitvoerders[0], nieuw}


def test_plan_a_week_ago_is_allowed_but_not_longer(klus, uitvoerders, buurtservice_user):
    before = snapshot(klus)
    with pytest.raises(ValidationError) as excinfo:
        services.plan_klus(
            klus=klus, datum=D(2024, 3, 7), uitvoerders=uitvoerders, door=buurtservice_user
        )
    assert "meer dan een week" in messages_of(excinfo)
    assert snapshot(klus) == before

    services.plan_klus(
        klus=klus, datum=D(2024, 3, 8), uitvoerders=uitvoerders, door=buurtservice_user
    )


def test_plan_before_request_date_is_refused(make_klus, wijk_a, uitvoerders, buurtservice_user):
    klus = make_klus(aanvraagdatum=D(2024, 3, 14), wijk=wijk_a)
    with pytest.raises(ValidationError) as excinfo:
        services.plan_klus(
            klus=klus, datum=D(2024, 3, 13), uitvoerders=uitvoerders, door=buurtservice_user
        )
    assert "aanvraagdatum" in messages_of(excinfo)


def test_plan_needs_a_worker_who_works_on_that_day(klus, buurtservice_user):
    with pytest.raises(ValidationError) as excinfo:
        services.plan_klus(klus=klus, datum=D(2024, 3, 20), uitvoerders=[], door=buurtservice_user)
    assert "minstens één" in messages_of(excinfo)

    vertrokken = UitvoerderFactory(naam="Dirk", startdatum=D(2023, 1, 1), einddatum=D(2024, 3, 1))
    before = snapshot(klus)
    with pytest.raises(ValidationError) as excinfo:
        services.plan_klus(
            klus=klus, datum=D(2024, 3, 20), uitvoerders=[vertrokken], door=buurtservice_user
        )
    assert "Dirk" in messages_of(excinfo)
    assert snapshot(klus) == before


@pytest.mark.parametrize("closing", ["done", "cancelled"])
def test_closed_jobs_cannot_be_planned_again(planned, uitvoerders, buurtservice_user, closing):
    if closing == "done":
        services.complete_klus(
            klus=planned,
            datum=D(2024, 3, 10),
            uren={u.pk: Decimal(2) for u in uitvoerders},
            door=buurtservice_user,
        )
    else:
        services.cancel_klus(klus=planned, reden="Bewoner verhuisd", door=buurtservice_user)
    before = snapshot(planned)

    with pytest.raises(ValidationError) as excinfo:
        services.plan_klus(
            klus=planned, datum=TODAY, uitvoerders=uitvoerders, door=buurtservice_user
        )

    assert "opnieuw worden ingepland" in messages_of(excinfo)
    assert snapshot(planned) == before


def test_complete_records_date_hours_and_status(planned, uitvoerders, buurtservice_user):
    a, b = uitvoerders
    klus = services.complete_klus(
        klus=planned,
        datum=D(2024, 3, 11),
        uren={a.pk: Decimal("3.5"), b.pk: Decimal("24")},
        door=buurtservice_user,
    )
    assert klus.status == KlusStatus.UITGEVOERD
    assert klus.uitgevoerd_op == D(2024, 3, 11)
    assert dict(klus.inzet.values_list("uitvoerder_id", "uren")) == {
        a.pk: Decimal("3.5"),
        b.pk: Decimal("24"),
    }
    assert klus.statuswijzigingen.last().status == KlusStatus.UITGEVOERD


def test_complete_an_unplanned_job_is_refused(klus, buurtservice_user):
    with pytest.raises(ValidationError) as excinfo:
        services.complete_klus(klus=klus, datum=TODAY, uren={}, door=buurtservice_user)
    assert "Plan de klus" in messages_of(excinfo)


@pytest.mark.parametrize(
    ("datum", "fragment"),
    [
        (D(2024, 2, 29), "aanvraagdatum"),  # requested on 1 March
        (D(2024, 3, 16), "toekomst"),
    ],
)
def test_complete_on_an_impossible_date_is_refused(
    planned, uitvoerders, buurtservice_user, datum, fragment
):
    before = snapshot(planned)
    with pytest.raises(ValidationError) as excinfo:
        services.complete_klus(
            klus=planned,
            datum=datum,
            uren={u.pk: Decimal(2) for u in uitvoerders},
            door=buurtservice_user,
        )
    assert fragment in messages_of(excinfo)
    assert snapshot(planned) == before


def test_a_job_planned_later_can_be_done_today(klus, uitvoerders, buurtservice_user):
    later = services.plan_klus(
        klus=klus, datum=D(2024, 3, 29), uitvoerders=uitvoerders, door=buurtservice_user
    )
    done = services.complete_klus(
        klus=later,
        datum=TODAY,
        uren={u.pk: Decimal(2) for u in uitvoerders},
        door=buurtservice_user,
    )
    assert (done.status, done.uitgevoerd_op) == (KlusStatus.UITGEVOERD, TODAY)


def test_a_job_can_be_done_on_its_request_date_before_the_planned_date(
    planned, uitvoerders, buurtservice_user
):
    done = services.complete_klus(
        klus=planned,
        datum=D(2024, 3, 1),  # the request date; planned for 10 March
        uren={u.pk: Decimal(1) for u in uitvoerders},
        door=buurtservice_user,
    )
    assert done.uitgevoerd_op == D(2024, 3, 1)


def test_a_job_done_before_its_planning_was_recorded_keeps_its_history_in_order(
    klus, uitvoerders, buurtservice_user
):
    # Recorded afterwards: planned today (15 March) for the 20th, done on the 12th.
    services.plan_klus(
        klus=klus, datum=D(2024, 3, 20), uitvoerders=uitvoerders, door=buurtservice_user
    )
    services.complete_klus(
        klus=klus,
        datum=D(2024, 3, 12),
        uren={u.pk: Decimal(1) for u in uitvoerders},
        door=buurtservice_user,
    )
    history = [(change.status, change.datum) for change in klus.statuswijzigingen.all()]
    assert [status for status, _datum in history][-2:] == [
        KlusStatus.INGEPLAND,
        KlusStatus.UITGEVOERD,
    ]
    assert history[-2][1] == history[-1][1] == D(2024, 3, 12)


@pytest.mark.parametrize("hours", [Decimal("0"), Decimal("-1"), Decimal("24.5"), None])
def test_hours_must_be_above_zero_and_at_most_24(planned, uitvoerders, buurtservice_user, hours):
    a, b = uitvoerders
    before = snapshot(planned)
    with pytest.raises(ValidationError) as excinfo:
        services.complete_klus(
            klus=planned,
            datum=D(2024, 3, 10),
            uren={a.pk: Decimal(2), b.pk: hours},
            door=buurtservice_user,
        )
    assert b.naam in messages_of(excinfo)
    # Nothing half-saved: not even the valid hours of the first worker.
    assert snapshot(planned) == before


def test_hours_for_a_worker_not_on_the_job_are_refused(planned, uitvoerders, buurtservice_user):
    stranger = UitvoerderFactory(startdatum=D(2023, 1, 1))
    uren = {u.pk: Decimal(2) for u in uitvoerders} | {stranger.pk: Decimal(2)}
    before = snapshot(planned)
    with pytest.raises(ValidationError) as excinfo:
        services.complete_klus(
            klus=planned, datum=D(2024, 3, 10), uren=uren, door=buurtservice_user
        )
    assert "niet aan deze klus" in messages_of(excinfo)
    assert snapshot(planned) == before


def test_cancel_needs_a_reason(klus, buurtservice_user):
    before = snapshot(klus)
    with pytest.raises(ValidationError) as excinfo:
        services.cancel_klus(klus=klus, reden="   ", door=buurtservice_user)
    assert "reden" in messages_of(excinfo)
    assert snapshot(klus) == before

    services.cancel_klus(klus=klus, reden="Zelf opgelost", door=buurtservice_user)
    klus.refresh_from_db()
    assert (klus.status, klus.geannuleerd_op, klus.annuleringsreden) == (
        KlusStatus.GEANNULEERD,
        TODAY,
        "Zelf opgelost",
    )


def test_cancel_twice_is_refused(klus, buurtservice_user):
    services.cancel_klus(klus=klus, reden="Dubbel", door=buurtservice_user)
    with pytest.raises(ValidationError) as excinfo:
        services.cancel_klus(klus=klus, reden="Nog eens", door=buurtservice_user)
    assert "al uitgevoerd of geannuleerd" in messages_of(excinfo)
    assert Klus.objects.get(pk=klus.pk).annuleringsreden == "Dubbel"
