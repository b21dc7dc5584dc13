"""Photos are made safe on upload: kinds, pixel limit, re-encoding, limits, serving.

Issue 14, findings 2 and 9: a 20 kB PNG of 13000 × 13000 pixels was accepted
(and made the report PDF eat 1.3 GB), a GIF with HTML appended was served as
``application/pdf`` because it was named ``.pdf``, three posts gave 30 photos,
and a 50 MB upload was read completely before it was refused.
"""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from makelaars.models import Activiteit, ActiviteitFoto
from makelaars.services import add_fotos
from tests.factories import ActiviteitFactory
from tests.makelaars.test_activiteit_form import CREATE, form_data

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
MAKE = 0x010F


def encoded(image: Image.Image, kind: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, kind, **options)
    return buffer.getvalue()


def bomb() -> bytes:
    """13000 × 13000 pixels, 1 bit each, about 20 kB: 169 megapixels when decoded."""
    return encoded(Image.new("1", (13000, 13000)), "PNG")


def camera_photo() -> bytes:
    """A 4000 × 3000 JPEG as a phone makes it, with a GPS position in its EXIF."""
    exif = Image.Exif()
    exif[MAKE] = "Telefoon"
    exif[GPS_IFD] = {1: "N", 2: (52.0, 8.0, 30.0), 3: "E", 4: (6.0, 12.0, 0.0)}
    return encoded(Image.new("RGB", (4000, 3000), (40, 120, 200)), "JPEG", exif=exif)


def gif_with_html() -> bytes:
    return encoded(Image.new("P", (8, 8)), "GIF") + b"<html><script>alert(1)</script></html>"


def post_photos(client, wijk, *files, activiteit=None):
    if activiteit is None:
        url, data = CREATE, form_data(wijk, datum=datetime.date.today().isoformat())
    else:
        url = reverse("makelaars:activiteit_update", args=[activiteit.pk])
        data = form_data(
            wijk,
            datum=activiteit.datum.isoformat(),
            titel=activiteit.titel,
            version=str(Activiteit.objects.get(pk=activiteit.pk).version),
        )
    data["fotos"] = list(files)
    return client.post(url, data)


def errors_of(response) -> list[str]:
    assert response.status_code == 200, response.status_code
    return response.context["form"].errors.get("fotos", [])


def test_a_decompression_bomb_is_refused_before_decoding(
    makelaar, client_for, wijk_a, media_root, monkeypatch
):
    data = bomb()
    assert len(data) < 25_000
    decoded = []
    original_load = Image.Image.load

    def spy(self, *args, **kwargs):
        decoded.append(self.size)
        return original_load(self, *args, **kwargs)

    monkeypatch.setattr(Image.Image, "load", spy)
    response = post_photos(client_for(makelaar), wijk_a, SimpleUploadedFile("plaat.png", data))
    [message] = errors_of(response)
    assert "13000 × 13000" in message
    assert "24 megapixel" in message
    assert (13000, 13000) not in decoded  # refused from the header alone
    assert ActiviteitFoto.objects.count() == Activiteit.objects.count() == 0


def test_a_photo_is_reencoded_smaller_and_without_gps(makelaar, client_for, wijk_a, media_root):
    response = post_photos(
        client_for(makelaar), wijk_a, SimpleUploadedFile("Zomerfeest buurt.JPG", camera_photo())
    )
    assert response.status_code == 302
    foto = ActiviteitFoto.objects.get()
    assert foto.bestand.name.endswith("/zomerfeest-buurt.jpg")
    with Image.open(media_root / foto.bestand.name) as stored:
        assert stored.format == "JPEG"
        assert stored.size == (2000, 1500)
        exif = stored.getexif()
        assert GPS_IFD not in exif and MAKE not in exif
        assert not exif.get_ifd(GPS_IFD)
    raw = (media_root / foto.bestand.name).read_bytes()
    assert b"Telefoon" not in raw and b"Exif" not in raw
    # Nothing but the re-encoded file was stored: the original is gone.
    assert [p.name for p in media_root.rglob("*") if p.is_file()] == ["zomerfeest-buurt.jpg"]


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("folder.pdf", gif_with_html, "geen afbeelding"),
        ("scan.png", gif_with_html, "GIF-afbeelding onder een andere naam"),
        ("kaart.bmp", lambda: encoded(Image.new("RGB", (8, 8)), "BMP"), "geen afbeelding"),
        ("kaart.tif", lambda: encoded(Image.new("RGB", (8, 8)), "TIFF"), "geen afbeelding"),
        ("kaart.png", lambda: encoded(Image.new("RGB", (8, 8)), "TIFF"), "geen afbeelding"),
        ("leeg.jpg", lambda: b"", "geen afbeelding"),
    ],
)
def test_only_the_four_kinds_by_name_and_content(
    makelaar, client_for, wijk_a, media_root, name, content, fragment
):
    response = post_photos(client_for(makelaar), wijk_a, SimpleUploadedFile(name, content()))
    messages = " ".join(errors_of(response))
    assert fragment in messages
    assert ActiviteitFoto.objects.count() == 0


def test_a_gif_is_stored_as_what_it_is_without_what_was_appended(
    makelaar, client_for, wijk_a, media_root
):
    response = post_photos(
        client_for(makelaar), wijk_a, SimpleUploadedFile("pret.gif", gif_with_html())
    )
    assert response.status_code == 302
    foto = ActiviteitFoto.objects.get()
    assert foto.bestand.name.endswith("/pret.png")
    raw = (media_root / foto.bestand.name).read_bytes()
    assert raw.startswith(b"\x89PNG") and b"<script" not in raw


