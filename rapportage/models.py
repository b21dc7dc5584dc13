from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import VersionedModel
from core.models import TimeStampedModel

from .choices import PdfSoort, PdfStatus, RapportStatus, Richting, SectieSoort

# Maximum lengths of the texts that feed the report (form validation; the
# Markdown renderer has its own, higher limits).
MAX_INTRO = 10_000
MAX_SECTION_TEXT = 20_000
MAX_PLAN_TEXT = 5_000


class JaarrapportageQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not (user.is_authenticated and user.is_active):
            return self.none()
        return self if user.has_perm("rapportage.view_jaarrapportage") else self.none()

    def editable_by(self, user):
        """Reports a user may change (their sections only while in concept)."""
        if not user.has_perm("rapportage.change_jaarrapportage"):
            return self.none()
        return self.visible_to(user)


class Jaarrapportage(VersionedModel, TimeStampedModel):
    """The yearly "Jaarrapportage Sterke Wijken"; one per year."""

    jaar = models.PositiveSmallIntegerField(_("year"))
    titel = models.CharField(_("title"), max_length=200)
    versiedatum = models.DateField(_("version date"))
    status = models.CharField(
        _("status"), max_length=20, choices=RapportStatus.choices, default=RapportStatus.CONCEPT
    )
    inleiding = models.TextField(
        _("introduction"), blank=True, max_length=MAX_INTRO, help_text=_("Markdown.")
    )
    basisjaar = models.PositiveSmallIntegerField(
        _("baseline year"),
        null=True,
        blank=True,
        help_text=_(
            "The number of social brokers at the end of this year is the starting point "
            "the report compares with (e.g. 2020). Empty: the previous year."
        ),
    )

    objects = JaarrapportageQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["-jaar"]
        permissions = [
            ("finalize_jaarrapportage", _("Can make an annual report final")),
            ("reopen_jaarrapportage", _("Can reopen a final annual report")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(jaar__gte=2000) & Q(jaar__lte=2100),
                name="rapportage_jaarrapportage_year_in_range",
            ),
            models.UniqueConstraint(fields=["jaar"], name="rapportage_jaarrapportage_unique_year"),
        ]

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("rapportage:jaarrapportage_detail", args=[self.pk])

    @property
    def is_definitief(self) -> bool:
        return self.status == RapportStatus.DEFINITIEF

    @property
    def baseline_year(self) -> int:
        return self.basisjaar or self.jaar - 1


class SectieQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(rapportage__in=Jaarrapportage.objects.visible_to(user))


class Sectie(VersionedModel, TimeStampedModel):
    """A section of a report: a narrative plus, per kind, computed content."""

    rapportage = models.ForeignKey(
        Jaarrapportage, verbose_name=_("report"), on_delete=models.CASCADE, related_name="secties"
    )
    soort = models.CharField(_("kind"), max_length=30, choices=SectieSoort.choices)
    titel = models.CharField(_("title"), max_length=200)
    tekst = models.TextField(
        _("text"), blank=True, max_length=MAX_SECTION_TEXT, help_text=_("Markdown.")
    )
    volgorde = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = SectieQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["rapportage", "volgorde", "pk"]

    def __str__(self) -> str:
        return self.titel


class PlanonderdeelQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(rapportage__in=Jaarrapportage.objects.visible_to(user))

    def editable_by(self, user):
        """Plan items of reports the user may change, only while the report is a draft."""
        return self.filter(
            rapportage__in=Jaarrapportage.objects.editable_by(user),
            rapportage__status=RapportStatus.CONCEPT,
        )


class Planonderdeel(VersionedModel, TimeStampedModel):
    """A plan item as in Bijlage 2 of the report."""

    rapportage = models.ForeignKey(
        Jaarrapportage,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="planonderdelen",
    )
    volgorde = models.PositiveSmallIntegerField(_("order"), default=0)
    titel = models.CharField(_("title"), max_length=200)
    doel = models.TextField(_("goal"), blank=True, max_length=MAX_PLAN_TEXT)
    gewenst_resultaat = models.TextField(_("desired result"), blank=True, max_length=MAX_PLAN_TEXT)
    startsituatie = models.TextField(_("starting situation"), blank=True, max_length=MAX_PLAN_TEXT)
    inzet_middelen = models.TextField(_("resources deployed"), blank=True, max_length=MAX_PLAN_TEXT)

    objects = PlanonderdeelQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("plan item")
        verbose_name_plural = _("plan items")
        ordering = ["rapportage", "volgorde", "pk"]

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("rapportage:plan", args=[self.rapportage_id]) + f"#plan-{self.pk}"


class IndicatorQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(planonderdeel__in=Planonderdeel.objects.visible_to(user))

    def editable_by(self, user):
        return self.filter(planonderdeel__in=Planonderdeel.objects.editable_by(user))


