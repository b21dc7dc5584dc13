from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import VersionedModel
from core.models import TimeStampedModel, choice_label
from core.numbers import dutch_number
from core.search import text_search
from core.visibility import GebiedScopedQuerySet
from wijken.models import Medewerker, Organisatie, Thema, Wijk

from .choices import AanvraagStatus, InitiatiefStatus


class InitiatiefQuerySet(GebiedScopedQuerySet):
    """Brokers see the initiatives of their own gebied; coordinators all."""

    view_permission = "initiatieven.view_initiatief"

    def editable_by(self, user):
        """Brokers of the gebied and coordinators may edit."""
        if not user.has_perm("initiatieven.change_initiatief"):
            return self.none()
        return self.visible_to(user)

    def running(self):
        return self.filter(status__in=InitiatiefStatus.running())

    def search(self, text: str):
        """Initiatives whose name, description or target group contain every word of
        ``text`` (full-text search on PostgreSQL, see core.search)."""
        return text_search(self, ("naam", "omschrijving", "doelgroep"), text)


class Initiatief(VersionedModel, TimeStampedModel):
    """A resident initiative (bewonersinitiatief) with its veranderverhaal."""

    naam = models.CharField(_("name"), max_length=200)
    wijk = models.ForeignKey(
        Wijk, verbose_name=_("district"), on_delete=models.PROTECT, related_name="initiatieven"
    )
    omschrijving = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=InitiatiefStatus.choices,
        default=InitiatiefStatus.IDEE,
    )
    themas = models.ManyToManyField(
        Thema, verbose_name=_("themes"), blank=True, related_name="initiatieven"
    )
    initiatiefnemers = models.CharField(
        _("initiators"),
        max_length=200,
        blank=True,
        help_text=_("First names only, or leave empty and give the number."),
    )
    aantal_initiatiefnemers = models.PositiveSmallIntegerField(
        _("number of initiators"), null=True, blank=True
    )
    ondersteuners = models.ManyToManyField(
        Medewerker,
        verbose_name=_("supporting staff"),
        blank=True,
        related_name="ondersteunde_initiatieven",
    )
    partners = models.ManyToManyField(
        Organisatie, verbose_name=_("partners"), blank=True, related_name="initiatieven"
    )
    # The veranderverhaal (theory of change) in the four blocks of seed 004.
    doelgroep = models.TextField(_("target group"), blank=True)
    aanpak = models.TextField(_("approach"), blank=True)
    directe_effecten = models.TextField(_("direct effects"), blank=True)
    indirecte_bijdrage = models.TextField(_("contributes indirectly to"), blank=True)

    objects = InitiatiefQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["naam"]
        permissions = [("export_initiatief", _("Can export the initiatives"))]
        constraints = [
            models.UniqueConstraint(
                fields=["naam", "wijk"],
                name="initiatieven_initiatief_unique_naam_wijk",
                violation_error_message=_(
                    "This district already has an initiative with this name."
                ),
            ),
            models.CheckConstraint(
                condition=Q(status__in=InitiatiefStatus.values),
                name="initiatieven_initiatief_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("initiatieven:initiatief_detail", args=[self.pk])

    def sync_status_from_history(self) -> None:
        """Make ``status`` the status of the latest dated change (if there is one)."""
        latest = self.statuswijzigingen.order_by("-datum", "-pk").first()
        if latest is not None and latest.status != self.status:
            self.status = latest.status
            self.save(update_fields=["status", "updated_at"])

    @property
    def status_op_label(self) -> str:
        """The label of the status on a date (``status_op``, annotated by
        ``initiatieven.selectors.with_status_on``), else of the current status."""
        return choice_label(InitiatiefStatus, getattr(self, "status_op", self.status))

    @property
    def has_veranderverhaal(self) -> bool:
        return any((self.doelgroep, self.aanpak, self.directe_effecten, self.indirecte_bijdrage))


class InitiatiefPartQuerySet(models.QuerySet):
    """Status steps, funding applications and counts go with their initiative: seen
    and changed by who may see and change it."""

    def visible_to(self, user):
        return self.filter(initiatief__in=Initiatief.objects.visible_to(user))

    def editable_by(self, user):
        return self.filter(initiatief__in=Initiatief.objects.editable_by(user))


class StatusWijziging(models.Model):
    """A dated change of an initiative's status, and who made it."""

    initiatief = models.ForeignKey(
        Initiatief,
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="statuswijzigingen",
    )
    status = models.CharField(_("status"), max_length=20, choices=InitiatiefStatus.choices)
    datum = models.DateField(_("date"))
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    toelichting = models.CharField(_("explanation"), max_length=300, blank=True)

    objects = InitiatiefPartQuerySet.as_manager()

    # Kept, so a removed initiative comes back with its status steps.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["datum", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=InitiatiefStatus.values),
                name="initiatieven_statuswijziging_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.initiatief}: {self.get_status_display()} ({self.datum:%d-%m-%Y})"


class Financieringsaanvraag(VersionedModel, TimeStampedModel):
    """A funding application of an initiative (e.g. Wensfonds)."""

    initiatief = models.ForeignKey(
        Initiatief,
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="financieringsaanvragen",
    )
    fonds = models.CharField(_("fund"), max_length=160)
    bedrag = models.DecimalField(_("amount (EUR)"), max_digits=10, decimal_places=2)
    aangevraagd_op = models.DateField(_("applied on"))
    besluit_op = models.DateField(_("decided on"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AanvraagStatus.choices,
        default=AanvraagStatus.AANGEVRAAGD,
    )

    objects = InitiatiefPartQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("funding application")
        verbose_name_plural = _("funding applications")
        ordering = ["-aangevraagd_op", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(bedrag__gte=0),
                name="initiatieven_financieringsaanvraag_amount_positive",
                violation_error_message=_("The amount cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(besluit_op__isnull=True)
                | Q(besluit_op__gte=models.F("aangevraagd_op")),
                name="initiatieven_financieringsaanvraag_decided_after_applied",
                violation_error_message=_(
                    "The decision date cannot be before the application date."
                ),
            ),
            models.CheckConstraint(
                condition=Q(status__in=AanvraagStatus.values),
                name="initiatieven_financieringsaanvraag_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.fonds} – € {dutch_number(self.bedrag, 2)}"


class Deelnametelling(VersionedModel):
    """Dated count of an initiative's volunteers and participants."""

    initiatief = models.ForeignKey(
        Initiatief, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="tellingen"
    )
    datum = models.DateField(_("date"))
    vrijwilligers = models.PositiveIntegerField(_("volunteers"), default=0)
    deelnemers = models.PositiveIntegerField(_("participants"), default=0)

    objects = InitiatiefPartQuerySet.as_manager()

    # A corrected or removed count stays in the audit trail and can be restored.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("head count")
        verbose_name_plural = _("head counts")
        ordering = ["-datum"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiatief", "datum"],
                name="initiatieven_deelnametelling_one_per_day",
                violation_error_message=_(
                    "There is already a count for this initiative on this date."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.initiatief} {self.datum:%d-%m-%Y}"
