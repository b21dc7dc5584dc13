"""Statements to start a questionnaire from, grouped by the direct effect they measure.

Written for this app after the kinds of statements seed 004 describes (knowing
other residents, chatting more often, feeling welcome, a supporting network,
self-confidence). ``%(naam)s`` becomes the initiative's name. Each effect has
words that, found in an initiative's "directe effecten", suggest it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Effect:
    key: str
    label: str
    keywords: tuple[str, ...]
    statements: tuple[str, ...]


LIBRARY: list[Effect] = [
    Effect(
        "verbondenheid",
        _("Connectedness"),
        ("verbond", "kennen", "contact", "ontmoet", "samen", "cohesie", "eenzaam"),
        (
            _("Through %(naam)s I know more people in the neighbourhood."),
            _("Through %(naam)s I talk more often with people from the neighbourhood."),
            _("Through %(naam)s I do more things together with people from the neighbourhood."),
            _("Through %(naam)s I feel more connected to the people around me."),
        ),
    ),
    Effect(
        "welkom",
        _("Feeling welcome"),
        ("welkom", "thuis", "erbij", "inclusi", "iedereen"),
        (
            _("Through %(naam)s I feel more welcome in the neighbourhood."),
            _("At %(naam)s I can be who I am."),
        ),
    ),
    Effect(
        "steunend_netwerk",
        _("Supporting network"),
        ("netwerk", "helpen", "hulp", "steun", "elkaar"),
        (
            _("Through %(naam)s I know whom to turn to in the neighbourhood with a question."),
            _("Through %(naam)s I help people in the neighbourhood more often."),
            _("Through %(naam)s I ask a neighbour for help or advice sooner."),
        ),
    ),
    Effect(
        "zelfvertrouwen",
        _("Self-confidence"),
        ("zelfvertrouwen", "talent", "vaardig", "empower", "zelfverzeker", "leren", "groei"),
        (
            _("Through %(naam)s I have learned new things."),
            _("Through %(naam)s I put my talents to use for the neighbourhood more often."),
            _("Through %(naam)s I have more faith in what I can do."),
        ),
    ),
]


def statement_choices(naam: str) -> list[tuple[str, str, str]]:
    """(key, effect label, statement text) of every library statement for ``naam``.

    The name stands in quotes: an initiative's name rarely takes the article a Dutch
    sentence needs ("Door Creatieve ochtend ken ik …"), and "de" before a name that has
    one ("de Mulderskamp") would double it.
    """
    quoted = "“" + naam.strip().strip('“”"') + "”"
    return [
        (f"{effect.key}:{index}", str(effect.label), str(text) % {"naam": quoted})
        for effect in LIBRARY
        for index, text in enumerate(effect.statements)
    ]


def suggested_keys(directe_effecten: str) -> list[str]:
    """The statements whose effect the initiative's direct effects mention."""
    text = (directe_effecten or "").lower()
    return [
        f"{effect.key}:{index}"
        for effect in LIBRARY
        if any(word in text for word in effect.keywords)
        for index in range(len(effect.statements))
    ]