def test_the_photo_limit_counts_every_submission(
    makelaar, client_for, wijk_a, media_root, settings
):
    settings.MAX_PHOTOS_PER_ACTIVITY = 3
    client = client_for(makelaar)
    activiteit = ActiviteitFactory(wijk=wijk_a, aangemaakt_door=makelaar)

    def photos(count):
        return [
            SimpleUploadedFile(f"f{n}.png", encoded(Image.new("RGB", (4, 4)), "PNG"))
            for n in range(count)
        ]

    assert post_photos(client, wijk_a, *photos(2), activiteit=activiteit).status_code == 302
    [message] = errors_of(post_photos(client, wijk_a, *photos(2), activiteit=activiteit))
    assert "ten hoogste 3 foto's" in message and "nog 1" in message
    assert post_photos(client, wijk_a, *photos(1), activiteit=activiteit).status_code == 302
    [message] = errors_of(post_photos(client, wijk_a, *photos(1), activiteit=activiteit))
    assert "verwijder" in message
    assert activiteit.fotos.count() == 3


def test_the_service_keeps_the_limit_and_reencodes_whatever_it_is_given(
    wijk_a, media_root, settings
):
    settings.MAX_PHOTOS_PER_ACTIVITY = 2
    activiteit = ActiviteitFactory(wijk=wijk_a)
    png = encoded(Image.new("RGB", (4, 4)), "PNG")
    with pytest.raises(ValidationError):
        add_fotos(activiteit=activiteit, files=[ContentFile(bomb(), name="plaat.png")])
    add_fotos(activiteit=activiteit, files=[ContentFile(camera_photo(), name="a.jpg")])
    with pytest.raises(ValidationError, match="ten hoogste 2"):
        add_fotos(
            activiteit=activiteit,
            files=[ContentFile(png, name="b.png"), ContentFile(png, name="c.png")],
        )
    foto = activiteit.fotos.get()
    with Image.open(foto.bestand.path) as stored:
        assert max(stored.size) == 2000 and not stored.getexif()


def test_a_body_over_the_limit_is_refused_unread(makelaar, client_for, wijk_a, settings):
    class Unreadable(io.BytesIO):
        def read(self, *args, **kwargs):
            raise AssertionError("the body was read")

        readline = read

    response = client_for(makelaar).post(
        CREATE,
        data=b"x",
        content_type="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(50 * 1024 * 1024),
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 413
    assert "niet aangenomen" in response.content.decode()
    assert Activiteit.objects.count() == 0


def test_form_fields_over_django_s_limit_are_refused(makelaar, client_for, wijk_a, settings):
    response = client_for(makelaar).post(
        CREATE, form_data(wijk_a, beschrijving="x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1))
    )
    assert response.status_code == 400
    assert Activiteit.objects.count() == 0


def test_media_is_served_as_what_it_is_not_as_its_name_says(
    makelaar, client_for, wijk_a, media_root
):
    activiteit = ActiviteitFactory(wijk=wijk_a, aangemaakt_door=makelaar)
    # Files stored before this check existed (so written to disk directly):
    # GIF content with HTML named .pdf, and HTML named .jpg.
    oud = ActiviteitFoto.objects.create(
        activiteit=activiteit,
        bestand=default_storage.save("activiteiten/oud/folder.pdf", ContentFile(gif_with_html())),
    )
    vreemd = ActiviteitFoto.objects.create(
        activiteit=activiteit,
        bestand=default_storage.save("activiteiten/oud/hoi.jpg", ContentFile(b"<html>hoi</html>")),
    )
    client = client_for(makelaar)
    response = client.get(reverse("pages:media", args=[oud.bestand.name]))
    assert response["Content-Type"] == "image/gif"
    assert response["X-Content-Type-Options"] == "nosniff"
    response = client.get(reverse("pages:media", args=[vreemd.bestand.name]))
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")


def test_a_photo_stored_any_other_way_is_reencoded_too(wijk_a, media_root):
    foto = ActiviteitFoto.objects.create(
        activiteit=ActiviteitFactory(wijk=wijk_a),
        bestand=ContentFile(camera_photo(), name="rechtstreeks.jpg"),
    )
    with Image.open(foto.bestand.path) as stored:
        assert max(stored.size) == 2000 and not stored.getexif()
    with pytest.raises(ValidationError):
        ActiviteitFoto.objects.create(
            activiteit=foto.activiteit, bestand=ContentFile(bomb(), name="plaat.png")
        )


def test_the_admin_reencodes_and_refuses_too(wijk_a, media_root):
    from django.contrib.auth.models import User
    from django.test import Client

    root = User.objects.create_superuser("root", password="x")
    client = Client()
    client.force_login(root)
    activiteit = ActiviteitFactory(wijk=wijk_a)
    url = reverse("admin:makelaars_activiteit_change", args=[activiteit.pk])
    page = client.get(url)
    form = page.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None or value is False:
            continue
        if hasattr(value, "all"):
            value = [obj.pk for obj in value.all()]
        elif isinstance(value, list):
            value = [getattr(obj, "pk", obj) for obj in value]
        elif hasattr(value, "pk"):
            value = value.pk
        data[name] = "on" if value is True else value
    for prefix in ("links", "fotos"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "1" if prefix == "fotos" else "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data["fotos-0-activiteit"] = str(activiteit.pk)
    data["fotos-0-bestand"] = SimpleUploadedFile("plaat.png", bomb())
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "megapixel" in refused.content.decode()
    data["fotos-0-bestand"] = SimpleUploadedFile("feest.jpg", camera_photo())
    assert client.post(url, data).status_code == 302
    foto = activiteit.fotos.get()
    assert foto.bestand.name.endswith("/feest.jpg")
    with Image.open(foto.bestand.path) as stored:
        assert max(stored.size) == 2000 and not stored.getexif()
