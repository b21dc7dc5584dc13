"""Forms of the initiatives register; they only validate, services write."""

from __future__ import annotations

import datetime

from django import forms
from django.core.validators import MaxLengthValidator, MaxValueValidator
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.forms import (
    DutchDecimalField,
    DutchIntegerField,
    IdsChoiceField,
    ImplausibleAmountMixin,
    refuse_implausible_date,
)
from core.widgets import DateInput
from wijken.models import Medewerker, Organisatie, Thema, Wijk

from .choices import AanvraagStatus, InitiatiefStatus
from .models import Deelnametelling, Financieringsaanvraag, Initiatief

VERANDERVERHAAL_MAX_LENGTH = 2000
INITIATIEFNEMERS_MAX_NAMES = 12
# More residents than this in one count (or as initiators) is a typing error.
MAX_COUNT = 100_000
# A resident initiative's funding application above a million euros is a typing error.
MAX_AMOUNT = 1_000_000
# Above this an amount is questioned once (a cents comma read as thousands, say).
PLAUSIBLE_AMOUNT = 25_000
# Words that only occur in surnames (tussenvoegsels); "Jan Willem" is fine,
# "Anna de Vries" is not.
SURNAME_PREFIXES = {"van", "de", "der", "den", "ter", "ten", "te", "het", "'t", "von", "la", "le"}


def looks_like_full_name(name: str) -> bool:
    """A heuristic: initials, surname prefixes or more than two words."""
    words = name.split()
    return (
        len(words) > 2
        or any(word.lower() in SURNAME_PREFIXES for word in words[1:])
        or any(word.endswith(".") for word in words)
    )


def _today() -> datetime.date:
    return timezone.localdate()


def _refuse_future(value: datetime.date | None, message) -> None:
    refuse_implausible_date(value)
    if value and value > _today():
        raise forms.ValidationError(message, code="future")


