"""Demo signals of 2023 in the three gebieden, the collective questions they led to,
and the contacts with the buurtteams. All texts are made up for the demo.

The story: early in 2023 residents, the buurtteam, Buurtservice and the housing
corporation all mention money worries in the Waterkwartier (theme Armoede). That
recurring theme becomes the collective question "Rondkomen in het Waterkwartier",
which runs the whole route and is completed in December. In De Hoven loneliness
among older residents is explored and taken up with the Mulderskamp; in the
Zuidwijken a question about places for young people is still being explored.
"""

from __future__ import annotations

import datetime
import random

from django.db import transaction

from makelaars.models import Activiteit
from signalen.choices import Bron, ContactSoort, Partij, Uitkomst, VraagstukStatus
from signalen.models import BuurtteamContact, CollectiefVraagstuk, Signaal, VraagstukStatusWijziging

from .referentie import CENTRUM, WATERKWARTIER, ZUID

D = datetime.date
B = Bron

# (date, wijk, themes, source, text): the money worries in the Waterkwartier, Q1 2023.
GELDZORGEN = [
    (
        D(2023, 1, 12),
        "Waterkwartier",
        ["Armoede"],
        B.INWONER,
        "Op de koffieochtend zeggen meerdere bewoners dat ze de energierekening niet rondkrijgen.",
    ),
    (
        D(2023, 1, 26),
        "Waterkwartier",
        ["Armoede"],
        B.BUURTTEAM,
        "Het buurtteam ziet in deze wijk opvallend veel nieuwe vragen over betalingsachterstanden.",
    ),
    (
        D(2023, 2, 8),
        "Waterkwartier",
        ["Armoede", "Gezondheid"],
        B.BUURTSERVICE,
        "Bij klussen aan huis zien onze mensen dat de verwarming uit blijft om geld te sparen.",
    ),
    (
        D(2023, 2, 21),
        "Waterkwartier",
        ["Armoede"],
        B.PARTNER,
        "De woningcorporatie meldt meer huurders met een achterstand dan vorig jaar.",
    ),
    (
        D(2023, 3, 9),
        "Waterkwartier",
        ["Armoede", "Eenzaamheid"],
        B.EIGEN_WAARNEMING,
        "Ouders slaan het buurtfeest over omdat de eigen bijdrage te hoog is; schaamte speelt mee.",
    ),
    (
        D(2023, 3, 28),
        "Waterkwartier",
        ["Armoede"],
        B.INWONER,
        "Een groep moeders vraagt of er in de buurt hulp is bij toeslagformulieren.",
    ),
]

# Loneliness among older residents in De Hoven, Q2 2023.
EENZAAMHEID = [
    (
        D(2023, 4, 4),
        "De Hoven",
        ["Eenzaamheid"],
        B.INWONER,
        "Een bewoonster van de seniorenflat zegt dat ze soms dagen niemand spreekt.",
    ),
    (
        D(2023, 4, 19),
        "De Hoven",
        ["Eenzaamheid", "Dementie"],
        B.BUURTTEAM,
        "Het buurtteam kent alleenstaande ouderen die sinds de coronatijd weinig buiten komen.",
    ),
    (
        D(2023, 5, 16),
        "De Hoven",
        ["Eenzaamheid"],
        B.PARTNER,
        "De activiteitencommissie van de Mulderskamp mist de oudere bezoekers van vroeger.",
    ),
    (
        D(2023, 6, 6),
        "De Hoven",
        ["Eenzaamheid", "Ontmoeting"],
        B.EIGEN_WAARNEMING,
        "Op het bankje bij de winkels zitten elke ochtend dezelfde ouderen, ieder voor zich.",
    ),
]

# Young people in the Zuidwijken, Q3 2023.
JONGEREN = [
    (
        D(2023, 7, 11),
        "Zuidwijken",
        ["Jongeren"],
        B.INWONER,
        "Jongeren hangen 's avonds bij het winkelcentrum omdat er geen andere plek is.",
    ),
    (
        D(2023, 8, 22),
        "Zuidwijken",
        ["Jongeren", "Veiligheid"],
        B.GEMEENTE,
        "De wijkregisseur hoort klachten over geluid bij het speelveld na tien uur.",
    ),
    (
        D(2023, 9, 14),
        "Zuidwijken",
        ["Jongeren", "Spelen"],
        B.PARTNER,
        "De school merkt dat oudere leerlingen na schooltijd weinig te doen hebben in de wijk.",
    ),
]

