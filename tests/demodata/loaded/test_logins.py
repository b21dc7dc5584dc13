"""Each demo user can log in with the documented password and has its role."""

import pytest
from django.contrib.auth.models import User

from core.roles import Role, role_of
from core.visibility import gebied_ids_for

PASSWORD = "demo-wachtwoord"

pytestmark = pytest.mark.usefixtures("demo")


@pytest.mark.parametrize(
    ("username", "role"),
    [
        ("makelaar", Role.MAKELAAR),
        ("makelaar.zuid", Role.MAKELAAR),
        ("buurtservice", Role.BUURTSERVICE),
        ("coordinator", Role.COORDINATOR),
        ("beheerder", Role.BEHEERDER),
    ],
)
def test_demo_user_logs_in_and_has_its_role(client, username, role):
    assert client.login(username=username, password=PASSWORD)
    user = User.objects.get(username=username)
    assert role_of(user) == role
    assert user.first_name and user.last_name


def test_only_the_beheerder_is_staff():
    assert list(User.objects.filter(is_staff=True).values_list("username", flat=True)) == [
        "beheerder"
    ]


def test_brokers_are_linked_to_a_broker_in_their_gebied():
    makelaar = User.objects.get(username="makelaar")
    assert makelaar.medewerker.functie == "sociaal_makelaar"
    assert makelaar.medewerker.standaard_wijk.naam == "Waterkwartier"
    assert [g.naam for g in makelaar.medewerker.gebieden.all()] == ["Waterkwartier"]
    zuid = User.objects.get(username="makelaar.zuid")
    assert zuid.medewerker.standaard_wijk.naam == "Zuidwijken"
    assert [g.naam for g in zuid.medewerker.gebieden.all()] == ["Zuidwijken – Warnsveld – Leesten"]
    assert gebied_ids_for(makelaar) != gebied_ids_for(zuid)


def test_coordinator_and_buurtservice_have_staff_records():
    assert User.objects.get(username="coordinator").medewerker.functie == "coordinator"
    assert User.objects.get(username="buurtservice").medewerker.functie == "buurtservice"
