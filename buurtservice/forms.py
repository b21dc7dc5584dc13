"""Forms only validate; the views hand their cleaned data to services, which write."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.forms import DutchDecimalField, IdsChoiceField, refuse_implausible_date
from core.models import overlaps_q
from core.widgets import DateInput
from wijken.models import Wijk

from .models import (
    MAX_HOURS_PER_JOB,
    REQUESTER_FIELDS,
    Capaciteit,
    Klus,
    Uitvoerder,
    sees_requester_data,
)

REQUESTER_HELP = _(
    "Only what is needed to do the job. Removed automatically some time after the job is "
    "closed; visible to Buurtservice and coordinators only."
)


class KlusForm(VersionedFormMixin, forms.ModelForm):
    """Intake and edit of a job. Requester fields only for users who may see them."""

    toch_opslaan = forms.BooleanField(
        label=_("This is a different request: save anyway"),
        required=False,
        widget=forms.HiddenInput,
    )

    class Meta:
        model = Klus
        fields = [
            "aanvraagdatum",
            "wijk",
            "soort",
            "verwijzer",
            "omschrijving",
            "aanvrager_naam",
            "aanvrager_adres",
            "aanvrager_telefoon",
        ]
        widgets = {
            "aanvraagdatum": DateInput,
            "omschrijving": forms.Textarea(attrs={"rows": 3}),
            "aanvrager_telefoon": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
            "aanvrager_naam": forms.TextInput(attrs={"autocomplete": "off"}),
            "aanvrager_adres": forms.TextInput(attrs={"autocomplete": "off"}),
        }
        help_texts = {
            "omschrijving": _("What needs to be done. Do not write personal details here."),
            "aanvrager_naam": REQUESTER_HELP,
            "aanvrager_adres": _("Street and house number: where the job is."),
            "aanvrager_telefoon": _("Only if we need to call to make an appointment."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.duplicates: list[Klus] = []
        self.fields["wijk"].queryset = Wijk.objects.visible_to(user).select_related("gebied")
        if not self.instance.pk:
            self.fields["aanvraagdatum"].initial = timezone.localdate()
        if not sees_requester_data(user) or self.instance.is_anonymised:
            for name in REQUESTER_FIELDS:
                del self.fields[name]

    def clean_aanvraagdatum(self):
        date = refuse_implausible_date(self.cleaned_data["aanvraagdatum"])
        if date > timezone.localdate():
            raise forms.ValidationError(_("The request date cannot be in the future."))
        return date

    def clean(self):
        cleaned = super().clean()
        wijk, soort, date = (cleaned.get(k) for k in ("wijk", "soort", "aanvraagdatum"))
        if not (wijk and soort and date) or not sees_requester_data(self.user):
            return cleaned
        duplicates = Klus.objects.possible_duplicates(
            wijk=wijk,
            soort=soort,
            aanvraagdatum=date,
            naam=cleaned.get("aanvrager_naam", ""),
            adres=cleaned.get("aanvrager_adres", ""),
        )
        if self.instance.pk:
            duplicates = duplicates.exclude(pk=self.instance.pk)
        self.duplicates = list(duplicates.select_related("wijk")[:5])
        if self.duplicates and not cleaned.get("toch_opslaan"):
            self.fields["toch_opslaan"].widget = forms.CheckboxInput()
            raise forms.ValidationError(
                _(
                    "This looks like a request that was already taken in (same district, kind "
                    "and requester within a day). Check the job linked above; if this really is a "
                    "different request, tick “save anyway” and save again."
                ),
                code="duplicate",
            )
        return cleaned


class PlanForm(forms.Form):
    datum = forms.DateField(label=_("Planned for"), widget=DateInput)
    uitvoerders = IdsChoiceField(
        label=_("Workers"),
        queryset=Uitvoerder.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one worker.")},
    )

    def __init__(self, *args, klus: Klus, user, **kwargs):
        super().__init__(*args, **kwargs)
        since = timezone.localdate() - datetime.timedelta(days=7)
        assigned = list(klus.inzet.values_list("uitvoerder_id", flat=True))
        # Workers still active (or who left less than a week ago), plus those assigned.
        self.fields["uitvoerders"].queryset = Uitvoerder.objects.visible_to(user).filter(
            overlaps_q(since, None) | Q(pk__in=assigned)
        )
        self.initial.setdefault("datum", klus.gepland_op or timezone.localdate())
        self.initial.setdefault("uitvoerders", assigned)

    def clean_datum(self):
        return refuse_implausible_date(self.cleaned_data["datum"])


class HoursField(DutchDecimalField):
    def __init__(self, **kwargs):
        super().__init__(max_digits=4, decimal_places=1, **kwargs)

    def validate(self, value):
        super().validate(value)
        if value is not None and (value <= 0 or value > MAX_HOURS_PER_JOB):
            raise forms.ValidationError(_("Hours must be more than 0 and at most 24."))


class WorkerHoursMixin:
    """A form with one hours field per assigned worker (``self.assignments``)."""

    assignments: list

    @staticmethod
    def hours_field(uitvoerder_pk: int) -> str:
        return f"uren_{uitvoerder_pk}"

    def hours(self) -> dict[int, Decimal | None]:
        return {
            inzet.uitvoerder_id: self.cleaned_data.get(self.hours_field(inzet.uitvoerder_id))
            for inzet in self.assignments
        }


class CompleteForm(WorkerHoursMixin, forms.Form):
    datum = forms.DateField(label=_("Done on"), widget=DateInput)

    def __init__(self, *args, klus: Klus, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("datum", timezone.localdate())
        self.assignments = list(klus.inzet.select_related("uitvoerder"))
        for inzet in self.assignments:
            self.fields[self.hours_field(inzet.uitvoerder_id)] = HoursField(
                label=_("Hours of %(name)s") % {"name": inzet.uitvoerder},
                initial=inzet.uren,
            )


class CorrectDoneForm(WorkerHoursMixin, VersionedFormMixin, forms.ModelForm):
    """The date and hours of a job that is done, as they really were."""

    datum = forms.DateField(label=_("Done on"), widget=DateInput)

    class Meta:
        model = Klus
        fields: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("datum", self.instance.uitgevoerd_op)
        self.assignments = list(self.instance.inzet.select_related("uitvoerder"))
        for inzet in self.assignments:
            self.fields[self.hours_field(inzet.uitvoerder_id)] = HoursField(
                label=_("Hours of %(name)s") % {"name": inzet.uitvoerder},
                initial=inzet.uren,
                required=False,
                help_text=_("Leave empty when this worker was not there after all."),
            )


class ReopenForm(forms.Form):
    reden = forms.CharField(
        label=_("Reason for reopening"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give the reason for reopening.")},
        help_text=_("For example: recorded as done by mistake; the job still has to be done."),
    )


class CancelForm(forms.Form):
    reden = forms.CharField(
        label=_("Reason for cancelling"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give the reason for cancelling.")},
    )
    datum = forms.DateField(label=_("Cancelled on"), widget=DateInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("datum", timezone.localdate())


class UitvoerderForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Uitvoerder
        fields = ["naam", "soort", "herkomst", "startdatum", "einddatum", "uitstroom", "notities"]
        widgets = {
            "startdatum": DateInput,
            "einddatum": DateInput,
            "notities": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "einddatum": _("Fill in when the person leaves, together with the outflow."),
        }

    def clean_startdatum(self):
        return refuse_implausible_date(self.cleaned_data["startdatum"])

    def clean_einddatum(self):
        return refuse_implausible_date(self.cleaned_data["einddatum"])


class CapaciteitForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Capaciteit
        fields = ["uren_per_week", "startdatum", "einddatum", "omschrijving"]
        widgets = {"startdatum": DateInput, "einddatum": DateInput}
        help_texts = {
            "einddatum": _("Leave empty while the period lasts. Periods may not overlap."),
            "omschrijving": _("For example: +12 h/week from the Sterke Wijken plan."),
        }
        field_classes = {"uren_per_week": DutchDecimalField}

    def clean_startdatum(self):
        return refuse_implausible_date(self.cleaned_data["startdatum"])

    def clean_einddatum(self):
        return refuse_implausible_date(self.cleaned_data["einddatum"])


class PeriodeForm(forms.Form):
    """Choose a period: a quarter, half year or year, or your own start and end."""

    periode = forms.ChoiceField(label=_("Period"), required=False)
    start = forms.DateField(label=_("From"), required=False, widget=DateInput)
    end = forms.DateField(label=_("To"), required=False, widget=DateInput)

    def __init__(self, *args, period_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["periode"].choices = [("", _("Own dates"))] + list(period_choices)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if not cleaned.get("periode") and (start is None or end is None):
            raise forms.ValidationError(_("Choose a period, or fill in both dates."))
        if start and end and end < start:
            raise forms.ValidationError(_("The end date cannot be before the start date."))
        return cleaned