# Other signals through the year, spread over the gebieden (made by a seeded generator).
LOSSE_WIJKEN = {
    CENTRUM: ["Centrum", "De Hoven", "Noordveen", "Noorderhaven"],
    WATERKWARTIER: ["Waterkwartier"],
    ZUID: ["Zuidwijken", "Warnsveld", "Leesten"],
}
LOSSE_TEKSTEN = [
    (["Groen"], "Bewoners willen de kale strook langs de parkeerplaats samen beplanten."),
    (["Afval en duurzaamheid"], "Rond de containers ligt na het weekend steeds grofvuil."),
    (["Ontmoeting"], "Nieuwe bewoners vragen waar ze andere buurtgenoten kunnen ontmoeten."),
    (["Vrijwillige inzet"], "Een paar gepensioneerden bieden aan om iets voor de buurt te doen."),
    (["Veiligheid"], "De verlichting in het steegje achter de school is al weken kapot."),
    (["Spelen"], "Het speeltoestel op het pleintje is afgezet; kinderen spelen nu op straat."),
    (
        ["Diversiteit en inclusie"],
        "Statushouders in de straat komen moeilijk in contact met buren.",
    ),
    (["Gezondheid"], "Ouderen vragen naar een beweeggroep dichtbij huis."),
    (["Werk en meedoen"], "Werkzoekenden willen graag ervaring opdoen met klussen in de wijk."),
    (["Cultuur"], "Een bewoner wil een open podium organiseren in het buurthuis."),
    (["Leefbaarheid"], "Bewoners ergeren zich aan te hard rijden in de woonstraat."),
]
LOSSE_BRONNEN = [B.INWONER, B.EIGEN_WAARNEMING, B.PARTNER, B.GEMEENTE, B.BUURTTEAM]
LOSSE_AANTAL = 36


def _losse_signalen() -> list[tuple]:
    rng = random.Random(2023)
    rows = []
    gebieden = list(LOSSE_WIJKEN)
    for index in range(LOSSE_AANTAL):
        gebied = gebieden[index % len(gebieden)]
        wijk = rng.choice(LOSSE_WIJKEN[gebied])
        themas, tekst = LOSSE_TEKSTEN[(index * 7) % len(LOSSE_TEKSTEN)]
        datum = D(2023, 1, 1) + datetime.timedelta(days=rng.randrange(0, 365))
        rows.append((datum, wijk, themas, LOSSE_BRONNEN[index % len(LOSSE_BRONNEN)], tekst))
    return rows


def signalen() -> list[tuple]:
    return GELDZORGEN + EENZAAMHEID + JONGEREN + _losse_signalen()


VRAAGSTUKKEN = [
    {
        "titel": "Rondkomen in het Waterkwartier",
        "gebied": WATERKWARTIER,
        "themas": ["Armoede"],
        "signalen": GELDZORGEN,
        "omschrijving": (
            "Geldzorgen komen uit vier kanten tegelijk naar boven: bewoners, buurtteam, "
            "Buurtservice en woningcorporatie. Veel huishoudens lossen het alleen op, en vaak "
            "te laat."
        ),
        "partners": ["Ieder1", "Gemeente Zutphen", "BIJ de Bieb"],
        "initiatieven": [],
        "activiteiten_wijk": "Waterkwartier",
        "stappen": [
            (
                VraagstukStatus.VERKENNEN,
                D(2023, 3, 30),
                "Signalen naast elkaar gelegd met het buurtteam.",
            ),
            (
                VraagstukStatus.WERKGROEP,
                D(2023, 4, 24),
                "Werkgroep met corporatie, gemeente en bibliotheek; twee bewoners doen mee.",
            ),
            (
                VraagstukStatus.UITVOERING,
                D(2023, 6, 5),
                "Maandelijks geldcafé in de bibliotheek, met vrijwillige formulierenhulp.",
            ),
            (VraagstukStatus.EVALUATIE, D(2023, 11, 13), "Terugblik met bezoekers en partners."),
            (VraagstukStatus.AFGEROND, D(2023, 12, 11), "Overgedragen aan de bibliotheek."),
        ],
        "evaluatie": (
            "Het geldcafé trok gemiddeld vijftien bezoekers per keer en bereikte mensen die "
            "niet zelf naar het buurtteam stapten. De bibliotheek neemt het vanaf 2024 op in "
            "haar vaste aanbod; de werkgroep stopt, het buurtteam verwijst actief door."
        ),
    },
    {
        "titel": "Ouderen in De Hoven komen weer buiten",
        "gebied": CENTRUM,
        "themas": ["Eenzaamheid", "Ontmoeting"],
        "signalen": EENZAAMHEID,
        "omschrijving": (
            "Alleenstaande ouderen rond de seniorenflat hebben weinig contact. De Mulderskamp "
            "heeft ruimte en vrijwilligers, maar bereikt hen niet."
        ),
        "partners": ["Buurthuis Mulderskamp", "Wijkplatform De Hoven"],
        "initiatieven": ["mulderskamp"],
        "activiteiten_wijk": "De Hoven",
        "stappen": [
            (VraagstukStatus.VERKENNEN, D(2023, 6, 12), ""),
            (
                VraagstukStatus.WERKGROEP,
                D(2023, 7, 3),
                "Commissie, wijkplatform en buurtteam aan tafel.",
            ),
            (
                VraagstukStatus.UITVOERING,
                D(2023, 9, 4),
                "Wekelijkse koffieochtend met ophaalservice.",
            ),
        ],
        "evaluatie": "",
    },
    {
        "titel": "Een plek voor jongeren in de Zuidwijken",
        "gebied": ZUID,
        "themas": ["Jongeren"],
        "signalen": JONGEREN,
        "omschrijving": "Jongeren missen een eigen plek; buren ervaren overlast.",
        "partners": ["Gemeente Zutphen"],
        "initiatieven": [],
        "activiteiten_wijk": None,
        "stappen": [
            (VraagstukStatus.VERKENNEN, D(2023, 10, 2), "Gesprekken met jongeren gepland.")
        ],
        "evaluatie": "",
    },
]

