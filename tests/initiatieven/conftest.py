"""Fixtures for the initiatives tests: two gebieden, a broker in each, a coordinator."""

from __future__ import annotations

import pytest

from core.roles import Role
from initiatieven.choices import InitiatiefStatus
from initiatieven.models import StatusWijziging
from tests.factories import GebiedFactory, InitiatiefFactory, WijkFactory, make_user


@pytest.fixture
def gebied_a(db):
    return GebiedFactory(naam="Waterkwartier", volgorde=1)


@pytest.fixture
def gebied_b(db):
    return GebiedFactory(naam="Zuidwijken – Warnsveld – Leesten", volgorde=2)


@pytest.fixture
def wijk_a(gebied_a):
    return WijkFactory(naam="Waterkwartier", gebied=gebied_a)


@pytest.fixture
def wijk_b(gebied_b):
    return WijkFactory(naam="Zuidwijken", gebied=gebied_b)


@pytest.fixture
def wijk_b2(gebied_b):
    return WijkFactory(naam="Leesten", gebied=gebied_b)


@pytest.fixture
def makelaar_a(wijk_a):
    return make_user(Role.MAKELAAR, gebied=wijk_a.gebied, username="makelaar_a")


@pytest.fixture
def makelaar_b(wijk_b):
    return make_user(Role.MAKELAAR, gebied=wijk_b.gebied, username="makelaar_b")


@pytest.fixture
def coordinator(db):
    return make_user(Role.COORDINATOR, username="coordinator")


@pytest.fixture
def buurtservice_user(db):
    return make_user(Role.BUURTSERVICE, username="buurtservice")


@pytest.fixture
def initiatief_a(wijk_a):
    initiatief = InitiatiefFactory(naam="Moestuin Waterkwartier", wijk=wijk_a)
    StatusWijziging.objects.create(
        initiatief=initiatief, status=InitiatiefStatus.IDEE, datum="2023-01-10"
    )
    return initiatief


@pytest.fixture
def initiatief_b(wijk_b):
    return InitiatiefFactory(naam="Buurtkamer Zuid", wijk=wijk_b)
