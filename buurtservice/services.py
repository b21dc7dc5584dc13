"""Writes that change a job's status: intake, planning, completing, cancelling.

Every function validates everything first and raises ``ValidationError`` with a
Dutch (translated) message before touching the database, and runs in one
transaction, so a refused change leaves nothing half-saved.

Status flow: intake puts a job straight on the waiting list (``wachtlijst``);
the status ``aangemeld`` is kept for jobs entered by other means (e.g. the
admin) and is treated like ``wachtlijst``. Then ``ingepland`` (may be
re-planned), and finally ``uitgevoerd`` or ``geannuleerd``, after which the
job is closed for good. Every change is recorded as a dated
``KlusStatusWijziging`` with the user who made it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.concurrency import VersionConflict
from core.datacache import bump

from .choices import KlusStatus
from .models import (
    MAX_HOURS_PER_JOB,
    REQUESTER_FIELDS,
    Capaciteit,
    Inzet,
    Klus,
    KlusStatusWijziging,
    Uitvoerder,
)

# Erased with the requester: their details and the free texts that may describe them.
ERASED_FIELDS = (*REQUESTER_FIELDS, "omschrijving", "annuleringsreden")
PLAN_GRACE_DAYS = 7


def _fmt(date: datetime.date) -> str:
    return f"{date:%d-%m-%Y}"


def _locked(klus: Klus) -> Klus:
    """The job re-read from the database and locked for this transaction."""
    return Klus.objects.select_for_update().get(pk=klus.pk)


def _record(klus: Klus, status: str, datum: datetime.date, door) -> KlusStatusWijziging:
    return KlusStatusWijziging.objects.create(klus=klus, status=status, datum=datum, door=door)


def _refuse_closed(klus: Klus, message: str) -> None:
    if klus.status in KlusStatus.closed():
        raise ValidationError(message, code="closed")


@transaction.atomic
def register_klus(
    *,
    door,
    wijk,
    soort: str,
    verwijzer: str,
    aanvraagdatum: datetime.date,
    omschrijving: str = "",
    aanvrager_naam: str = "",
    aanvrager_adres: str = "",
    aanvrager_telefoon: str = "",
    today: datetime.date | None = None,
) -> Klus:
    """Take in a job: it goes straight onto the waiting list."""
    today = today or timezone.localdate()
    if aanvraagdatum > today:
        raise ValidationError(
            {"aanvraagdatum": _("The request date cannot be in the future.")}, code="future"
        )
    klus = Klus(
        wijk=wijk,
        soort=soort,
        verwijzer=verwijzer,
        aanvraagdatum=aanvraagdatum,
        omschrijving=omschrijving,
        aanvrager_naam=aanvrager_naam.strip(),
        aanvrager_adres=aanvrager_adres.strip(),
        aanvrager_telefoon=aanvrager_telefoon.strip(),
        status=KlusStatus.WACHTLIJST,
    )
    klus.full_clean()
    klus.save()
    _record(klus, KlusStatus.WACHTLIJST, aanvraagdatum, door)
    return klus


@transaction.atomic
def plan_klus(
    *,
    klus: Klus,
    datum: datetime.date,
    uitvoerders: Iterable[Uitvoerder],
    door,
    today: datetime.date | None = None,
) -> Klus:
    """Plan (or re-plan) an open job on ``datum`` with ``uitvoerders``."""
    today = today or timezone.localdate()
    klus = _locked(klus)
    uitvoerders = list(uitvoerders)
    _refuse_closed(klus, _("A job that is done or cancelled cannot be planned again."))
    errors: dict[str, list[str]] = {"datum": [], "uitvoerders": []}
    if datum < klus.aanvraagdatum:
        errors["datum"].append(
            _("The planned date cannot be before the request date (%(date)s).")
            % {"date": _fmt(klus.aanvraagdatum)}
        )
    if datum < today - datetime.timedelta(days=PLAN_GRACE_DAYS):
        errors["datum"].append(_("The planned date cannot be more than a week in the past."))
    if not uitvoerders:
        errors["uitvoerders"].append(_("Choose at least one worker."))
    for uitvoerder in uitvoerders:
        if not uitvoerder.is_active_on(datum):
            errors["uitvoerders"].append(
                _("%(name)s does not work at Buurtservice on %(date)s.")
                % {"name": uitvoerder, "date": _fmt(datum)}
            )
    errors = {field: messages for field, messages in errors.items() if messages}
    if errors:
        raise ValidationError(errors, code="invalid")

    wanted = {u.pk for u in uitvoerders}
    klus.inzet.exclude(uitvoerder_id__in=wanted).delete()
    present = set(klus.inzet.values_list("uitvoerder_id", flat=True))
    Inzet.objects.bulk_create(
        [Inzet(klus=klus, uitvoerder_id=pk) for pk in sorted(wanted - present)]
    )
    klus.gepland_op = datum
    klus.status = KlusStatus.INGEPLAND
    klus.save(update_fields=["gepland_op", "status", "updated_at"])
    # Dated today, or on the planned day when planning afterwards (so the history
    # never shows a job done before it was planned).
    _record(klus, KlusStatus.INGEPLAND, min(today, datum), door)
    return klus


@transaction.atomic
def complete_klus(
    *,
    klus: Klus,
    datum: datetime.date,
    uren: Mapping[int, Decimal | None],
    door,
    today: datetime.date | None = None,
) -> Klus:
    """Record a planned job as done on ``datum`` with the hours per assigned worker.

    Any date from the request date up to today will do, whatever the planned date:
    a job is often done earlier than planned, or the planned date was a guess.
    ``uren`` maps the pk of each assigned Uitvoerder to the hours they worked.
    """
    today = today or timezone.localdate()
    klus = _locked(klus)
    _refuse_closed(klus, _("This job is already done or cancelled."))
    if klus.status != KlusStatus.INGEPLAND or klus.gepland_op is None:
        raise ValidationError(_("Plan the job before recording it as done."), code="not_planned")
    assignments = list(klus.inzet.select_related("uitvoerder"))
    if not assignments:
        raise ValidationError(_("No workers are assigned to this job."), code="no_workers")

    errors: dict[str, list[str]] = {"datum": [], "uren": []}
    if datum < klus.aanvraagdatum:
        errors["datum"].append(
            _("A job cannot be done before its request date (%(date)s).")
            % {"date": _fmt(klus.aanvraagdatum)}
        )
    if datum > today:
        errors["datum"].append(_("The date done cannot be in the future."))
    assigned = {inzet.uitvoerder_id for inzet in assignments}
    if set(uren) - assigned:
        errors["uren"].append(_("Hours were given for a worker who is not assigned to this job."))
    for inzet in assignments:
        hours = uren.get(inzet.uitvoerder_id)
        if hours is None:
            errors["uren"].append(_("Fill in the hours of %(name)s.") % {"name": inzet.uitvoerder})
        elif hours <= 0 or hours > MAX_HOURS_PER_JOB:
            errors["uren"].append(
                _("The hours of %(name)s must be more than 0 and at most 24.")
                % {"name": inzet.uitvoerder}
            )
    errors = {field: messages for field, messages in errors.items() if messages}
    if errors:
        raise ValidationError(errors, code="invalid")

    for inzet in assignments:
        inzet.uren = uren[inzet.uitvoerder_id]
    Inzet.objects.bulk_update(assignments, ["uren"])
    bump("uitvoerders")  # bulk_update sends no signal: cached hours must go
    klus.uitgevoerd_op = datum
    klus.status = KlusStatus.UITGEVOERD
    klus.save(update_fields=["uitgevoerd_op", "status", "updated_at"])
    # Done before the day its planning was recorded (entered afterwards): it was
    # planned by the day it was done at the latest, so the history keeps its order.
    klus.statuswijzigingen.filter(status=KlusStatus.INGEPLAND, datum__gt=datum).update(datum=datum)
    _record(klus, KlusStatus.UITGEVOERD, datum, door)
    return klus


@transaction.atomic
def cancel_klus(
    *,
    klus: Klus,
    reden: str,
    door,
    datum: datetime.date | None = None,
    today: datetime.date | None = None,
) -> Klus:
    """Cancel an open job; a reason is required."""
    today = today or timezone.localdate()
    datum = datum or today
    klus = _locked(klus)
    _refuse_closed(klus, _("This job is already done or cancelled."))
    errors: dict[str, list[str]] = {"reden": [], "datum": []}
    if not reden.strip():
        errors["reden"].append(_("Give the reason for cancelling."))
    if datum < klus.aanvraagdatum:
        errors["datum"].append(
            _("A job cannot be cancelled before its request date (%(date)s).")
            % {"date": _fmt(klus.aanvraagdatum)}
        )
    if datum > today:
        errors["datum"].append(_("The cancellation date cannot be in the future."))
    errors = {field: messages for field, messages in errors.items() if messages}
    if errors:
        raise ValidationError(errors, code="invalid")

    klus.geannuleerd_op = datum
    klus.annuleringsreden = reden.strip()
    klus.status = KlusStatus.GEANNULEERD
    klus.save(update_fields=["geannuleerd_op", "annuleringsreden", "status", "updated_at"])
    _record(klus, KlusStatus.GEANNULEERD, datum, door)
    return klus


# The note in a job's history when its hours were corrected (translated when shown).
HOURS_CORRECTED = gettext_noop("Hours corrected")


def _hours_errors(assignments: list[Inzet], uren: Mapping[int, Decimal | None]) -> list[str]:
    errors = []
    for inzet in assignments:
        hours = uren.get(inzet.uitvoerder_id)
        if hours is not None and (hours <= 0 or hours > MAX_HOURS_PER_JOB):
            errors.append(
                _("The hours of %(name)s must be more than 0 and at most 24.")
                % {"name": inzet.uitvoerder}
            )
    return errors


@transaction.atomic
def correct_done_klus(
    *,
    klus: Klus,
    expected_version: int | None,
    datum: datetime.date,
    uren: Mapping[int, Decimal | None],
    today: datetime.date | None = None,
) -> Klus:
    """Correct the date and the hours of a job that is done.

    A worker whose hours are left empty was not there after all: their assignment
    is removed. At least one worker keeps hours. Each assignment's history and the
    job's (with the note "Hours corrected") record who changed what.
    """
    today = today or timezone.localdate()
    if expected_version is not None:
        klus.expect_version(expected_version)
    locked = _locked(klus)
    if expected_version is not None and locked.version != expected_version:
        raise VersionConflict()
    if locked.status != KlusStatus.UITGEVOERD:
        raise ValidationError(_("Only the hours of a job that is done can be corrected."))
    assignments = list(locked.inzet.select_related("uitvoerder"))
    errors: dict[str, list[str]] = {"datum": [], "uren": _hours_errors(assignments, uren)}
    if datum < locked.aanvraagdatum:
        errors["datum"].append(
            _("A job cannot be done before its request date (%(date)s).")
            % {"date": _fmt(locked.aanvraagdatum)}
        )
    if datum > today:
        errors["datum"].append(_("The date done cannot be in the future."))
    if set(uren) - {inzet.uitvoerder_id for inzet in assignments}:
        errors["uren"].append(_("Hours were given for a worker who is not assigned to this job."))
    if not any(uren.get(inzet.uitvoerder_id) is not None for inzet in assignments):
        errors["uren"].append(_("A job that is done has at least one worker with hours."))
    errors = {field: messages for field, messages in errors.items() if messages}
    if errors:
        raise ValidationError(errors, code="invalid")

    for inzet in assignments:
        hours = uren.get(inzet.uitvoerder_id)
        if hours is None:
            inzet.delete()
        elif hours != inzet.uren:
            inzet.uren = hours
            inzet.save()  # one by one: each change gets its history row
    klus.uitgevoerd_op = datum
    klus._change_reason = HOURS_CORRECTED
    klus.save()  # a full save: the version check, and the job's own history row
    klus.statuswijzigingen.filter(status=KlusStatus.UITGEVOERD).update(datum=datum)
    klus.statuswijzigingen.filter(status=KlusStatus.INGEPLAND, datum__gt=datum).update(datum=datum)
    return klus


@transaction.atomic
def reopen_klus(
    *,
    klus: Klus,
    reden: str,
    door,
    today: datetime.date | None = None,
) -> Klus:
    """Take a job that was recorded as done or cancelled by mistake back.

    A job that was done goes back to planned: its date done and the workers' hours
    are cleared (they count only for jobs that are done). A cancelled job goes back
    to the status it had before: planned (if it was) or the waiting list. The status
    history keeps the step with who did it and why.
    """
    today = today or timezone.localdate()
    klus = _locked(klus)
    if klus.status not in KlusStatus.closed():
        raise ValidationError(
            _("Only a job that is done or cancelled can be reopened."), code="not_closed"
        )
    if not reden.strip():
        raise ValidationError({"reden": _("Give the reason for reopening.")}, code="invalid")
    if klus.status == KlusStatus.UITGEVOERD:
        for inzet in klus.inzet.all():
            inzet.uren = None
            inzet.save()
        status = KlusStatus.INGEPLAND
    else:
        planned = klus.gepland_op is not None and klus.inzet.exists()
        status = KlusStatus.INGEPLAND if planned else KlusStatus.WACHTLIJST
    klus.uitgevoerd_op = klus.geannuleerd_op = None
    klus.annuleringsreden = ""
    klus.status = status
    klus.save(
        update_fields=[
            "uitgevoerd_op",
            "geannuleerd_op",
            "annuleringsreden",
            "status",
            "updated_at",
        ]
    )
    KlusStatusWijziging.objects.create(
        klus=klus, status=status, datum=today, door=door, toelichting=reden.strip()
    )
    return klus


@transaction.atomic
def delete_klus(*, klus: Klus) -> None:
    """Remove a job entered by mistake; its history (without the requester's personal
    data, which must not outlive the job) keeps it restorable."""
    klus.delete()


@transaction.atomic
def delete_uitvoerder(*, uitvoerder: Uitvoerder) -> None:
    """Remove a worker entered by mistake. One who worked on jobs is refused: the
    jobs' hours and the yearly figures need them; they get an end date instead."""
    if uitvoerder.inzet.exists():
        raise ValidationError(
            _(
                "%(name)s is assigned to jobs, so the figures need this record. "
                "Give an end date instead, or take them off those jobs first."
            )
            % {"name": uitvoerder},
            code="protected",
        )
    uitvoerder.delete()