class InitiatiefForm(VersionedFormMixin, forms.ModelForm):
    """What an initiative is, where and with whom. Status has its own form."""

    class Meta:
        model = Initiatief
        fields = [
            "naam",
            "wijk",
            "omschrijving",
            "themas",
            "initiatiefnemers",
            "aantal_initiatiefnemers",
            "ondersteuners",
            "partners",
        ]
        field_classes = {
            "themas": IdsChoiceField,
            "ondersteuners": IdsChoiceField,
            "partners": IdsChoiceField,
        }
        widgets = {
            "omschrijving": forms.Textarea(attrs={"rows": 4}),
            "themas": forms.CheckboxSelectMultiple,
            "ondersteuners": forms.CheckboxSelectMultiple,
            "partners": forms.SelectMultiple(attrs={"size": 6}),
        }
        help_texts = {
            "initiatiefnemers": _(
                "Privacy: first names only (e.g. 'Anna, Mo'), or leave empty and give the number."
            ),
            "aantal_initiatiefnemers": _("How many residents took the initiative."),
            "ondersteuners": _("The social brokers who support this initiative."),
            "partners": _("On a computer, hold Ctrl (or Cmd) to choose more than one."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["wijk"].queryset = Wijk.objects.of_user(user).select_related("gebied")
        self.fields["themas"].queryset = Thema.objects.filter(
            Q(actief=True) | Q(pk__in=self._current("themas"))
        )
        today = _today()
        self.fields["ondersteuners"].queryset = Medewerker.objects.filter(
            Q(pk__in=Medewerker.objects.makelaars().active_on(today))
            | Q(pk__in=self._current("ondersteuners"))
        )
        self.fields["partners"].queryset = Organisatie.objects.filter(
            Q(actief=True) | Q(pk__in=self._current("partners"))
        )
        self.fields["initiatiefnemers"].widget.attrs["placeholder"] = _("e.g. Anna, Mo")
        self.fields["aantal_initiatiefnemers"].validators.append(MaxValueValidator(MAX_COUNT))

    def _current(self, name: str) -> list[int]:
        """Ids already linked, so inactive choices do not disappear on edit."""
        if not self.instance.pk:
            return []
        return list(getattr(self.instance, name).values_list("pk", flat=True))

    def clean_initiatiefnemers(self) -> str:
        value = " ".join(self.cleaned_data["initiatiefnemers"].split())
        names = [name.strip() for name in value.split(",") if name.strip()]
        if any(looks_like_full_name(name) for name in names):
            raise forms.ValidationError(
                _(
                    "Give first names only, separated by commas (e.g. 'Anna, Mo'); "
                    "no surnames, for the residents' privacy."
                ),
                code="full_name",
            )
        if len(names) > INITIATIEFNEMERS_MAX_NAMES:
            raise forms.ValidationError(
                _("That is a lot of names: give the number of initiators instead."),
                code="too_many",
            )
        return ", ".join(names)

    def clean(self):
        cleaned = super().clean()
        names = cleaned.get("initiatiefnemers")
        count = cleaned.get("aantal_initiatiefnemers")
        if names and count is not None and count < len(names.split(",")):
            self.add_error(
                "aantal_initiatiefnemers",
                _("The number of initiators is smaller than the number of names given."),
            )
        return cleaned


class InitiatiefCreateForm(InitiatiefForm):
    """On creation the first status and its date are asked too."""

    begin_status = forms.ChoiceField(
        label=_("Status"),
        choices=InitiatiefStatus.choices,
        initial=InitiatiefStatus.IDEE,
        help_text=_("Later changes of status are recorded on the initiative's page."),
    )
    status_datum = forms.DateField(
        label=_("Since"),
        widget=DateInput(),
        help_text=_("Since when the initiative has this status."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status_datum"].initial = _today()

    def clean_status_datum(self):
        value = self.cleaned_data["status_datum"]
        _refuse_future(value, _("The status date cannot be in the future."))
        return value


class VeranderverhaalForm(VersionedFormMixin, forms.ModelForm):
    """The four blocks of the veranderverhaal (theory of change)."""

    class Meta:
        model = Initiatief
        fields = ["doelgroep", "aanpak", "directe_effecten", "indirecte_bijdrage"]
        widgets = {
            name: forms.Textarea(attrs={"rows": 4, "maxlength": VERANDERVERHAAL_MAX_LENGTH})
            for name in ["doelgroep", "aanpak", "directe_effecten", "indirecte_bijdrage"]
        }
        help_texts = {
            "doelgroep": _("Who are the main target groups of the initiative?"),
            "aanpak": _(
                "Which activities, approach and attitude contribute to the desired results?"
            ),
            "directe_effecten": _(
                "What changes for the target group because of the initiative? One effect per line."
            ),
            "indirecte_bijdrage": _(
                "To what does it contribute in the neighbourhood in the longer run? "
                "One point per line."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        placeholders = {
            "doelgroep": _("e.g. Residents of the Waterkwartier"),
            "aanpak": _("e.g. Organising activities together\nUsing residents' talents"),
            "directe_effecten": _("e.g. Connectedness: residents feel connected to each other"),
            "indirecte_bijdrage": _("e.g. More social cohesion in the district"),
        }
        for name, placeholder in placeholders.items():
            field = self.fields[name]
            field.max_length = VERANDERVERHAAL_MAX_LENGTH
            field.validators.append(MaxLengthValidator(VERANDERVERHAAL_MAX_LENGTH))
            field.widget.attrs["placeholder"] = placeholder


class StatusWijzigingForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=InitiatiefStatus.choices)
    datum = forms.DateField(label=_("Date"), widget=DateInput())
    toelichting = forms.CharField(
        label=_("Explanation"),
        max_length=300,
        required=False,
        help_text=_("Optional: why the status changed."),
    )

    def __init__(self, *args, initiatief: Initiatief, **kwargs):
        super().__init__(*args, **kwargs)
        self.initiatief = initiatief
        self.fields["datum"].initial = _today()
        self.fields["status"].choices = [
            (value, label)
            for value, label in InitiatiefStatus.choices
            if value != initiatief.status
        ]

    def clean_datum(self):
        value = self.cleaned_data["datum"]
        _refuse_future(value, _("A status change cannot be dated in the future."))
        latest = self.initiatief.statuswijzigingen.order_by("-datum").first()
        if latest and value < latest.datum:
            raise forms.ValidationError(
                _("The date is before the last status change (%(date)s)."),
                code="before_last",
                params={"date": latest.datum.strftime("%d-%m-%Y")},
            )
        return value


class FinancieringsaanvraagForm(ImplausibleAmountMixin, VersionedFormMixin, forms.ModelForm):
    bedrag = DutchDecimalField(
        label=capfirst(Financieringsaanvraag._meta.get_field("bedrag").verbose_name),
        max_digits=10,
        decimal_places=2,
        plausible_max=PLAUSIBLE_AMOUNT,
        help_text=_("In euros, e.g. 750,00."),
    )

    class Meta:
        model = Financieringsaanvraag
        fields = ["fonds", "bedrag", "aangevraagd_op", "status", "besluit_op"]
        widgets = {"aangevraagd_op": DateInput(), "besluit_op": DateInput()}
        help_texts = {
            "fonds": _("E.g. Wensfonds or the 3x3 basketball subsidy."),
            "besluit_op": _("Fill in once the fund has decided."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bedrag"].validators.append(MaxValueValidator(MAX_AMOUNT))
        self.fields["fonds"].widget.attrs["list"] = "fondsen"
        if not self.instance.pk:
            self.fields["aangevraagd_op"].initial = _today()

    def clean_bedrag(self):
        value = self.cleaned_data["bedrag"]
        if value is not None and value <= 0:
            raise forms.ValidationError(_("The amount must be more than € 0."), code="not_positive")
        return value

    def clean_aangevraagd_op(self):
        return refuse_implausible_date(self.cleaned_data["aangevraagd_op"])

    def clean_besluit_op(self):
        value = self.cleaned_data["besluit_op"]
        _refuse_future(value, _("A decision cannot be dated in the future."))
        return value

    def clean(self):
        cleaned = super().clean()
        applied = cleaned.get("aangevraagd_op")
        decided = cleaned.get("besluit_op")
        status = cleaned.get("status")
        if applied and decided and decided < applied:
            self.add_error(
                "besluit_op", _("The decision date cannot be before the application date.")
            )
        if status in (AanvraagStatus.TOEGEKEND, AanvraagStatus.AFGEWEZEN) and not decided:
            if "besluit_op" not in self.errors:
                self.add_error(
                    "besluit_op", _("Give the date of the decision (granted or rejected).")
                )
        if status == AanvraagStatus.AANGEVRAAGD and decided:
            self.add_error("status", _("A decision date is given: choose granted or rejected."))
        return cleaned


class DeelnametellingForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Deelnametelling
        fields = ["datum", "vrijwilligers", "deelnemers"]
        widgets = {"datum": DateInput()}
        field_classes = {"vrijwilligers": DutchIntegerField, "deelnemers": DutchIntegerField}
        help_texts = {
            "vrijwilligers": _("Residents who help run the initiative."),
            "deelnemers": _("Residents who take part in its activities."),
        }

    def __init__(self, *args, initiatief: Initiatief, **kwargs):
        super().__init__(*args, **kwargs)
        self.initiatief = initiatief
        self.fields["datum"].initial = _today()
        for name in ("vrijwilligers", "deelnemers"):
            self.fields[name].validators.append(MaxValueValidator(MAX_COUNT))

    def clean_datum(self):
        value = self.cleaned_data["datum"]
        _refuse_future(value, _("A count cannot be dated in the future."))
        duplicate = Deelnametelling.objects.filter(initiatief=self.initiatief, datum=value)
        if self.instance.pk:
            duplicate = duplicate.exclude(pk=self.instance.pk)
        if duplicate.exists():
            raise forms.ValidationError(
                _("There is already a count for this initiative on this date."),
                code="duplicate",
            )
        return value
