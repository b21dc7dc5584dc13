"""The poster (A4) and card (A6) carry the public link as QR code and text."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader


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
