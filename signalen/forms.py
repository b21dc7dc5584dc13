"""Forms of signals, collective questions and buurtteam contacts (they only validate)."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.forms import IdsChoiceField, refuse_implausible_date
from core.visibility import sees_all_gebieden
from core.widgets import DateInput, FastSelect, FastSelectMultiple
from initiatieven.models import Initiatief
from makelaars.models import Activiteit
from wijken.models import Gebied, Organisatie, Thema, Wijk

from .choices import ContactSoort, VraagstukStatus
from .models import SIGNAAL_MAX_LENGTH, BuurtteamContact, CollectiefVraagstuk, Signaal

# Signals a question can bundle: the last ones of its gebied, newest first.
BUNDLE_WINDOW_DAYS = 550
BUNDLE_MAX = 200
# Activities offered to link to a question: the gebied's recent ones.
ACTIVITY_WINDOW_DAYS = 730


def wijken_for(user):
    """The wijken a user may record a signal in: their gebieden; all for coordinators
    and the Buurtservice (which works in the whole municipality)."""
    if sees_all_gebieden(user) or user.has_perm("buurtservice.add_klus"):
        return Wijk.objects.select_related("gebied")
    return Wijk.objects.of_user(user).select_related("gebied")


def _not_in_future(value: datetime.date | None) -> datetime.date | None:
    refuse_implausible_date(value, days_ahead=None)
    if value is not None and value > timezone.localdate():
        raise forms.ValidationError(_("This date is in the future."), code="future")
    return value


class SignaalForm(VersionedFormMixin, forms.ModelForm):
    themas = IdsChoiceField(
        label=_("Themes"),
        queryset=Thema.objects.filter(actief=True),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one theme.")},
    )

    class Meta:
        model = Signaal
        fields = ["datum", "wijk", "themas", "bron", "omschrijving"]
        widgets = {
            "datum": DateInput(),
            "wijk": FastSelect(),
            "bron": forms.RadioSelect(),
            "omschrijving": forms.Textarea(attrs={"rows": 3, "maxlength": SIGNAAL_MAX_LENGTH}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wijk"].queryset = wijken_for(user)
        self.fields["wijk"].empty_label = _("Choose a district")
        self.fields["bron"].choices = self.fields["bron"].choices[1:]  # no empty radio

    def clean_datum(self):
        return _not_in_future(self.cleaned_data.get("datum"))


class VraagstukForm(VersionedFormMixin, forms.ModelForm):
    themas = IdsChoiceField(
        label=_("Themes"),
        queryset=Thema.objects.filter(actief=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    partners = IdsChoiceField(
        label=_("Partners"),
        queryset=Organisatie.objects.filter(actief=True),
        widget=FastSelectMultiple(attrs={"size": 6}),
        required=False,
        help_text=_("From the sociale kaart. Hold Ctrl (or Cmd) to choose several."),
    )
    activiteiten = IdsChoiceField(
        label=_("Activities that are part of the answer"),
        queryset=Activiteit.objects.none(),
        widget=FastSelectMultiple(attrs={"size": 6}),
        required=False,
    )
    initiatieven = IdsChoiceField(
        label=_("Initiatives that are part of the answer"),
        queryset=Initiatief.objects.none(),
        widget=FastSelectMultiple(attrs={"size": 5}),
        required=False,
    )
    signalen = IdsChoiceField(
        label=_("Bundled signals"),
        queryset=Signaal.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = CollectiefVraagstuk
        fields = ["titel", "gebied", "themas", "omschrijving", "gestart_op", "evaluatie"]
        widgets = {
            "gebied": FastSelect(),
            "gestart_op": DateInput(),
            "omschrijving": forms.Textarea(attrs={"rows": 4}),
            "evaluatie": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, user, bundle: list[int] | None = None, **kwargs):
        """``bundle``: the ids of the signals to bundle (one recurring cell of the
        overview); only those are offered then, however old they are."""
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["gebied"].queryset = Gebied.objects.of_user(user)
        self.fields["gebied"].empty_label = _("Choose an area")
        gebied_ids = list(self.fields["gebied"].queryset.values_list("pk", flat=True))
        activiteiten = Activiteit.objects.visible_to(user).filter(
            wijk__gebied_id__in=gebied_ids,
            datum__gte=today - datetime.timedelta(days=ACTIVITY_WINDOW_DAYS),
        )
        initiatieven = Initiatief.objects.visible_to(user).filter(wijk__gebied_id__in=gebied_ids)
        signalen = (
            Signaal.objects.visible_to(user)
            .filter(
                wijk__gebied_id__in=gebied_ids,
                datum__gte=today - datetime.timedelta(days=BUNDLE_WINDOW_DAYS),
            )
            .select_related("wijk")
        )
        if self.instance.pk:
            keep = self.instance
            activiteiten = activiteiten | Activiteit.objects.visible_to(user).filter(
                collectieve_vraagstukken=keep
            )
            signalen = signalen.filter(vraagstuk__isnull=True) | Signaal.objects.visible_to(
                user
            ).filter(vraagstuk=keep)
            self.fields["activiteiten"].initial = list(
                keep.activiteiten.values_list("pk", flat=True)
            )
            self.fields["initiatieven"].initial = list(
                keep.initiatieven.values_list("pk", flat=True)
            )
            self.fields["signalen"].initial = list(keep.signalen.values_list("pk", flat=True))
            self.fields["partners"].initial = list(keep.partners.values_list("pk", flat=True))
        else:
            signalen = signalen.filter(vraagstuk__isnull=True)
            if bundle:
                signalen = Signaal.objects.visible_to(user).filter(
                    pk__in=bundle, vraagstuk__isnull=True
                )
            self.fields.pop("evaluatie")
        self.fields["activiteiten"].queryset = activiteiten.distinct().select_related("wijk")
        self.fields["initiatieven"].queryset = initiatieven
        signal_ids = list(
            signalen.distinct().order_by("-datum", "-pk").values_list("pk", flat=True)
        )
        self.fields["signalen"].queryset = (
            Signaal.objects.filter(pk__in=signal_ids[:BUNDLE_MAX])
            .select_related("wijk")
            .order_by("-datum", "-pk")
        )
        self.fields["signalen"].label_from_instance = lambda s: (
            f"{s.datum:%d-%m-%Y} · {s.wijk.naam} · {s.omschrijving}"
        )

    def clean_gestart_op(self):
        return _not_in_future(self.cleaned_data.get("gestart_op"))

    def clean(self):
        cleaned = super().clean()
        gebied = cleaned.get("gebied")
        if gebied is None:
            return cleaned
        for name in ("activiteiten", "initiatieven", "signalen"):
            chosen = cleaned.get(name) or []
            if any(obj.wijk.gebied_id != gebied.pk for obj in chosen):
                self.add_error(name, _("Choose only items of the question's area."))
        return cleaned


class VraagstukStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New step"), choices=VraagstukStatus.choices, widget=forms.RadioSelect
    )
    datum = forms.DateField(label=_("Date"), widget=DateInput())
    toelichting = forms.CharField(
        label=_("Explanation"),
        max_length=300,
        required=False,
        validators=CollectiefVraagstuk._meta.get_field("evaluatie").validators,
    )
    evaluatie = forms.CharField(
        label=_("Evaluation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=CollectiefVraagstuk._meta.get_field("evaluatie").validators,
        help_text=_("Required when completing: did it work, what continues, who carries it?"),
    )

    def __init__(self, *args, vraagstuk: CollectiefVraagstuk, **kwargs):
        super().__init__(*args, **kwargs)
        self.vraagstuk = vraagstuk
        self.fields["evaluatie"].initial = vraagstuk.evaluatie

    def clean_datum(self):
        value = _not_in_future(self.cleaned_data.get("datum"))
        if value is not None and value < self.vraagstuk.gestart_op:
            raise forms.ValidationError(
                _("A step cannot be dated before the question started."), code="before_start"
            )
        return value

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("status") == VraagstukStatus.AFGEROND
            and not (cleaned.get("evaluatie") or "").strip()
        ):
            self.add_error("evaluatie", _("Write a short evaluation before completing."))
        return cleaned


class ContactForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = BuurtteamContact
        fields = [
            "datum",
            "gebied",
            "soort",
            "verwezen_van",
            "verwezen_naar",
            "uitkomst",
            "notitie",
        ]
        widgets = {
            "datum": DateInput(),
            "gebied": FastSelect(),
            "soort": forms.RadioSelect(),
            "notitie": forms.Textarea(attrs={"rows": 2, "maxlength": 300}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gebied"].queryset = Gebied.objects.of_user(user)
        self.fields["gebied"].empty_label = _("Choose an area")
        self.fields["soort"].choices = self.fields["soort"].choices[1:]
        for name in ("verwezen_van", "verwezen_naar", "uitkomst"):
            self.fields[name].help_text = _("Only for a referral.")

    def clean_datum(self):
        return _not_in_future(self.cleaned_data.get("datum"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("soort") == ContactSoort.DOORVERWIJZING:
            for name in ("verwezen_van", "verwezen_naar", "uitkomst"):
                if not cleaned.get(name):
                    self.add_error(name, _("A referral needs this."))
            van, naar = cleaned.get("verwezen_van"), cleaned.get("verwezen_naar")
            if van and naar and van == naar:
                self.add_error("verwezen_naar", _("Choose a different party than the referrer."))
        else:
            for name in ("verwezen_van", "verwezen_naar", "uitkomst"):
                cleaned[name] = ""
        return cleaned
