"""The section editor's preview: the text being edited, with its blocks in place."""

from __future__ import annotations

from django.urls import reverse

from rapportage.choices import SectieSoort


def test_preview_renders_the_unsaved_text_with_its_blocks_in_place(client, coordinator, year_data):
    sectie = year_data["rapportage"].secties.get(soort=SectieSoort.SOCIAAL_MAKELAARS)
    sectie.tekst = "Opgeslagen tekst."
    sectie.save()
    client.force_login(coordinator)

    editor = client.get(reverse("rapportage:sectie_update", args=[sectie.pk])).content.decode()
    url = reverse("rapportage:sectie_voorbeeld", args=[sectie.pk])
    assert f'hx-post="{url}"' in editor
    assert 'hx-target="#sectie-voorbeeld"' in editor

    response = client.post(
        url, {"tekst": "Deze **uitbreiding** is gerealiseerd.\n\n[[blok:makelaars_groei]]\n\nSlot."}
    )
    assert response.status_code == 200
    html = response.content.decode()
    claim = html.index("Deze <strong>uitbreiding</strong> is gerealiseerd.")
    block = html.index('data-blok="makelaars_groei"')
    assert claim < block < html.index("Slot.")
    assert "Van 3 eind 2020 naar 8 sociaal makelaars eind 2023" in html
    assert "[[blok:" not in html
    # Only this section, and nothing saved.
    assert html.count('class="report-section') == 1
    sectie.refresh_from_db()
    assert sectie.tekst == "Opgeslagen tekst."


def test_preview_is_for_editors_of_a_draft_only(client, year_data, makelaar):
    sectie = year_data["rapportage"].secties.first()
    client.force_login(makelaar)
    url = reverse("rapportage:sectie_voorbeeld", args=[sectie.pk])
    assert client.post(url, {"tekst": "x"}).status_code == 403
