"""A questionnaire about an initiative in gebied A, with three statements."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from core.roles import Role
from metingen.services import issue_codes, set_open, submit_answers
from tests.factories import (
    GebiedFactory,
    InitiatiefFactory,
    StellingFactory,
    VragenlijstFactory,
    WijkFactory,
    make_user,
)


@pytest.fixture
def m(db):
    gebied_a = GebiedFactory(naam="Centrum", volgorde=1)
    gebied_b = GebiedFactory(naam="Zuid", volgorde=2)
    wijk_a = WijkFactory(naam="De Hoven", gebied=gebied_a)
    WijkFactory(naam="Leesten", gebied=gebied_b)
    initiatief = InitiatiefFactory(
        naam="Huiskamer De Hoven",
        wijk=wijk_a,
        directe_effecten="Bewoners leren elkaar kennen en voelen zich welkom.",
    )
    vragenlijst = VragenlijstFactory(initiatief=initiatief, titel="Wat betekent de huiskamer?")
    stellingen = [
        StellingFactory(vragenlijst=vragenlijst, tekst=text, volgorde=i)
        for i, text in enumerate(
            [
                "Door de huiskamer ken ik meer buren.",
                "Door de huiskamer voel ik me welkomer.",
                "Door de huiskamer heb ik iets nieuws geleerd.",
            ]
        )
    ]
    return SimpleNamespace(
        gebied_a=gebied_a,
        initiatief=initiatief,
        vragenlijst=vragenlijst,
        stellingen=stellingen,
        mk_a=make_user(Role.MAKELAAR, gebied=gebied_a, username="mk-a"),
        mk_b=make_user(Role.MAKELAAR, gebied=gebied_b, username="mk-b"),
        bs=make_user(Role.BUURTSERVICE, username="bs"),
        coord=make_user(Role.COORDINATOR, username="coord"),
    )


@pytest.fixture
def answer(m):
    """``answer([5, 4, None], "tekst")``: one resident's response with the answer code
    from their slip (None skips a statement)."""

    def _answer(values, open_antwoord="", vragenlijst=None):
        vragenlijst = vragenlijst or m.vragenlijst
        stellingen = list(vragenlijst.stellingen.all())
        waarden = {s.pk: v for s, v in zip(stellingen, values, strict=False) if v is not None}
        import datetime

        return submit_answers(
            vragenlijst=vragenlijst,
            waarden=waarden,
            open_antwoord=open_antwoord,
            code=issue_codes(vragenlijst=vragenlijst, aantal=1)[0],
            today=datetime.date(2023, 6, 1),
        )

    return _answer


@pytest.fixture
def close(m):
    """``close()``: close the questionnaire, after which its results may show."""

    def _close(vragenlijst=None):
        vragenlijst = vragenlijst or m.vragenlijst
        vragenlijst.refresh_from_db()
        set_open(vragenlijst=vragenlijst, is_open=False, today=vragenlijst.startdatum)

    return _close
