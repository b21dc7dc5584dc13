"""Computed blocks of the report and where they stand in the sections' text.

A block is a piece of the report the app computes: a table, a chart, a few
sentences with figures. Every block has a key, a label for the section editor,
the figures it needs (keys of ``selectors.report_figures``), the template that
renders it and the kind of section it belongs to.

The coordinator places a block inside a section's text with a line of its own::

    Deze uitbreiding is gerealiseerd.

    [[blok:makelaars_groei]]

A block placed nowhere in the report still appears: at the end of the first
section of its own kind (or, when the report has no such section, at the end
of the last section), so a figure is never lost. The text around the
placeholders is rendered as Markdown; a placeholder is never part of the
Markdown, so it cannot smuggle HTML in.

Adding a block: write its template under ``rapportage/report/blocks/``, have its
figures computed (``selectors.register_figures(key, function)``, the function
calling the register's own selectors) and call :func:`register`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from .choices import SectieSoort
from .markdown import markdown_problem, render_markdown

PLACEHOLDER = re.compile(
    r"^[ \t]*\[\[[ \t]*blok[ \t]*:[ \t]*([A-Za-z0-9_-]{1,60})[ \t]*\]\][ \t]*$", re.M
)


def placeholder_for(key: str) -> str:
    return f"[[blok:{key}]]"


@dataclass(frozen=True)
class Block:
    key: str
    label: Promise | str
    template: str
    figures: tuple[str, ...]
    home: str  # the SectieSoort where the block stands when it is placed nowhere
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def placeholder(self) -> str:
        return placeholder_for(self.key)


REGISTRY: dict[str, Block] = {}


def register(block: Block) -> Block:
    """Add ``block`` to the report (a later registration with the same key replaces it)."""
    REGISTRY[block.key] = block
    return block


def blocks_for(soort: str) -> list[Block]:
    return [block for block in REGISTRY.values() if block.home == soort]


def block_choices(soort: str | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    """Grouped choices for the section editor: the section's own blocks first."""
    own = [(b.placeholder, f"{b.label}") for b in REGISTRY.values() if b.home == soort]
    other = [(b.placeholder, f"{b.label}") for b in REGISTRY.values() if b.home != soort]
    groups = []
    if own:
        groups.append((str(_("Blocks of this section")), own))
    if other:
        groups.append((str(_("Blocks of other sections")), other))
    return groups


def _template(name: str) -> str:
    return f"rapportage/report/blocks/{name}.html"


for _block in [
    Block(
        "kerncijfers",
        _("Key figures: this year beside last year"),
        _template("kerncijfers"),
        ("kerncijfers",),
        SectieSoort.KERNCIJFERS,
    ),
    Block(
        "makelaars_groei",
        _("Social brokers: from the baseline year to this year, and pilots"),
        _template("makelaars_groei"),
        ("makelaars",),
        SectieSoort.SOCIAAL_MAKELAARS,
    ),
    Block(
        "makelaars_tabel",
        _("Social brokers per area (table)"),
        _template("makelaars_tabel"),
        ("makelaars",),
        SectieSoort.SOCIAAL_MAKELAARS,
    ),
    Block(
        "vrijwilligerswerk",
        _("Volunteering: activated residents, volunteers and participants (table)"),
        _template("vrijwilligerswerk"),
        ("activiteiten", "initiatief_vrijwilligers", "vorig"),
        SectieSoort.VRIJWILLIGERSWERK,
    ),
    Block(
        "signalen_en_collectief_werk",
        _("Signals, collective questions and contacts with the buurtteam"),
        _template("signalen_en_collectief_werk"),
        ("signalen",),
        SectieSoort.SOCIAAL_MAKELAARS,
    ),
    Block(
        "effecten_volgens_bewoners",
        _("Effects according to residents: questionnaires of initiatives"),
        _template("effecten_volgens_bewoners"),
        ("metingen",),
        SectieSoort.VRIJWILLIGERSWERK,
    ),
    Block(
        "capaciteit",
        _("Buurtservice capacity: staff hours per week"),
        _template("capaciteit"),
        ("capaciteit",),
        SectieSoort.BUURTSERVICE,
    ),
    Block(
        "buurtservice_h1_uitvoerders",
        _("Buurtservice first half-year: new volunteers and workers"),
        _template("buurtservice_uitvoerders"),
        ("buurtservice",),
        SectieSoort.BUURTSERVICE,
        {"half": 0},
    ),
    Block(
        "buurtservice_h1_klussen",
        _("Buurtservice first half-year: jobs and waiting list"),
        _template("buurtservice_klussen"),
        ("buurtservice", "vorig"),
        SectieSoort.BUURTSERVICE,
        {"half": 0},
    ),
    Block(
        "buurtservice_h2_uitvoerders",
        _("Buurtservice second half-year: new volunteers and workers"),
        _template("buurtservice_uitvoerders"),
        ("buurtservice",),
        SectieSoort.BUURTSERVICE,
        {"half": 1},
    ),
    Block(
        "buurtservice_h2_klussen",
        _("Buurtservice second half-year: jobs and waiting list"),
        _template("buurtservice_klussen"),
        ("buurtservice", "vorig"),
        SectieSoort.BUURTSERVICE,
        {"half": 1},
    ),
    Block(
        "activiteiten_per_maand",
        _("Activities per area per month (chart and table)"),
        _template("activiteiten_per_maand"),
        ("activiteiten",),
        SectieSoort.CIJFERS,
    ),
    Block(
        "bereik_per_gebied",
        _("Residents reached per area (chart and table)"),
        _template("bereik_per_gebied"),
        ("activiteiten", "vorig"),
        SectieSoort.CIJFERS,
    ),
    Block(
        "bereik_per_wijk",
        _("Activities and residents reached per district (a table per area)"),
        _template("bereik_per_wijk"),
        ("per_wijk",),
        SectieSoort.CIJFERS,
    ),
    Block(
        "initiatieven_per_status",
        _("Resident initiatives by status at the end of the year (table)"),
        _template("initiatieven_per_status"),
        ("initiatieven", "vorig"),
        SectieSoort.CIJFERS,
    ),
    Block(
        "wachtlijst",
        _("Buurtservice waiting list over the year (chart and table)"),
        _template("wachtlijst"),
        ("wachtlijst",),
        SectieSoort.CIJFERS,
    ),
    Block(
        "voorbeelden",
        _("Examples per area and district (Annex 1)"),
        _template("voorbeelden"),
        ("voorbeelden",),
        SectieSoort.VOORBEELDEN,
    ),
    Block(
        "plan",
        _("Plan items with targets and results (Annex 2)"),
        _template("plan"),
        ("indicatoren",),
        SectieSoort.PLAN,
    ),
    Block(
        "verantwoording",
        _("What the figures count and do not count"),
        _template("verantwoording"),
        ("activiteiten", "registratie"),
        SectieSoort.VERANTWOORDING,
    ),
]:
    register(_block)


