"""HTML to PDF with WeasyPrint, without touching the network.

``render_pdf`` is the one way the app makes a PDF. WeasyPrint is imported
inside it (it is heavy and only needed when a PDF is actually made). Its URL
fetcher serves ``/static/`` through the staticfiles finders and ``/media/``
from the media storage (local disk or S3, read through the storage API) and
refuses everything else, so rendering never fetches anything from an address
in the document and never reads files outside those two places.
"""

from __future__ import annotations

import logging
import mimetypes
import threading
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousOperation
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils._os import safe_join

logger = logging.getLogger(__name__)

# WeasyPrint reports every layout step and fontTools every font it subsets at
# INFO level; only their warnings are worth a log line.
for _name in ("weasyprint", "fontTools"):
    logging.getLogger(_name).setLevel(logging.WARNING)

# Relative URLs in the HTML resolve against this; it is never contacted.
BASE_URL = "https://sterkewijken.invalid/"
PDF_VARIANT = "pdf/ua-1"


class RefusedURL(ValueError):
    """A resource outside /static/ and /media/ was asked for."""


def _file_under(root, relative: str) -> Path | None:
    """The existing file ``relative`` inside ``root``; RefusedURL for paths leaving it."""
    try:
        candidate = Path(safe_join(root, relative))
    except Exception as exc:  # SuspiciousFileOperation on ../
        raise RefusedURL(f"refusing {relative}") from exc
    return candidate if candidate.is_file() else None


def _report_path(url: str) -> str:
    """The path of a URL of the report's own site, else RefusedURL."""
    parts = urlsplit(url)
    base = urlsplit(BASE_URL)
    if parts.scheme in ("http", "https") and parts.netloc not in ("", base.netloc):
        raise RefusedURL(f"refusing to fetch {url}: no network while rendering")
    if parts.scheme not in ("http", "https", ""):
        raise RefusedURL(f"refusing to fetch {url}: only /static/ and /media/ are served")
    return unquote(parts.path)


def local_path_for(url: str) -> Path:
    """The file on disk behind a /static/ URL of the report, else RefusedURL."""
    path = _report_path(url)
    if path.startswith(settings.STATIC_URL):
        relative = path.removeprefix(settings.STATIC_URL)
        # Collected files first: in production {% static %} names the hashed copies
        # in STATIC_ROOT, which the finders do not know.
        collected = _file_under(settings.STATIC_ROOT, relative) if settings.STATIC_ROOT else None
        if collected is not None:
            return collected
        found = finders.find(relative)
        if not found:
            raise RefusedURL(f"static file not found: {path}")
        return Path(found if isinstance(found, str) else found[0])
    raise RefusedURL(f"refusing to fetch {url}: only /static/ and /media/ are served")


def read_resource(url: str) -> tuple[str, bytes]:
    """The file name and bytes behind a /static/ or /media/ URL of the report, else
    RefusedURL. Media come from the media storage, wherever it keeps its files."""
    path = _report_path(url)
    if path.startswith(settings.MEDIA_URL):
        name = path.removeprefix(settings.MEDIA_URL)
        try:
            with default_storage.open(name, "rb") as handle:
                return PurePosixPath(name).name, handle.read()
        except (SuspiciousOperation, ValueError) as exc:  # a name leaving the storage
            raise RefusedURL(f"refusing {path}") from exc
        except OSError:  # no such file, or a folder
            raise RefusedURL(f"media file not found: {path}") from None
    found = local_path_for(url)
    return found.name, found.read_bytes()


def _make_fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFilesFetcher(URLFetcher):
        """Serves /static/ and /media/ (see read_resource); refuses everything else."""

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            name, body = read_resource(url)
            mime_type, _encoding = mimetypes.guess_type(name)
            return URLFetcherResponse(
                url,
                body=body,
                headers={"Content-Type": mime_type or "application/octet-stream"},
            )

    return LocalFilesFetcher()


def render_pdf(template_name: str, context: dict, *, progress=None) -> tuple[str, bytes]:
    """Render ``template_name`` with ``context`` to HTML and that HTML to a PDF.

    Returns ``(html, pdf_bytes)``. The PDF is tagged (PDF/UA-1); title, author
    and language come from the template's ``<title>``, ``<meta name="author">``
    and ``<html lang>``. ``progress`` (optional) is called with "laying_out" and
    "writing" as those steps begin.
    """
    html = render_to_string(template_name, context)
    return html, html_to_pdf(html, progress=progress)


# One font configuration per process: WeasyPrint decodes each @font-face font
# (WOFF2 → TrueType) the first time a configuration meets it and reuses the file
# afterwards, so only the first PDF of a process pays for it. Pango is not
# thread-safe: one render at a time per process.
_font_config = None
_render_lock = threading.Lock()


def font_configuration():
    global _font_config
    if _font_config is None:
        from weasyprint.text.fonts import FontConfiguration

        _font_config = FontConfiguration()
    return _font_config


def html_to_pdf(html: str, *, fresh_fonts: bool = False, progress=None) -> bytes:
    """The PDF of an HTML document whose resources are under /static/ and /media/.

    ``fresh_fonts`` decodes the fonts again, as every render did before the font
    configuration was shared (benchmarks/rapportage.py compares the two).
    ``progress`` is called with "laying_out", then "writing".
    """
    from weasyprint import HTML

    with _render_lock:
        font_config = None if fresh_fonts else font_configuration()
        if progress:
            progress("laying_out")
        document = HTML(string=html, base_url=BASE_URL, url_fetcher=_make_fetcher()).render(
            font_config=font_config, pdf_variant=PDF_VARIANT
        )
        if progress:
            progress("writing")
        return document.write_pdf(pdf_variant=PDF_VARIANT)


WARM_UP_HTML = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>-</title>
<link rel="stylesheet" href="{fonts}"><style>body {{ font-family: "Source Sans 3"; }}</style>
</head><body><p>Sterke Wijken <em>Zutphen</em> <strong>ëïé</strong></p></body></html>"""


def warm_up() -> None:
    """Import WeasyPrint and decode the bundled fonts now, not in the first PDF:
    for a worker process when it starts."""
    from django.templatetags.static import static

    html_to_pdf(WARM_UP_HTML.format(fonts=static("css/fonts.css")))
