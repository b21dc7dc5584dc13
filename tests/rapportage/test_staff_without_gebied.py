"""The check "staff without an area" lists brokers only: coordinators and the
Buurtservice work in every gebied and have none by design."""

import datetime

import pytest

from core.roles import Role
from rapportage.checks import staff_without_gebied
from tests.factories import MedewerkerFactory, make_user
from wijken.choices import Functie

pytestmark = pytest.mark.django_db

D = datetime.date


def test_only_roles_that_need_an_area_are_listed(coordinator):
    for naam, functie in (
        ("Makelaar Zondergebied", Functie.SOCIAAL_MAKELAAR),
        ("Mbo Zondergebied", Functie.MBO_SOCIAAL_MAKELAAR),
        ("Carla Coördinator", Functie.COORDINATOR),
        ("Bram Buurtservice", Functie.BUURTSERVICE),
    ):
        MedewerkerFactory(naam=naam, functie=functie, startdatum=D(2023, 1, 1), gebieden=[])
    # An account with the broker role needs an area whatever its function says.
    account = make_user(Role.MAKELAAR, username="rol-makelaar")
    MedewerkerFactory(
        naam="Rol Makelaar", functie=Functie.ANDERS, user=account, startdatum=D(2023, 1, 1)
    )
    check = staff_without_gebied(2023, user=coordinator)
    listed = sorted(item.label.split(" (")[0] for item in check.items)
    assert listed == ["Makelaar Zondergebied", "Mbo Zondergebied", "Rol Makelaar"]
    assert check.total == 3
