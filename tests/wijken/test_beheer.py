"""A beheerder manages staff, accounts and reference data in the app, not in the admin."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from core.roles import Role, role_of
from core.visibility import gebied_ids_for
from tests.factories import GebiedFactory, MedewerkerFactory, WijkFactory, make_user
from wijken.models import Medewerker, Wijk

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def beheerder_client():
    client = Client()
    client.force_login(make_user(Role.BEHEERDER, username="beheer"))
    return client


def staff_post(gebied, wijk, **overrides) -> dict:
    data = {
        "naam": "Fatima el Amrani",
        "username": "fatima",
        "email": "fatima@example.org",
        "role": Role.MAKELAAR.value,
        "functie": "sociaal_makelaar",
        "uren_per_week": "28,5",
        "startdatum": "2024-02-01",
        "einddatum": "",
        "gebieden": [str(gebied.pk)],
        "standaard_wijk": str(wijk.pk),
        "notities": "",
    }
    data.update(overrides)
    return data


def test_staff_form_creates_a_user_who_can_log_in_with_role_and_gebied(beheerder_client):
    gebied = GebiedFactory(naam="Waterkwartier")
    wijk = WijkFactory(naam="Waterkwartier", gebied=gebied)
    GebiedFactory(naam="Zuidwijken")

    response = beheerder_client.post(reverse("wijken:medewerker_create"), staff_post(gebied, wijk))

    assert response.status_code == 302, response.content.decode()[:2000]
    medewerker = Medewerker.objects.get(naam="Fatima el Amrani")
    user = medewerker.user
    assert (user.username, user.email, user.first_name, user.last_name) == (
        "fatima",
        "fatima@example.org",
        "Fatima",
        "el Amrani",
    )
    assert str(medewerker.uren_per_week) == "28.5"
    assert not user.is_staff and not user.is_superuser
    assert not user.has_usable_password()  # the person chooses it through the link

    # The beheerder sends the password link; the person sets a password with it.
    beheerder_client.post(reverse("wijken:medewerker_password_link", args=[medewerker.pk]))
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["fatima@example.org"]
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+)", mail.outbox[0].body).group(1)
    person = Client()
    form_url = person.get(link, follow=True).request["PATH_INFO"]
    set_password = person.post(
        form_url, {"new_password1": "Zomer-in-de-wijk-24", "new_password2": "Zomer-in-de-wijk-24"}
    )
    assert set_password.status_code == 302

    logged_in = person.post(
        reverse("login"), {"username": "fatima", "password": "Zomer-in-de-wijk-24"}
    )
    assert logged_in.status_code == 302
    assert logged_in["Location"] == reverse("pages:home")
    user = User.objects.get(username="fatima")
    assert role_of(user) == Role.MAKELAAR
    assert gebied_ids_for(user) == [gebied.pk]
    assert 'data-testid="home-makelaar"' in person.get(reverse("pages:home")).content.decode()


def test_staff_form_has_no_superuser_or_permission_fields(beheerder_client):
    html = beheerder_client.get(reverse("wijken:medewerker_create")).content.decode()
    for name in ("is_superuser", "is_staff", "user_permissions", 'name="groups"', 'name="password'):
        assert name not in html
    assert "---------" not in html


def test_staff_form_refuses_a_taken_user_name_in_dutch_and_keeps_input(beheerder_client):
    gebied = GebiedFactory()
    wijk = WijkFactory(gebied=gebied)
    make_user(Role.MAKELAAR, username="Fatima")

    response = beheerder_client.post(
        reverse("wijken:medewerker_create"), staff_post(gebied, wijk, naam="Fatima Tweede")
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Deze gebruikersnaam is al in gebruik" in html
    assert 'value="Fatima Tweede"' in html
    assert not Medewerker.objects.filter(naam="Fatima Tweede").exists()


def test_end_before_start_is_a_dutch_error_on_the_end_date(beheerder_client):
    gebied = GebiedFactory()
    wijk = WijkFactory(gebied=gebied)
    response = beheerder_client.post(
        reverse("wijken:medewerker_create"),
        staff_post(gebied, wijk, startdatum="2024-02-01", einddatum="2024-01-01"),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["einddatum"] == ["De einddatum ligt voor de begindatum."]


def test_editing_changes_role_and_a_stale_form_is_refused(beheerder_client):
    gebied = GebiedFactory()
    wijk = WijkFactory(gebied=gebied)
    beheerder_client.post(reverse("wijken:medewerker_create"), staff_post(gebied, wijk))
    medewerker = Medewerker.objects.get(naam="Fatima el Amrani")
    url = reverse("wijken:medewerker_update", args=[medewerker.pk])
    version = str(medewerker.version)

    first = beheerder_client.post(
        url, staff_post(gebied, wijk, role=Role.COORDINATOR.value, version=version)
    )
    assert first.status_code == 302
    assert role_of(User.objects.get(username="fatima")) == Role.COORDINATOR

    stale = beheerder_client.post(
        url, staff_post(gebied, wijk, naam="Overschreven", version=version)
    )
    assert stale.status_code == 409
    assert "intussen gewijzigd" in stale.content.decode()
    medewerker.refresh_from_db()
    assert medewerker.naam == "Fatima el Amrani"


def test_deactivate_and_reactivate_keep_the_records(beheerder_client):
    gebied = GebiedFactory()
    user = make_user(Role.MAKELAAR, gebied=gebied, username="vertrekt")
    medewerker = user.medewerker

    beheerder_client.post(reverse("wijken:medewerker_deactivate", args=[medewerker.pk]))
    user.refresh_from_db()
    assert not user.is_active
    assert Medewerker.objects.filter(pk=medewerker.pk, user=user).exists()
    assert not Client().login(username="vertrekt", password="x")

    beheerder_client.post(reverse("wijken:medewerker_reactivate", args=[medewerker.pk]))
    user.refresh_from_db()
    assert user.is_active


def test_an_account_without_staff_record_gets_one(beheerder_client):
    gebied = GebiedFactory()
    wijk = WijkFactory(gebied=gebied)
    account = make_user(Role.COORDINATOR, username="coord")
    listing = beheerder_client.get(reverse("wijken:medewerker_list")).content.decode()
    create_url = f"{reverse('wijken:medewerker_create')}?account={account.pk}"
    assert create_url.replace("&", "&amp;") in listing

    response = beheerder_client.post(
        create_url, staff_post(gebied, wijk, username="coord", role=Role.COORDINATOR.value)
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert Medewerker.objects.get(naam="Fatima el Amrani").user == account
    assert User.objects.filter(username="coord").count() == 1


def test_duplicate_cbs_code_is_a_dutch_sentence_on_its_field(beheerder_client):
    gebied = GebiedFactory()
    WijkFactory(naam="De Hoven", gebied=gebied, cbs_code="WK030101")

    response = beheerder_client.post(
        reverse("wijken:wijk_create"),
        {"naam": "Noordveen", "gebied": str(gebied.pk), "cbs_code": "wk030101", "inwoners": "3400"},
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["cbs_code"] == ["Een andere wijk heeft deze CBS-code al."]
    assert "Beperking" not in response.content.decode()
    assert not Wijk.objects.filter(naam="Noordveen").exists()


def test_beheerder_adds_a_district_and_theme(beheerder_client):
    gebied = GebiedFactory()
    response = beheerder_client.post(
        reverse("wijken:wijk_create"),
        {"naam": "Leesten", "gebied": str(gebied.pk), "cbs_code": "WK030107", "inwoners": "2100"},
    )
    assert response.status_code == 302
    assert Wijk.objects.get(naam="Leesten").inwoners == 2100
    response = beheerder_client.post(
        reverse("wijken:thema_create"), {"naam": "Jongeren", "actief": "on"}
    )
    assert response.status_code == 302


def test_a_broker_reaches_no_administration_page():
    client = Client()
    client.force_login(make_user(Role.MAKELAAR, gebied=GebiedFactory()))
    assert client.get(reverse("wijken:medewerker_list")).status_code == 403
    medewerker = MedewerkerFactory()
    response = client.post(reverse("wijken:medewerker_deactivate", args=[medewerker.pk]))
    assert response.status_code == 403


def test_the_admin_refuses_a_beheerder_but_not_a_superuser(beheerder_client):
    assert beheerder_client.get(reverse("admin:index")).status_code == 302
    superuser = make_user(None, username="root")
    superuser.is_staff = superuser.is_superuser = True
    superuser.save()
    client = Client()
    client.force_login(superuser)
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_admin_is_dutch_where_it_is_used():
    """Permission names and the pickers' buttons were English in the admin."""
    superuser = make_user(None, username="root")
    superuser.is_staff = superuser.is_superuser = True
    superuser.save()
    client = Client()
    client.force_login(superuser)
    page = client.get(reverse("admin:auth_user_change", args=[superuser.pk])).content.decode()
    assert "Can add" not in page and "Can change" not in page
    assert "Organisatie | Kan dubbele organisaties samenvoegen" in page
    assert "Activiteit | wijzigen" in page
    catalogue = client.get("/admin/jsi18n/").content.decode()
    assert '"Alle %s kiezen"' in catalogue
    assert '"Alle %s verwijderen"' in catalogue
