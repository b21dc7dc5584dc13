"""One activity for every example of Bijlage 1 of seed 000, per gebied.

The facts and figures are the seed's (bewoners_bereikt, bewoners_geactiveerd,
cijfers); the sentences are this project's own (a test checks that no run of
ten words is shared with the seed). Persons are fictional or anonymous.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from makelaars.choices import ActiviteitSoort as A
from makelaars.choices import Rol as R

D = datetime.date


@dataclass(frozen=True)
class VoorbeeldData:
    titel: str
    wijk: str
    datum: datetime.date
    soort: str
    rol: str
    medewerkers: list[str]
    themas: list[str]
    partners: list[str] = field(default_factory=list)
    initiatief: str | None = None
    bewoners_bereikt: int | None = None
    bewoners_geactiveerd: int | None = None
    cijfers: str = ""
    beschrijving: str = ""
    opbrengst: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)


CONTACT = "https://www.contactzutphen.nl/nieuws"
CLEANUP_URL = (
    f"{CONTACT}/algemeen/463288/afval-scheiden-en-samenkomen-world-cleanup-day-in-het-waterkw"
)
CANYON_URL = (
    "https://www.berkelstroom.nl/canyon-jam-het-event-voor-alle-skaters-die-zutphen-rijk-is/"
)

VOORBEELDEN: list[VoorbeeldData] = [
    # ------------------------------------------------------------------
    # Centrum – De Hoven – Noordveen – Noorderhaven
    # ------------------------------------------------------------------
    VoorbeeldData(
        titel="Dementievriendelijke wijken",
        wijk="Noordveen",
        datum=D(2023, 10, 26),
        soort=A.OVERLEG,
        rol=R.INITIEREN,
        medewerkers=["ingrid", "yasmina"],
        themas=["Dementie", "Ontmoeting"],
        partners=["Odensehuis", "Gemeente Zutphen"],
        initiatief="dementie",
        beschrijving=(
            "Dit najaar is een plan gemaakt voor 2024: inwoners, organisaties en ondernemers gaan "
            "samen uitzoeken hoe alle wijken van dit team dementievriendelijk worden."
        ),
        opbrengst=(
            "Plan voor 2024 ligt er. In Noordveen is hier al veel in gedaan; daar worden meer "
            "trainingen gepland."
        ),
        links=[
            (
                f"{CONTACT}/zorg/461187/dementievriendelijk-noordveen-plant-meer-trainingen",
                "Contact Zutphen: Dementievriendelijk Noordveen plant meer trainingen",
            )
        ],
    ),
    VoorbeeldData(
        titel="Zichtbaar en ondersteunend in het Centrum",
        wijk="Centrum",
        datum=D(2023, 5, 10),
        soort=A.INLOOP,
        rol=R.VERBINDEN,
        medewerkers=["yasmina"],
        themas=["Ontmoeting", "Leefbaarheid"],
        partners=["Odensehuis", "Geweldig!", "Leger des Heils"],
        initiatief="leuke_straat",
        beschrijving=(
            "Omdat de capaciteit beperkt was, zag men Perspectief in het Centrum weinig. Sinds de "
            "komst van de nieuwe sociaal makelaar is dat anders: elke week zijn we in het "
            "Odensehuis, bij Geweldig! en bij het Leger des Heils, en praten we met inwoners over "
            "wat hen bezighoudt."
        ),
        opbrengst=(
            "Een inwoner die meer wil voor de wijk (meer connectie tussen ondernemers en "
            "buurtbewoners, een leuke straat) wordt door de sociaal makelaar ondersteund bij het "
            "maken en uitvoeren van een plan: wat zijn de wensen en wie of wat is daarvoor nodig."
        ),
    ),
    VoorbeeldData(
        titel="Verbindingen versterkt in De Hoven",
        wijk="De Hoven",
        datum=D(2023, 10, 4),
        soort=A.ONDERSTEUNING_INITIATIEF,
        rol=R.FACILITEREN,
        medewerkers=["yasmina", "ingrid"],
        themas=["Ontmoeting", "Eenzaamheid", "Diversiteit en inclusie"],
        partners=[
            "Buurthuis Mulderskamp",
            "Wijkplatform De Hoven",
            "Internationale Schakelklas",
            "Boer Kip",
        ],
        initiatief="mulderskamp",
        beschrijving=(
            "Met meer capaciteit zijn we vaker in buurthuis Mulderskamp. In het begin keken "
            "inwoners daar wat wantrouwig naar; inmiddels kent men ons. De activiteitencommissie "
            "staat nu meer open voor nieuwe mensen, vond met onze hulp extra vrijwilligers en kon "
            "daardoor meer organiseren, bijvoorbeeld een uitje naar Boer Kip tijdens de week van "
            "de ontmoeting."
        ),
        opbrengst=(
            "Ook andere straten willen betrokken zijn en vragen de flyer met het "
            "activiteitenprogramma; er komen steeds nieuwe mensen bij en bewoners hebben niet "
            "meer het gevoel dat ze alleen staan. Er zijn sterkere verbindingen ontstaan, o.a. "
            "met het Wijkplatform en de Internationale Schakelklas, die iedere woensdagochtend "
            "koffie komt drinken en spelletjes speelt in de Mulderskamp: onbekend maakt onbemind. "
            "Bewoners vinden het nu zelfs jammer dat de ISK weggaat."
        ),
    ),
    VoorbeeldData(
        titel="Noorderhaven: eerste stappen gezet",
        wijk="Noorderhaven",
        datum=D(2023, 11, 15),
        soort=A.OVERLEG,
        rol=R.VERBINDEN,
        medewerkers=["yasmina", "ingrid"],
        themas=["Ontmoeting", "Leefbaarheid"],
        partners=["Wijkteam Noorderhaven", "Stichting Ubuntu-plein", "Kompaan College"],
        initiatief="ubuntu",
        beschrijving=(
            "In Noorderhaven leren de sociaal makelaars de wijk kennen. Ze zoeken contact met "
            "actieve bewoners en groepen, ondernemers en de school; vooral met het Kompaan "
            "College, het Ubuntu-plein en het wijkteam dat bewoners zelf vormen."
        ),
        opbrengst=(
            "Volgens bewoners waren we te weinig te zien en te vinden. Samen met het wijkteam "
            "Noorderhaven en de bewoners en het bestuur van het Ubuntu-plein zoeken we een plek in "
            "de wijk. Begin volgend jaar organiseren we met het wijkteam een buurtbijeenkomst om "
            "ideeën voor activiteiten op te halen en te horen wat bewoners willen en nodig hebben."
        ),
    ),
    # ------------------------------------------------------------------
    # Waterkwartier
    # ------------------------------------------------------------------
    VoorbeeldData(
        titel="Clean Up week",
        wijk="Waterkwartier",
        datum=D(2023, 9, 16),
        soort=A.EVENEMENT,
        rol=R.INITIEREN,
        medewerkers=["ruud", "lotte"],
        themas=["Afval en duurzaamheid", "Jongeren", "Leefbaarheid"],
        partners=["Gemeente Zutphen", "Circulus"],
        initiatief="cleanup",
        beschrijving=(
            "Met buurtbewoners, de wijkregisseur en twee sociaal makelaars is in september een "
            "Clean Up week georganiseerd, omdat buurtbewoners moeite hebben met het juist "
            "scheiden van afval (vervuiling en extra kosten). De week richtte zich naast "
            "voorlichting ook op duurzaamheid en recyclen. Met een buurtbewoner is een plan voor "
            "basisscholen in de wijk gemaakt; kinderen verzamelden afval in een wedstrijd, met "
            "de scholen als winnaars op de World Clean Up Day. Op de dag zelf werkten gemeente "
            "(wijkregisseur, handhaving), Circulus en vrijwilligersinitiatieven rond recyclen en "
            "voedselverspilling samen; er was educatie van 'het peukenmeisje' en de lokale "
            "middenstand sponsorde eten en prijsjes."
        ),
        opbrengst=(
            "Start van een plan voor meer aandacht voor afval scheiden en duurzaamheid in de "
            "wijk, samen met bewoners. Met twee sociaal makelaars bleef er ook aandacht voor "
            "andere taken. Volgend jaar verder."
        ),
        links=[(CLEANUP_URL, "Contact Zutphen: World Cleanup Day in het Waterkwartier")],
    ),
    VoorbeeldData(
        titel="Belangen van inwoners “vertalen” bij gemeentelijke projecten",
        wijk="Waterkwartier",
        datum=D(2023, 6, 14),
        soort=A.DEUR_AAN_DEUR,
        rol=R.SIGNALEREN,
        medewerkers=["lotte", "ruud"],
        themas=["Leefbaarheid", "Veiligheid", "Diversiteit en inclusie"],
        partners=["Gemeente Zutphen"],
        beschrijving=(
            "De nieuwe sociaal makelaars doen mee in projecten van de gemeente, zoals een "
            "gevaarlijk kruispunt, een winkelplein dat groener wordt en een speeltuintje dat wordt "
            "aangepakt. Zij vormen de brug tussen de zakelijke werkwijze van de gemeente en de "
            "belangen van buurtbewoners, waar vaak veel gevoel bij komt kijken. Ze gaan langs de "
            "deuren en spreken mensen op straat aan; de verhalen die ze zo ophalen, geven de "
            "richting."
        ),
        opbrengst=(
            "De ervaringen van bewoners zijn zo vertaald dat de gemeente ermee verder kan. Door "
            "sociaal makelaars met verschillende etnische achtergronden zijn ook inwoners met een "
            "migratieachtergrond bereikt die we eerder niet bereikten."
        ),
    ),
    VoorbeeldData(
        titel="Atelier open voor buurtbewoners",
        wijk="Waterkwartier",
        datum=D(2023, 5, 24),
        soort=A.VERBINDING,
        rol=R.VERBINDEN,
        medewerkers=["lotte"],
        themas=["Cultuur", "Ontmoeting"],
        beschrijving=(
            "Een kunstenaar uit Eefde stelt zijn huis en atelier open voor mensen die met "
            "creativiteit bezig zijn; ze mogen er werken. De sociaal makelaar is samen met een "
            "buurtbewoner op bezoek gegaan."
        ),
        opbrengst=(
            "Een individuele verbinding: gekeken is of er tussen de buurtbewoner en de "
            "kunstenaar een samenwerking kon ontstaan."
        ),
        bewoners_bereikt=1,
    ),
    VoorbeeldData(
        titel="Toewerken naar meer vrijwilligers voor de kinderboerderij",
        wijk="Waterkwartier",
        datum=D(2023, 10, 11),
        soort=A.ONDERSTEUNING_INITIATIEF,
        rol=R.VERBINDEN,
        medewerkers=["lotte"],
        themas=["Vrijwillige inzet", "Groen", "Ontmoeting"],
        initiatief="kinderboerderij",
        beschrijving=(
            "Voor de kinderboerderij in de wijk is de sociaal makelaar het vaste contact. De "
            "boerderij heeft een nieuw beheer, wil meer met de wijk samenwerken en komt "
            "vrijwilligers tekort. Samen met een bewoner die vrijwilliger is en ook meedeed aan de "
            "Clean Up week maken we de boerderij bekender en laten we haar zien op evenementen."
        ),
        opbrengst=(
            "Verwachting: op langere termijn een sterkere relatie tussen de boerderij en de "
            "buurtbewoners, die er wellicht ook een zinvolle daginvulling vinden."
        ),
    ),
    VoorbeeldData(
        titel="Sociaal makelaar van Somalische afkomst komt achter de voordeur",
        wijk="Waterkwartier",
        datum=D(2023, 9, 20),
        soort=A.DEUR_AAN_DEUR,
        rol=R.VERBINDEN,
        medewerkers=["abdi"],
        themas=["Diversiteit en inclusie", "Eenzaamheid"],
        beschrijving=(
            "Sinds september 2023 werkt er een mbo sociaal makelaar met Somalische wortels, en dat "
            "blijkt veel waard. Hij kent veel mensen in de wijk en veel bewoners met een "
            "migratieachtergrond vertrouwen hem. Daarom loopt hij geregeld mee met collega's en "
            "met professionals van andere organisaties."
        ),
        opbrengst=(
            "Professionals komen achter de voordeur en kunnen ondersteuning bieden waar dat "
            "anders niet lukte."
        ),
    ),
    VoorbeeldData(
        titel="Opruimactie in een straat",
        wijk="Waterkwartier",
        datum=D(2023, 8, 19),
        soort=A.EVENEMENT,
        rol=R.ARRANGEREN,
        medewerkers=["abdi", "lotte"],
        themas=["Leefbaarheid", "Afval en duurzaamheid", "Vrijwillige inzet"],
        partners=["Ieder1"],
        initiatief="creatief",
        cijfers="€ 500 aan metaal opgehaald",
        beschrijving=(
            "Ieder1 wilde in de Staatsliedenbuurt een actie houden, maar bewoners wilden eerst dat "
            "de rommel in en om de huizen verdween, en pas daarna de schuttingen. Via onze mbo "
            "sociaal makelaar met Somalische wortels kwamen de sleutelfiguren met Ieder1 in "
            "contact. Een bewoner zorgde zelf, via de woningbouw, voor een container. De twee "
            "nieuwe sociaal makelaars en sociaal werkers staken zelf de handen uit de mouwen."
        ),
        opbrengst=(
            "Bewoners deden volop mee en voelden zich door Ieder1 gezien. Perspectief staat nu "
            "bekend als een organisatie die meehelpt: de moeder van een bewoner wiens tuin en "
            "schuur we opruimden, meldde zich als vrijwilliger. Met haar houdt een nieuwe sociaal "
            "makelaar nu elke woensdagochtend een creatieve ochtend voor buurtbewoners. Het "
            "opgehaalde metaal bracht € 500 op; daarvan betaalden buurtbewoners een activiteit "
            "voor kinderen."
        ),
        bewoners_geactiveerd=1,
    ),
    VoorbeeldData(
        titel="Eritrese vadergroep op zaterdagmiddag",
        wijk="Waterkwartier",
        datum=D(2023, 4, 1),
        soort=A.ONDERSTEUNING_INITIATIEF,
        rol=R.FACILITEREN,
        medewerkers=["lotte"],
        themas=["Ontmoeting", "Eenzaamheid", "Diversiteit en inclusie"],
        initiatief="vadergroep",
        bewoners_bereikt=8,
        cijfers="vaste groep van 5, vaak 2 à 3 meer",
        beschrijving=(
            "Op zaterdagmiddag ontmoeten Eritrese vaders elkaar in de hopwoning om te kaarten en "
            "bij elkaar te zijn. Elke week komt een vaste kern van 5, en vaak brengen ze er nog 2 "
            "of 3 mee. In het begin was de sociaal makelaar er vaak bij."
        ),
        opbrengst="Vanaf januari heeft de groep de sociaal makelaar niet meer nodig.",
    ),
    # ------------------------------------------------------------------
    # Zuidwijken – Warnsveld – Leesten
    # ------------------------------------------------------------------
    VoorbeeldData(
        titel="Herontwikkeling van de Moesweide",
        wijk="Zuidwijken",
        datum=D(2023, 8, 29),
        soort=A.BIJEENKOMST,
        rol=R.VERBINDEN,
        medewerkers=["marco"],
        themas=["Groen", "Leefbaarheid"],
        partners=["Gemeente Zutphen"],
        initiatief="moesweide",
        bewoners_geactiveerd=4,
        cijfers="4 bewoners geactiveerd",
        beschrijving=(
            "Vanaf augustus werken wijkregisseur en sociaal makelaar aan de Moesweide, een "
            "voormalige geitenweide in de Moesmate bij de hopwoning, die eerst door omwonenden "
            "werd beheerd en verwaterde. Met een groep bewoners is een klankbordgroep gevormd "
            "die meedenkt over de invulling. Werksessies met buurtbewoners, gemeente en het "
            "sociaal domein leverden veel energie en ideeën op."
        ),
        opbrengst=(
            "De ideeën worden door de gemeente samen met buurtbewoners uitgewerkt. De sociaal "
            "makelaar heeft 4 mensen geactiveerd om mee te doen; zij hebben ook onderling "
            "contact gelegd om de energie erin te houden."
        ),
    ),
    VoorbeeldData(
        titel="Wijkfeest in De Zuidwijken",
        wijk="Zuidwijken",
        datum=D(2023, 9, 16),
        soort=A.EVENEMENT,
        rol=R.VERBINDEN,
        medewerkers=["marco"],
        themas=["Ontmoeting", "Cultuur"],
        partners=["Buurtnetwerk Zuidwijken"],
        initiatief="wijkfeest",
        bewoners_geactiveerd=1,
        cijfers="honderden bezoekers van jong tot oud",
        beschrijving=(
            "Op 16 september vierden de Zuidwijken feest op meerdere plekken tegelijk, onder meer "
            "bij de dierenweide in het Zwanevlot, op De Brink en in de Buurtbongerd in de "
            "Braamkamp: met "
            "muziek, kunst, theater, workshops en vooral ontmoeting. Bewoners uit allerlei "
            "buurten, ook van het Buurtnetwerk, organiseerden mee. De sociaal makelaar bracht een "
            "inwoner uit de Moesmate, die goed is in grafisch ontwerp, in contact met het "
            "organisatieteam."
        ),
        opbrengst=(
            "Het feest kon goed in de PR worden meegenomen, waardoor nog meer buurtbewoners op "
            "de hoogte waren. De gekoppelde bewoner hoort nu zelf bij het team dat zich inzet "
            "voor de wijk."
        ),
    ),
    VoorbeeldData(
        titel="Zuidwijken groener geworden",
        wijk="Zuidwijken",
        datum=D(2023, 11, 18),
        soort=A.ONDERSTEUNING_INITIATIEF,
        rol=R.FACILITEREN,
        medewerkers=["tim", "marco"],
        themas=["Groen", "Ontmoeting"],
        partners=["Wensfonds"],
        initiatief="vergroening",
        bewoners_bereikt=12,
        cijfers="12 deelnemers",
        beschrijving=(
            "Sinds november doet de nieuwe sociaal makelaar mee aan een groenproject dat al liep. "
            "Een actieve bewoonster zocht, met onze steun, buren die een plantenbak aan de "
            "schuurmuur in hun voortuin wilden. Dankzij geld uit het Wensfonds en de inzet van "
            "bewoners is de straat nu groener. Op de zaterdag van de actie schonken de sociaal "
            "makelaars koffie en thee en spraken ze met de buurt."
        ),
        opbrengst=(
            "12 personen deden mee; de buurt is een stukje groener en buurtbewoners hebben "
            "elkaar beter leren kennen. Volgend jaar komt er ook een geveltuintje, waar dezelfde "
            "buurtbewoonster zich mee bezighoudt."
        ),
    ),
    VoorbeeldData(
        titel="Speelweide bij ’t Spiker (Warnsveld) krijgt een nieuwe inrichting",
        wijk="Warnsveld",
        datum=D(2023, 10, 18),
        soort=A.ONDERSTEUNING_INITIATIEF,
        rol=R.ARRANGEREN,
        medewerkers=["daan"],
        themas=["Spelen", "Jongeren", "Leefbaarheid"],
        partners=["Gemeente Zutphen"],
        initiatief="speelweide",
        beschrijving=(
            "Met buurtbewoners en de gemeente zijn plannen gemaakt om de speelweide opnieuw in "
            "te richten (speeltoestellen, voetbaldoeltjes, bankjes, jeu-de-boulesbaan). Er is "
            "een ontwerp gekozen en er wordt aanspraak gemaakt op diverse potjes. Een "
            "buurtbewoner werkt aan een basketbalplein via de 3x3-basketbalpleinsubsidie, met "
            "een teamleaderprogramma waarin activatie centraal staat; ook de SROI-regeling "
            "wordt bekeken."
        ),
        opbrengst=(
            "Hulp bij het vinden en aanvragen van potjes en organisaties die kunnen helpen; meer "
            "draagvlak en de buurt op de hoogte houden. In het nieuwe jaar volgt een grote "
            "info/buurtbarbecue."
        ),
    ),
    VoorbeeldData(
        titel="ROC Studenten – Tuinproject en buurtpreventie – Begeleiding vanuit Perspectief",
        wijk="Warnsveld",
        datum=D(2023, 11, 29),
        soort=A.SIGNALERING,
        rol=R.FACILITEREN,
        medewerkers=["daan"],
        themas=["Veiligheid", "Groen", "Jongeren"],
        partners=["Aventus", "Ieder1", "Gemeente Zutphen"],
        initiatief="hofjes",
        beschrijving=(
            "Onder begeleiding van Perspectief onderzochten studenten van Aventus wat bewoners van "
            "de Hofjes in Warnsveld nodig hebben: het Leestensepad, de Schapendoes, de Herdershof, "
            "de Lammerhof en de Scheerdershof. Twee wensen kwamen bovendrijven: een appgroep voor "
            "buurtpreventie en een tuinproject om tuinen op te knappen en klaar te maken voor de "
            "winter."
        ),
        opbrengst=(
            "Van beide wordt werk gemaakt; er wordt verbonden met bestaande "
            "buurtpreventie-appgroepen. Op 10 januari 2024 is er een tuindag met buurtbewoners, "
            "Ieder1, gemeente Zutphen en Buurtservice."
        ),
    ),
    VoorbeeldData(
        titel="Activiteiten in buurthuis ’t Nut",
        wijk="Warnsveld",
        datum=D(2023, 12, 16),
        soort=A.EVENEMENT,
        rol=R.FACILITEREN,
        medewerkers=["daan"],
        themas=["Cultuur", "Ontmoeting", "Eenzaamheid"],
        partners=["HoVoBo buurtvereniging", "Spikercorner", "Luxor", "Den Bouw"],
        initiatief="tnut",
        beschrijving=(
            "In ’t Nut lag de nadruk vroeger op verhuur voor culturele activiteiten. Met een "
            "sociaal beheerder en de nieuwe sociaal makelaar is er meer ruimte voor activiteiten "
            "voor en door inwoners, zoals een gezamenlijke lunch. Een groepje inwoners "
            "organiseert culturele activiteiten die voor iedereen toegankelijk zijn: op 16 "
            "december een live muziekmiddag (met Spikercorner en de HoVoBo buurtvereniging) en "
            "op 21 december een filmavond met Luxor."
        ),
        opbrengst=(
            "Inwoners zetten nu zelf activiteiten op in het buurthuis. Samen met Den Bouw proberen "
            "we bezoekers van Den Bouw ook naar ’t Nut te trekken."
        ),
        links=[
            (
                f"{CONTACT}/maatschappij/467454/sociaal-makelaar-wil-warnsveld-verbinden-en-versterken",
                "Contact Zutphen: Sociaal makelaar wil Warnsveld verbinden en versterken",
            ),
            (
                f"{CONTACT}/maatschappij/470990/live-muziekmiddag-en-filmavond-in-t-nut",
                "Contact Zutphen: Live muziekmiddag en filmavond in ’t Nut",
            ),
        ],
    ),
    VoorbeeldData(
        titel="Bloemenweide voor overleden buurvrouw in Warnsveld",
        wijk="Warnsveld",
        datum=D(2023, 6, 7),
        soort=A.DEUR_AAN_DEUR,
        rol=R.VERBINDEN,
        medewerkers=["daan"],
        themas=["Eenzaamheid", "Groen", "Ontmoeting"],
        initiatief="bloemenweide",
        bewoners_bereikt=3,
        cijfers="koffiecontacten met 3 buurtbewoners",
        beschrijving=(
            "Een oudere vrouw was in de loop der jaren veel contacten kwijtgeraakt. Ze wilde meer "
            "mensen spreken en zich, samen met anderen, inzetten voor een bloemenweide aan de "
            "overkant van de straat. Omdat ze slecht ter been is, ging de sociaal makelaar met "
            "haar bij de buren aan de deur, zodat ze haar plannen kon vertellen."
        ),
        opbrengst=(
            "Met 3 buren ontstonden koffiecontacten en gesprekken over wat de wijk nodig heeft. Zo "
            "ervoeren ze dat je samen meer voor elkaar krijgt. De vrouw is onlangs overleden; de "
            "bloemenweide is er gekomen, mede ter herinnering aan haar."
        ),
    ),
    VoorbeeldData(
        titel="Bewonerswijkteam Leesten – wijkinformatiecentrum – enquête",
        wijk="Leesten",
        datum=D(2023, 5, 31),
        soort=A.ONDERSTEUNING_INITIATIEF,
        rol=R.FACILITEREN,
        medewerkers=["femke"],
        themas=["Ontmoeting", "Leefbaarheid"],
        partners=["Bewonerswijkteam Leesten", "Gemeente Zutphen"],
        initiatief="wic",
        bewoners_bereikt=110,
        cijfers="110 ingevulde enquêtes",
        beschrijving=(
            "In Leesten zijn mensen overdag vaak weg en ervaren ze weinig verbondenheid met hun "
            "wijk. De sociaal makelaar versterkt en faciliteert het bewonerswijkteam en het "
            "wijkinformatiecentrum (WIC) als ontmoetingsplek. Samen met het bewonerswijkteam is "
            "via het wijkmagazine een enquête onder de inwoners afgenomen."
        ),
        opbrengst=(
            "110 inwoners vulden de enquête in. De resultaten gingen naar de betrokken partijen, "
            "onder wie de gemeente. Ook meldden zich via de enquête inwoners die willen helpen bij "
            "activiteiten."
        ),
    ),
    VoorbeeldData(
        titel="2e Canyon Skate Event",
        wijk="Leesten",
        datum=D(2023, 9, 23),
        soort=A.EVENEMENT,
        rol=R.FACILITEREN,
        medewerkers=["femke", "marco", "daan"],
        themas=["Jongeren", "Ontmoeting", "Spelen"],
        partners=["Bewonerswijkteam Leesten"],
        initiatief="canyon",
        bewoners_bereikt=250,
        cijfers="250–300 bezoekers/deelnemers",
        beschrijving=(
            "Voor de tweede keer organiseerden jongeren in september skate-event Canyon Jam, "
            "gesteund door onder anderen sociaal makelaars, andere professionals en ondernemers "
            "uit de stad. Er waren dit keer meer sociaal makelaars bij, elk met een eigen netwerk; "
            "daardoor kwamen veel meer contacten met ondernemers en bewoners tot stand."
        ),
        opbrengst=(
            "Er waren nu ook activiteiten voor de buurt voor alle leeftijden. Het "
            "bewonerswijkteam hield het WIC open voor toilet en koffie/thee/water, wat ook de "
            "bekendheid van het WIC vergrootte. 250–300 bezoekers en deelnemers."
        ),
        links=[(CANYON_URL, "Berkelstroom: Canyon Jam, het event voor alle skaters")],
    ),
    VoorbeeldData(
        titel="Inloopweek met het bewonerswijkteam in de herfstvakantie",
        wijk="Leesten",
        datum=D(2023, 10, 16),
        soort=A.INLOOP,
        rol=R.ARRANGEREN,
        medewerkers=["femke"],
        themas=["Ontmoeting", "Jongeren"],
        partners=["Bewonerswijkteam Leesten", "Ieder1", "BIJ de Bieb", "Pionieren"],
        initiatief="wic",
        beschrijving=(
            "Samen met het bewonerswijkteam is een inloopweek in de herfstvakantie "
            "georganiseerd. De sociaal makelaar vroeg o.a. de wijkagent, de consulent "
            "leefbaarheid van Ieder1, BIJ de Bieb, #opladers en buurtbewoners iets te "
            "organiseren; de week werd aangekondigd in het wijkmagazine. Omdat Leesten veel "
            "jonge gezinnen heeft, organiseerden de sociaal makelaar en een sociaal werker een "
            "kinderactiviteit."
        ),
        opbrengst=(
            "Veel verbindingen tussen inwoners; ouders en jonge kinderen leerden elkaar beter "
            "kennen. Bij de evaluatie gaf de kerkelijke bewonersgroep 'Pionieren' aan toe te "
            "treden tot het bewonerswijkteam, dat daardoor veel groter is geworden."
        ),
    ),
]
