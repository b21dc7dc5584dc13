import pytest
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings

# The module-wide demo data are loaded outside a test, before the root conftest's
# fast hasher applies: the demo users' password hash would dominate the run time.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker):
    """Load the demo data once per test module, inside a transaction rolled back after it.

    Each test still runs in its own savepoint (the ``db`` fixture), so tests cannot
    affect each other.
    """
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("demodata", verbosity=0)
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def demo(demo_module, db):
    """The demo data, for a test with database access."""
