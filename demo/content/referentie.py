"""Reference data: gebieden with their wijken, themes and the sociale kaart.

Names follow seed 000 (Jaarrapportage Sterke Wijken Perspectief Zutphen 2023).
"""

from __future__ import annotations

from wijken.choices import OrganisatieSoort as S

CENTRUM = "Centrum – De Hoven – Noordveen – Noorderhaven"
WATERKWARTIER = "Waterkwartier"
ZUID = "Zuidwijken – Warnsveld – Leesten"

# (gebied, order, wijken) in the order of Bijlage 1.
GEBIEDEN: list[tuple[str, int, list[str]]] = [
    (CENTRUM, 1, ["Centrum", "De Hoven", "Noordveen", "Noorderhaven"]),
    (WATERKWARTIER, 2, ["Waterkwartier"]),
    (ZUID, 3, ["Zuidwijken", "Warnsveld", "Leesten"]),
]

THEMAS: list[str] = [
    "Eenzaamheid",
    "Afval en duurzaamheid",
    "Groen",
    "Jongeren",
    "Dementie",
    "Ontmoeting",
    "Veiligheid",
    "Armoede",
    "Gezondheid",
    "Cultuur",
    "Spelen",
    "Vrijwillige inzet",
    "Leefbaarheid",
    "Diversiteit en inclusie",
    "Werk en meedoen",
]

# The partners on the sociale kaart named in seed 000: (naam, soort, notities).
ORGANISATIES: list[tuple[str, str, str]] = [
    ("Gemeente Zutphen", S.GEMEENTE, "Wijkregisseurs, handhaving, beheer en onderhoud, WMO."),
    ("Ieder1", S.WONINGCORPORATIE, "Woningcorporatie; consulent leefbaarheid."),
    ("Woonbedrijf Ons Huis", S.WONINGCORPORATIE, "Woningcorporatie (Ons Huis)."),
    ("GelreWerkt", S.WERK_EN_INKOMEN, "Deelnemers op een werkervaringsplek bij Buurtservice."),
    ("Circulus", S.ANDERS, "Afvalinzameling; partner bij de Clean Up week."),
    ("HAN Hogeschool Arnhem Nijmegen", S.ONDERWIJS, "Effectmeting sociaal makelaars; stagiairs."),
    ("Kompaan College", S.ONDERWIJS, "School in de Noorderhaven."),
    ("Aventus", S.ONDERWIJS, "ROC; studenten deden behoefteonderzoek in Warnsveld."),
    ("Internationale Schakelklas", S.ONDERWIJS, "Komt op woensdag in de Mulderskamp."),
    ("Odensehuis", S.ZORG_WELZIJN, "Ontmoetingsplek voor mensen met dementie."),
    ("Leger des Heils", S.ZORG_WELZIJN, ""),
    ("Geweldig!", S.ANDERS, "Ontmoetingsplek in het Centrum."),
    ("Tactus", S.ZORG_WELZIJN, "Verslavingszorg; levert vrijwilligers voor Buurtservice."),
    ("Wensfonds", S.FONDS, "Fonds voor bewonersinitiatieven."),
    ("Stichting Lokaal", S.WERK_EN_INKOMEN, "Werkproject."),
    ("Werkmakers", S.WERK_EN_INKOMEN, "Naaiatelier 'de gouden draad' in het Ketelhuis."),
    ("Spijs", S.WERK_EN_INKOMEN, "Werkproject."),
    ("2switch", S.WERK_EN_INKOMEN, "Werkproject."),
    ("Driekant", S.WERK_EN_INKOMEN, "Werkproject."),
    ("St. Felis Foundation", S.VRIJWILLIGERSORGANISATIE, "Partner bij European Solidarity Corps."),
    (
        "European Solidarity Corps",
        S.VRIJWILLIGERSORGANISATIE,
        "Europese jongeren doen vrijwilligerswerk in Nederland.",
    ),
    ("Mede", S.VRIJWILLIGERSORGANISATIE, "Samen met Perspectief: ondersteuning vrijwillige inzet."),
    ("Groene Doeners Collectief", S.ANDERS, "Plan van aanpak vrijwillige inzet (december 2023)."),
    ("AZC Zutphen", S.ANDERS, "Asielzoekerscentrum; vrijwilligers voor Buurtservice."),
    ("BIJ de Bieb", S.ANDERS, "Bibliotheek."),
    ("Luxor", S.ANDERS, "Filmtheater."),
    ("Den Bouw", S.ANDERS, ""),
    ("Spikercorner", S.ONDERNEMER, "Ondernemer in Warnsveld."),
    ("Boer Kip", S.ONDERNEMER, "Excursie in de week van de ontmoeting."),
    ("Buurthuis Mulderskamp", S.BEWONERSGROEP, "Activiteitencommissie in De Hoven."),
    ("Wijkteam Noorderhaven", S.BEWONERSGROEP, "Wijkteam van bewoners."),
    ("Stichting Ubuntu-plein", S.BEWONERSGROEP, "Bestuur en bewoners van het Ubuntu-plein."),
    ("Bewonerswijkteam Leesten", S.BEWONERSGROEP, "Beheert het wijkinformatiecentrum (WIC)."),
    ("Buurtnetwerk Zuidwijken", S.BEWONERSGROEP, ""),
    ("HoVoBo buurtvereniging", S.BEWONERSGROEP, "Buurtvereniging in Warnsveld."),
    ("Wijkplatform De Hoven", S.BEWONERSGROEP, ""),
    ("Pionieren", S.BEWONERSGROEP, "Kerkelijke bewonersgroep in Leesten."),
]
