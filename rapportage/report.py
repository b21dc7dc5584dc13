"""Everything the report templates need: sections, figures, charts, plan items.

The HTML preview, the PDF and the command line all build their context here,
so they show the same content. Figures come from ``selectors.report_figures``
or, for a final report, from the snapshot stored with its version.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import charts

from .choices import SectieSoort
from .models import Jaarrapportage, RapportVersie, Sectie
from .selectors import report_figures

# Sections of a new report, in the order of the 2023 report (seed 000).
DEFAULT_SECTIONS = [
    (SectieSoort.SOCIAAL_MAKELAARS, gettext_lazy("A social broker in every district")),
    (SectieSoort.VRIJWILLIGERSWERK, gettext_lazy("Stimulating volunteering in the districts")),
    (
        SectieSoort.BUURTSERVICE,
        gettext_lazy("More effort from Buurtservice (as a collective pathway)"),
    ),
    (SectieSoort.VISIE, gettext_lazy("A worked-out vision on strong districts")),
    (SectieSoort.CIJFERS, gettext_lazy("Figures overview")),
    (
        SectieSoort.VOORBEELDEN,
        gettext_lazy("Annex 1: Examples of the results of social brokering per district"),
    ),
    (SectieSoort.PLAN, gettext_lazy("Annex 2: summary of the Strong Districts plan")),
]

NUMBERED_TITLE = re.compile(r"^\s*\d+[.)]?\s")

# Annexes are not numbered as chapters; their titles carry "Bijlage n".
ANNEX_SOORTEN = {SectieSoort.VOORBEELDEN, SectieSoort.PLAN}


def default_title(rapportage_jaar: int) -> str:
    return _("Annual report Strong Districts %(year)s") % {"year": rapportage_jaar}


def default_sections(rapportage: Jaarrapportage) -> list[Sectie]:
    """Unsaved sections in the default order (for a new or not yet created report)."""
    return [
        Sectie(rapportage=rapportage, soort=soort, titel=str(titel), volgorde=index)
        for index, (soort, titel) in enumerate(DEFAULT_SECTIONS, start=1)
    ]


def unsaved_report(year: int) -> Jaarrapportage:
    """A report for ``year`` that is not in the database (command line without a report)."""
    return Jaarrapportage(
        jaar=year, titel=default_title(year), versiedatum=datetime.date(year, 12, 31)
    )


@dataclass
class NumberedSection:
    sectie: Sectie
    nummer: int | None
    anchor: str
    soort: str = field(init=False)

    def __post_init__(self):
        self.soort = self.sectie.soort

    @property
    def titel(self) -> str:
        return self.sectie.titel

    @property
    def kop(self) -> str:
        """The heading: the title with its chapter number, unless the title has one already."""
        if self.nummer is None or NUMBERED_TITLE.match(self.titel):
            return self.titel
        return f"{self.nummer}. {self.titel}"


def number_sections(secties: list[Sectie]) -> list[NumberedSection]:
    numbered, counter = [], 0
    for index, sectie in enumerate(secties, start=1):
        nummer = None
        if sectie.soort not in ANNEX_SOORTEN:
            counter += 1
            nummer = counter
        numbered.append(NumberedSection(sectie=sectie, nummer=nummer, anchor=f"sectie-{index}"))
    return numbered


def build_charts(figures: dict) -> dict:
    """SVG charts drawn from the same figures as the tables."""
    activiteiten = figures["activiteiten"]
    wachtlijst = figures["wachtlijst"]
    result = {}
    if activiteiten["activiteiten"]:
        result["activiteiten"] = charts.grouped_bar_chart(
            activiteiten["maanden"],
            {row["gebied"]: row["per_maand"] for row in activiteiten["per_gebied"]},
            title=_("Activities per area per month"),
        )
    if activiteiten["bereikt"]:
        result["bereik"] = charts.bar_chart(
            [row["gebied"] for row in activiteiten["per_gebied"]],
            [row["bereikt"] for row in activiteiten["per_gebied"]],
            title=_("Residents reached per area"),
        )
    if any(wachtlijst["aantallen"]):
        result["wachtlijst"] = charts.line_chart(
            wachtlijst["labels"],
            {_("Open jobs"): wachtlijst["aantallen"]},
            title=_("Buurtservice waiting list over the year"),
        )
    return result


def latest_version(rapportage: Jaarrapportage) -> RapportVersie | None:
    if rapportage.pk is None:
        return None
    return rapportage.versies.order_by("-versie").first()


def build_report_context(
    rapportage: Jaarrapportage, *, figures: dict | None = None, for_pdf: bool = False
) -> dict:
    """The context of ``rapportage/report/…`` templates.

    A final report shows the figures frozen with its latest version, so the
    preview always equals the stored PDF.
    """
    if figures is None:
        versie = latest_version(rapportage) if rapportage.is_definitief else None
        figures = versie.cijfers if versie else report_figures(rapportage)
    if rapportage.pk is None:
        secties = default_sections(rapportage)
        planonderdelen = []
    else:
        secties = list(rapportage.secties.all())
        planonderdelen = list(rapportage.planonderdelen.all())
    indicatoren: dict[int, list[dict]] = {}
    for indicator in figures.get("indicatoren", []):
        indicatoren.setdefault(indicator["planonderdeel_id"], []).append(indicator)
    plan = [{"item": item, "indicatoren": indicatoren.get(item.pk, [])} for item in planonderdelen]
    return {
        "rapportage": rapportage,
        "secties": number_sections(secties),
        "figures": figures,
        "charts": build_charts(figures),
        "plan": plan,
        "organisatie": settings.ORGANISATION_NAME,
        "gemeente": settings.MUNICIPALITY_NAME,
        "for_pdf": for_pdf,
    }


def pdf_filename(rapportage: Jaarrapportage) -> str:
    return f"jaarrapportage-{rapportage.jaar}.pdf"


def render_report_pdf(rapportage: Jaarrapportage, *, figures: dict | None = None):
    """``(html, pdf_bytes)`` of a report, rendered now from the record."""
    from core.pdf import render_pdf

    context = build_report_context(rapportage, figures=figures, for_pdf=True)
    return render_pdf("rapportage/pdf/base_pdf.html", context)
