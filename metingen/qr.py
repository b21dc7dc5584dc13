"""QR codes of a questionnaire's public link (segno: pure Python, SVG out)."""

from __future__ import annotations

import segno


def qr_data_uri(url: str, *, scale: int = 6) -> str:
    """An SVG data URI of ``url`` as QR code, for an <img> on a page or in a PDF."""
    return segno.make(url, error="m").svg_data_uri(scale=scale, border=2, dark="#000000")
