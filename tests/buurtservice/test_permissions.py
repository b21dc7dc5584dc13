"""Who may open which Buurtservice page, and the requester's data stays private (AVG)."""

import datetime

import pytest
from django.urls import reverse

from buurtservice.choices import KlusStatus
from core.roles import Role
from tests.factories import CapaciteitFactory, KlusFactory, UitvoerderFactory, make_user

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


@pytest.fixture
def all_urls(klus_noord, uitvoerders):
    capaciteit = CapaciteitFactory()
    k, u, c = klus_noord.pk, uitvoerders[0].pk, capaciteit.pk
    return {
        "wachtlijst": reverse("buurtservice:wachtlijst"),
        "klus_list": reverse("buurtservice:klus_list"),
        "klus_create": reverse("buurtservice:klus_create"),
        "klus_detail": reverse("buurtservice:klus_detail", args=[k]),
        "klus_update": reverse("buurtservice:klus_update", args=[k]),
        "klus_plan": reverse("buurtservice:klus_plan", args=[k]),
        "klus_complete": reverse("buurtservice:klus_complete", args=[k]),
        "klus_cancel": reverse("buurtservice:klus_cancel", args=[k]),
        "uitvoerder_list": reverse("buurtservice:uitvoerder_list"),
        "uitvoerder_create": reverse("buurtservice:uitvoerder_create"),
        "uitvoerder_detail": reverse("buurtservice:uitvoerder_detail", args=[u]),
        "uitvoerder_update": reverse("buurtservice:uitvoerder_update", args=[u]),
        "capaciteit_list": reverse("buurtservice:capaciteit_list"),
        "capaciteit_create": reverse("buurtservice:capaciteit_create"),
        "capaciteit_update": reverse("buurtservice:capaciteit_update", args=[c]),
        "overzicht": reverse("buurtservice:overzicht"),
    }


def test_anonymous_users_go_to_the_login_page(client, all_urls):
    for name, url in all_urls.items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert response.url.startswith(reverse("login")), name
        response = client.post(url, {})
        assert response.status_code == 302, name


BROKER_FORBIDDEN = [
    "wachtlijst",
    "klus_create",
    "klus_update",
    "klus_plan",
    "klus_complete",
    "klus_cancel",
    "uitvoerder_list",
    "uitvoerder_create",
    "uitvoerder_detail",
    "uitvoerder_update",
    "capaciteit_list",
    "capaciteit_create",
    "capaciteit_update",
    "overzicht",
]


def test_broker_gets_403_on_buurtservice_work(client, makelaar, all_urls):
    client.force_login(makelaar)
    for name in BROKER_FORBIDDEN:
        assert client.get(all_urls[name]).status_code == 403, name
        assert client.post(all_urls[name], {}).status_code == 403, name


def test_broker_sees_jobs_of_own_gebied_without_requester_data(
    client, makelaar, all_urls, klus_noord, klus_zuid
):
    client.force_login(makelaar)

    listing = client.get(all_urls["klus_list"])
    detail = client.get(all_urls["klus_detail"])

    assert listing.status_code == detail.status_code == 200
    assert [k.pk for k in listing.context["object_list"]] == [klus_noord.pk]
    assert "Tuin winterklaar maken" in detail.content.decode()
    pages = [listing, detail, client.get(reverse("pages:home"))]
    for response in pages:
        body = response.content.decode()
        for secret in (ADDRESS, NAME, PHONE):
            assert secret not in body


def test_broker_gets_404_for_a_job_of_another_gebied(client, makelaar, klus_zuid):
    client.force_login(makelaar)

    response = client.get(reverse("buurtservice:klus_detail", args=[klus_zuid.pk]))

    assert response.status_code == 404


def test_forged_job_id_is_404_not_500(client, buurtservice_user):
    client.force_login(buurtservice_user)
    for name in ("klus_detail", "klus_update", "klus_plan", "klus_complete", "klus_cancel"):
        assert client.get(reverse(f"buurtservice:{name}", args=[999999])).status_code == 404


@pytest.mark.parametrize("role", [Role.BUURTSERVICE, Role.COORDINATOR, Role.BEHEERDER])
def test_buurtservice_coordinators_and_admins_see_requester_data(client, role, all_urls):
    client.force_login(make_user(role, username=f"u-{role.name}"))
    for name, url in all_urls.items():
        assert client.get(url).status_code == 200, name

    body = client.get(all_urls["klus_detail"]).content.decode()

    assert ADDRESS in body and NAME in body and PHONE in body


def test_user_without_role_gets_403(client, all_urls):
    client.force_login(make_user(None, username="nobody"))
    for name in ("wachtlijst", "klus_list", "uitvoerder_list", "overzicht"):
        assert client.get(all_urls[name]).status_code == 403, name


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
