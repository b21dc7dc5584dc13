"""Buurtservice test helpers (the world of gebieden and users is tests/conftest.py)."""

import datetime
from functools import partial

import pytest

from buurtservice.choices import KlusStatus
from tests.factories import KlusFactory, UitvoerderFactory


@pytest.fixture
def uitvoerders(db):
    return [
        UitvoerderFactory(naam="Ahmed", startdatum=datetime.date(2022, 1, 1)),
        UitvoerderFactory(naam="Bea", startdatum=datetime.date(2022, 1, 1)),
    ]


@pytest.fixture
def make_klus(db):
    """A job on the waiting list (with its intake recorded, as every job has)."""
    return partial(KlusFactory, status=KlusStatus.WACHTLIJST)
