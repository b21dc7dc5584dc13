"""Signals from the wijk, the collective questions they are bundled into, and the
contacts with the buurtteam (seeds 003 and 004)."""

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
from core.privacy import refuse_personal_data
from core.visibility import (
    GebiedScopedQuerySet,
    gebied_ids_for,
    is_staff_user,
    sees_all_gebieden,
)
from wijken.models import Gebied, Organisatie, Thema, Wijk

from .choices import Bron, ContactSoort, Partij, Uitkomst, VraagstukStatus

EARLIEST = datetime.date(2000, 1, 1)
# A signal is a short note: what was noticed, in a sentence or two.
SIGNAAL_MAX_LENGTH = 300


class SignaalQuerySet(GebiedScopedQuerySet):
    """Brokers see their gebied; everyone sees the signals they recorded themselves
    (a Buurtservice coordinator works in no gebied); coordinators see all."""

    view_permission = "signalen.view_signaal"

    def visible_to(self, user):
        if not is_staff_user(user) or self.sees_everything(user):
            return super().visible_to(user)
        if not user.has_perm(self.view_permission):
            return self.none()
        return self.filter(Q(wijk__gebied_id__in=gebied_ids_for(user)) | Q(aangemaakt_door=user))

    def cache_scope(self, user) -> str:
        """Colleagues of one gebied differ by the signals they recorded elsewhere."""
        scope = super().cache_scope(user)
        if not is_staff_user(user) or self.sees_everything(user):
            return scope
        return f"{scope}|own:{user.pk}"

    def editable_by(self, user):
        """Coordinators edit every signal; others the ones they recorded."""
        if not user.has_perm("signalen.change_signaal"):
            return self.none()
        visible = self.visible_to(user)
        if sees_all_gebieden(user):
            return visible
        return visible.filter(aangemaakt_door=user)

    def for_year(self, year: int):
        return self.filter(datum__year=year)


class Signaal(VersionedModel, TimeStampedModel):
    """Something noticed in a wijk: what, where, when and from whom (never about whom)."""

    datum = models.DateField(_("date"))
    wijk = models.ForeignKey(
        Wijk, verbose_name=_("district"), on_delete=models.PROTECT, related_name="signalen"
    )
    themas = models.ManyToManyField(Thema, verbose_name=_("themes"), related_name="signalen")
    bron = models.CharField(_("source"), max_length=20, choices=Bron.choices)
    omschrijving = models.CharField(
        _("short description"),
        max_length=SIGNAAL_MAX_LENGTH,
        validators=[refuse_personal_data],
        help_text=_("What did you notice? No names, phone numbers or addresses."),
    )
    vraagstuk = models.ForeignKey(
        "CollectiefVraagstuk",
        verbose_name=_("collective question"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signalen",
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = SignaalQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[themas])

    class Meta:
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        ordering = ["-datum", "-pk"]
        indexes = [models.Index(fields=["wijk", "datum"], name="signalen_signaal_wijk_datum")]
        constraints = [
            models.CheckConstraint(
                condition=Q(datum__gte=EARLIEST), name="signalen_signaal_datum_after_2000"
            ),
            models.CheckConstraint(
                condition=Q(bron__in=Bron.values), name="signalen_signaal_bron_valid"
            ),
            models.CheckConstraint(
                condition=~Q(omschrijving=""), name="signalen_signaal_omschrijving_not_empty"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y} {self.omschrijving[:60]}"

    def get_absolute_url(self) -> str:
        return reverse("signalen:signaal_update", args=[self.pk])


class VraagstukQuerySet(GebiedScopedQuerySet):
    view_permission = "signalen.view_collectiefvraagstuk"
    gebied_path = "gebied"

    def editable_by(self, user):
        """Brokers of the gebied and coordinators work on a question together."""
        if not user.has_perm("signalen.change_collectiefvraagstuk"):
            return self.none()
        return self.visible_to(user)

    def active_in_year(self, year: int):
        """Started on or before the year's end and not completed before it began."""
        return self.filter(gestart_op__year__lte=year).filter(
            Q(afgerond_op__isnull=True) | Q(afgerond_op__year__gte=year)
        )


class CollectiefVraagstuk(VersionedModel, TimeStampedModel):
    """A recurring question in a gebied that partners answer together (seed 004)."""

    titel = models.CharField(_("title"), max_length=200)
    gebied = models.ForeignKey(
        Gebied,
        verbose_name=_("area"),
        on_delete=models.PROTECT,
        related_name="collectieve_vraagstukken",
    )
    themas = models.ManyToManyField(
        Thema, verbose_name=_("themes"), blank=True, related_name="collectieve_vraagstukken"
    )
    omschrijving = models.TextField(
        _("what is going on"), blank=True, validators=[refuse_personal_data]
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=VraagstukStatus.choices,
        default=VraagstukStatus.VERKENNEN,
    )
    gestart_op = models.DateField(_("started on"))
    afgerond_op = models.DateField(_("completed on"), null=True, blank=True)
    partners = models.ManyToManyField(
        Organisatie,
        verbose_name=_("partners"),
        blank=True,
        related_name="collectieve_vraagstukken",
    )
    activiteiten = models.ManyToManyField(
        "makelaars.Activiteit",
        verbose_name=_("activities"),
        blank=True,
        related_name="collectieve_vraagstukken",
    )
    initiatieven = models.ManyToManyField(
        "initiatieven.Initiatief",
        verbose_name=_("initiatives"),
        blank=True,
        related_name="collectieve_vraagstukken",
    )
    evaluatie = models.TextField(
        _("evaluation"),
        blank=True,
        validators=[refuse_personal_data],
        help_text=_("Did the collective answer work? What continues, and who carries it?"),
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = VraagstukQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[themas, partners])

    class Meta:
        verbose_name = _("collective question")
        verbose_name_plural = _("collective questions")
        ordering = ["-gestart_op", "titel"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=VraagstukStatus.values),
                name="signalen_collectiefvraagstuk_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status=VraagstukStatus.AFGEROND) | ~Q(evaluatie=""),
                name="signalen_collectiefvraagstuk_evaluation_when_completed",
                violation_error_message=_("Write a short evaluation before completing."),
            ),
            models.CheckConstraint(
                condition=Q(afgerond_op__isnull=True) | Q(afgerond_op__gte=models.F("gestart_op")),
                name="signalen_collectiefvraagstuk_completed_after_start",
                violation_error_message=_("The completion date cannot be before the start."),
            ),
            models.CheckConstraint(
                condition=Q(gestart_op__gte=EARLIEST),
                name="signalen_collectiefvraagstuk_start_after_2000",
            ),
        ]

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("signalen:vraagstuk_detail", args=[self.pk])


