"""Photos are checked within a budget: pixels, memory while decoding, photos per day.

One request with eight 6300 × 6300 PNGs of 16 bits per channel (about 240 kB
each) used to be decoded photo after photo, each taking some 370 MB; a broker
could send such requests all day long.
"""

from __future__ import annotations

import datetime
import io

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from benchmarks.photos import peak_kb, png_16_bit
from core.images import sanitise_image
from makelaars.models import Activiteit, ActiviteitFoto
from tests.makelaars.test_activiteit_form import CREATE, form_data
from tests.makelaars.test_photo_safety import encoded, errors_of, post_photos

pytestmark = pytest.mark.django_db

# What the whole refused request may add to the process's peak memory. Decoding a
# single one of its pictures takes more than 300 MB.
MEMORY_BOUND_MB = 64


def peak_memory_growth_mb(action) -> float:
    """How far ``action()`` raises this process's peak resident memory, in MB.

    The kernel's peak is reset first (/proc/self/clear_refs), so the figure is
    this action's own, whatever the tests before it used. Pillow allocates its
    pixels outside Python's allocator, where tracemalloc cannot see them.
    """
    with open("/proc/self/clear_refs", "w") as clear_refs:
        clear_refs.write("5")
    before = peak_kb()
    action()
    return (peak_kb() - before) / 1024


def test_a_request_of_big_16_bit_pngs_is_refused_within_a_memory_bound(
    makelaar, client_for, wijk_a, media_root, monkeypatch
):
    big = png_16_bit(6300, 6300)
    assert len(big) < 300_000
    files = [SimpleUploadedFile(f"scan-{n}.png", big) for n in range(8)]
    client = client_for(makelaar)
    decoded = []
    original_load = Image.Image.load

    def spy(self, *args, **kwargs):
        decoded.append(self.size)
        return original_load(self, *args, **kwargs)

    monkeypatch.setattr(Image.Image, "load", spy)
    responses = []
    growth = peak_memory_growth_mb(lambda: responses.append(post_photos(client, wijk_a, *files)))
    assert growth < MEMORY_BOUND_MB, f"{growth:.0f} MB"
    messages = errors_of(responses[0])
    assert len(messages) == 8
    assert "6300 × 6300 pixels" in messages[0] and "24 megapixel" in messages[0]
    assert not decoded
    assert ActiviteitFoto.objects.count() == Activiteit.objects.count() == 0


@pytest.mark.parametrize(
    ("make", "name", "accepted"),
    [
        # With a pixel limit of 400,000: JPEG 400,000, PNG and GIF 200,000, WebP and
        # 16-bit PNG 100,000 pixels.
        (lambda: encoded(Image.new("RGB", (630, 630), "teal"), "JPEG"), "a.jpg", True),
        (lambda: encoded(Image.new("RGB", (440, 440), "teal"), "PNG"), "b.png", True),
        (lambda: encoded(Image.new("RGB", (460, 460), "teal"), "PNG"), "c.png", False),
        (lambda: encoded(Image.new("P", (460, 460)), "GIF"), "d.gif", False),
        (lambda: png_16_bit(310, 310), "e.png", True),
        (lambda: png_16_bit(330, 330), "f.png", False),
        (lambda: png_16_bit(330, 330, colour_type=0), "g.png", False),
        (lambda: encoded(Image.new("RGB", (310, 310), "teal"), "WEBP"), "h.webp", True),
        (lambda: encoded(Image.new("RGB", (330, 330), "teal"), "WEBP"), "i.webp", False),
    ],
)
def test_pictures_decoded_whole_have_a_smaller_share_of_the_pixel_limit(
    settings, make, name, accepted
):
    settings.MAX_PHOTO_PIXELS = 400_000
    upload = io.BytesIO(make())
    if accepted:
        assert sanitise_image(upload, name=name)
        return
    with pytest.raises(ValidationError) as refused:
        sanitise_image(upload, name=name)
    [message] = refused.value.messages
    assert "te groot om te verwerken" in message and "Sla haar op als JPEG" in message


def test_a_photo_is_reduced_before_it_is_turned_upright(media_root):
    exif = Image.Exif()
    exif[0x0112] = 6  # taken with the phone on its side
    photo = encoded(Image.new("RGB", (4000, 3000), "teal"), "JPEG", exif=exif)
    with Image.open(sanitise_image(io.BytesIO(photo), name="staand.jpg")) as stored:
        assert stored.size == (1500, 2000)
        assert not stored.getexif()


def png(count: int) -> list[SimpleUploadedFile]:
    return [
        SimpleUploadedFile(f"f{n}.png", encoded(Image.new("RGB", (4, 4)), "PNG"))
        for n in range(count)
    ]


def test_a_broker_adds_at_most_so_many_photos_a_day(
    makelaar, makelaar_b, client_for, wijk_a, wijk_b, media_root, settings, monkeypatch
):
    settings.MAX_PHOTOS_PER_DAY = 4
    client = client_for(makelaar)
    with time_machine.travel(datetime.datetime(2024, 5, 15, 9, 0), tick=False):
        assert post_photos(client, wijk_a, *png(2)).status_code == 302
        # A refused form counts too: its photos were checked all the same.
        refused = client.post(CREATE, {**form_data(wijk_a, titel=""), "fotos": png(1)})
        assert refused.status_code == 200 and refused.context["form"].errors["titel"]
        decoded = []
        monkeypatch.setattr(
            "makelaars.forms.sanitise_image", lambda f: decoded.append(f) or sanitise_image(f)
        )
        [message] = errors_of(post_photos(client, wijk_a, *png(2)))
        assert message == "Je kunt per dag hoogstens 4 foto's toevoegen: vandaag nog 1."
        assert not decoded  # refused before a single one was checked
        assert post_photos(client, wijk_a, *png(1)).status_code == 302
        [message] = errors_of(post_photos(client, wijk_a, *png(1)))
        assert "dat aantal heb je vandaag bereikt" in message
        assert "morgen" in message
        # The limit is each broker's own.
        assert post_photos(client_for(makelaar_b), wijk_b, *png(2)).status_code == 302
    with time_machine.travel(datetime.datetime(2024, 5, 16, 9, 0), tick=False):
        assert post_photos(client, wijk_a, *png(2)).status_code == 302
    assert ActiviteitFoto.objects.count() == 2 + 1 + 2 + 2
