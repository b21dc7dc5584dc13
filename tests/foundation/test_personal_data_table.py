"""The personal-data guard (core.privacy) against what residents and brokers really
type: every grouping of a phone number, disguised e-mail addresses, postcodes and
streets with a house number, a BSN and names with a title; and the ordinary signal
text that must pass."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from core.privacy import (
    ADDRESS,
    BSN,
    EMAIL,
    NAME,
    PHONE,
    POSTCODE,
    personal_data_in,
    refuse_personal_data,
)

ZWSP = "\u200b"

FOUND = [
    # phone numbers, every common grouping
    ("Bel haar op 06-12-34-56-78", PHONE),
    ("Bel haar op 06.12.34.56.78", PHONE),
    ("06.12.34.56.78 na 12.30 uur", PHONE),
    ("Op 06-12-2023 om 10.30 belde 06-12345678", PHONE),
    ("nummer 06 12 34 56 78", PHONE),
    ("nummer 06 1234 5678", PHONE),
    ("nummer 06-1234 5678", PHONE),
    ("06-12345678 graag terugbellen", PHONE),
    ("Telefoon 0612345678", PHONE),
    ("telefoon0612345678", PHONE),
    ("tel:0612345678", PHONE),
    ("(06)12345678", PHONE),
    ("06/12345678", PHONE),
    ("06 - 12 34 56 78", PHONE),
    ("06–12345678 (met een lang streepje)", PHONE),
    ("+31 6 12345678", PHONE),
    ("+31612345678", PHONE),
    ("+31 (0)6 1234 5678", PHONE),
    ("+316 1234 5678", PHONE),
    ("0031 6 12345678", PHONE),
    ("0031612345678", PHONE),
    ("vaste lijn 0575-123456", PHONE),
    ("0575 123 456", PHONE),
    ("(0575) 51 23 45", PHONE),
    ("0575-51.23.45", PHONE),
    ("020 123 4567", PHONE),
    ("020-1234567", PHONE),
    ("0 6 1 2 3 4 5 6 7 8", PHONE),
    ("06-98765432 (nummer bestaat misschien niet)", PHONE),
    ("+32 470 12 34 56 (Belgisch)", PHONE),
    ("+44 20 7946 0958", PHONE),
    # the same, disguised
    ("Bel ０６－１２３４５６７８", PHONE),
    (f"Bel 06{ZWSP}-1234{ZWSP}5678", PHONE),
    (f"06{ZWSP}12345678", PHONE),
    ("Bel 06\u00a012345678", PHONE),
    ("06-1234\u00ad5678", PHONE),
    ("Bel ٠٦١٢٣٤٥٦٧٨", PHONE),
    # e-mail addresses
    ("Mail hem op jan.jansen@example.nl", EMAIL),
    ("jan.jansen[at]gmail.com", EMAIL),
    ("jan.jansen (at) gmail.com", EMAIL),
    ("jan.jansen{at}gmail.com", EMAIL),
    ("jan.jansen＠gmail.com", EMAIL),
    ("jan.jansen @ gmail.com", EMAIL),
    ("jan.jansen[at]gmail[dot]com", EMAIL),
    ("jan.jansen(at)gmail(punt)com", EMAIL),
    ("jan apenstaartje gmail.com", EMAIL),
    (f"jan{ZWSP}@{ZWSP}gmail.com", EMAIL),
    ("JAN.JANSEN@GMAIL.COM", EMAIL),
    # postcodes with a house number
    ("Overlast bij 7201 AB 12", POSTCODE),
    ("postcode 7201ab12", POSTCODE),
    ("7201AB12", POSTCODE),
    ("Woont op 7202cd, 3a", POSTCODE),
    ("Adres 7203 EF nr. 104", POSTCODE),
    ("7201 AB, huisnummer 8", POSTCODE),
    ("７２０１ＡＢ１２", POSTCODE),
    # streets with a house number
    ("Mevrouw Jansen, Dorpsstraat 12", ADDRESS),
    ("Woont op de Lindelaan 3a", ADDRESS),
    ("Stationsweg 104", ADDRESS),
    ("Marktplein 7", ADDRESS),
    ("dorpsstraat 12 heeft last van ratten", ADDRESS),
    ("Berkensingel 22-1", ADDRESS),
    ("Houtmarkt 56", ADDRESS),
    ("IJsselkade 9", ADDRESS),
    ("Zwanenhof 4", ADDRESS),
    ("Bij Oude Gracht 9 lekt het", ADDRESS),
    ("Rozendreef 11", ADDRESS),
    ("Kerksteeg 2", ADDRESS),
    ("Wilhelminapark 30", ADDRESS),
    ("Deventerstraatweg 120", ADDRESS),
    ("Hanzeweg nr. 5", ADDRESS),
    # BSN
    ("BSN 123456782", BSN),
    ("bsn: 1234.56.782", BSN),
    ("burgerservicenummer 123 456 782", BSN),
    ("nummer 111222333 doorgegeven", BSN),
    (f"BSN 1234{ZWSP}56782", BSN),
    # names with a title
    ("Mevrouw Jansen belde", NAME),
    ("meneer De Vries wil hulp", NAME),
    ("mevr. Bakker", NAME),
    ("Mw. Pietersen", NAME),
    ("mw Pietersen", NAME),
    ("dhr. Öztürk", NAME),
    ("Dhr. J. Jansen", NAME),
    ("de heer Yilmaz", NAME),
    ("mevrouw van der Berg", NAME),
    ("familie El Amrani", NAME),
    ("fam. Visser", NAME),
    ("mr. Smit", NAME),
]

PASSES = [
    "Meerdere ouderen in de flat voelen zich alleen sinds de buurtkamer dicht is",
    "Op 01-03-2023 kwamen 15 mensen naar het spreekuur",
    "Op 12-03-2024 om 10:30 uur",
    "op 01-03-2023 10:30 uur",
    "01-03-2023 10.30 bijeenkomst met 12 mensen",
    "Op 06-12-23 om 09.30",
    "Werkbon 0123456789 afgehandeld",
    "Bereikte inwoners 342 999 657",
    "1500kg, 3 zakken afval opgehaald",
    "2000 KM 5 keer gefietst",
    "Van 203.0.113.66 kwamen 12 aanvragen",
    "Bijeenkomst 06-12-2023 en 13.12.2023",
    "Datum 2023-03-12, tijd 19.45",
    "Sinds 2019 is de huur met 12% gestegen, in 2023 ruim 1.250,00 euro per jaar",
    "Budget van € 12.500 voor 40 huishoudens",
    "Kosten €1.234.567,89 voor het hele project",
    "De postcode 7201 AB heeft weinig speelplekken",
    "Om 10.30 uur staan er 25 mensen bij de voedselbank",
    "In Q3 2023 3 keer genoemd door de school",
    "Tussen 2019-2023 ongeveer 300 meldingen",
    "tussen 2019 en 2023 gegroeid",
    "12 bewoners en 34 kinderen op 56 adressen",
    "In de Dorpsstraat wonen veel ouderen",
    "Drie gezinnen in de Vispoortstraat hebben in 2023 schulden",
    "In de Dorpsstraat 12 bewoners gesproken",
    "Op de Stationsweg 3 keer een melding van overlast",
    "Het Marktplein 2023 was een succes",
    "Het stadspark 25% groener gemaakt",
    "Waterkwartier, De Hoven en Noorderhaven doen mee",
    "In Noordveen 12 gezinnen bereikt",
    "Makelaars in Noorderhaven 1 → 2, Waterkwartier 1 → 2",
    "In de Mulderskamp 3 activiteiten",
    "Leesten en Warnsveld: 5 initiatieven",
    "Mevrouw belde over de post, wil hulp",
    "Een meneer uit de flat kwam langs",
    "Bel de schuldhulplijn op 0800-8115",
    "Informatie via 088-1234567 van de woningcorporatie",
    "De buurt heeft 4.500 inwoners en 2.100 woningen",
    "Ongeveer 250.000.000 liter water",
    "Ruim 2 uur gesproken, 3x teruggekomen",
    "Contact via @buurthuis op Instagram",
    "Huisnummers 1 tot en met 40 zijn gerenoveerd",
    "Project 2024-2025 loopt tot 31-12-2025",
    "Factuurnummer 2023-0042 betaald",
    "De familie van het buurthuis is groot",
]


@pytest.mark.parametrize(("text", "kind"), FOUND)
def test_personal_data_is_found(text, kind):
    assert kind in personal_data_in(text)


@pytest.mark.parametrize("text", PASSES)
def test_ordinary_text_passes(text):
    assert personal_data_in(text) == []


def test_the_table_is_long_enough():
    assert len(FOUND) >= 60 and len(PASSES) >= 30


@pytest.mark.parametrize(
    ("text", "kind", "dutch"),
    [
        ("Bel 06-12-34-56-78", PHONE, "telefoonnummer"),
        ("jan[at]gmail.com", EMAIL, "e-mailadres"),
        ("postcode 7201ab12", POSTCODE, "postcode met huisnummer"),
        ("Dorpsstraat 12", ADDRESS, "straat met huisnummer"),
        ("BSN 123456782", BSN, "burgerservicenummer"),
        ("Mevrouw Jansen", NAME, "naam"),
    ],
)
def test_the_message_names_the_kind_without_repeating_it(text, kind, dutch):
    from django.utils import translation

    with translation.override("nl"), pytest.raises(ValidationError) as refused:
        refuse_personal_data(text)
    codes = [error.code for error in refused.value.error_list]
    assert f"personal_data_{kind}" in codes
    messages = " ".join(refused.value.messages)
    assert dutch in messages
    for part in ("12-34-56", "jan", "7201", "Dorpsstraat 12", "123456782", "Jansen"):
        assert part not in messages
