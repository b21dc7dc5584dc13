"""The PDF: its text read back, final versions frozen, the command line, no network.

WeasyPrint takes a second or two per document, so each test renders as few
PDFs as it can and checks several things on each.
"""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from core.pdf import RefusedURL, local_path_for, read_resource
from rapportage.choices import RapportStatus
from rapportage.models import Jaarrapportage, RapportVersie
from tests.factories import ActiviteitFactory, MedewerkerFactory

from .conftest import pdf_text

D = datetime.date


def download(client, rapportage, run_worker=None) -> bytes:
    """The report's PDF as a user gets it: a final one at once, a draft through the
    background worker (``run_worker``)."""
    if run_worker is not None:
        job = client.post(reverse("rapportage:pdf_create", args=[rapportage.pk]))["Location"]
        run_worker()
        url = job + "download/"
    else:
        url = reverse("rapportage:jaarrapportage_pdf", args=[rapportage.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="jaarrapportage-2023.pdf"'
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_pdf_holds_the_sections_and_the_figures_computed_from_the_record(
    client, coordinator, year_data, run_worker
):
    rapportage = year_data["rapportage"]
    client.force_login(coordinator)
    pdf = download(client, rapportage, run_worker)
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == "Jaarrapportage Sterke Wijken 2023"
    assert reader.metadata.author == "Perspectief"
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]  # tagged (PDF/UA)
    text = pdf_text(pdf)

    # Cover, table of contents, running footer.
    assert "Gemeente Zutphen" in text
    assert "Datum versie: december 2023" in text
    assert "Inhoud" in text
    pages = len(reader.pages)
    assert f"pagina 3 van {pages}" in text
    # Every section title, numbered like the seed.
    for sectie in rapportage.secties.all():
        assert sectie.titel in text
    assert "1. In elke wijk een sociaal makelaar" in text
    assert "Bijlage 1: Voorbeelden van de opbrengsten" in text

    # Section 1: from 3 brokers at the end of 2020 to 8 at the end of 2023, the pilot apart.
    assert "Van 3 eind 2020 naar 8 sociaal makelaars eind 2023" in text
    assert "als pilot vanaf 01-07-2023" in text
    # Section 3: capacity change and the half-year figures.
    assert "Per 1 maart 2023 is de capaciteit gewijzigd van 24 naar 36 uur per week" in text
    # Jobs done per half year, beside the same half of 2022: jobs are registered from
    # November 2022, so the first half of 2022 has no registration.
    assert "Uitgevoerde klussen 3 geen registratie" in text  # first half
    assert "Uitgevoerde klussen 2 0" in text  # second half
    assert "AZC" in text
    # Figures overview: totals of activities and reach.
    assert "Bereikte inwoners per gebied" in text
    assert "342" in text  # residents reached in 2023
    # Bijlage 1: the examples grouped by gebied and wijk, with figures and links.
    assert "Clean Up week" in text
    line = "In cijfers: 250-300 personen · bereikte inwoners: 275 · geactiveerde inwoners: 12"
    assert line in text
    assert text.index("Waterkwartier Clean Up week") < text.index("Zuidwijken groener geworden")
    # Bijlage 2: plan item with target and computed result.
    assert "Doel: Eigen kracht en samenkracht bevorderen." in text
    assert "Sociaal makelaars eind 2023 (personen) hoger is beter 8 8 ja" in text
    assert "Extra uren Buurtservice (uren per week) hoger is beter 12 12 ja" in text


def test_a_final_report_keeps_its_pdf_and_figures_when_the_data_changes(
    client, coordinator, year_data, settings, run_worker
):
    rapportage = year_data["rapportage"]
    client.force_login(coordinator)
    response = client.post(reverse("rapportage:jaarrapportage_finalize", args=[rapportage.pk]))
    assert response.status_code == 302
    run_worker()
    rapportage.refresh_from_db()
    assert rapportage.status == RapportStatus.DEFINITIEF
    versie = RapportVersie.objects.get(rapportage=rapportage)
    assert versie.versie == 1
    assert versie.definitief_door == coordinator
    assert versie.cijfers["makelaars"]["totaal"][-1] == 8
    stored = versie.pdf.read()
    assert "Concept" not in pdf_text(stored)

    first = download(client, rapportage)
    assert first == stored

    # The record changes after the report was made final.
    MedewerkerFactory.create_batch(2, startdatum=D(2023, 6, 1), gebieden=[year_data["water"]])
    ActiviteitFactory(datum=D(2023, 5, 5), wijk=year_data["wijk_water"], bewoners_bereikt=1000)

    assert download(client, rapportage) == first
    preview = client.get(rapportage.get_absolute_url()).content.decode()
    assert "naar 8 sociaal makelaars" in preview
    assert "naar 10 sociaal makelaars" not in preview

    # Reopening gives a new concept; the old version and its file stay downloadable.
    client.post(
        reverse("rapportage:jaarrapportage_reopen", args=[rapportage.pk]),
        {"reden": "Nieuwe sociaal makelaars alsnog geregistreerd."},
    )
    rapportage.refresh_from_db()
    assert rapportage.status == RapportStatus.CONCEPT
    assert "naar 10 sociaal makelaars" in client.get(rapportage.get_absolute_url()).content.decode()
    old = client.get(reverse("rapportage:versie_download", args=[versie.pk]))
    assert old.status_code == 200
    assert old["Content-Disposition"] == 'attachment; filename="jaarrapportage-2023-v1.pdf"'
    assert b"".join(old.streaming_content) == first


def test_finalizing_twice_is_refused(client, coordinator, year_data):
    rapportage = year_data["rapportage"]
    rapportage.status = RapportStatus.DEFINITIEF
    rapportage.save()
    client.force_login(coordinator)
    response = client.post(
        reverse("rapportage:jaarrapportage_finalize", args=[rapportage.pk]), follow=True
    )
    assert "definitief" in response.content.decode()
    assert not RapportVersie.objects.exists()


@pytest.mark.django_db
def test_command_line_writes_a_valid_pdf_and_html_without_touching_the_database(tmp_path):
    pdf_path, html_path = tmp_path / "rapport-2030.pdf", tmp_path / "rapport-2030.html"
    call_command("jaarrapportage", "2030", output=str(pdf_path), html=str(html_path))
    pdf = pdf_path.read_bytes()
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "Jaarrapportage Sterke Wijken 2030" in text
    assert "In elke wijk een sociaal makelaar" in text
    # An empty year says so per section instead of failing.
    assert text.count("Geen gegevens over dit jaar") >= 5
    html = html_path.read_text(encoding="utf-8")
    assert '<html lang="nl">' in html
    assert "Bijlage 2: samenvatting Plan Sterke Wijken" in html
    assert not Jaarrapportage.objects.exists()


def test_url_fetcher_serves_static_and_media_only(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STATIC_ROOT = tmp_path / "collected"
    (tmp_path / "foto.jpg").write_bytes(b"jpg")
    (tmp_path / "collected" / "css").mkdir(parents=True)
    (tmp_path / "collected" / "css" / "fonts.0123abcd.css").write_text("/* hashed */")
    # Collected (hashed, production) static files are served from STATIC_ROOT.
    hashed = local_path_for("https://sterkewijken.invalid/static/css/fonts.0123abcd.css")
    assert hashed == tmp_path / "collected" / "css" / "fonts.0123abcd.css"
    assert local_path_for("https://sterkewijken.invalid/static/css/fonts.css").name == "fonts.css"
    assert read_resource("https://sterkewijken.invalid/media/foto.jpg") == ("foto.jpg", b"jpg")
    for url in [
        "https://example.com/static/css/fonts.css",
        "http://169.254.169.254/latest/meta-data",
        "file:///etc/passwd",
        "https://sterkewijken.invalid/media/../../etc/passwd",
        "https://sterkewijken.invalid/static/../../../etc/passwd",
        "https://sterkewijken.invalid/admin/",
        "ftp://example.com/x",
    ]:
        with pytest.raises(RefusedURL):
            read_resource(url)
