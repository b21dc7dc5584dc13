"""The 2023 annual report of seed 000, told in this project's own words.

The facts and figures are the seed's; the sentences are not (a test checks
that no run of ten words is shared with it). The figures themselves (number of
brokers, capacity, new workers, waiting list, …) are computed by the app from
the record: each section names the block that proves a paragraph with a
placeholder line right after that paragraph. Person names are fictional.
"""

from __future__ import annotations

import datetime

from rapportage.choices import Richting, SectieSoort

JAAR = 2023
TITEL = "Jaarrapportage Sterke Wijken Perspectief Zutphen"
# Section 1 compares with the end of 2020: three brokers then, one per sociaal wijkteam.
BASISJAAR = 2020
VERSIEDATUM = datetime.date(2023, 12, 1)

INLEIDING = """\
In november 2022 nam de gemeenteraad een amendement aan met de titel *Focus op wijkgericht \
werken en vergroten sociale cohesie*. Deze rapportage laat zien wat Perspectief sindsdien met \
dat amendement heeft gedaan.

Om het amendement uit te voeren schreef Perspectief het plan "Sterke Wijken". De kern daarvan: \
meer mensen in dienst, zodat we in iedere wijk beter kunnen bijdragen aan een stevige sociale \
basis. We hebben het plan in fasen uitgevoerd. Vóór elke fase hebben we die met de gemeente \
doorgesproken; daarna volgde telkens een beschikking.
"""

KERNCIJFERS = """\
Op deze pagina staan de belangrijkste cijfers van 2023 naast die van 2022. Alle cijfers komen \
uit de registratie in de app; bijlage 3 legt uit wat ze tellen.
"""

SECTIE_1 = """\
Het plan Sterke Wijken spreekt af dat Perspectief meer sociaal makelaars inzet, zodat in iedere \
wijk gericht aan een sterke sociale basis kan worden gewerkt. Die uitbreiding is er gekomen:

[[blok:makelaars_groei]]

Wat doen de nieuwe makelaars?

- Inwoners kunnen hen makkelijk bereiken, op straat en online, en ze raken steeds meer verweven \
met hun wijk.
- Ze brengen vraag en aanbod bij elkaar.
- Ze maken sociale netwerken in de wijk zichtbaar en sterker, en helpen inwoners zo om zelf en \
samen meer te kunnen.
- Ze willen in elke wijk vaker en op meer plekken aanwezig zijn, zodat er meer verbindingen \
ontstaan die er echt toe doen.

[[blok:makelaars_tabel]]

Meer lezen:

- [Sociaal makelaar wil Warnsveld verbinden en versterken](https://www.contactzutphen.nl/nieuws/\
maatschappij/467454/sociaal-makelaar-wil-warnsveld-verbinden-en-versterken) (sociaal makelaar \
Daan met actieve buurtbewoners)
- [Live muziekmiddag en filmavond in 't Nut](https://www.contactzutphen.nl/nieuws/maatschappij/\
470990/live-muziekmiddag-en-filmavond-in-t-nut)

Hun vak leerden de nieuwe collega's in de praktijk, van ervaren sociaal makelaars. Ook volgden \
ze een scholing in de ABCD-methodiek; wie dat nog niet deed, doet het in 2024.

De afspraak was dat de sociale wijkanalyse richting zou geven. De gemeente heeft die analyses \
echter nog niet voortgezet. We hebben daarom ingezet op twee dingen die de sociale basis overal \
versterken: inwoners met elkaar in contact brengen en buurtinitiatieven ondersteunen. Bijlage 1 \
geeft per wijk voorbeelden van wat dat heeft opgeleverd. In al die voorbeelden speelden de \
nieuwe makelaars een rol: ze laten dus zien wat de extra inzet betekent. Dankzij die inzet \
konden we veel meer inwoners, initiatieven en activiteiten helpen.

Wat makelaars in de wijk horen en zien, noteren ze als signaal in de app. Keert een \
thema in een wijk steeds terug, dan maken we er met partners een collectief vraagstuk van en \
zoeken we samen met bewoners naar een antwoord. In het Waterkwartier leidden de vele signalen \
over geldzorgen zo tot een gezamenlijke aanpak, die in 2023 is afgerond. Ook het contact met \
het buurtteam houden we bij, met de doorverwijzingen over en weer:

[[blok:signalen_en_collectief_werk]]

Onderzoekers van de Hogeschool Arnhem Nijmegen (HAN) bekeken hoe de sociaal makelaars werken, \
gezien door de ogen van professionals en van bewoners, en welke eerste effecten dat in de wijken \
heeft. Het doel: de functie goed verder ontwikkelen en de gemeenteraad laten zien wat het \
oplevert. De onderzoeksvragen waren:

- Wat doen sociaal makelaars in de praktijk, en wat voor bewonersinitiatieven steunen ze in \
vier Zutphense wijken?
- Past dat werk bij de taken, de grondhouding, de valkuilen en de aandachtspunten uit de \
notitie 'rolverduidelijking'?
- Past het bij de reden waarom de functie is ingevoerd, bij de opdracht van de gemeente en bij \
wat de gemeenschap nodig heeft?
- Welke effecten merken bewoners en professionals nu al, en welke verwachten ze binnen één tot \
drie jaar?
- Hoe kan de rol van sociaal makelaar zich het beste verder ontwikkelen?

Het onderzoeksrapport verschijnt in december 2023 en ligt vanaf 21 december klaar. In het \
eerste kwartaal van 2024 bespreken we de uitkomsten binnen en buiten de organisatie.
"""

