"""Nobody changes an account with rights beyond their own, nor gives such rights.

A beheerder who could change a superuser's e-mail and send the password link
there took the account over. One rule (core.accounts) now answers for every
staff page, account service, two-step reset and the Django admin; these tests
try each of them, through the page and directly against the service.
"""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission, User
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.accounts import can_manage_account, deactivate_users, manageable_accounts
from core.roles import Role, role_of
from core.twofactor import reset_devices
from tests.factories import MedewerkerFactory, make_user
from wijken.models import Medewerker
from wijken.services import save_medewerker, send_password_link, set_account_active

pytestmark = pytest.mark.django_db

ROOT_EMAIL = "root@example.org"
TAKEOVER_EMAIL = "overname@example.org"


@pytest.fixture
def root(gebied_a):
    """A superuser who also works in the wijken, so has a staff record."""
    user = User.objects.create_superuser("root", email=ROOT_EMAIL, password="x-geheim-123")
    MedewerkerFactory(user=user, naam="Rob Root", gebieden=[gebied_a])
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def staff_post(medewerker: Medewerker, **changes) -> dict:
    """What the staff form of ``medewerker`` posts, with ``changes``."""
    user = medewerker.user
    data = {
        "naam": medewerker.naam,
        "username": user.username,
        "email": user.email,
        "role": "",
        "functie": medewerker.functie,
        "uren_per_week": "24",
        "startdatum": medewerker.startdatum.isoformat(),
        "einddatum": "",
        "gebieden": [str(pk) for pk in medewerker.gebieden.values_list("pk", flat=True)],
        "standaard_wijk": "",
        "notities": "",
        "version": str(medewerker.version),
    }
    data.update(changes)
    return data


def save_as(by, medewerker: Medewerker, **changes):
    """The staff service called directly by ``by``, the record as it is but ``changes``."""
    values = {
        "naam": medewerker.naam,
        "functie": medewerker.functie,
        "uren_per_week": medewerker.uren_per_week,
        "startdatum": medewerker.startdatum,
        "einddatum": None,
        "gebieden": list(medewerker.gebieden.all()),
        "username": medewerker.user.username,
        "email": medewerker.user.email,
        **changes,
    }
    return save_medewerker(medewerker=medewerker, by=by, **values)


def test_a_beheerder_cannot_touch_a_superuser_through_the_staff_pages(beheerder, root):
    client = client_for(beheerder)
    medewerker = root.medewerker
    update = reverse("wijken:medewerker_update", args=[medewerker.pk])

    assert client.get(update).status_code == 404
    posted = client.post(update, staff_post(medewerker, email=TAKEOVER_EMAIL))
    assert posted.status_code == 404
    for name in ("medewerker_deactivate", "medewerker_password_link"):
        assert client.post(reverse(f"wijken:{name}", args=[medewerker.pk])).status_code == 404
    assert client.post(reverse("twofactor_reset", args=[root.pk])).status_code == 404

    root.refresh_from_db()
    assert root.email == ROOT_EMAIL and root.is_active and root.is_superuser
    assert mail.outbox == []
    assert TOTPDevice.objects.filter(user=root).exists()

    # Once deactivated (by a superuser), a beheerder cannot bring it back either.
    User.objects.filter(pk=root.pk).update(is_active=False)
    reactivate = reverse("wijken:medewerker_reactivate", args=[medewerker.pk])
    assert client.post(reactivate).status_code == 404
    root.refresh_from_db()
    assert not root.is_active

    # The list names the record, without a way into it.
    listing = client.get(reverse("wijken:medewerker_list")).content.decode()
    assert "Rob Root" in listing and update not in listing
    assert "meer rechten dan jij" in listing


def test_a_superuser_manages_everyone_with_the_same_pages(beheerder, root, gebied_a):
    """The refusals above come from the rule, not from broken pages."""
    target = make_user(Role.BEHEERDER, gebied=gebied_a, username="collega")
    target.email = "collega@example.org"
    target.save()
    TOTPDevice.objects.filter(user=root).delete()  # no code step for this client
    client = client_for(root)
    medewerker = target.medewerker
    update = reverse("wijken:medewerker_update", args=[medewerker.pk])
    assert client.get(update).status_code == 200
    response = client.post(
        update, staff_post(medewerker, email="nieuw@example.org", role=Role.BEHEERDER.value)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.post(reverse("wijken:medewerker_password_link", args=[medewerker.pk]))
    assert mail.outbox[-1].to == ["nieuw@example.org"]
    client.post(reverse("wijken:medewerker_deactivate", args=[medewerker.pk]))
    target.refresh_from_db()
    assert not target.is_active


def test_the_services_refuse_what_the_pages_refuse(beheerder, root):
    medewerker = root.medewerker
    with pytest.raises(PermissionDenied):
        save_as(beheerder, medewerker, email=TAKEOVER_EMAIL)
    with pytest.raises(PermissionDenied):
        send_password_link(user=root, domain="testserver", use_https=True, by=beheerder)
    with pytest.raises(PermissionDenied):
        set_account_active(user=root, active=False, by=beheerder)
    with pytest.raises(PermissionDenied):
        reset_devices(user=root, by=beheerder)
    assert deactivate_users(users=User.objects.filter(pk=root.pk), by=beheerder) == 0

    root.refresh_from_db()
    assert root.email == ROOT_EMAIL and root.is_active
    assert mail.outbox == []
    assert TOTPDevice.objects.filter(user=root).exists()


@pytest.fixture
def personeelszaken(db):
    """An editor with the staff pages' rights on top of a coordinator's, but no beheerder."""
    user = make_user(Role.COORDINATOR, username="pz")
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["change_user", "add_user", "change_medewerker", "add_medewerker"]
        )
    )
    return User.objects.get(pk=user.pk)  # without cached permissions


