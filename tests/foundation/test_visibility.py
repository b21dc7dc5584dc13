"""Each role sees, through the visibility querysets, only what it may."""

import pytest
from django.contrib.auth.models import AnonymousUser

from buurtservice.models import Klus, Uitvoerder, sees_requester_data
from core.roles import Role, role_of
from initiatieven.models import Initiatief
from makelaars.models import Activiteit
from rapportage.models import Jaarrapportage
from tests.factories import (
    ActiviteitFactory,
    InitiatiefFactory,
    JaarrapportageFactory,
    KlusFactory,
    MedewerkerFactory,
    UitvoerderFactory,
    make_user,
)
from wijken.models import Wijk

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(gebied_a, gebied_b, wijk_a, wijk_b):
    """One record of each register in gebied A and in gebied B (the shared world)."""
    return {
        "noord": gebied_a,
        "zuid": gebied_b,
        "act_noord": ActiviteitFactory(wijk=wijk_a),
        "act_zuid": ActiviteitFactory(wijk=wijk_b),
        "ini_noord": InitiatiefFactory(wijk=wijk_a),
        "ini_zuid": InitiatiefFactory(wijk=wijk_b),
        "klus_noord": KlusFactory(wijk=wijk_a),
        "klus_zuid": KlusFactory(wijk=wijk_b),
        "uitvoerder": UitvoerderFactory(),
        "rapport": JaarrapportageFactory(jaar=2023),
    }


def test_broker_sees_only_own_gebied(world, makelaar):
    broker = makelaar
    assert list(Activiteit.objects.visible_to(broker)) == [world["act_noord"]]
    assert list(Initiatief.objects.visible_to(broker)) == [world["ini_noord"]]
    assert list(Klus.objects.visible_to(broker)) == [world["klus_noord"]]
    assert not Uitvoerder.objects.visible_to(broker).exists()
    assert not Jaarrapportage.objects.visible_to(broker).exists()
    assert set(Wijk.objects.of_user(broker)) == set(world["noord"].wijken.all())
    assert not sees_requester_data(broker)


def test_broker_of_two_gebieden_sees_both(world, makelaar):
    broker = makelaar
    broker.medewerker.gebieden.add(world["zuid"])
    broker = type(broker).objects.get(pk=broker.pk)  # fresh, uncached
    assert Activiteit.objects.visible_to(broker).count() == 2


def test_broker_edits_own_and_shared_activities_only(world, makelaar):
    broker = makelaar
    assert not Activiteit.objects.editable_by(broker).exists()
    own = ActiviteitFactory(wijk=world["act_noord"].wijk, aangemaakt_door=broker)
    shared = ActiviteitFactory(wijk=world["act_noord"].wijk)
    shared.medewerkers.add(broker.medewerker)
    assert set(Activiteit.objects.editable_by(broker)) == {own, shared}


def test_coordinator_sees_everything(world, coordinator):
    assert Activiteit.objects.visible_to(coordinator).count() == 2
    assert Activiteit.objects.editable_by(coordinator).count() == 2
    assert Initiatief.objects.visible_to(coordinator).count() == 2
    assert Klus.objects.visible_to(coordinator).count() == 2
    assert Uitvoerder.objects.visible_to(coordinator).count() == 1
    assert Jaarrapportage.objects.visible_to(coordinator).count() == 1
    assert sees_requester_data(coordinator)


def test_buurtservice_coordinator_sees_jobs_not_activities(world, buurtservice_user):
    user = buurtservice_user
    assert Klus.objects.visible_to(user).count() == 2
    assert Uitvoerder.objects.visible_to(user).count() == 1
    assert sees_requester_data(user)
    assert not Activiteit.objects.visible_to(user).exists()
    assert not Initiatief.objects.visible_to(user).exists()
    assert not Jaarrapportage.objects.visible_to(user).exists()


def test_admin_sees_everything(world, beheerder):
    admin = beheerder
    assert Activiteit.objects.visible_to(admin).count() == 2
    assert Klus.objects.visible_to(admin).count() == 2
    assert Jaarrapportage.objects.visible_to(admin).count() == 1


def test_anonymous_and_inactive_users_see_nothing(world):
    anonymous = AnonymousUser()
    for model in (Activiteit, Initiatief, Klus, Uitvoerder, Jaarrapportage):
        assert not model.objects.visible_to(anonymous).exists()
    inactive = make_user(Role.COORDINATOR, username="vertrokken")
    inactive.is_active = False
    inactive.save()
    assert not Activiteit.objects.visible_to(inactive).exists()


def test_user_without_role_sees_nothing(world):
    nobody = make_user(None)
    MedewerkerFactory(user=nobody, gebieden=[world["noord"]])
    assert role_of(nobody) is None
    assert not Activiteit.objects.visible_to(nobody).exists()
    assert not Klus.objects.visible_to(nobody).exists()


def test_primary_role_is_the_most_powerful_group():
    from django.contrib.auth.models import Group

    user = make_user(Role.MAKELAAR)
    user.groups.add(Group.objects.get(name=Role.COORDINATOR.value))
    user = type(user).objects.get(pk=user.pk)
    assert role_of(user) == Role.COORDINATOR
