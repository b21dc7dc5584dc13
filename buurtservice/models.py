from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import VersionedModel
from core.models import DatedModel, DatedQuerySet, TimeStampedModel
from core.numbers import dutch_number
from core.visibility import GebiedScopedQuerySet, is_staff_user, sees_all_gebieden
from wijken.models import Wijk

from .choices import Herkomst, KlusSoort, KlusStatus, Uitstroom, UitvoerderSoort, Verwijzer

VIEW_REQUESTER_DATA = "buurtservice.view_aanvragergegevens"
# A team's staff hours per week; more than this is a typing error.
MAX_CAPACITY_HOURS = 1000
# The hours one worker can spend on one job.
MAX_HOURS_PER_JOB = Decimal("24")

# The personal data of a requester: shown only to sees_requester_data() users,
# never exported or logged, blanked by `manage.py anonimiseer_aanvragers`.
REQUESTER_FIELDS = ("aanvrager_naam", "aanvrager_adres", "aanvrager_telefoon")


def sees_requester_data(user) -> bool:
    """Only Buurtservice roles and coordinators see who asked for a job."""
    return is_staff_user(user) and user.has_perm(VIEW_REQUESTER_DATA)


class KlusQuerySet(GebiedScopedQuerySet):
    """Buurtservice and coordinators see every job; brokers those of their gebied."""

    view_permission = "buurtservice.view_klus"

    def sees_everything(self, user) -> bool:
        return sees_all_gebieden(user) or sees_requester_data(user)

    def editable_by(self, user):
        """Jobs a user may plan, complete, cancel or edit."""
        if not user.has_perm("buurtservice.change_klus"):
            return self.none()
        return self.visible_to(user)

    def open_on(self, date: datetime.date):
        """Jobs requested by ``date`` and neither done nor cancelled by then."""
        return self.filter(open_on_q(date))

    def waiting(self):
        return self.filter(status__in=KlusStatus.open())

    def possible_duplicates(
        self,
        *,
        wijk,
        soort: str,
        aanvraagdatum: datetime.date,
        naam: str = "",
        adres: str = "",
    ):
        """Jobs that look like the same request: same wijk and kind, requested within
        a day of ``aanvraagdatum`` by a requester with the same name or address."""
        same_requester = Q(pk__in=[])
        if naam.strip():
            same_requester |= Q(aanvrager_naam__iexact=naam.strip())
        if adres.strip():
            same_requester |= Q(aanvrager_adres__iexact=adres.strip())
        day = datetime.timedelta(days=1)
        return self.filter(
            same_requester,
            wijk=wijk,
            soort=soort,
            aanvraagdatum__gte=aanvraagdatum - day,
            aanvraagdatum__lte=aanvraagdatum + day,
        ).exclude(status=KlusStatus.GEANNULEERD)

    def closed_before(self, date: datetime.date):
        """Jobs done or cancelled before ``date``."""
        return self.filter(Q(uitgevoerd_op__lt=date) | Q(geannuleerd_op__lt=date))

    def not_anonymised(self):
        return self.filter(geanonimiseerd_op__isnull=True)


def open_on_q(date: datetime.date) -> Q:
    """The condition "open on ``date``": requested by then, not yet done or cancelled."""
    return (
        Q(aanvraagdatum__lte=date)
        & (Q(uitgevoerd_op__isnull=True) | Q(uitgevoerd_op__gt=date))
        & (Q(geannuleerd_op__isnull=True) | Q(geannuleerd_op__gt=date))
    )