def test_nobody_gives_a_role_beyond_their_own(personeelszaken, gebied_a):
    makelaar = make_user(Role.MAKELAAR, gebied=gebied_a, username="mk")
    makelaar.email = "mk@example.org"
    makelaar.save()
    assert can_manage_account(personeelszaken, makelaar)
    client = client_for(personeelszaken)
    update = reverse("wijken:medewerker_update", args=[makelaar.medewerker.pk])

    refused = client.post(update, staff_post(makelaar.medewerker, role=Role.BEHEERDER.value))
    assert refused.status_code == 200
    assert "Je kunt geen rol geven met rechten die jij niet hebt." in refused.content.decode()
    assert role_of(User.objects.get(pk=makelaar.pk)) == Role.MAKELAAR

    # A role within the editor's own rights is fine.
    allowed = client.post(update, staff_post(makelaar.medewerker, role=Role.COORDINATOR.value))
    assert allowed.status_code == 302
    assert role_of(User.objects.get(pk=makelaar.pk)) == Role.COORDINATOR

    # The service refuses it too, whatever page calls it.
    medewerker = Medewerker.objects.get(pk=makelaar.medewerker.pk)
    with pytest.raises(PermissionDenied):
        save_as(personeelszaken, medewerker, role=Role.BEHEERDER)
    assert role_of(User.objects.get(pk=makelaar.pk)) == Role.COORDINATOR


def test_an_editor_cannot_change_an_account_with_more_rights(personeelszaken, gebied_a):
    """Not only superusers: a beheerder has rights this editor lacks, so the
    e-mail (and with it the password link) stays out of reach."""
    target = make_user(Role.BEHEERDER, gebied=gebied_a, username="bea")
    client = client_for(personeelszaken)
    update = reverse("wijken:medewerker_update", args=[target.medewerker.pk])
    assert client.get(update).status_code == 404
    response = client.post(update, staff_post(target.medewerker, email=TAKEOVER_EMAIL))
    assert response.status_code == 404
    assert User.objects.get(pk=target.pk).email != TAKEOVER_EMAIL
    assert target not in manageable_accounts(personeelszaken)


def test_an_account_from_the_list_without_staff_record_follows_the_rule(beheerder):
    root = User.objects.create_superuser("zonderrecord", email=ROOT_EMAIL, password="x-geheim")
    client = client_for(beheerder)
    listing = client.get(reverse("wijken:medewerker_list")).content.decode()
    assert "zonderrecord" not in listing
    page = client.get(f"{reverse('wijken:medewerker_create')}?account={root.pk}")
    assert page.status_code == 200
    assert 'value="zonderrecord"' not in page.content.decode()


def test_the_admin_follows_the_same_rule(rf, beheerder, root):
    """The admin opens for superusers only; were it opened to a beheerder, it
    would still hide and refuse the superuser's account."""
    from core.admin import SterkeWijkenUserAdmin

    user_admin = SterkeWijkenUserAdmin(User, admin.site)
    request = rf.get("/admin/auth/user/")
    request.user = beheerder
    assert root not in user_admin.get_queryset(request)
    assert not user_admin.has_change_permission(request, root)
    assert not user_admin.has_delete_permission(request, root)
    request.user = root
    assert beheerder in user_admin.get_queryset(request)
    assert user_admin.has_change_permission(request, beheerder)


def test_the_admins_user_form_gives_no_role_beyond_the_editors(rf, personeelszaken, gebied_a):
    from core.admin import SterkeWijkenUserAdmin

    target = make_user(Role.MAKELAAR, gebied=gebied_a, username="mk")
    request = rf.get("/admin/auth/user/")
    request.user = personeelszaken
    form = SterkeWijkenUserAdmin(User, admin.site).get_form(request, target)(instance=target)
    form.cleaned_data = {"groups": Group.objects.filter(name=Role.BEHEERDER.value)}
    with pytest.raises(ValidationError) as refused:
        form.clean_groups()
    assert refused.value.messages == ["Je kunt geen rol geven met rechten die jij niet hebt."]
    form.cleaned_data = {"groups": Group.objects.filter(name=Role.MAKELAAR.value)}
    assert list(form.clean_groups()) == list(Group.objects.filter(name=Role.MAKELAAR.value))
