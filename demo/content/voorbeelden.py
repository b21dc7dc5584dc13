"""One activity for every example of Bijlage 1 of seed 000, per gebied.

Texts are the seed's, shortened; persons are fictional or anonymous. Figures
(bewoners_bereikt, bewoners_geactiveerd, cijfers) are the seed's own.
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
            "In het najaar van 2023 is een plan opgesteld om in 2024 samen met inwoners, "
            "organisaties en ondernemers aan de slag te gaan met hoe alle wijken in het gebied "
            "van dit team dementievriendelijk kunnen worden."
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
            "In het Centrum was Perspectief door beperkte capaciteit minder goed zichtbaar. Met "
            "de nieuwe sociaal makelaar is dat veranderd: door aanwezig te zijn in het "
            "Odensehuis, Geweldig! en bij het Leger des Heils zijn we wekelijks met inwoners in "
            "gesprek over wat hen bezighoudt."
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
            "Door meer capaciteit zijn we vaker aanwezig in buurthuis Mulderskamp. Eerst waren "
            "inwoners wat argwanend; nu zijn we een vertrouwd gezicht. De activiteitencommissie "
            "staat meer open voor andere mensen en heeft met onze hulp meer vrijwilligers "
            "gekregen, en zo meer activiteiten kunnen organiseren, zoals een excursie naar Boer "
            "Kip in de week van de ontmoeting."
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
            "De sociaal makelaars leren de wijk kennen en leggen contacten met actieve "
            "bewoners(groepen), ondernemers en de school. De nadruk lag op het wijkteam van "
            "bewoners, het Ubuntu-plein en het Kompaan College."
        ),
        opbrengst=(
            "Bewoners gaven aan dat wij niet zichtbaar en vindbaar genoeg waren. Met het "
            "bestuur/bewoners van het Ubuntu-plein en het wijkteam Noorderhaven zijn we in gesprek "
            "over een locatie in de wijk. Het nieuwe jaar start met een buurtbijeenkomst met het "
            "wijkteam om activiteiten te bedenken en wensen en behoeften in kaart te brengen."
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
            "De nieuwe sociaal makelaars zijn aangesloten bij gemeentelijke projecten, zoals de "
            "aanpak van een gevaarlijk kruispunt, de vergroening van een winkelplein en de aanpak "
            "van een speeltuintje. We slaan een brug tussen de zakelijke aanpak van de gemeente "
            "en de vaak emotioneel geladen belangen van buurtbewoners, door langs de deuren te "
            "gaan en mensen op straat aan te spreken; het verzamelen van verhalen is leidend."
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
            "De sociaal makelaar is aanspreekpunt voor de kinderboerderij in de wijk. Die heeft "
            "een nieuw beheer, wil de samenwerking met de wijk versterken en heeft te weinig "
            "vrijwilligers. Met een bewoner/vrijwilliger die ook bij de Clean Up week betrokken "
            "was geven we de boerderij meer bekendheid en maken we haar zichtbaar bij "
            "evenementen."
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
            "Onze mbo sociaal makelaar met een Somalische achtergrond blijkt vanaf september "
            "2023 al van grote meerwaarde, mede door zijn grote netwerk in de wijk. Omdat hij "
            "vertrouwen geniet bij veel mensen met een migratieachtergrond gaat hij regelmatig "
            "mee met collega's en professionals van andere organisaties."
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
            "Ieder1 wilde een actie in de straat (Staatsliedenbuurt), maar bewoners wilden eerst "
            "de rommel om en rond het huis weg hebben en dan pas de schuttingen. Onze sociaal "
            "makelaar van Somalische afkomst bracht de sleutelfiguren in contact met Ieder1. Een "
            "bewoner regelde zelf een container met de woningbouw. De twee nieuwe sociaal "
            "makelaars hielpen samen met sociaal werkers actief mee met opruimen."
        ),
        opbrengst=(
            "Bewoners waren heel actief en voelden zich gewaardeerd door Ieder1. Perspectief "
            "krijgt een naam als organisatie die actief meehelpt: de moeder van een bewoner die "
            "we met zijn tuin en schuur hielpen, meldde zich als vrijwilliger. Met haar "
            "organiseert een nieuwe sociaal makelaar nu op woensdagochtend een creatieve ochtend "
            "voor mensen uit de wijk. Neveneffect: € 500 aan metaal opgehaald, waarmee "
            "buurtbewoners een kinderactiviteit hebben gefinancierd."
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
            "Vaders uit Eritrea komen op zaterdagmiddag samen in de hopwoning om te kaarten en "
            "samen te zijn: wekelijks een vaste groep van 5, vaak 2 of 3 meer als ze iemand "
            "meenemen. De sociaal makelaar was in het begin veel aanwezig."
        ),
        opbrengst="Vanaf januari kan de groep zelfstandig door.",
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
            "Op 16 september was het verbindende, interactieve wijkfeest met workshops, muziek, "
            "theater, kunst en ontmoeting op verschillende plekken in de Zuidwijken (o.a. De "
            "Brink, de Buurtbongerd in de Braamkamp en de dierenweide in het Zwanevlot). "
            "Inwoners uit verschillende buurten, inclusief het Buurtnetwerk, hielpen organiseren. "
            "De sociaal makelaar koppelde een inwoner uit de Moesmate met talent voor grafisch "
            "ontwerp aan het organisatieteam."
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
            "In november sloot de nieuwe sociaal makelaar aan bij een groenproject dat al langer "
            "liep. Een actieve buurtbewoonster verzamelde met onze ondersteuning buren die "
            "plantenbakken in hun voortuin aan de muur van de schuur wilden. Met een aanvraag "
            "bij het Wensfonds en enthousiaste bewoners is de buurt groener gemaakt. De sociaal "
            "makelaars verzorgden op de zaterdag koffie en thee en gingen in gesprek met "
            "buurtbewoners."
        ),
        opbrengst=(
            "12 personen deden mee; de buurt is een stukje groener en buurtbewoners hebben "
            "elkaar beter leren kennen. Volgend jaar komt er ook een geveltuintje, waar dezelfde "
            "buurtbewoonster zich mee bezighoudt."
        ),
    ),
    VoorbeeldData(
        titel="Het opnieuw inrichten van de speelweide bij ’t Spiker (Warnsveld)",
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
            "Studenten van Aventus deden, begeleid door Perspectief, een behoefteonderzoek in "
            "de Hofjes van Warnsveld (Scheerdershof, Lammerhof, Herdershof, Schapendoes en "
            "Leestensepad). Daaruit kwamen twee activiteiten: een buurtpreventie-appgroep en een "
            "tuinproject om tuinen netjes en winterklaar te maken."
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
            "Inwoners organiseren zelf activiteiten in het buurthuis; met Den Bouw wordt "
            "samengewerkt om mensen van Den Bouw naar ’t Nut te laten komen."
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
            "Een oudere mevrouw had door de jaren heen haar netwerk verloren, wilde meer contact "
            "en zich inzetten voor een bloemenweide tegenover haar huis, maar niet alleen. Omdat "
            "ze niet mobiel is, ging de sociaal makelaar met haar huis aan huis langs de buren, "
            "waar zij haar ideeën vertelde."
        ),
        opbrengst=(
            "Koffiecontacten met 3 buurtbewoners en samen ideeën voor de wijk delen: als je je "
            "met elkaar verbindt, kun je meer bereiken. Mevrouw is recent overleden; mede ter "
            "nagedachtenis aan haar is de bloemenweide gerealiseerd."
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
            "110 ingevulde enquêtes. De uitkomsten zijn gedeeld met betrokken partijen, zoals de "
            "gemeente. Door de enquête zijn meer inwoners actief geworden: ze gaven aan mee te "
            "willen helpen met activiteiten."
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
            "In september was het 2e skate event Canyon Jam, georganiseerd door jongeren met "
            "ondersteuning van o.a. sociaal makelaars, andere professionals en lokale "
            "ondernemers. Doordat meer sociaal makelaars betrokken waren, elk met een eigen "
            "netwerk, zijn veel meer verbindingen gelegd met ondernemers en bewoners."
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
