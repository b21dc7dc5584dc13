"""Abstract models and queryset pieces every register uses."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.sessions.base_session import AbstractBaseSession
from django.db import models
from django.db.models import Q
from django.http import QueryDict
from django.urls import reverse
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


class WorkerHeartbeat(models.Model):
    """The last sign of life of one background worker (``manage.py worker``).

    Each worker writes it every few seconds from a thread of its own, also while
    a long task runs. A job whose worker has not written for longer than
    ``WORKER_HEARTBEAT_MAX_AGE`` is taken as stopped (core.jobs).
    """

    worker_id = models.CharField(_("worker id"), max_length=64, primary_key=True)
    host = models.CharField(_("host"), max_length=255)
    pid = models.PositiveIntegerField(_("process id"))
    started_at = models.DateTimeField(_("started at"))
    last_seen = models.DateTimeField(_("last seen"), db_index=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")
        ordering = ["-last_seen"]

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.host})"


class ExportStatus(models.TextChoices):
    """The steps of an export made by the worker; ``klaar`` and ``mislukt`` end it."""

    WACHTRIJ = "wachtrij", _("queued")
    BEZIG = "bezig", _("writing the rows")
    KLAAR = "klaar", _("ready")
    MISLUKT = "mislukt", _("failed")


def export_upload_to(instance: ExportOpdracht, filename: str) -> str:
    return f"exports/{instance.pk or 'nieuw'}-{filename}"


class ExportOpdracht(models.Model):
    """A large export (XLSX, or a long CSV) made by the background worker.

    The worker rebuilds the list the user saw from ``view`` and ``query`` with
    that user's rights, writes the file and keeps it for ``EXPORT_MAX_AGE_HOURS``
    (core.jobs removes it afterwards). Only the user who asked for it sees it.
    """

    FINISHED = (ExportStatus.KLAAR, ExportStatus.MISLUKT)

    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    naam = models.CharField(_("name"), max_length=100)
    view = models.CharField(_("list view"), max_length=200)
    view_kwargs = models.JSONField(_("list view arguments"), default=dict, blank=True)
    pad = models.CharField(_("path"), max_length=300)
    query = models.TextField(_("filters"), blank=True)
    formaat = models.CharField(_("format"), max_length=10)
    status = models.CharField(
        _("status"), max_length=20, choices=ExportStatus.choices, default=ExportStatus.WACHTRIJ
    )
    aangevraagd_op = models.DateTimeField(_("requested at"), auto_now_add=True, db_index=True)
    bijgewerkt_op = models.DateTimeField(_("updated at"), auto_now=True)
    task_id = models.CharField(_("task id"), max_length=64, blank=True)
    bestandsnaam = models.CharField(_("file name"), max_length=100, blank=True)
    bestand = models.FileField(_("file"), upload_to=export_upload_to, blank=True)
    rijen = models.PositiveIntegerField(_("rows"), default=0)
    fout = models.CharField(
        _("reason for failing"),
        max_length=30,
        blank=True,
        help_text=_("A code for the message shown; details go to the log only."),
    )

    class Meta:
        verbose_name = _("export job")
        verbose_name_plural = _("export jobs")
        ordering = ["-aangevraagd_op", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=ExportStatus.MISLUKT) | ~Q(fout=""),
                name="core_exportopdracht_failed_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("export_opdracht", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED

    @property
    def step(self) -> int:
        """1–3 for queued, writing, ready (for the progress bar); 0 when failed."""
        order = [ExportStatus.WACHTRIJ, ExportStatus.BEZIG, ExportStatus.KLAAR]
        return order.index(self.status) + 1 if self.status in order else 0

    @property
    def retry_url(self) -> str:
        """The export's own address again, with the same filters."""
        query = QueryDict(self.query, mutable=True)
        query["format"] = self.formaat
        return f"{self.pad}?{query.urlencode()}"
