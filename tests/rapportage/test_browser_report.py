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
def test_coordinator_edits_previews_finalizes_and_downloads(
    page, live_server, login, tmp_path, run_worker
):
    import weasyprint  # noqa: F401 - imported once here, not inside the worker's first task

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

    # Check the report, make it final (confirming the dialog): the background worker
    # renders and stores it while the progress page follows; then download the PDF.
    page.get_by_role("link", name="Controleren en definitief maken").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Controle vóór het definitief maken"
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.get_by_role("button", name="Definitief maken").click()
    assert page.get_by_test_id("pdf-status").inner_text() == "In de wachtrij"
    run_worker()
    # Rendering takes a while on a busy machine: wait longer than usual.
    page.get_by_test_id("pdf-download").wait_for(timeout=PDF_TIMEOUT_MS)
    page.goto(live_server.url + rapportage.get_absolute_url())
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
    assert "Versie 1, definitief op" in text
    rapportage.refresh_from_db()
    assert rapportage.is_definitief
    assert rapportage.versies.get().pdf.read() == pdf


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_coordinator_adds_a_waiting_list_target_to_plan_item_3_and_sees_it_judged(
    page, live_server, login, tmp_path, run_worker
):
    """Issue 10, done when: without the Django admin, "wachtlijst eind van het jaar, lager is
    beter, streefwaarde 5" on plan item 3, judged correctly in the PDF (7 open: not achieved)."""
    import weasyprint  # noqa: F401 - imported once here, not inside the server's request

    call_command("demodata")
    rapportage = Jaarrapportage.objects.get(jaar=2023)
    login(page, live_server, "coordinator", "demo-wachtwoord")
    page.goto(live_server.url + rapportage.get_absolute_url())
    page.get_by_role("link", name="Planonderdelen en streefwaarden").click()
    page.wait_for_load_state()
    page.get_by_role(
        "link", name=re.compile("^3. Meer inzet vanuit Buurtservice.*indicator toevoegen")
    ).click()
    page.wait_for_load_state()
    page.get_by_label("Naam").fill("Wachtlijst eind van het jaar")
    page.get_by_label("Meting").select_option(label="Wachtlijst aan het eind van het jaar")
    page.get_by_label("Streefwaarde").fill("5")
    page.get_by_label("lager is beter").check()
    page.get_by_role("button", name="Indicator opslaan").click()
    page.wait_for_load_state()
    assert "De indicator is toegevoegd." in page.content()

    # A draft's PDF is made by the background worker while its page follows the job.
    page.goto(live_server.url + rapportage.get_absolute_url())
    with page.expect_navigation():
        page.get_by_role("button", name="Exporteer als PDF").click()
    run_worker()
    download_link = page.get_by_test_id("pdf-download")
    download_link.wait_for(timeout=PDF_TIMEOUT_MS)
    with page.expect_download(timeout=PDF_TIMEOUT_MS) as download_info:
        download_link.click()
    target = tmp_path / "rapport.pdf"
    download_info.value.save_as(target)
    text = pdf_text(target.read_bytes())
    assert "Kerncijfers 2023 naast 2022" in text
    plan3 = text[text.index("Streefwaarden en resultaten: 3. Meer inzet vanuit Buurtservice") :]
    assert "Wachtlijst eind van het jaar (klussen) lager is beter 5 7 nee" in plan3


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_section_editor_inserts_a_block_at_the_cursor(page, live_server, login):
    call_command("demodata")
    rapportage = Jaarrapportage.objects.get(jaar=2023)
    sectie = rapportage.secties.get(soort="visie")
    # A block stands once in a report: take it out of the section that has it.
    for other in rapportage.secties.filter(tekst__contains="[[blok:capaciteit]]"):
        other.tekst = other.tekst.replace("[[blok:capaciteit]]", "")
        other.save()
    login(page, live_server, "coordinator", "demo-wachtwoord")
    page.goto(live_server.url + reverse("rapportage:sectie_update", args=[sectie.pk]))
    tekst = page.get_by_label("Tekst")
    tekst.fill("Eerste alinea.\nTweede alinea.")
    tekst.evaluate("(el) => el.setSelectionRange(14, 14)")  # after "Eerste alinea."
    page.get_by_label("Blok invoegen").select_option(label="Capaciteit Buurtservice: uren per week")
    page.get_by_role("button", name="Invoegen bij de cursor").click()
    assert tekst.input_value() == "Eerste alinea.\n\n[[blok:capaciteit]]\n\nTweede alinea."
    with page.expect_navigation():
        page.get_by_role("button", name="Sectie opslaan").click()
    assert "De sectie is opgeslagen." in page.content()
    block = page.locator(f"#sectie-{sectie.volgorde // 10} [data-blok=capaciteit]")
    assert "36 uur per week" in block.inner_text()
