"""Abstract models and queryset pieces every register uses."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """Adds creation and modification timestamps."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True, editable=False)

    class Meta:
        abstract = True


def active_on_q(date: datetime.date, *, prefix: str = "") -> Q:
    """ "Active on ``date``": started on or before it and not ended before it.

    The one definition for every record with ``startdatum`` and an optional
    ``einddatum`` (staff, workers, capacity periods); ``prefix`` reaches them
    through a relation (e.g. ``"medewerker__"``).
    """
    return Q(**{f"{prefix}startdatum__lte": date}) & (
        Q(**{f"{prefix}einddatum__isnull": True}) | Q(**{f"{prefix}einddatum__gte": date})
    )


def overlaps_q(start: datetime.date, end: datetime.date | None) -> Q:
    """Active on at least one day of [start, end] (``end`` None: open-ended)."""
    condition = Q(einddatum__isnull=True) | Q(einddatum__gte=start)
    if end is not None:
        condition &= Q(startdatum__lte=end)
    return condition


class DatedQuerySet(models.QuerySet):
    """For models with ``startdatum`` and an optional ``einddatum``."""

    def active_on(self, date: datetime.date):
        return self.filter(active_on_q(date))

    def overlapping(self, start: datetime.date, end: datetime.date | None):
        return self.filter(overlaps_q(start, end))


class DatedModel(models.Model):
    """``is_active_on`` for models with ``startdatum`` and an optional ``einddatum``."""

    class Meta:
        abstract = True

    def is_active_on(self, date: datetime.date) -> bool:
        return self.startdatum <= date and (self.einddatum is None or self.einddatum >= date)


def choice_label(choices, value: str) -> str:
    """The label of ``value`` in a TextChoices class; the value itself when unknown
    (e.g. a choice that was removed after it was stored)."""
    try:
        return str(choices(value).label)
    except ValueError:
        return value


class FormSubmission(models.Model):
    """One use of a create form's one-time token (see core.onetime): it saves once."""

    token = models.CharField(_("token"), max_length=64)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    result_url = models.CharField(_("saved record"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["token"], name="core_formsubmission_unique_token")
        ]

    def __str__(self) -> str:
        return self.token


class DataVersion(models.Model):
    """A token that changes on every write to a register (see core.datacache).

    Cached figures are stored under the tokens of the registers they read, so a
    write anywhere makes every process (gunicorn worker, machine) miss them.
    """

    key = models.CharField(_("key"), max_length=50, primary_key=True)
    token = models.CharField(_("token"), max_length=32)

    class Meta:
        verbose_name = _("data version")
        verbose_name_plural = _("data versions")
        ordering = ["key"]

    def __str__(self) -> str:
        return f"{self.key}: {self.token}"


class AccountSession(AbstractBaseSession):
    """A login session (core.sessions) with the account it belongs to, if any."""

    account_id = models.IntegerField(_("account"), null=True, blank=True, db_index=True)

    class Meta(AbstractBaseSession.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    @classmethod
    def get_session_store_class(cls):
        from .sessions import SessionStore

        return SessionStore
