"""Activity photos on object storage: uploaded through the form into the bucket,
shown only through the app's permission check, removed with their record.

The bucket lives on an S3 server on the loopback address (tests/s3.py), spoken
to over real HTTP.
"""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from makelaars.models import Activiteit
from tests.factories import png_bytes

pytestmark = pytest.mark.django_db

CREATE = reverse("makelaars:activiteit_create")


def new_activity(client, wijk, *photos):
    data = {
        "datum": "2024-05-15",
        "wijk": str(wijk.pk),
        "soort": "bijeenkomst",
        "titel": "Buurtkoffie met foto",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "20",
        "fotos": list(photos),
    }
    response = client.post(CREATE, data)
    assert response.status_code == 302, response.context["form"].errors
    return Activiteit.objects.get(titel="Buurtkoffie met foto")


def downloaded(response) -> bytes:
    return b"".join(response.streaming_content)


@time_machine.travel(datetime.datetime(2024, 5, 15, 10, 0), tick=False)
def test_an_uploaded_photo_goes_to_the_bucket_and_back_to_who_may_see_it(
    s3_media, makelaar, makelaar_b, coordinator, client_for, wijk_a
):
    upload = SimpleUploadedFile("koffie.png", png_bytes((40, 30)), content_type="image/png")
    activiteit = new_activity(client_for(makelaar), wijk_a, upload)
    foto = activiteit.fotos.get()
    assert s3_media.keys() == [foto.bestand.name]
    assert foto.bestand.name.startswith("activiteiten/2024/05/")
    stored = s3_media.read(foto.bestand.name)
    assert stored.startswith(b"\x89PNG")

    # The page links the app's own address, never the bucket's.
    url = foto.bestand.url
    assert url == reverse("pages:media", args=[foto.bestand.name])
    page = client_for(makelaar).get(activiteit.get_absolute_url()).content.decode()
    assert f'src="{url}"' in page
    assert "127.0.0.1" not in page and "X-Amz" not in page

    for user in (makelaar, coordinator):
        response = client_for(user).get(url)
        assert response.status_code == 200, user
        assert response["Content-Type"] == "image/png"
        assert response["Cache-Control"] == "private, max-age=3600"
        assert downloaded(response) == stored
    assert client_for(makelaar_b).get(url).status_code == 404
    anonymous = Client().get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("login"))


def test_objects_are_private_in_the_bucket(s3_media, makelaar, client_for, wijk_a):
    upload = SimpleUploadedFile("koffie.png", png_bytes(), content_type="image/png")
    foto = new_activity(client_for(makelaar), wijk_a, upload).fotos.get()
    acl = s3_media.client.get_object_acl(Bucket=s3_media.name, Key=foto.bestand.name)
    grantees = {grant["Grantee"].get("URI") for grant in acl["Grants"]}
    assert not grantees & {
        "http://acs.amazonaws.com/groups/global/AllUsers",
        "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
    }


@time_machine.travel(datetime.datetime(2024, 5, 15, 10, 0), tick=False)
def test_two_photos_with_one_name_keep_both_files(s3_media, makelaar, client_for, wijk_a):
    # S3 backends overwrite an existing key by default; ours must not, or one
    # activity's photo would silently become another's.
    red = SimpleUploadedFile("foto.png", png_bytes(colour=(200, 0, 0)), content_type="image/png")
    blue = SimpleUploadedFile("foto.png", png_bytes(colour=(0, 0, 200)), content_type="image/png")
    activiteit = new_activity(client_for(makelaar), wijk_a, red, blue)
    names = [foto.bestand.name for foto in activiteit.fotos.all()]
    assert len(set(names)) == 2
    assert s3_media.keys() == sorted(names)
    assert s3_media.read(names[0]) != s3_media.read(names[1])


def test_deleting_the_activity_removes_its_photo_from_the_bucket(
    s3_media, makelaar, client_for, wijk_a, django_capture_on_commit_callbacks
):
    client = client_for(makelaar)
    upload = SimpleUploadedFile("weg.png", png_bytes(), content_type="image/png")
    activiteit = new_activity(client, wijk_a, upload)
    assert len(s3_media.keys()) == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("makelaars:activiteit_delete", args=[activiteit.pk]),
            {"version": activiteit.version},
        )
    assert response.status_code == 302
    assert s3_media.keys() == []
