"""Ordinary (non-example) activities, generated deterministically.

About 60 activities spread over every month of 2023 and every wijk, plus a
handful at the end of 2022, so lists and charts have content. The same seed
always yields the same rows, which keeps ``demodata`` idempotent.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from makelaars.choices import ActiviteitSoort as A
from makelaars.choices import Rol as R

from .mensen import MAKELAARS_PER_GEBIED, MEDEWERKERS
from .referentie import GEBIEDEN

D = datetime.date


@dataclass(frozen=True)
class Sjabloon:
    titel: str
    soort: str
    rol: str
    themas: tuple[str, ...]
    partners: tuple[str, ...] = ()
    beschrijving: str = ""


SJABLONEN: list[Sjabloon] = [
    Sjabloon(
        "Inloopspreekuur in het buurthuis",
        A.INLOOP,
        R.VERBINDEN,
        ("Ontmoeting",),
        beschrijving="Wekelijkse inloop; bewoners komen met vragen en ideeën voor de buurt.",
    ),
    Sjabloon(
        "Koffieochtend met buurtbewoners",
        A.BIJEENKOMST,
        R.VERBINDEN,
        ("Ontmoeting", "Eenzaamheid"),
        beschrijving="Koffie en een praatje; nieuwe bewoners leren de vaste bezoekers kennen.",
    ),
    Sjabloon(
        "Deur-aan-deurronde in de buurt",
        A.DEUR_AAN_DEUR,
        R.SIGNALEREN,
        ("Leefbaarheid",),
        beschrijving="Langs de deuren om te horen wat er speelt en verhalen op te halen.",
    ),
    Sjabloon(
        "Overleg met de wijkregisseur",
        A.OVERLEG,
        R.ARRANGEREN,
        ("Leefbaarheid",),
        ("Gemeente Zutphen",),
        "Afstemming over signalen uit de wijk en lopende gemeentelijke projecten.",
    ),
    Sjabloon(
        "Overleg met de consulent leefbaarheid",
        A.OVERLEG,
        R.ARRANGEREN,
        ("Leefbaarheid",),
        ("Ieder1",),
        "Afspraken over een gezamenlijke aanpak in een portiekflat.",
    ),
    Sjabloon(
        "Bewoner gekoppeld aan vrijwilligerswerk",
        A.VERBINDING,
        R.VERBINDEN,
        ("Vrijwillige inzet",),
        beschrijving="Een bewoner die iets wil doen is in contact gebracht met een initiatief.",
    ),
    Sjabloon(
        "Signaal eenzaamheid doorgegeven",
        A.SIGNALERING,
        R.SIGNALEREN,
        ("Eenzaamheid",),
        beschrijving="Signaal van buren over een alleenstaande oudere, met toestemming "
        "doorgegeven aan het sociaal wijkteam.",
    ),
    Sjabloon(
        "Signaal geldzorgen doorgegeven",
        A.SIGNALERING,
        R.SIGNALEREN,
        ("Armoede",),
        beschrijving="Bewoner met geldzorgen in contact gebracht met een sociaal werker.",
    ),
    Sjabloon(
        "Buurtbarbecue",
        A.EVENEMENT,
        R.FACILITEREN,
        ("Ontmoeting",),
        beschrijving="Bewoners organiseerden een barbecue; de sociaal makelaar hielp met de "
        "aanvraag en de uitnodiging.",
    ),
    Sjabloon(
        "Speelmiddag voor kinderen",
        A.EVENEMENT,
        R.FACILITEREN,
        ("Spelen", "Jongeren"),
        beschrijving="Ouders uit de straat organiseerden een speelmiddag op het pleintje.",
    ),
    Sjabloon(
        "Hulp bij een aanvraag bij het Wensfonds",
        A.ONDERSTEUNING_INITIATIEF,
        R.FACILITEREN,
        ("Vrijwillige inzet",),
        ("Wensfonds",),
        "Bewoners geholpen bij het schrijven van een aanvraag voor hun buurtactiviteit.",
    ),
    Sjabloon(
        "Gesprek met jongeren op het plein",
        A.BIJEENKOMST,
        R.VERBINDEN,
        ("Jongeren",),
        beschrijving="In gesprek met een groep jongeren over wat zij in de wijk missen.",
    ),
    Sjabloon(
        "Repair café",
        A.EVENEMENT,
        R.FACILITEREN,
        ("Afval en duurzaamheid", "Ontmoeting"),
        beschrijving="Vrijwilligers repareren spullen van buurtbewoners.",
    ),
    Sjabloon(
        "Taalcafé",
        A.BIJEENKOMST,
        R.FACILITEREN,
        ("Diversiteit en inclusie", "Ontmoeting"),
        beschrijving="Nederlands oefenen met buurtbewoners, begeleid door vrijwilligers.",
    ),
    Sjabloon(
        "Wandelgroep gestart",
        A.ONDERSTEUNING_INITIATIEF,
        R.INITIEREN,
        ("Gezondheid", "Ontmoeting"),
        beschrijving="Een paar bewoners wandelen wekelijks samen; de makelaar bracht ze bij "
        "elkaar.",
    ),
    Sjabloon(
        "Netwerkoverleg sociaal wijkteam",
        A.OVERLEG,
        R.ARRANGEREN,
        (),
        beschrijving="Overleg met de partners in het gebied over lopende zaken.",
    ),
    Sjabloon(
        "Buurtpreventie: avondronde",
        A.BIJEENKOMST,
        R.FACILITEREN,
        ("Veiligheid",),
        beschrijving="Meegelopen met de buurtpreventie en kennisgemaakt met de vrijwilligers.",
    ),
    Sjabloon(
        "Zaaidag in de buurtmoestuin",
        A.EVENEMENT,
        R.FACILITEREN,
        ("Groen", "Ontmoeting"),
        beschrijving="Bewoners zaaiden samen in de buurtmoestuin.",
    ),
    Sjabloon(
        "Kennismaking met de school",
        A.OVERLEG,
        R.VERBINDEN,
        ("Jongeren",),
        beschrijving="Kennismaking met de directie over samenwerking met ouders in de wijk.",
    ),
]


@dataclass(frozen=True)
class ActiviteitData:
    titel: str
    wijk: str
    datum: datetime.date
    soort: str
    rol: str
    themas: tuple[str, ...]
    partners: tuple[str, ...]
    medewerkers: list[str]
    bewoners_bereikt: int | None
    bewoners_geactiveerd: int | None
    beschrijving: str


def _wijk_gebied() -> list[tuple[str, str]]:
    return [(wijk, gebied) for gebied, _order, wijken in GEBIEDEN for wijk in wijken]


def _brokers_on(gebied: str, datum: datetime.date) -> list[str]:
    result = []
    for key in MAKELAARS_PER_GEBIED[gebied]:
        m = MEDEWERKERS[key]
        if m.start <= datum and (m.eind is None or m.eind >= datum):
            result.append(key)
    return result


def generate(count_2023: int = 60, count_2022: int = 6) -> list[ActiviteitData]:
    rng = random.Random(2023)
    wijken = _wijk_gebied()
    plan: list[tuple[int, int]] = [(2023, i % 12 + 1) for i in range(count_2023)]
    plan += [(2022, 9 + i % 4) for i in range(count_2022)]
    seen: set[tuple[str, str, datetime.date]] = set()
    result: list[ActiviteitData] = []
    for i, (year, month) in enumerate(plan):
        wijk, gebied = wijken[i % len(wijken)]
        while True:
            sjabloon = rng.choice(SJABLONEN)
            datum = D(year, month, rng.randint(1, 28))
            key = (sjabloon.titel, wijk, datum)
            if key not in seen:
                seen.add(key)
                break
        brokers = _brokers_on(gebied, datum)
        medewerkers = rng.sample(brokers, k=min(len(brokers), rng.choice([1, 1, 1, 2])))
        if sjabloon.soort in (A.OVERLEG, A.SIGNALERING):
            bereikt, geactiveerd = (
                (rng.randint(1, 3) if sjabloon.soort == A.SIGNALERING else None),
                None,
            )
        else:
            bereikt = rng.randint(4, 45)
            geactiveerd = rng.choice([None, 0, 1, 1, 2, 3])
        result.append(
            ActiviteitData(
                titel=sjabloon.titel,
                wijk=wijk,
                datum=datum,
                soort=sjabloon.soort,
                rol=sjabloon.rol,
                themas=sjabloon.themas,
                partners=sjabloon.partners,
                medewerkers=medewerkers,
                bewoners_bereikt=bereikt,
                bewoners_geactiveerd=geactiveerd,
                beschrijving=sjabloon.beschrijving,
            )
        )
    return result