SECTIE_2 = """\
Samen met het Groene Doeners Collectief leverden we in december 2023 een plan van aanpak op. Het \
beschrijft hoe Perspectief en Mede de ondersteuning van vrijwilligers in Zutphen samen willen \
organiseren. Voor de uitkomsten van het onderzoek en de aanpak verwijzen we naar dat plan.

De gemeente moet het plan nog bespreken. Zodra zij instemt en duidelijk is hoe het structureel \
wordt betaald, kunnen Perspectief en Mede het gaan uitvoeren.

Het plan omvat meer dan een vacaturebank voor vrijwilligerswerk. We willen inwoners helpen \
vrijwilligerswerk te vinden dat bij hen past, en organisaties (ook vrijwilligersorganisaties) \
helpen om zich bij vrijwilligers bekend te maken. We willen een netwerk van organisaties bouwen \
waarin ze van elkaar leren, en een raad van advies oprichten die met frisse ideeën meedenkt over \
de vacaturebank en over vrijwillige inzet in de stad. Ten slotte willen we met de gemeente een \
debat houden over de vraag wat Zutphen belangrijk vindt aan vrijwillige inzet: wat mogen we van \
elkaar verwachten?

[[blok:vrijwilligerswerk]]

Merken bewoners zelf dat een initiatief iets uitmaakt? Bij de Mulderskamp hebben we het hun \
dit najaar gevraagd, met een korte vragenlijst van vijf stellingen. Hun antwoorden, \
en wat de makelaar en de vrijwilligers daar samen uit opmaken, staan hieronder:

[[blok:effecten_volgens_bewoners]]
"""

