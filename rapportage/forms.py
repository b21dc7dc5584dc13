from __future__ import annotations

import datetime
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.forms import DutchDecimalField, refuse_implausible_date
from core.periods import FIRST_YEAR
from core.widgets import DateInput

from .blocks import REGISTRY, block_choices, repeated_placements
from .choices import Richting, SectieSoort
from .models import Indicator, Jaarrapportage, Planonderdeel, Sectie
from .report import default_title
from .selectors import first_recorded_year, measure_choices

MARKDOWN_HELP = _(
    "Markdown: an empty line starts a new paragraph; '- ' starts a bullet; "
    "**bold**, *italic*, [link text](https://…)."
)


def _plausible_year(jaar: int | None) -> int | None:
    if jaar is not None and not 2000 <= jaar <= 2100:
        raise forms.ValidationError(_("Give a year between 2000 and 2100."))
    return jaar


def report_years() -> tuple[int, int]:
    """The years a report can be made for: from the first recorded year up to next year."""
    next_year = timezone.localdate().year + 1
    first = first_recorded_year() or next_year - 1
    return max(min(first, next_year - 1), FIRST_YEAR), next_year


def duplicate_year_message(existing: Jaarrapportage):
    """Dutch message with a link to the report that exists already."""
    return format_html(
        '{} <a href="{}">{}</a>',
        gettext("There is already an annual report for %(year)s.") % {"year": existing.jaar},
        existing.get_absolute_url(),
        gettext("Open “%(title)s”.") % {"title": existing.titel},
    )


def default_version_date(jaar: int) -> datetime.date:
    """Today, or the last day a report of ``jaar`` may carry when today lies later."""
    return min(timezone.localdate(), datetime.date(jaar + 1, 12, 31))


def _plausible_version_date(value: datetime.date | None, jaar: int | None):
    """From 2000 up to the end of the year after the report's year."""
    value = refuse_implausible_date(value, days_ahead=None)
    if value is not None and jaar and value > datetime.date(jaar + 1, 12, 31):
        raise forms.ValidationError(
            _("The version date cannot be later than the year after the report's year.")
        )
    return value


