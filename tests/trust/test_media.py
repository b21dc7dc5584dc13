"""Uploaded files are served only to users who may see their record.

Every test runs twice: media on the local disk and on an S3 server (moto, on
the loopback address); the permission checks must not depend on where the
bytes are.
"""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from makelaars.models import ActiviteitFoto
from rapportage.models import RapportVersie
from tests.factories import ActiviteitFactory, JaarrapportageFactory, png_bytes

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n% Jaarrapportage\n%%EOF\n"


@pytest.fixture
def files(media_backend, wijk_a, makelaar, makelaar_b, coordinator):
    users = {"makelaar_a": makelaar, "makelaar_b": makelaar_b, "coordinator": coordinator}
    activiteit = ActiviteitFactory(wijk=wijk_a, aangemaakt_door=users["makelaar_a"])
    foto = ActiviteitFoto.objects.create(
        activiteit=activiteit, bestand=ContentFile(png_bytes(), name="lunch.png")
    )
    versie = RapportVersie.objects.create(
        rapportage=JaarrapportageFactory(jaar=2023),
        versie=1,
        pdf=ContentFile(PDF, name="rapport.pdf"),
        definitief_op=timezone.now(),
    )
    default_storage.save("los-bestand.txt", ContentFile(b"niet van een record"))
    clients = {}
    for name, user in users.items():
        clients[name] = Client()
        clients[name].force_login(user)
    clients["anoniem"] = Client()
    return {"foto": foto, "versie": versie, "clients": clients, "activiteit": activiteit}


def media(name: str) -> str:
    return reverse("pages:media", args=[name])


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_a_photo_is_served_to_who_sees_the_activity(files):
    url = files["foto"].bestand.url
    assert url == media(files["foto"].bestand.name)
    clients = files["clients"]
    for name in ("makelaar_a", "coordinator"):
        response = clients[name].get(url)
        assert response.status_code == 200, name
        assert response["Content-Type"] == "image/png"
        assert body(response) == files["foto"].bestand.open("rb").read()
    assert clients["makelaar_b"].get(url).status_code == 404
    anonymous = clients["anoniem"].get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("login"))


def test_the_activity_page_shows_the_served_photo(files):
    client = files["clients"]["makelaar_a"]
    page = client.get(reverse("makelaars:activiteit_detail", args=[files["activiteit"].pk]))
    assert f'src="{files["foto"].bestand.url}"' in page.content.decode()


def test_a_final_report_pdf_only_for_coordinators(files):
    url = files["versie"].pdf.url
    clients = files["clients"]
    response = clients["coordinator"].get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert body(response) == PDF
    assert clients["makelaar_a"].get(url).status_code == 404


@pytest.mark.parametrize(
    "path", ["los-bestand.txt", "../../../etc/passwd", "activiteiten/../los-bestand.txt", "x"]
)
def test_files_without_a_visible_record_are_not_served(files, path):
    response = files["clients"]["coordinator"].get("/media/" + path)
    assert response.status_code == 404


def test_a_record_whose_file_is_gone_is_a_404(files):
    files["foto"].bestand.storage.delete(files["foto"].bestand.name)
    response = files["clients"]["coordinator"].get(files["foto"].bestand.url)
    assert response.status_code == 404
