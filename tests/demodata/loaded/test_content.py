"""Bijlage 1 examples, initiatives, the 2023 report, and validity of the demo rows."""

import datetime

import pytest

from buurtservice.models import Klus, Uitvoerder
from initiatieven.models import Initiatief
from makelaars.models import Activiteit
from rapportage.models import Jaarrapportage

pytestmark = pytest.mark.usefixtures("demo")

# Every titled example of Bijlage 1 of seed 000, per gebied.
BIJLAGE_1 = {
    "Centrum – De Hoven – Noordveen – Noorderhaven": [
        "Dementievriendelijke wijken",
        "Zichtbaar en ondersteunend in het Centrum",
        "Verbindingen versterkt in De Hoven",
        "Noorderhaven: eerste stappen gezet",
    ],
    "Waterkwartier": [
        "Clean Up week",
        "Belangen van inwoners “vertalen” bij gemeentelijke projecten",
        "Atelier open voor buurtbewoners",
        "Toewerken naar meer vrijwilligers voor de kinderboerderij",
        "Sociaal makelaar van Somalische afkomst komt achter de voordeur",
        "Opruimactie in een straat",
        "Eritrese vadergroep op zaterdagmiddag",
    ],
    "Zuidwijken – Warnsveld – Leesten": [
        "Herontwikkeling van de Moesweide",
        "Wijkfeest in De Zuidwijken",
        "Zuidwijken groener geworden",
        "Speelweide bij ’t Spiker (Warnsveld) krijgt een nieuwe inrichting",
        "ROC Studenten – Tuinproject en buurtpreventie – Begeleiding vanuit Perspectief",
        "Activiteiten in buurthuis ’t Nut",
        "Bloemenweide voor overleden buurvrouw in Warnsveld",
        "Bewonerswijkteam Leesten – wijkinformatiecentrum – enquête",
        "2e Canyon Skate Event",
        "Inloopweek met het bewonerswijkteam in de herfstvakantie",
    ],
}
REAL_NAMES = ["Dajo", "Vincent", "Draaijer"]


def test_every_bijlage_1_example_is_a_2023_example_activity_in_its_gebied():
    voorbeelden = Activiteit.objects.voorbeelden().select_related("wijk__gebied")
    by_title = {a.titel: a for a in voorbeelden}
    expected = {title for titles in BIJLAGE_1.values() for title in titles}
    assert set(by_title) == expected
    for gebied, titles in BIJLAGE_1.items():
        for title in titles:
            activiteit = by_title[title]
            assert activiteit.wijk.gebied.naam == gebied, title
            assert activiteit.datum.year == 2023, title
            assert activiteit.beschrijving and activiteit.opbrengst, title


def test_examples_have_staff_themes_and_active_brokers():
    for activiteit in Activiteit.objects.voorbeelden().prefetch_related("medewerkers", "themas"):
        assert activiteit.themas.exists(), activiteit
        assert activiteit.medewerkers.exists(), activiteit
        for medewerker in activiteit.medewerkers.all():
            assert medewerker.is_active_on(activiteit.datum), (activiteit, medewerker)


def test_examples_carry_the_seed_figures():
    canyon = Activiteit.objects.get(titel="2e Canyon Skate Event")
    assert canyon.bewoners_bereikt == 250
    assert "250–300" in canyon.cijfers
    leesten = Activiteit.objects.get(titel__startswith="Bewonerswijkteam Leesten")
    assert leesten.bewoners_bereikt == 110
    assert "110" in leesten.cijfers
    groen = Activiteit.objects.get(titel="Zuidwijken groener geworden")
    assert "12" in groen.cijfers
    assert groen.initiatief.financieringsaanvragen.filter(fonds="Wensfonds").exists()
    opruim = Activiteit.objects.get(titel="Opruimactie in een straat")
    assert "500" in opruim.opbrengst
    assert (
        Activiteit.objects.get(titel="Herontwikkeling van de Moesweide").bewoners_geactiveerd == 4
    )


def test_examples_link_the_seed_news_articles():
    canyon = Activiteit.objects.get(titel="2e Canyon Skate Event")
    assert canyon.links.filter(url__contains="berkelstroom.nl/canyon-jam").exists()
    cleanup = Activiteit.objects.get(titel="Clean Up week")
    assert cleanup.links.filter(url__contains="world-cleanup-day").exists()
    assert cleanup.medewerkers.count() == 2  # "twee van de sociaal makelaars"


