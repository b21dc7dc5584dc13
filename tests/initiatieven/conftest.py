"""Initiatives of the shared world (tests/conftest.py): one in each gebied."""

from __future__ import annotations

import pytest

from initiatieven.choices import InitiatiefStatus
from initiatieven.models import StatusWijziging
from tests.factories import InitiatiefFactory


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
