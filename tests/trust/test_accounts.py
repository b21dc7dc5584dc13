"""Accounts: lockout after failed logins, session expiry, secure cookies in
production, the Content-Security-Policy, and deactivating users."""

from __future__ import annotations

import datetime
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.roles import Role
from makelaars.models import Activiteit
from tests.factories import ActiviteitFactory, make_user
from wijken.models import Medewerker

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "geheim-wachtwoord-123"
LOGIN = "/accounts/login/"
NOW = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def attempt(client: Client, username: str, password: str):
    return client.post(LOGIN, {"username": username, "password": password})


def logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


# --- lockout -------------------------------------------------------------------


def test_five_wrong_passwords_lock_the_user_name_out_for_half_an_hour(settings):
    user = make_user(Role.MAKELAAR, username="anna")
    client = Client()
    with time_machine.travel(NOW, tick=False) as traveller:
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert attempt(client, "anna", "fout").status_code == 200  # form with an error
        locked = attempt(client, "anna", "fout")
        assert locked.status_code == 429
        page = locked.content.decode()
        assert "Te veel mislukte inlogpogingen" in page
        assert "30 minuten" in page
        assert "beheerder" in page

        # Even the right password is refused now, and no session is made.
        assert attempt(client, "anna", PASSWORD).status_code == 429
        assert not logged_in(client)

        traveller.shift(datetime.timedelta(minutes=29))
        assert attempt(client, "anna", PASSWORD).status_code == 429

        traveller.shift(datetime.timedelta(minutes=2))
        response = attempt(client, "anna", PASSWORD)
        assert response.status_code == 302
        assert logged_in(client)
        assert int(client.session["_auth_user_id"]) == user.pk


def test_lockout_is_per_user_name_and_address(settings):
    make_user(Role.MAKELAAR, username="anna")
    make_user(Role.MAKELAAR, username="bert")
    attacker = Client(REMOTE_ADDR="10.0.0.66")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(attacker, "anna", "fout")
    assert attempt(attacker, "anna", PASSWORD).status_code == 429

    # Another user name from the same address, and anna from her own desk, still work.
    assert attempt(attacker, "bert", PASSWORD).status_code == 302
    colleague = Client(REMOTE_ADDR="10.0.0.7")
    assert attempt(colleague, "anna", PASSWORD).status_code == 302


def test_a_successful_login_resets_the_count(settings):
    make_user(Role.MAKELAAR, username="anna")
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "anna", "fout")
    assert attempt(client, "anna", PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "anna", "fout")
    assert attempt(client, "anna", PASSWORD).status_code == 302


def test_the_test_clients_login_still_works():
    make_user(Role.MAKELAAR, username="anna")
    client = Client()
    assert client.login(username="anna", password=PASSWORD)
    assert client.get(reverse("pages:home")).status_code == 200
    assert not Client().login(username="anna", password="fout")


# --- sessions and cookies ------------------------------------------------------------


