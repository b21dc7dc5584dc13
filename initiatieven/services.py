"""Every write of the initiatives register: plain data in, one transaction each.

A change that loses the race to someone else's (an ``expected_version`` that is
no longer the stored one) raises ``VersionConflict`` and writes nothing; a
duplicate that only the database sees (two people saving at the same moment)
raises a field-keyed ``ValidationError``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from wijken.models import Medewerker, Organisatie, Thema, Wijk

from .choices import InitiatiefStatus
from .models import Deelnametelling, Financieringsaanvraag, Initiatief, StatusWijziging


def _save(record, *, expected_version: int | None = None, duplicate: dict[str, str]) -> None:
    """Save ``record`` (refusing a stale version); a unique constraint the database
    enforces becomes the ValidationError ``duplicate`` ({field: message})."""
    if expected_version is not None:
        record.expect_version(expected_version)
    try:
        with transaction.atomic():
            record.save()
    except IntegrityError as error:
        raise ValidationError(duplicate, code="duplicate") from error


def _duplicate_name() -> dict[str, str]:
    return {"naam": _("This district already has an initiative with this name.")}


@transaction.atomic
def create_initiatief(
    *,
    naam: str,
    wijk: Wijk,
    status: str,
    datum: datetime.date,
    door: AbstractBaseUser | None,
    omschrijving: str = "",
    initiatiefnemers: str = "",
    aantal_initiatiefnemers: int | None = None,
    themas: Iterable[Thema] = (),
    ondersteuners: Iterable[Medewerker] = (),
    partners: Iterable[Organisatie] = (),
) -> Initiatief:
    """Save a new initiative with its relations and its first, dated status."""
    initiatief = update_initiatief(
        initiatief=Initiatief(status=status),
        expected_version=None,
        naam=naam,
        wijk=wijk,
        omschrijving=omschrijving,
        initiatiefnemers=initiatiefnemers,
        aantal_initiatiefnemers=aantal_initiatiefnemers,
        themas=themas,
        ondersteuners=ondersteuners,
        partners=partners,
    )
    StatusWijziging.objects.create(
        initiatief=initiatief,
        status=status,
        datum=datum,
        door=door,
        toelichting=_("Registered"),
    )
    return initiatief


@transaction.atomic
def change_status(
    *,
    initiatief: Initiatief,
    status: str,
    datum: datetime.date,
    door: AbstractBaseUser | None,
    toelichting: str = "",
) -> StatusWijziging:
    """Record a dated status change and make it the initiative's current status.

    The current status is the one of the latest change (by date, then by order
    of entry), so the history and ``Initiatief.status`` never disagree.
    """
    if status not in InitiatiefStatus.values:
        raise ValidationError(_("Unknown status."), code="invalid_status")
    # Lock the row so two simultaneous changes cannot leave a stale status.
    locked = Initiatief.objects.select_for_update().get(pk=initiatief.pk)
    wijziging = StatusWijziging.objects.create(
        initiatief=locked, status=status, datum=datum, door=door, toelichting=toelichting
    )
    locked.sync_status_from_history()
    initiatief.status = locked.status
    return wijziging


@transaction.atomic
def update_initiatief(
    *,
    initiatief: Initiatief,
    expected_version: int | None,
    naam: str,
    wijk: Wijk,
    omschrijving: str = "",
    initiatiefnemers: str = "",
    aantal_initiatiefnemers: int | None = None,
    themas: Iterable[Thema] = (),
    ondersteuners: Iterable[Medewerker] = (),
    partners: Iterable[Organisatie] = (),
) -> Initiatief:
    """Change what an initiative is, where and with whom (its status has its own
    service); an unsaved ``initiatief`` is added."""
    initiatief.naam = naam
    initiatief.wijk = wijk
    initiatief.omschrijving = omschrijving
    initiatief.initiatiefnemers = initiatiefnemers
    initiatief.aantal_initiatiefnemers = aantal_initiatiefnemers
    _save(initiatief, expected_version=expected_version, duplicate=_duplicate_name())
    initiatief.themas.set(themas)
    initiatief.ondersteuners.set(ondersteuners)
    initiatief.partners.set(partners)
    return initiatief


@transaction.atomic
def update_veranderverhaal(
    *,
    initiatief: Initiatief,
    expected_version: int | None,
    doelgroep: str,
    aanpak: str,
    directe_effecten: str,
    indirecte_bijdrage: str,
) -> Initiatief:
    """Save the four blocks of an initiative's veranderverhaal."""
    initiatief.doelgroep = doelgroep
    initiatief.aanpak = aanpak
    initiatief.directe_effecten = directe_effecten
    initiatief.indirecte_bijdrage = indirecte_bijdrage
    _save(initiatief, expected_version=expected_version, duplicate=_duplicate_name())
    return initiatief


