"""Two-factor login for the roles that see personal data (issue 14).

Codes are computed here the way an authenticator app does (RFC 6238) from the
key the set-up page shows, so the test can fail on a wrong key or a wrong check.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.roles import Role
from tests.factories import make_user

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "geheim-wachtwoord-123"
SECRET = re.compile(r'data-testid="twofactor-secret">([A-Z2-7 ]+)<')
CODES = re.compile(r'<li class="col">([a-z2-7]{8})</li>')


def totp(secret_b32: str, *, steps_ahead: int = 0, at: float | None = None) -> str:
    """The six-digit code an authenticator app shows for this key."""
    secret = secret_b32.replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    counter = int((at or time.time()) // 30) + steps_ahead
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


@pytest.fixture(autouse=True)
def enforced(settings):
    """As in production: no exemption for demo accounts."""
    settings.TWO_FACTOR_DEMO_EXEMPT = False


def password_login(client: Client, username: str, password: str = PASSWORD):
    return client.post(reverse("login"), {"username": username, "password": password})


def set_up(client: Client) -> tuple[str, list[str]]:
    """Set up the app on the set-up page; the key and the backup codes shown."""
    page = client.get(reverse("twofactor_setup"))
    assert page.status_code == 200
    secret = SECRET.search(page.content.decode()).group(1)
    response = client.post(reverse("twofactor_setup"), {"code": totp(secret)}, follow=True)
    assert response.status_code == 200
    codes = CODES.findall(response.content.decode())
    return secret, codes


def logged_in_fully(client: Client) -> bool:
    return client.get(reverse("pages:home")).status_code == 200


@pytest.mark.parametrize("role", [Role.BUURTSERVICE, Role.COORDINATOR, Role.BEHEERDER])
def test_the_roles_that_see_personal_data_must_set_up_an_app(role):
    make_user(role, username="medewerker")
    client = Client()
    response = password_login(client, "medewerker")
    assert response.status_code == 302
    home = client.get(reverse("pages:home"))
    assert home.status_code == 302
    assert home["Location"].startswith(reverse("twofactor_setup"))
    # Nothing else opens either, not even a list or the admin.
    for url in (reverse("buurtservice:wachtlijst"), "/admin/", reverse("twofactor_overview")):
        assert client.get(url).status_code == 302, url

    page = client.get(reverse("twofactor_setup")).content.decode()
    assert "<svg" in page and "<script" not in page.split("<svg", 1)[1].split("</svg>", 1)[0]
    secret, codes = set_up(client)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert logged_in_fully(client)


def test_a_wrong_code_at_set_up_is_refused_and_the_key_stays():
    make_user(Role.COORDINATOR, username="coord")
    client = Client()
    password_login(client, "coord")
    first = SECRET.search(client.get(reverse("twofactor_setup")).content.decode()).group(1)
    response = client.post(reverse("twofactor_setup"), {"code": "000000"})
    assert response.status_code == 200
    assert "niet juist" in response.content.decode()
    assert SECRET.search(response.content.decode()).group(1) == first
    assert not logged_in_fully(client)


def test_the_next_login_asks_for_the_code():
    make_user(Role.COORDINATOR, username="coord")
    client = Client()
    password_login(client, "coord")
    secret, _codes = set_up(client)
    client.post(reverse("logout"))

    client = Client()
    password_login(client, "coord")
    response = client.get(reverse("buurtservice:wachtlijst"))
    assert response["Location"].startswith(reverse("twofactor_verify"))
    response = client.post(
        reverse("twofactor_verify"),
        {"code": totp(secret, steps_ahead=1), "next": reverse("buurtservice:wachtlijst")},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("buurtservice:wachtlijst")
    assert logged_in_fully(client)


def test_a_backup_code_works_once():
    make_user(Role.BEHEERDER, username="beheer")
    client = Client()
    password_login(client, "beheer")
    _secret, codes = set_up(client)
    client.post(reverse("logout"))
    for expected in (True, False):
        client = Client()
        password_login(client, "beheer")
        client.post(reverse("twofactor_verify"), {"code": codes[0].upper()})
        assert logged_in_fully(client) is expected


def test_repeated_wrong_codes_lock_out(settings):
    make_user(Role.COORDINATOR, username="coord")
    client = Client()
    password_login(client, "coord")
    secret, _codes = set_up(client)
    client.post(reverse("logout"))

    attacker = Client()
    password_login(attacker, "coord")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = attacker.post(reverse("twofactor_verify"), {"code": "123456"})
        assert response.status_code == 200
    locked = attacker.post(reverse("twofactor_verify"), {"code": "123456"})
    assert locked.status_code == 429
    assert "Te veel mislukte inlogpogingen" in locked.content.decode()
    assert "_auth_user_id" not in attacker.session  # logged out

    # Locked means locked: the right password and the right code do not help now.
    assert password_login(attacker, "coord").status_code == 429
    again = Client()
    assert password_login(again, "coord").status_code == 429


def test_a_known_password_buys_no_fresh_guesses_at_the_code(settings):
    make_user(Role.COORDINATOR, username="coord")
    client = Client()
    password_login(client, "coord")
    set_up(client)
    client.post(reverse("logout"))

    attacker = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert password_login(attacker, "coord").status_code == 302
        assert attacker.post(reverse("twofactor_verify"), {"code": "654321"}).status_code == 200
        attacker.post(reverse("logout"))
    # Each right password would otherwise start the count anew: it goes on over logins.
    assert password_login(attacker, "coord").status_code == 302
    assert attacker.post(reverse("twofactor_verify"), {"code": "654321"}).status_code == 429
    assert password_login(attacker, "coord").status_code == 429


def test_a_complete_login_resets_the_count(settings):
    user = make_user(Role.COORDINATOR, username="coord")
    client = Client()
    password_login(client, "coord")
    secret, _codes = set_up(client)
    client.post(reverse("logout"))
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        password_login(Client(), "coord", "fout")
    client = Client()
    password_login(client, "coord")
    client.post(reverse("twofactor_verify"), {"code": totp(secret, steps_ahead=1)})
    assert logged_in_fully(client)
    client.post(reverse("logout"))
    # The count starts again: four more wrong passwords do not lock the account.
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        password_login(Client(), "coord", "fout")
    assert password_login(Client(), user.username).status_code == 302


def test_optional_for_brokers_but_asked_once_set_up():
    make_user(Role.MAKELAAR, username="mk")
    client = Client()
    password_login(client, "mk")
    assert logged_in_fully(client)
    overview = client.get(reverse("twofactor_overview")).content.decode()
    assert "optioneel" in overview
    secret, codes = set_up(client)
    assert len(codes) == 10
    client.post(reverse("logout"))
    client = Client()
    password_login(client, "mk")
    assert not logged_in_fully(client)
    client.post(reverse("twofactor_verify"), {"code": totp(secret, steps_ahead=1)})
    assert logged_in_fully(client)


def test_demo_accounts_in_development_need_no_app(settings):
    settings.TWO_FACTOR_DEMO_EXEMPT = True
    make_user(Role.COORDINATOR, username="coordinator")
    client = Client()
    password_login(client, "coordinator")
    assert logged_in_fully(client)


def test_production_refuses_the_demo_exemption_and_has_it_off():
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": "test-only-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "wijken.example.nl",
        "DATABASE_URL": "postgres://u:p@localhost:5432/db",
        "DJANGO_SETTINGS_MODULE": "sterkewijken.settings",
    }
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.TWO_FACTOR_DEMO_EXEMPT)"
    )
    default = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert default.returncode == 0, default.stderr
    assert default.stdout.strip() == "False"
    refused = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, "TWO_FACTOR_DEMO_EXEMPT": "true"},
        capture_output=True,
        text=True,
    )
    assert refused.returncode != 0
    assert "TWO_FACTOR_DEMO_EXEMPT cannot be used" in refused.stderr


# --- a beheerder resets a lost device -----------------------------------------------


def verified_client(user) -> Client:
    """A logged-in client that has passed the second step (its app set up here)."""
    client = Client()
    client.force_login(user)
    set_up(client)
    return client


def test_a_beheerder_resets_a_colleagues_lost_device():
    beheerder = make_user(Role.BEHEERDER, username="beheer")
    coordinator = make_user(Role.COORDINATOR, username="coord")
    colleague = Client()
    password_login(colleague, "coord")
    set_up(colleague)
    assert TOTPDevice.objects.filter(user=coordinator).exists()

    admin = verified_client(beheerder)
    page = admin.get(reverse("twofactor_reset_list"))
    assert page.status_code == 200
    assert 'data-testid="twofactor-user-coord"' in page.content.decode()
    response = admin.post(reverse("twofactor_reset", args=[coordinator.pk]), follow=True)
    assert "opnieuw" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=coordinator).exists()
    assert not StaticToken.objects.filter(device__user=coordinator).exists()
    # The colleague's open session has ended: the password first, then a new app.
    assert colleague.get(reverse("pages:home"))["Location"].startswith(reverse("login"))
    password_login(colleague, "coord")
    assert colleague.get(reverse("pages:home"))["Location"].startswith(reverse("twofactor_setup"))


def test_only_beheerders_reset_and_not_their_own_or_a_superusers_device():
    beheerder = make_user(Role.BEHEERDER, username="beheer")
    coordinator = make_user(Role.COORDINATOR, username="coord")
    from django.contrib.auth.models import User

    root = User.objects.create_superuser("root", password=PASSWORD)
    verified_client(root)
    coord_client = verified_client(coordinator)
    assert coord_client.get(reverse("twofactor_reset_list")).status_code == 403
    assert coord_client.post(reverse("twofactor_reset", args=[beheerder.pk])).status_code == 403

    admin = verified_client(beheerder)
    assert "root" not in admin.get(reverse("twofactor_reset_list")).content.decode()
    assert admin.post(reverse("twofactor_reset", args=[root.pk])).status_code == 404
    assert admin.post(reverse("twofactor_reset", args=[beheerder.pk])).status_code == 404
    assert TOTPDevice.objects.filter(user__in=[root, beheerder]).count() == 2
    # A superuser must use two-step login as well, and may reset a beheerder.
    root_client = Client()
    password_login(root_client, "root")
    assert root_client.get("/admin/")["Location"].startswith(reverse("twofactor_verify"))


# --- the secret of a set-up exists in one session only -------------------------------


def setup_secret(client: Client) -> str:
    return SECRET.search(client.get(reverse("twofactor_setup")).content.decode()).group(1)


def test_two_set_up_sessions_of_one_account_get_different_secrets():
    make_user(Role.COORDINATOR, username="coord")
    first, second = Client(), Client()
    password_login(first, "coord")
    password_login(second, "coord")
    assert setup_secret(first) != setup_secret(second)
    # Within one session the secret stays while the person scans and types.
    assert setup_secret(first) == setup_secret(first)
    assert not TOTPDevice.objects.filter(user__username="coord").exists()


def test_a_secret_seen_in_another_session_is_no_second_factor():
    """Whoever saw a set-up page (a colleague at the desk, an old session) holds
    nothing once the person confirms their own."""
    make_user(Role.COORDINATOR, username="coord")
    onlooker, person = Client(), Client()
    password_login(onlooker, "coord")
    seen = setup_secret(onlooker)
    password_login(person, "coord")
    secret, codes = set_up(person)
    assert codes and seen != secret

    attempt = Client()
    password_login(attempt, "coord")
    response = attempt.post(reverse("twofactor_verify"), {"code": totp(seen, steps_ahead=1)})
    assert response.status_code == 200 and not logged_in_fully(attempt)
    # The onlooker's own set-up page cannot confirm it any more either.
    onlooker.post(reverse("twofactor_setup"), {"code": totp(seen)})
    assert not logged_in_fully(onlooker)
    assert TOTPDevice.objects.filter(user__username="coord").count() == 1
    attempt.post(reverse("twofactor_verify"), {"code": totp(secret, steps_ahead=1)})
    assert logged_in_fully(attempt)


# --- a reset ends the sessions and is recorded ----------------------------------------


def test_after_a_reset_the_old_session_cannot_set_up_a_new_app():
    """A phone that was lost while logged in: after the reset its session needs the
    password before it can register an app of its own."""
    beheerder = make_user(Role.BEHEERDER, username="beheer")
    coordinator = make_user(Role.COORDINATOR, username="coord")
    lost_phone = Client()
    password_login(lost_phone, "coord")
    set_up(lost_phone)
    assert logged_in_fully(lost_phone)

    verified_client(beheerder).post(reverse("twofactor_reset", args=[coordinator.pk]))

    page = lost_phone.get(reverse("twofactor_setup"))
    assert page.status_code == 302 and page["Location"].startswith(reverse("login"))
    lost_phone.post(reverse("twofactor_setup"), {"code": "123456"})
    assert not TOTPDevice.objects.filter(user=coordinator).exists()
    assert not logged_in_fully(lost_phone)


def test_a_reset_is_in_the_audit_trail_and_the_log(caplog):
    beheerder = make_user(Role.BEHEERDER, username="beheer")
    beheerder.first_name, beheerder.last_name = "Bea", "Heer"
    beheerder.save()
    coordinator = make_user(Role.COORDINATOR, username="coord")
    verified_client(coordinator)
    admin = verified_client(beheerder)
    with caplog.at_level("INFO", logger="core.twofactor"):
        admin.post(reverse("twofactor_reset", args=[coordinator.pk]))

    record = coordinator.history.latest("history_date")
    assert record.history_user == beheerder
    assert record.history_change_reason == "Two-step login reset"
    history = admin.get(reverse("audit:geschiedenis", args=["user", coordinator.pk]))
    page = history.content.decode()
    assert "Tweestapsverificatie hersteld" in page and "Bea Heer" in page

    lines = [r.getMessage() for r in caplog.records if r.name == "core.twofactor"]
    assert lines == [f"two-step login of account {coordinator.pk} reset by {beheerder.pk}"]
    assert "coord" not in lines[0] and "beheer" not in lines[0]
