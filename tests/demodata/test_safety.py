"""``demodata`` cannot hurt: not in production, and existing accounts keep their
password and rights."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command

from core.roles import Role, role_of
from tests.factories import make_user
from wijken.models import Gebied

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "demo-wachtwoord"


def test_refuses_in_production_and_changes_nothing(db, settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="DJANGO_ENV=production"):
        call_command("demodata", verbosity=0)
    assert not User.objects.exists()
    assert not Gebied.objects.exists()


def test_refuses_with_a_non_zero_exit_from_the_command_line(tmp_path):
    """The real command line with production settings: exit code 1, a clear
    message, and the database is not even opened."""
    database = tmp_path / "productie.sqlite3"
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": "test-only-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "wijken.example.org",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "demodata"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DJANGO_ENV=production" in result.stderr
    assert "Er is niets gewijzigd" in result.stderr
    assert not database.exists()


def test_an_existing_account_keeps_its_password_and_rights(db, client):
    """A real 'beheerder' with its own password, and a 'makelaar' account that is
    not a broker: demodata leaves both alone and says so."""
    beheerder = make_user(Role.COORDINATOR, username="beheerder")
    beheerder.set_password("eigen-sterk-wachtwoord")
    beheerder.is_staff = False
    beheerder.save()
    makelaar = make_user(None, username="makelaar")
    makelaar.set_password("ook-eigen")
    makelaar.save()

    out = io.StringIO()
    call_command("demodata", stdout=out)

    beheerder.refresh_from_db()
    assert beheerder.check_password("eigen-sterk-wachtwoord")
    assert not beheerder.check_password(PASSWORD)
    assert not beheerder.is_staff
    assert list(beheerder.groups.values_list("name", flat=True)) == [Role.COORDINATOR.value]
    makelaar = User.objects.get(username="makelaar")
    assert makelaar.check_password("ook-eigen")
    assert role_of(makelaar) is None
    assert not hasattr(makelaar, "medewerker")  # not linked to a demo broker either
    assert not client.login(username="beheerder", password=PASSWORD)

    output = out.getvalue()
    assert "Bestonden al en zijn niet gewijzigd (wachtwoord en rechten): makelaar, beheerder" in (
        output
    )
    # The missing demo accounts are created, with the demo password and their role.
    assert "Nieuw aangemaakt: makelaar.zuid, buurtservice, coordinator." in output
    coordinator = User.objects.get(username="coordinator")
    assert coordinator.check_password(PASSWORD)
    assert role_of(coordinator) == Role.COORDINATOR


def test_a_second_run_leaves_a_changed_demo_password_alone(db, client):
    call_command("demodata", verbosity=0)
    user = User.objects.get(username="makelaar")
    user.set_password("iets-anders")
    user.groups.set([Group.objects.get(name=Role.COORDINATOR.value)])
    user.save()
    call_command("demodata", verbosity=0)
    assert client.login(username="makelaar", password="iets-anders")
    assert role_of(User.objects.get(username="makelaar")) == Role.COORDINATOR
