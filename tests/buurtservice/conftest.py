"""Fixtures for the Buurtservice tests: two gebieden, a user per role, workers."""

import datetime

import pytest

from buurtservice.choices import KlusStatus
from buurtservice.models import KlusStatusWijziging
from core.roles import Role
from tests.factories import GebiedFactory, KlusFactory, UitvoerderFactory, WijkFactory, make_user


@pytest.fixture
def gebied_noord(db):
    return GebiedFactory(naam="Noord")


@pytest.fixture
def gebied_zuid(db):
    return GebiedFactory(naam="Zuid")


@pytest.fixture
def wijk_noord(gebied_noord):
    return WijkFactory(naam="Noordveen", gebied=gebied_noord)


@pytest.fixture
def wijk_zuid(gebied_zuid):
    return WijkFactory(naam="Zuidwijken", gebied=gebied_zuid)


@pytest.fixture
def bs_user(db):
    return make_user(Role.BUURTSERVICE, username="bs")


@pytest.fixture
def coordinator(db):
    return make_user(Role.COORDINATOR, username="coord")


@pytest.fixture
def makelaar_noord(gebied_noord, wijk_noord):
    return make_user(Role.MAKELAAR, gebied=gebied_noord, username="mk-noord")


@pytest.fixture
def uitvoerders(db):
    return [
        UitvoerderFactory(naam="Ahmed", startdatum=datetime.date(2022, 1, 1)),
        UitvoerderFactory(naam="Bea", startdatum=datetime.date(2022, 1, 1)),
    ]


@pytest.fixture
def make_klus(db):
    """A job on the waiting list, with its status change recorded."""

    def _make(**kwargs):
        kwargs.setdefault("status", KlusStatus.WACHTLIJST)
        klus = KlusFactory(**kwargs)
        KlusStatusWijziging.objects.create(
            klus=klus, status=KlusStatus.WACHTLIJST, datum=klus.aanvraagdatum
        )
        return klus

    return _make
