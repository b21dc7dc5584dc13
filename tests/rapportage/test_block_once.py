"""A block stands in one place of the report: a second placement is refused on save,
listed on the check page, and never shown twice (nor with two anchors) in the report."""

from __future__ import annotations

from django.urls import reverse

from rapportage.blocks import layout
from rapportage.choices import SectieSoort


def edit(client, sectie, tekst):
    return client.post(
        reverse("rapportage:sectie_update", args=[sectie.pk]),
        {"titel": sectie.titel, "tekst": tekst, "version": sectie.version},
    )


def test_placing_a_block_twice_in_one_section_is_refused(client, coordinator, year_data):
    sectie = year_data["rapportage"].secties.get(soort=SectieSoort.VISIE)
    client.force_login(coordinator)
    response = edit(client, sectie, "Eerst.\n\n[[blok:wachtlijst]]\n\nDan.\n\n[[blok:wachtlijst]]")
    assert response.status_code == 200
    html = response.content.decode()
    assert "staat twee keer in deze tekst" in html
    assert "[[blok:wachtlijst]]" in html  # the message names the line to remove
    sectie.refresh_from_db()
    assert "wachtlijst" not in sectie.tekst


def test_placing_a_block_that_stands_in_another_section_is_refused(client, coordinator, year_data):
    rapportage = year_data["rapportage"]
    makelaars = rapportage.secties.get(soort=SectieSoort.SOCIAAL_MAKELAARS)
    makelaars.tekst = "Zo groeide het.\n\n[[blok:makelaars_groei]]"
    makelaars.save()
    visie = rapportage.secties.get(soort=SectieSoort.VISIE)
    client.force_login(coordinator)

    response = edit(client, visie, "Nogmaals:\n\n[[blok:makelaars_groei]]")
    assert response.status_code == 200
    assert f"staat al in de sectie “{makelaars.titel}”" in response.content.decode()

    response = client.post(
        reverse("rapportage:sectie_create", args=[rapportage.pk]),
        {"soort": SectieSoort.VRIJ, "titel": "Extra", "tekst": "[[blok:makelaars_groei]]"},
    )
    assert response.status_code == 200
    assert "staat al in de sectie" in response.content.decode()
    assert not rapportage.secties.filter(titel="Extra").exists()

    # Moving it (removing it here, placing it there) is still one save each way.
    assert edit(client, visie, "Gewoon tekst.").status_code == 302


def test_check_page_lists_a_block_placed_twice_and_the_report_shows_it_once(
    client, coordinator, year_data
):
    rapportage = year_data["rapportage"]
    # Saved before the form refused it (or through the admin): both sections place it.
    for soort in (SectieSoort.SOCIAAL_MAKELAARS, SectieSoort.VISIE):
        sectie = rapportage.secties.get(soort=soort)
        sectie.tekst = "Tekst.\n\n[[blok:makelaars_tabel]]"
        sectie.save()
    client.force_login(coordinator)

    check = client.get(reverse("rapportage:jaarrapportage_check", args=[rapportage.pk]))
    section = check.content.decode().split('id="controle-blocks_twice"')[1].split("</section>")[0]
    visie = rapportage.secties.get(soort=SectieSoort.VISIE)
    assert reverse("rapportage:sectie_update", args=[visie.pk]) in section
    assert "Blokken die twee keer staan" in section

    html = client.get(rapportage.get_absolute_url()).content.decode()
    assert html.count('data-blok="makelaars_tabel"') == 1


def test_layout_shows_a_repeated_placeholder_once():
    parts = layout(
        [(SectieSoort.VRIJ, "[[blok:wachtlijst]]"), (SectieSoort.VISIE, "[[blok:wachtlijst]]")],
        figures={},
    )
    keys = [part.key for section in parts for part in section if part.kind == "block"]
    assert keys.count("wachtlijst") == 1