SECTIE_3 = """\
Buurtservice kreeg er vanaf maart twaalf uur per week aan inzet bij:

[[blok:capaciteit]]

Daardoor is de bezetting, die eerst te krap was, rustiger geworden. We hadden ook meer tijd om \
samenwerkingen aan te gaan en te verdiepen, en om vrijwilligers te werven. Werven blijft \
aandacht nodig hebben. Met het vrijwilligerssteunpunt konden we nog niet samenwerken, omdat dat \
steunpunt nog niet van start is gegaan; zodra dat wel zo is, verwachten we er extra \
vrijwilligers door te vinden.

### Eerste halfjaar 2023

Om vrijwilligers en leermeesters te vinden hebben we Buurtservice beter op de kaart gezet: met \
vacatures op Zutphense Zetjes, een stuk in de Bornkrant, contact met Tactus en het AZC en een \
kraam op de buurtbraderie. Daarnaast maakten we een promovideo en een podcast.

[[blok:buurtservice_h1_uitvoerders]]

Er staan nog klussen op de wachtlijst, maar minder dan vóór maart. Dat komt door de instroom \
vanuit GelreWerkt, doordat deelnemers snel doorstromen naar betaald werk, en doordat er meer \
klussen worden gevraagd. Om de wachtlijst korter te maken werven we vrijwilligers en is \
Buurtservice langer open. Samen met GelreWerkt werken we hard aan meer instroom; in juni 2023 \
ging die de goede kant op. Dat mensen met een afstand tot de arbeidsmarkt blijvend instromen, \
vraagt ook in de toekomst samen met GelreWerkt aandacht.

[[blok:buurtservice_h1_klussen]]

Verder werken we aan de doorontwikkeling van Buurtservice:

- Met GelreWerkt en het praktijkonderwijs zetten we een basiscursus Bouw op, die in september \
moet starten. Deelnemers leren er meer en raken enthousiast voor werk in bouw en techniek.
- Het Ketelhuis, waar Buurtservice zit, delen we sinds 1 juni met buurtinitiatieven en \
organisaties: Outreach, moeders voor moeders, het warmtenet van de gemeente, de Vrienden van de \
Componistenbuurt en naaiatelier 'de gouden draad' van Werkmakers.
- In het Ketelhuis kwamen andere werkprojecten bij elkaar: Driekant, Spijs, 2switch, \
Werkmakers, GelreWerkt, Stichting Lokaal en Beheer en onderhoud van de gemeente. Na de zomer \
verkennen we samen entree-opleidingen, doorstroom en taallessen.
- Na de zomer gaat dat gesprek verder bij Stichting Lokaal, om elkaar beter te vinden en \
bijvoorbeeld samen op te trekken bij taallessen, doorstroom en entree-opleidingen.

### Tweede halfjaar 2023

In de tweede helft van het jaar begonnen er nieuwe vrijwilligers, deelnemers en stagiairs:

[[blok:buurtservice_h2_uitvoerders]]

Ook hebben we bestaande samenwerkingen versterkt en nieuwe opgezet:

- Met St. Felis en het European Solidarity Corps: jongeren uit heel Europa kunnen zich daar \
aanmelden om een tijd in Nederland vrijwilligerswerk te doen bij allerlei organisaties \
(<https://www.europeansolidaritycorps.nl/>).
- Met Woonbedrijf Ons Huis.
- Met de WMO: we doen klussen die onder de WMO vallen, zoals drempels leggen, beugels ophangen, \
een overkapping voor de scootmobiel maken en een tuin geschikt maken voor de scootmobiel.
- We droegen bij aan buurtinitiatieven: het skate-event Canyon Jam, World Clean Up Day, het \
zwemveilig-project en renovaties in de Zuidwijken en het Waterkwartier.
- We sloten ons aan bij het Emerpark in het Waterkwartier.

[[blok:buurtservice_h2_klussen]]

### Vooruitblik

Buurtservice kan nog veel meer betekenen. De plannen voor 2024 en later zijn in de maak. Onze \
strategische agenda voor 2024-2029 noemt de uitbreiding van Buurtservice als doel: dan helpen we \
meer inwoners met klussen, en krijgen meer mensen de kans om iets te betekenen en al doende te \
leren.
"""

SECTIE_4 = """\
Dit deel van het plan ligt bij de gemeente. Zij heeft eerst gewerkt aan beleid voor \
wijkgericht werken; Perspectief is daar nog niet bij betrokken. Zoals afgesproken willen we \
graag bijdragen: met onze kennis, door mee te denken en mee te doen, en als verbinder naar \
inwoners en partners in het netwerk.
"""

CIJFERS = """\
Dit hoofdstuk geeft de cijfers van 2023 per gebied en per wijk, berekend uit wat er in de app is \
vastgelegd over activiteiten, bewonersinitiatieven en Buurtservice.

Elke maand per gebied: hoeveel activiteiten de sociaal makelaars vastlegden.

[[blok:activiteiten_per_maand]]

Hoeveel inwoners die activiteiten bereikten, en hoeveel er daardoor zelf actief werden:

[[blok:bereik_per_gebied]]

Per wijk, en waar het aantal inwoners bekend is ook per 1.000 inwoners:

[[blok:bereik_per_wijk]]

[[blok:initiatieven_per_status]]

Het verloop van de wachtlijst van Buurtservice door het jaar:

[[blok:wachtlijst]]
"""

VOORBEELDEN = """\
Per gebied en wijk volgen voorbeelden waarin de nieuwe sociaal makelaars een rol speelden: zij \
laten zien wat de extra inzet heeft opgeleverd.
"""

