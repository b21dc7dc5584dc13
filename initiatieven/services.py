"""Writes that touch more than one model of the initiatives register."""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .choices import InitiatiefStatus
from .models import Initiatief, StatusWijziging


@transaction.atomic
def create_initiatief(
    *,
    initiatief: Initiatief,
    status: str,
    datum: datetime.date,
    door: AbstractBaseUser | None,
    themas=(),
    ondersteuners=(),
    partners=(),
) -> Initiatief:
    """Save a new initiative with its relations and its first, dated status."""
    initiatief.status = status
    initiatief.save()
    initiatief.themas.set(themas)
    initiatief.ondersteuners.set(ondersteuners)
    initiatief.partners.set(partners)
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
