"""Writes on reports: creating, editing sections, making final and reopening."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from .choices import RapportStatus, SectieSoort
from .models import Jaarrapportage, RapportVersie, Sectie
from .report import default_sections, pdf_filename, render_report_pdf
from .selectors import report_figures

logger = logging.getLogger(__name__)


class ReportIsFinal(ValidationError):
    """A final report cannot be changed until it is reopened."""

    def __init__(self):
        super().__init__(
            _("This report is final. Reopen it as a new draft version to change it."),
            code="final",
        )


def _ensure_concept(rapportage: Jaarrapportage) -> None:
    if rapportage.is_definitief:
        raise ReportIsFinal()


@transaction.atomic
def create_jaarrapportage(
    *, jaar: int, titel: str, versiedatum: datetime.date | None = None, basisjaar: int | None = None
) -> Jaarrapportage:
    """A new concept report with the default sections in the order of the 2023 report."""
    rapportage = Jaarrapportage.objects.create(
        jaar=jaar,
        titel=titel,
        versiedatum=versiedatum or timezone.localdate(),
        basisjaar=basisjaar,
    )
    Sectie.objects.bulk_create(default_sections(rapportage))
    return rapportage


@transaction.atomic
def update_jaarrapportage(
    *,
    rapportage: Jaarrapportage,
    expected_version: int | None,
    titel: str,
    versiedatum: datetime.date,
    basisjaar: int | None = None,
    inleiding: str = "",
) -> Jaarrapportage:
    """Change a draft report's own fields; VersionConflict when someone else saved
    them since ``expected_version``."""
    _ensure_concept(Jaarrapportage.objects.select_for_update().get(pk=rapportage.pk))
    rapportage.titel = titel
    rapportage.versiedatum = versiedatum
    rapportage.basisjaar = basisjaar
    rapportage.inleiding = inleiding
    if expected_version is not None:
        rapportage.expect_version(expected_version)
    rapportage.save()
    return rapportage


@transaction.atomic
def update_sectie(*, sectie: Sectie, titel: str, tekst: str, expected_version: int) -> Sectie:
    """Save a section's title and narrative unless someone else saved it meanwhile.

    The update only applies when the stored version still equals
    ``expected_version`` (the version the editor started from); otherwise
    VersionConflict is raised and nothing is written.
    """
    _ensure_concept(sectie.rapportage)
    # A real save (not a queryset update), so the change lands in the audit trail.
    sectie.titel = titel
    sectie.tekst = tekst
    sectie.expect_version(expected_version)
    sectie.save()
    return sectie


@transaction.atomic
def add_sectie(*, rapportage: Jaarrapportage, soort: str, titel: str, tekst: str = "") -> Sectie:
    """A new section at the end of the report."""
    _ensure_concept(rapportage)
    last = rapportage.secties.aggregate(last=Max("volgorde"))["last"] or 0
    return Sectie.objects.create(
        rapportage=rapportage,
        soort=soort or SectieSoort.VRIJ,
        titel=titel,
        tekst=tekst,
        volgorde=last + 1,
    )


@transaction.atomic
def delete_sectie(*, sectie: Sectie) -> None:
    _ensure_concept(sectie.rapportage)
    sectie.delete()


@transaction.atomic
def move_sectie(*, sectie: Sectie, direction: str) -> None:
    """Move a section one place up or down; renumbers the whole report 1..n."""
    _ensure_concept(sectie.rapportage)
    secties = list(Sectie.objects.select_for_update().filter(rapportage_id=sectie.rapportage_id))
    index = next(i for i, item in enumerate(secties) if item.pk == sectie.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(secties):
        secties[index], secties[target] = secties[target], secties[index]
    for position, item in enumerate(secties, start=1):
        item.volgorde = position
    Sectie.objects.bulk_update(secties, ["volgorde"])


class FinalizeFailed(ValidationError):
    """The final PDF could not be made; the report is still a draft."""

    def __init__(self):
        super().__init__(
            _(
                "The PDF of the final version could not be made, so the report is still a "
                "draft. Try again later; if it keeps failing, tell the administrator."
            ),
            code="render_failed",
        )


@dataclass(frozen=True)
class FinalPdf:
    """A report's final PDF and the figures it shows, rendered but not stored yet."""

    rapportage_id: int
    figures: dict
    pdf: bytes


def build_final_pdf(*, rapportage: Jaarrapportage) -> FinalPdf:
    """Render the PDF of a report's final version: slow, so outside any transaction
    and lock (and fit for a background worker). Stores nothing.

    Raises ReportIsFinal when the report is final already, FinalizeFailed when
    the PDF cannot be rendered.
    """
    rapportage = Jaarrapportage.objects.get(pk=rapportage.pk)
    _ensure_concept(rapportage)
    figures = report_figures(rapportage)
    # The PDF shows the report as it will be stored: final.
    rapportage.status = RapportStatus.DEFINITIEF
    try:
        _html, pdf_bytes = render_report_pdf(rapportage, figures=figures)
    except Exception as error:
        logger.exception("rendering the final PDF of report %s failed", rapportage.pk)
        raise FinalizeFailed() from error
    return FinalPdf(rapportage_id=rapportage.pk, figures=figures, pdf=pdf_bytes)


def store_final_version(*, final: FinalPdf, user) -> RapportVersie:
    """Store a rendered final PDF as the report's next version and make the report final.

    One short transaction that locks the report and checks again that it is still
    a draft (ReportIsFinal when someone else made it final in the meantime).
    When anything fails, the PDF file written here is removed again: no file
    without its version.
    """
    stored_name = None
    try:
        with transaction.atomic():
            rapportage = Jaarrapportage.objects.select_for_update().get(pk=final.rapportage_id)
            _ensure_concept(rapportage)
            last = rapportage.versies.aggregate(last=Max("versie"))["last"] or 0
            versie = RapportVersie(
                rapportage=rapportage,
                versie=last + 1,
                cijfers=final.figures,
                definitief_op=timezone.now(),
                definitief_door=user if user and user.is_authenticated else None,
            )
            versie.pdf.save(pdf_filename(rapportage), ContentFile(final.pdf), save=False)
            stored_name = versie.pdf.name
            versie.save()
            rapportage.status = RapportStatus.DEFINITIEF
            rapportage.save(update_fields=["status", "updated_at"])
    except BaseException:
        if stored_name:
            RapportVersie._meta.get_field("pdf").storage.delete(stored_name)
        raise
    return versie


def finalize_jaarrapportage(*, rapportage: Jaarrapportage, user) -> RapportVersie:
    """Make a report final: its PDF and a snapshot of its figures become a new version.

    Later changes to the record no longer change this version: its PDF is the
    stored file and its preview shows the stored figures. Rendering happens
    first, outside the transaction (:func:`build_final_pdf`), then
    :func:`store_final_version` stores the result.
    """
    return store_final_version(final=build_final_pdf(rapportage=rapportage), user=user)


@transaction.atomic
def reopen_jaarrapportage(*, rapportage: Jaarrapportage) -> Jaarrapportage:
    """Turn a final report into a new concept version; earlier versions and PDFs stay."""
    rapportage = Jaarrapportage.objects.select_for_update().get(pk=rapportage.pk)
    if not rapportage.is_definitief:
        raise ValidationError(_("Only a final report can be reopened."), code="not_final")
    rapportage.status = RapportStatus.CONCEPT
    rapportage.save(update_fields=["status", "updated_at"])
    return rapportage
