"""Years in a report's own words that no longer fit it.

A new year's report starts from a copy of the last one, so its titles and texts
still name the year they were written for ("Kerncijfers 2023" above the table
"Kerncijfers 2024 naast 2023"). The check page lists every such mention with a
link to the text, so the coordinator rewrites it or accepts it knowingly.

A mention is stale when the year

- lies before the report's comparison year (the year before it) and is not the
  baseline year the report compares the brokers with, or
- is the year of the earlier report a paragraph was copied from unchanged (in
  that report it meant "this year").

Later years are plans ("in 2025 willen we") and never stale.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Jaarrapportage

# A four-digit year of this century, not part of a longer number.
YEAR = re.compile(r"(?<![\d.,])(20\d\d)(?![\d]|[.,]\d)")
# Parts of Markdown that are addresses, not words: link targets, bare URLs, block tokens.
NOT_WORDS = re.compile(r"\]\([^)]*\)|https?://\S+|\[\[[^\]]*\]\]")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
CONTEXT = 40
PLAN_FIELDS = ("titel", "doel", "gewenst_resultaat", "startsituatie", "inzet_middelen")


@dataclass(frozen=True)
class Text:
    """One title or text of a report, with where it is edited."""

    label: str
    url: str
    text: str


@dataclass(frozen=True)
class Mention:
    label: str
    url: str
    year: int
    context: str


def texts_of(rapportage: Jaarrapportage, *, with_urls: bool = True) -> Iterator[Text]:
    """The titles and texts a coordinator writes: the report's, its sections' and its
    plan items' (with their indicators' names)."""
    own = reverse("rapportage:jaarrapportage_update", args=[rapportage.pk]) if with_urls else ""
    yield Text(_("Title"), own, rapportage.titel)
    yield Text(_("Introduction"), own, rapportage.inleiding)
    for sectie in rapportage.secties.all():
        url = reverse("rapportage:sectie_update", args=[sectie.pk]) if with_urls else ""
        yield Text(sectie.titel, url, sectie.titel)
        yield Text(sectie.titel, url, sectie.tekst)
    for item in rapportage.planonderdelen.prefetch_related("indicatoren"):
        url = reverse("rapportage:planonderdeel_update", args=[item.pk]) if with_urls else ""
        for name in PLAN_FIELDS:
            yield Text(item.titel, url, getattr(item, name))
        for indicator in item.indicatoren.all():
            yield Text(item.titel, url, indicator.naam)


def _paragraphs(text: str) -> list[str]:
    return [" ".join(part.split()) for part in PARAGRAPH_BREAK.split(text or "") if part.strip()]


def _snippet(paragraph: str, start: int, end: int) -> str:
    left, right = max(0, start - CONTEXT), min(len(paragraph), end + CONTEXT)
    prefix = "…" if left else ""
    suffix = "…" if right < len(paragraph) else ""
    return prefix + paragraph[left:right].strip() + suffix


def stale_mentions(rapportage: Jaarrapportage) -> list[Mention]:
    """Every stale year mention in ``rapportage``'s titles and texts, in reading order."""
    year = rapportage.jaar
    comparison = year - 1
    allowed = {year, comparison, rapportage.baseline_year}
    source = Jaarrapportage.objects.filter(jaar__lt=year).order_by("-jaar").first()
    copied: set[str] = set()
    if source is not None:
        for text in texts_of(source, with_urls=False):
            copied.update(_paragraphs(text.text))
    mentions = []
    for text in texts_of(rapportage):
        for paragraph in _paragraphs(text.text):
            words = NOT_WORDS.sub(lambda m: " " * len(m.group()), paragraph)
            unchanged = paragraph in copied
            for match in YEAR.finditer(words):
                found = int(match.group(1))
                stale = (found < comparison and found not in allowed) or (
                    unchanged and source is not None and found == source.jaar and found != year
                )
                if stale:
                    mentions.append(
                        Mention(
                            text.label,
                            text.url,
                            found,
                            _snippet(paragraph, match.start(), match.end()),
                        )
                    )
    return mentions
