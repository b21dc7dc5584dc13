"""Buurtservice: capacity, workers (section 3 of seed 000) and generated jobs.

Workers are named by first name and initial only; requesters by title and
surname only, with just the address the job needs.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal

from buurtservice.choices import Herkomst as H
from buurtservice.choices import KlusSoort as K
from buurtservice.choices import KlusStatus as KS
from buurtservice.choices import Uitstroom as U
from buurtservice.choices import UitvoerderSoort as US
from buurtservice.choices import Verwijzer as V

D = datetime.date

# (uren per week, start, eind, omschrijving). +12 h/week from 2023-03-01 (section 3).
CAPACITEIT: list[tuple[int, datetime.date, datetime.date | None, str]] = [
    (24, D(2022, 1, 1), D(2023, 2, 28), "Coördinatie en begeleiding Buurtservice"),
    (
        36,
        D(2023, 3, 1),
        None,
        "Plan Sterke Wijken: 12 uur per week extra inzet vanaf 1 maart 2023",
    ),
]


@dataclass(frozen=True)
class UitvoerderData:
    naam: str
    soort: str
    herkomst: str
    start: datetime.date
    eind: datetime.date | None = None
    uitstroom: str = ""
    notities: str = ""


HAN_NOTE = "Eerstejaars HAN Social Work."
UITVOERDERS: list[UitvoerderData] = [
    # --- started before 2023 ---
    UitvoerderData(
        "Gerrit W.", US.VRIJWILLIGER, H.WIJK, D(2019, 3, 4), notities="Leermeester; timmerman."
    ),
    UitvoerderData("Hans R.", US.VRIJWILLIGER, H.WIJK, D(2021, 6, 7), notities="Leermeester."),
    UitvoerderData(
        "Piet K.",
        US.VRIJWILLIGER,
        H.ANDERS,
        D(2020, 9, 1),
        D(2022, 12, 31),
        U.ANDERS,
        "Verhuisd.",
    ),
    UitvoerderData("Dennis M.", US.DEELNEMER, H.GELREWERKT, D(2022, 9, 5)),
    UitvoerderData(
        "Kevin B.",
        US.DEELNEMER,
        H.GELREWERKT,
        D(2022, 2, 1),
        D(2023, 8, 31),
        U.OPLEIDING,
        "Start met de basiscursus Bouw en een entree-opleiding.",
    ),
    UitvoerderData(
        "Sandra V.",
        US.DEELNEMER,
        H.GELREWERKT,
        D(2022, 5, 16),
        D(2023, 4, 28),
        U.BETAALD_WERK,
        "Uitgestroomd naar betaald werk bij een hovenier.",
    ),
    # --- first half of 2023: 4 new volunteers (wijk, AZC, Tactus) ---
    UitvoerderData(
        "Jolanda P.", US.VRIJWILLIGER, H.WIJK, D(2023, 2, 6), notities="Via de Bornkrant."
    ),
    UitvoerderData("Tesfay G.", US.VRIJWILLIGER, H.AZC, D(2023, 3, 13)),
    UitvoerderData("Rob H.", US.VRIJWILLIGER, H.TACTUS, D(2023, 4, 3)),
    UitvoerderData(
        "Willem S.", US.VRIJWILLIGER, H.WIJK, D(2023, 5, 22), notities="Via de buurtbraderie."
    ),
    # --- first half of 2023: inflow from GelreWerkt, one quickly to paid work ---
    UitvoerderData(
        "Ilse T.",
        US.DEELNEMER,
        H.GELREWERKT,
        D(2023, 3, 20),
        D(2023, 6, 30),
        U.BETAALD_WERK,
        "Snelle uitstroom naar betaald werk.",
    ),
    UitvoerderData("Bas J.", US.DEELNEMER, H.GELREWERKT, D(2023, 5, 8)),
    # --- second half of 2023: 8 volunteers from the AZC ---
    UitvoerderData("Yonas T.", US.VRIJWILLIGER, H.AZC, D(2023, 7, 10)),
    UitvoerderData(
        "Samir H.",
        US.VRIJWILLIGER,
        H.AZC,
        D(2023, 7, 24),
        D(2023, 11, 30),
        U.ANDERS,
        "Verhuisd naar een andere gemeente.",
    ),
    UitvoerderData("Dawit M.", US.VRIJWILLIGER, H.AZC, D(2023, 8, 14)),
    UitvoerderData("Omar S.", US.VRIJWILLIGER, H.AZC, D(2023, 8, 28)),
    UitvoerderData("Ali R.", US.VRIJWILLIGER, H.AZC, D(2023, 9, 11)),
    UitvoerderData("Mahmoud K.", US.VRIJWILLIGER, H.AZC, D(2023, 10, 2)),
    UitvoerderData("Filmon B.", US.VRIJWILLIGER, H.AZC, D(2023, 10, 23)),
    UitvoerderData("Hamid N.", US.VRIJWILLIGER, H.AZC, D(2023, 11, 13)),
    # --- second half of 2023: 4 work-experience places from GelreWerkt ---
    UitvoerderData("Ricardo L.", US.DEELNEMER, H.GELREWERKT, D(2023, 7, 3)),
    UitvoerderData("Esther D.", US.DEELNEMER, H.GELREWERKT, D(2023, 8, 21)),
    UitvoerderData("Nadia O.", US.DEELNEMER, H.GELREWERKT, D(2023, 9, 18)),
    UitvoerderData("Mark E.", US.DEELNEMER, H.GELREWERKT, D(2023, 11, 6)),
    # --- second half of 2023: 2 HAN interns, 2 from the wijk, 1 European Solidarity Corps ---
    UitvoerderData("Lisa M.", US.STAGIAIR, H.HAN, D(2023, 9, 4), notities=HAN_NOTE),
    UitvoerderData("Jesse K.", US.STAGIAIR, H.HAN, D(2023, 9, 4), notities=HAN_NOTE),
    UitvoerderData("Ton B.", US.VRIJWILLIGER, H.WIJK, D(2023, 8, 7)),
    UitvoerderData("Annemiek V.", US.VRIJWILLIGER, H.WIJK, D(2023, 10, 16)),
    UitvoerderData(
        "Giulia R.",
        US.VRIJWILLIGER,
        H.ESC,
        D(2023, 9, 25),
        notities="Via St. Felis Foundation en het European Solidarity Corps.",
    ),
]

STRATEN: dict[str, list[str]] = {
    "Centrum": ["Beukerstraat", "Laarstraat", "Houtmarkt", "Zaadmarkt"],
    "De Hoven": ["Rijksstraatweg", "Hanzeweg", "Overwelving"],
    "Noordveen": ["Noordveenweg", "Berkenlaan", "Kastanjelaan"],
    "Noorderhaven": ["Havenkade", "Zuidelijke Kanaalweg", "Dockweg"],
    "Waterkwartier": ["Thorbeckestraat", "Troelstrastraat", "Rijnstraat", "Waalstraat"],
    "Zuidwijken": ["Braamkamp", "Zwanevlot", "Moesmate", "Brinkhorst"],
    "Warnsveld": ["Lammerhof", "Herdershof", "Scheerdershof", "Dreiumme"],
    "Leesten": ["Leestenseweg", "Leestensepad", "Weerdslag"],
}
# Waterkwartier weighs most: the Ketelhuis (Buurtservice's base) is there.
WIJK_GEWICHTEN = {
    "Waterkwartier": 5,
    "Zuidwijken": 3,
    "Centrum": 2,
    "De Hoven": 2,
    "Noordveen": 1,
    "Noorderhaven": 1,
    "Warnsveld": 2,
    "Leesten": 2,
}
NAMEN = [
    "Mw. De Vries",
    "Dhr. Jansen",
    "Mw. Bakker",
    "Dhr. Visser",
    "Mw. Smit",
    "Dhr. Meijer",
    "Mw. Mulder",
    "Dhr. Bos",
    "Mw. Vos",
    "Dhr. Peters",
    "Mw. Hendriks",
    "Dhr. Dekker",
    "Mw. Brouwer",
    "Dhr. Wijnen",
    "Mw. Yilmaz",
    "Dhr. Ahmadi",
]
OMSCHRIJVINGEN: dict[str, list[str]] = {
    K.TUIN: ["Tuin opruimen en snoeien", "Heg knippen", "Tuin winterklaar maken"],
    K.DREMPEL: ["Drempelhulp plaatsen bij de voordeur", "Drempel naar het balkon verlagen"],
    K.BEUGELS: ["Beugels ophangen in badkamer en toilet", "Trapleuning bijplaatsen"],
    K.KLEIN_ONDERHOUD: ["Lamp ophangen", "Deurklink repareren", "Gordijnrails ophangen"],
    K.WMO_AANPASSING: [
        "Overkapping voor de scootmobiel",
        "Tuinpad aanpassen voor de scootmobiel",
    ],
    K.VERHUIZING: ["Hulp bij verhuizing binnen de wijk"],
    K.ANDERS: ["Kast in elkaar zetten", "Schuur leegruimen"],
}
ANNULERINGSREDENEN = [
    "Aanvrager heeft het zelf laten doen.",
    "Aanvrager verhuisd.",
    "Valt buiten het werkgebied van Buurtservice.",
]

# Demand starts earlier than 2023 so the waiting list at 2023-03-01 is long.
WMO_START = D(2023, 7, 1)  # cooperation with the WMO started in the second half of 2023
EIND = D(2023, 12, 31)


@dataclass
class KlusData:
    aanvraagdatum: datetime.date
    wijk: str
    soort: str
    verwijzer: str
    omschrijving: str
    aanvrager_naam: str
    aanvrager_adres: str
    status: str = KS.AANGEMELD
    gepland_op: datetime.date | None = None
    uitgevoerd_op: datetime.date | None = None
    geannuleerd_op: datetime.date | None = None
    annuleringsreden: str = ""
    # (uitvoerder naam, uren or None)
    inzet: list[tuple[str, Decimal | None]] = field(default_factory=list)
    # (status, datum)
    historie: list[tuple[str, datetime.date]] = field(default_factory=list)


def _weekly_capacity(monday: datetime.date) -> int:
    """Jobs Buurtservice can do in a week: few before the extra hours of March 2023."""
    week = monday.isocalendar()[1]
    if monday < D(2023, 3, 1):
        return 1 if week % 3 else 0
    if monday < D(2023, 7, 1):
        return 2 if week % 2 else 1
    return 2 if week % 4 else 1


def _active_workers(datum: datetime.date) -> list[str]:
    return [u.naam for u in UITVOERDERS if u.start <= datum and (u.eind is None or u.eind >= datum)]


def _requests(rng: random.Random) -> list[KlusData]:
    # Request dates: 16 at the end of 2022, 80 in 2023 (more in the second half).
    dates = [D(2022, 10, 1) + datetime.timedelta(days=rng.randint(0, 91)) for _ in range(16)]
    dates += [D(2023, 1, 1) + datetime.timedelta(days=rng.randint(0, 180)) for _ in range(36)]
    dates += [D(2023, 7, 1) + datetime.timedelta(days=rng.randint(0, 183)) for _ in range(44)]
    dates.sort()
    wijken = list(WIJK_GEWICHTEN)
    gewichten = list(WIJK_GEWICHTEN.values())
    seen: set[tuple[datetime.date, str]] = set()
    result = []
    for datum in dates:
        wijk = rng.choices(wijken, gewichten)[0]
        if datum >= WMO_START:
            verwijzer = rng.choices(
                [V.WMO, V.WONINGCORPORATIE, V.SOCIAAL_WERKER, V.INWONER], [3, 2, 2, 3]
            )[0]
        else:
            verwijzer = rng.choices([V.WONINGCORPORATIE, V.SOCIAAL_WERKER, V.INWONER], [1, 2, 4])[0]
        if verwijzer == V.WMO:
            soort = rng.choices([K.DREMPEL, K.BEUGELS, K.WMO_AANPASSING], [2, 2, 3])[0]
        else:
            soort = rng.choices(
                [K.TUIN, K.KLEIN_ONDERHOUD, K.BEUGELS, K.DREMPEL, K.VERHUIZING, K.ANDERS],
                [5, 4, 2, 1, 1, 1],
            )[0]
        while True:
            adres = f"{rng.choice(STRATEN[wijk])} {rng.randint(1, 160)}"
            if (datum, adres) not in seen:
                seen.add((datum, adres))
                break
        result.append(
            KlusData(
                aanvraagdatum=datum,
                wijk=wijk,
                soort=soort,
                verwijzer=verwijzer,
                omschrijving=rng.choice(OMSCHRIJVINGEN[soort]),
                aanvrager_naam=rng.choice(NAMEN),
                aanvrager_adres=adres,
            )
        )
    return result


def generate() -> list[KlusData]:
    """Simulate the intake and the weekly capacity from October 2022 to the end of 2023."""
    rng = random.Random(2023)
    klussen = _requests(rng)
    # A few requests are cancelled after some waiting.
    for klus in klussen:
        if rng.random() < 0.07:
            klus.geannuleerd_op = klus.aanvraagdatum + datetime.timedelta(days=rng.randint(5, 40))
    monday = D(2022, 10, 3)
    while monday <= EIND:
        queue = [
            k
            for k in klussen
            if k.uitgevoerd_op is None
            and k.aanvraagdatum <= monday - datetime.timedelta(days=3)
            and (k.geannuleerd_op is None or k.geannuleerd_op > monday)
        ]
        for klus in queue[: _weekly_capacity(monday)]:
            klus.uitgevoerd_op = monday + datetime.timedelta(days=rng.randint(0, 4))
            klus.geannuleerd_op = None
        monday += datetime.timedelta(days=7)

    for klus in klussen:
        _finish(klus, rng)
    return klussen


def _finish(klus: KlusData, rng: random.Random) -> None:
    """Derive status, dates, history and assignments from the simulated outcome."""
    klus.historie = [(KS.AANGEMELD, klus.aanvraagdatum)]
    end = klus.uitgevoerd_op or klus.geannuleerd_op or EIND
    wachtlijst_op = klus.aanvraagdatum + datetime.timedelta(days=2)
    if (end - klus.aanvraagdatum).days > 14:
        klus.historie.append((KS.WACHTLIJST, wachtlijst_op))
    if klus.geannuleerd_op and klus.geannuleerd_op <= EIND:
        klus.status = KS.GEANNULEERD
        klus.annuleringsreden = rng.choice(ANNULERINGSREDENEN)
        klus.historie.append((KS.GEANNULEERD, klus.geannuleerd_op))
        return
    klus.geannuleerd_op = None
    if klus.uitgevoerd_op:
        klus.status = KS.UITGEVOERD
        klus.gepland_op = klus.uitgevoerd_op
        ingepland_op = max(klus.aanvraagdatum, klus.uitgevoerd_op - datetime.timedelta(days=7))
        if klus.historie[-1][1] >= ingepland_op:
            ingepland_op = klus.historie[-1][1]
        klus.historie.append((KS.INGEPLAND, ingepland_op))
        klus.historie.append((KS.UITGEVOERD, klus.uitgevoerd_op))
        workers = _active_workers(klus.uitgevoerd_op)
        for naam in rng.sample(workers, k=min(len(workers), rng.choice([1, 2, 2, 3]))):
            klus.inzet.append((naam, Decimal(rng.randint(2, 12)) / 2))
        return
    # Still open at the end of 2023: the waiting list.
    klus.status = klus.historie[-1][0]
    if klus.status == KS.WACHTLIJST and rng.random() < 0.3:
        klus.status = KS.INGEPLAND
        klus.gepland_op = D(2024, 1, rng.randint(8, 19))
        ingepland_op = max(klus.historie[-1][1], D(2023, 12, rng.randint(18, 22)))
        klus.historie.append((KS.INGEPLAND, ingepland_op))
        workers = _active_workers(EIND)
        klus.inzet.append((rng.choice(workers), None))
