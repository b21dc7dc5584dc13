"""Questionnaires that residents answer anonymously, and what was made of the results
(seed 004: from the veranderverhaal to statements, results read together)."""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import VersionedModel
from core.models import TimeStampedModel
from core.visibility import GebiedScopedQuerySet

from .choices import Schaal

EARLIEST = datetime.date(2000, 1, 1)
# The duidingsvragen of seed 004, as fields of Duiding, in the order they are asked.
DUIDING_FIELDS = ["herkenning", "verklaring", "waardering", "betekenis", "acties"]
TOKEN_BYTES = 12


def new_token() -> str:
    """The unguessable part of a questionnaire's public link."""
    return secrets.token_urlsafe(TOKEN_BYTES)


class VragenlijstQuerySet(GebiedScopedQuerySet):
    view_permission = "metingen.view_vragenlijst"
    gebied_path = "initiatief__wijk__gebied"

    def editable_by(self, user):
        if not user.has_perm("metingen.change_vragenlijst"):
            return self.none()
        return self.visible_to(user)

    def for_year(self, year: int):
        return self.filter(startdatum__year=year)


class Vragenlijst(VersionedModel, TimeStampedModel):
    """A short questionnaire about one initiative, answered through a public link."""

    initiatief = models.ForeignKey(
        "initiatieven.Initiatief",
        verbose_name=_("initiative"),
        on_delete=models.PROTECT,
        related_name="vragenlijsten",
    )
    titel = models.CharField(_("title"), max_length=200)
    inleiding = models.TextField(
        _("introduction for residents"),
        blank=True,
        help_text=_("A few words above the questions: who asks, and why."),
    )
    open_vraag = models.CharField(_("open question"), max_length=300)
    token = models.CharField(
        _("link code"), max_length=40, unique=True, default=new_token, editable=False
    )
    is_open = models.BooleanField(_("open for answers"), default=True)
    startdatum = models.DateField(_("start date"))
    gesloten_op = models.DateField(_("closed on"), null=True, blank=True)
    codes_uitgegeven = models.PositiveIntegerField(
        _("answer codes issued"),
        default=0,
        editable=False,
        help_text=_("How many one-time answer codes were printed for residents."),
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = VragenlijstQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["-startdatum", "titel"]
        constraints = [
            models.CheckConstraint(
                condition=Q(startdatum__gte=EARLIEST),
                name="metingen_vragenlijst_start_after_2000",
            ),
            models.CheckConstraint(
                condition=Q(gesloten_op__isnull=True) | Q(gesloten_op__gte=models.F("startdatum")),
                name="metingen_vragenlijst_closed_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.titel} ({self.initiatief})"

    def get_absolute_url(self) -> str:
        return reverse("metingen:vragenlijst_detail", args=[self.pk])

    def get_public_path(self) -> str:
        return reverse("metingen_public:invullen", args=[self.token])


class Stelling(models.Model):
    """A statement residents answer on the five-point scale."""

    vragenlijst = models.ForeignKey(
        Vragenlijst,
        verbose_name=_("questionnaire"),
        on_delete=models.CASCADE,
        related_name="stellingen",
    )
    tekst = models.CharField(_("statement"), max_length=250)
    effect = models.CharField(
        _("direct effect"),
        max_length=80,
        blank=True,
        help_text=_("The direct effect of the veranderverhaal this statement measures."),
    )
    volgorde = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["volgorde", "pk"]

    def __str__(self) -> str:
        return self.tekst


class Inzending(models.Model):
    """One resident's answers. Nothing identifies them: no account, no address, no
    time of day; only the date."""

    vragenlijst = models.ForeignKey(
        Vragenlijst,
        verbose_name=_("questionnaire"),
        on_delete=models.CASCADE,
        related_name="inzendingen",
    )
    datum = models.DateField(_("date"))
    open_antwoord = models.TextField(_("answer to the open question"), blank=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(datum__gte=EARLIEST), name="metingen_inzending_datum_after_2000"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.vragenlijst} #{self.pk}"


class Antwoordcode(models.Model):
    """A one-time code on one printed answer slip, not used yet.

    Only a hash of the code is kept (whoever reads the database cannot answer
    with it), and the row is deleted when the code is used: nothing says which
    slip, and so which resident it was handed to, gave which answer.
    """

    vragenlijst = models.ForeignKey(
        Vragenlijst,
        verbose_name=_("questionnaire"),
        on_delete=models.CASCADE,
        related_name="antwoordcodes",
    )
    sleutel = models.CharField(_("hashed code"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("answer code")
        verbose_name_plural = _("answer codes")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.vragenlijst} {self.sleutel[:8]}…"


class Antwoord(models.Model):
    """The answer to one statement in one response."""

    inzending = models.ForeignKey(
        Inzending, verbose_name=_("response"), on_delete=models.CASCADE, related_name="antwoorden"
    )
    stelling = models.ForeignKey(
        Stelling, verbose_name=_("statement"), on_delete=models.CASCADE, related_name="antwoorden"
    )
    waarde = models.PositiveSmallIntegerField(_("answer"), choices=Schaal.choices)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["inzending", "stelling"], name="metingen_antwoord_one_per_statement"
            ),
            models.CheckConstraint(
                condition=Q(waarde__gte=1) & Q(waarde__lte=5),
                name="metingen_antwoord_waarde_on_scale",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.stelling}: {self.waarde}"


class Duiding(VersionedModel, TimeStampedModel):
    """The interpretation of the results, made together with initiators and the
    municipality, along the duidingsvragen of seed 004."""

    vragenlijst = models.OneToOneField(
        Vragenlijst,
        verbose_name=_("questionnaire"),
        on_delete=models.CASCADE,
        related_name="duiding",
    )
    datum = models.DateField(_("discussed on"))
    besproken_met = models.CharField(
        _("discussed with"),
        max_length=200,
        blank=True,
        help_text=_("E.g. initiators, participants, municipality."),
    )
    herkenning = models.TextField(_("Do we recognise the results in practice?"), blank=True)
    verklaring = models.TextField(
        _("Can we explain them? (developments, context, changes in the group)"), blank=True
    )
    waardering = models.TextField(_("What do we think of them?"), blank=True)
    betekenis = models.TextField(_("What do they mean for the future?"), blank=True)
    acties = models.TextField(_("Which actions follow?"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("interpretation")
        verbose_name_plural = _("interpretations")
        ordering = ["-datum"]
        constraints = [
            models.CheckConstraint(
                condition=Q(datum__gte=EARLIEST), name="metingen_duiding_datum_after_2000"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.vragenlijst} ({self.datum:%d-%m-%Y})"


class Verzoekteller(models.Model):
    """How many answers came from one address in one time window: the rate limit.

    The address is kept only as a hash with the salt of the day (``Dagzout``),
    apart from any answer; a window's rows are deleted once it has ended.
    """

    sleutel = models.CharField(_("hashed address"), max_length=64)
    venster = models.DateTimeField(_("start of the time window"))
    aantal = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("request counter")
        verbose_name_plural = _("request counters")
        ordering = ["venster"]
        constraints = [
            models.UniqueConstraint(
                fields=["sleutel", "venster"], name="metingen_verzoekteller_unique_window"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sleutel[:8]}… {self.venster}: {self.aantal}"


class Dagzout(models.Model):
    """The random salt the rate limit hashes addresses with on one day; deleted
    once the day is over, so older hashes can no longer be tried against addresses."""

    dag = models.DateField(_("day"), unique=True)
    zout = models.CharField(_("salt"), max_length=64)

    class Meta:
        verbose_name = _("daily salt")
        verbose_name_plural = _("daily salts")
        ordering = ["dag"]

    def __str__(self) -> str:
        return f"{self.dag}"
