"""Forms of the measurements: composing a questionnaire, the duiding, and the
public form residents answer (they only validate)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.forms import refuse_implausible_date
from core.privacy import refuse_personal_data
from core.widgets import DateInput

from . import codes
from .choices import Schaal
from .library import statement_choices, suggested_keys
from .models import Duiding, Stelling, Vragenlijst

MAX_STELLINGEN = 12
OPEN_ANSWER_MAX_LENGTH = 1000
HONEYPOT = "website"
# What a typed answer code may look like: 8 letters and digits, spaces or dashes
# between them allowed (checked against the issued codes by the service).
CODE_FIELD_MAX_LENGTH = 20


class VragenlijstForm(VersionedFormMixin, forms.ModelForm):
    bibliotheek = forms.MultipleChoiceField(
        label=_("Statements from the library"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Ticked: the ones that match the initiative's direct effects."),
    )
    eigen_stellingen = forms.CharField(
        label=_("Your own statements"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One statement per line, in the words of the veranderverhaal."),
    )

    class Meta:
        model = Vragenlijst
        fields = ["titel", "inleiding", "open_vraag", "startdatum"]
        widgets = {
            "startdatum": DateInput(),
            "inleiding": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, initiatief, **kwargs):
        super().__init__(*args, **kwargs)
        self.initiatief = initiatief
        choices = statement_choices(initiatief.naam)
        self.library = {key: (effect, text) for key, effect, text in choices}
        self.fields["bibliotheek"].choices = [(key, text) for key, _effect, text in choices]
        self.has_answers = bool(self.instance.pk and self.instance.inzendingen.exists())
        if self.has_answers:
            # Results stay comparable: the statements are fixed once answered.
            del self.fields["bibliotheek"]
            del self.fields["eigen_stellingen"]
        elif self.instance.pk:
            texts = {text: key for key, (_e, text) in self.library.items()}
            current = list(self.instance.stellingen.values_list("tekst", flat=True))
            self.fields["bibliotheek"].initial = [texts[t] for t in current if t in texts]
            self.fields["eigen_stellingen"].initial = "\n".join(
                t for t in current if t not in texts
            )
        else:
            self.fields["bibliotheek"].initial = suggested_keys(initiatief.directe_effecten)

    def clean_startdatum(self):
        return refuse_implausible_date(self.cleaned_data.get("startdatum"))

    def clean_eigen_stellingen(self):
        lines = [
            line.strip() for line in self.cleaned_data.get("eigen_stellingen", "").splitlines()
        ]
        lines = [line for line in lines if line]
        limit = Stelling._meta.get_field("tekst").max_length
        if any(len(line) > limit for line in lines):
            raise forms.ValidationError(
                _("A statement can be at most %(limit)s characters.") % {"limit": limit}
            )
        return lines

    def clean(self):
        cleaned = super().clean()
        if self.has_answers:
            return cleaned
        chosen = [
            (self.library[key][1], self.library[key][0])
            for key in cleaned.get("bibliotheek", [])
            if key in self.library
        ]
        chosen += [(line, "") for line in cleaned.get("eigen_stellingen") or []]
        if "eigen_stellingen" in cleaned and not chosen:
            self.add_error("bibliotheek", _("Choose or write at least one statement."))
        if len(chosen) > MAX_STELLINGEN:
            self.add_error(
                "bibliotheek",
                _("Keep it short: at most %(max)s statements.") % {"max": MAX_STELLINGEN},
            )
        cleaned["stellingen"] = chosen
        return cleaned


class DuidingForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Duiding
        fields = [
            "datum",
            "besproken_met",
            "herkenning",
            "verklaring",
            "waardering",
            "betekenis",
            "acties",
        ]
        widgets = {
            "datum": DateInput(),
            "herkenning": forms.Textarea(attrs={"rows": 3}),
            "verklaring": forms.Textarea(attrs={"rows": 3}),
            "waardering": forms.Textarea(attrs={"rows": 3}),
            "betekenis": forms.Textarea(attrs={"rows": 3}),
            "acties": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_datum(self):
        value = refuse_implausible_date(self.cleaned_data.get("datum"), days_ahead=None)
        if value is not None and value > timezone.localdate():
            raise forms.ValidationError(_("This date is in the future."), code="future")
        return value


def field_name(stelling: Stelling) -> str:
    return f"s{stelling.pk}"


class CodesForm(forms.Form):
    aantal = forms.IntegerField(
        label=_("Number of slips"),
        min_value=1,
        max_value=codes.MAX_AT_ONCE,
        initial=20,
        help_text=_("One slip per resident you hand the questionnaire to."),
    )


class AntwoordForm(forms.Form):
    """What a resident fills in: the answer code from their slip, every statement
    on the five-point scale (each may be skipped), one open question, and a field
    only robots fill in."""

    code = forms.CharField(
        label=_("Your answer code"),
        max_length=CODE_FIELD_MAX_LENGTH,
        help_text=_(
            "The code on your slip, for example K7QM 3XPD. It works once. No slip? Ask "
            "whoever invited you to answer."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
        error_messages={"required": _("Fill in the answer code from your slip.")},
    )
    open_antwoord = forms.CharField(
        required=False,
        max_length=OPEN_ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": OPEN_ANSWER_MAX_LENGTH}),
        validators=[refuse_personal_data],
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, vragenlijst: Vragenlijst, **kwargs):
        super().__init__(*args, **kwargs)
        self.vragenlijst = vragenlijst
        self.stellingen = list(vragenlijst.stellingen.all())
        self.fields["open_antwoord"].label = vragenlijst.open_vraag
        for stelling in self.stellingen:
            self.fields[field_name(stelling)] = forms.TypedChoiceField(
                label=stelling.tekst,
                choices=Schaal.choices,
                coerce=int,
                required=False,
                widget=forms.RadioSelect,
            )

    def clean_code(self):
        code = codes.normalise(self.cleaned_data["code"])
        if len(code) != codes.LENGTH:
            raise forms.ValidationError(
                _("An answer code has %(length)s letters and digits; check your slip.")
                % {"length": codes.LENGTH},
                code="code_length",
            )
        return code

    @property
    def is_robot(self) -> bool:
        return bool((self.data.get(HONEYPOT) or "").strip())

    def statement_fields(self):
        return [self[field_name(stelling)] for stelling in self.stellingen]

    def clean(self):
        cleaned = super().clean()
        waarden = {
            stelling.pk: cleaned[field_name(stelling)]
            for stelling in self.stellingen
            if cleaned.get(field_name(stelling)) not in (None, "")
        }
        if not waarden and not (cleaned.get("open_antwoord") or "").strip():
            raise forms.ValidationError(
                _("Nothing answered yet: choose an answer for at least one statement."),
                code="empty",
            )
        cleaned["waarden"] = waarden
        return cleaned
