"""Forms of the social brokers' log: they validate, services.py saves."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.datacache import cached, scope_key
from core.forms import (
    EARLIEST_DATE,
    DutchIntegerField,
    IdsChoiceField,
    latest_plausible_date,
    refuse_implausible_date,
)
from core.images import ACCEPTED_EXTENSIONS, sanitise_image
from core.models import overlaps_q
from core.widgets import DateInput, FastSelect, FastSelectMultiple
from initiatieven.models import Initiatief
from wijken.models import Medewerker, Organisatie, Thema, Wijk

from .models import Activiteit, ActiviteitFoto, ActiviteitLink

MAX_COUNT = 100_000
MAX_PHOTOS = 10
MARK_VOORBEELD = "makelaars.mark_voorbeeld"


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Any number of pictures; each is checked and re-encoded (core.images).

    The cleaned value is a list of safe, re-encoded images (``SafeImage``): the
    uploads themselves are never stored.
    """

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("accept", ",".join(sorted(ACCEPTED_EXTENSIONS)))
        # Called with the number of photos before any is decoded; raises
        # ValidationError to refuse them all (the daily limit, given by the view).
        self.before_decoding: Callable[[int], None] | None = None

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if len(files) > MAX_PHOTOS:
            raise ValidationError(
                _("You can add at most %(max)d photos at a time."), params={"max": MAX_PHOTOS}
            )
        if files and self.before_decoding is not None:
            self.before_decoding(len(files))
        cleaned = []
        errors = []
        for upload in files:
            try:
                cleaned.append(sanitise_image(upload))
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise ValidationError(errors)
        return cleaned


def daily_photo_limit_message(room: int) -> str:
    """Why a user cannot add more photos today (the limit is per user and day)."""
    limit = settings.MAX_PHOTOS_PER_DAY
    if room <= 0:
        return gettext(
            "You can add at most %(max)d photos a day and have reached that today; add "
            "the others tomorrow."
        ) % {"max": limit}
    return ngettext(
        "You can add at most %(max)d photos a day: %(room)d more today.",
        "You can add at most %(max)d photos a day: %(room)d more today.",
        room,
    ) % {"max": limit, "room": room}


def photo_limit_message(room: int) -> str:
    """Why more photos cannot be added to an activity (the limit is per activity)."""
    limit = settings.MAX_PHOTOS_PER_ACTIVITY
    if room <= 0:
        return gettext(
            "An activity has at most %(max)d photos and this one has reached that; remove "
            "photos before adding others."
        ) % {"max": limit}
    return ngettext(
        "An activity has at most %(max)d photos: you can add %(room)d more.",
        "An activity has at most %(max)d photos: you can add %(room)d more.",
        room,
    ) % {"max": limit, "room": room}


class InitiatiefChoiceField(forms.ModelChoiceField):
    widget = FastSelect

    def label_from_instance(self, obj: Initiatief) -> str:
        return f"{obj.naam} ({obj.wijk.naam})"


