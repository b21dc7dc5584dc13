"""The wijk list and the pages of a wijk and a gebied: the chosen year's work there.

Every block follows the chosen year (``?jaar=``): the activities and partners of
that year, the initiatives per status and the running initiatives on the year's
reference date (its last day, or today while it runs).
"""

from __future__ import annotations

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from core.charts import SCREEN_WIDTH, bar_chart
from core.datacache import cached, scope_key
from core.mixins import ScopedViewMixin, YearMixin
from core.periods import month_labels, year_bounds
from core.visibility import gebied_ids_for, sees_all_gebieden
from initiatieven import selectors as initiatieven_selectors
from initiatieven.models import Initiatief
from makelaars.models import Activiteit
from makelaars.selectors import area_overview, per_wijk, years_with_data
from wijken.models import Gebied, Wijk

RECENT = 10
RUNNING_SHOWN = 20
# What the figures of these pages read (core.datacache): cached until one changes.
DATA_KEYS = ("activiteiten", "initiatieven", "wijken")


class AreaPageMixin(ScopedViewMixin, YearMixin):
    """Figures, chart, recent activities, initiatives and partners of an area."""

    year_keys = DATA_KEYS
    year_model = Activiteit

    def cached_figures(self, name: str, compute):
        """``compute()`` cached for this user's scope, the page's object and year, and
        today (the running year's figures are counted up to today)."""
        return cached(
            f"pages:{name}",
            keys=DATA_KEYS,
            parts=[
                scope_key(self.request.user),
                self.kwargs.get("pk"),
                self.get_year(),
                timezone.localdate().isoformat(),
                get_language(),
            ],
            compute=compute,
            request=self.request,
        )

    def is_own(self, gebied_id: int) -> bool:
        user = self.request.user
        return sees_all_gebieden(user) or gebied_id in gebied_ids_for(user)

    def area_activiteiten(self):
        """The activities of the page's area the user may see."""
        raise NotImplementedError

    def data_years(self) -> list[int]:
        return years_with_data(self.area_activiteiten())

    def area_context(self, **kwargs) -> dict:
        return self.cached_figures("area", lambda: self._area_context(**kwargs))

    def _area_context(self, *, activiteiten, initiatieven, naam: str, filter_query: dict) -> dict:
        year = self.get_year()
        on = self.reference_date()
        overview = area_overview(activiteiten, year=year)
        chart = bar_chart(
            month_labels(),
            overview["per_maand"],
            title=_("Activities per month in %(year)s – %(naam)s") % {"year": year, "naam": naam},
            width=SCREEN_WIDTH,
        )
        first, last = year_bounds(year)
        list_url = reverse("makelaars:activiteit_list")
        year_query = {**filter_query, "van": first.isoformat(), "tot": last.isoformat()}
        return {
            **self.year_context(),
            **overview,
            "chart": chart,
            "recent": list(
                activiteiten.for_year(year)
                .select_related("wijk")
                .order_by("-datum", "-pk")[:RECENT]
            ),
            "initiatieven_per_status": initiatieven_selectors.per_status_on(
                on, initiatieven=initiatieven
            )["per_status"],
            "lopende_initiatieven": list(
                initiatieven_selectors.running_on(initiatieven, on)
                .select_related("wijk")
                .order_by("naam", "pk")[:RUNNING_SHOWN]
            ),
            "activiteiten_url": f"{list_url}?{urlencode(filter_query)}",
            "jaar_url": f"{list_url}?{urlencode(year_query)}",
        }


class WijkListView(AreaPageMixin, ListView):
    permission_required = "wijken.view_wijk"
    model = Gebied
    template_name = "pages/wijk_list.html"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("wijken")

    def data_years(self) -> list[int]:
        return years_with_data(Activiteit.objects.visible_to(self.request.user))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["gebieden"] = self.cached_figures("wijk_list", self._gebieden)
        context.update(self.year_context())
        return context

    def _gebieden(self) -> list[dict]:
        user = self.request.user
        year = self.get_year()
        figures = per_wijk(Activiteit.objects.visible_to(user).for_year(year))
        running = dict(
            initiatieven_selectors.running_on(
                Initiatief.objects.visible_to(user), self.reference_date()
            )
            .order_by()
            .values_list("wijk_id")
            .annotate(aantal=Count("pk"))
            .values_list("wijk_id", "aantal")
        )
        eigen = set(Wijk.objects.of_user(user).values_list("pk", flat=True))
        # Figures of a wijk outside the user's gebieden would read 0 (its records are
        # not visible to them): the page says "not your area" instead.
        return [
            {
                "gebied": gebied,
                "wijken": [
                    {
                        "wijk": wijk,
                        "eigen": wijk.pk in eigen,
                        "aantal": figures.get(wijk.pk, {}).get("aantal", 0),
                        "bereikt": figures.get(wijk.pk, {}).get("bereikt", 0),
                        "initiatieven": running.get(wijk.pk, 0),
                    }
                    for wijk in gebied.wijken.all()
                ],
            }
            for gebied in self.object_list
        ]


class GebiedDetailView(AreaPageMixin, DetailView):
    permission_required = "wijken.view_gebied"
    model = Gebied
    template_name = "pages/gebied_detail.html"
    context_object_name = "gebied"

    def area_activiteiten(self):
        return Activiteit.objects.visible_to(self.request.user).in_gebied(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        gebied = self.object
        context["eigen_gebied"] = self.is_own(gebied.pk)
        if not context["eigen_gebied"]:
            # The user sees none of this gebied's records: no figures rather than zeros.
            context.update(self.year_context())
            return context
        activiteiten = self.area_activiteiten()
        context.update(
            self.area_context(
                activiteiten=activiteiten,
                initiatieven=Initiatief.objects.visible_to(user).in_gebied(gebied),
                naam=gebied.naam,
                filter_query={"gebied": gebied.pk},
            )
        )
        context["wijken"] = self.cached_figures(
            "gebied_wijken", lambda: self._wijken(gebied, activiteiten, context["year"])
        )
        return context

    @staticmethod
    def _wijken(gebied, activiteiten, year: int) -> list[dict]:
        figures = per_wijk(activiteiten.for_year(year))
        return [
            {"wijk": wijk, **figures.get(wijk.pk, {"aantal": 0, "bereikt": 0, "geactiveerd": 0})}
            for wijk in gebied.wijken.all()
        ]


class WijkDetailView(AreaPageMixin, DetailView):
    permission_required = "wijken.view_wijk"
    model = Wijk
    template_name = "pages/wijk_detail.html"
    context_object_name = "wijk"

    def get_queryset(self):
        return super().get_queryset().select_related("gebied")

    def area_activiteiten(self):
        return Activiteit.objects.visible_to(self.request.user).filter(wijk=self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        wijk = self.object
        context["eigen_gebied"] = self.is_own(wijk.gebied_id)
        if not context["eigen_gebied"]:
            # The user sees none of this wijk's records: no figures rather than zeros.
            context.update(self.year_context())
            return context
        context.update(
            self.area_context(
                activiteiten=self.area_activiteiten(),
                initiatieven=Initiatief.objects.visible_to(user).filter(wijk=wijk),
                naam=wijk.naam,
                filter_query={"wijk": wijk.pk},
            )
        )
        return context
