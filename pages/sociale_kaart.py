"""The sociale kaart: partner organisations per wijk and kind, and what was done
together with each of them.

An organisation relates to wijken in two ways: the wijken it works in (kept by
hand on the organisation, ``Organisatie.wijken``) and the wijken where it took
part in activities or initiatives (derived from those records, as far as the
user may see them). Filtering on a wijk finds both. Only the organisation's own
contact details are shown; nothing about residents.
"""

from __future__ import annotations

from collections import defaultdict

import django_filters
from django import forms
from django.db.models import Min, Q
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from core.mixins import PaginatedMixin, ScopedViewMixin
from core.widgets import FastSelect
from initiatieven.models import Initiatief
from makelaars.models import Activiteit
from wijken.choices import OrganisatieSoort
from wijken.models import Organisatie, Wijk


def _visible_wijk_q(user, wijk) -> Q:
    """Organisations that work in ``wijk`` or shared a visible record there."""
    activiteiten = Activiteit.objects.visible_to(user).filter(wijk=wijk)
    initiatieven = Initiatief.objects.visible_to(user).filter(wijk=wijk)
    return (
        Q(wijken=wijk)
        | Q(pk__in=activiteiten.values("partners"))
        | Q(pk__in=initiatieven.values("partners"))
    )


class OrganisatieFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="search",
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    wijk = django_filters.ModelChoiceFilter(
        label=_("District"),
        queryset=Wijk.objects.select_related("gebied"),
        method="in_wijk",
        empty_label=_("All districts"),
        widget=FastSelect,
    )
    soort = django_filters.ChoiceFilter(
        label=_("Kind"),
        choices=OrganisatieSoort.choices,
        empty_label=_("All kinds"),
        widget=FastSelect,
    )
    actief = django_filters.BooleanFilter(
        label=_("Active"),
        widget=forms.Select(
            choices=[
                ("", _("Active and inactive")),
                ("true", _("Active")),
                ("false", _("Inactive")),
            ]
        ),
    )

    class Meta:
        model = Organisatie
        fields = ["q", "wijk", "soort", "actief"]

    def search(self, queryset, name, value):
        for word in value.split()[:5]:
            queryset = queryset.filter(
                Q(naam__icontains=word)
                | Q(contactpersoon__icontains=word)
                | Q(notities__icontains=word)
            )
        return queryset

    def in_wijk(self, queryset, name, value):
        return queryset.filter(_visible_wijk_q(self.request.user, value)).distinct()


class OrganisatieListView(ScopedViewMixin, PaginatedMixin, FilterView):
    permission_required = "wijken.view_organisatie"
    model = Organisatie
    filterset_class = OrganisatieFilter
    template_name = "pages/organisatie_list.html"
    context_object_name = "organisaties"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("wijken").order_by("naam", "pk")


def _by_year(items, year_of) -> list[dict]:
    years: dict[int, list] = defaultdict(list)
    for item in items:
        years[year_of(item)].append(item)
    return [{"year": year, "items": years[year]} for year in sorted(years, reverse=True)]


class OrganisatieDetailView(ScopedViewMixin, DetailView):
    permission_required = "wijken.view_organisatie"
    model = Organisatie
    template_name = "pages/organisatie_detail.html"
    context_object_name = "organisatie"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        organisatie = self.object
        activiteiten = list(
            Activiteit.objects.visible_to(user)
            .filter(partners=organisatie)
            .select_related("wijk")
            .order_by("-datum", "-pk")
        )
        initiatieven = list(
            Initiatief.objects.visible_to(user)
            .filter(partners=organisatie)
            .select_related("wijk")
            .annotate(begin=Min("statuswijzigingen__datum"))
            .order_by("naam", "pk")
        )
        eigen = list(organisatie.wijken.select_related("gebied"))
        samen = {a.wijk for a in activiteiten} | {i.wijk for i in initiatieven}
        context.update(
            werkt_in=eigen,
            samen_in=sorted(samen - set(eigen), key=lambda w: w.naam),
            activiteiten_per_jaar=_by_year(activiteiten, lambda a: a.datum.year),
            initiatieven_per_jaar=_by_year(
                initiatieven, lambda i: (i.begin or i.created_at.date()).year
            ),
            aantal_activiteiten=len(activiteiten),
            aantal_initiatieven=len(initiatieven),
        )
        return context
