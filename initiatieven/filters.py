"""The filters of the initiatives list; their state lives in the URL."""

from __future__ import annotations

import django_filters
from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from core.filters import CachedOptionsMixin, LazyModelChoiceFilter
from wijken.models import Gebied, Medewerker, Thema, Wijk

from .choices import InitiatiefStatus
from .models import Initiatief


def _gebieden(request):
    return Gebied.objects.of_user(request.user) if request else Gebied.objects.none()


def _wijken(request):
    return Wijk.objects.of_user(request.user) if request else Wijk.objects.none()


def _ondersteuners(request):
    # Only people who support an initiative the user can see are worth offering.
    if request is None:
        return Medewerker.objects.none()
    visible = Initiatief.objects.visible_to(request.user).values("pk")
    return (
        Medewerker.objects.filter(ondersteunde_initiatieven__in=visible)
        .distinct()
        .only("naam")
        .order_by("naam", "pk")
    )


class InitiatiefFilter(CachedOptionsMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_q",
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Name, description or target group")}
        ),
    )
    gebied = django_filters.ModelChoiceFilter(
        label=_("Area"), field_name="wijk__gebied", queryset=_gebieden
    )
    wijk = django_filters.ModelChoiceFilter(label=_("District"), queryset=_wijken)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=InitiatiefStatus.choices)
    thema = django_filters.ModelChoiceFilter(
        label=_("Theme"), field_name="themas", queryset=Thema.objects.all()
    )
    ondersteuner = LazyModelChoiceFilter(
        options_url=reverse_lazy("initiatieven:initiatief_filter_options"),
        label=_("Supporting broker"),
        field_name="ondersteuners",
        queryset=_ondersteuners,
    )

    # Short lists rendered from the data cache (see core.filters).
    cached_options = {"gebied": ("wijken",), "wijk": ("wijken",), "thema": ("wijken",)}

    class Meta:
        model = Initiatief
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        return queryset.search(value)