def test_ordinary_activities_cover_every_wijk_and_month_of_2023():
    gewoon = Activiteit.objects.filter(is_voorbeeld=False)
    in_2023 = gewoon.for_year(2023)
    assert 50 <= in_2023.count() <= 70
    assert {d.month for d in in_2023.values_list("datum", flat=True)} == set(range(1, 13))
    assert in_2023.values("wijk").distinct().count() == 8
    assert gewoon.for_year(2022).exists()


def test_initiatives_of_the_seed_with_history_and_veranderverhaal():
    names = set(Initiatief.objects.values_list("naam", flat=True))
    for name in [
        "Canyon Jam skate event",
        "Creatieve ochtend",
        "Eritrese vadergroep",
        "Clean Up week en World Clean Up Day",
        "Ubuntu-plein",
        "Buurtactiviteiten Mulderskamp",
        "Vergroening: plantenbakken aan de schuur",
    ]:
        assert name in names
    for initiatief in Initiatief.objects.prefetch_related("statuswijzigingen"):
        history = list(initiatief.statuswijzigingen.all())
        assert history and history[-1].status == initiatief.status, initiatief
    with_story = Initiatief.objects.exclude(doelgroep="").exclude(aanpak="")
    assert with_story.exclude(directe_effecten="").exclude(indirecte_bijdrage="").count() >= 3
    assert Initiatief.objects.filter(financieringsaanvragen__fonds__icontains="3x3").exists()
    assert Initiatief.objects.filter(tellingen__isnull=False).distinct().count() >= 5


def test_the_2023_report_with_sections_in_seed_order_and_plan_items():
    rapport = Jaarrapportage.objects.get(jaar=2023)
    assert rapport.titel == "Jaarrapportage Sterke Wijken Perspectief Zutphen"
    assert rapport.versiedatum == datetime.date(2023, 12, 1)
    assert rapport.status == "concept"
    assert "amendement" in rapport.inleiding
    assert list(rapport.secties.values_list("soort", flat=True)) == [
        "kerncijfers",
        "sociaal_makelaars",
        "vrijwilligerswerk",
        "buurtservice",
        "visie",
        "cijfers",
        "voorbeelden",
        "plan",
        "verantwoording",
    ]
    sectie_1 = rapport.secties.get(soort="sociaal_makelaars")
    assert "ABCD-methodiek" in sectie_1.tekst and "HAN" in sectie_1.tekst
    # Figures are computed by the app, not typed into the narrative.
    assert "naar 8" not in sectie_1.tekst
    assert "8 nieuwe vrijwilligers" not in rapport.secties.get(soort="buurtservice").tekst
    items = list(rapport.planonderdelen.all())
    assert len(items) == 4
    for item in items:
        assert item.doel and item.gewenst_resultaat and item.startsituatie and item.inzet_middelen
    indicators = {i.naam: i.streefwaarde for item in items for i in item.indicatoren.all()}
    assert indicators == {
        "Sociaal makelaars eind 2023": 8,
        "Plan van aanpak vrijwilligerspunt opgeleverd": 1,
        "Extra uren Buurtservice per week": 12,
        "Wachtlijst eind 2023": 5,
    }
    # Every block stands in the narrative where the coordinator placed it.
    placed = "".join(rapport.secties.values_list("tekst", flat=True))
    for key in (
        "makelaars_groei",
        "signalen_en_collectief_werk",
        "effecten_volgens_bewoners",
        "capaciteit",
        "buurtservice_h1_klussen",
        "wachtlijst",
    ):
        assert f"[[blok:{key}]]" in placed


def test_no_real_person_names_of_the_seed():
    texts = [
        *Activiteit.objects.values_list("beschrijving", "opbrengst", "titel"),
        *Jaarrapportage.objects.values_list("inleiding"),
        *Initiatief.objects.values_list("omschrijving", "initiatiefnemers"),
    ]
    from rapportage.models import Sectie
    from wijken.models import Medewerker

    texts += list(Sectie.objects.values_list("tekst"))
    texts += list(Medewerker.objects.values_list("naam"))
    blob = " ".join(" ".join(row) for row in texts)
    for name in REAL_NAMES:
        assert name not in blob


def test_all_demo_rows_pass_model_validation():
    for model in (Activiteit, Klus, Uitvoerder, Initiatief):
        for obj in model.objects.all():
            obj.full_clean()