def _save(record, *, expected_version: int | None) -> None:
    """Validate and save ``record``, refusing a stale version (VersionConflict)."""
    record.full_clean()
    if expected_version is not None:
        record.expect_version(expected_version)
    record.save()


@transaction.atomic
def update_klus(
    *,
    klus: Klus,
    expected_version: int | None,
    aanvraagdatum: datetime.date,
    wijk,
    soort: str,
    verwijzer: str,
    omschrijving: str = "",
    aanvrager_naam: str | None = None,
    aanvrager_adres: str | None = None,
    aanvrager_telefoon: str | None = None,
) -> Klus:
    """Correct a job's intake data. The requester's data is only changed when given
    (None: left as it is, e.g. for a user who may not see it)."""
    klus.aanvraagdatum = aanvraagdatum
    klus.wijk = wijk
    klus.soort = soort
    klus.verwijzer = verwijzer
    klus.omschrijving = omschrijving
    requester = {
        "aanvrager_naam": aanvrager_naam,
        "aanvrager_adres": aanvrager_adres,
        "aanvrager_telefoon": aanvrager_telefoon,
    }
    for field, value in requester.items():
        if value is not None:
            setattr(klus, field, value.strip())
    _save(klus, expected_version=expected_version)
    return klus


@transaction.atomic
def save_uitvoerder(
    *,
    uitvoerder: Uitvoerder | None,
    expected_version: int | None = None,
    naam: str,
    soort: str,
    herkomst: str,
    startdatum: datetime.date,
    einddatum: datetime.date | None = None,
    uitstroom: str = "",
    notities: str = "",
) -> Uitvoerder:
    """Add a worker (``uitvoerder`` None) or change one."""
    uitvoerder = uitvoerder or Uitvoerder()
    uitvoerder.naam = naam
    uitvoerder.soort = soort
    uitvoerder.herkomst = herkomst
    uitvoerder.startdatum = startdatum
    uitvoerder.einddatum = einddatum
    uitvoerder.uitstroom = uitstroom
    uitvoerder.notities = notities
    _save(uitvoerder, expected_version=expected_version)
    return uitvoerder


