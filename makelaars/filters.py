"""The filters of the activity list (and its export); all state lives in the URL."""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.filters import CachedOptionsMixin, LazyModelChoiceField, LazyModelChoiceFilter
from core.periods import month_end, quarters, year_bounds
from core.search import text_search
from core.visibility import gebied_ids_for, sees_all_gebieden
from core.widgets import DateInput, FastSelect
from initiatieven.models import Initiatief
from wijken.models import Gebied, Medewerker, Organisatie, Thema, Wijk

from .choices import ActiviteitSoort, Rol
from .models import Activiteit


class Periode:
    MAAND = "maand"
    KWARTAAL = "kwartaal"
    JAAR = "jaar"
    VORIG_JAAR = "vorig_jaar"

    choices = [
        (MAAND, _("this month")),
        (KWARTAAL, _("this quarter")),
        (JAAR, _("this year")),
        (VORIG_JAAR, _("last year")),
    ]


def period_range(periode: str, today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """First and last day of a preset period around ``today``."""
    if periode == Periode.MAAND:
        return today.replace(day=1), month_end(today.year, today.month)
    if periode == Periode.KWARTAAL:
        _label, start, end = quarters(today.year)[(today.month - 1) // 3]
        return start, end
    if periode == Periode.JAAR:
        return year_bounds(today.year)
    if periode == Periode.VORIG_JAAR:
        return year_bounds(today.year - 1)
    raise ValueError(periode)


SORT_FIELDS = {
    "datum": ("datum", _("Date")),
    "titel": ("titel", _("Title")),
    "wijk": ("wijk__naam", _("District")),
    "soort": ("soort", _("Kind")),
}


# The long lists of the filter panel come from here when the panel opens.
OPTIONS_URL = reverse_lazy("makelaars:activiteit_filter_options")
# Free text is looked for in these fields (a GIN index on PostgreSQL, see migrations).
SEARCH_FIELDS = ("titel", "beschrijving", "opbrengst")


class InitiatiefFilterField(LazyModelChoiceField):
    def label_from_instance(self, obj: Initiatief) -> str:
        return f"{obj.naam} ({obj.wijk.naam})"


class InitiatiefFilter(LazyModelChoiceFilter):
    field_class = InitiatiefFilterField


def colleagues_for(user):
    """The colleagues a user may filter on: those of their own gebieden (all for
    coordinators), not the names of another gebied's team."""
    colleagues = Medewerker.objects.visible_to(user)
    if not sees_all_gebieden(user):
        colleagues = colleagues.filter(gebieden__in=gebied_ids_for(user)).distinct()
    return colleagues.only("naam").order_by("naam", "pk")


def _through_filter(relation: str, column: str):
    """Filter on one value of a many-to-many relation with a join: one value cannot
    duplicate rows (a link is unique per pair), and the database can start from the
    few linked rows instead of testing every activity against a subquery."""

    def method(queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(**{relation: value})

    return method


class ActiviteitFilter(CachedOptionsMixin, django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Title, description or outcome")}
        ),
    )
    periode = django_filters.ChoiceFilter(
        widget=FastSelect,
        label=_("Period"),
        choices=Periode.choices,
        method="filter_periode",
        empty_label=_("any time"),
    )
    van = django_filters.DateFilter(
        label=_("From"), field_name="datum", lookup_expr="gte", widget=DateInput()
    )
    tot = django_filters.DateFilter(
        label=_("Until"), field_name="datum", lookup_expr="lte", widget=DateInput()
    )
    gebied = django_filters.ModelChoiceFilter(
        widget=FastSelect,
        label=_("Area"),
        field_name="wijk__gebied",
        queryset=Gebied.objects.none(),
        empty_label=_("all areas"),
    )
    wijk = django_filters.ModelChoiceFilter(
        widget=FastSelect,
        label=_("District"),
        queryset=Wijk.objects.none(),
        empty_label=_("all districts"),
    )
    soort = django_filters.ChoiceFilter(
        widget=FastSelect,
        label=_("Kind"),
        choices=ActiviteitSoort.choices,
        empty_label=_("all kinds"),
    )
    rol = django_filters.ChoiceFilter(
        widget=FastSelect, label=_("Role"), choices=Rol.choices, empty_label=_("all roles")
    )
    thema = django_filters.ModelChoiceFilter(
        widget=FastSelect,
        label=_("Theme"),
        queryset=Thema.objects.all(),
        method=_through_filter("themas", "thema"),
        empty_label=_("all themes"),
    )
    medewerker = LazyModelChoiceFilter(
        options_url=OPTIONS_URL,
        label=_("Colleague"),
        queryset=Medewerker.objects.none(),
        method=_through_filter("medewerkers", "medewerker"),
        empty_label=_("all colleagues"),
    )
    partner = LazyModelChoiceFilter(
        options_url=OPTIONS_URL,
        label=_("Partner"),
        queryset=Organisatie.objects.none(),
        method=_through_filter("partners", "organisatie"),
        empty_label=_("all partners"),
    )
    initiatief = InitiatiefFilter(
        options_url=OPTIONS_URL,
        label=_("Initiative"),
        queryset=Initiatief.objects.none(),
        empty_label=_("all initiatives"),
    )
    is_voorbeeld = django_filters.BooleanFilter(
        label=_("Report example"),
        widget=FastSelect(
            choices=[("", _("all activities")), ("true", _("examples only")), ("false", _("no"))]
        ),
    )

    # Short lists rendered from the data cache (they change with the reference data).
    cached_options = {"gebied": ("wijken",), "wijk": ("wijken",), "thema": ("wijken",)}

    class Meta:
        model = Activiteit
        fields: list[str] = []

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data=data, queryset=queryset, request=request, prefix=prefix)
        user = request.user
        self.filters["gebied"].queryset = Gebied.objects.of_user(user)
        self.filters["wijk"].queryset = Wijk.objects.of_user(user)
        # Only what the option labels need: the lists can be long.
        self.filters["medewerker"].queryset = colleagues_for(user)
        self.filters["partner"].queryset = Organisatie.objects.visible_to(user).only("naam")
        self.filters["initiatief"].queryset = (
            Initiatief.objects.visible_to(user).select_related("wijk").only("naam", "wijk__naam")
        )

    def filter_text(self, queryset, name, value):
        return text_search(queryset, SEARCH_FIELDS, value)

    def filter_periode(self, queryset, name, value):
        if not value:
            return queryset
        start, end = period_range(value, timezone.localdate())
        return queryset.filter(datum__gte=start, datum__lte=end)

    @property
    def sort(self) -> str:
        """The requested sort key (``datum``, ``-titel``, ...), or the default."""
        value = (self.data.get("sort") or "") if self.data else ""
        if value.lstrip("-") in SORT_FIELDS:
            return value
        return "-datum"

    def sorted_qs(self):
        key = self.sort
        field = SORT_FIELDS[key.lstrip("-")][0]
        prefix = "-" if key.startswith("-") else ""
        return self.qs.order_by(f"{prefix}{field}", f"{prefix}pk")
