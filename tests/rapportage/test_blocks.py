"""Computed blocks stand where the coordinator puts them in a section's text."""

from __future__ import annotations

import pytest
from django.urls import reverse

from rapportage.blocks import REGISTRY, Block, layout, placed_keys, register, split_text
from rapportage.choices import SectieSoort
from rapportage.models import Sectie


def test_split_text_finds_placeholders_on_their_own_line_only():
    text = "Eerste alinea.\n\n[[blok:capaciteit]]\n\nTweede [[blok:wachtlijst]] alinea.\n"
    assert split_text(text) == [
        ("text", "Eerste alinea.\n\n"),
        ("block", "capaciteit"),
        ("text", "\n\nTweede [[blok:wachtlijst]] alinea.\n"),
    ]
    assert placed_keys([text]) == {"capaciteit"}
    # As a browser sends it: CRLF line breaks.
    assert placed_keys(["Alinea.\r\n\r\n[[blok:wachtlijst]]\r\n\r\nSlot."]) == {"wachtlijst"}


def test_unplaced_blocks_end_their_own_section_and_placed_ones_stay_put():
    sections = [
        (
            SectieSoort.SOCIAAL_MAKELAARS,
            "Uitbreiding gerealiseerd.\n\n[[blok:makelaars_groei]]\n\nMeer.",
        ),
        (SectieSoort.BUURTSERVICE, "Alleen tekst."),
    ]
    parts = layout(sections, figures={})
    first = [(p.kind, p.key) for p in parts[0]]
    assert first[:3] == [("text", ""), ("block", "makelaars_groei"), ("text", "")]
    # The other block of section 1 was placed nowhere: it ends that section.
    assert first[3:] == [("block", "makelaars_tabel"), ("block", "signalen_en_collectief_werk")]
    second = [p.key for p in parts[1] if p.kind == "block"]
    own = [key for key in second if REGISTRY[key].home == SectieSoort.BUURTSERVICE]
    assert own == [
        "capaciteit",
        "buurtservice_h1_uitvoerders",
        "buurtservice_h1_klussen",
        "buurtservice_h2_uitvoerders",
        "buurtservice_h2_klussen",
    ]
    # Blocks whose section kind is missing are not lost: they go to the last section.
    everything = {p.key for section in parts for p in section if p.kind == "block"}
    assert everything == set(REGISTRY)
    # Text right before a block is kept on the page of that block.
    assert [p.leads_in for p in parts[0]] == [True, False, True, False, False]


def test_a_new_block_is_one_registration_away(monkeypatch, year_data):
    from rapportage import selectors

    monkeypatch.setattr("rapportage.blocks.REGISTRY", dict(REGISTRY))
    monkeypatch.setattr(selectors, "EXTRA_FIGURES", {})
    selectors.register_figures("buurtpanel", lambda rapportage: {"jaar": rapportage.jaar})
    assert selectors.report_figures(year_data["rapportage"])["buurtpanel"] == {"jaar": 2023}
    register(
        Block(
            "buurtpanel",
            "Wat het buurtpanel vond",
            "rapportage/report/blocks/buurtpanel.html",
            ("buurtpanel",),
            SectieSoort.VRIJ,
        )
    )
    parts = layout([(SectieSoort.VRIJ, "Tekst.\n\n[[blok:buurtpanel]]")], figures={})
    block = next(p for p in parts[0] if p.key == "buurtpanel")
    assert block.kind == "block"
    assert not block.available  # its figures are not in this (old) set of figures


@pytest.fixture
def placed(year_data):
    """Section 1 with the broker counts placed right after the sentence they prove."""
    sectie = year_data["rapportage"].secties.get(soort=SectieSoort.SOCIAAL_MAKELAARS)
    sectie.tekst = (
        "Deze uitbreiding is gerealiseerd.\n\n[[blok:makelaars_groei]]\n\n"
        "De nieuwe makelaars werken in de wijk.\n\n[[blok:onbekend_blok]]\n\n"
        "<script>alert(1)</script> Slot."
    )
    sectie.save()
    return sectie


def test_preview_shows_a_placed_block_after_its_paragraph(client, coordinator, placed):
    client.force_login(coordinator)
    html = client.get(placed.rapportage.get_absolute_url()).content.decode()
    section = html[html.index('id="sectie-2"') : html.index('id="sectie-3"')]
    claim = section.index("Deze uitbreiding is gerealiseerd.")
    figures = section.index('data-blok="makelaars_groei"')
    after = section.index("De nieuwe makelaars werken in de wijk.")
    table = section.index('data-blok="makelaars_tabel"')
    assert claim < figures < after < table
    assert "Van 3 eind 2020 naar 8 sociaal makelaars eind 2023" in section[figures:after]
    # An unknown placeholder is shown as such, never as raw text or HTML.
    assert "Onbekend blok “onbekend_blok”" in section
    assert "<script>alert(1)</script>" not in html
    assert "[[blok:" not in section


def test_section_editor_offers_every_block_to_insert(client, coordinator, placed):
    client.force_login(coordinator)
    response = client.get(reverse("rapportage:sectie_update", args=[placed.pk]))
    html = response.content.decode()
    assert 'data-blok-target="id_tekst"' in html
    for key in REGISTRY:
        assert f'value="[[blok:{key}]]"' in html
    # The section's own blocks come first.
    assert html.index("[[blok:makelaars_groei]]") < html.index("[[blok:capaciteit]]")
    assert "rapportage/js/blok-invoegen.js" in html


def test_a_block_can_be_moved_to_another_section(client, coordinator, year_data):
    rapportage = year_data["rapportage"]
    visie = rapportage.secties.get(soort=SectieSoort.VISIE)
    client.force_login(coordinator)
    response = client.post(
        reverse("rapportage:sectie_update", args=[visie.pk]),
        {"titel": visie.titel, "tekst": "Zie de wachtlijst:\n\n[[blok:wachtlijst]]", "version": 1},
    )
    assert response.status_code == 302
    html = client.get(rapportage.get_absolute_url()).content.decode()
    index = list(rapportage.secties.values_list("pk", flat=True)).index(visie.pk) + 1
    section = html[html.index(f'id="sectie-{index}"') : html.index(f'id="sectie-{index + 1}"')]
    assert 'data-blok="wachtlijst"' in section
    assert html.count('data-blok="wachtlijst"') == 1
    assert Sectie.objects.get(pk=visie.pk).tekst.endswith("[[blok:wachtlijst]]")
