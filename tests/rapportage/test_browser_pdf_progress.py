"""A coordinator exports the draft as PDF: progress first, then the download."""

import pytest

from rapportage.choices import PdfStatus
from rapportage.models import PdfOpdracht

from .conftest import pdf_text

PDF_TIMEOUT_MS = 120_000


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_export_as_pdf_shows_progress_then_the_download(
    page, live_server, login, coordinator, year_data, run_worker, tmp_path
):
    coordinator.set_password("geheim-wachtwoord")
    coordinator.save()
    rapportage = year_data["rapportage"]
    login(page, live_server, "coordinator", "geheim-wachtwoord")
    page.goto(live_server.url + rapportage.get_absolute_url())

    with page.expect_navigation():
        page.get_by_role("button", name="Exporteer als PDF").click()
    # The request returned at once: the job waits for the worker, the page polls.
    assert page.get_by_test_id("pdf-status").inner_text() == "In de wachtrij"
    progress = page.get_by_role("progressbar", name="Voortgang")
    assert progress.get_attribute("aria-valuetext") == "in de wachtrij"
    assert PdfOpdracht.objects.get().status == PdfStatus.WACHTRIJ

    run_worker()
    download_button = page.get_by_test_id("pdf-download")
    download_button.wait_for(timeout=PDF_TIMEOUT_MS)
    assert page.get_by_test_id("pdf-status").inner_text() == "Klaar"
    assert progress.get_attribute("aria-valuenow") == "5"

    with page.expect_download() as download_info:
        download_button.click()
    download = download_info.value
    assert download.suggested_filename == "jaarrapportage-2023.pdf"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    assert "Jaarrapportage Sterke Wijken 2023" in pdf_text(target.read_bytes())