class JaarrapportageCreateForm(forms.ModelForm):
    kopieer_vorig = forms.BooleanField(
        label=_("Start from the previous report"),
        required=False,
        initial=True,
        help_text=_(
            "Copies the sections (their text as a starting point), plan items and "
            "indicators of the latest earlier report. Results entered by hand are not copied."
        ),
    )

    class Meta:
        model = Jaarrapportage
        fields = ["jaar", "titel", "versiedatum", "basisjaar"]
        widgets = {"versiedatum": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        year = timezone.localdate().year
        self.first_year, self.last_year = report_years()
        self.fields["jaar"].initial = year
        self.fields["jaar"].widget.attrs.update({"min": self.first_year, "max": self.last_year})
        self.fields["jaar"].help_text = _("From %(first)s up to %(last)s.") % {
            "first": self.first_year,
            "last": self.last_year,
        }
        self.fields["titel"].required = False
        self.fields["titel"].help_text = _("Empty: “%(title)s”.") % {"title": default_title(year)}
        self.fields["versiedatum"].initial = timezone.localdate()
        self.fields["versiedatum"].required = False
        # versiedatum.js moves an untouched version date along with the chosen year.
        self.fields["versiedatum"].widget.attrs.update(
            {"data-volgt-jaar": "id_jaar", "data-vandaag": timezone.localdate().isoformat()}
        )
        latest = Jaarrapportage.objects.order_by("-jaar").first()
        if latest is None:
            del self.fields["kopieer_vorig"]
        else:
            self.fields["basisjaar"].initial = latest.basisjaar
            self.fields["kopieer_vorig"].label = _(
                "Start from the report of %(year)s (or the latest one before the new year)"
            ) % {"year": latest.jaar}

    def clean_jaar(self):
        jaar = _plausible_year(self.cleaned_data["jaar"])
        if jaar is None:
            return jaar
        if not self.first_year <= jaar <= self.last_year:
            raise forms.ValidationError(
                _(
                    "A report can be made for %(first)s up to %(last)s: from the first year "
                    "anything was recorded up to next year."
                )
                % {"first": self.first_year, "last": self.last_year},
                code="year_out_of_range",
            )
        existing = Jaarrapportage.objects.filter(jaar=jaar).first()
        if existing is not None:
            raise forms.ValidationError(duplicate_year_message(existing), code="duplicate_year")
        return jaar

    def clean_basisjaar(self):
        return _plausible_year(self.cleaned_data["basisjaar"])

    def clean_versiedatum(self):
        value, jaar = self.cleaned_data["versiedatum"], self.cleaned_data.get("jaar")
        if jaar and (value is None or "versiedatum" not in self.changed_data):
            # Left empty or as offered (today): the date that fits the chosen year.
            value = default_version_date(jaar)
        return _plausible_version_date(value, jaar)

    def clean(self):
        cleaned = super().clean()
        jaar, basisjaar = cleaned.get("jaar"), cleaned.get("basisjaar")
        if jaar and basisjaar and basisjaar >= jaar:
            self.add_error("basisjaar", _("The baseline year must lie before the report's year."))
        return cleaned


class JaarrapportageUpdateForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Jaarrapportage
        fields = ["titel", "versiedatum", "basisjaar", "inleiding"]
        widgets = {
            "versiedatum": DateInput,
            "inleiding": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {"inleiding": MARKDOWN_HELP}

    def clean_versiedatum(self):
        return _plausible_version_date(self.cleaned_data["versiedatum"], self.instance.jaar)

    def clean_basisjaar(self):
        basisjaar = _plausible_year(self.cleaned_data.get("basisjaar"))
        if basisjaar and basisjaar >= self.instance.jaar:
            raise forms.ValidationError(_("The baseline year must lie before the report's year."))
        return basisjaar


BLOCK_HELP = _(
    "A computed block (table, chart, figures) stands where its placeholder line "
    "[[blok:…]] is in the text; choose one under “Insert a block”. A block placed "
    "nowhere appears at the end of its own section."
)


def refuse_repeated_blocks(text: str, others) -> None:
    """Refuse a text that places a block a second time (``others``: the report's other sections)."""
    errors = []
    for key, title in repeated_placements(text, [(s.titel, s.tekst) for s in others]):
        values = {"block": REGISTRY[key].label, "placeholder": f"[[blok:{key}]]", "section": title}
        if title:
            message = _(
                "The block “%(block)s” already stands in the section “%(section)s”; a block "
                "stands in one place. Remove %(placeholder)s here or there."
            )
        else:
            message = _(
                "The block “%(block)s” is placed twice in this text; a block stands in one "
                "place. Remove one of the lines %(placeholder)s."
            )
        errors.append(forms.ValidationError(message, code="repeated_block", params=values))
    if errors:
        raise forms.ValidationError(errors)


class SectieForm(VersionedFormMixin, forms.ModelForm):
    """A section's title and narrative, with the version the editor started from."""

    class Meta:
        model = Sectie
        fields = ["titel", "tekst"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 14})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tekst"].help_text = format_html("{} {}", MARKDOWN_HELP, BLOCK_HELP)

    def clean_tekst(self):
        tekst = self.cleaned_data["tekst"]
        others = self.instance.rapportage.secties.exclude(pk=self.instance.pk)
        refuse_repeated_blocks(tekst, others)
        return tekst


class BlokKeuzeForm(forms.Form):
    """The block chooser beside the section text (not submitted: a script inserts)."""

    blok = forms.ChoiceField(label=_("Insert a block"), required=False)

    def __init__(self, *args, soort: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["blok"].choices = [("", _("– choose a block –")), *block_choices(soort)]
        self.fields["blok"].widget.attrs.update(
            {"data-blok-target": "id_tekst", "class": "form-select"}
        )


class SectieCreateForm(forms.ModelForm):
    class Meta:
        model = Sectie
        fields = ["soort", "titel", "tekst"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 10})}
        help_texts = {
            "soort": _("What the section shows besides its text (tables, examples, plan)."),
            "tekst": MARKDOWN_HELP,
        }

    def __init__(self, *args, rapportage: Jaarrapportage | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.rapportage = rapportage
        self.fields["soort"].initial = SectieSoort.VRIJ

    def clean_tekst(self):
        tekst = self.cleaned_data["tekst"]
        if self.rapportage is not None:
            refuse_repeated_blocks(tekst, self.rapportage.secties.all())
        return tekst


class PlanonderdeelForm(VersionedFormMixin, forms.ModelForm):
    """A plan item of Bijlage 2; editing checks the version the editor started from."""

    class Meta:
        model = Planonderdeel
        fields = [
            "titel",
            "volgorde",
            "doel",
            "gewenst_resultaat",
            "startsituatie",
            "inzet_middelen",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 4})
            for name in ("doel", "gewenst_resultaat", "startsituatie", "inzet_middelen")
        }
        help_texts = {
            "volgorde": _("Plan items are shown in this order."),
            "inzet_middelen": MARKDOWN_HELP,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["volgorde"].required = False
        self.fields["volgorde"].widget.attrs.update({"min": 0, "max": 999})

    def clean_volgorde(self):
        volgorde = self.cleaned_data.get("volgorde")
        if volgorde is not None and not 0 <= volgorde <= 999:
            raise forms.ValidationError(_("Give a number from 0 to 999."))
        return volgorde


HANDMATIG = ""
# Indicators count people, hours, jobs or percentages: never below zero, and a
# million is beyond any figure of this work (a typing slip, not a target).
MAX_TARGET = Decimal(1_000_000)


class IndicatorForm(VersionedFormMixin, forms.ModelForm):
    """An indicator: a computed figure of the app or a value entered by hand with its source."""

    class Meta:
        model = Indicator
        fields = [
            "naam",
            "meting",
            "handmatige_waarde",
            "bron",
            "eenheid",
            "streefwaarde",
            "richting",
        ]
        widgets = {"richting": forms.RadioSelect}
        help_texts = {
            "naam": _("As it appears in the report, e.g. “Waiting list at the end of the year”."),
            "handmatige_waarde": _("Only for a result the app does not compute."),
            "eenheid": _("E.g. persons, hours per week, jobs. Empty: the unit of the figure."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meting"] = forms.ChoiceField(
            label=_("Measure"),
            required=False,
            choices=[
                (HANDMATIG, _("– entered by hand (give the result and its source) –")),
                (_("Computed by the app"), measure_choices()),
            ],
            initial=self.instance.meting if self.instance.pk else "",
            help_text=_(
                "A figure the app computes for the report's year, or a value entered by hand."
            ),
        )
        for name in ("streefwaarde", "handmatige_waarde"):
            model_field = Indicator._meta.get_field(name)
            self.fields[name] = DutchDecimalField(
                label=capfirst(model_field.verbose_name),
                required=not model_field.blank,
                max_digits=model_field.max_digits,
                decimal_places=model_field.decimal_places,
                min_value=0,
                max_value=MAX_TARGET,
                help_text=self.fields[name].help_text,
                error_messages={
                    "min_value": _("A target or result is zero or more."),
                    "max_value": _("This number is too large: at most 1.000.000."),
                },
            )
        self.fields["richting"].choices = list(Richting.choices)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("meting") == HANDMATIG:
            if cleaned.get("handmatige_waarde") is None and "handmatige_waarde" not in self.errors:
                self.add_error(
                    "handmatige_waarde", _("Give the result, or choose a figure of the app.")
                )
            if not (cleaned.get("bron") or "").strip():
                self.add_error("bron", _("Say where a result entered by hand comes from."))
        return cleaned


class HeropenForm(forms.Form):
    """Reopening a final report: why (kept with the version that was final)."""

    reden = forms.CharField(
        label=_("Why is the report reopened?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown in the version history, with your name and the date."),
    )

    def clean_reden(self):
        reden = " ".join(self.cleaned_data["reden"].split())
        if not reden:
            raise forms.ValidationError(_("Say why the report is reopened."))
        return reden
