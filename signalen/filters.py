"""Filters of the signal list and the signals overview; their state lives in the URL."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from wijken.models import Gebied, Thema, Wijk

from .choices import Bron, ContactSoort
from .models import BuurtteamContact, Signaal


def _gebieden(request):
    return Gebied.objects.of_user(request.user) if request else Gebied.objects.none()


def _wijken(request):
    return Wijk.objects.of_user(request.user) if request else Wijk.objects.none()


class SignaalFilter(django_filters.FilterSet):
    gebied = django_filters.ModelChoiceFilter(
        label=_("Area"), field_name="wijk__gebied", queryset=_gebieden
    )
    wijk = django_filters.ModelChoiceFilter(label=_("District"), queryset=_wijken)
    thema = django_filters.ModelChoiceFilter(
        label=_("Theme"), field_name="themas", queryset=Thema.objects.all(), distinct=True
    )
    bron = django_filters.ChoiceFilter(label=_("Source"), choices=Bron.choices)

    class Meta:
        model = Signaal
        fields: list[str] = []


class OverzichtFilter(django_filters.FilterSet):
    """The overview counts sources, so it filters on place and theme only."""

    wijk = django_filters.ModelChoiceFilter(label=_("District"), queryset=_wijken)
    thema = django_filters.ModelChoiceFilter(
        label=_("Theme"), field_name="themas", queryset=Thema.objects.all(), distinct=True
    )

    class Meta:
        model = Signaal
        fields: list[str] = []


class ContactFilter(django_filters.FilterSet):
    gebied = django_filters.ModelChoiceFilter(label=_("Area"), queryset=_gebieden)
    soort = django_filters.ChoiceFilter(label=_("Kind"), choices=ContactSoort.choices)

    class Meta:
        model = BuurtteamContact
        fields: list[str] = []
