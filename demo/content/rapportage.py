"""The 2023 annual report of seed 000: introduction, section narratives, Bijlage 2.

Sections 1 and 3 hold the narrative only: the figures (number of brokers,
capacity, new workers, waiting list) are computed by the app from the record.
Person names of the seed are replaced by fictional ones.
"""

from __future__ import annotations

import datetime

from rapportage.choices import SectieSoort

JAAR = 2023
TITEL = "Jaarrapportage Sterke Wijken Perspectief Zutphen"
# Section 1 compares with the end of 2020: "van 3 (1 per sociaal wijkteam) eind 2020".
BASISJAAR = 2020
VERSIEDATUM = datetime.date(2023, 12, 1)

INLEIDING = """\
Rapportage naar aanleiding van het amendement: *Focus op wijkgericht werken en vergroten \
sociale cohesie* (november 2022).

Aan de hand van het amendement heeft Perspectief een plan "Sterke Wijken" gemaakt ten bate van \
de uitvoering van het amendement. Dit plan richt zich op het verhogen van de personele \
capaciteit, waardoor Perspectief meer kan betekenen in het versterken van de sociale basis in \
alle wijken. Het plan is vervolgens gefaseerd uitgevoerd. Elke fase is vooraf besproken met de \
gemeente, waarna een beschikking is verstrekt.
"""

SECTIE_1 = """\
In het plan Sterke Wijken is afgesproken dat Perspectief het aantal sociaal makelaars uitbreidt \
om gericht in elke wijk te werken aan een sterke sociale basis. Deze uitbreiding is gerealiseerd.

Deze nieuwe sociaal makelaars:

- zijn allemaal offline en online laagdrempelig beschikbaar voor inwoners en steeds meer \
ingebed in de wijk;
- zijn volop aan de slag met het verbinden van vraag en aanbod;
- bevorderen eigen kracht en samenkracht van inwoners door het zichtbaar maken en versterken \
van sociale netwerken in wijken;
- hebben als focus het intensiveren en verbreden van het zichtbaar en present zijn in alle \
wijken om meer en betekenisvolle verbindingen tot stand te brengen.

Meer lezen:

- [Sociaal makelaar wil Warnsveld verbinden en versterken](https://www.contactzutphen.nl/nieuws/\
maatschappij/467454/sociaal-makelaar-wil-warnsveld-verbinden-en-versterken) (sociaal makelaar \
Daan met actieve buurtbewoners)
- [Live muziekmiddag en filmavond in 't Nut](https://www.contactzutphen.nl/nieuws/maatschappij/\
470990/live-muziekmiddag-en-filmavond-in-t-nut)

De nieuwe sociaal makelaars zijn on the job getraind door hun collega's en daarnaast zijn zij \
bijgeschoold in de ABCD-methodiek (of doen dat alsnog in 2024).

Afgesproken was om de sociale wijkanalyse leidend te laten zijn. Helaas heeft de gemeente nog \
geen initiatief genomen om deze sociale wijkanalyses te vervolgen. Daarom is gekozen voor een \
focus op het verbinden van inwoners en ondersteunen van buurtinitiatieven om de sociale basis in \
alle wijken te versterken. In bijlage 1 staan voorbeelden per wijk van wat deze inzet heeft \
opgeleverd. Het betreft voorbeelden waar de nieuwe sociaal makelaars een rol in hebben, dus het \
betreft voorbeelden van onze extra inzet. Door deze inzet hebben we veel meer inwoners, \
initiatieven en activiteiten kunnen ondersteunen.

De Hogeschool Arnhem Nijmegen (HAN) heeft onderzoek gedaan naar het inzicht krijgen in (1) de \
werkwijze van de sociaal makelaars vanuit professioneel en bewonersperspectief en (2) de eerste \
effecten op wijkniveau, om de functie van sociaal makelaar op een zinvolle manier door te \
ontwikkelen en tevens verantwoording af te leggen aan de gemeenteraad. Hierbij is gekeken naar:

- Welke werkzaamheden verrichten sociaal makelaars in de praktijk en welk typen \
bewonersinitiatieven ondersteunen zij in 4 wijken van Zutphen?
- Hoe verhouden de werkzaamheden in de praktijk zich tot de in de notitie \
'rolverduidelijking' genoemde taken, grondhouding, valkuilen en aandachtspunten?
- Hoe verhouden de werkzaamheden van sociaal makelaars zich tot de aanleiding voor het starten \
van deze nieuwe functie, de opdracht vanuit gemeente Zutphen en de behoeften vanuit de \
gemeenschap?
- Welke effecten ervaren betrokken wijkbewoners en professionals m.b.t. de sociaal makelaars \
en welke effecten komen daar in de nabije toekomst (1-3 jaar) naar verwachting nog bij?
- Wat is een zinvolle manier om de rol van de sociaal makelaars verder te ontwikkelen?

Het onderzoeksrapport wordt in december 2023 opgeleverd. In het eerste kwartaal van 2024 \
zullen de uitkomsten hiervan intern en extern worden besproken. Het rapport is per 21 december \
2023 beschikbaar.
"""

