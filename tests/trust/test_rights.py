"""Who got which rights is in the audit trail; only a superuser grants superuser rights.

Issue 14, findings 6 and 7: deactivating users with the admin action (one
``.update()``) left no history, a role change recorded only a meaningless date
change, every successful login wrote a history row, and a beheerder could make
themselves superuser and change what a role may do. The Django admin now opens
for superusers only; its user and group pages would still refuse a beheerder.
"""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.roles import Role
from tests.factories import make_user

pytestmark = pytest.mark.django_db
PASSWORD = "geheim-wachtwoord-123"


@pytest.fixture
def beheerder():
    user = make_user(Role.BEHEERDER, username="beheerder")
    user.first_name, user.last_name, user.is_staff = "Bea", "Heer", True
    user.save()
    return user


@pytest.fixture
def admin_user():
    """Who works in the Django admin: a superuser (created on the server)."""
    user = User.objects.create_superuser("bea", password=PASSWORD)
    user.first_name, user.last_name = "Bea", "Heer"
    user.save()
    return user


@pytest.fixture
def superuser():
    return User.objects.create_superuser("root", password=PASSWORD)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def history_page(client, user) -> str:
    response = client.get(reverse("audit:geschiedenis", args=["user", user.pk]))
    assert response.status_code == 200
    return response.content.decode()


def change_form_data(client, user, **changes) -> dict:
    """What the admin's change form of ``user`` would post, with ``changes``."""
    response = client.get(reverse("admin:auth_user_change", args=[user.pk]))
    assert response.status_code == 200
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if name in changes:
            value = changes[name]
        if value is None or value is False:
            continue
        if value is True:
            value = "on"
        if hasattr(value, "all"):
            value = value.all()
        if isinstance(value, list | tuple) or hasattr(value, "model"):
            value = [getattr(obj, "pk", obj) for obj in value]
        if name in ("date_joined", "last_login") and value:
            value = timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S")
            data[f"{name}_0"], data[f"{name}_1"] = value.split(" ")
            continue
        if name == "password":
            continue
        data[name] = value
    return data


# --- the audit trail covers rights ------------------------------------------------


def test_deactivation_by_the_admin_action_is_in_the_users_history(admin_user):
    makelaar = make_user(Role.MAKELAAR, username="vertrekker")
    admin_client = client_for(admin_user)
    admin_client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "deactivate", "_selected_action": [makelaar.pk]},
    )
    record = makelaar.history.latest("history_date")
    assert record.is_active is False
    assert record.history_user == admin_user

    page = history_page(admin_client, makelaar)
    assert "Bea Heer" in page
    assert "Actief" in page
    assert "ja" in page and "nee" in page