PLAN = """\
### Waarom Buurtservice een collectief traject is (onderdeel 3)

Bij Buurtservice werken deelnemers van GelreWerkt! die ver van de arbeidsmarkt af staan. Ze doen \
praktische klussen in en rond het huis van inwoners die dat zelf niet kunnen, en oefenen zo de \
vaardigheden die ze als werknemer nodig hebben. Waar het kan, stromen ze daarna door naar \
(betaald) werk of een opleiding.

Deze deelnemers zijn lastig te bereiken. Hier krijgen ze meer kans om mee te doen in de \
samenleving en ontwikkelen ze hun talenten. Veel van hen zijn anderstalig of laaggeletterd en \
doen bij Buurtservice werkervaring op. Naast hen werken er vrijwilligers, die veel toevoegen: ze \
zijn een voorbeeld, helpen met de taal en zorgen voor meer handen om klussen te doen.

Zo versterken deelnemers en vrijwilligers elkaar als groep, terwijl ze anderen helpen met wat die \
zelf niet (meer) kunnen: een collectief traject. Werken als groep geeft deelnemers en \
vrijwilligers meer vertrouwen in elkaar en in de samenleving, helpt bij sociale inclusie en bij \
meer bestaanszekerheid. Omdat deze inzet vooraf gaat aan zwaardere hulp, voorkomt of vermindert \
ze het gebruik van maatwerkvoorzieningen.
"""

VERANTWOORDING = """\
De app berekent de cijfers van deze rapportage; hieronder staat per cijfer wat het wel en niet \
telt.
"""

# (soort, titel, tekst) in the order of the report.
SECTIES: list[tuple[str, str, str]] = [
    (SectieSoort.KERNCIJFERS, "Kerncijfers 2023", KERNCIJFERS),
    (SectieSoort.SOCIAAL_MAKELAARS, "1. In elke wijk een sociaal makelaar", SECTIE_1),
    (SectieSoort.VRIJWILLIGERSWERK, "2. Het vrijwilligerswerk in de wijken stimuleren", SECTIE_2),
    (
        SectieSoort.BUURTSERVICE,
        "3. Meer inzet vanuit Buurtservice (als collectief traject)",
        SECTIE_3,
    ),
    (SectieSoort.VISIE, "4. Een uitgewerkte visie op sterke wijken", SECTIE_4),
    (SectieSoort.CIJFERS, "5. Cijfers per gebied en wijk", CIJFERS),
    (
        SectieSoort.VOORBEELDEN,
        "Bijlage 1: Wat sociaal makelen per wijk opleverde",
        VOORBEELDEN,
    ),
    (SectieSoort.PLAN, "Bijlage 2: het plan Sterke Wijken samengevat", PLAN),
    (SectieSoort.VERANTWOORDING, "Bijlage 3: Wat de cijfers tellen", VERANTWOORDING),
]

# An indicator: (naam, streefwaarde, meting, richting, eenheid, handmatige waarde, bron);
# an empty meting means the result was entered by hand with its source.
Indicatorregel = tuple[str, int, str, str, str, int | None, str]

