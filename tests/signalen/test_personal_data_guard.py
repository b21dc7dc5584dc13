"""Signal texts hold no personal data: phone numbers, e-mail addresses and
postcodes with a house number are refused in Dutch; ordinary text passes."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from core.privacy import EMAIL, PHONE, POSTCODE, personal_data_in
from signalen.models import Signaal


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Mevrouw belde: 06-12345678, wil hulp bij post", PHONE),
        ("Bel terug op 0575 123 456", PHONE),
        ("Nummer +31 6 1234 5678 doorgegeven", PHONE),
        ("Vaste lijn (0575) 51 23 45", PHONE),
        ("Telefoon 0612345678", PHONE),
        ("Mail hem op jan.jansen@example.nl", EMAIL),
        ("Overlast bij 7201 AB 12", POSTCODE),
        ("Woont op 7202cd, 3a", POSTCODE),
        ("Adres 7203 EF nr. 104", POSTCODE),
    ],
)
def test_personal_data_is_found(text, kind):
    assert kind in personal_data_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "Meerdere ouderen in de flat voelen zich alleen sinds de buurtkamer dicht is",
        "Op 01-03-2023 kwamen 15 mensen naar het spreekuur",
        "Sinds 2019 is de huur met 12% gestegen, in 2023 ruim 1.250,00 euro per jaar",
        "Budget van € 12.500 voor 40 huishoudens",
        "De postcode 7201 AB heeft weinig speelplekken",
        "Om 10.30 uur staan er 25 mensen bij de voedselbank",
        "In Q3 2023 3 keer genoemd door de school",
        "Tussen 2019-2023 ongeveer 300 meldingen",
    ],
)
def test_ordinary_text_passes(text):
    assert personal_data_in(text) == []


def _post(client, w, text):
    return client.post(
        reverse("signalen:signaal_create"),
        {
            "datum": "2023-03-01",
            "wijk": w.wijk_a.pk,
            "themas": [w.geld.pk],
            "bron": "inwoner",
            "omschrijving": text,
        },
    )


@pytest.mark.parametrize(
    ("text", "dutch"),
    [
        ("Bel mevrouw op 06-12345678", "telefoonnummer"),
        ("Mail naar buur@example.nl", "e-mailadres"),
        ("Het gaat om 7201 AB 12", "adres"),
        ("Mevrouw Jansen, Dorpsstraat 12", "straat met huisnummer"),
        ("Bel 06.12.34.56.78", "telefoonnummer"),
        ("jan.jansen＠gmail.com", "e-mailadres"),
        ("BSN 123456782", "burgerservicenummer"),
    ],
)
def test_the_form_refuses_personal_data_in_dutch_and_keeps_the_text(client, w, text, dutch):
    client.force_login(w.mk_a)
    response = _post(client, w, text)
    assert response.status_code == 200
    body = response.content.decode()
    assert dutch in body
    assert "persoonsgegevens" in body
    assert text in body  # what was typed stays in the form
    assert not Signaal.objects.exists()


def test_the_form_says_no_personal_data_before_anything_is_typed(client, w):
    client.force_login(w.mk_a)
    body = client.get(reverse("signalen:signaal_create")).content.decode()
    assert "geen namen, telefoonnummers, e-mailadressen of adressen" in body


def test_ordinary_text_is_saved(client, w):
    client.force_login(w.mk_a)
    response = _post(client, w, "Drie gezinnen in de Vispoortstraat hebben in 2023 schulden")
    assert response.status_code == 302
    signaal = Signaal.objects.get()
    assert signaal.aangemaakt_door == w.mk_a
    assert signaal.datum == datetime.date(2023, 3, 1)
    assert list(signaal.themas.all()) == [w.geld]
