from __future__ import annotations

import datetime
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.concurrency import VersionedModel
from core.images import sanitise_image
from core.models import TimeStampedModel
from core.visibility import GebiedScopedQuerySet, sees_all_gebieden
from wijken.models import Medewerker, Organisatie, Thema, Wijk

from .choices import ActiviteitSoort, Rol


class ActiviteitQuerySet(GebiedScopedQuerySet):
    """Brokers see their own gebied; coordinators and admins see everything."""

    view_permission = "makelaars.view_activiteit"

    def editable_by(self, user):
        """Brokers edit what they recorded or took part in; coordinators edit all."""
        visible = self.visible_to(user)
        if sees_all_gebieden(user):
            return visible
        return visible.filter(Q(aangemaakt_door=user) | Q(medewerkers__user=user)).distinct()

    def for_year(self, year: int):
        return self.filter(datum__year=year)

    def voorbeelden(self):
        return self.filter(is_voorbeeld=True)


class Activiteit(VersionedModel, TimeStampedModel):
    """What a social broker did in a wijk: the raw material of the report."""

    datum = models.DateField(_("date"))
    titel = models.CharField(_("title"), max_length=200)
    wijk = models.ForeignKey(
        Wijk, verbose_name=_("district"), on_delete=models.PROTECT, related_name="activiteiten"
    )
    soort = models.CharField(_("kind"), max_length=30, choices=ActiviteitSoort.choices)
    rol = models.CharField(_("role"), max_length=20, choices=Rol.choices, blank=True)
    themas = models.ManyToManyField(
        Thema, verbose_name=_("themes"), blank=True, related_name="activiteiten"
    )
    hoofdthema = models.ForeignKey(
        Thema,
        verbose_name=_("main theme"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("One of the themes, chosen first on the form."),
    )
    medewerkers = models.ManyToManyField(
        Medewerker, verbose_name=_("staff"), blank=True, related_name="activiteiten"
    )
    partners = models.ManyToManyField(
        Organisatie, verbose_name=_("partners"), blank=True, related_name="activiteiten"
    )
    initiatief = models.ForeignKey(
        "initiatieven.Initiatief",
        verbose_name=_("initiative"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activiteiten",
    )
    bewoners_bereikt = models.PositiveIntegerField(_("residents reached"), null=True, blank=True)
    bewoners_geactiveerd = models.PositiveIntegerField(
        _("residents activated"),
        null=True,
        blank=True,
        help_text=_("Residents who became active as a volunteer through this."),
    )
    cijfers = models.CharField(
        _("figures as reported"),
        max_length=200,
        blank=True,
        help_text=_("E.g. '250–300 visitors' or '110 survey responses'."),
    )
    # Both texts feed the yearly report: long enough for a story, short enough for a page.
    beschrijving = models.TextField(
        pgettext_lazy("activity", "description"), blank=True, max_length=5000
    )
    opbrengst = models.TextField(_("outcome / effect"), blank=True, max_length=2000)
    is_voorbeeld = models.BooleanField(
        _("example for the annual report"),
        default=False,
        help_text=_("Shown in the annex with examples per district."),
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ActiviteitQuerySet.as_manager()
    # Audit trail; the links to themes, staff and partners are kept per change too,
    # so a deleted activity can be restored with them.
    history = HistoricalRecords(m2m_fields=[themas, medewerkers, partners])

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-datum", "-pk"]
        permissions = [
            ("mark_voorbeeld", _("Can mark an activity as report example")),
            ("export_activiteit", _("Can export the activity log")),
        ]
        indexes = [
            models.Index(fields=["datum", "wijk"], name="makelaars_act_datum_wijk"),
            # Pages of one wijk or gebied in a period (wijk and gebied pages, filters).
            models.Index(fields=["wijk", "datum"], name="makelaars_act_wijk_datum"),
            # The list's default order (newest first, pk as tie-break) without a sort.
            models.Index(fields=["datum", "id"], name="makelaars_act_datum_id"),
            # Sorting the list by title without sorting every row.
            models.Index(fields=["titel", "id"], name="makelaars_act_titel_id"),
            # Free-text search has a GIN index on PostgreSQL only (migration 0004).
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(datum__gte=datetime.date(2000, 1, 1)),
                name="makelaars_activiteit_datum_after_2000",
            ),
            models.CheckConstraint(
                condition=Q(bewoners_geactiveerd__isnull=True)
                | Q(bewoners_bereikt__isnull=True)
                | Q(bewoners_geactiveerd__lte=models.F("bewoners_bereikt")),
                name="makelaars_activiteit_activated_within_reached",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y} {self.titel}"

    def get_absolute_url(self) -> str:
        return reverse("makelaars:activiteit_detail", args=[self.pk])


class ActiviteitLink(models.Model):
    """A link about an activity, e.g. a news article."""

    activiteit = models.ForeignKey(
        Activiteit, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="links"
    )
    url = models.URLField(_("web address"), max_length=500)
    omschrijving = models.CharField(_("description"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.omschrijving or self.url


def foto_upload_to(instance: ActiviteitFoto, filename: str) -> str:
    return f"activiteiten/{instance.activiteit.datum:%Y/%m}/{filename}"


class ActiviteitFoto(models.Model):
    """A photo of an activity, kept in the media storage (core/storage.py)."""

    activiteit = models.ForeignKey(
        Activiteit, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="fotos"
    )
    bestand = models.ImageField(_("file"), upload_to=foto_upload_to)
    bijschrift = models.CharField(_("caption"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.bijschrift or self.bestand.name

    def save(self, *args, **kwargs):
        # Whatever the way in (form, service, admin): a new file is stored re-encoded.
        upload = self.bestand
        if upload and not upload._committed and not getattr(upload.file, "sanitised", False):
            self.bestand = sanitise_image(upload.file, name=PurePath(upload.name).name)
        super().save(*args, **kwargs)


class FotoDagTelling(models.Model):
    """How many photos a user sent in to be checked on one day (the daily limit).

    Counted before a photo is decoded, whether it is stored or not: the limit
    bounds the work of checking photos, which a refused form costs as much as a
    saved one. Only today's row of a user is kept.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+"
    )
    dag = models.DateField(_("day"))
    aantal = models.PositiveIntegerField(_("number"), default=0)

    class Meta:
        verbose_name = _("photos of a day")
        verbose_name_plural = _("photos per day")
        ordering = ["-dag", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "dag"], name="makelaars_fotodagtelling_one_per_user_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.dag:%d-%m-%Y}: {self.aantal}"
