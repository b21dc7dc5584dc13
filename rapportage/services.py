"""Writes on reports: creating, editing sections, making final and reopening."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core.datacache import data_fingerprint

from .choices import PdfSoort, PdfStatus, RapportStatus, Richting, SectieSoort
from .models import Indicator, Jaarrapportage, PdfOpdracht, Planonderdeel, RapportVersie, Sectie
from .report import default_sections, pdf_filename, render_report_pdf, take_snapshot

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


def ensure_restorable(record: Sectie | Planonderdeel | Indicator) -> None:
    """ValidationError when a deleted part would come back into a final report
    (the audit trail's restore calls this first)."""
    if isinstance(record, Indicator):
        reports = Jaarrapportage.objects.filter(planonderdelen=record.planonderdeel_id)
    else:
        reports = Jaarrapportage.objects.filter(pk=record.rapportage_id)
    rapportage = reports.first()
    if rapportage is not None and rapportage.is_definitief:
        raise ValidationError(
            _(
                "“%(title)s” belongs to the final report “%(report)s” and cannot be "
                "restored into it. Reopen the report as a new draft version first."
            )
            % {"title": record, "report": rapportage.titel},
            code="final",
        )


class DuplicateYear(ValidationError):
    """There is a report for this year already; ``existing`` is that report."""

    def __init__(self, existing: Jaarrapportage | None):
        self.existing = existing
        super().__init__(
            _("There is already an annual report for %(year)s.")
            % {"year": existing.jaar if existing else ""},
            code="duplicate_year",
        )


def previous_report(jaar: int) -> Jaarrapportage | None:
    """The latest report of a year before ``jaar`` (the one a new year starts from)."""
    return Jaarrapportage.objects.filter(jaar__lt=jaar).order_by("-jaar").first()


@transaction.atomic
def create_jaarrapportage(
    *,
    jaar: int,
    titel: str,
    versiedatum: datetime.date | None = None,
    basisjaar: int | None = None,
    kopieer_van: Jaarrapportage | None = None,
) -> Jaarrapportage:
    """A new concept report for ``jaar``.

    With ``kopieer_van`` it starts from that report: its sections (their text as
    a starting point), plan items and indicators are copied; otherwise it gets
    the default sections in the order of the 2023 report. A report for ``jaar``
    that exists already (also one created a moment ago by someone else) raises
    DuplicateYear, never a database error. A copy without its own ``basisjaar``
    keeps the one of ``kopieer_van`` (the plan's starting point stays the same).
    """
    if basisjaar is None and kopieer_van is not None and (kopieer_van.basisjaar or jaar) < jaar:
        basisjaar = kopieer_van.basisjaar
    try:
        # The insert comes first and in a savepoint: a concurrent insert of the same
        # year fails here on the unique constraint, before anything else is written.
        with transaction.atomic():
            rapportage = Jaarrapportage.objects.create(
                jaar=jaar,
                titel=titel,
                versiedatum=versiedatum or timezone.localdate(),
                basisjaar=basisjaar,
            )
    except IntegrityError as exc:
        raise DuplicateYear(Jaarrapportage.objects.filter(jaar=jaar).first()) from exc
    if kopieer_van is None:
        Sectie.objects.bulk_create(default_sections(rapportage))
    else:
        copy_content(source=kopieer_van, target=rapportage)
    return rapportage


def copy_content(*, source: Jaarrapportage, target: Jaarrapportage) -> None:
    """Copy sections, plan items and their indicators of ``source`` into ``target``."""
    Sectie.objects.bulk_create(
        Sectie(rapportage=target, soort=s.soort, titel=s.titel, tekst=s.tekst, volgorde=s.volgorde)
        for s in source.secties.all()
    )
    for item in source.planonderdelen.prefetch_related("indicatoren"):
        copy = Planonderdeel.objects.create(
            rapportage=target,
            volgorde=item.volgorde,
            titel=item.titel,
            doel=item.doel,
            gewenst_resultaat=item.gewenst_resultaat,
            startsituatie=item.startsituatie,
            inzet_middelen=item.inzet_middelen,
        )
        Indicator.objects.bulk_create(
            Indicator(
                planonderdeel=copy,
                naam=ind.naam,
                meting=ind.meting,
                # A value entered by hand belongs to its year: the new year starts without.
                handmatige_waarde=None,
                bron="",
                eenheid=ind.eenheid,
                streefwaarde=ind.streefwaarde,
                richting=ind.richting,
            )
            for ind in item.indicatoren.all()
            if ind.meting
        )


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


class FinalizeRaced(ValidationError):
    """The report was made final and reopened by someone else while this PDF was made."""

    def __init__(self):
        super().__init__(
            _(
                "Someone else made this report final and reopened it while your final "
                "version was being made, so yours has not been stored. Try again."
            ),
            code="version_taken",
        )


@dataclass(frozen=True)
class FinalPdf:
    """A report's final PDF and the snapshot it shows, rendered but not stored yet."""

    rapportage_id: int
    versie: int
    definitief_op: datetime.datetime
    snapshot: dict
    pdf: bytes


def build_final_pdf(*, rapportage: Jaarrapportage, progress=None) -> FinalPdf:
    """Render the PDF of a report's next final version: slow, so outside any transaction
    and lock (and fit for a background worker). Stores nothing.

    The snapshot (texts, sections, plan items, indicators, figures) is taken
    first and the PDF is made from it alone, so the stored version and its PDF
    show exactly the same. Raises ReportIsFinal when the report is final
    already, FinalizeFailed when the PDF cannot be rendered.
    """
    rapportage = Jaarrapportage.objects.get(pk=rapportage.pk)
    _ensure_concept(rapportage)
    last = rapportage.versies.aggregate(last=Max("versie"))["last"] or 0
    definitief_op = timezone.now()
    snapshot = take_snapshot(rapportage, versie=last + 1, definitief_op=definitief_op)
    # The PDF shows the report as it will be stored: final.
    rapportage.status = RapportStatus.DEFINITIEF
    try:
        _html, pdf_bytes = render_report_pdf(rapportage, snapshot=snapshot, progress=progress)
    except Exception as error:
        logger.exception("rendering the final PDF of report %s failed", rapportage.pk)
        raise FinalizeFailed() from error
    return FinalPdf(
        rapportage_id=rapportage.pk,
        versie=last + 1,
        definitief_op=definitief_op,
        snapshot=snapshot,
        pdf=pdf_bytes,
    )


def store_final_version(*, final: FinalPdf, user) -> RapportVersie:
    """Store a rendered final PDF as the report's next version and make the report final.

    One short transaction that locks the report and checks again that it is still
    a draft (ReportIsFinal when someone else made it final in the meantime) and
    that the version number the PDF shows is still the next one (FinalizeRaced).
    When anything fails, the PDF file written here is removed again: no file
    without its version.
    """
    stored_name = None
    try:
        with transaction.atomic():
            rapportage = Jaarrapportage.objects.select_for_update().get(pk=final.rapportage_id)
            _ensure_concept(rapportage)
            last = rapportage.versies.aggregate(last=Max("versie"))["last"] or 0
            if last + 1 != final.versie:
                raise FinalizeRaced()
            versie = RapportVersie(
                rapportage=rapportage,
                versie=final.versie,
                cijfers=final.snapshot["cijfers"],
                inhoud=final.snapshot["inhoud"],
                definitief_op=final.definitief_op,
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
    """Make a report final: its PDF and a snapshot of all it shows become a new version.

    The preview and the PDF of a final report are made from the snapshot alone,
    so later changes to the record no longer change this version. Rendering
    happens first, outside the transaction (:func:`build_final_pdf`), then
    :func:`store_final_version` stores the result.
    """
    return store_final_version(final=build_final_pdf(rapportage=rapportage), user=user)


@transaction.atomic
def reopen_jaarrapportage(*, rapportage: Jaarrapportage, user, reden: str) -> Jaarrapportage:
    """Turn a final report into a new concept version; earlier versions and PDFs stay.

    Who reopened it, when and why is recorded on the version that was final.
    """
    rapportage = Jaarrapportage.objects.select_for_update().get(pk=rapportage.pk)
    if not rapportage.is_definitief:
        raise ValidationError(_("Only a final report can be reopened."), code="not_final")
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError(_("Say why the report is reopened."), code="reason_required")
    versie = rapportage.versies.order_by("-versie").first()
    if versie is not None:
        versie.heropend_op = timezone.now()
        versie.heropend_door = user if user and user.is_authenticated else None
        versie.heropend_reden = reden
        versie.save(update_fields=["heropend_op", "heropend_door", "heropend_reden"])
    rapportage.status = RapportStatus.CONCEPT
    rapportage.save(update_fields=["status", "updated_at"])
    return rapportage


# --- plan items and indicators (Bijlage 2) ---------------------------------------


@transaction.atomic
def save_planonderdeel(
    *,
    rapportage: Jaarrapportage,
    planonderdeel: Planonderdeel | None = None,
    expected_version: int | None = None,
    titel: str,
    doel: str = "",
    gewenst_resultaat: str = "",
    startsituatie: str = "",
    inzet_middelen: str = "",
    volgorde: int | None = None,
) -> Planonderdeel:
    """Create a plan item (at the end) or update one, refusing a stale edit (VersionConflict)."""
    _ensure_concept(rapportage)
    if planonderdeel is None:
        last = rapportage.planonderdelen.aggregate(last=Max("volgorde"))["last"] or 0
        planonderdeel = Planonderdeel(rapportage=rapportage, volgorde=last + 1)
    else:
        planonderdeel.expect_version(expected_version)
    if volgorde is not None:
        planonderdeel.volgorde = volgorde
    planonderdeel.titel = titel
    planonderdeel.doel = doel
    planonderdeel.gewenst_resultaat = gewenst_resultaat
    planonderdeel.startsituatie = startsituatie
    planonderdeel.inzet_middelen = inzet_middelen
    planonderdeel.save()
    return planonderdeel


@transaction.atomic
def delete_planonderdeel(*, planonderdeel: Planonderdeel) -> None:
    _ensure_concept(planonderdeel.rapportage)
    planonderdeel.delete()


@transaction.atomic
def save_indicator(
    *,
    planonderdeel: Planonderdeel,
    indicator: Indicator | None = None,
    expected_version: int | None = None,
    naam: str,
    meting: str,
    streefwaarde: Decimal,
    richting: str = Richting.HOGER,
    eenheid: str = "",
    handmatige_waarde: Decimal | None = None,
    bron: str = "",
) -> Indicator:
    """Create or update an indicator of a plan item, refusing a stale edit (VersionConflict).

    A computed measure (``meting``) ignores a value entered by hand; a manual
    one (empty ``meting``) needs its value and its source.
    """
    _ensure_concept(planonderdeel.rapportage)
    if meting:
        handmatige_waarde, bron = None, ""
    elif handmatige_waarde is None or not bron.strip():
        raise ValidationError(
            _("A result entered by hand needs a value and its source."), code="manual"
        )
    if indicator is None:
        indicator = Indicator(planonderdeel=planonderdeel)
    else:
        indicator.expect_version(expected_version)
    indicator.naam = naam
    indicator.meting = meting
    indicator.streefwaarde = streefwaarde
    indicator.richting = richting
    indicator.eenheid = eenheid
    indicator.handmatige_waarde = handmatige_waarde
    indicator.bron = bron.strip()
    indicator.save()
    return indicator


@transaction.atomic
def delete_indicator(*, indicator: Indicator) -> None:
    _ensure_concept(indicator.planonderdeel.rapportage)
    indicator.delete()


# --- PDFs made by the background worker ------------------------------------------

# The registers (core.datacache keys) the report's figures and texts are made from:
# a stored draft PDF is served again while none of them changed.
REPORT_DATA_KEYS = (
    "activiteiten",
    "initiatieven",
    "klussen",
    "uitvoerders",
    "signalen",
    "metingen",
    "wijken",
    "rapportage",
)
# PDF jobs one user may have waiting or running at once (the worker's time is shared).
MAX_UNFINISHED_PDF_JOBS = 3


class TooManyPdfJobs(ValidationError):
    """A user waits for the PDFs they queued before asking for more."""

    def __init__(self):
        super().__init__(
            _(
                "You already have %(count)d PDFs in the queue. Wait until one of them "
                "is ready, then try again."
            )
            % {"count": MAX_UNFINISHED_PDF_JOBS},
            code="too_many_jobs",
        )


@transaction.atomic
def request_pdf(*, rapportage: Jaarrapportage, soort: str, user) -> PdfOpdracht:
    """A PDF job for ``rapportage``, queued for the worker (rapportage.tasks).

    A draft whose data has not changed since its last PDF gets that job back
    (its stored file is served, nothing is rendered), and a job of the same kind
    still waiting or running is returned instead of a second one. Making a final
    version of a final report raises ReportIsFinal; a user who already has
    MAX_UNFINISHED_PDF_JOBS jobs waiting or running gets TooManyPdfJobs.
    """
    rapportage = Jaarrapportage.objects.select_for_update().get(pk=rapportage.pk)
    jobs = rapportage.pdf_opdrachten.filter(soort=soort)
    fingerprint = ""
    if soort == PdfSoort.DEFINITIEF:
        _ensure_concept(rapportage)
    else:
        fingerprint = data_fingerprint(keys=REPORT_DATA_KEYS)
        ready = jobs.filter(status=PdfStatus.KLAAR, vingerafdruk=fingerprint).exclude(pdf="")
        jobs = jobs.filter(vingerafdruk=fingerprint)
        done = ready.first()
        if done is not None and done.pdf.storage.exists(done.pdf.name):
            return done
    if (running := jobs.unfinished().first()) is not None:
        return running
    requester = user if user and user.is_authenticated else None
    if requester is not None:
        # The user's row is locked, so requests for other reports count in turn.
        get_user_model()._default_manager.select_for_update().get(pk=requester.pk)
        mine = PdfOpdracht.objects.filter(aangevraagd_door=requester).unfinished()
        if mine.count() >= MAX_UNFINISHED_PDF_JOBS:
            raise TooManyPdfJobs()
    job = PdfOpdracht.objects.create(
        rapportage=rapportage,
        soort=soort,
        vingerafdruk=fingerprint,
        aangevraagd_door=requester,
    )
    # The task row is written in this transaction too: no job without its task.
    from .tasks import make_report_pdf

    result = make_report_pdf.enqueue(job.pk)
    PdfOpdracht.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])
    job.refresh_from_db()
    return job


