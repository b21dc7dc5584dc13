"""Everything the report templates need: sections with their blocks, figures, charts, plan.

The HTML preview, the PDF and the command line all build their context here,
so they show the same content. A draft report is read from the record; a
final report only from the snapshot stored with its latest version (its
texts, plan items, indicators and figures), so its preview and PDF never
change afterwards, whatever happens to the record.

``render_report_pdf`` is the one entry point that turns a report into a PDF.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import charts

from .blocks import Part, layout
from .choices import RapportStatus, SectieSoort
from .models import Jaarrapportage, Planonderdeel, RapportVersie, Sectie
from .selectors import report_figures

# Sections of a new report, in the order of the 2023 report (seed 000), with the
# key figures up front and what the figures count as the last annex.
DEFAULT_SECTIONS = [
    (SectieSoort.KERNCIJFERS, gettext_lazy("Key figures")),
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
    (SectieSoort.VERANTWOORDING, gettext_lazy("Annex 3: what the figures count")),
]

NUMBERED_TITLE = re.compile(r"^\s*\d+[.)]?\s")

# Not numbered as chapters: the key figures up front, and the annexes ("Bijlage n").
UNNUMBERED_SOORTEN = {
    SectieSoort.KERNCIJFERS,
    SectieSoort.VOORBEELDEN,
    SectieSoort.PLAN,
    SectieSoort.VERANTWOORDING,
}
# Annexes start on a new page; chapters flow on after each other.
ANNEX_SOORTEN = {SectieSoort.VOORBEELDEN, SectieSoort.PLAN, SectieSoort.VERANTWOORDING}


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
    parts: list[Part] = field(default_factory=list)
    soort: str = field(init=False)

    def __post_init__(self):
        self.soort = self.sectie.soort

    @property
    def titel(self) -> str:
        return self.sectie.titel

    @property
    def is_annex(self) -> bool:
        return self.soort in ANNEX_SOORTEN

    @property
    def kop(self) -> str:
        """The heading: the title with its chapter number, unless the title has one already."""
        if self.nummer is None or NUMBERED_TITLE.match(self.titel):
            return self.titel
        return f"{self.nummer}. {self.titel}"


def number_sections(secties: list[Sectie], figures: dict | None = None) -> list[NumberedSection]:
    """The sections with chapter numbers, anchors and (given the figures) their parts."""
    numbered, counter = [], 0
    for index, sectie in enumerate(secties, start=1):
        nummer = None
        if sectie.soort not in UNNUMBERED_SOORTEN:
            counter += 1
            nummer = counter
        numbered.append(NumberedSection(sectie=sectie, nummer=nummer, anchor=f"sectie-{index}"))
    if figures is not None:
        parts = layout([(s.soort, s.tekst) for s in secties], figures)
        for section, section_parts in zip(numbered, parts, strict=True):
            section.parts = section_parts
    return numbered


def build_charts(figures: dict) -> dict:
    """SVG charts drawn from the same figures as the tables.

    The page around a chart gives its title (a caption), so the SVG does not
    repeat it; every chart names its axes and their units.
    """
    activiteiten = figures["activiteiten"]
    wachtlijst = figures["wachtlijst"]
    result = {}
    if activiteiten["activiteiten"]:
        result["activiteiten"] = charts.grouped_bar_chart(
            activiteiten["maanden"],
            {row["gebied"]: row["per_maand"] for row in activiteiten["per_gebied"]},
            title=_("Activities per area per month"),
            show_title=False,
            x_title=_("Month"),
            y_title=_("Number of activities"),
        )
    if activiteiten["bereikt"]:
        result["bereik"] = charts.bar_chart(
            [row["gebied"] for row in activiteiten["per_gebied"]],
            [row["bereikt"] for row in activiteiten["per_gebied"]],
            title=_("Residents reached per area"),
            show_title=False,
            x_title=_("Area"),
            y_title=_("Residents reached"),
        )
    if any(wachtlijst["aantallen"]):
        result["wachtlijst"] = charts.line_chart(
            wachtlijst["labels"],
            {_("Open jobs"): wachtlijst["aantallen"]},
            title=_("Buurtservice waiting list over the year"),
            show_title=False,
            legend=False,
            x_title=_("Date: 1 January, then the end of each month"),
            y_title=_("Open jobs"),
        )
    return result


def latest_version(rapportage: Jaarrapportage) -> RapportVersie | None:
    if rapportage.pk is None:
        return None
    return rapportage.versies.order_by("-versie").first()


# --- the snapshot of a final version ---------------------------------------------

PLAN_FIELDS = ["titel", "doel", "gewenst_resultaat", "startsituatie", "inzet_middelen"]
INDICATOR_FIELDS = [
    "naam",
    "meting",
    "handmatige_waarde",
    "bron",
    "eenheid",
    "streefwaarde",
    "richting",
]


def content_of(rapportage: Jaarrapportage) -> dict:
    """The texts, sections, plan items and indicators of a report as plain data."""
    from .selectors import plain

    secties = [
        {"soort": s.soort, "titel": s.titel, "tekst": s.tekst, "volgorde": s.volgorde}
        for s in rapportage.secties.all()
    ]
    plan = []
    for item in rapportage.planonderdelen.prefetch_related("indicatoren"):
        plan.append(
            {
                "id": item.pk,
                "volgorde": item.volgorde,
                **{name: getattr(item, name) for name in PLAN_FIELDS},
                "indicatoren": [
                    {"id": ind.pk, **{name: getattr(ind, name) for name in INDICATOR_FIELDS}}
                    for ind in item.indicatoren.all()
                ],
            }
        )
    return plain(
        {
            "rapportage": {
                "jaar": rapportage.jaar,
                "titel": rapportage.titel,
                "inleiding": rapportage.inleiding,
                "versiedatum": rapportage.versiedatum,
                "basisjaar": rapportage.basisjaar,
            },
            "secties": secties,
            "planonderdelen": plan,
        }
    )


def take_snapshot(
    rapportage: Jaarrapportage, *, versie: int, definitief_op: datetime.datetime
) -> dict:
    """Everything the PDF of a final version shows: ``{"inhoud": …, "cijfers": …}``."""
    inhoud = content_of(rapportage)
    inhoud["versie"] = versie
    inhoud["definitief_op"] = definitief_op.isoformat()
    return {"inhoud": inhoud, "cijfers": report_figures(rapportage)}


def snapshot_of(versie: RapportVersie | None) -> dict | None:
    if versie is None or not versie.inhoud:
        return None
    return {"inhoud": versie.inhoud, "cijfers": versie.cijfers}


@dataclass
class ReportContent:
    rapportage: Jaarrapportage
    secties: list[Sectie]
    planonderdelen: list[Planonderdeel]
    figures: dict
    versie: int | None = None
    definitief_op: datetime.datetime | None = None


def _from_snapshot(rapportage: Jaarrapportage, snapshot: dict) -> ReportContent:
    """Unsaved model instances carrying the snapshot's texts (read-only use in templates)."""
    inhoud = snapshot["inhoud"]
    fields = inhoud["rapportage"]
    frozen = Jaarrapportage(
        pk=rapportage.pk,
        jaar=fields["jaar"],
        titel=fields["titel"],
        inleiding=fields["inleiding"],
        versiedatum=datetime.date.fromisoformat(fields["versiedatum"]),
        basisjaar=fields["basisjaar"],
        status=RapportStatus.DEFINITIEF,
    )
    secties = [
        Sectie(
            soort=item["soort"], titel=item["titel"], tekst=item["tekst"], volgorde=item["volgorde"]
        )
        for item in inhoud["secties"]
    ]
    plan = []
    for item in inhoud["planonderdelen"]:
        plan.append(
            Planonderdeel(
                pk=item["id"], volgorde=item["volgorde"], **{n: item[n] for n in PLAN_FIELDS}
            )
        )
    definitief_op = inhoud.get("definitief_op")
    return ReportContent(
        rapportage=frozen,
        secties=secties,
        planonderdelen=plan,
        figures=snapshot["cijfers"],
        versie=inhoud.get("versie"),
        definitief_op=datetime.datetime.fromisoformat(definitief_op) if definitief_op else None,
    )