@transaction.atomic
def save_capaciteit(
    *,
    capaciteit: Capaciteit | None,
    expected_version: int | None = None,
    uren_per_week: Decimal,
    startdatum: datetime.date,
    einddatum: datetime.date | None = None,
    omschrijving: str = "",
) -> Capaciteit:
    """Add a capacity period (``capaciteit`` None) or change one; periods never overlap."""
    # Serialise capacity writes, so two overlapping periods cannot both pass the check.
    list(Capaciteit.objects.select_for_update().values_list("pk", flat=True))
    capaciteit = capaciteit or Capaciteit()
    capaciteit.uren_per_week = uren_per_week
    capaciteit.startdatum = startdatum
    capaciteit.einddatum = einddatum
    capaciteit.omschrijving = omschrijving
    _save(capaciteit, expected_version=expected_version)
    return capaciteit


def retention_cutoff(*, today: datetime.date, months: int) -> datetime.date:
    """``today`` minus ``months`` calendar months (clamped to the month's last day)."""
    month_index = today.year * 12 + (today.month - 1) - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = datetime.date(year + (month == 12), month % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(today.day, last_day))


def requesters_to_anonymise(*, cutoff: datetime.date):
    """Jobs closed before ``cutoff`` whose requester data has not been blanked yet."""
    return Klus.objects.closed_before(cutoff).not_anonymised()