SECTIE_2 = """\
In december 2023 is een plan van aanpak opgeleverd i.s.m. het Groene Doeners Collectief, waarin \
uitgewerkt staat hoe we de ondersteuning van vrijwillige inzet in Zutphen willen inrichten, in \
samenwerking met Mede. Voor de uitkomsten van het onderzoek en plan van aanpak verwijzen we naar \
deze rapportage.

Dit plan dient nog met de gemeente besproken te worden. Zodra er een akkoord is van de gemeente \
Zutphen en helderheid over structurele financiering kunnen we, Perspectief en Mede, van start \
met de uitwerking.

Naast een vrijwilligersvacaturebank gaat het om inwoners ondersteunen bij het vinden van \
passend vrijwilligerswerk, (vrijwilligers)organisaties ondersteunen bij het op de kaart zetten \
van hun organisatie bij vrijwilligerswerk, een (leer)netwerk van organisaties opzetten en een \
raad van advies opstarten, die creatief meedenkt over de vrijwilligersvacaturebank en \
vrijwillige inzet in Zutphen. Ook vinden we het van belang om samen met de gemeente een debat te \
organiseren over wat we belangrijk vinden in Zutphen in het kader van vrijwillige inzet: wat \
verwachten we van elkaar?
"""

SECTIE_3 = """\
Vanuit Buurtservice hebben we meer inzet per week. Dit geeft rust in de bezetting, die te krap \
was. Daarnaast hebben we veel meer kunnen inzetten op het aangaan en versterken van \
samenwerkingen, evenals op het werven van vrijwilligers. Dit laatste vraagt blijvende aandacht, \
waarbij er nog geen samenwerking heeft kunnen plaatsvinden met het vrijwilligerssteunpunt, \
omdat dat nog niet gestart is. We verwachten dat deze samenwerking gaat helpen om nog meer \
vrijwilligers te werven.

### Tot en met juni 2023

Er is ingezet op het bekender maken van Buurtservice om vrijwilligers/leermeesters te werven \
(o.a. vacatures op Zutphense Zetjes, info in de Bornkrant, contacten met AZC en Tactus, \
buurtbraderie). Ook is er een podcast en een promovideo gemaakt.

Er is nog een wachtlijst voor klussen, wel minder dan voor maart. Dit heeft te maken met de \
instroom vanuit GelreWerkt, snelle uitstroom naar betaald werk en een toename van de vraag. \
Acties die we al hebben uitgezet om de wachtlijst te verminderen, naast het werven van \
vrijwilligers, is het uitbreiden van de openingstijden van Buurtservice. Ook trekken we samen met \
GelreWerkt hard aan het verhogen van de instroom. Er zit de laatste weken een stijgende lijn in \
(juni 2023). Structurele instroom van mensen met een afstand tot de arbeidsmarkt vraagt \
blijvende aandacht samen met GelreWerkt!

In de doorontwikkeling van Buurtservice zijn we daarnaast bezig met:

- Ontwikkeling basiscursus Bouw met GelreWerkt en het praktijkonderwijs. Beoogde start: \
september. Doel: vergroten kennis deelnemers en "warm" laten lopen voor de bouw/techniek.
- Samenwerking in het Ketelhuis (locatie Buurtservice) met buurtinitiatieven en organisaties. \
Het naaiatelier 'de gouden draad' (Werkmakers), warmtenet (gemeente), moeders voor moeders, \
Vrienden van de Componistenbuurt en Outreach maken sinds 1 juni ook gebruik van onze locatie.
- Versterken samenwerking met andere werkprojecten. Bijeenkomst georganiseerd in het \
Ketelhuis, waarbij aanwezig waren: GelreWerkt, Werkmakers, Spijs, Stichting Lokaal, 2switch, \
Beheer en onderhoud gemeente, Driekant. Na de zomer wordt verdere samenwerking verkend rondom \
entree-opleidingen, doorstroom en taallessen.
- Vervolg daarvan is na de zomer bij Stichting Lokaal, om de samenwerking onderling te \
versterken en bijvoorbeeld gezamenlijk in te steken op entree-opleidingen, doorstroom, \
taallessen etc.

### Juli tot en met december 2023

Voorbeelden: samenwerkingen versterkt en nieuwe samenwerkingen gestart.

- We zijn een samenwerking gestart met St. Felis en het European Solidarity Corps. Daar kunnen \
jongeren uit Europa zich inschrijven voor een uitwisselingsperiode in Nederland, waarbij ze \
vrijwilligerswerk kunnen uitvoeren bij verschillende organisaties \
(<https://www.europeansolidaritycorps.nl/>).
- We zijn een samenwerking gestart met Woonbedrijf Ons Huis.
- We zijn een samenwerking gestart met de WMO. We voeren klussen uit (drempels plaatsen, \
overkapping scootmobiel, aanpassen tuin i.v.m. scootmobiel, beugels ophangen etc.) die vallen \
onder de WMO.
- Bijdrages geleverd aan diverse buurtinitiatieven (Canyon Jam skate event, \
renovatieprojecten in Waterkwartier en Zuidwijken, World Clean Up Day, zwemveilig project).
- Aangesloten bij Emerpark in het Waterkwartier.

### Toekomst

Voor Buurtservice liggen er veel kansen in het uitbreiden van de dienstverlening. We zijn \
gestart met het maken van toekomstplannen voor 2024 en verder. In onze strategische agenda \
2024-2029 staat benoemd dat we Buurtservice graag verder willen uitbreiden, zodat meer mensen \
geholpen kunnen worden bij klussen en meer mensen de kans krijgen om van betekenis te zijn en te \
leren door het doen van klussen.
"""

