"""Markdown written in the browser, rendered to safe HTML, within limits.

python-markdown turns the text into HTML; nh3 then keeps only an allow-list of
tags and attributes, so scripts, styles, event handlers and ``javascript:``
links never reach a page or a PDF.

python-markdown has no limits of its own: a list nested a few hundred levels
deep ends in a RecursionError, and thousands of ``[`` in one paragraph take
minutes (its link pattern backtracks quadratically). So before it runs, the
text is checked against limits far above what a report text needs (size,
nesting depth, number of ``[``). The markers in the text are only an estimate
of the nesting (``>>>`` is three quotes, raw ``<blockquote>`` or ``<b>`` count
nowhere), while WeasyPrint lays boxes out recursively and ends in a RecursionError
at about 140 nested elements. So the sanitised HTML itself is measured too: a
text whose elements nest deeper than :data:`MAX_HTML_DEPTH` is not shown,
whatever Markdown or HTML produced it. A text over a limit, or any failure while
rendering, gives :class:`MarkdownError`. :func:`render_markdown` turns that into a
visible placeholder, so one bad text never breaks the page or the PDF it is in;
the coordinator's check page lists the texts that failed (:func:`markdown_problem`).
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

import markdown as markdown_lib
import nh3
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

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

# Limits, far above any real report text (the longest field allows 20,000 characters).
MAX_CHARS = 30_000
# Lists and quotes nested deeper than this are refused (a report needs 3 or 4).
MAX_DEPTH = 12
# Elements open at once in one rendered text. WeasyPrint fails at about 140 (the
# report's own template adds about 10 around a text); lists and quotes MAX_DEPTH
# levels deep, each item with its paragraph and some bold or italic, stay below.
MAX_HTML_DEPTH = 40
# Square brackets (links) per text: python-markdown's time grows with their square.
MAX_BRACKETS = 400

# Leading list markers and quote marks of a line: "- ", "* ", "+ ", "1. ", "> ".
_LEADING_MARKERS = re.compile(r"(?:[-*+>]|\d{1,9}[.)])(?:[ \t]+|$)")


class MarkdownError(ValueError):
    """A text that cannot be rendered safely; ``reason`` says why (in Dutch)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _indent_width(line: str) -> int:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4
        else:
            break
    return width


def nesting_depth(text: str) -> int:
    """The deepest nesting of lists and quotes in ``text`` (an estimate from above).

    Every two columns of indentation count as a level, and so does every list
    marker or quote mark at the start of a line ("- - - x" is three lists deep).
    """
    deepest = 0
    for line in text.splitlines():
        indent = _indent_width(line)
        rest = line.lstrip(" \t")
        markers = 0
        while rest:
            match = _LEADING_MARKERS.match(rest)
            if not match:
                break
            markers += 1
            rest = rest[match.end() :]
        deepest = max(deepest, indent // 2 + markers)
    return deepest


# Characters no font draws: control characters (not tab and line breaks), private
# use, noncharacters and the replacement character (what nh3 makes of "&#0;").
# WeasyPrint draws them as an empty box and then writes the font's text map in a
# form PDF readers cannot decode, so the whole report's text could no longer be
# searched, copied or read aloud.
_UNDRAWABLE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\ufdd0-\ufdef"
    r"\ufff9-\uffff\U000f0000-\U0010ffff]"
)

# Elements nh3 writes without an end tag.
_VOID_TAGS = frozenset({"br", "hr"})


class _DepthMeter(HTMLParser):
    """The deepest nesting of elements in well-formed HTML (nh3's output)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.deepest = 0

    def handle_starttag(self, tag, attrs):
        if tag not in _VOID_TAGS:
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag):
        if tag not in _VOID_TAGS:
            self.depth = max(self.depth - 1, 0)


def html_depth(html: str) -> int:
    """How many elements of ``html`` are open at once at its deepest point.

    Counted with the standard library's HTML parser, which keeps no tree and
    never recurses, so any depth is measured in time linear in the text.
    """
    meter = _DepthMeter()
    meter.feed(html)
    meter.close()
    return meter.deepest


def check_limits(text: str) -> None:
    """MarkdownError when ``text`` exceeds a limit; cheap (linear in the text)."""
    if len(text) > MAX_CHARS:
        raise MarkdownError(
            _("the text is longer than %(limit)s characters") % {"limit": f"{MAX_CHARS:,}"}
        )
    if text.count("[") > MAX_BRACKETS:
        raise MarkdownError(
            _("the text holds more than %(limit)s square brackets") % {"limit": MAX_BRACKETS}
        )
    if nesting_depth(text) > MAX_DEPTH:
        raise MarkdownError(
            _("lists or quotes are nested more than %(limit)s levels deep") % {"limit": MAX_DEPTH}
        )


def markdown_to_html(text: str | None) -> SafeString:
    """Safe HTML for ``text``; MarkdownError when it cannot be rendered within the limits."""
    if not text:
        return mark_safe("")
    check_limits(text)
    text = BARE_URL.sub(r"<\1>", text)
    try:
        html = markdown_lib.markdown(text, extensions=["sane_lists"], output_format="html")
    except RecursionError as exc:
        raise MarkdownError(_("the text is nested too deeply")) from exc
    except Exception as exc:  # python-markdown bug on odd input: never a 500
        logger.warning("Markdown rendering failed: %s", type(exc).__name__)
        raise MarkdownError(_("the text could not be read as Markdown")) from exc
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    if html_depth(cleaned) > MAX_HTML_DEPTH:
        raise MarkdownError(_("the text is nested too deeply"))
    # Removing them cannot change the markup: none of them is part of a tag.
    return mark_safe(_UNDRAWABLE.sub("", cleaned))  # noqa: S308 - nh3 has sanitised it


def markdown_problem(text: str | None) -> str | None:
    """Why ``text`` cannot be rendered (Dutch), or None when it renders fine."""
    try:
        markdown_to_html(text)
    except MarkdownError as exc:
        return exc.reason
    return None


def placeholder(reason: str) -> SafeString:
    """What stands in the report instead of a text that could not be rendered."""
    return format_html(
        '<p class="report-markdown-error" role="note"><strong>{}</strong> {}</p>',
        _("This text cannot be shown:"),
        _("%(reason)s. Shorten or simplify it; the check page lists it.") % {"reason": reason},
    )


def render_markdown(text: str | None) -> SafeString:
    """Safe HTML for ``text``: paragraphs, lists, links, bold and italic.

    Never raises: a text that cannot be rendered becomes a visible placeholder.
    """
    try:
        return markdown_to_html(text)
    except MarkdownError as exc:
        return placeholder(exc.reason)
