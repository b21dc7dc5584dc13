"""The requester's data stays private (AVG), and what the permission matrix cannot see.

Who may open which Buurtservice page (and gets 403 or 404) is
tests/trust/test_permission_matrix.py."""

import datetime

import pytest
from django.urls import reverse

from buurtservice.choices import KlusStatus
from tests.factories import KlusFactory, UitvoerderFactory

D = datetime.date
ADDRESS = "Geheimstraat 99"
NAME = "Mevrouw Verborgen"
PHONE = "06-99887766"


@pytest.fixture
def klus_noord(wijk_a, uitvoerders):
    klus = KlusFactory(
        wijk=wijk_a,
        aanvraagdatum=D(2024, 1, 5),
        status=KlusStatus.INGEPLAND,
        gepland_op=D(2024, 1, 20),
        aanvrager_naam=NAME,
        aanvrager_adres=ADDRESS,
        aanvrager_telefoon=PHONE,
        omschrijving="Tuin winterklaar maken",
    )
    klus.uitvoerders.set(uitvoerders)
    return klus


@pytest.fixture
def klus_zuid(wijk_b):
    return KlusFactory(wijk=wijk_b, aanvraagdatum=D(2024, 1, 6), status=KlusStatus.WACHTLIJST)


def test_broker_sees_jobs_of_own_gebied_without_requester_data(
    client, makelaar, klus_noord, klus_zuid
):
    client.force_login(makelaar)

    listing = client.get(reverse("buurtservice:klus_list"))
    detail = client.get(reverse("buurtservice:klus_detail", args=[klus_noord.pk]))

    assert listing.status_code == detail.status_code == 200
    assert [k.pk for k in listing.context["object_list"]] == [klus_noord.pk]
    assert "Tuin winterklaar maken" in detail.content.decode()
    pages = [listing, detail, client.get(reverse("pages:home"))]
    for response in pages:
        body = response.content.decode()
        for secret in (ADDRESS, NAME, PHONE):
            assert secret not in body


def test_forged_job_id_is_404_not_500(client, buurtservice_user):
    client.force_login(buurtservice_user)
    for name in ("klus_detail", "klus_update", "klus_plan", "klus_complete", "klus_cancel"):
        assert client.get(reverse(f"buurtservice:{name}", args=[999999])).status_code == 404


def test_requester_data_not_in_str_or_overview(klus_noord, client, buurtservice_user):
    assert ADDRESS not in str(klus_noord) and NAME not in str(klus_noord)
    client.force_login(buurtservice_user)
    body = client.get(reverse("buurtservice:overzicht"), {"periode": "2024"}).content.decode()
    assert ADDRESS not in body and NAME not in body


def test_worker_left_long_ago_is_not_offered_for_planning(client, buurtservice_user, klus_noord):
    UitvoerderFactory(naam="Lang Weg", startdatum=D(2020, 1, 1), einddatum=D(2020, 6, 1))
    client.force_login(buurtservice_user)

    body = client.get(reverse("buurtservice:klus_plan", args=[klus_noord.pk])).content.decode()

    assert "Lang Weg" not in body
    assert "Ahmed" in body


def test_requester_fields_are_hidden_from_error_reports(client, buurtservice_user, wijk_a):
    client.force_login(buurtservice_user)

    response = client.post(reverse("buurtservice:klus_create"), {"wijk": wijk_a.pk})

    hidden = set(response.wsgi_request.sensitive_post_parameters)
    assert {"aanvrager_naam", "aanvrager_adres", "aanvrager_telefoon"} <= hidden
