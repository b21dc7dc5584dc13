from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import VersionedModel
from core.models import TimeStampedModel
from core.visibility import ReferenceQuerySet

from .choices import Functie, OrganisatieSoort

VIEW_ALL_GEBIEDEN = "wijken.view_all_gebieden"


def sees_all_gebieden(user) -> bool:
    """Coordinators and admins see every gebied; everyone else only their own."""
    return user.is_active and user.has_perm(VIEW_ALL_GEBIEDEN)


def gebied_ids_for(user) -> list[int]:
    """The ids of the gebieden a (non-coordinator) user works in."""
    if not user.is_authenticated:
        return []
    cached = getattr(user, "_gebied_ids_cache", None)
    if cached is None:
        cached = list(
            Gebied.objects.filter(medewerkers__user=user).values_list("pk", flat=True).distinct()
        )
        user._gebied_ids_cache = cached
    return cached


class GebiedQuerySet(models.QuerySet):
    def visible_to(self, user):
        # Gebieden are reference data every member of staff may read.
        return self if user.is_authenticated and user.is_active else self.none()

    def of_user(self, user):
        """The gebieden a user works in (all of them for coordinators)."""
        if sees_all_gebieden(user):
            return self
        return self.filter(pk__in=gebied_ids_for(user))


class Gebied(TimeStampedModel):
    """The area of one sociaal wijkteam; groups wijken."""

    naam = models.CharField(_("name"), max_length=120, unique=True)
    volgorde = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Position in lists and in the report.")
    )

    objects = GebiedQuerySet.as_manager()

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["volgorde", "naam"]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("pages:gebied_detail", args=[self.pk])


class WijkQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self if user.is_authenticated and user.is_active else self.none()

    def of_user(self, user):
        """The wijken in the gebieden a user works in (all for coordinators)."""
        if sees_all_gebieden(user):
            return self
        return self.filter(gebied_id__in=gebied_ids_for(user))


class Wijk(TimeStampedModel):
    """A district or neighbourhood; belongs to one gebied."""

    naam = models.CharField(_("name"), max_length=120, unique=True)
    gebied = models.ForeignKey(
        Gebied, verbose_name=_("area"), on_delete=models.PROTECT, related_name="wijken"
    )
    cbs_code = models.CharField(
        _("CBS code"),
        max_length=12,
        blank=True,
        help_text=_("The CBS district code, e.g. WK030100."),
    )
    inwoners = models.PositiveIntegerField(_("inhabitants"), null=True, blank=True)

    objects = WijkQuerySet.as_manager()

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["gebied__volgorde", "naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["cbs_code"],
                condition=~Q(cbs_code=""),
                name="wijken_wijk_unique_cbs_code",
                # Code "unique" on one field: a form shows the message on that field.
                violation_error_code="unique",
                violation_error_message=_("Another district already has this CBS code."),
            ),
        ]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("pages:wijk_detail", args=[self.pk])


class Thema(models.Model):
    """A theme on the reference list (eenzaamheid, afval/duurzaamheid, ...)."""

    naam = models.CharField(_("name"), max_length=80, unique=True)
    actief = models.BooleanField(_("active"), default=True)

    objects = ReferenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class OrganisatieQuerySet(models.QuerySet):
    def visible_to(self, user):
        # The sociale kaart is shared by all staff.
        return self if user.is_authenticated and user.is_active else self.none()


class Organisatie(VersionedModel, TimeStampedModel):
    """A partner on the shared sociale kaart.

    How it relates to wijken: ``wijken`` are the districts it says it works in
    (kept by hand); the districts where it shared activities or initiatives are
    derived from those records (pages.sociale_kaart), never stored twice.
    """

    naam = models.CharField(_("name"), max_length=160, unique=True)
    soort = models.CharField(
        _("kind"), max_length=30, choices=OrganisatieSoort.choices, default=OrganisatieSoort.ANDERS
    )
    wijken = models.ManyToManyField(
        Wijk,
        verbose_name=_("districts it works in"),
        related_name="organisaties",
        blank=True,
    )
    contactpersoon = models.CharField(
        _("contact person"),
        max_length=120,
        blank=True,
        help_text=_("Someone at the organisation to ask for; no residents."),
    )
    telefoon = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    notities = models.TextField(_("notes"), blank=True)
    actief = models.BooleanField(_("active"), default=True)

    objects = OrganisatieQuerySet.as_manager()

    history = HistoricalRecords(m2m_fields=[wijken])

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["naam"]
        permissions = [("merge_organisatie", _("Can merge duplicate organisations"))]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("pages:organisatie_detail", args=[self.pk])


class MedewerkerQuerySet(models.QuerySet):
    def visible_to(self, user):
        # Colleagues are listed for every member of staff (to pick them on an activity).
        return self if user.is_authenticated and user.is_active else self.none()

    def active_on(self, date: datetime.date):
        return self.filter(startdatum__lte=date).filter(
            Q(einddatum__isnull=True) | Q(einddatum__gte=date)
        )

    def makelaars(self):
        return self.filter(functie__in=Functie.makelaars())


class Medewerker(VersionedModel, TimeStampedModel):
    """A member of staff, optionally linked to a login."""

    naam = models.CharField(_("name"), max_length=120)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="medewerker",
    )
    functie = models.CharField(_("function"), max_length=30, choices=Functie.choices)
    uren_per_week = models.DecimalField(
        _("hours per week"), max_digits=4, decimal_places=1, default=0
    )
    startdatum = models.DateField(_("start date"))
    einddatum = models.DateField(_("end date"), null=True, blank=True)
    gebieden = models.ManyToManyField(
        Gebied, verbose_name=_("areas"), related_name="medewerkers", blank=True
    )
    standaard_wijk = models.ForeignKey(
        Wijk,
        verbose_name=_("default district"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Pre-selected when this person records a new activity."),
    )
    is_pilot = models.BooleanField(_("pilot"), default=False)
    notities = models.TextField(
        _("notes"), blank=True, help_text=_("E.g. training followed (ABCD method).")
    )

    objects = MedewerkerQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")
        ordering = ["naam"]
        permissions = [("view_all_gebieden", _("Can see the records of every area"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=models.F("startdatum")),
                name="wijken_medewerker_end_after_start",
                violation_error_message=_("The end date lies before the start date."),
            ),
            models.CheckConstraint(
                condition=Q(uren_per_week__gte=0) & Q(uren_per_week__lte=60),
                name="wijken_medewerker_hours_in_range",
                violation_error_message=_("Hours per week must lie between 0 and 60."),
            ),
        ]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("wijken:medewerker_update", args=[self.pk])

    def is_active_on(self, date: datetime.date) -> bool:
        return self.startdatum <= date and (self.einddatum is None or self.einddatum >= date)
