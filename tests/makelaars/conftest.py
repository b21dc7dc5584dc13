"""The activity log's extra person (the world is tests/conftest.py)."""

import pytest

from core.roles import Role
from tests.factories import make_user


@pytest.fixture
def collega(gebied_a):
    """A second social broker of gebied A."""
    return make_user(Role.MAKELAAR, gebied=gebied_a, username="collega")
