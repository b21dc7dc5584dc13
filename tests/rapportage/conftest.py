"""Reading report PDFs back; the report's world (``year_data``) is in tests/conftest.py."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.conftest import work_off_queue


def pdf_text(pdf_bytes: bytes) -> str:
    """All text of a PDF, whitespace collapsed (so line breaks do not split phrases)."""
    reader = PdfReader(io.BytesIO(pdf_bytes))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def pdf_pages(pdf_bytes: bytes) -> list[str]:
    """The text of every page, whitespace collapsed."""
    reader = PdfReader(io.BytesIO(pdf_bytes))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


# The page body of the report's A4 pages, in PDF points from the bottom (margins
# 24 mm at the top, 22 mm at the bottom): running header and footer lie outside.
BODY_TOP, BODY_BOTTOM = 841.89 - 24 / 25.4 * 72, 22 / 25.4 * 72


def page_bodies(pdf_bytes: bytes) -> list[dict]:
    """Per page: the body's text lines from top to bottom and how full the body is (0–1).

    Read back with pypdf's text positions; the running header and footer (in the
    page margins) are left out, and so is turned text (a chart's value-axis title).
    """
    reader = PdfReader(io.BytesIO(pdf_bytes))
    pages = []
    for page in reader.pages:
        items: list[tuple[float, float, str]] = []

        def visit(text, cm, tm, _font, _size, items=items):
            if not text.strip() or abs(tm[1]) > 0.01 or abs(cm[1]) > 0.01:
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if BODY_BOTTOM < y < BODY_TOP:
                items.append((y, x, text.strip()))

        page.extract_text(visitor_text=visit)
        rows: dict[float, list[tuple[float, str]]] = {}
        for y, x, text in items:
            rows.setdefault(round(y), []).append((x, text))
        lines = [
            " ".join(" ".join(t for _x, t in sorted(parts)).split())
            for _y, parts in sorted(rows.items(), reverse=True)
        ]
        lowest = min((y for y, _x, _t in items), default=BODY_TOP)
        pages.append({"lines": lines, "fill": (BODY_TOP - lowest) / (BODY_TOP - BODY_BOTTOM)})
    return pages


@pytest.fixture(autouse=True)
def _media_root(media_root):
    """Report PDFs are written in a folder of the test."""


def report_pdf(client, rapportage) -> bytes:
    """The report's PDF as ``client``'s user gets it: a final report's stored file at
    once; a draft's queued, made by the background worker (run here), downloaded."""
    from django.urls import reverse

    rapportage.refresh_from_db()
    if rapportage.is_definitief:
        response = client.get(reverse("rapportage:jaarrapportage_pdf", args=[rapportage.pk]))
    else:
        job = client.post(reverse("rapportage:pdf_create", args=[rapportage.pk]))["Location"]
        work_off_queue()
        response = client.get(job + "download/")
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content
