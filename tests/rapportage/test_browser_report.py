"""The demo coordinator produces the 2023 report in the browser (phone-sized)."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from rapportage.models import Jaarrapportage

from .conftest import pdf_text

PDF_TIMEOUT_MS = 120_000
NEW_TEXT = "Dit jaar zijn **veel** nieuwe vrijwilligers begonnen in de wijken."


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_coordinator_edits_previews_finalizes_and_downloads(page, live_server, login, tmp_path):
    import weasyprint  # noqa: F401 - imported once here, not inside the server's request

    call_command("demodata")
    rapportage = Jaarrapportage.objects.get(jaar=2023)
    login(page, live_server, "coordinator", "demo-wachtwoord")

    page.goto(live_server.url + reverse("rapportage:jaarrapportage_list"))
    page.get_by_role("link", name=re.compile(rapportage.titel)).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == rapportage.titel
    # The preview shows the figures computed from the record.
    assert "naar 8 sociaal makelaars" in page.locator("article.report-preview").inner_text()

    # Edit the narrative of section 2.
    sectie = rapportage.secties.get(soort="vrijwilligerswerk")
    page.locator(f'a[href="{reverse("rapportage:sectie_update", args=[sectie.pk])}"]').click()
    page.get_by_label("Tekst").fill(NEW_TEXT)
    page.get_by_role("button", name="Sectie opslaan").click()
    page.wait_for_load_state()
    assert "De sectie is opgeslagen." in page.content()
    preview = page.locator(f"#sectie-{sectie.volgorde // 10} .report-narrative")
    assert "Dit jaar zijn veel nieuwe vrijwilligers" in preview.inner_text()
    assert preview.locator("strong", has_text="veel").count() == 1

    # Make it final (confirming the dialog), then download the stored PDF.
    # Rendering the PDF takes a while on a busy machine: wait longer than usual.
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation(timeout=PDF_TIMEOUT_MS):
        page.get_by_role("button", name="Definitief maken").click(timeout=PDF_TIMEOUT_MS)
    assert page.locator("#rapport-status").inner_text().lower() == "definitief"
    assert page.get_by_role("link", name="Tekst bewerken").count() == 0

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Exporteer als PDF").click()
    download = download_info.value
    assert download.suggested_filename == "jaarrapportage-2023.pdf"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    pdf = target.read_bytes()
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "Dit jaar zijn veel nieuwe vrijwilligers begonnen in de wijken." in text
    assert "Concept" not in text
    rapportage.refresh_from_db()
    assert rapportage.is_definitief
    assert rapportage.versies.get().pdf.read() == pdf