def _set_status(job: PdfOpdracht, status: str, **fields) -> None:
    """Record a step of a job at once (its own short write: the page polls it)."""
    for name, value in {"status": status, **fields}.items():
        setattr(job, name, value)
    job.save(update_fields=["status", "bijgewerkt_op", *fields])


def run_pdf_job(*, job_id: int) -> PdfOpdracht:
    """Make the PDF of a job (called by the worker): outside any transaction.

    A draft's PDF is stored with the job; a final version is rendered first
    (build_final_pdf) and then stored in one short transaction
    (store_final_version), so a failed render stores nothing. A failure is
    logged and recorded with a reason the progress page explains in Dutch.
    """
    job = PdfOpdracht.objects.select_related("rapportage", "aangevraagd_door").get(pk=job_id)
    if job.is_finished:
        return job

    def progress(step: str) -> None:
        _set_status(job, {"laying_out": PdfStatus.OPMAAK, "writing": PdfStatus.SCHRIJVEN}[step])

    _set_status(job, PdfStatus.CIJFERS)
    try:
        if job.soort == PdfSoort.DEFINITIEF:
            final = build_final_pdf(rapportage=job.rapportage, progress=progress)
            versie = store_final_version(final=final, user=job.aangevraagd_door)
            _set_status(job, PdfStatus.KLAAR, versie=versie)
        else:
            _html, pdf_bytes = render_report_pdf(job.rapportage, progress=progress)
            job.pdf.save(pdf_filename(job.rapportage), ContentFile(pdf_bytes), save=False)
            _set_status(job, PdfStatus.KLAAR, pdf=job.pdf.name)
    except ReportIsFinal:
        _set_status(job, PdfStatus.MISLUKT, fout="already_final")
    except Exception:
        logger.exception("PDF job %s (report %s) failed", job.pk, job.rapportage_id)
        _set_status(job, PdfStatus.MISLUKT, fout="render_failed")
    return job
