"""The report survives any input (issue 14, finding 1) and the check page says what weakens it."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from core.roles import Role
from rapportage.choices import RapportStatus
from rapportage.models import RapportVersie
from tests.factories import ActiviteitFactory, KlusFactory, MedewerkerFactory, make_user

from .conftest import pdf_text, report_pdf, work_off_queue

D = datetime.date
NESTED_300 = "".join("    " * level + "- niveau\n" for level in range(300))  # 180 kB
BRACKETS = "[" * 20000
# Quote marks without a space: 160 nested quotes, well under the 2,000-character limit.
QUOTES_160 = ">" * 160 + "niveau"


@pytest.mark.parametrize(
    "payload",
    [NESTED_300, BRACKETS, QUOTES_160],
    ids=["nested-300", "brackets-20000", "quotes-160"],
)
def test_a_hostile_report_example_shows_a_placeholder_everywhere_never_a_500(
    client, coordinator, year_data, payload
):
    # Saved directly: the activity form refuses such texts (see below), older data may hold them.
    voorbeeld = ActiviteitFactory(
        datum=D(2023, 6, 1),
        wijk=year_data["wijk_zuid"],
        titel="Kwaadaardig voorbeeld",
        opbrengst=payload,
        beschrijving="Een gewone beschrijving.",
        is_voorbeeld=True,
    )
    rapportage = year_data["rapportage"]
    client.force_login(coordinator)

    preview = client.get(rapportage.get_absolute_url())
    assert preview.status_code == 200
    html = preview.content.decode()
    example = html[html.index(f'id="voorbeeld-{voorbeeld.pk}"') :][:3000]
    assert "Een gewone beschrijving." in example
    assert "Deze tekst kan niet worden getoond" in example
    assert "niveau" not in html and "[[[[" not in html

    pdf = report_pdf(client, rapportage)
    assert "Deze tekst kan niet worden getoond" in pdf_text(pdf)

    check = client.get(reverse("rapportage:jaarrapportage_check", args=[rapportage.pk]))
    assert check.status_code == 200
    section = check.content.decode().split('id="controle-markdown"')[1].split("</section>")[0]
    assert reverse("makelaars:activiteit_update", args=[voorbeeld.pk]) in section
    assert "Kwaadaardig voorbeeld" in section

    response = client.post(reverse("rapportage:jaarrapportage_finalize", args=[rapportage.pk]))
    assert response.status_code == 302
    work_off_queue()  # the background worker renders and stores the version
    rapportage.refresh_from_db()
    assert rapportage.status == RapportStatus.DEFINITIEF
    assert RapportVersie.objects.filter(rapportage=rapportage).exists()


def test_the_activity_form_refuses_texts_too_long_for_the_report(client, year_data):
    broker = make_user(Role.MAKELAAR, gebied=year_data["zuid"], username="makelaar-zuid")
    client.force_login(broker)
    response = client.post(
        reverse("makelaars:activiteit_create"),
        {
            "datum": "2023-06-01",
            "wijk": year_data["wijk_zuid"].pk,
            "soort": "bijeenkomst",
            "titel": "Te lang verhaal",
            "beschrijving": "woord " * 1000,  # 6,000 characters
            "opbrengst": "x" * 2001,
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "niet meer dan 5000 tekens" in html
    assert "niet meer dan 2000 tekens" in html
    assert "woord woord" in html  # what was typed is kept


def test_the_check_page_lists_what_weakens_the_report_with_links(client, coordinator, year_data):
    rapportage = year_data["rapportage"]
    kaal = ActiviteitFactory(
        datum=D(2023, 7, 1), wijk=year_data["wijk_hoven"], titel="Zonder cijfers"
    )
    oud = KlusFactory(
        aanvraagdatum=D(2022, 6, 1), wijk=year_data["wijk_water"], status="wachtlijst"
    )
    zwerver = MedewerkerFactory(naam="Zwerver Zondergebied", startdatum=D(2023, 2, 1), gebieden=[])
    client.force_login(coordinator)
    html = client.get(
        reverse("rapportage:jaarrapportage_check", args=[rapportage.pk])
    ).content.decode()

    def block(key: str) -> str:
        return html.split(f'id="controle-{key}"')[1].split("</section>")[0]

    assert reverse("makelaars:activiteit_update", args=[kaal.pk]) in block("zonder_cijfers")
    # "Zuidwijken groener geworden" is an example without an outcome.
    assert "Zuidwijken groener geworden" in block("voorbeeld_zonder_opbrengst")
    assert oud.get_absolute_url() in block("klus_lang_open")
    assert "Zwerver Zondergebied" in block("medewerker_zonder_gebied")
    # The coordinator sees the name; the beheerder, who links staff to areas, gets the link.
    staff_page = reverse("wijken:medewerker_update", args=[zwerver.pk])
    assert staff_page not in block("medewerker_zonder_gebied")
    client.force_login(make_user(Role.BEHEERDER, username="beheerder"))
    html = client.get(
        reverse("rapportage:jaarrapportage_check", args=[rapportage.pk])
    ).content.decode()
    assert staff_page in block("medewerker_zonder_gebied")
    maanden = block("maand_zonder_registratie")
    assert "Waterkwartier: feb 2023" in maanden
    assert "Centrum – De Hoven: jan 2023" not in maanden  # two activities in January
    assert reverse("makelaars:activiteit_list") + f"?gebied={year_data['water'].pk}" in maanden
    assert "Make final" not in html and "Definitief maken" in html


# Hostile texts with what the report shows for each: the text itself (found by its
# marker word) or the placeholder. All go in one PDF, each as a report example.
SHOWN, PLACEHOLDER = "shown", "placeholder"
CORPUS = [
    (">" * 160 + "merk00", PLACEHOLDER),
    ("> " * 12 + "merk01", SHOWN),
    ("<blockquote>" * 200 + "merk02", PLACEHOLDER),
    ("<blockquote>" * 39 + "merk03", SHOWN),  # the deepest raw HTML still shown
    ("<b>" * 300 + "merk04", PLACEHOLDER),
    ("**" * 100 + "merk05" + "**" * 100, PLACEHOLDER),
    ("_" * 150 + "merk06" + "_" * 150, PLACEHOLDER),
    ("***merk07*** en _nog **iets** meer_", SHOWN),
    ("- " * 12 + "merk08", SHOWN),
    ("- " * 13 + "merk09", PLACEHOLDER),
    ("\n\n".join("  " * level + "- merk10" for level in range(12)), SHOWN),
    ("> - " * 6 + "merk11", SHOWN),
    ("1. " * 40 + "merk12", PLACEHOLDER),
    (NESTED_300.replace("niveau", "merk13"), PLACEHOLDER),
    ("[" * 20000 + "merk14", PLACEHOLDER),
    ("[merk15](https://a.nl) " * 300, SHOWN),
    ("[merk16](javascript:alert(1)) <a href='data:x' onclick='x()'>merk16</a>", SHOWN),
    ("merk17 https://example.nl/" + "a" * 3000, SHOWN),
    ("| a | b |\n|---|---|\n| merk18 | x |", SHOWN),
    ("<table>" + "<tr><td>merk19</td></tr>" * 200 + "</table>", SHOWN),
    ("<table><tr><td>" * 500 + "merk20", SHOWN),
    ("merk21 " + "a" * 5000, SHOWN),  # one very long word
    ("woord " * 1500 + "merk22", SHOWN),  # one very long line
    ("merk23\n" + "regel\n" * 600, SHOWN),
    ("    " + "x" * 3000 + "\n\nmerk24", SHOWN),  # a code block with a long line
    ("<style>*{display:none}</style><script>x()</script>merk25", SHOWN),
    ("merk26 \x01\x1b &#0; &#x10FFFF; \u202e \ufeff", SHOWN),
    ("merk27 " + "e" + "\u0301" * 1000, SHOWN),  # one letter under 1,000 accents
    ("###### merk28\n\n" + "---\n\n" * 100, SHOWN),
    ("\t" * 100 + "- merk29", PLACEHOLDER),
    ("<ul>" * 30 + "<li>merk30", SHOWN),
    ("<ul><li>" * 30 + "merk31", PLACEHOLDER),
]


def test_a_corpus_of_hostile_texts_renders_in_one_pdf_with_placeholders(
    client, coordinator, year_data
):
    rapportage = year_data["rapportage"]
    voorbeelden = [
        ActiviteitFactory(
            datum=D(2023, 9, 1),
            wijk=year_data["wijk_zuid"],
            titel=f"Corpusvoorbeeld {number:02d}.",
            opbrengst=payload,
            is_voorbeeld=True,
        )
        for number, (payload, _expected) in enumerate(CORPUS)
    ]
    client.force_login(coordinator)

    text = pdf_text(report_pdf(client, rapportage))  # made by the worker
    pieces = text.split("Corpusvoorbeeld ")[1:]
    assert len(pieces) == len(CORPUS)
    for number, (piece, (_payload, expected)) in enumerate(zip(pieces, CORPUS, strict=True)):
        assert piece.startswith(f"{number:02d}.")
        marker = f"merk{number:02d}"
        if expected == SHOWN:
            assert marker in piece, number
            assert "Deze tekst kan niet worden getoond" not in piece, number
        else:
            assert "Deze tekst kan niet worden getoond" in piece, number
            assert marker not in piece, number

    # The check page names exactly the texts that show a placeholder, each with its link.
    html = client.get(
        reverse("rapportage:jaarrapportage_check", args=[rapportage.pk])
    ).content.decode()
    section = html.split('id="controle-markdown"')[1].split("</section>")[0]
    for voorbeeld, (_payload, expected) in zip(voorbeelden, CORPUS, strict=True):
        link = reverse("makelaars:activiteit_update", args=[voorbeeld.pk])
        assert (link in section) == (expected == PLACEHOLDER), voorbeeld.titel