class Indicator(VersionedModel, TimeStampedModel):
    """A target of a plan item: a measure, its unit, the target value and its direction.

    The measure is a figure the app computes (``meting``, a key of
    ``selectors.INDICATOR_MEASURES``) or a value entered by hand with its source.
    """

    planonderdeel = models.ForeignKey(
        Planonderdeel,
        verbose_name=_("plan item"),
        on_delete=models.CASCADE,
        related_name="indicatoren",
    )
    naam = models.CharField(_("name"), max_length=200)
    meting = models.CharField(
        _("measured by"),
        max_length=60,
        blank=True,
        help_text=_("The figure of the app this target is compared with; empty: entered by hand."),
    )
    handmatige_waarde = models.DecimalField(
        _("result entered by hand"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
    )
    bron = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("Where a result entered by hand comes from, e.g. a survey or a count."),
    )
    eenheid = models.CharField(
        _("unit"), max_length=40, blank=True, help_text=_("E.g. persons, hours per week, jobs.")
    )
    streefwaarde = models.DecimalField(_("target value"), max_digits=12, decimal_places=2)
    richting = models.CharField(
        _("direction"), max_length=10, choices=Richting.choices, default=Richting.HOGER
    )

    objects = IndicatorQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["planonderdeel", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(meting="") | Q(handmatige_waarde__isnull=False),
                name="rapportage_indicator_measure_or_manual",
                violation_error_message=_("Choose a figure of the app or give the result."),
            ),
            models.CheckConstraint(
                condition=Q(handmatige_waarde__isnull=True) | ~Q(bron=""),
                name="rapportage_indicator_manual_has_source",
                violation_error_message=_("Say where a result entered by hand comes from."),
            ),
            models.CheckConstraint(
                condition=Q(richting__in=Richting.values),
                name="rapportage_indicator_direction_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return self.planonderdeel.get_absolute_url()


def versie_upload_to(instance: RapportVersie, filename: str) -> str:
    return f"rapportages/{instance.rapportage.jaar}/v{instance.versie}-{filename}"


class RapportVersieQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.has_perm("rapportage.view_rapportversie"):
            return self.none()
        return self.filter(rapportage__in=Jaarrapportage.objects.visible_to(user))


class RapportVersie(models.Model):
    """A frozen, final version of a report: its PDF, its content and its figures.

    ``inhoud`` and ``cijfers`` hold everything the PDF shows, so the preview of a
    final report is built from them alone, whatever changes in the record later.
    """

    rapportage = models.ForeignKey(
        Jaarrapportage, verbose_name=_("report"), on_delete=models.CASCADE, related_name="versies"
    )
    versie = models.PositiveSmallIntegerField(_("version"))
    pdf = models.FileField(_("PDF"), upload_to=versie_upload_to)
    cijfers = models.JSONField(_("figures"), default=dict)
    definitief_op = models.DateTimeField(_("made final at"))
    definitief_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made final by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    inhoud = models.JSONField(
        _("content"),
        default=dict,
        help_text=_("The texts, sections, plan items and indicators as they were made final."),
    )
    heropend_op = models.DateTimeField(_("reopened at"), null=True, blank=True)
    heropend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reopened by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    heropend_reden = models.TextField(_("reason for reopening"), blank=True, max_length=1000)

    objects = RapportVersieQuerySet.as_manager()

    class Meta:
        verbose_name = _("report version")
        verbose_name_plural = _("report versions")
        ordering = ["rapportage", "-versie"]
        constraints = [
            models.UniqueConstraint(
                fields=["rapportage", "versie"], name="rapportage_rapportversie_unique_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rapportage} v{self.versie}"


def pdf_upload_to(instance: PdfOpdracht, filename: str) -> str:
    return f"rapportages/{instance.rapportage.jaar}/concept/{instance.pk or 'nieuw'}-{filename}"


class PdfOpdrachtQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The jobs of the reports a user may read (coordinators share them)."""
        return self.filter(rapportage__in=Jaarrapportage.objects.visible_to(user))

    def unfinished(self):
        return self.exclude(status__in=[PdfStatus.KLAAR, PdfStatus.MISLUKT])


class PdfOpdracht(models.Model):
    """One PDF of a report made by the background worker, with its progress.

    A draft PDF keeps its file (served again while the data has not changed:
    ``vingerafdruk``); a final one ends as a RapportVersie, which holds the file.
    """

    FINISHED = (PdfStatus.KLAAR, PdfStatus.MISLUKT)

    rapportage = models.ForeignKey(
        Jaarrapportage,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="pdf_opdrachten",
    )
    soort = models.CharField(_("kind"), max_length=20, choices=PdfSoort.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=PdfStatus.choices, default=PdfStatus.WACHTRIJ
    )
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    aangevraagd_op = models.DateTimeField(_("requested at"), auto_now_add=True)
    bijgewerkt_op = models.DateTimeField(_("updated at"), auto_now=True)
    task_id = models.CharField(_("task id"), max_length=64, blank=True)
    vingerafdruk = models.CharField(
        _("data fingerprint"),
        max_length=64,
        blank=True,
        help_text=_("The state of the data the PDF was made from."),
    )
    pdf = models.FileField(_("PDF"), upload_to=pdf_upload_to, blank=True)
    versie = models.ForeignKey(
        RapportVersie,
        verbose_name=_("final version"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    fout = models.CharField(
        _("reason for failing"),
        max_length=30,
        blank=True,
        help_text=_("A code for the message shown; details go to the log only."),
    )

    objects = PdfOpdrachtQuerySet.as_manager()

    class Meta:
        verbose_name = _("PDF job")
        verbose_name_plural = _("PDF jobs")
        ordering = ["-aangevraagd_op", "-pk"]
        indexes = [
            models.Index(fields=["rapportage", "soort", "status"], name="rapportage_pdf_rap_soort"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=PdfStatus.MISLUKT) | ~Q(fout=""),
                name="rapportage_pdfopdracht_failed_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rapportage} – {self.get_soort_display()} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("rapportage:pdf_opdracht", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED

    @property
    def step(self) -> int:
        """1–4 for queued … writing, 5 when done (for the progress bar)."""
        order = [
            PdfStatus.WACHTRIJ,
            PdfStatus.CIJFERS,
            PdfStatus.OPMAAK,
            PdfStatus.SCHRIJVEN,
            PdfStatus.KLAAR,
        ]
        return order.index(self.status) + 1 if self.status in order else 0
