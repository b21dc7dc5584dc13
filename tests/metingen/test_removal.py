"""A questionnaire made by mistake can be removed (and restored), but never one
that residents answered: no history keeps their answers."""

from __future__ import annotations

import pytest
from django.urls import reverse

from metingen.models import Vragenlijst
from tests.factories import InitiatiefFactory, StellingFactory, VragenlijstFactory
from tests.restoring import assert_removed_by, restore_as

pytestmark = pytest.mark.django_db


@pytest.fixture
def vragenlijst(wijk_a):
    vragenlijst = VragenlijstFactory(initiatief=InitiatiefFactory(wijk=wijk_a), titel="Proef")
    StellingFactory(vragenlijst=vragenlijst)
    return vragenlijst


def test_a_questionnaire_without_answers_is_removed_and_restored(
    client_for, makelaar, beheerder, vragenlijst
):
    url = reverse("metingen:vragenlijst_delete", args=[vragenlijst.pk])
    assert url in client_for(makelaar).get(vragenlijst.get_absolute_url()).content.decode()
    response = client_for(makelaar).post(url)
    assert response["Location"] == vragenlijst.initiatief.get_absolute_url()
    deletion = assert_removed_by(Vragenlijst, vragenlijst.pk, makelaar)

    restore_as(client_for(beheerder), "vragenlijst", deletion)
    assert Vragenlijst.objects.get(pk=vragenlijst.pk).titel == "Proef"


def test_a_questionnaire_with_answers_is_not_removed(client_for, coordinator, vragenlijst):
    vragenlijst.inzendingen.create(datum="2023-05-02")
    url = reverse("metingen:vragenlijst_delete", args=[vragenlijst.pk])
    response = client_for(coordinator).post(url)
    assert response.status_code == 200
    assert "Sluit de vragenlijst in plaats daarvan" in response.content.decode()
    assert Vragenlijst.objects.filter(pk=vragenlijst.pk).exists()


def test_a_broker_of_another_gebied_cannot_remove_it(client_for, makelaar_b, vragenlijst):
    url = reverse("metingen:vragenlijst_delete", args=[vragenlijst.pk])
    assert client_for(makelaar_b).post(url).status_code == 404