def test_role_change_in_the_admin_is_recorded_with_who(admin_user):
    makelaar = make_user(Role.MAKELAAR, username="promotie")
    admin_client = client_for(admin_user)
    coordinator = Group.objects.get(name=Role.COORDINATOR.value)
    data = change_form_data(admin_client, makelaar, groups=[coordinator.pk])
    response = admin_client.post(reverse("admin:auth_user_change", args=[makelaar.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert list(makelaar.groups.values_list("name", flat=True)) == [Role.COORDINATOR.value]

    latest = makelaar.history.latest("history_date")
    assert latest.history_user == admin_user
    assert [row.group.name for row in latest.groups.all()] == [Role.COORDINATOR.value]
    page = history_page(admin_client, makelaar)
    assert "Groepen" in page
    assert Role.MAKELAAR.value in page and Role.COORDINATOR.value in page
    assert "Bea Heer" in page


def test_activation_and_roles_given_from_the_groups_side_are_recorded(beheerder):
    user = make_user(None, username="nieuw")
    user.is_active = False
    user.save()
    before = user.history.count()
    Group.objects.get(name=Role.BUURTSERVICE.value).user_set.add(user)
    user.is_active = True
    user.save()
    records = list(user.history.order_by("history_date", "history_id"))[before:]
    assert [[row.group.name for row in record.groups.all()] for record in records] == [
        [Role.BUURTSERVICE.value],
        [Role.BUURTSERVICE.value],
    ]
    assert [record.is_active for record in records] == [False, True]
    Group.objects.get(name=Role.BUURTSERVICE.value).user_set.clear()
    assert list(user.history.latest("history_date").groups.all()) == []


def test_a_successful_login_writes_no_history_but_a_failed_one_is_counted():
    user = make_user(Role.MAKELAAR, username="anna")
    before = user.history.count()
    client = Client()
    response = client.post(reverse("login"), {"username": "anna", "password": PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.last_login is not None  # the login itself worked and was noted on the user
    assert user.history.count() == before

    Client().post(reverse("login"), {"username": "anna", "password": "fout"})
    assert AccessAttempt.objects.filter(username="anna").exists()
    assert user.history.count() == before


# --- least privilege ----------------------------------------------------------------


def test_a_beheerder_cannot_make_themselves_superuser(beheerder):
    admin_client = client_for(beheerder)
    url = reverse("admin:auth_user_change", args=[beheerder.pk])
    assert admin_client.get(url)["Location"].startswith(reverse("admin:login"))
    response = admin_client.post(url, {"username": "beheerder", "is_superuser": "on"})
    assert response.status_code == 302
    beheerder.refresh_from_db()
    assert beheerder.is_superuser is False


def test_a_beheerder_cannot_change_what_a_role_may_do(beheerder):
    admin_client = client_for(beheerder)
    group = Group.objects.get(name=Role.MAKELAAR.value)
    before = set(group.permissions.values_list("pk", flat=True))
    url = reverse("admin:auth_group_change", args=[group.pk])
    response = admin_client.post(url, {"name": group.name, "permissions": []})
    assert response["Location"].startswith(reverse("admin:login"))
    assert set(group.permissions.values_list("pk", flat=True)) == before
    admin_client.post(reverse("admin:auth_group_add"), {"name": "Eigen rol"})
    assert not Group.objects.filter(name="Eigen rol").exists()


def test_the_admin_pages_themselves_refuse_staff_that_is_no_superuser(rf, beheerder, superuser):
    """Defence in depth, should the admin open to other staff again."""
    from django.contrib import admin

    request = rf.get("/")
    request.user = beheerder
    user_admin = admin.site._registry[User]
    group_admin = admin.site._registry[Group]
    fields = {
        name
        for _title, options in user_admin.get_fieldsets(request, beheerder)
        for name in options["fields"]
    }
    assert "is_superuser" not in fields and "user_permissions" not in fields
    assert "groups" in fields  # giving roles stays possible
    assert not group_admin.has_change_permission(request, Group.objects.first())
    assert not group_admin.has_add_permission(request)
    assert not user_admin.has_change_permission(request, superuser)
    assert superuser not in user_admin.get_queryset(request)


def test_a_superuser_still_can(superuser):
    makelaar = make_user(Role.MAKELAAR, username="opschalen")
    root = client_for(superuser)
    page = root.get(reverse("admin:auth_user_change", args=[makelaar.pk])).content.decode()
    assert 'name="is_superuser"' in page
    data = change_form_data(root, makelaar, is_superuser=True)
    assert root.post(reverse("admin:auth_user_change", args=[makelaar.pk]), data).status_code == 302
    makelaar.refresh_from_db()
    assert makelaar.is_superuser
    assert makelaar.history.latest("history_date").history_user == superuser


def test_deactivation_reactivation_and_role_change_in_the_app_are_recorded(beheerder):
    from wijken.services import set_account_active, set_role

    user = make_user(Role.MAKELAAR, username="wisselaar")
    assert set_account_active(user=user, active=False, by=beheerder)
    assert set_account_active(user=user, active=True, by=beheerder)
    records = list(user.history.order_by("-history_date", "-history_id")[:2])
    assert [record.is_active for record in records] == [True, False]
    assert {record.history_user for record in records} == {beheerder}

    set_role(user=user, role=Role.BUURTSERVICE, by=beheerder)
    latest = user.history.latest("history_date")
    assert [row.group.name for row in latest.groups.all()] == [Role.BUURTSERVICE.value]
