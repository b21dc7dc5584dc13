"""Correcting a job that is done (its hours and date), reopening it, and removing
jobs and workers entered by mistake, each with its audit record."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from buurtservice import services
from buurtservice.choices import KlusStatus
from buurtservice.models import Inzet, Klus, Uitvoerder
from tests.factories import UitvoerderFactory
from tests.restoring import assert_removed_by, restore_as

pytestmark = pytest.mark.django_db

DONE_ON = datetime.date(2023, 3, 2)


@pytest.fixture
def gedaan(make_klus, uitvoerders, wijk_a, buurtservice_user):
    """A job done by both workers: 2 and 3 hours."""
    klus = make_klus(wijk=wijk_a)
    services.plan_klus(
        klus=klus,
        datum=datetime.date(2023, 3, 1),
        uitvoerders=uitvoerders,
        door=buurtservice_user,
        today=datetime.date(2023, 2, 25),
    )
    ahmed, bea = uitvoerders
    return services.complete_klus(
        klus=klus,
        datum=DONE_ON,
        uren={ahmed.pk: Decimal(2), bea.pk: Decimal(3)},
        door=buurtservice_user,
        today=DONE_ON,
    )


def correction(klus, uitvoerders, ahmed: str, bea: str, datum: str = "2023-03-02") -> dict:
    return {
        "datum": datum,
        f"uren_{uitvoerders[0].pk}": ahmed,
        f"uren_{uitvoerders[1].pk}": bea,
        "version": str(klus.version),
    }


def hours(klus) -> dict[str, Decimal]:
    return {inzet.uitvoerder.naam: inzet.uren for inzet in klus.inzet.select_related("uitvoerder")}


def test_the_hours_of_a_done_job_are_corrected_with_who_did_it(
    client_for, buurtservice_user, gedaan, uitvoerders
):
    url = reverse("buurtservice:klus_correct", args=[gedaan.pk])
    client = client_for(buurtservice_user)
    assert client.get(url).status_code == 200
    response = client.post(url, correction(gedaan, uitvoerders, "2,5", "3", "2023-03-01"))
    assert response.status_code == 302
    gedaan.refresh_from_db()
    assert hours(gedaan) == {"Ahmed": Decimal("2.5"), "Bea": Decimal(3)}
    assert gedaan.uitgevoerd_op == datetime.date(2023, 3, 1)
    assert gedaan.statuswijzigingen.get(status=KlusStatus.UITGEVOERD).datum == gedaan.uitgevoerd_op
    inzet = Inzet.objects.get(klus=gedaan, uitvoerder=uitvoerders[0])
    change = inzet.history.latest()
    assert (change.history_user, change.uren) == (buurtservice_user, Decimal("2.5"))
    job_change = gedaan.history.latest()
    assert (job_change.history_user, job_change.history_change_reason) == (
        buurtservice_user,
        "Hours corrected",
    )


def test_a_worker_left_empty_is_taken_off_the_job_and_can_be_restored(
    client_for, buurtservice_user, beheerder, gedaan, uitvoerders
):
    url = reverse("buurtservice:klus_correct", args=[gedaan.pk])
    inzet = Inzet.objects.get(klus=gedaan, uitvoerder=uitvoerders[1])
    response = client_for(buurtservice_user).post(url, correction(gedaan, uitvoerders, "2", ""))
    assert response.status_code == 302
    assert hours(gedaan) == {"Ahmed": Decimal(2)}
    deletion = assert_removed_by(Inzet, inzet.pk, buurtservice_user)

    restore_as(client_for(beheerder), "inzet", deletion)
    assert hours(gedaan) == {"Ahmed": Decimal(2), "Bea": Decimal(3)}


def test_a_done_job_keeps_at_least_one_worker_with_hours(
    client_for, buurtservice_user, gedaan, uitvoerders
):
    url = reverse("buurtservice:klus_correct", args=[gedaan.pk])
    response = client_for(buurtservice_user).post(url, correction(gedaan, uitvoerders, "", ""))
    assert response.status_code == 200
    assert "minstens één uitvoerder met uren" in response.content.decode()
    assert hours(gedaan) == {"Ahmed": Decimal(2), "Bea": Decimal(3)}


def test_hours_corrected_meanwhile_are_not_overwritten(
    client_for, buurtservice_user, coordinator, gedaan, uitvoerders
):
    url = reverse("buurtservice:klus_correct", args=[gedaan.pk])
    stale = correction(gedaan, uitvoerders, "4", "4")
    client_for(coordinator).post(url, correction(gedaan, uitvoerders, "1", "1"))
    response = client_for(buurtservice_user).post(url, stale)
    assert response.status_code == 409
    assert hours(gedaan) == {"Ahmed": Decimal(1), "Bea": Decimal(1)}


def test_only_a_done_job_has_its_hours_corrected(client_for, buurtservice_user, make_klus, wijk_a):
    klus = make_klus(wijk=wijk_a)
    url = reverse("buurtservice:klus_correct", args=[klus.pk])
    assert client_for(buurtservice_user).get(url).status_code == 302
    response = client_for(buurtservice_user).post(url, {"datum": "2023-03-02", "version": "1"})
    assert response.status_code == 200
    assert "alleen de uren van een uitgevoerde klus" in response.content.decode()


def test_a_done_job_is_reopened_with_the_reason_in_its_status_history(
    client_for, coordinator, gedaan
):
    url = reverse("buurtservice:klus_reopen", args=[gedaan.pk])
    client = client_for(coordinator)
    assert client.post(url, {"reden": " "}).status_code == 200
    response = client.post(url, {"reden": "Per ongeluk afgerond"}, follow=True)
    assert "Per ongeluk afgerond" in response.content.decode()
    gedaan.refresh_from_db()
    assert (gedaan.status, gedaan.uitgevoerd_op) == (KlusStatus.INGEPLAND, None)
    assert set(hours(gedaan).values()) == {None}
    step = gedaan.statuswijzigingen.latest("pk")
    assert (step.status, step.door, step.toelichting) == (
        KlusStatus.INGEPLAND,
        coordinator,
        "Per ongeluk afgerond",
    )
    assert gedaan.history.latest().history_user == coordinator
    # Planned again: it can be recorded as done once more.
    assert client.get(reverse("buurtservice:klus_complete", args=[gedaan.pk])).status_code == 200


def test_a_job_cancelled_by_mistake_goes_back_to_the_waiting_list(
    client_for, buurtservice_user, make_klus, wijk_a
):
    klus = services.cancel_klus(klus=make_klus(wijk=wijk_a), reden="Dubbel", door=buurtservice_user)
    url = reverse("buurtservice:klus_reopen", args=[klus.pk])
    assert url in client_for(buurtservice_user).get(klus.get_absolute_url()).content.decode()
    response = client_for(buurtservice_user).post(url, {"reden": "Toch niet dubbel"})
    assert response.status_code == 302
    klus.refresh_from_db()
    assert (klus.status, klus.geannuleerd_op, klus.annuleringsreden) == (
        KlusStatus.WACHTLIJST,
        None,
        "",
    )
    step = klus.statuswijzigingen.latest("pk")
    assert (step.status, step.door, step.toelichting) == (
        KlusStatus.WACHTLIJST,
        buurtservice_user,
        "Toch niet dubbel",
    )


def test_an_open_job_cannot_be_reopened(client_for, buurtservice_user, make_klus, wijk_a):
    klus = make_klus(wijk=wijk_a)
    url = reverse("buurtservice:klus_reopen", args=[klus.pk])
    assert client_for(buurtservice_user).post(url, {"reden": "Zomaar"}).status_code == 200
    klus.refresh_from_db()
    assert klus.status == KlusStatus.WACHTLIJST
    assert not klus.statuswijzigingen.filter(status=KlusStatus.INGEPLAND).exists()


def test_the_detail_page_of_a_done_job_offers_the_corrections(client_for, beheerder, gedaan):
    page = client_for(beheerder).get(gedaan.get_absolute_url()).content.decode()
    for name in ("klus_correct", "klus_reopen", "klus_delete"):
        assert reverse(f"buurtservice:{name}", args=[gedaan.pk]) in page


def test_a_removed_job_is_restored_without_the_requester(
    client_for, buurtservice_user, beheerder, gedaan
):
    url = reverse("buurtservice:klus_delete", args=[gedaan.pk])
    page = client_for(buurtservice_user).get(url).content.decode()
    assert "een beheerder kan het daar terugzetten" in page
    assert client_for(buurtservice_user).post(url).status_code == 302
    deletion = assert_removed_by(Klus, gedaan.pk, buurtservice_user)

    restore_as(client_for(beheerder), "klus", deletion)
    klus = Klus.objects.get(pk=gedaan.pk)
    assert (klus.status, klus.aanvrager_naam) == (KlusStatus.UITGEVOERD, "")
    # Its workers' hours and status steps come back with it.
    assert hours(klus) == {"Ahmed": Decimal(2), "Bea": Decimal(3)}
    assert list(klus.statuswijzigingen.values_list("status", flat=True)) == [
        KlusStatus.WACHTLIJST,
        KlusStatus.INGEPLAND,
        KlusStatus.UITGEVOERD,
    ]


def test_a_broker_cannot_remove_a_job(client_for, makelaar, gedaan):
    assert (
        client_for(makelaar).post(reverse("buurtservice:klus_delete", args=[gedaan.pk])).status_code
        == 403
    )
    assert Klus.objects.filter(pk=gedaan.pk).exists()


def test_a_worker_who_did_jobs_is_not_removed(client_for, buurtservice_user, gedaan, uitvoerders):
    url = reverse("buurtservice:uitvoerder_delete", args=[uitvoerders[0].pk])
    response = client_for(buurtservice_user).post(url)
    assert response.status_code == 200
    assert "Geef in plaats daarvan een einddatum" in response.content.decode()
    assert Uitvoerder.objects.filter(pk=uitvoerders[0].pk).exists()


def test_a_worker_entered_by_mistake_is_removed_and_restored(
    client_for, buurtservice_user, beheerder
):
    uitvoerder = UitvoerderFactory(naam="Dubbel ingevoerd")
    url = reverse("buurtservice:uitvoerder_delete", args=[uitvoerder.pk])
    assert client_for(buurtservice_user).post(url).status_code == 302
    deletion = assert_removed_by(Uitvoerder, uitvoerder.pk, buurtservice_user)

    restore_as(client_for(beheerder), "uitvoerder", deletion)
    assert Uitvoerder.objects.get(pk=uitvoerder.pk).naam == "Dubbel ingevoerd"


def test_the_history_of_a_removed_job_and_its_hours_can_be_read(client_for, coordinator, gedaan):
    pks = {"klus": gedaan.pk, "inzet": gedaan.inzet.first().pk}
    services.delete_klus(klus=gedaan)
    for key, pk in pks.items():
        response = client_for(coordinator).get(reverse("audit:geschiedenis", args=[key, pk]))
        assert response.status_code == 200


def test_erasing_a_requester_also_blanks_the_reason_for_reopening(buurtservice_user, gedaan):
    services.reopen_klus(klus=gedaan, reden="Mevrouw Jansen was niet thuis", door=buurtservice_user)
    services.blank_requester_data(Klus.objects.filter(pk=gedaan.pk))
    assert not gedaan.statuswijzigingen.exclude(toelichting="").exists()
    steps = gedaan.statuswijzigingen.model.history.filter(klus_id=gedaan.pk)
    assert not steps.exclude(toelichting="").exists()