# --- a section's text with its blocks -------------------------------------------


@dataclass
class Part:
    """One piece of a section: rendered text, a block, or an unknown placeholder."""

    kind: str  # "text", "block" or "unknown"
    html: SafeString | None = None
    block: Block | None = None
    key: str = ""
    available: bool = True  # the figures the block needs are there
    leads_in: bool = False  # text directly followed by a block: kept on its page

    @property
    def options(self) -> dict[str, Any]:
        return self.block.options if self.block else {}


def split_text(text: str) -> list[tuple[str, str]]:
    """``text`` as ("text", markdown) and ("block", key) pieces, in order."""
    # A browser sends line breaks as CRLF; "$" in the pattern only sees "\n".
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    pieces: list[tuple[str, str]] = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        before = text[position : match.start()]
        if before.strip():
            pieces.append(("text", before))
        pieces.append(("block", match.group(1).lower()))
        position = match.end()
    rest = text[position:]
    if rest.strip():
        pieces.append(("text", rest))
    return pieces


def placed_keys(texts: Iterable[str]) -> set[str]:
    return {key for text in texts for kind, key in split_text(text) if kind == "block"}


def repeated_placements(text: str, others: Iterable[tuple[str, str]] = ()) -> list[tuple[str, str]]:
    """``(key, title)`` of each block in ``text`` placed before: earlier in ``text`` itself
    (title "") or in one of ``others``, given as (section title, text).

    A block stands in one place of the report: a second placement would show the same
    table twice and give the PDF two anchors with one name.
    """
    elsewhere = {}
    for title, other in others:
        for key in placed_keys([other]):
            elsewhere.setdefault(key, title)
    seen, repeats = set(), []
    for kind, key in split_text(text):
        if kind != "block" or key not in REGISTRY:
            continue
        if key in seen:
            repeats.append((key, ""))
        elif key in elsewhere:
            repeats.append((key, elsewhere[key]))
        seen.add(key)
    return repeats


def unknown_keys(text: str) -> list[str]:
    return [key for kind, key in split_text(text) if kind == "block" and key not in REGISTRY]


def text_problems(text: str) -> list[str]:
    """Why pieces of a section's text cannot be shown: each piece between blocks
    is checked exactly as :func:`layout` renders it for the page and the PDF."""
    return [
        problem
        for kind, value in split_text(text)
        if kind == "text" and (problem := markdown_problem(value))
    ]


def _block_part(key: str, figures: dict) -> Part:
    block = REGISTRY.get(key)
    if block is None:
        return Part(kind="unknown", key=key)
    available = all(name in figures for name in block.figures)
    return Part(kind="block", block=block, key=key, available=available)


def layout(sections: list[tuple[str, str]], figures: dict) -> list[list[Part]]:
    """The parts of every section, given as (soort, text) in report order.

    Text is rendered (safely) as Markdown; every placeholder becomes its block;
    blocks placed nowhere go to the end of the first section of their kind, or
    of the last section when the report has none of that kind.
    """
    placed = placed_keys(text for _soort, text in sections)
    parts: list[list[Part]] = []
    shown: set[str] = set()
    for _soort, text in sections:
        section_parts = []
        for kind, value in split_text(text):
            if kind == "text":
                section_parts.append(Part(kind="text", html=render_markdown(value)))
            elif value in REGISTRY and value in shown:
                continue  # placed twice (saved before that was refused): shown once
            else:
                shown.add(value)
                section_parts.append(_block_part(value, figures))
        parts.append(section_parts)
    if not sections:
        return parts
    _mark_lead_ins(parts)
    first_of_kind: dict[str, int] = {}
    for index, (soort, _text) in enumerate(sections):
        first_of_kind.setdefault(soort, index)
    for key, block in REGISTRY.items():
        if key in placed:
            continue
        target = first_of_kind.get(block.home, len(sections) - 1)
        parts[target].append(_block_part(key, figures))
    _mark_lead_ins(parts)
    return parts


def _mark_lead_ins(parts: list[list[Part]]) -> None:
    for section_parts in parts:
        for part, following in zip(section_parts, section_parts[1:], strict=False):
            part.leads_in = part.kind == "text" and following.kind == "block"