# Bijlage 2: (titel, doel, gewenst resultaat, startsituatie, inzet middelen, indicatoren)
PLANONDERDELEN: list[tuple[str, str, str, str, str, list[Indicatorregel]]] = [
    (
        "1. In elke wijk een sociaal makelaar",
        "Inwoners helpen om zelf en samen meer te kunnen, door de sociale netwerken in de wijken "
        "zichtbaar en sterker te maken. De nadruk ligt op vaker en breder aanwezig zijn in alle "
        "wijken, zodat er meer verbindingen ontstaan die ertoe doen. Per wijk geeft de sociale "
        "wijkanalyse de richting aan.",
        "Elke wijk heeft genoeg sociaal makelaars, die makkelijk bereikbaar zijn en in de wijk "
        "verankerd. Vanaf de tweede helft van 2023 brengen zij – bovenop de gewone capaciteit – "
        "vraag en aanbod bij elkaar.",
        "Er is te weinig menskracht om overal in de stad te laten zien dat we er zijn, daar waar "
        "inwoners elkaar treffen, en om hen als groep te ondersteunen. Omdat er steeds meer "
        "hulpvragen komen, zijn sociaal werkers minder op straat en bieden ze te weinig "
        "collectieve steun. Mede door corona is de sociale samenhang in de wijken verzwakt. "
        "Juist die samenhang is nodig: voor een leefbare wijk, voor het welzijn van inwoners en "
        "om de zorg te ontlasten, zodat die betaalbaar, bereikbaar en goed blijft.",
        "In iedere wijk een sociaal makelaar die inwoners met elkaar verbindt en "
        "buurtinitiatieven steunt, zodat de gemeenschap sterker en vitaler wordt.\n\n"
        "Aantal sociaal makelaars (personen; 16 tot 32 uur per week):\n\n"
        "- Waterkwartier: 1 wordt 2.\n"
        "- Centrum/De Hoven/Noordveen/Noorderhaven: 1 wordt 2.\n"
        "- Zuidwijken/Warnsveld/Leesten: 1 wordt 3.\n\n"
        "Scholing voor de sociaal makelaars, want een opleiding voor sociaal makelen bestaat "
        "niet: de ABCD-methodiek en leren in de praktijk van ervaren collega's.\n\n"
        "De HAN (Hogeschool Arnhem Nijmegen) meet de effecten.",
        [
            (
                "Sociaal makelaars eind 2023",
                8,
                "makelaars_eind_jaar",
                Richting.HOGER,
                "personen",
                None,
                "",
            )
        ],
    ),
    (
        "2. Het vrijwilligerswerk in de wijken stimuleren",
        "In heel Zutphen zetten meer inwoners zich vrijwillig in.",
        "Er is een kwartiermaker voor het nieuwe vrijwilligerspunt. Die betrekt de partijen die "
        "ertoe doen en brengt in kaart wat de betrokken organisaties nodig hebben en kunnen. "
        "Streefdatum voor het plan van aanpak: half november. Stemt de gemeente in, dan volgt de "
        "uitvoering.",
        "De sociale wijkteams verbinden inwoners met elkaar, maar een steunpunt dat dat voor de "
        "hele gemeente doet, ontbreekt.",
        "Eén kwartiermaker.",
        [
            (
                "Plan van aanpak vrijwilligerspunt opgeleverd",
                1,
                "",
                Richting.PRECIES,
                "plan",
                1,
                "Plan van aanpak met het Groene Doeners Collectief, december 2023",
            )
        ],
    ),
    (
        "3. Meer inzet vanuit Buurtservice (als collectief traject)",
        "Meer inwoners doen mee, en meer inwoners krijgen hulp bij praktische klussen.",
        "Er is 12 uur per week meer capaciteit. In de tweede helft van 2023 begint de "
        "samenwerking met het vrijwilligerssteunpunt, zodat er meer ruimte komt voor klussen.",
        "Klussen wachten op een wachtlijst; er is te weinig professionele tijd om Buurtservice "
        "verder te ontwikkelen.",
        "Twaalf uur per week extra inzet van een sociaal makelaar.",
        [
            (
                "Extra uren Buurtservice per week",
                12,
                "buurtservice_extra_uren",
                Richting.HOGER,
                "uren per week",
                None,
                "",
            ),
            (
                "Wachtlijst eind 2023",
                5,
                "wachtlijst_eind",
                Richting.LAGER,
                "klussen",
                None,
                "",
            ),
        ],
    ),
    (
        "4. Een uitgewerkte visie op sterke wijken",
        "Een uitgewerkte visie op sterke wijken en verder ontwikkelde sociale wijkanalyses, ook "
        "als basis voor de afspraken over 2024 en de volgende lumpsumperiode.",
        "Een visie die we delen: duidelijk is wat sterke wijken zijn en wat ervoor nodig is. Wat "
        "Perspectief daarin doet, vertalen we samen met de gemeente naar de ontwikkelagenda en de "
        "focus voor 2024, en daarna naar afspraken over de lumpsumsubsidie vanaf 2025.",
        "Een gezamenlijke visie is nog te weinig uitgewerkt. Met de sociale wijkanalyses is een "
        "goed begin gemaakt, maar ze moeten verder worden uitgebouwd.",
        "Een ontwikkeltraject met externe deskundigen, en een actieteam waarin mensen van de "
        "gemeente en van Perspectief samen de visie en de wijkanalyses verder brengen.\n\n"
        "Perspectief draagt bij met kennis, denkt en doet mee, en verbindt de gemeente met "
        "inwoners en andere partijen in de wijk.",
        [],
    ),
]
