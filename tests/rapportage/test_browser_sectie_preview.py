"""In the section editor, "Voorbeeld" shows the unsaved text with its blocks in place."""

from __future__ import annotations

import pytest
from django.urls import reverse

from rapportage.choices import SectieSoort

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "geheim-wachtwoord-123"


def test_preview_button_shows_the_section_with_its_block(
    page, live_server, login, coordinator, year_data
):
    coordinator.set_password(PASSWORD)
    coordinator.save()
    sectie = year_data["rapportage"].secties.get(soort=SectieSoort.SOCIAAL_MAKELAARS)
    login(page, live_server, "coordinator", PASSWORD)
    page.goto(live_server.url + reverse("rapportage:sectie_update", args=[sectie.pk]))
    page.locator("#id_tekst").fill("Nog niet **opgeslagen**.\n\n[[blok:makelaars_groei]]")
    page.get_by_role("button", name="Voorbeeld").click()

    preview = page.get_by_test_id("sectie-voorbeeld")
    preview.wait_for()
    assert preview.locator("strong", has_text="opgeslagen").is_visible()
    assert preview.locator('[data-blok="makelaars_groei"]').is_visible()
    assert "[[blok:" not in preview.inner_text()
    sectie.refresh_from_db()
    assert "Nog niet" not in sectie.tekst