# (date, gebied, kind, from, to, outcome, note)
K = ContactSoort
P = Partij
U = Uitkomst
CONTACTEN = [
    (
        D(2023, 1, 17),
        WATERKWARTIER,
        K.KENNISMAKING,
        "",
        "",
        "",
        "Nieuwe collega's van het buurtteam op bezoek.",
    ),
    (D(2023, 1, 31), CENTRUM, K.KENNISMAKING, "", "", "", "Kennismaking in het wijkcentrum."),
    (D(2023, 2, 14), ZUID, K.KENNISMAKING, "", "", "", ""),
    (D(2023, 2, 28), WATERKWARTIER, K.WIJKSIGNALERING, "", "", "", "Geldzorgen besproken."),
    (
        D(2023, 3, 21),
        WATERKWARTIER,
        K.DOORVERWIJZING,
        P.BUURTTEAM,
        P.INITIATIEF,
        U.AANGESLOTEN,
        "Naar de creatieve ochtend.",
    ),
    (
        D(2023, 4, 11),
        CENTRUM,
        K.CASUISTIEK,
        "",
        "",
        "",
        "Casus over een vereenzaamde oudere, zonder namen.",
    ),
    (D(2023, 4, 25), CENTRUM, K.WIJKSIGNALERING, "", "", "", "Eenzaamheid in De Hoven."),
    (
        D(2023, 5, 9),
        WATERKWARTIER,
        K.DOORVERWIJZING,
        P.MAKELAAR,
        P.BUURTTEAM,
        U.AANGESLOTEN,
        "Hulp bij schulden.",
    ),
    (D(2023, 5, 23), ZUID, K.CASUISTIEK, "", "", "", ""),
    (
        D(2023, 6, 13),
        WATERKWARTIER,
        K.DOORVERWIJZING,
        P.BUURTTEAM,
        P.MAKELAAR,
        U.AANGESLOTEN,
        "Bewoner wil vrijwilliger worden bij het geldcafé.",
    ),
    (
        D(2023, 6, 27),
        CENTRUM,
        K.DOORVERWIJZING,
        P.BUURTTEAM,
        P.INITIATIEF,
        U.NIET_AANGESLOTEN,
        "Koffieochtend paste (nog) niet.",
    ),
    (D(2023, 7, 11), ZUID, K.WIJKSIGNALERING, "", "", "", "Jongeren bij het winkelcentrum."),
    (D(2023, 8, 29), WATERKWARTIER, K.CASUISTIEK, "", "", "", ""),
    (
        D(2023, 9, 12),
        CENTRUM,
        K.DOORVERWIJZING,
        P.BUURTTEAM,
        P.INITIATIEF,
        U.AANGESLOTEN,
        "Naar de koffieochtend in de Mulderskamp.",
    ),
    (
        D(2023, 9, 26),
        CENTRUM,
        K.DOORVERWIJZING,
        P.MAKELAAR,
        P.BUURTSERVICE,
        U.AANGESLOTEN,
        "Klus voor een oudere die niet meer kan tuinieren.",
    ),
    (D(2023, 10, 10), ZUID, K.DOORVERWIJZING, P.MAKELAAR, P.BUURTTEAM, U.LOPEND, ""),
    (D(2023, 10, 24), WATERKWARTIER, K.WIJKSIGNALERING, "", "", "", ""),
    (D(2023, 11, 7), CENTRUM, K.CASUISTIEK, "", "", "", ""),
    (
        D(2023, 11, 21),
        WATERKWARTIER,
        K.DOORVERWIJZING,
        P.BUURTTEAM,
        P.INITIATIEF,
        U.AANGESLOTEN,
        "Naar het geldcafé.",
    ),
    (D(2023, 12, 5), ZUID, K.KENNISMAKING, "", "", "", "Nieuwe teamleider buurtteam."),
    (D(2023, 12, 19), CENTRUM, K.DOORVERWIJZING, P.BUURTTEAM, P.INITIATIEF, U.ONBEKEND, ""),
]

