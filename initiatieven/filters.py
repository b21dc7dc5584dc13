"""The filters of the initiatives list; their state lives in the URL."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from wijken.models import Gebied, Medewerker, Thema, Wijk

from .choices import InitiatiefStatus
from .models import Initiatief


def _gebieden(request):
    return Gebied.objects.of_user(request.user) if request else Gebied.objects.none()


def _wijken(request):
    return Wijk.objects.of_user(request.user) if request else Wijk.objects.none()


def _ondersteuners(request):
    # Only people who actually support an initiative are worth offering.
    return Medewerker.objects.filter(ondersteunde_initiatieven__isnull=False).distinct()


class InitiatiefFilter(django_filters.FilterSet):
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
    ondersteuner = django_filters.ModelChoiceFilter(
        label=_("Supporting broker"), field_name="ondersteuners", queryset=_ondersteuners
    )

    class Meta:
        model = Initiatief
        fields: list[str] = []

    def filter_q(self, queryset, name, value):
        return queryset.search(value)
