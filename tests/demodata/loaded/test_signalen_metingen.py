"""The demo's signals, collective questions, buurtteam contacts and measurement."""

from __future__ import annotations

from core.privacy import personal_data_in
from demo.content import metingen as metingen_data
from demo.content import signalen as signalen_data
from metingen import selectors as metingen_selectors
from metingen.models import Inzending, Vragenlijst
from signalen import selectors as signalen_selectors
from signalen.choices import VraagstukStatus
from signalen.models import BuurtteamContact, CollectiefVraagstuk, Signaal


def test_signals_over_2023_in_all_three_gebieden(demo):
    signalen = Signaal.objects.for_year(2023)
    assert signalen.count() == len(signalen_data.signalen()) >= 40
    assert signalen.values("wijk__gebied").distinct().count() == 3
    assert not any(
        personal_data_in(text) for text in signalen.values_list("omschrijving", flat=True)
    )


def test_money_worries_recur_and_became_a_completed_collective_question(demo):
    section = signalen_selectors.report_section(2023)
    recurring = {(row["wijk"], row["thema"]) for row in section["terugkerend"]}
    assert ("Waterkwartier", "Armoede") in recurring
    vraagstuk = CollectiefVraagstuk.objects.get(titel="Rondkomen in het Waterkwartier")
    assert vraagstuk.status == VraagstukStatus.AFGEROND
    assert vraagstuk.evaluatie
    assert vraagstuk.signalen.count() == len(signalen_data.GELDZORGEN)
    assert list(vraagstuk.statuswijzigingen.values_list("status", flat=True)) == [
        VraagstukStatus.VERKENNEN,
        VraagstukStatus.WERKGROEP,
        VraagstukStatus.UITVOERING,
        VraagstukStatus.EVALUATIE,
        VraagstukStatus.AFGEROND,
    ]
    assert vraagstuk.partners.exists()


def test_buurtteam_contacts_and_referrals_per_quarter(demo):
    section = signalen_selectors.report_section(2023)
    assert section["contacten"]["totaal"] == BuurtteamContact.objects.count()
    assert section["contacten"]["totaal"] == len(signalen_data.CONTACTEN)
    referrals = sum(1 for row in signalen_data.CONTACTEN if row[2] == "doorverwijzing")
    assert section["doorverwijzingen"]["totaal"] == referrals > 0


def test_one_measured_initiative_with_more_than_thirty_answers_and_a_duiding(demo):
    vragenlijst = Vragenlijst.objects.get(titel=metingen_data.TITEL)
    assert Inzending.objects.filter(vragenlijst=vragenlijst).count() == 34
    section = metingen_selectors.report_section(2023)
    assert len(section) == 1
    row = section[0]
    assert row["n"] == 34
    # Hand counts from the demo's fixed counts: (agree + strongly agree) / answered.
    expected = []
    for _tekst, _effect, counts in metingen_data.STELLINGEN:
        agree = counts[3] + counts[4]
        expected.append(metingen_selectors.share(agree, sum(counts)))
    assert [s["aandeel"] for s in row["stellingen"]] == expected
    assert expected[0] == 76  # 26 of 34
    assert row["duiding"] and len(row["duiding"]["vragen"]) == 5