@transaction.atomic
def save_financieringsaanvraag(
    *,
    initiatief: Initiatief,
    aanvraag: Financieringsaanvraag | None = None,
    expected_version: int | None = None,
    fonds: str,
    bedrag: Decimal,
    aangevraagd_op: datetime.date,
    status: str,
    besluit_op: datetime.date | None = None,
) -> Financieringsaanvraag:
    """Record a funding application of ``initiatief`` (new when ``aanvraag`` is None)."""
    if aanvraag is None:
        aanvraag = Financieringsaanvraag(initiatief=initiatief)
    elif aanvraag.initiatief_id != initiatief.pk:
        raise ValueError("the application belongs to another initiative")
    aanvraag.fonds = fonds
    aanvraag.bedrag = bedrag
    aanvraag.aangevraagd_op = aangevraagd_op
    aanvraag.status = status
    aanvraag.besluit_op = besluit_op
    _save(
        aanvraag,
        expected_version=expected_version,
        duplicate={"__all__": _("The application could not be saved; check the dates.")},
    )
    return aanvraag


@transaction.atomic
def add_telling(
    *, initiatief: Initiatief, datum: datetime.date, vrijwilligers: int, deelnemers: int
) -> Deelnametelling:
    """Record the volunteers and participants of ``initiatief`` on ``datum`` (one per day)."""
    telling = Deelnametelling(
        initiatief=initiatief, datum=datum, vrijwilligers=vrijwilligers, deelnemers=deelnemers
    )
    _save(
        telling,
        duplicate={"datum": _("There is already a count for this initiative on this date.")},
    )
    return telling


@transaction.atomic
def update_telling(
    *,
    telling: Deelnametelling,
    expected_version: int | None,
    datum: datetime.date,
    vrijwilligers: int,
    deelnemers: int,
) -> Deelnametelling:
    """Correct a count (its date and numbers), refusing a stale version."""
    telling.datum = datum
    telling.vrijwilligers = vrijwilligers
    telling.deelnemers = deelnemers
    _save(
        telling,
        expected_version=expected_version,
        duplicate={"datum": _("There is already a count for this initiative on this date.")},
    )
    return telling


@transaction.atomic
def delete_telling(*, telling: Deelnametelling) -> None:
    """Remove a count; its history keeps it restorable."""
    telling.delete()


@transaction.atomic
def delete_financieringsaanvraag(*, aanvraag: Financieringsaanvraag) -> None:
    """Remove a funding application; its history keeps it restorable."""
    aanvraag.delete()


@transaction.atomic
def delete_initiatief(*, initiatief: Initiatief) -> None:
    """Remove an initiative with its status history, applications and counts.

    Questionnaires hold residents' answers that no history keeps: an initiative
    that still has one is refused, so those answers are never lost on the way.
    """
    if initiatief.vragenlijsten.exists():
        raise ValidationError(
            _(
                "This initiative has questionnaires. Remove them first, or keep the "
                "initiative and change its status."
            ),
            code="protected",
        )
    initiatief.delete()


@transaction.atomic
def delete_statuswijziging(*, wijziging: StatusWijziging) -> None:
    """Remove a status step entered by mistake; the initiative's status becomes the
    one of its latest remaining step. The first step cannot go: every initiative has
    a status since a date."""
    initiatief = Initiatief.objects.select_for_update().get(pk=wijziging.initiatief_id)
    if not initiatief.statuswijzigingen.exclude(pk=wijziging.pk).exists():
        raise ValidationError(
            _("This is the initiative's only status step. Change the status instead."),
            code="only_step",
        )
    wijziging.delete()
    initiatief.sync_status_from_history()