@transaction.atomic
def anonymise_requesters(*, cutoff: datetime.date, dry_run: bool = False) -> int:
    """Blank the requester data of jobs closed before ``cutoff``; keep the jobs.

    Returns the number of jobs (that would be) anonymised. Idempotent: jobs
    already anonymised are left alone.
    """
    jobs = requesters_to_anonymise(cutoff=cutoff)
    if dry_run:
        return jobs.count()
    return blank_requester_data(jobs)


def blank_requester_data(jobs) -> int:
    """Erase what ``jobs`` say about their requester, also in the audit trail; the jobs stay.

    Name, address and phone are blanked, and so are the free texts that may
    describe the requester (description, reasons for cancelling and reopening), in the jobs
    and in every historical copy of them: erased means gone from the history
    pages, the admin's history and every backup made afterwards. Shared by the
    retention run and by erasure on request (``avg_wissen``).
    """
    now = timezone.now()
    ids = list(jobs.order_by().values_list("pk", flat=True))
    blank = dict.fromkeys(ERASED_FIELDS, "")
    count = Klus.objects.filter(pk__in=ids).update(**blank, geanonimiseerd_op=now, updated_at=now)
    # update() sends no signal: without a new token, cached rows of the lists
    # (the waiting list shows the requester's name) would keep the erased data.
    bump("klussen")
    history = Klus.history.model
    in_history = {name: "" for name in ERASED_FIELDS if _has_field(history, name)}
    if in_history:
        Klus.history.filter(id__in=ids).update(**in_history)
    # Why a job was reopened is free text as well.
    KlusStatusWijziging.objects.filter(klus_id__in=ids).update(toelichting="")
    KlusStatusWijziging.history.filter(klus_id__in=ids).update(toelichting="")
    return count


def _has_field(model, name: str) -> bool:
    return any(field.name == name for field in model._meta.get_fields())


def jobs_of_requester(*, naam: str = "", adres: str = ""):
    """Jobs whose requester has exactly this name and/or address (case-insensitive).

    Both given: both must match. Neither given: no jobs (never "everyone").
    """
    naam, adres = naam.strip(), adres.strip()
    if not (naam or adres):
        return Klus.objects.none()
    jobs = Klus.objects.all()
    if naam:
        jobs = jobs.filter(aanvrager_naam__iexact=naam)
    if adres:
        jobs = jobs.filter(aanvrager_adres__iexact=adres)
    return jobs.order_by("aanvraagdatum", "pk")


@transaction.atomic
def erase_requester(*, naam: str = "", adres: str = "", dry_run: bool = False) -> int:
    """Erase one requester's personal data from all their jobs (AVG, on request).

    Returns the number of jobs (that would be) changed; the jobs stay for the figures.
    """
    jobs = jobs_of_requester(naam=naam, adres=adres)
    if dry_run:
        return jobs.count()
    return blank_requester_data(jobs.order_by())