# Who records in each gebied (medewerker keys of demo.content.mensen).
RECORDERS = {WATERKWARTIER: ["ruud"], CENTRUM: ["henk", "ingrid"], ZUID: ["marco"]}


@transaction.atomic
def load(ctx) -> None:
    recorder = {
        gebied: ctx.user_for(keys) or ctx.users["coordinator"] for gebied, keys in RECORDERS.items()
    }
    gebied_of = {naam: wijk.gebied.naam for naam, wijk in ctx.wijken.items()}
    saved: dict[tuple, Signaal] = {}
    for datum, wijk, themas, bron, tekst in signalen():
        door = ctx.users["buurtservice"] if bron == B.BUURTSERVICE else recorder[gebied_of[wijk]]
        signaal, _ = Signaal.objects.update_or_create(
            datum=datum,
            wijk=ctx.wijken[wijk],
            omschrijving=tekst,
            defaults={"bron": bron, "aangemaakt_door": door},
        )
        signaal.themas.set([ctx.themas[t] for t in themas])
        saved[(datum, wijk, tekst)] = signaal

    for data in VRAAGSTUKKEN:
        gebied = ctx.gebieden[data["gebied"]]
        laatste = data["stappen"][-1]
        vraagstuk, _ = CollectiefVraagstuk.objects.update_or_create(
            titel=data["titel"],
            defaults={
                "gebied": gebied,
                "omschrijving": data["omschrijving"],
                "status": laatste[0],
                "gestart_op": data["stappen"][0][1],
                "afgerond_op": laatste[1] if laatste[0] == VraagstukStatus.AFGEROND else None,
                "evaluatie": data["evaluatie"],
                "aangemaakt_door": recorder[data["gebied"]],
            },
        )
        vraagstuk.themas.set([ctx.themas[t] for t in data["themas"]])
        vraagstuk.partners.set([ctx.organisaties[p] for p in data["partners"]])
        vraagstuk.initiatieven.set([ctx.initiatieven[key] for key in data["initiatieven"]])
        if data["activiteiten_wijk"]:
            start = data["stappen"][0][1]
            answer = Activiteit.objects.filter(
                wijk=ctx.wijken[data["activiteiten_wijk"]], datum__gte=start, datum__year=2023
            ).order_by("datum", "pk")[:2]
            vraagstuk.activiteiten.set(list(answer))
        for datum, wijk, _themas, _bron, tekst in data["signalen"]:
            Signaal.objects.filter(pk=saved[(datum, wijk, tekst)].pk).update(vraagstuk=vraagstuk)
        for status, datum, toelichting in data["stappen"]:
            VraagstukStatusWijziging.objects.update_or_create(
                vraagstuk=vraagstuk,
                status=status,
                datum=datum,
                defaults={"toelichting": toelichting, "door": recorder[data["gebied"]]},
            )

    for datum, gebied, soort, van, naar, uitkomst, notitie in CONTACTEN:
        BuurtteamContact.objects.update_or_create(
            datum=datum,
            gebied=ctx.gebieden[gebied],
            soort=soort,
            defaults={
                "verwezen_van": van,
                "verwezen_naar": naar,
                "uitkomst": uitkomst,
                "notitie": notitie,
                "aangemaakt_door": recorder[gebied],
            },
        )
