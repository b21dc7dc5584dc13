"""The poster (A4) and card (A6) carry the public link as QR code and text."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader


@pytest.fixture(autouse=True)
def _media_root(media_root):
    """The PDFs are kept in a folder of the test."""


@pytest.mark.parametrize(
    ("name", "width_mm"), [("metingen:poster_pdf", 210), ("metingen:kaart_pdf", 105)]
)
def test_print_pdf_has_the_link(m, client, name, width_mm):
    client.force_login(m.mk_a)
    response = client.get(reverse(name, args=[m.vragenlijst.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    page = reader.pages[0]
    assert round(float(page.mediabox.width) / 72 * 25.4) == width_mm
    text = " ".join((page.extract_text() or "").split())
    assert m.vragenlijst.titel in text
    assert f"/m/{m.vragenlijst.token}/" in text.replace(" ", "")
    assert "anoniem" in text.lower()
    images = [obj for obj in page.images] if hasattr(page, "images") else []
    assert images or "/XObject" in str(page.get("/Resources")), "the QR code is on the page"


def test_the_detail_page_shows_the_qr_code_and_link(m, client):
    client.force_login(m.coord)
    body = client.get(m.vragenlijst.get_absolute_url()).content.decode()
    assert 'src="data:image/svg+xml' in body
    assert f"/m/{m.vragenlijst.token}/" in body


def test_a_print_pdf_is_made_once_and_again_only_when_what_it_shows_changes(
    m, client, media_root, monkeypatch
):
    from core import pdf as core_pdf

    made = []
    real = core_pdf.html_to_pdf

    def counting(html, **kwargs):
        made.append(html)
        return real(html, **kwargs)

    monkeypatch.setattr(core_pdf, "html_to_pdf", counting)
    client.force_login(m.mk_a)
    poster = reverse("metingen:poster_pdf", args=[m.vragenlijst.pk])
    kaart = reverse("metingen:kaart_pdf", args=[m.vragenlijst.pk])

    first = client.get(poster).content
    assert len(made) == 1
    assert client.get(poster).content == first  # served from storage
    client.force_login(m.coord)
    assert client.get(poster).content == first  # by anyone who may see it
    assert len(made) == 1
    client.get(kaart)
    assert len(made) == 2  # the card is a PDF of its own

    m.vragenlijst.titel = "Wat doet de huiskamer voor je?"
    m.vragenlijst.save()
    changed = client.get(poster).content
    assert len(made) == 3
    text = " ".join(PdfReader(io.BytesIO(changed)).pages[0].extract_text().split())
    assert "Wat doet de huiskamer voor je?" in text
    # Another address of the site (another host name) is another link on the poster.
    client.get(poster, HTTP_HOST="127.0.0.1")
    assert len(made) == 4
    # Only the newest poster and card of the questionnaire are kept.
    stored = sorted(p.name for p in (media_root / "metingen" / "drukwerk").iterdir())
    assert len(stored) == 2
    assert stored[0].startswith(f"vragenlijst-{m.vragenlijst.pk}-kaart-")
    assert stored[1].startswith(f"vragenlijst-{m.vragenlijst.pk}-poster-")
