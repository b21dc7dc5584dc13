"""The demo data, loaded once per test process for all modules of this folder.

The loader's own behaviour (runs twice, refuses production, keeps existing
accounts) is tested one folder up, on an empty database.
"""

import pytest
from django.core.management import call_command

from tests.conftest import building, rolled_back_afterwards


@pytest.fixture(scope="package")
def demo_loaded(django_db_setup, django_db_blocker):
    """``manage.py demodata`` inside a transaction rolled back after the last module
    here; each test runs in its own savepoint on top (the ``db`` fixture)."""
    with rolled_back_afterwards(django_db_blocker):
        with building(django_db_blocker):
            call_command("demodata", verbosity=0)
        yield


@pytest.fixture
def demo(demo_loaded, db):
    """The demo data, for a test with database access."""
