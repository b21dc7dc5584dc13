"""A demo measurement with residents: the Mulderskamp's activities in the autumn of
2023, 34 made-up responses, and the interpretation made afterwards.

The answers are generated from fixed counts per statement (so the figures are
known in advance and the demo tests can check them by hand); their order is
shuffled with a fixed seed.
"""

from __future__ import annotations

import datetime
import random

from django.db import transaction

from metingen.models import Antwoord, Duiding, Inzending, Stelling, Vragenlijst

D = datetime.date
INITIATIEF = "mulderskamp"
TITEL = "Wat betekent de Mulderskamp voor jou?"
AANTAL = 34
START = D(2023, 9, 18)
GESLOTEN = D(2023, 10, 31)

# (statement, direct effect, counts for 1..5 (strongly disagree .. strongly agree));
# the counts add up to the number of residents who answered that statement.
STELLINGEN = [
    ("Door de Mulderskamp ken ik meer mensen uit de buurt.", "Verbondenheid", [1, 2, 5, 15, 11]),
    (
        "Door de Mulderskamp maak ik vaker een praatje met buurtgenoten.",
        "Verbondenheid",
        [1, 3, 6, 14, 10],
    ),
    ("Door de Mulderskamp voel ik me meer welkom in de buurt.", "Welkom", [0, 2, 4, 13, 15]),
    (
        "Door de Mulderskamp weet ik bij wie ik in de buurt terecht kan met een vraag.",
        "Steunend netwerk",
        [2, 6, 10, 10, 5],
    ),
    ("Door de Mulderskamp heb ik nieuwe dingen geleerd.", "Zelfvertrouwen", [3, 7, 9, 8, 4]),
]

OPEN_ANTWOORDEN = [
    "Fijn dat er iets te doen is in de middag.",
    "De koffie is altijd klaar en er is altijd iemand om mee te praten.",
    "Ik kwam voor de bingo en bleef voor de mensen.",
    "Graag ook iets op zaterdag.",
    "De uitstap naar de boerderij was een hoogtepunt.",
    "Meer bekendheid geven in de flats, veel mensen weten het niet.",
    "Ik ben zelf vrijwilliger geworden.",
    "Soms is het wat druk en lawaaierig.",
]

DUIDING = {
    "datum": D(2023, 11, 22),
    "besproken_met": "activiteitencommissie, twee vaste bezoekers en de wijkregisseur",
    "herkenning": (
        "Ja: de commissie ziet dat bezoekers elkaar ook buiten het buurthuis opzoeken. Dat "
        "weinig mensen iets nieuws leren, verbaast niemand: het gaat vooral om gezelligheid."
    ),
    "verklaring": (
        "Sinds de koffieochtend met ophaalservice komen er meer ouderen uit de seniorenflat. "
        "Zij kennen elkaar nu, maar weten nog niet goed wie ze om hulp kunnen vragen."
    ),
    "waardering": "Tevreden over verbondenheid en welkom; het steunende netwerk kan sterker.",
    "betekenis": (
        "De Mulderskamp is een vaste ontmoetingsplek geworden; de volgende stap is dat "
        "bewoners elkaar ook helpen."
    ),
    "acties": (
        "Een prikbord voor vraag en aanbod; een middag waarop bewoners iets aan elkaar leren; "
        "over een jaar dezelfde vragen opnieuw."
    ),
}


def answers() -> list[tuple[list[int | None], str]]:
    """AANTAL responses: per response the value per statement (None: skipped) and the
    open answer; every statement gets exactly its counts."""
    rng = random.Random(34)
    columns = []
    for _tekst, _effect, counts in STELLINGEN:
        values = [value for value, n in enumerate(counts, start=1) for _ in range(n)]
        values += [None] * (AANTAL - len(values))
        rng.shuffle(values)
        columns.append(values)
    opens = OPEN_ANTWOORDEN + [""] * (AANTAL - len(OPEN_ANTWOORDEN))
    rng.shuffle(opens)
    return [([column[i] for column in columns], opens[i]) for i in range(AANTAL)]


@transaction.atomic
def load(ctx) -> None:
    initiatief = ctx.initiatieven[INITIATIEF]
    vragenlijst, _ = Vragenlijst.objects.update_or_create(
        initiatief=initiatief,
        titel=TITEL,
        defaults={
            "inleiding": (
                "De activiteitencommissie wil weten wat het buurthuis voor je betekent. "
                "Het duurt twee minuten en is anoniem."
            ),
            "open_vraag": "Wil je nog iets kwijt over de Mulderskamp?",
            "startdatum": START,
            "is_open": False,
            "gesloten_op": GESLOTEN,
            # One slip per resident asked; most came back (the answers below).
            "codes_uitgegeven": 40,
            "aangemaakt_door": ctx.users["coordinator"],
        },
    )
    stellingen = []
    for volgorde, (tekst, effect, _counts) in enumerate(STELLINGEN, start=1):
        stelling, _ = Stelling.objects.update_or_create(
            vragenlijst=vragenlijst, volgorde=volgorde, defaults={"tekst": tekst, "effect": effect}
        )
        stellingen.append(stelling)
    vragenlijst.stellingen.exclude(pk__in=[s.pk for s in stellingen]).delete()
    if vragenlijst.inzendingen.count() != AANTAL:
        vragenlijst.inzendingen.all().delete()
        rng = random.Random(18)
        for values, open_antwoord in answers():
            datum = START + datetime.timedelta(days=rng.randrange(0, (GESLOTEN - START).days))
            inzending = Inzending.objects.create(
                vragenlijst=vragenlijst, datum=datum, open_antwoord=open_antwoord
            )
            Antwoord.objects.bulk_create(
                Antwoord(inzending=inzending, stelling=stelling, waarde=value)
                for stelling, value in zip(stellingen, values, strict=True)
                if value is not None
            )
    Duiding.objects.update_or_create(vragenlijst=vragenlijst, defaults=DUIDING)