SECTIE_4 = """\
Dit onderdeel valt onder de verantwoordelijkheid van de gemeente. Bij de gemeente is eerst de \
focus gelegd op beleid rondom wijkgericht werken. Perspectief is tot nu toe niet betrokken \
geweest en zet zich, zoals afgesproken, graag nog in, o.a. expertise delen, \
meedenken/meedoen, verbindingsrol naar inwoners en netwerkpartners.
"""

CIJFERS = """\
De cijfers in dit overzicht zijn berekend uit de registratie van activiteiten, initiatieven en \
Buurtservice over 2023.
"""

VOORBEELDEN = """\
Voorbeelden per wijk waar de nieuwe sociaal makelaars een rol in hebben: voorbeelden van onze \
extra inzet.
"""

PLAN = """\
### Toelichting bij onderdeel 3: Buurtservice als collectief traject

Bij Buurtservice werken deelnemers vanuit GelreWerkt!, die een grote afstand tot de \
arbeidsmarkt hebben. Door praktische klussen in en om huis te doen voor inwoners die dat zelf \
niet kunnen, werken de deelnemers aan hun werknemersvaardigheden. De deelnemers stromen \
vervolgens zo mogelijk uit naar (betaald) werk of opleiding.

Het gaat om een groep deelnemers die moeilijk te bereiken is en op deze wijze hun kansen om mee \
te doen in de samenleving vergroot en de eigen talenten ontwikkelt. Bij Buurtservice doen veel \
anderstaligen en laaggeletterden werkervaring op. Naast deelnemers werken er vrijwilligers bij \
Buurtservice. De toegevoegde waarde van deze vrijwilligers is groot: als voorbeeldfunctie, \
helpen met de taal en meer capaciteit voor klussen.

Buurtservice is daarom te zien als een collectief traject, waarbij deelnemers en vrijwilligers \
elkaar als groep versterken en tegelijkertijd anderen ondersteunen bij wat ze zelf niet (meer) \
kunnen. Deze groepsaanpak versterkt het vertrouwen van deelnemers en vrijwilligers in elkaar en \
de samenleving, draagt bij aan sociale inclusie en het vergroten van bestaanszekerheid. Deze \
voorliggende inzet voorkomt/vermindert inzet van maatwerkvoorzieningen.
"""

