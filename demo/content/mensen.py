"""Staff (Medewerkers) and demo logins. All person names are fictional.

Brokers per gebied follow Bijlage 2 of seed 000: Waterkwartier 1 → 2,
Centrum/De Hoven/Noordveen/Noorderhaven 1 → 2, Zuidwijken/Warnsveld/Leesten
1 → 3. That is 7, while section 1 reports 8 brokers in 2023. The eighth is a
second extra broker in Zuidwijken – Warnsveld – Leesten who started in
October 2023: Bijlage 1 has the new broker join a green project in the
Zuidwijken in November. So that gebied has 4 at
the end of 2023. The mbo sociaal makelaar in Waterkwartier is a pilot on top
of the agreed number (functie mbo_sociaal_makelaar, is_pilot) and is not
counted among the 8.

At the end of 2020 there were 3 brokers, one per sociaal wijkteam; a former
broker of Centrum left in August 2020 and was succeeded in September 2020.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from core.roles import Role
from wijken.choices import Functie

from .referentie import CENTRUM, WATERKWARTIER, ZUID

D = datetime.date

PASSWORD = "demo-wachtwoord"

ABCD = "Bijgeschoold in de ABCD-methodiek (Asset Based Community Development)."
ABCD_2024 = "Training on the job door collega sociaal makelaars; ABCD-methodiek volgt in 2024."


@dataclass(frozen=True)
class MedewerkerData:
    naam: str
    functie: str
    uren: int
    start: datetime.date
    gebieden: list[str] = field(default_factory=list)
    standaard_wijk: str | None = None
    eind: datetime.date | None = None
    is_pilot: bool = False
    notities: str = ""


# Keys are used by the other demo modules to refer to staff.
MEDEWERKERS: dict[str, MedewerkerData] = {
    # --- the three brokers of the end of 2020 (one per sociaal wijkteam) ---
    "ruud": MedewerkerData(
        "Ruud Hendriks",
        Functie.SOCIAAL_MAKELAAR,
        32,
        D(2019, 4, 1),
        [WATERKWARTIER],
        "Waterkwartier",
        notities="Ervaren sociaal makelaar; traint nieuwe collega's on the job. " + ABCD,
    ),
    "henk": MedewerkerData(
        "Henk Lammers",
        Functie.SOCIAAL_MAKELAAR,
        24,
        D(2016, 3, 1),
        [CENTRUM],
        "Centrum",
        eind=D(2020, 8, 31),
        notities="Met pensioen per september 2020.",
    ),
    "ingrid": MedewerkerData(
        "Ingrid Mulder",
        Functie.SOCIAAL_MAKELAAR,
        28,
        D(2020, 9, 1),
        [CENTRUM],
        "Noordveen",
        notities="Opvolger van Henk Lammers. " + ABCD,
    ),
    "marco": MedewerkerData(
        "Marco Wessels",
        Functie.SOCIAAL_MAKELAAR,
        32,
        D(2018, 1, 15),
        [ZUID],
        "Zuidwijken",
        notities="Ervaren sociaal makelaar; traint nieuwe collega's on the job. " + ABCD,
    ),
    # --- new brokers of the plan Sterke Wijken (2023) ---
    "lotte": MedewerkerData(
        "Lotte van Dijk",
        Functie.SOCIAAL_MAKELAAR,
        28,
        D(2023, 2, 1),
        [WATERKWARTIER],
        "Waterkwartier",
        notities="Nieuwe sociaal makelaar (Plan Sterke Wijken). " + ABCD,
    ),
    "yasmina": MedewerkerData(
        "Yasmina El Amrani",
        Functie.SOCIAAL_MAKELAAR,
        24,
        D(2023, 3, 1),
        [CENTRUM],
        "Centrum",
        notities="Nieuwe sociaal makelaar (Plan Sterke Wijken), vooral Centrum en Noorderhaven. "
        + ABCD,
    ),
    "daan": MedewerkerData(
        "Daan Verhoef",
        Functie.SOCIAAL_MAKELAAR,
        32,
        D(2023, 1, 9),
        [ZUID],
        "Warnsveld",
        notities="Nieuwe sociaal makelaar (Plan Sterke Wijken), vooral Warnsveld. " + ABCD,
    ),
    "femke": MedewerkerData(
        "Femke Jansen",
        Functie.SOCIAAL_MAKELAAR,
        24,
        D(2023, 4, 1),
        [ZUID],
        "Leesten",
        notities="Nieuwe sociaal makelaar (Plan Sterke Wijken), vooral Leesten. " + ABCD,
    ),
    "tim": MedewerkerData(
        "Tim Groeneveld",
        Functie.SOCIAAL_MAKELAAR,
        16,
        D(2023, 10, 2),
        [ZUID],
        "Zuidwijken",
        notities="Achtste sociaal makelaar, extra in de Zuidwijken. " + ABCD_2024,
    ),
    # --- the mbo pilot in Waterkwartier ---
    "abdi": MedewerkerData(
        "Abdi Warsame",
        Functie.MBO_SOCIAAL_MAKELAAR,
        24,
        D(2023, 7, 1),
        [WATERKWARTIER],
        "Waterkwartier",
        is_pilot=True,
        notities=(
            "Pilot mbo sociaal makelaar vanaf 1 juli 2023, naast het afgesproken aantal. "
            "Somalische achtergrond; groot netwerk in de wijk. " + ABCD_2024
        ),
    ),
    # --- other staff with a login ---
    "marieke": MedewerkerData(
        "Marieke de Boer",
        Functie.COORDINATOR,
        32,
        D(2015, 9, 1),
        notities="Coördinator sociaal makelaars en opsteller van de jaarrapportage.",
    ),
    "erik": MedewerkerData(
        "Erik Smit",
        Functie.BUURTSERVICE,
        36,
        D(2017, 5, 1),
        notities="Coördinator Buurtservice in het Ketelhuis.",
    ),
}

# Broker keys per gebied, for picking the staff of an activity.
MAKELAARS_PER_GEBIED: dict[str, list[str]] = {
    CENTRUM: ["henk", "ingrid", "yasmina"],
    WATERKWARTIER: ["ruud", "lotte", "abdi"],
    ZUID: ["marco", "daan", "femke", "tim"],
}


@dataclass(frozen=True)
class UserData:
    username: str
    role: Role
    first_name: str
    last_name: str
    medewerker: str | None = None
    is_staff: bool = False


USERS: list[UserData] = [
    UserData("makelaar", Role.MAKELAAR, "Ruud", "Hendriks", "ruud"),
    UserData("makelaar.zuid", Role.MAKELAAR, "Marco", "Wessels", "marco"),
    UserData("buurtservice", Role.BUURTSERVICE, "Erik", "Smit", "erik"),
    UserData("coordinator", Role.COORDINATOR, "Marieke", "de Boer", "marieke"),
    UserData("beheerder", Role.BEHEERDER, "Joost", "Vermeulen", None, is_staff=True),
]