class ActiviteitForm(VersionedFormMixin, forms.ModelForm):
    """One activity. Only date, wijk, kind and title are required.

    The quick part (QUICK_FIELDS) is what a broker fills in on a phone right after
    the fact; the rest is folded away. The main theme is one pick from the themes,
    added to the activity's themes.
    """

    QUICK_FIELDS = (
        "datum",
        "wijk",
        "soort",
        "titel",
        "bewoners_bereikt",
        "bewoners_geactiveerd",
        "hoofdthema",
    )

    hoofdthema = forms.ModelChoiceField(
        label=_("Main theme"),
        queryset=Thema.objects.none(),
        required=False,
        widget=FastSelect,
        help_text=_("More themes under “More details”."),
    )

    nieuwe_partner = forms.CharField(
        label=_("New partner"),
        max_length=160,
        required=False,
        help_text=_("Not in the list? Type the organisation's name; it is added on saving."),
    )
    fotos = MultipleImageField(
        label=_("Add photos"),
        help_text=_("Images only (JPEG, PNG, GIF or WebP); several files at once are allowed."),
    )
    fotos_verwijderen = IdsChoiceField(
        label=_("Remove photos"),
        queryset=ActiviteitFoto.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Activiteit
        fields = [
            "datum",
            "wijk",
            "soort",
            "titel",
            "beschrijving",
            "opbrengst",
            "rol",
            "themas",
            "hoofdthema",
            "medewerkers",
            "partners",
            "initiatief",
            "bewoners_bereikt",
            "bewoners_geactiveerd",
            "cijfers",
            "is_voorbeeld",
        ]
        # Counts typed the Dutch way: "1.250" is twelve hundred and fifty.
        field_classes = {
            "themas": IdsChoiceField,
            "medewerkers": IdsChoiceField,
            "partners": IdsChoiceField,
            "bewoners_bereikt": DutchIntegerField,
            "bewoners_geactiveerd": DutchIntegerField,
        }
        widgets = {
            "datum": DateInput(),
            "beschrijving": forms.Textarea(attrs={"rows": 3}),
            "opbrengst": forms.Textarea(attrs={"rows": 3}),
            "themas": forms.CheckboxSelectMultiple,
            "wijk": FastSelect,
            "soort": forms.RadioSelect(attrs={"class": "btn-check"}),
            "rol": FastSelect,
            "medewerkers": FastSelectMultiple(attrs={"size": 6}),
            "partners": FastSelectMultiple(attrs={"size": 6}),
        }
        error_messages = {
            "wijk": {
                "invalid_choice": _(
                    "You cannot record activities in this district: it is not in your area."
                ),
            },
        }

    def __init__(self, *args, user, count_photos: Callable[[int], None] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["fotos"].before_decoding = count_photos
        today = timezone.localdate()
        fields = self.fields

        fields["datum"].widget.attrs.update(
            {"min": EARLIEST_DATE.isoformat(), "max": latest_plausible_date().isoformat()}
        )
        fields["wijk"].queryset = Wijk.objects.of_user(user).select_related("gebied")
        fields["wijk"].empty_label = _("– choose a district –")
        fields["soort"].choices = [choice for choice in fields["soort"].choices if choice[0]]
        fields["rol"].choices = [("", _("– no role chosen –")), *fields["rol"].choices[1:]]
        fields["titel"].widget.attrs.update({"autocomplete": "off", "maxlength": 200})
        fields["themas"].queryset = Thema.objects.filter(
            Q(actief=True) | Q(pk__in=self._current_ids("themas"))
        )
        # The same main-theme pick when editing as when creating; an inactive one
        # already chosen stays available.
        current = [self.instance.hoofdthema_id] if self.instance.hoofdthema_id else []
        fields["hoofdthema"].queryset = Thema.objects.filter(Q(actief=True) | Q(pk__in=current))
        fields["hoofdthema"].empty_label = _("– no theme chosen –")
        fields["medewerkers"].queryset = (
            Medewerker.objects.visible_to(user)
            .filter(
                overlaps_q(today - datetime.timedelta(days=365), None)
                | Q(pk__in=self._current_ids("medewerkers"))
            )
            .order_by("naam")
            .only("naam")
        )
        fields["partners"].queryset = (
            Organisatie.objects.visible_to(user)
            .filter(Q(actief=True) | Q(pk__in=self._current_ids("partners")))
            .only("naam")
        )
        fields["initiatief"] = InitiatiefChoiceField(
            label=capfirst(Activiteit._meta.get_field("initiatief").verbose_name),
            queryset=Initiatief.objects.visible_to(user)
            .select_related("wijk")
            .only("naam", "wijk__naam"),
            required=False,
            initial=fields["initiatief"].initial,
        )
        for name in ("bewoners_bereikt", "bewoners_geactiveerd"):
            fields[name].validators.append(MaxValueValidator(MAX_COUNT))
        if not user.has_perm(MARK_VOORBEELD):
            del fields["is_voorbeeld"]
        if self.instance.pk and self.instance.fotos.exists():
            fields["fotos_verwijderen"].queryset = self.instance.fotos.all()
        else:
            del fields["fotos_verwijderen"]
        if not user.has_perm("wijken.add_organisatie"):
            del fields["nieuwe_partner"]
        if not self.instance.pk:
            self._offer_cached_choices(user, today)

    # The option lists of a new activity: the same for everyone in the same scope
    # on the same day, so they are read once and kept until their data changes
    # (core.datacache). Posted values are still checked against the querysets.
    CACHED_CHOICES = ("wijk", "themas", "hoofdthema", "medewerkers", "partners", "initiatief")

    def _offer_cached_choices(self, user, today) -> None:
        names = [name for name in self.CACHED_CHOICES if name in self.fields]
        choices = cached(
            "makelaars:activiteit-form-choices",
            keys=("wijken", "initiatieven"),
            parts=[scope_key(user), today.isoformat(), get_language(), names],
            compute=lambda: {
                name: [(str(value), str(label)) for value, label in self.fields[name].choices]
                for name in names
            },
            request=user,
        )
        for name in names:
            self.fields[name].widget.choices = choices[name]

    def _current_ids(self, name: str) -> list[int]:
        """The ids already linked, so an inactive choice is kept when editing."""
        if not self.instance.pk:
            return []
        return list(getattr(self.instance, name).values_list("pk", flat=True))

    def clean_datum(self):
        return refuse_implausible_date(self.cleaned_data["datum"])

    def clean_nieuwe_partner(self):
        return " ".join(self.cleaned_data.get("nieuwe_partner", "").split())

    def clean(self):
        cleaned = super().clean()
        fotos = cleaned.get("fotos") or []
        if fotos:
            # The limit is per activity, over all submissions (the service checks again).
            existing = self.instance.fotos.count() if self.instance.pk else 0
            removed = len(cleaned.get("fotos_verwijderen") or [])
            room = max(settings.MAX_PHOTOS_PER_ACTIVITY - existing + removed, 0)
            if len(fotos) > room:
                self.add_error("fotos", photo_limit_message(room))
        bereikt = cleaned.get("bewoners_bereikt")
        geactiveerd = cleaned.get("bewoners_geactiveerd")
        hoofdthema = cleaned.get("hoofdthema")
        if hoofdthema is not None and "themas" in cleaned:
            themas = list(cleaned["themas"])
            if hoofdthema not in themas:
                cleaned["themas"] = [hoofdthema, *themas]
        if bereikt is not None and geactiveerd is not None and geactiveerd > bereikt:
            self.add_error(
                "bewoners_geactiveerd",
                _("Residents activated cannot be more than residents reached."),
            )
        return cleaned


def _https_urls(field, **kwargs):
    """Addresses typed without a scheme are taken as https://."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class ActiviteitLinkForm(forms.ModelForm):
    class Meta:
        model = ActiviteitLink
        fields = ["url", "omschrijving"]
        formfield_callback = _https_urls
        widgets = {
            "url": forms.URLInput(attrs={"placeholder": "https://", "inputmode": "url"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An empty extra row is fine; a row with only a description is not (see clean).
        self.fields["url"].required = False

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("url") and not self.errors.get("url") and self.has_changed():
            if not cleaned.get("DELETE"):
                self.add_error("url", _("Give the web address of this link."))
        return cleaned


ActiviteitLinkFormSet = inlineformset_factory(
    Activiteit,
    ActiviteitLink,
    form=ActiviteitLinkForm,
    extra=1,
    max_num=20,
    validate_max=True,
    can_delete=True,
)


def link_data(links: forms.BaseInlineFormSet) -> list[dict[str, str]]:
    """The links of a valid formset as plain data: every filled-in row not marked
    for removal, in the order shown."""
    return [
        {"url": row.cleaned_data["url"], "omschrijving": row.cleaned_data.get("omschrijving", "")}
        for row in links.forms
        if row.cleaned_data.get("url") and not row.cleaned_data.get("DELETE")
    ]


def link_formset(*, data=None, instance=None, initial=None) -> forms.BaseInlineFormSet:
    """The links of an activity; a duplicate starts with copies of the source's links."""
    if initial:
        formset_class = inlineformset_factory(
            Activiteit,
            ActiviteitLink,
            form=ActiviteitLinkForm,
            extra=len(initial) + 1,
            max_num=20,
            validate_max=True,
            can_delete=True,
        )
        return formset_class(data=data, instance=instance, initial=initial, prefix="links")
    return ActiviteitLinkFormSet(data=data, instance=instance, prefix="links")
