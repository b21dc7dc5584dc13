"""403, 404, 500 and the CSRF failure speak Dutch in the app's layout, with DEBUG off."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from core.roles import Role
from tests.factories import GebiedFactory, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.foundation.error_urls")]

PHONE_VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'


@pytest.fixture(autouse=True)
def production_errors(settings):
    settings.DEBUG = False


def broker_client() -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(make_user(Role.MAKELAAR, gebied=GebiedFactory()))
    return client


def assert_app_page(html: str) -> None:
    assert '<html lang="nl">' in html
    assert PHONE_VIEWPORT in html
    assert len(re.findall(r"<main\b", html)) == 1
    assert "Sterke Wijken" in html
    assert "favicon.svg" in html
    for english in ("Forbidden", "Not Found", "Server Error", "CSRF verification failed"):
        assert english not in html


def test_403_is_dutch_with_one_main():
    response = broker_client().get(reverse("rapportage:jaarrapportage_list"))
    assert response.status_code == 403
    html = response.content.decode()
    assert_app_page(html)
    assert "Je hebt geen toegang tot deze pagina" in html
    assert "Uitloggen" in html  # the app's menu, with the user logged in


def test_404_is_dutch():
    response = broker_client().get("/bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert_app_page(html)
    assert "Pagina niet gevonden" in html


def test_500_is_dutch_and_needs_no_database(django_assert_num_queries):
    client = Client(raise_request_exception=False)
    with django_assert_num_queries(0):
        response = client.get("/stuk/")
    assert response.status_code == 500
    html = response.content.decode()
    assert_app_page(html)
    assert "Er ging iets mis" in html


def test_csrf_failure_is_dutch():
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    response = client.post(reverse("login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    html = response.content.decode()
    assert_app_page(html)
    assert "Dit formulier is verlopen" in html


def test_login_page_links_to_the_dutch_password_reset(client):
    login = client.get(reverse("login")).content.decode()
    assert f'href="{reverse("password_reset")}"' in login
    assert "Wachtwoord vergeten?" in login
    page = client.get(reverse("password_reset")).content.decode()
    assert_app_page(page)
    assert "django-admin" not in page and 'id="header"' not in page
    done = client.post(reverse("password_reset"), {"email": "niemand@example.org"}, follow=True)
    assert "Kijk in je e-mail" in done.content.decode()
