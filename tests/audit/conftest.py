"""Fixtures for the audit trail and lost-update tests (the world is tests/conftest.py)."""

import datetime

import pytest

from tests.factories import ThemaFactory


@pytest.fixture
def thema(db):
    return ThemaFactory(naam="Ontmoeting")


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
