"""Fixtures for the social brokers' log: two gebieden, their brokers, a coordinator."""

import io

import pytest
from django.test import Client
from PIL import Image

from core.roles import Role
from tests.factories import GebiedFactory, WijkFactory, make_user


@pytest.fixture
def gebied_a(db):
    gebied = GebiedFactory(naam="Waterkwartier")
    WijkFactory(naam="Waterkwartier", gebied=gebied)
    WijkFactory(naam="Waterkwartier-Oost", gebied=gebied)
    return gebied


@pytest.fixture
def gebied_b(db):
    gebied = GebiedFactory(naam="Zuidwijken – Warnsveld – Leesten")
    WijkFactory(naam="Zuidwijken", gebied=gebied)
    WijkFactory(naam="Warnsveld", gebied=gebied)
    return gebied


@pytest.fixture
def wijk_a(gebied_a):
    return gebied_a.wijken.get(naam="Waterkwartier")


@pytest.fixture
def wijk_b(gebied_b):
    return gebied_b.wijken.get(naam="Zuidwijken")


@pytest.fixture
def makelaar(gebied_a):
    return make_user(Role.MAKELAAR, gebied=gebied_a, username="makelaar")


@pytest.fixture
def collega(gebied_a):
    return make_user(Role.MAKELAAR, gebied=gebied_a, username="collega")


@pytest.fixture
def makelaar_b(gebied_b):
    return make_user(Role.MAKELAAR, gebied=gebied_b, username="makelaar.zuid")


@pytest.fixture
def coordinator(db):
    return make_user(Role.COORDINATOR, username="coordinator")


@pytest.fixture
def client_for():
    def _client(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return _client


def png_bytes(size=(4, 4), colour=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """make_user hashes a password for every user; a fast hasher keeps tests quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
