"""After all migrations, every role group holds exactly its declared permissions."""

import pytest
from django.contrib.auth.models import Group, Permission

from core.roles import ADMIN_APPS, ROLE_PERMISSIONS, Role, wanted_permissions

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", [r for r in Role if ROLE_PERMISSIONS[r] != ["__all__"]])
def test_role_has_exactly_its_permissions(role):
    group = Group.objects.get(name=role.value)
    actual = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert actual == wanted_permissions(role)


def test_admin_role_has_every_project_permission():
    group = Group.objects.get(name=Role.BEHEERDER.value)
    expected = Permission.objects.filter(content_type__app_label__in=ADMIN_APPS).count()
    assert group.permissions.count() == expected


def test_only_coordinators_and_admins_see_all_gebieden():
    holders = {g.name for g in Group.objects.filter(permissions__codename="view_all_gebieden")}
    assert holders == {Role.COORDINATOR.value, Role.BEHEERDER.value}
