"""The questionnaire's poster (A4) and card (A6): made once, then served from storage.

Laying out a PDF takes WeasyPrint seconds (the first in a process far longer,
while it decodes the fonts), so a PDF is kept in the media storage under a
fingerprint of the HTML it is made from: the title, the initiative, the public
link and its QR code, the template and its translations. The same request
afterwards is answered from the stored file; a change to anything the PDF shows
changes the fingerprint, and the new PDF replaces the old one. Storage shared
by all web processes (a folder, or object storage) means each PDF is made once,
not once per process. The files are never served under /media/ (only files the
database knows are, see ``pages.views.MediaView``).
"""

from __future__ import annotations

import hashlib
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string

from .models import Vragenlijst
from .qr import qr_data_uri

TEMPLATES = {"poster": "metingen/pdf/poster.html", "kaart": "metingen/pdf/kaart.html"}
FOLDER = "metingen/drukwerk"


def _stored_name(vragenlijst: Vragenlijst, kind: str, html: str) -> str:
    fingerprint = hashlib.sha256(html.encode()).hexdigest()[:24]
    return f"{FOLDER}/vragenlijst-{vragenlijst.pk}-{kind}-{fingerprint}.pdf"


def _remove_older(vragenlijst: Vragenlijst, kind: str, keep: str) -> None:
    prefix = f"vragenlijst-{vragenlijst.pk}-{kind}-"
    try:
        _folders, files = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return
    for name in files:
        path = f"{FOLDER}/{name}"
        if name.startswith(prefix) and path != keep:
            default_storage.delete(path)


def print_pdf(*, vragenlijst: Vragenlijst, kind: str, url: str) -> bytes:
    """The PDF of ``kind`` ("poster" or "kaart") showing ``url``: stored, or made now and stored."""
    from core.pdf import html_to_pdf

    html = render_to_string(
        TEMPLATES[kind], {"vragenlijst": vragenlijst, "url": url, "qr": qr_data_uri(url, scale=10)}
    )
    name = _stored_name(vragenlijst, kind, html)
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as stored:
            return stored.read()
    pdf = html_to_pdf(html)
    # Two requests at once may both make it; the second finds it stored and keeps that.
    if not default_storage.exists(name):
        saved = default_storage.save(name, ContentFile(pdf, name=PurePosixPath(name).name))
        _remove_older(vragenlijst, kind, keep=saved)
    return pdf