class VraagstukStatusWijziging(models.Model):
    """A dated step of a collective question, and who recorded it."""

    vraagstuk = models.ForeignKey(
        CollectiefVraagstuk,
        verbose_name=_("collective question"),
        on_delete=models.CASCADE,
        related_name="statuswijzigingen",
    )
    status = models.CharField(_("status"), max_length=20, choices=VraagstukStatus.choices)
    datum = models.DateField(_("date"))
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    toelichting = models.CharField(
        _("explanation"), max_length=300, blank=True, validators=[refuse_personal_data]
    )

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["datum", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=VraagstukStatus.values),
                name="signalen_vraagstukstatuswijziging_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(datum__gte=EARLIEST),
                name="signalen_vraagstukstatuswijziging_datum_after_2000",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.vraagstuk}: {self.get_status_display()} ({self.datum:%d-%m-%Y})"


class ContactQuerySet(GebiedScopedQuerySet):
    view_permission = "signalen.view_buurtteamcontact"
    gebied_path = "gebied"

    def editable_by(self, user):
        if not user.has_perm("signalen.change_buurtteamcontact"):
            return self.none()
        visible = self.visible_to(user)
        if sees_all_gebieden(user):
            return visible
        return visible.filter(aangemaakt_door=user)

    def for_year(self, year: int):
        return self.filter(datum__year=year)


class BuurtteamContact(VersionedModel, TimeStampedModel):
    """A contact between a social broker and the buurtteam; a referral says from whom
    to whom and what came of it, never who the resident is."""

    datum = models.DateField(_("date"))
    gebied = models.ForeignKey(
        Gebied, verbose_name=_("area"), on_delete=models.PROTECT, related_name="buurtteamcontacten"
    )
    soort = models.CharField(_("kind"), max_length=20, choices=ContactSoort.choices)
    verwezen_van = models.CharField(
        _("referred by"), max_length=20, choices=Partij.choices, blank=True
    )
    verwezen_naar = models.CharField(
        _("referred to"), max_length=20, choices=Partij.choices, blank=True
    )
    uitkomst = models.CharField(_("outcome"), max_length=20, choices=Uitkomst.choices, blank=True)
    notitie = models.CharField(
        _("note"),
        max_length=300,
        blank=True,
        validators=[refuse_personal_data],
        help_text=_("What was it about, in general terms. Never who the resident is."),
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ContactQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("contact with the buurtteam")
        verbose_name_plural = _("contacts with the buurtteam")
        ordering = ["-datum", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(soort__in=ContactSoort.values),
                name="signalen_buurtteamcontact_soort_valid",
            ),
            models.CheckConstraint(
                condition=Q(datum__gte=EARLIEST),
                name="signalen_buurtteamcontact_datum_after_2000",
            ),
            # A referral names both parties (two different ones) and its outcome;
            # other contacts name none of them.
            models.CheckConstraint(
                condition=(
                    Q(soort=ContactSoort.DOORVERWIJZING)
                    & Q(verwezen_van__in=Partij.values)
                    & Q(verwezen_naar__in=Partij.values)
                    & ~Q(verwezen_van=models.F("verwezen_naar"))
                    & Q(uitkomst__in=Uitkomst.values)
                )
                | (
                    ~Q(soort=ContactSoort.DOORVERWIJZING)
                    & Q(verwezen_van="")
                    & Q(verwezen_naar="")
                    & Q(uitkomst="")
                ),
                name="signalen_buurtteamcontact_referral_complete",
                violation_error_message=_(
                    "A referral names who referred, to whom (two different parties) and the "
                    "outcome; other contacts leave these empty."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y} {self.get_soort_display()}"

    def get_absolute_url(self) -> str:
        return reverse("signalen:contact_update", args=[self.pk])
