"""Writes on reports: creating, editing sections, making final and reopening."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core.concurrency import VersionConflict

from .choices import RapportStatus, SectieSoort
from .models import Jaarrapportage, RapportVersie, Sectie
from .report import default_sections, pdf_filename, render_report_pdf
from .selectors import report_figures


class SectieConflict(VersionConflict):
    """The section was saved by someone else since the editor loaded it."""


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
def update_sectie(*, sectie: Sectie, titel: str, tekst: str, expected_version: int) -> Sectie:
    """Save a section's title and narrative unless someone else saved it meanwhile.

    The update only applies when the stored version still equals
    ``expected_version`` (the version the editor started from); otherwise
    SectieConflict is raised and nothing is written.
    """
    _ensure_concept(sectie.rapportage)
    # A real save (not a queryset update), so the change lands in the audit trail.
    sectie.titel = titel
    sectie.tekst = tekst
    sectie.expect_version(expected_version)
    try:
        sectie.save()
    except VersionConflict as conflict:
        raise SectieConflict() from conflict
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


@transaction.atomic
def finalize_jaarrapportage(*, rapportage: Jaarrapportage, user) -> RapportVersie:
    """Make a report final: store its PDF and a snapshot of its figures as a new version.

    Later changes to the record no longer change this version: its PDF is the
    stored file and its preview shows the stored figures.
    """
    rapportage = Jaarrapportage.objects.select_for_update().get(pk=rapportage.pk)
    _ensure_concept(rapportage)
    figures = report_figures(rapportage)
    rapportage.status = RapportStatus.DEFINITIEF
    _html, pdf_bytes = render_report_pdf(rapportage, figures=figures)
    last = rapportage.versies.aggregate(last=Max("versie"))["last"] or 0
    versie = RapportVersie(
        rapportage=rapportage,
        versie=last + 1,
        cijfers=figures,
        definitief_op=timezone.now(),
        definitief_door=user if user and user.is_authenticated else None,
    )
    versie.pdf.save(pdf_filename(rapportage), ContentFile(pdf_bytes), save=False)
    versie.save()
    rapportage.save(update_fields=["status", "updated_at"])
    return versie


@transaction.atomic
def reopen_jaarrapportage(*, rapportage: Jaarrapportage) -> Jaarrapportage:
    """Turn a final report into a new concept version; earlier versions and PDFs stay."""
    rapportage = Jaarrapportage.objects.select_for_update().get(pk=rapportage.pk)
    if not rapportage.is_definitief:
        raise ValidationError(_("Only a final report can be reopened."), code="not_final")
    rapportage.status = RapportStatus.CONCEPT
    rapportage.save(update_fields=["status", "updated_at"])
    return rapportage
