"""Forms of the administration pages and the sociale kaart: they only validate.

The staff form covers a Medewerker and its login in one go (no superuser or
permission fields: those stay in the Django admin, for superusers only).
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.accounts import can_grant
from core.concurrency import VersionedFormMixin
from core.forms import (
    DutchDecimalField,
    DutchIntegerField,
    IdsChoiceField,
    refuse_implausible_date,
)
from core.roles import Role, role_of
from core.widgets import DateInput

from .models import Gebied, Medewerker, Organisatie, Thema, Wijk

User = get_user_model()

NO_ROLE = ""
# More hours a week than this in one job is a typing error.
MAX_HOURS_PER_WEEK = 60


def role_choices() -> list[tuple[str, str]]:
    return [(NO_ROLE, _("no role (cannot use the app)")), *[(r.value, r.label) for r in Role]]


class MedewerkerForm(VersionedFormMixin, forms.ModelForm):
    """A staff member and (optionally) their account: user name, e-mail and role."""

    username = forms.CharField(
        label=_("user name"),
        max_length=150,
        required=False,
        validators=[UnicodeUsernameValidator()],
        help_text=_("To log in with. Leave empty for a staff member without an account."),
    )
    email = forms.EmailField(
        label=_("e-mail"),
        required=False,
        max_length=254,
        help_text=_("The link to set a password is sent here."),
    )
    role = forms.ChoiceField(label=_("role"), choices=role_choices, required=False)

    class Meta:
        model = Medewerker
        fields = [
            "naam",
            "functie",
            "uren_per_week",
            "startdatum",
            "einddatum",
            "gebieden",
            "standaard_wijk",
            "is_pilot",
            "notities",
        ]
        field_classes = {"gebieden": IdsChoiceField, "uren_per_week": DutchDecimalField}
        widgets = {
            "startdatum": DateInput,
            "einddatum": DateInput,
            "gebieden": forms.CheckboxSelectMultiple,
            "notities": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "einddatum": _("Fill in when the person leaves; deactivate the account too."),
            "gebieden": _("A social broker sees the records of these areas."),
        }

    def __init__(self, *args, account=None, editor=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.editor = editor
        # The account being edited (the Medewerker's, or an existing one it gets).
        self.account = account or getattr(self.instance, "user", None)
        if self.account is not None and not self.is_bound:
            self.initial.setdefault("username", self.account.get_username())
            self.initial.setdefault("email", self.account.email)
            role = role_of(self.account)
            self.initial.setdefault("role", role.value if role else NO_ROLE)
            if not self.instance.pk:
                self.initial.setdefault("naam", self.account.get_full_name())
        hours = self.fields["uren_per_week"]
        hours.validators += [MinValueValidator(0), MaxValueValidator(MAX_HOURS_PER_WEEK)]
        self.fields["gebieden"].queryset = Gebied.objects.order_by("volgorde", "naam")
        self.fields["standaard_wijk"].queryset = Wijk.objects.select_related("gebied")
        self.order_fields(["naam", "username", "email", "role"])

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        if not username:
            return ""
        others = User._default_manager.filter(username__iexact=username)
        if self.account is not None:
            others = others.exclude(pk=self.account.pk)
        if others.exists():
            raise forms.ValidationError(
                _("This user name is taken; choose another."), code="username_taken"
            )
        return username

    def clean_role(self):
        role = self.cleaned_data["role"]
        if role and self.editor is not None:
            group = Group.objects.filter(name=role).first()
            if group is not None and not can_grant(self.editor, group.permissions.all()):
                raise forms.ValidationError(
                    _("You cannot give a role with rights that you do not have."),
                    code="role_beyond_editor",
                )
        return role

    def clean_startdatum(self):
        return refuse_implausible_date(self.cleaned_data["startdatum"])

    def clean_einddatum(self):
        return refuse_implausible_date(self.cleaned_data["einddatum"], days_ahead=2 * 365)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("startdatum"), cleaned.get("einddatum")
        if start and end and end < start:
            self.add_error(
                "einddatum", forms.ValidationError(_("The end date lies before the start date."))
            )
        if self.account is not None and not cleaned.get("username") and "username" in cleaned:
            self.add_error(
                "username",
                forms.ValidationError(
                    _("An account keeps its user name; deactivate it instead."),
                    code="username_required",
                ),
            )
        if cleaned.get("username"):
            if not cleaned.get("email") and "email" in cleaned:
                self.add_error(
                    "email",
                    forms.ValidationError(
                        _("An account needs an e-mail address for its password link."),
                        code="email_required",
                    ),
                )
        elif cleaned.get("role"):
            self.add_error(
                "role",
                forms.ValidationError(
                    _("Only a staff member with a user name can have a role."),
                    code="role_without_account",
                ),
            )
        wijk, gebieden = cleaned.get("standaard_wijk"), cleaned.get("gebieden")
        if wijk is not None and gebieden is not None and wijk.gebied not in gebieden:
            self.add_error(
                "standaard_wijk",
                forms.ValidationError(
                    _("Choose a district in one of the staff member's areas."),
                    code="wijk_outside_gebieden",
                ),
            )
        return cleaned


class GebiedForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Gebied
        fields = ["naam", "volgorde"]


class WijkForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Wijk
        fields = ["naam", "gebied", "cbs_code", "inwoners"]
        # Typed the Dutch way: "4.250" inhabitants is four thousand two hundred and fifty.
        field_classes = {"inwoners": DutchIntegerField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["inwoners"].validators.append(MaxValueValidator(1_000_000))

    def clean_cbs_code(self):
        return self.cleaned_data["cbs_code"].strip().upper()


class ThemaForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Thema
        fields = ["naam", "actief"]


class OrganisatieForm(VersionedFormMixin, forms.ModelForm):
    website = forms.URLField(
        label=_("website"), required=False, max_length=200, assume_scheme="https"
    )

    class Meta:
        model = Organisatie
        fields = [
            "naam",
            "soort",
            "wijken",
            "contactpersoon",
            "telefoon",
            "email",
            "website",
            "notities",
            "actief",
        ]
        field_classes = {"wijken": IdsChoiceField}
        widgets = {
            "wijken": forms.CheckboxSelectMultiple,
            "notities": forms.Textarea(attrs={"rows": 3}),
            "telefoon": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
        }
        help_texts = {
            "notities": _("About the organisation and how to work with it; never about residents."),
            "actief": _("Inactive organisations are no longer offered on new activities."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijken"].queryset = Wijk.objects.select_related("gebied")

    def clean_naam(self):
        naam = " ".join(self.cleaned_data["naam"].split())
        others = Organisatie.objects.filter(naam__iexact=naam)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(
                _("The sociale kaart already has an organisation with this name."),
                code="unique",
            )
        return naam


class MergeForm(forms.Form):
    """Merge a duplicate into the organisation whose page this is."""

    duplicate = forms.ModelChoiceField(
        label=_("duplicate to merge into this one"),
        queryset=Organisatie.objects.none(),
        help_text=_(
            "Its activities, initiatives and districts move to this organisation; "
            "then the duplicate is removed."
        ),
    )

    def __init__(self, *args, keep: Organisatie, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duplicate"].queryset = Organisatie.objects.exclude(pk=keep.pk)


class EndOfEmploymentForm(forms.Form):
    """The last working day asked when an account is deactivated: from that day on the
    person no longer counts as staff (e.g. brokers per gebied at year end)."""

    einddatum = forms.DateField(
        label=_("last working day"),
        widget=DateInput,
        required=False,
        help_text=_("The staff record ends on this date. Empty: its end date, else today."),
    )

    def __init__(self, *args, medewerker: Medewerker, **kwargs):
        super().__init__(*args, **kwargs)
        self.medewerker = medewerker

    def clean_einddatum(self):
        value = refuse_implausible_date(self.cleaned_data["einddatum"])
        if value is None:
            start = self.medewerker.startdatum
            return self.medewerker.einddatum or max(timezone.localdate(), start)
        if value < self.medewerker.startdatum:
            raise forms.ValidationError(
                _("The last working day cannot lie before the start date (%(date)s).")
                % {"date": f"{self.medewerker.startdatum:%d-%m-%Y}"},
                code="before_start",
            )
        return value
