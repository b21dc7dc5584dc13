"""Report PDFs on object storage: the worker reads the example photos from the
bucket while rendering, stores draft and final PDFs in it, and they are
downloaded only through the app's permission checks.

The bucket lives on an S3 server on the loopback address (tests/s3.py).
"""

import io

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from core.pdf import RefusedURL, read_resource
from makelaars.models import Activiteit, ActiviteitFoto
from rapportage.choices import PdfStatus
from rapportage.models import PdfOpdracht
from tests.factories import png_bytes

from .conftest import pdf_text

pytestmark = pytest.mark.django_db


def start(client, name: str, rapportage) -> PdfOpdracht:
    response = client.post(reverse(name, args=[rapportage.pk]))
    assert response.status_code == 302
    return PdfOpdracht.objects.latest("pk")


def downloaded(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def refused(response) -> bool:
    """Not the file: a 403/404, or (anonymous) the way to the login page."""
    if response.status_code == 302:
        return response["Location"].startswith(reverse("login"))
    return response.status_code in (403, 404)


def image_count(pdf: bytes) -> int:
    return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_a_draft_is_rendered_with_its_photo_from_s3_stored_there_and_downloaded(
    s3_media, year_data, coordinator, makelaar, client_for, run_worker
):
    example = Activiteit.objects.get(titel="Clean Up week")
    foto = ActiviteitFoto.objects.create(
        activiteit=example,
        bestand=ContentFile(png_bytes((60, 40), colour=(0, 120, 60)), name="cleanup.png"),
        bijschrift="Vuilniszakken vol",
    )
    assert s3_media.keys() == [foto.bestand.name]

    client = client_for(coordinator)
    job = start(client, "rapportage:pdf_create", year_data["rapportage"])
    assert run_worker() == 1
    job.refresh_from_db()
    assert job.status == PdfStatus.KLAAR, job.fout
    assert s3_media.keys() == sorted([foto.bestand.name, job.pdf.name])

    url = reverse("rapportage:pdf_opdracht_download", args=[job.pk])
    pdf = downloaded(client.get(url))
    assert pdf == s3_media.read(job.pdf.name)
    assert "Clean Up week" in pdf_text(pdf)
    assert image_count(pdf) >= 1  # the photo, fetched from the bucket while rendering
    assert refused(client_for(makelaar).get(url))
    assert refused(Client().get(url))


def test_a_final_version_is_stored_in_s3_and_served_to_coordinators_only(
    s3_media, year_data, coordinator, makelaar, client_for, run_worker
):
    client = client_for(coordinator)
    job = start(client, "rapportage:jaarrapportage_finalize", year_data["rapportage"])
    run_worker()
    job.refresh_from_db()
    versie = job.versie
    assert versie is not None, job.fout
    assert versie.pdf.name in s3_media.keys()
    stored = s3_media.read(versie.pdf.name)
    assert stored.startswith(b"%PDF")

    for url in (
        reverse("rapportage:versie_download", args=[versie.pk]),
        reverse("rapportage:pdf_opdracht_download", args=[job.pk]),
        reverse("rapportage:jaarrapportage_pdf", args=[year_data["rapportage"].pk]),
        versie.pdf.url,
    ):
        assert downloaded(client.get(url)) == stored, url
        assert refused(client_for(makelaar).get(url)), url
        assert refused(Client().get(url)), url


def test_the_renderer_reads_media_from_the_bucket_and_nothing_outside_it(s3_media):
    s3_media.put("activiteiten/2023/09/foto.png", b"png bytes")
    assert read_resource("https://sterkewijken.invalid/media/activiteiten/2023/09/foto.png") == (
        "foto.png",
        b"png bytes",
    )
    for url in [
        "https://sterkewijken.invalid/media/activiteiten/2023/09/weg.png",
        "https://sterkewijken.invalid/media/../../etc/passwd",
        # the bucket's own address: the renderer never goes on the network
        f"{s3_media.client.meta.endpoint_url}/{s3_media.name}/activiteiten/2023/09/foto.png",
    ]:
        with pytest.raises(RefusedURL):
            read_resource(url)
