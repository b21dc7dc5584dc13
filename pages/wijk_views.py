"""The wijk list and the pages of a wijk and a gebied: this year's work there."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from core.charts import bar_chart
from initiatieven.choices import InitiatiefStatus
from initiatieven.models import Initiatief
from makelaars.models import Activiteit
from makelaars.selectors import area_overview, per_wijk
from wijken.models import Gebied, Wijk

RECENT = 10


class YearMixin:
    """The year shown: ``?jaar=`` when it is a sensible year, else the current one."""

    def get_year(self) -> int:
        current = timezone.localdate().year
        try:
            year = int(self.request.GET.get("jaar", current))
        except (TypeError, ValueError):
            return current
        return year if 2000 <= year <= current + 1 else current

    def year_context(self) -> dict:
        year = self.get_year()
        current = timezone.localdate().year
        return {
            "year": year,
            "previous_year": year - 1 if year > 2000 else None,
            "next_year": year + 1 if year < current else None,
        }


def initiatives_by_status(initiatieven) -> list[dict]:
    """Every status in lifecycle order with the number of initiatives in it."""
    counts = dict(
        initiatieven.order_by()
        .values_list("status")
        .annotate(aantal=Count("pk"))
        .values_list("status", "aantal")
    )
    return [
        {"status": value, "label": label, "aantal": counts.get(value, 0)}
        for value, label in InitiatiefStatus.choices
    ]


class AreaPageMixin(YearMixin):
    """Figures, chart, recent activities, initiatives and partners of an area."""

    def area_context(self, *, activiteiten, initiatieven, naam: str, filter_query: dict) -> dict:
        year = self.get_year()
        overview = area_overview(activiteiten, year=year)
        chart = bar_chart(
            [str(month) for month in MONTHS_3.values()],
            overview["per_maand"],
            title=_("Activities per month in %(year)s – %(naam)s") % {"year": year, "naam": naam},
        )
        list_url = reverse("makelaars:activiteit_list")
        year_query = {**filter_query, "van": f"{year}-01-01", "tot": f"{year}-12-31"}
        return {
            **self.year_context(),
            **overview,
            "chart": chart,
            "recent": activiteiten.select_related("wijk").order_by("-datum", "-pk")[:RECENT],
            "initiatieven_per_status": initiatives_by_status(initiatieven),
            "lopende_initiatieven": initiatieven.running().select_related("wijk")[:20],
            "activiteiten_url": f"{list_url}?{urlencode(filter_query)}",
            "jaar_url": f"{list_url}?{urlencode(year_query)}",
        }


class WijkListView(LoginRequiredMixin, PermissionRequiredMixin, YearMixin, ListView):
    permission_required = "wijken.view_wijk"
    template_name = "pages/wijk_list.html"

    def get_queryset(self):
        return Gebied.objects.visible_to(self.request.user).prefetch_related("wijken")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        year = self.get_year()
        figures = per_wijk(Activiteit.objects.visible_to(user).for_year(year))
        running = dict(
            Initiatief.objects.visible_to(user)
            .running()
            .order_by()
            .values_list("wijk_id")
            .annotate(aantal=Count("pk"))
            .values_list("wijk_id", "aantal")
        )
        eigen = set(Wijk.objects.of_user(user).values_list("pk", flat=True))
        context["gebieden"] = [
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
            for gebied in context["object_list"]
        ]
        context.update(self.year_context())
        return context


class GebiedDetailView(LoginRequiredMixin, PermissionRequiredMixin, AreaPageMixin, DetailView):
    permission_required = "wijken.view_gebied"
    template_name = "pages/gebied_detail.html"
    context_object_name = "gebied"

    def get_queryset(self):
        return Gebied.objects.visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        gebied = self.object
        activiteiten = Activiteit.objects.visible_to(user).in_gebied(gebied)
        context.update(
            self.area_context(
                activiteiten=activiteiten,
                initiatieven=Initiatief.objects.visible_to(user).in_gebied(gebied),
                naam=gebied.naam,
                filter_query={"gebied": gebied.pk},
            )
        )
        figures = per_wijk(activiteiten.for_year(context["year"]))
        context["wijken"] = [
            {"wijk": wijk, **figures.get(wijk.pk, {"aantal": 0, "bereikt": 0, "geactiveerd": 0})}
            for wijk in gebied.wijken.all()
        ]
        context["eigen_gebied"] = Gebied.objects.of_user(user).filter(pk=gebied.pk).exists()
        return context


class WijkDetailView(LoginRequiredMixin, PermissionRequiredMixin, AreaPageMixin, DetailView):
    permission_required = "wijken.view_wijk"
    template_name = "pages/wijk_detail.html"
    context_object_name = "wijk"

    def get_queryset(self):
        return Wijk.objects.visible_to(self.request.user).select_related("gebied")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        wijk = self.object
        context.update(
            self.area_context(
                activiteiten=Activiteit.objects.visible_to(user).filter(wijk=wijk),
                initiatieven=Initiatief.objects.visible_to(user).filter(wijk=wijk),
                naam=wijk.naam,
                filter_query={"wijk": wijk.pk},
            )
        )
        context["eigen_gebied"] = Wijk.objects.of_user(user).filter(pk=wijk.pk).exists()
        return context