class Klus(VersionedModel, TimeStampedModel):
    """An odd job for a resident. Personal data is kept to what the job needs."""

    aanvraagdatum = models.DateField(_("request date"))
    wijk = models.ForeignKey(
        Wijk, verbose_name=_("district"), on_delete=models.PROTECT, related_name="klussen"
    )
    soort = models.CharField(_("kind"), max_length=30, choices=KlusSoort.choices)
    verwijzer = models.CharField(_("referred by"), max_length=30, choices=Verwijzer.choices)
    omschrijving = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=KlusStatus.choices, default=KlusStatus.AANGEMELD
    )
    # Requester: only what is needed to do the job; anonymised after retention.
    aanvrager_naam = models.CharField(_("requester's name"), max_length=120, blank=True)
    aanvrager_adres = models.CharField(_("requester's address"), max_length=200, blank=True)
    aanvrager_telefoon = models.CharField(_("requester's phone"), max_length=30, blank=True)
    geanonimiseerd_op = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    gepland_op = models.DateField(_("planned for"), null=True, blank=True)
    uitgevoerd_op = models.DateField(_("done on"), null=True, blank=True)
    geannuleerd_op = models.DateField(_("cancelled on"), null=True, blank=True)
    annuleringsreden = models.CharField(_("reason for cancelling"), max_length=300, blank=True)
    uitvoerders = models.ManyToManyField(
        "Uitvoerder",
        verbose_name=_("workers"),
        through="Inzet",
        blank=True,
        related_name="klussen",
    )

    objects = KlusQuerySet.as_manager()

    # Audit trail without the requester's personal data: that must not outlive
    # the retention period (see docs/privacy-buurtservice.md).
    history = HistoricalRecords(excluded_fields=list(REQUESTER_FIELDS))

    class Meta:
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        ordering = ["aanvraagdatum", "pk"]
        indexes = [
            # The job list, newest first, and the waiting list in request order.
            models.Index(fields=["aanvraagdatum", "id"], name="buurtservice_klus_datum_id"),
            # The waiting list: a few open jobs among thousands that are done (not a
            # partial index: SQLite cannot match its condition to a bound parameter).
            models.Index(fields=["status", "aanvraagdatum", "id"], name="buurtservice_klus_status"),
        ]
        permissions = [
            ("view_aanvragergegevens", _("Can see the personal data of requesters")),
            ("view_wachtlijst", _("Can see the waiting list")),
            ("export_wachtlijst", _("Can export the waiting list")),
            ("export_klus", _("Can export the jobs")),
            ("view_overzicht", _("Can see the Buurtservice overview")),
            ("export_overzicht", _("Can export the Buurtservice overview")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(uitgevoerd_op__isnull=True)
                | Q(uitgevoerd_op__gte=models.F("aanvraagdatum")),
                name="buurtservice_klus_done_after_request",
            ),
            models.CheckConstraint(
                condition=Q(geannuleerd_op__isnull=True)
                | Q(geannuleerd_op__gte=models.F("aanvraagdatum")),
                name="buurtservice_klus_cancelled_after_request",
            ),
            models.CheckConstraint(
                condition=~(Q(uitgevoerd_op__isnull=False) & Q(geannuleerd_op__isnull=False)),
                name="buurtservice_klus_not_done_and_cancelled",
            ),
            models.CheckConstraint(
                condition=~Q(status="uitgevoerd") | Q(uitgevoerd_op__isnull=False),
                name="buurtservice_klus_done_has_date",
            ),
            models.CheckConstraint(
                condition=Q(gepland_op__isnull=True) | Q(gepland_op__gte=models.F("aanvraagdatum")),
                name="buurtservice_klus_planned_after_request",
            ),
            models.CheckConstraint(
                condition=~Q(status="ingepland") | Q(gepland_op__isnull=False),
                name="buurtservice_klus_planned_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="geannuleerd") | Q(geannuleerd_op__isnull=False),
                name="buurtservice_klus_cancelled_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} – {self.wijk} ({self.aanvraagdatum:%d-%m-%Y})"

    def get_absolute_url(self) -> str:
        return reverse("buurtservice:klus_detail", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        if self.aanvraagdatum is None:
            return
        later = [
            (self.gepland_op, _("The request date cannot be after the planned date.")),
            (self.uitgevoerd_op, _("The request date cannot be after the date done.")),
            (self.geannuleerd_op, _("The request date cannot be after the cancellation date.")),
        ]
        for date, message in later:
            if date is not None and self.aanvraagdatum > date:
                raise ValidationError({"aanvraagdatum": message})

    @property
    def is_open(self) -> bool:
        return self.status in KlusStatus.open()

    @property
    def is_anonymised(self) -> bool:
        return self.geanonimiseerd_op is not None

    def days_waited(self, on: datetime.date | None = None) -> int:
        """Days between the request and ``on`` (today), or the day it was closed."""
        on = on or timezone.localdate()
        closed = self.uitgevoerd_op or self.geannuleerd_op
        if closed and closed < on:
            on = closed
        return max((on - self.aanvraagdatum).days, 0)


class KlusStatusWijziging(models.Model):
    """A dated status change of a job."""

    klus = models.ForeignKey(
        Klus, verbose_name=_("job"), on_delete=models.CASCADE, related_name="statuswijzigingen"
    )
    status = models.CharField(_("status"), max_length=20, choices=KlusStatus.choices)
    datum = models.DateField(_("date"))
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Why, when a status is taken back (a done job reopened).
    toelichting = models.CharField(_("explanation"), max_length=300, blank=True)

    # Kept, so a removed job comes back with its status steps.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("job status change")
        verbose_name_plural = _("job status changes")
        ordering = ["datum", "pk"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({self.datum:%d-%m-%Y})"


class UitvoerderQuerySet(DatedQuerySet):
    def visible_to(self, user):
        if not is_staff_user(user):
            return self.none()
        return self if user.has_perm("buurtservice.view_uitvoerder") else self.none()

    def started_between(self, start: datetime.date, end: datetime.date):
        return self.filter(startdatum__gte=start, startdatum__lte=end)


class Uitvoerder(DatedModel, VersionedModel, TimeStampedModel):
    """A participant, volunteer or intern who does Buurtservice jobs."""

    naam = models.CharField(_("name"), max_length=120)
    soort = models.CharField(_("kind"), max_length=20, choices=UitvoerderSoort.choices)
    herkomst = models.CharField(_("origin"), max_length=20, choices=Herkomst.choices)
    startdatum = models.DateField(_("start date"))
    einddatum = models.DateField(_("end date"), null=True, blank=True)
    uitstroom = models.CharField(
        _("outflow"),
        max_length=20,
        choices=Uitstroom.choices,
        blank=True,
        help_text=_("Where this person went after leaving."),
    )
    notities = models.TextField(_("notes"), blank=True)

    objects = UitvoerderQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("worker")
        verbose_name_plural = _("workers")
        ordering = ["naam"]
        permissions = [("export_uitvoerder", _("Can export the workers"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=models.F("startdatum")),
                name="buurtservice_uitvoerder_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(uitstroom="") | Q(einddatum__isnull=False),
                name="buurtservice_uitvoerder_outflow_needs_end",
            ),
        ]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("buurtservice:uitvoerder_detail", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.einddatum and self.startdatum and self.einddatum < self.startdatum:
            errors["einddatum"] = _("The end date cannot be before the start date.")
        if self.uitstroom and not self.einddatum:
            errors["einddatum"] = _(
                "Fill in the end date when you record where someone went after leaving."
            )
        if errors:
            raise ValidationError(errors)


class Inzet(models.Model):
    """A worker assigned to a job, with the hours worked once done."""

    klus = models.ForeignKey(
        Klus, verbose_name=_("job"), on_delete=models.CASCADE, related_name="inzet"
    )
    uitvoerder = models.ForeignKey(
        Uitvoerder, verbose_name=_("worker"), on_delete=models.PROTECT, related_name="inzet"
    )
    uren = models.DecimalField(_("hours"), max_digits=4, decimal_places=1, null=True, blank=True)

    # Corrected hours and removed assignments stay in the audit trail.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["klus", "uitvoerder"], name="buurtservice_inzet_unique"
            ),
            models.CheckConstraint(
                condition=Q(uren__isnull=True) | (Q(uren__gt=0) & Q(uren__lte=24)),
                name="buurtservice_inzet_hours_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.uitvoerder} – {self.klus}"


class CapaciteitQuerySet(DatedQuerySet):
    def visible_to(self, user):
        if not is_staff_user(user):
            return self.none()
        return self if user.has_perm("buurtservice.view_capaciteit") else self.none()

    def editable_by(self, user):
        if not user.has_perm("buurtservice.change_capaciteit"):
            return self.none()
        return self.visible_to(user)


class Capaciteit(DatedModel, VersionedModel):
    """Staff hours per week available to Buurtservice during a period."""

    uren_per_week = models.DecimalField(
        _("hours per week"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_CAPACITY_HOURS)],
        help_text=_("All Buurtservice staff hours together."),
    )
    startdatum = models.DateField(_("start date"))
    einddatum = models.DateField(_("end date"), null=True, blank=True)
    omschrijving = models.CharField(_("description"), max_length=200, blank=True)

    objects = CapaciteitQuerySet.as_manager()

    class Meta:
        verbose_name = _("capacity period")
        verbose_name_plural = _("capacity periods")
        ordering = ["startdatum"]
        constraints = [
            models.CheckConstraint(
                condition=Q(uren_per_week__gte=0) & Q(uren_per_week__lte=MAX_CAPACITY_HOURS),
                name="buurtservice_capaciteit_hours_in_range",
            ),
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=models.F("startdatum")),
                name="buurtservice_capaciteit_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return _("%(hours)s h/week from %(date)s") % {
            "hours": dutch_number(self.uren_per_week, 1),
            "date": f"{self.startdatum:%d-%m-%Y}",
        }

    def clean(self) -> None:
        super().clean()
        if self.startdatum is None:
            return
        if self.einddatum and self.einddatum < self.startdatum:
            raise ValidationError({"einddatum": _("The end date cannot be before the start date.")})
        other = (
            Capaciteit.objects.exclude(pk=self.pk)
            .overlapping(self.startdatum, self.einddatum)
            .first()
        )
        if other is not None:
            raise ValidationError(
                _("This period overlaps with %(other)s. End that period first.") % {"other": other}
            )
