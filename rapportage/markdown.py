"""Markdown written in the browser, rendered to safe HTML.

python-markdown turns the text into HTML; nh3 then keeps only an allow-list of
tags and attributes, so scripts, styles, event handlers and ``javascript:``
links never reach a page or a PDF.
"""

from __future__ import annotations

import re

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "a",
    "strong",
    "b",
    "em",
    "i",
    "blockquote",
    "h3",
    "h4",
    "h5",
    "h6",
    "code",
    "pre",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}

# A bare web address not already inside Markdown link syntax or an HTML attribute.
BARE_URL = re.compile(r"(?<![<(\[\"'=])\b(https?://[^\s<>()\[\]\"']+[^\s<>()\[\]\"'.,;:!?])")


def render_markdown(text: str | None) -> SafeString:
    """Safe HTML for ``text``: paragraphs, lists, links, bold and italic."""
    if not text:
        return mark_safe("")
    text = BARE_URL.sub(r"<\1>", text)
    html = markdown_lib.markdown(text, extensions=["sane_lists"], output_format="html")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return mark_safe(cleaned)  # noqa: S308 - nh3 has sanitised it
