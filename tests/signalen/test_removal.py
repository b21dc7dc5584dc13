"""A collective question or a buurtteam contact made by mistake is removed by who
works on it, and a beheerder restores it from its history."""

from __future__ import annotations

import pytest
from django.urls import reverse

from signalen.models import BuurtteamContact, CollectiefVraagstuk
from tests.factories import BuurtteamContactFactory, CollectiefVraagstukFactory, SignaalFactory
from tests.restoring import assert_removed_by, restore_as

pytestmark = pytest.mark.django_db


def test_a_broker_removes_a_question_and_the_beheerder_restores_it(
    client_for, makelaar, beheerder, gebied_a, wijk_a
):
    vraagstuk = CollectiefVraagstukFactory(gebied=gebied_a, titel="Eenzaamheid")
    signaal = SignaalFactory(wijk=wijk_a, vraagstuk=vraagstuk)
    detail = client_for(makelaar).get(vraagstuk.get_absolute_url()).content.decode()
    url = reverse("signalen:vraagstuk_delete", args=[vraagstuk.pk])
    assert url in detail
    assert client_for(makelaar).post(url).status_code == 302
    deletion = assert_removed_by(CollectiefVraagstuk, vraagstuk.pk, makelaar)
    signaal.refresh_from_db()
    assert signaal.vraagstuk is None

    restore_as(client_for(beheerder), "vraagstuk", deletion)
    assert CollectiefVraagstuk.objects.get(pk=vraagstuk.pk).titel == "Eenzaamheid"


def test_a_broker_of_another_gebied_cannot_remove_it(client_for, makelaar_b, gebied_a):
    vraagstuk = CollectiefVraagstukFactory(gebied=gebied_a)
    url = reverse("signalen:vraagstuk_delete", args=[vraagstuk.pk])
    assert client_for(makelaar_b).post(url).status_code == 404
    assert CollectiefVraagstuk.objects.filter(pk=vraagstuk.pk).exists()


def test_a_contact_with_the_buurtteam_is_removed_and_restored(
    client_for, makelaar, beheerder, gebied_a
):
    contact = BuurtteamContactFactory(gebied=gebied_a, aangemaakt_door=makelaar)
    url = reverse("signalen:contact_delete", args=[contact.pk])
    form = client_for(makelaar).get(reverse("signalen:contact_update", args=[contact.pk]))
    assert url in form.content.decode()
    assert client_for(makelaar).post(url).status_code == 302
    deletion = assert_removed_by(BuurtteamContact, contact.pk, makelaar)

    restore_as(client_for(beheerder), "buurtteamcontact", deletion)
    assert BuurtteamContact.objects.filter(pk=contact.pk).exists()
