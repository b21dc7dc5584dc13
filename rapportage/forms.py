from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.forms import refuse_implausible_date
from core.widgets import DateInput

from .choices import SectieSoort
from .models import Jaarrapportage, Sectie
from .report import default_title

MARKDOWN_HELP = _(
    "Markdown: an empty line starts a new paragraph; '- ' starts a bullet; "
    "**bold**, *italic*, [link text](https://…)."
)


def _plausible_year(jaar: int | None) -> int | None:
    if jaar is not None and not 2000 <= jaar <= 2100:
        raise forms.ValidationError(_("Give a year between 2000 and 2100."))
    return jaar


def _plausible_version_date(value: datetime.date | None, jaar: int | None):
    """From 2000 up to the end of the year after the report's year."""
    value = refuse_implausible_date(value, days_ahead=None)
    if value is not None and jaar and value > datetime.date(jaar + 1, 12, 31):
        raise forms.ValidationError(
            _("The version date cannot be later than the year after the report's year.")
        )
    return value


class JaarrapportageCreateForm(forms.ModelForm):
    class Meta:
        model = Jaarrapportage
        fields = ["jaar", "titel", "versiedatum", "basisjaar"]
        widgets = {"versiedatum": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        year = timezone.localdate().year
        self.fields["jaar"].initial = year
        self.fields["titel"].required = False
        self.fields["titel"].help_text = _("Empty: “%(title)s”.") % {"title": default_title(year)}
        self.fields["versiedatum"].initial = timezone.localdate()
        self.fields["versiedatum"].required = False

    def clean_jaar(self):
        return _plausible_year(self.cleaned_data["jaar"])

    def clean_basisjaar(self):
        return _plausible_year(self.cleaned_data["basisjaar"])

    def clean_versiedatum(self):
        return _plausible_version_date(
            self.cleaned_data["versiedatum"], self.cleaned_data.get("jaar")
        )

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


class SectieForm(VersionedFormMixin, forms.ModelForm):
    """A section's title and narrative, with the version the editor started from."""

    class Meta:
        model = Sectie
        fields = ["titel", "tekst"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 14})}
        help_texts = {"tekst": MARKDOWN_HELP}


class SectieCreateForm(forms.ModelForm):
    class Meta:
        model = Sectie
        fields = ["soort", "titel", "tekst"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 10})}
        help_texts = {
            "soort": _("What the section shows besides its text (tables, examples, plan)."),
            "tekst": MARKDOWN_HELP,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["soort"].initial = SectieSoort.VRIJ
