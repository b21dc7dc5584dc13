"""Fixtures for the Buurtservice tests: two gebieden, a user per role, workers."""

import datetime

import pytest

from buurtservice.choices import KlusStatus
from buurtservice.models import KlusStatusWijziging
from sterkewijken.roles import Role
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


class _LiveRegistry:
    """Lets ``sync_roles`` (written for migrations) run against the live models."""

    def get_app_configs(self):
        return []  # permissions are created by _restore_roles itself

    def get_model(self, app_label: str, model_name: str):
        from django.apps import apps

        return apps.get_model(app_label, model_name)


def _restore_roles() -> None:
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    from sterkewijken.roles import sync_roles

    for app_config in apps.get_app_configs():
        if app_config.models_module is not None:
            create_contenttypes(app_config, verbosity=0)
            create_permissions(app_config, verbosity=0)
    sync_roles(_LiveRegistry())


@pytest.fixture
def roles_kept(transactional_db):
    """The role groups for a transactional (browser) test, before *and after* it.

    The roles come from a data migration; a transactional test empties every table
    when it ends. Recreate them now (an earlier test may have emptied them) and
    again right after this test's flush (through the flush's post_migrate signal),
    so later tests find the database as the migrations left it.
    """
    from django.db.models.signals import post_migrate

    _restore_roles()
    yield

    uid = "tests.buurtservice.roles_kept"

    def restore_once(sender, **kwargs):
        post_migrate.disconnect(dispatch_uid=uid)
        _restore_roles()

    post_migrate.connect(restore_once, weak=False, dispatch_uid=uid)
