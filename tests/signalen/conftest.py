"""Two gebieden with a wijk each, themes, and a user per role."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from core.roles import Role
from tests.factories import GebiedFactory, ThemaFactory, WijkFactory, make_user


@pytest.fixture
def w(db):
    gebied_a = GebiedFactory(naam="Waterkwartier", volgorde=1)
    gebied_b = GebiedFactory(naam="Zuidwijken – Warnsveld – Leesten", volgorde=2)
    wijk_a = WijkFactory(naam="Waterkwartier", gebied=gebied_a)
    wijk_a2 = WijkFactory(naam="Waterkwartier-Oost", gebied=gebied_a)
    wijk_b = WijkFactory(naam="Warnsveld", gebied=gebied_b)
    return SimpleNamespace(
        gebied_a=gebied_a,
        gebied_b=gebied_b,
        wijk_a=wijk_a,
        wijk_a2=wijk_a2,
        wijk_b=wijk_b,
        geld=ThemaFactory(naam="Geldzorgen"),
        eenzaam=ThemaFactory(naam="Eenzaamheid"),
        groen=ThemaFactory(naam="Groen"),
        mk_a=make_user(Role.MAKELAAR, gebied=gebied_a, username="mk-a"),
        mk_b=make_user(Role.MAKELAAR, gebied=gebied_b, username="mk-b"),
        bs=make_user(Role.BUURTSERVICE, username="bs"),
        coord=make_user(Role.COORDINATOR, username="coord"),
    )