def test_session_ends_at_browser_close_and_after_the_cookie_age(settings):
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    make_user(Role.MAKELAAR, username="anna")
    client = Client()
    with time_machine.travel(NOW, tick=False) as traveller:
        response = attempt(client, "anna", PASSWORD)
        cookie = response.cookies[settings.SESSION_COOKIE_NAME]
        assert cookie["expires"] == "" and cookie["max-age"] == ""  # a browser-session cookie
        assert client.get(reverse("pages:home")).status_code == 200

        traveller.shift(datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE - 60))
        assert client.get(reverse("pages:home")).status_code == 200

        traveller.shift(datetime.timedelta(seconds=120))
        response = client.get(reverse("pages:home"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_stay_logged_in_keeps_the_session_for_a_working_week(settings):
    make_user(Role.MAKELAAR, username="anna")
    client = Client()
    assert 'name="ingelogd_blijven"' in client.get(LOGIN).content.decode()
    with time_machine.travel(NOW, tick=False) as traveller:
        response = client.post(
            LOGIN, {"username": "anna", "password": PASSWORD, "ingelogd_blijven": "on"}
        )
        cookie = response.cookies[settings.SESSION_COOKIE_NAME]
        assert int(cookie["max-age"]) == settings.SESSION_REMEMBER_AGE >= 5 * 24 * 60 * 60
        assert cookie["expires"]  # a lasting cookie, kept when the browser closes

        # Monday morning to Friday evening, without logging in again.
        traveller.shift(datetime.timedelta(days=4, hours=10))
        assert client.get(reverse("pages:home")).status_code == 200
        traveller.shift(datetime.timedelta(days=3))
        assert client.get(reverse("pages:home")).status_code == 302


def production_settings(**extra: str) -> dict:
    """Security settings as Django sees them with DJANGO_ENV=production."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env = {
        **clean,
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789" * 2,
        "DJANGO_ALLOWED_HOSTS": "sterkewijken.example.org",
        "DATABASE_URL": "sqlite:////tmp/sw-accounts-check.sqlite3",
        "DJANGO_SETTINGS_MODULE": "sterkewijken.settings",
        **extra,
    }
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({n: getattr(s, n, None) for n in ["
        "'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_HSTS_SECONDS', "
        "'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_SSL_REDIRECT', 'SESSION_COOKIE_AGE', "
        "'SESSION_EXPIRE_AT_BROWSER_CLOSE', 'DEBUG', 'AXES_FAILURE_LIMIT', "
        "'TRUSTED_PROXIES']}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_has_secure_cookies_and_hsts():
    prod = production_settings()
    assert prod["SESSION_COOKIE_SECURE"] is True
    assert prod["CSRF_COOKIE_SECURE"] is True
    assert prod["SECURE_HSTS_SECONDS"] >= 365 * 24 * 60 * 60
    assert prod["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert prod["SECURE_SSL_REDIRECT"] is True
    assert prod["SESSION_EXPIRE_AT_BROWSER_CLOSE"] is True
    assert prod["DEBUG"] is False
    assert prod["AXES_FAILURE_LIMIT"] == 5


def test_no_proxy_is_trusted_by_default_in_any_mode(settings):
    assert settings.TRUSTED_PROXIES == []
    assert production_settings()["TRUSTED_PROXIES"] == []
    assert production_settings(TRUSTED_PROXIES="10.0.0.2, 10.1.0.0/16")["TRUSTED_PROXIES"] == [
        "10.0.0.2",
        "10.1.0.0/16",
    ]


def test_a_bad_proxy_address_fails_loudly():
    env = {**os.environ, "TRUSTED_PROXIES": "10.0.0.2,nginx"}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "sterkewijken.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "TRUSTED_PROXIES must list IP addresses or networks" in result.stderr


def test_behind_a_trusted_proxy_the_lockout_counts_the_real_client(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    make_user(Role.MAKELAAR, username="anna")
    # The attacker forges a first entry; the proxy appends the real address.
    attacker = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.66")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(attacker, "anna", "fout")
    assert attempt(attacker, "anna", PASSWORD).status_code == 429
    forged = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.66")
    assert attempt(forged, "anna", PASSWORD).status_code == 429
    # Two proxies (a load balancer, then nginx): both are skipped from the right.
    chained = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="8.8.8.8, 203.0.113.66, 10.0.0.7")
    assert attempt(chained, "anna", PASSWORD).status_code == 429
    # Anna herself comes through the same proxy from another address.
    anna = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert attempt(anna, "anna", PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("remote", "forwarded", "trusted", "client"),
    [
        ("203.0.113.9", "1.1.1.1", [], "203.0.113.9"),
        # Not from a trusted proxy: the header is the client's own word, ignored.
        ("203.0.113.9", "1.1.1.1", ["10.0.0.1"], "203.0.113.9"),
        ("10.0.0.1", "1.1.1.1, 2.2.2.2", ["10.0.0.1"], "2.2.2.2"),
        ("10.0.0.1", "1.1.1.1, 10.0.0.5", ["10.0.0.0/24"], "1.1.1.1"),
        ("10.0.0.1", "", ["10.0.0.1"], "10.0.0.1"),
        ("10.0.0.1", "10.0.0.3, 10.0.0.2", ["10.0.0.0/24"], "10.0.0.3"),
        ("10.0.0.1", "1.1.1.1, rommel", ["10.0.0.1"], "10.0.0.1"),
        ("::1", "2001:db8::5", ["::1"], "2001:db8::5"),
    ],
)
def test_the_client_is_the_right_most_address_that_is_not_a_trusted_proxy(
    rf, settings, remote, forwarded, trusted, client
):
    from core.auth import client_ip

    settings.TRUSTED_PROXIES = trusted
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == client


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    make_user(Role.MAKELAAR, username="anna")
    for number in range(settings.AXES_FAILURE_LIMIT):
        # A new forged address each time does not escape the count.
        client = Client(REMOTE_ADDR="203.0.113.66", HTTP_X_FORWARDED_FOR=f"10.1.1.{number}")
        attempt(client, "anna", "fout")
    again = Client(REMOTE_ADDR="203.0.113.66", HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert attempt(again, "anna", PASSWORD).status_code == 429


# Run in a production-mode process of its own against a fresh SQLite file: the
# attack of finding 4 (gunicorn reached directly, a new X-Forwarded-For on every
# attempt), then the locked account tried with yet another header value.
PRODUCTION_ATTACK = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client, override_settings
# Pages are rendered without collectstatic's manifest; nothing else changes.
override_settings(
    STORAGES={**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
    }}
).enable()
User.objects.create_user("anna", password="geheim-wachtwoord-123")
codes = []
for attempt in range(12):
    client = Client(REMOTE_ADDR="203.0.113.66", HTTP_X_FORWARDED_FOR=f"198.51.100.{attempt}")
    response = client.post(
        "/accounts/login/", {"username": "anna", "password": "fout"}, secure=True
    )
    codes.append(response.status_code)
client = Client(REMOTE_ADDR="203.0.113.66", HTTP_X_FORWARDED_FOR="192.0.2.200")
right = client.post(
    "/accounts/login/", {"username": "anna", "password": "geheim-wachtwoord-123"}, secure=True
)
import json
print(json.dumps([settings.PRODUCTION, settings.AXES_FAILURE_LIMIT, codes, right.status_code,
                  "_auth_user_id" in client.session]))
"""


def test_rotating_forwarded_for_in_production_still_locks_out(tmp_path):
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": "test-only-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "sterkewijken.settings",
    }
    env.pop("TRUSTED_PROXIES", None)
    result = subprocess.run(
        [sys.executable, "-c", PRODUCTION_ATTACK],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    production, limit, codes, right, logged = json.loads(result.stdout.strip().splitlines()[-1])
    assert production is True
    assert codes[: limit - 1] == [200] * (limit - 1)  # the form with an error
    assert set(codes[limit - 1 :]) == {429}  # locked out, whatever the header says
    assert right == 429 and logged is False


def test_development_cookies_are_not_secure(settings):
    # Plain http on localhost must keep working in development.
    assert not settings.SESSION_COOKIE_SECURE
    assert not getattr(settings, "SECURE_HSTS_SECONDS", 0)


def test_hsts_header_in_production_mode(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_SSL_REDIRECT = False
    response = client.get(LOGIN, secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


# --- Content-Security-Policy ------------------------------------------------------


def csp_directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def test_every_page_sends_a_strict_content_security_policy(client):
    user = make_user(Role.COORDINATOR, username="coord")
    client.force_login(user)
    for url in (
        LOGIN,
        reverse("pages:home"),
        reverse("privacy"),
        reverse("makelaars:activiteit_list"),
    ):
        directives = csp_directives(client.get(url))
        assert directives["default-src"] == ["'self'"]
        assert directives["script-src"] == ["'self'"], url
        assert directives["frame-ancestors"] == ["'none'"]
        assert directives["form-action"] == ["'self'"]
        assert set(directives["img-src"]) == {"'self'", "data:"}


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.I)
JS_URL = re.compile(r"""(href|src|action)\s*=\s*["']\s*javascript:""", re.I)


def project_templates() -> list[Path]:
    skip = {".venv", "node_modules", ".git", "staticfiles", "var"}
    return [
        path
        for path in ROOT.rglob("*.html")
        if not skip & set(path.relative_to(ROOT).parts) and "templates" in path.parts
    ]


def test_no_template_has_inline_script_or_event_handlers():
    templates = project_templates()
    assert len(templates) > 20
    problems = []
    for path in templates:
        text = path.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, INLINE_HANDLER, JS_URL):
            problems += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in pattern.finditer(text)]
    assert not problems, "\n".join(problems)


def test_the_inline_check_can_fail():
    assert INLINE_SCRIPT.search("<script>alert(1)</script>")
    assert not INLINE_SCRIPT.search('<script src="/static/x.js"></script>')
    assert INLINE_HANDLER.search('<form onsubmit="return confirm()">')
    assert not INLINE_HANDLER.search('<form data-confirm="Zeker?">')


# --- deactivating users -------------------------------------------------------------


def test_admin_deactivates_a_user_who_keeps_their_records(beheerder, gebied_a, wijk_a):
    makelaar = make_user(Role.MAKELAAR, gebied=gebied_a, username="vertrekker")
    activiteit = ActiviteitFactory(wijk=wijk_a, aangemaakt_door=makelaar)
    activiteit.medewerkers.add(makelaar.medewerker)
    # The Django admin is for superusers only (a beheerder uses the app's staff pages).
    beheerder.is_superuser = True
    beheerder.save()

    admin_client = Client()
    admin_client.force_login(beheerder)
    changelist = reverse("admin:auth_user_changelist")
    page = admin_client.get(changelist).content.decode()
    assert 'value="deactivate"' in page
    response = admin_client.post(
        changelist,
        {"action": "deactivate", "_selected_action": [makelaar.pk, beheerder.pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert "1 gebruiker is gedeactiveerd" in response.content.decode()

    makelaar.refresh_from_db()
    beheerder.refresh_from_db()
    assert makelaar.is_active is False
    assert beheerder.is_active is True  # an admin cannot lock themselves out this way
    activiteit = Activiteit.objects.get(pk=activiteit.pk)
    assert activiteit.aangemaakt_door_id == makelaar.pk
    assert list(activiteit.medewerkers.values_list("user_id", flat=True)) == [makelaar.pk]
    assert Medewerker.objects.filter(user=makelaar).exists()

    # The deactivated user cannot log in any more, with the form or otherwise.
    client = Client()
    response = attempt(client, "vertrekker", PASSWORD)
    assert response.status_code == 200
    assert not logged_in(client)
    assert not Client().login(username="vertrekker", password=PASSWORD)


def test_a_deactivated_users_open_session_ends(beheerder):
    makelaar = make_user(Role.MAKELAAR, username="vertrekker")
    client = Client()
    client.force_login(makelaar)
    assert client.get(reverse("pages:home")).status_code == 200
    User.objects.filter(pk=makelaar.pk).update(is_active=False, last_login=timezone.now())
    response = client.get(reverse("pages:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_every_response_has_a_permissions_policy(client):
    for response in (client.get(LOGIN), client.get("/bestaat-niet/")):
        policy = response["Permissions-Policy"]
        for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
            assert feature in policy


def test_a_deactivated_then_reactivated_accounts_old_session_stays_logged_out(beheerder):
    makelaar = make_user(Role.MAKELAAR, username="terugkeerder")
    medewerker = Medewerker.objects.create(
        user=makelaar, naam="Terug Keerder", functie="sociaal_makelaar", startdatum="2023-01-01"
    )
    old_session = Client()
    old_session.force_login(makelaar)
    other_browser = Client()
    other_browser.force_login(makelaar)
    assert old_session.get(reverse("pages:home")).status_code == 200

    admin = Client()
    admin.force_login(beheerder)
    admin.post(reverse("wijken:medewerker_deactivate", args=[medewerker.pk]))
    admin.post(reverse("wijken:medewerker_reactivate", args=[medewerker.pk]))
    makelaar.refresh_from_db()
    assert makelaar.is_active

    for client in (old_session, other_browser):
        response = client.get(reverse("pages:home"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    # The person logs in again as usual; the beheerder's own session is untouched.
    assert attempt(Client(), "terugkeerder", PASSWORD).status_code == 302
    assert admin.get(reverse("wijken:medewerker_list")).status_code == 200


def test_deactivating_in_the_admin_ends_the_sessions_too():
    root = User.objects.create_superuser("root", password=PASSWORD)
    makelaar = make_user(Role.MAKELAAR, username="vertrekker")
    session = Client()
    session.force_login(makelaar)
    admin = Client()
    admin.force_login(root)
    admin.post(
        reverse("admin:auth_user_changelist"),
        {"action": "deactivate", "_selected_action": [makelaar.pk]},
    )
    User.objects.filter(pk=makelaar.pk).update(is_active=True)  # e.g. from the shell
    assert session.get(reverse("pages:home"))["Location"].startswith(reverse("login"))