# (soort, titel, tekst) in the order of the seed.
SECTIES: list[tuple[str, str, str]] = [
    (SectieSoort.SOCIAAL_MAKELAARS, "1. In elke wijk een sociaal makelaar", SECTIE_1),
    (SectieSoort.VRIJWILLIGERSWERK, "2. Het vrijwilligerswerk in de wijken stimuleren", SECTIE_2),
    (
        SectieSoort.BUURTSERVICE,
        "3. Meer inzet vanuit Buurtservice (als collectief traject)",
        SECTIE_3,
    ),
    (SectieSoort.VISIE, "4. Een uitgewerkte visie op sterke wijken", SECTIE_4),
    (SectieSoort.CIJFERS, "Cijfers", CIJFERS),
    (
        SectieSoort.VOORBEELDEN,
        "Bijlage 1: Voorbeelden van de opbrengsten van het sociaal makelen per wijk",
        VOORBEELDEN,
    ),
    (SectieSoort.PLAN, "Bijlage 2: samenvatting Plan Sterke Wijken", PLAN),
]

# Bijlage 2: (titel, doel, gewenst resultaat, startsituatie, inzet middelen, indicatoren)
PLANONDERDELEN: list[tuple[str, str, str, str, str, list[tuple[str, int, str]]]] = [
    (
        "1. In elke wijk een sociaal makelaar",
        "Het bevorderen van eigen kracht en samenkracht van inwoners door het zichtbaar maken en "
        "versterken van sociale netwerken in wijken. Met als focus: intensiveren en verbreden "
        "van het zichtbaar en present zijn in alle wijken om meer en betekenisvolle verbindingen "
        "tot stand te brengen; per wijk is de sociale wijkanalyse leidend.",
        "In elke wijk is voldoende capaciteit van sociaal makelaars: laagdrempelig beschikbaar "
        "en ingebed. Vanaf de 2e helft van 2023 is er – naast de reguliere capaciteit – gestart "
        "met het verbinden van vraag en aanbod.",
        "Er is te weinig 'loopvermogen' voor de hele stad om present en zichtbaar te zijn op "
        "plekken waar inwoners komen en om collectieve ondersteuning te bieden. Aantal "
        "hulpvragen neemt toe waardoor sociaal werkers niet meer voldoende present zijn op "
        "straat en te weinig collectieve ondersteuning kunnen bieden. Onder meer als gevolg van "
        "Corona is de sociale cohesie in de wijken afgebrokkeld, terwijl het van groot belang "
        "is om de sociale cohesie te versterken: het verhogen van de leefbaarheid in de wijk, "
        "het verhogen van het welbevinden van inwoners en het verminderen van de druk op de "
        "zorg (behouden betaalbaarheid, toegankelijkheid en kwaliteit).",
        "In elke wijk een sociaal makelaar die zich richt op verbinden van inwoners en "
        "ondersteunen van buurtinitiatieven om kwaliteit en vitaliteit van de gemeenschap te "
        "versterken.\n\n"
        "Het volgende aantal sociaal makelaars wordt ingezet (aantal personen; aantal uren "
        "varieert van 16-32 uur):\n\n"
        "- Waterkwartier: van 1 naar 2 sociaal makelaars.\n"
        "- Centrum/De Hoven/Noordveen/Noorderhaven: van 1 naar 2 sociaal makelaars.\n"
        "- Zuidwijken/Warnsveld/Leesten: van 1 naar 3 sociaal makelaars.\n\n"
        "Een scholingstraject voor de sociaal makelaars, omdat er geen gerichte opleiding is "
        "voor sociaal makelen: ABCD-methodiek en training on the job door collega sociaal "
        "makelaars.\n\n"
        "Effectmeting door de HAN (Hogeschool Arnhem Nijmegen).",
        [("Aantal sociaal makelaars eind 2023", 8, "makelaars_eind_jaar")],
    ),
    (
        "2. Het vrijwilligerswerk in de wijken stimuleren",
        "Vrijwillige inzet is gemeentebreed vergroot.",
        "Kwartiermaker aangesteld voor te ontwikkelen vrijwilligerspunt, betrekken relevante "
        "partijen en behoeften en mogelijkheden van betrokken organisaties in kaart gebracht. "
        "Plan van aanpak half november klaar (streefdatum). Daarna, bij akkoord gemeente, "
        "uitvoeren van dit plan.",
        "In de sociale wijkteams worden verbindingen gelegd tussen inwoners, geen "
        "vrijwilligerssteunpunt dat gemeentebreed kan verbinden.",
        "1 kwartiermaker.",
        [],
    ),
    (
        "3. Meer inzet vanuit Buurtservice (als collectief traject)",
        "Meer inwoners doen mee; meer inwoners worden ondersteund met praktische klussen.",
        "De capaciteit is vergroot met 12 uur p/w. In de 2e helft van 2023 starten met de "
        "samenwerking met het vrijwilligerssteunpunt, waardoor capaciteit voor klussen wordt "
        "vergroot.",
        "Wachtlijst voor klussen, te weinig professionele inzet voor doorontwikkeling.",
        "12 uur extra inzet van een sociaal makelaar.",
        [("Extra uren Buurtservice per week", 12, "buurtservice_extra_uren")],
    ),
    (
        "4. Een uitgewerkte visie op sterke wijken",
        "Uitgewerkte visie op sterke wijken en doorontwikkelde sociale wijkanalyses (ook om de "
        "basis te leggen voor afspraken 2024 en volgende lumpsumperiode).",
        "Een gedeelde visie waarbij helder is wat er wordt verstaan onder sterke wijken en wat "
        "er nodig is om dit te realiseren. De rol van Perspectief in deze visie wordt in "
        "partnerschap vertaald naar de ontwikkelagenda/focus 2024 (en daarna in afspraken over "
        "de lumpsumsubsidie vanaf 2025).",
        "Gezamenlijke visie op sterke wijken is te weinig uitgewerkt, goede start met sociale "
        "wijkanalyses gemaakt, dient verder uitgebouwd te worden.",
        "Ontwikkeltraject met externe experts, actieteam van medewerkers van Perspectief en de "
        "gemeente om de visie en de wijkanalyses door te ontwikkelen.\n\n"
        "Inzet Perspectief: delen van expertise, meedenken en meedoen, verbindingsrol vervullen "
        "naar inwoners en spelers in de wijk.",
        [],
    ),
]
