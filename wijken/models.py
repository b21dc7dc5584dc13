from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.accounts import manageable_accounts
from core.concurrency import VersionedModel
from core.models import DatedModel, DatedQuerySet, TimeStampedModel
from core.visibility import ReferenceQuerySet, gebied_ids_for, sees_all_gebieden

from .choices import Functie, OrganisatieSoort


class GebiedQuerySet(ReferenceQuerySet):
    def of_user(self, user):
        """The gebieden a user works in (all of them for coordinators)."""
        if sees_all_gebieden(user):
            return self
        return self.filter(pk__in=gebied_ids_for(user))


class Gebied(VersionedModel, TimeStampedModel):
    """The area of one sociaal wijkteam; groups wijken."""

    naam = models.CharField(_("name"), max_length=120, unique=True)
    volgorde = models.PositiveSmallIntegerField(
        _("order"),
        default=0,
        validators=[MaxValueValidator(999)],
        help_text=_("Position in lists and in the report."),
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


class WijkQuerySet(ReferenceQuerySet):
    def of_user(self, user):
        """The wijken in the gebieden a user works in (all for coordinators)."""
        if sees_all_gebieden(user):
            return self
        return self.filter(gebied_id__in=gebied_ids_for(user))


class Wijk(VersionedModel, TimeStampedModel):
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


class Thema(VersionedModel):
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

    # The sociale kaart is shared by all staff.
    objects = ReferenceQuerySet.as_manager()

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


class MedewerkerQuerySet(ReferenceQuerySet, DatedQuerySet):
    """Colleagues are listed for every member of staff (to pick them on an activity)."""

    def makelaars(self):
        return self.filter(functie__in=Functie.makelaars())

    def editable_by(self, user):
        """Staff records ``user`` may change: without account, or with an account
        ``user`` may manage (core.accounts: none with rights beyond their own)."""
        return self.filter(
            Q(user__isnull=True) | Q(user__in=manageable_accounts(user).values("pk"))
        )


class Medewerker(DatedModel, VersionedModel, TimeStampedModel):
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
