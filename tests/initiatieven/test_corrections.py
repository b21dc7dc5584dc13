"""Correcting and removing what brokers enter about an initiative: counts, funding
applications, status steps and the initiative itself, each with its audit record."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from initiatieven import services
from initiatieven.choices import InitiatiefStatus
from initiatieven.models import (
    Deelnametelling,
    Financieringsaanvraag,
    Initiatief,
    StatusWijziging,
)
from tests.factories import FinancieringsaanvraagFactory, VragenlijstFactory
from tests.restoring import assert_removed_by, restore_as

pytestmark = pytest.mark.django_db


@pytest.fixture
def telling(initiatief_a):
    return Deelnametelling.objects.create(
        initiatief=initiatief_a, datum=datetime.date(2023, 5, 1), vrijwilligers=3, deelnemers=20
    )


def telling_data(telling, **changes) -> dict:
    return {
        "datum": "2023-05-01",
        "vrijwilligers": "3",
        "deelnemers": "20",
        "version": str(telling.version),
        **changes,
    }


def test_a_broker_corrects_a_count_and_the_history_says_who(client_for, makelaar, telling):
    url = reverse("initiatieven:telling_update", args=[telling.initiatief_id, telling.pk])
    assert client_for(makelaar).get(url).status_code == 200
    response = client_for(makelaar).post(url, telling_data(telling, deelnemers="200"))
    assert response.status_code == 302
    telling.refresh_from_db()
    assert telling.deelnemers == 200
    change = telling.history.latest()
    assert (change.history_type, change.history_user, change.deelnemers) == ("~", makelaar, 200)


def test_a_count_corrected_meanwhile_is_not_overwritten(client_for, makelaar, coordinator, telling):
    url = reverse("initiatieven:telling_update", args=[telling.initiatief_id, telling.pk])
    stale = telling_data(telling, deelnemers="25")
    client_for(coordinator).post(url, telling_data(telling, deelnemers="30"))
    response = client_for(makelaar).post(url, stale)
    assert response.status_code == 409
    telling.refresh_from_db()
    assert telling.deelnemers == 30


def test_a_count_cannot_move_onto_another_counts_date(client_for, makelaar, telling):
    Deelnametelling.objects.create(
        initiatief=telling.initiatief, datum=datetime.date(2023, 6, 1), vrijwilligers=1
    )
    url = reverse("initiatieven:telling_update", args=[telling.initiatief_id, telling.pk])
    response = client_for(makelaar).post(url, telling_data(telling, datum="2023-06-01"))
    assert response.status_code == 200
    assert "Er is al een telling" in response.content.decode()
    telling.refresh_from_db()
    assert telling.datum == datetime.date(2023, 5, 1)


def test_a_removed_count_is_restored_by_the_beheerder(client_for, makelaar, beheerder, telling):
    url = reverse("initiatieven:telling_delete", args=[telling.initiatief_id, telling.pk])
    page = client_for(makelaar).get(url).content.decode()
    assert "een beheerder kan het daar terugzetten" in page
    assert client_for(makelaar).post(url).status_code == 302
    deletion = assert_removed_by(Deelnametelling, telling.pk, makelaar)

    restore_as(client_for(beheerder), "telling", deletion)
    restored = Deelnametelling.objects.get(pk=telling.pk)
    assert (restored.vrijwilligers, restored.deelnemers) == (3, 20)


def test_a_broker_of_another_gebied_cannot_touch_the_count(client_for, makelaar_b, telling):
    for name in ("initiatieven:telling_update", "initiatieven:telling_delete"):
        url = reverse(name, args=[telling.initiatief_id, telling.pk])
        assert client_for(makelaar_b).post(url).status_code == 404
    assert Deelnametelling.objects.filter(pk=telling.pk).exists()


def test_a_count_is_reached_only_through_its_own_initiative(client_for, makelaar, telling, wijk_a):
    other = Initiatief.objects.create(naam="Ander initiatief", wijk=wijk_a)
    url = reverse("initiatieven:telling_delete", args=[other.pk, telling.pk])
    assert client_for(makelaar).post(url).status_code == 404


def test_a_removed_funding_application_is_restored(client_for, makelaar, beheerder, initiatief_a):
    aanvraag = FinancieringsaanvraagFactory(initiatief=initiatief_a, fonds="Oranjefonds")
    url = reverse("initiatieven:financiering_delete", args=[initiatief_a.pk, aanvraag.pk])
    response = client_for(makelaar).post(url)
    assert response["Location"].endswith("#financiering")
    deletion = assert_removed_by(Financieringsaanvraag, aanvraag.pk, makelaar)

    restore_as(client_for(beheerder), "financieringsaanvraag", deletion)
    assert Financieringsaanvraag.objects.get(pk=aanvraag.pk).fonds == "Oranjefonds"


def test_the_detail_page_links_to_the_corrections(client_for, makelaar, telling):
    aanvraag = FinancieringsaanvraagFactory(initiatief=telling.initiatief)
    page = client_for(makelaar).get(telling.initiatief.get_absolute_url()).content.decode()
    for name, args in (
        ("initiatieven:telling_update", [telling.initiatief_id, telling.pk]),
        ("initiatieven:telling_delete", [telling.initiatief_id, telling.pk]),
        ("initiatieven:financiering_delete", [telling.initiatief_id, aanvraag.pk]),
        ("initiatieven:initiatief_delete", [telling.initiatief_id]),
    ):
        assert reverse(name, args=args) in page


def test_a_removed_initiative_comes_back_with_the_beheerder(
    client_for, makelaar, beheerder, initiatief_a, telling
):
    FinancieringsaanvraagFactory(initiatief=initiatief_a)
    url = reverse("initiatieven:initiatief_delete", args=[initiatief_a.pk])
    response = client_for(makelaar).post(url, follow=True)
    assert "is verwijderd" in response.content.decode()
    deletion = assert_removed_by(Initiatief, initiatief_a.pk, makelaar)

    restore_as(client_for(beheerder), "initiatief", deletion)
    restored = Initiatief.objects.get(pk=initiatief_a.pk)
    assert restored.naam == "Moestuin Waterkwartier"
    # What went with it comes back with it.
    assert list(restored.tellingen.values_list("deelnemers", flat=True)) == [20]
    assert list(restored.financieringsaanvragen.values_list("fonds", flat=True)) == ["Wensfonds"]
    assert list(restored.statuswijzigingen.values_list("status", flat=True)) == ["idee"]


def test_an_initiative_with_a_questionnaire_is_not_removed(client_for, coordinator, initiatief_a):
    VragenlijstFactory(initiatief=initiatief_a)
    url = reverse("initiatieven:initiatief_delete", args=[initiatief_a.pk])
    response = client_for(coordinator).post(url)
    assert response.status_code == 200
    assert "Dit initiatief heeft vragenlijsten" in response.content.decode()
    assert Initiatief.objects.filter(pk=initiatief_a.pk).exists()


def test_a_delete_request_is_refused(client_for, makelaar, telling):
    url = reverse("initiatieven:telling_delete", args=[telling.initiatief_id, telling.pk])
    assert client_for(makelaar).delete(url).status_code == 405
    assert Deelnametelling.objects.filter(pk=telling.pk).exists()


def test_a_wrong_status_step_is_removed_and_restored_with_the_status_following(
    client_for, makelaar, beheerder, initiatief_a
):
    services.change_status(
        initiatief=initiatief_a,
        status=InitiatiefStatus.GESTOPT,
        datum=datetime.date(2023, 6, 1),
        door=makelaar,
    )
    wrong = initiatief_a.statuswijzigingen.latest("pk")
    url = reverse("initiatieven:status_delete", args=[initiatief_a.pk, wrong.pk])
    assert url in client_for(makelaar).get(initiatief_a.get_absolute_url()).content.decode()
    assert client_for(makelaar).post(url).status_code == 302
    initiatief_a.refresh_from_db()
    assert initiatief_a.status == InitiatiefStatus.IDEE
    deletion = assert_removed_by(StatusWijziging, wrong.pk, makelaar)

    restore_as(client_for(beheerder), "statuswijziging", deletion)
    initiatief_a.refresh_from_db()
    assert initiatief_a.status == InitiatiefStatus.GESTOPT


def test_the_only_status_step_stays(client_for, makelaar, initiatief_a):
    [only] = initiatief_a.statuswijzigingen.all()
    url = reverse("initiatieven:status_delete", args=[initiatief_a.pk, only.pk])
    response = client_for(makelaar).post(url)
    assert "enige statusstap" in response.content.decode()
    assert StatusWijziging.objects.filter(pk=only.pk).exists()