def report_content(
    rapportage: Jaarrapportage, *, snapshot: dict | None = None, figures: dict | None = None
) -> ReportContent:
    """What the report shows: the given snapshot, a final report's stored one, or the record.

    ``figures`` (from ``report_figures``) saves computing them again for a draft.
    """
    if snapshot is None and rapportage.is_definitief:
        snapshot = snapshot_of(latest_version(rapportage))
    if snapshot is not None:
        return _from_snapshot(rapportage, snapshot)
    if figures is None:
        figures = report_figures(rapportage)
    if rapportage.pk is None:
        return ReportContent(rapportage, default_sections(rapportage), [], figures)
    return ReportContent(
        rapportage=rapportage,
        secties=list(rapportage.secties.all()),
        planonderdelen=list(rapportage.planonderdelen.all()),
        figures=figures,
    )


def build_report_context(
    rapportage: Jaarrapportage,
    *,
    snapshot: dict | None = None,
    figures: dict | None = None,
    for_pdf: bool = False,
) -> dict:
    """The context of ``rapportage/report/…`` and ``rapportage/pdf/…`` templates."""
    content = report_content(rapportage, snapshot=snapshot, figures=figures)
    figures = content.figures
    indicatoren: dict[int, list[dict]] = {}
    for indicator in figures.get("indicatoren", []):
        indicatoren.setdefault(indicator["planonderdeel_id"], []).append(indicator)
    plan = [
        {"item": item, "indicatoren": indicatoren.get(item.pk, [])}
        for item in content.planonderdelen
    ]
    definitief_op = content.definitief_op
    versie_regel = ""
    # A final version is dated the day it was made final, on the cover as in the footer
    # (the planned version date of the draft would contradict the footer); a draft shows
    # its planned month.
    versiedatum = date_format(content.rapportage.versiedatum, "F Y")
    if definitief_op is not None:
        definitief_op = timezone.localtime(definitief_op)
        versiedatum = date_format(definitief_op, "j F Y")
        versie_regel = _("Version %(version)s, final on %(date)s") % {
            "version": content.versie,
            "date": date_format(definitief_op, "j F Y"),
        }
    return {
        "rapportage": content.rapportage,
        "secties": number_sections(content.secties, figures),
        "figures": figures,
        "charts": build_charts(figures),
        "plan": plan,
        "versie_nummer": content.versie,
        "definitief_op": definitief_op,
        "versiedatum": versiedatum,
        "versie_regel": versie_regel,
        "concept_regel": _("Draft – not final"),
        "organisatie": settings.ORGANISATION_NAME,
        "gemeente": settings.MUNICIPALITY_NAME,
        "for_pdf": for_pdf,
    }


def pdf_filename(rapportage: Jaarrapportage) -> str:
    return f"jaarrapportage-{rapportage.jaar}.pdf"


PDF_TEMPLATE = "rapportage/pdf/base_pdf.html"


def render_report_pdf(rapportage: Jaarrapportage, *, snapshot: dict | None = None, progress=None):
    """``(html, pdf_bytes)`` of a report: the one way a report becomes a PDF.

    With ``snapshot`` (see :func:`take_snapshot`) the PDF shows exactly that
    content, version number and date; without, a final report shows its stored
    snapshot and a draft the record as it is now. ``progress`` (optional) hears
    "laying_out" and "writing" as those steps begin (the background worker's
    progress page).
    """
    from core.pdf import render_pdf

    context = build_report_context(rapportage, snapshot=snapshot, for_pdf=True)
    return render_pdf(PDF_TEMPLATE, context, progress=progress)
