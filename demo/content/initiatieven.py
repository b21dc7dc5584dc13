"""Resident initiatives named in seed 000, with status history, funding and counts.

Initiators are given by number only (no names). Amounts of funding applications
are plausible demo values; the seed names the funds (Wensfonds, the 3x3
basketball-court subsidy), not the amounts.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from initiatieven.choices import AanvraagStatus as F
from initiatieven.choices import InitiatiefStatus as S

D = datetime.date


@dataclass(frozen=True)
class Aanvraag:
    fonds: str
    bedrag: int
    aangevraagd_op: datetime.date
    status: str
    besluit_op: datetime.date | None = None


@dataclass(frozen=True)
class InitiatiefData:
    naam: str
    wijk: str
    omschrijving: str
    # Status history, oldest first; the last one is the current status.
    historie: list[tuple[str, datetime.date, str]]
    themas: list[str]
    ondersteuners: list[str]
    partners: list[str] = field(default_factory=list)
    initiatiefnemers: str = ""
    aantal_initiatiefnemers: int | None = None
    # Veranderverhaal (theory of change).
    doelgroep: str = ""
    aanpak: str = ""
    directe_effecten: str = ""
    indirecte_bijdrage: str = ""
    aanvragen: list[Aanvraag] = field(default_factory=list)
    # (datum, vrijwilligers, deelnemers)
    tellingen: list[tuple[datetime.date, int, int]] = field(default_factory=list)


INITIATIEVEN: dict[str, InitiatiefData] = {
    "dementie": InitiatiefData(
        naam="Dementievriendelijk Noordveen",
        wijk="Noordveen",
        omschrijving=(
            "Inwoners, organisaties en ondernemers maken de wijk dementievriendelijk, onder "
            "meer met trainingen. Het plan voor 2024 breidt dit uit naar alle wijken van het team."
        ),
        historie=[
            (S.ACTIEF, D(2022, 9, 1), "Eerste trainingen in Noordveen."),
        ],
        themas=["Dementie", "Ontmoeting"],
        ondersteuners=["ingrid"],
        partners=["Odensehuis", "Gemeente Zutphen"],
        aantal_initiatiefnemers=3,
        tellingen=[(D(2023, 10, 26), 6, 40)],
    ),
    "leuke_straat": InitiatiefData(
        naam="Een leuke straat in het Centrum",
        wijk="Centrum",
        omschrijving=(
            "Een inwoner wil meer connectie tussen ondernemers en buurtbewoners om er een leuke "
            "straat van te maken; de sociaal makelaar helpt bij het plan."
        ),
        historie=[(S.IDEE, D(2023, 5, 10), "Inwoner meldt zich bij de inloop.")],
        themas=["Ontmoeting", "Leefbaarheid"],
        ondersteuners=["yasmina"],
        aantal_initiatiefnemers=1,
    ),
    "mulderskamp": InitiatiefData(
        naam="Buurtactiviteiten Mulderskamp",
        wijk="De Hoven",
        omschrijving=(
            "De activiteitencommissie van buurthuis Mulderskamp zet activiteiten op voor de buurt; "
            "tijdens de week van de ontmoeting ging ze bijvoorbeeld op bezoek bij Boer Kip."
        ),
        historie=[
            (S.ACTIEF, D(2021, 3, 1), ""),
        ],
        themas=["Ontmoeting", "Eenzaamheid"],
        ondersteuners=["yasmina", "ingrid"],
        partners=["Buurthuis Mulderskamp", "Wijkplatform De Hoven", "Internationale Schakelklas"],
        initiatiefnemers="activiteitencommissie",
        aantal_initiatiefnemers=4,
        doelgroep="Bewoners van De Hoven, met name ouderen die weinig contacten hebben.",
        aanpak=(
            "Sociaal makelaar is wekelijks aanwezig in de Mulderskamp, helpt de "
            "activiteitencommissie vrijwilligers te werven en verbindt haar met het Wijkplatform "
            "en de Internationale Schakelklas."
        ),
        directe_effecten=(
            "Meer vrijwilligers en meer activiteiten; ook andere straten vragen de flyer met het "
            "programma; steeds nieuwe bezoekers naast de vaste kern."
        ),
        indirecte_bijdrage=(
            "Minder eenzaamheid (bewoners voelen zich niet meer alleen staan) en meer begrip "
            "tussen bewoners en nieuwkomers: onbekend maakt onbemind."
        ),
        tellingen=[(D(2023, 1, 15), 5, 25), (D(2023, 10, 4), 9, 40)],
    ),
    "ubuntu": InitiatiefData(
        naam="Ubuntu-plein",
        wijk="Noorderhaven",
        omschrijving=(
            "Bewonersplein in de Noorderhaven met een eigen bestuur; samen met het wijkteam "
            "Noorderhaven in gesprek over een vindbare plek voor Perspectief in de wijk."
        ),
        historie=[(S.ACTIEF, D(2022, 5, 1), "")],
        themas=["Ontmoeting", "Leefbaarheid"],
        ondersteuners=["yasmina"],
        partners=["Stichting Ubuntu-plein", "Wijkteam Noorderhaven"],
        initiatiefnemers="bestuur Ubuntu-plein",
    ),
    "cleanup": InitiatiefData(
        naam="Clean Up week en World Clean Up Day",
        wijk="Waterkwartier",
        omschrijving=(
            "Een week rond World Clean Up Day over afval scheiden, recyclen en duurzaamheid, met "
            "een wedstrijd afval verzamelen voor de basisscholen in de wijk."
        ),
        historie=[
            (S.IDEE, D(2023, 4, 12), "Signaal uit de wijk: moeite met afval scheiden."),
            (S.IN_VOORBEREIDING, D(2023, 6, 1), "Plan met buurtbewoner en scholen."),
            (S.ACTIEF, D(2023, 9, 11), "Start van de Clean Up week."),
        ],
        themas=["Afval en duurzaamheid", "Jongeren", "Leefbaarheid"],
        ondersteuners=["ruud", "lotte"],
        partners=["Gemeente Zutphen", "Circulus"],
        aantal_initiatiefnemers=2,
        doelgroep="Buurtbewoners en basisschoolkinderen in het Waterkwartier.",
        aanpak=(
            "Voorlichting over afval scheiden, lessen op basisscholen, een wedstrijd afval "
            "verzamelen en een dag met gemeente, Circulus, vrijwilligersinitiatieven en de "
            "lokale middenstand."
        ),
        directe_effecten=(
            "Kinderen en ouders ruimen afval en peuken op; bewoners weten beter hoe ze afval "
            "scheiden."
        ),
        indirecte_bijdrage=(
            "Een schonere wijk, lagere kosten voor bewoners en meer aandacht voor duurzaamheid."
        ),
        tellingen=[(D(2023, 9, 16), 15, 120)],
    ),
    "kinderboerderij": InitiatiefData(
        naam="Vrijwilligers voor de kinderboerderij",
        wijk="Waterkwartier",
        omschrijving=(
            "De kinderboerderij heeft een nieuw beheer en te weinig vrijwilligers; samen met een "
            "bewoner geven we haar meer bekendheid in de wijk."
        ),
        historie=[(S.IN_VOORBEREIDING, D(2023, 10, 11), "")],
        themas=["Vrijwillige inzet", "Groen"],
        ondersteuners=["lotte"],
        aantal_initiatiefnemers=1,
    ),
    "creatief": InitiatiefData(
        naam="Creatieve ochtend",
        wijk="Waterkwartier",
        omschrijving=(
            "Elke woensdagochtend komen buurtbewoners samen om creatief bezig te zijn en zo te "
            "ontspannen. Het begon na de opruimactie in de Staatsliedenbuurt."
        ),
        historie=[
            (S.IDEE, D(2023, 8, 30), "Vrijwilliger meldt zich na de opruimactie."),
            (S.ACTIEF, D(2023, 10, 4), "Eerste creatieve ochtend."),
        ],
        themas=["Cultuur", "Ontmoeting", "Eenzaamheid"],
        ondersteuners=["lotte"],
        aantal_initiatiefnemers=1,
        doelgroep="Buurtbewoners die behoefte hebben aan ontspanning en contact.",
        aanpak="Wekelijkse creatieve ochtend, georganiseerd door een vrijwilliger met de makelaar.",
        directe_effecten="Een vaste plek om te ontmoeten en creatief bezig te zijn.",
        indirecte_bijdrage="Minder stress en eenzaamheid; meer mensen doen mee in de wijk.",
        tellingen=[(D(2023, 10, 4), 2, 6), (D(2023, 12, 6), 2, 9)],
    ),
    "vadergroep": InitiatiefData(
        naam="Eritrese vadergroep",
        wijk="Waterkwartier",
        omschrijving=(
            "Eritrese vaders treffen elkaar op zaterdagmiddag in de hopwoning; ze kaarten en zijn "
            "bij elkaar. Vanaf januari redt de groep het zonder de sociaal makelaar."
        ),
        historie=[
            (S.IN_VOORBEREIDING, D(2023, 2, 4), ""),
            (S.ACTIEF, D(2023, 3, 4), "Wekelijks op zaterdagmiddag."),
        ],
        themas=["Ontmoeting", "Diversiteit en inclusie"],
        ondersteuners=["lotte"],
        aantal_initiatiefnemers=2,
        doelgroep="Vaders uit Eritrea in en rond het Waterkwartier.",
        aanpak=(
            "Een vaste plek en tijd (de hopwoning, zaterdagmiddag); de sociaal makelaar is in "
            "het begin veel aanwezig en bouwt dat af."
        ),
        directe_effecten="Een vaste groep van 5 vaders, vaak 2 of 3 meer.",
        indirecte_bijdrage="Minder isolement en een netwerk in de wijk; zelfstandig vanaf 2024.",
        tellingen=[(D(2023, 4, 1), 1, 5), (D(2023, 11, 25), 1, 8)],
    ),
    "moesweide": InitiatiefData(
        naam="Klankbordgroep Moesweide",
        wijk="Zuidwijken",
        omschrijving=(
            "Bewoners denken mee over de nieuwe invulling van de Moesweide, een voormalige "
            "geitenweide in de Moesmate."
        ),
        historie=[(S.IN_VOORBEREIDING, D(2023, 8, 15), "")],
        themas=["Groen", "Leefbaarheid"],
        ondersteuners=["marco"],
        partners=["Gemeente Zutphen"],
        aantal_initiatiefnemers=4,
        tellingen=[(D(2023, 8, 29), 4, 0)],
    ),
    "wijkfeest": InitiatiefData(
        naam="Wijkfeest Zuidwijken",
        wijk="Zuidwijken",
        omschrijving=(
            "Wijkfeest met workshops, muziek, theater, kunst en ontmoeting op verschillende "
            "plekken in de Zuidwijken."
        ),
        historie=[
            (S.IN_VOORBEREIDING, D(2023, 5, 1), ""),
            (S.ACTIEF, D(2023, 9, 16), "Wijkfeest gehouden."),
        ],
        themas=["Ontmoeting", "Cultuur"],
        ondersteuners=["marco"],
        partners=["Buurtnetwerk Zuidwijken"],
        initiatiefnemers="Buurtnetwerk en bewoners",
    ),
    "vergroening": InitiatiefData(
        naam="Vergroening: plantenbakken aan de schuur",
        wijk="Zuidwijken",
        omschrijving=(
            "Een actieve buurtbewoonster verzamelde buren die plantenbakken aan de muur van hun "
            "schuur wilden. Volgend jaar komt er een geveltuintje."
        ),
        historie=[
            (S.IDEE, D(2023, 6, 20), ""),
            (S.IN_VOORBEREIDING, D(2023, 8, 1), "Aanvraag Wensfonds."),
            (S.ACTIEF, D(2023, 11, 18), "Plantenbakken geplaatst."),
        ],
        themas=["Groen", "Ontmoeting"],
        ondersteuners=["marco", "tim"],
        partners=["Wensfonds"],
        aantal_initiatiefnemers=1,
        doelgroep="Bewoners van een straat in de Zuidwijken.",
        aanpak=(
            "Buren verzamelen, een aanvraag bij het Wensfonds, samen op een zaterdag de "
            "plantenbakken ophangen; de sociaal makelaars zorgen voor koffie en gesprek."
        ),
        directe_effecten="12 deelnemers; een groenere straat; buren kennen elkaar beter.",
        indirecte_bijdrage="Meer sociale cohesie en een prettiger, groenere leefomgeving.",
        aanvragen=[
            Aanvraag("Wensfonds", 650, D(2023, 8, 7), F.TOEGEKEND, D(2023, 9, 20)),
        ],
        tellingen=[(D(2023, 11, 18), 2, 12)],
    ),
    "speelweide": InitiatiefData(
        naam="Speelweide ’t Spiker",
        wijk="Warnsveld",
        omschrijving=(
            "Opnieuw inrichten van de speelweide bij ’t Spiker: speeltoestellen, "
            "voetbaldoeltjes, bankjes en een jeu-de-boulesbaan."
        ),
        historie=[
            (S.IDEE, D(2023, 6, 1), ""),
            (S.IN_VOORBEREIDING, D(2023, 10, 18), "Ontwerp gekozen."),
        ],
        themas=["Spelen", "Jongeren"],
        ondersteuners=["daan"],
        partners=["Gemeente Zutphen"],
        aantal_initiatiefnemers=5,
    ),
    "basketbal": InitiatiefData(
        naam="3x3-basketbalplein ’t Spiker",
        wijk="Warnsveld",
        omschrijving=(
            "Een buurtbewoner wil een basketbalplein realiseren via de 3x3-basketbalplein"
            "subsidie, met een teamleaderprogramma gericht op activatie."
        ),
        historie=[(S.IN_VOORBEREIDING, D(2023, 10, 18), "")],
        themas=["Jongeren", "Spelen", "Gezondheid"],
        ondersteuners=["daan"],
        aantal_initiatiefnemers=1,
        aanvragen=[Aanvraag("3x3-basketbalpleinsubsidie", 20000, D(2023, 12, 5), F.AANGEVRAAGD)],
    ),
    "hofjes": InitiatiefData(
        naam="Tuinproject en buurtpreventie Hofjes Warnsveld",
        wijk="Warnsveld",
        omschrijving=(
            "Uit het behoefteonderzoek van Aventus-studenten: een buurtpreventie-appgroep en "
            "een tuindag om tuinen netjes en winterklaar te maken (10 januari 2024)."
        ),
        historie=[(S.IN_VOORBEREIDING, D(2023, 11, 29), "")],
        themas=["Veiligheid", "Groen"],
        ondersteuners=["daan"],
        partners=["Aventus", "Ieder1", "Gemeente Zutphen"],
    ),
    "tnut": InitiatiefData(
        naam="Culturele activiteiten in ’t Nut",
        wijk="Warnsveld",
        omschrijving=(
            "Een groepje inwoners organiseert culturele activiteiten voor iedereen in buurthuis "
            "’t Nut: een live muziekmiddag en een filmavond."
        ),
        historie=[
            (S.IN_VOORBEREIDING, D(2023, 9, 1), ""),
            (S.ACTIEF, D(2023, 12, 16), "Live muziekmiddag."),
        ],
        themas=["Cultuur", "Ontmoeting"],
        ondersteuners=["daan"],
        partners=["HoVoBo buurtvereniging", "Luxor", "Spikercorner"],
        aantal_initiatiefnemers=4,
    ),
    "bloemenweide": InitiatiefData(
        naam="Bloemenweide Warnsveld",
        wijk="Warnsveld",
        omschrijving=(
            "Een bloemenweide tegenover het huis van een buurvrouw die zich er graag voor "
            "inzette; gerealiseerd mede ter nagedachtenis aan haar."
        ),
        historie=[
            (S.IDEE, D(2023, 6, 7), ""),
            (S.ACTIEF, D(2023, 7, 1), "Koffiecontacten met buren."),
            (S.ZELFSTANDIG, D(2023, 11, 1), "Bloemenweide gerealiseerd."),
        ],
        themas=["Groen", "Eenzaamheid"],
        ondersteuners=["daan"],
        aantal_initiatiefnemers=4,
    ),
    "wic": InitiatiefData(
        naam="Bewonerswijkteam Leesten en WIC",
        wijk="Leesten",
        omschrijving=(
            "Het bewonerswijkteam beheert het wijkinformatiecentrum (WIC) als ontmoetingsplek, "
            "hield een enquête en organiseerde een inloopweek in de herfstvakantie."
        ),
        historie=[(S.ACTIEF, D(2020, 1, 1), "")],
        themas=["Ontmoeting", "Leefbaarheid"],
        ondersteuners=["femke"],
        partners=["Bewonerswijkteam Leesten", "Pionieren"],
        initiatiefnemers="bewonerswijkteam",
        doelgroep="Inwoners van Leesten, veel jonge gezinnen, overdag vaak weg.",
        aanpak=(
            "Het bewonerswijkteam en het WIC versterken; een enquête via het wijkmagazine; een "
            "inloopweek met partners in de wijk."
        ),
        directe_effecten=(
            "110 ingevulde enquêtes, meer actieve inwoners, de groep 'Pionieren' treedt toe."
        ),
        indirecte_bijdrage="Meer verbondenheid met de wijk en een levendige ontmoetingsplek.",
        tellingen=[(D(2023, 1, 10), 6, 0), (D(2023, 10, 20), 14, 0)],
    ),
    "canyon": InitiatiefData(
        naam="Canyon Jam skate event",
        wijk="Leesten",
        omschrijving=(
            "Skate event georganiseerd door jongeren, met activiteiten voor de buurt voor alle "
            "leeftijden. In 2023 de tweede editie."
        ),
        historie=[
            (S.ACTIEF, D(2022, 9, 1), "Eerste editie."),
        ],
        themas=["Jongeren", "Spelen", "Ontmoeting"],
        ondersteuners=["femke", "marco", "daan"],
        partners=["Bewonerswijkteam Leesten"],
        initiatiefnemers="jongeren uit de wijk",
        aantal_initiatiefnemers=6,
        doelgroep="Skaters en jongeren uit Zutphen, en buurtbewoners van alle leeftijden.",
        aanpak=(
            "Jongeren organiseren zelf; sociaal makelaars brengen hun netwerk in en verbinden "
            "met ondernemers, professionals en het bewonerswijkteam."
        ),
        directe_effecten="250–300 bezoekers en deelnemers; het WIC werd bekender.",
        indirecte_bijdrage=(
            "Jongeren nemen verantwoordelijkheid in de wijk; meer contact tussen generaties."
        ),
        aanvragen=[Aanvraag("Wensfonds", 1500, D(2023, 5, 15), F.TOEGEKEND, D(2023, 6, 26))],
        tellingen=[(D(2022, 9, 24), 10, 150), (D(2023, 9, 23), 18, 250)],
    ),
}
