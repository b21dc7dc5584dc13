"""Fixtures for the audit trail and lost-update tests: one gebied, every role."""

import datetime

import pytest
from django.test import Client

from core.roles import Role
from tests.factories import GebiedFactory, ThemaFactory, WijkFactory, make_user


@pytest.fixture
def gebied(db):
    gebied = GebiedFactory(naam="Waterkwartier")
    WijkFactory(naam="Waterkwartier", gebied=gebied)
    return gebied


@pytest.fixture
def wijk(gebied):
    return gebied.wijken.get()


@pytest.fixture
def thema(db):
    return ThemaFactory(naam="Ontmoeting")


@pytest.fixture
def makelaar(gebied):
    return make_user(Role.MAKELAAR, gebied=gebied, username="makelaar")


@pytest.fixture
def coordinator(db):
    user = make_user(Role.COORDINATOR, username="coordinator")
    user.first_name, user.last_name = "Carla", "Coördinator"
    user.save()
    return user


@pytest.fixture
def beheerder(db):
    user = make_user(Role.BEHEERDER, username="beheerder")
    user.is_staff = True
    user.save()
    return user


@pytest.fixture
def buurtservice_user(db):
    return make_user(Role.BUURTSERVICE, username="buurtservice")


@pytest.fixture
def client_for():
    def make(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


def activiteit_data(wijk, **extra) -> dict:
    """A complete activity form post without links."""
    data = {
        "datum": datetime.date(2023, 6, 1).isoformat(),
        "wijk": wijk.pk,
        "soort": "bijeenkomst",
        "titel": "Buurtbarbecue",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "20",
    }
    data.update(extra)
    return data
