"""Pages of the social brokers' log: list, record, show, edit, delete, copy, export."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import DeleteView, DetailView, FormView, ListView, TemplateView

from core.datacache import cached
from core.exports import ExportViewMixin, export_links
from core.filters import FilterOptionsView
from core.forms import model_data
from core.mixins import PaginatedMixin, ScopedViewMixin, VersionedFormViewMixin
from core.onetime import OneTimeSubmitMixin
from core.periods import period_name, periods_to_date

from .exports import ActiviteitExporter
from .filters import SORT_FIELDS, ActiviteitFilter, period_range
from .forms import MARK_VOORBEELD, ActiviteitForm, link_data, link_formset
from .models import Activiteit
from .selectors import own_figures, totals
from .services import (
    count_photo_uploads,
    delete_activiteit,
    duplicate_initial,
    save_activiteit,
    set_voorbeeld,
)
from .templatetags.ster import star

# Exporting the whole log is a coordinator's task (coordinators and admins).
EXPORT_PERMISSION = "makelaars.export_activiteit"
# What a row of the activity list shows.
LIST_COLUMNS = (
    "datum",
    "titel",
    "soort",
    "bewoners_bereikt",
    "bewoners_geactiveerd",
    "is_voorbeeld",
    "wijk",
)
# The data the list's figures read (see core.datacache).
DATA_KEYS = ("activiteiten", "wijken")


class FilteredActiviteitenMixin:
    """The user's visible activities, narrowed by the filters in the URL."""

    model = Activiteit

    def get_filterset(self) -> ActiviteitFilter:
        if not hasattr(self, "_filterset"):
            self._filterset = ActiviteitFilter(
                self.request.GET or None, queryset=self.scoped(), request=self.request
            )
        return self._filterset


class ActiviteitListView(ScopedViewMixin, PaginatedMixin, FilteredActiviteitenMixin, ListView):
    permission_required = "makelaars.view_activiteit"
    template_name = "makelaars/activiteit_list.html"
    context_object_name = "activiteiten"

    count_keys = DATA_KEYS
    filter_keys = ("wijken", "initiatieven")

    def get_queryset(self):
        # Only the columns the table shows: a free-text search that matches a fifth
        # of 100,000 activities sorts narrow rows instead of whole descriptions.
        return (
            self.get_filterset()
            .sorted_qs()
            .select_related("wijk")
            .only(*LIST_COLUMNS, "wijk__naam")
        )

    def get_totals(self) -> dict:
        """Count and resident figures of every matching row, cached until a write."""
        if not hasattr(self, "_totals"):
            self._totals = cached(
                "makelaars:totals",
                keys=self.count_keys,
                parts=self.filter_parts(),
                compute=lambda: totals(self.get_filterset().qs.order_by()),
                request=self.request,
            )
        return self._totals

    def row_count(self, queryset) -> int:
        return self.get_totals()["aantal"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = self.get_filterset()
        context["filter"] = filterset
        context["totals"] = self.get_totals()
        context["sort"] = filterset.sort
        context["columns"] = self._columns(filterset.sort)
        context["active_filters"] = sum(
            1 for key, value in self.request.GET.items() if value and key not in {"page", "sort"}
        )
        if self.request.user.has_perm(EXPORT_PERMISSION):
            context["export_links"] = export_links(
                self.request, reverse("makelaars:activiteit_export")
            )
        return context

    def _columns(self, current: str) -> list[dict]:
        """The sortable column headers: a click sorts, a second click reverses."""
        columns = []
        for key, (_field, label) in SORT_FIELDS.items():
            if current == key:
                state, target = "ascending", f"-{key}"
            elif current == f"-{key}":
                state, target = "descending", key
            else:
                state, target = "none", "-datum" if key == "datum" else key
            query = self.request.GET.copy()
            query.pop("page", None)
            query["sort"] = target
            columns.append(
                {"key": key, "label": label, "state": state, "url": f"?{query.urlencode()}"}
            )
        return columns


class ActiviteitFilterOptionsView(FilterOptionsView):
    """The long option lists of the activity filters, when the panel opens."""

    permission_required = "makelaars.view_activiteit"
    model = Activiteit
    filterset_class = ActiviteitFilter


class ActiviteitDetailView(ScopedViewMixin, DetailView):
    permission_required = "makelaars.view_activiteit"
    model = Activiteit
    template_name = "makelaars/activiteit_detail.html"
    context_object_name = "activiteit"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("wijk__gebied", "initiatief", "aangemaakt_door")
            .prefetch_related("themas", "medewerkers", "partners", "links", "fotos")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["can_edit"] = (
            user.has_perm("makelaars.change_activiteit")
            and Activiteit.objects.editable_by(user).filter(pk=self.object.pk).exists()
        )
        context["can_delete"] = context["can_edit"] and user.has_perm("makelaars.delete_activiteit")
        context["can_add"] = user.has_perm("makelaars.add_activiteit")
        return context


class ActiviteitFormMixin(ScopedViewMixin, VersionedFormViewMixin, FormView):
    """Shared by create, duplicate and update: the activity form plus its links."""

    model = Activiteit
    template_name = "makelaars/activiteit_form.html"
    form_class = ActiviteitForm
    object: Activiteit | None = None
    success_message = _("The activity has been saved.")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        kwargs["instance"] = self.object
        kwargs["count_photos"] = self.count_photos
        return kwargs

    def count_photos(self, count: int) -> None:
        count_photo_uploads(user=self.request.user, count=count)

    def get_links(self, data=None):
        return link_formset(data=data, instance=self.object or Activiteit())

    def get_context_data(self, **kwargs):
        kwargs.setdefault("links", self.get_links())
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        context["draft_key"] = self.draft_key()
        # The optional part is folded away for a quick new record only.
        context["details_open"] = bool(
            self.object or getattr(self, "bron", None) or context["form"].is_bound
        )
        return context

    def draft_key(self) -> str:
        """Where the browser keeps what was typed until the save succeeds (drafts.js)."""
        return f"activiteit-{self.object.pk}" if self.object else "activiteit-nieuw"

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        links = self.get_links(data=request.POST)
        if not (form.is_valid() and links.is_valid()):
            return self.render_invalid(form, links=links)
        return self.save_or_conflict(form, lambda: self.save(form, links), links=links)

    def save(self, form, links):
        data = model_data(form)
        activiteit = save_activiteit(
            activiteit=self.object,
            user=self.request.user,
            expected_version=form.cleaned_data.get("version"),
            nieuwe_partner=form.cleaned_data.get("nieuwe_partner", ""),
            links=link_data(links),
            fotos=form.cleaned_data.get("fotos") or [],
            fotos_verwijderen=form.cleaned_data.get("fotos_verwijderen") or [],
            **data,
        )
        # The tag tells drafts.js that the kept copy in the browser is saved now.
        messages.success(self.request, self.success_message, extra_tags=self.draft_key())
        return HttpResponseRedirect(activiteit.get_absolute_url())

    def render_invalid(self, form, **context):
        messages.error(
            self.request, _("The activity was not saved: please check the marked fields.")
        )
        if self.request.FILES:
            messages.warning(
                self.request,
                _("Please choose the photos again: a browser cannot keep them in a refused form."),
            )
        return super().render_invalid(form, **context)


class ActiviteitCreateView(OneTimeSubmitMixin, ActiviteitFormMixin):
    permission_required = "makelaars.add_activiteit"

    def get_initial(self):
        user = self.request.user
        initial = {"datum": timezone.localdate()}
        medewerker = getattr(user, "medewerker", None)
        if medewerker is not None:
            initial["medewerkers"] = [medewerker.pk]
            if medewerker.standaard_wijk_id:
                initial["wijk"] = medewerker.standaard_wijk_id
        return initial


class ActiviteitDuplicateView(OneTimeSubmitMixin, ActiviteitFormMixin):
    """A new activity, pre-filled with a copy of an existing one dated today."""

    permission_required = "makelaars.add_activiteit"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.has_permission():
            self.bron = self.get_object(
                self.get_queryset().prefetch_related("themas", "medewerkers", "partners", "links")
            )
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        initial, self.initial_links = duplicate_initial(bron=self.bron, today=timezone.localdate())
        return initial

    def get_links(self, data=None):
        if data is not None:
            # Submitted rows are all new links: compared with no initial values,
            # so unchanged copies are saved too.
            return link_formset(data=data, instance=Activiteit())
        if not hasattr(self, "initial_links"):
            self.get_initial()
        return link_formset(instance=Activiteit(), initial=self.initial_links)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["bron"] = self.bron
        return context


class ActiviteitUpdateView(ActiviteitFormMixin):
    permission_required = "makelaars.change_activiteit"
    scope = "editable_by"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.has_permission():
            self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)


class ActiviteitDeleteView(ScopedViewMixin, DeleteView):
    permission_required = "makelaars.delete_activiteit"
    model = Activiteit
    scope = "editable_by"
    template_name = "makelaars/activiteit_confirm_delete.html"
    context_object_name = "activiteit"

    def form_valid(self, form):
        titel = self.object.titel
        delete_activiteit(activiteit=self.object)
        messages.success(
            self.request,
            _("The activity “%(titel)s” has been deleted.") % {"titel": titel},
        )
        return redirect("makelaars:activiteit_list")


class VoorbeeldToggleView(ScopedViewMixin, View):
    """The star: mark or unmark a report example in one tap (htmx swaps the star;
    without JavaScript the page's ``ster-form`` posts and returns to the page it
    came from)."""

    permission_required = MARK_VOORBEELD
    model = Activiteit
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        activiteit = set_voorbeeld(
            activiteit=self.get_object(), is_voorbeeld=request.POST.get("voorbeeld") == "1"
        )
        next_url = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            next_url = ""
        if request.headers.get("HX-Request"):
            return HttpResponse(star(request.user, activiteit))
        return HttpResponseRedirect(next_url or activiteit.get_absolute_url())


class MijnCijfersView(ScopedViewMixin, TemplateView):
    """ "My figures": a broker's own work this month, quarter and year, each beside
    the same days a year earlier."""

    permission_required = "makelaars.add_activiteit"
    template_name = "makelaars/mijn_cijfers.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        periods = []
        for period in periods_to_date(timezone.localdate()):
            now = own_figures(user=user, start=period["start"], end=period["end"])
            before = own_figures(
                user=user, start=period["previous_start"], end=period["previous_end"]
            )
            periods.append(
                {
                    **period,
                    "rows": [
                        {"key": key, "label": label, "now": now[key], "before": before[key]}
                        for key, label in MIJN_CIJFERS_ROWS
                    ],
                }
            )
        context["periods"] = periods
        return context


MIJN_CIJFERS_ROWS = [
    ("aantal", _("Activities")),
    ("bereikt", _("Residents reached")),
    ("geactiveerd", _("Residents activated")),
    ("voorbeelden", _("Report examples")),
    ("initiatieven", _("Initiatives supported")),
]


# --- export ----------------------------------------------------------------


class ActiviteitExportView(ScopedViewMixin, FilteredActiviteitenMixin, ExportViewMixin, View):
    """The filtered list as CSV (semicolons, for Dutch Excel) or XLSX."""

    permission_required = EXPORT_PERMISSION
    exporter_class = ActiviteitExporter

    def export_period(self) -> str:
        """The dates the filters choose (a preset period and/or from and until)."""
        filterset = self.get_filterset()
        if not filterset.is_bound or not filterset.form.is_valid():
            return ""
        data = filterset.form.cleaned_data
        start, end = data.get("van"), data.get("tot")
        if data.get("periode"):
            first, last = period_range(data["periode"], timezone.localdate())
            start, end = max(first, start or first), min(last, end or last)
        return period_name(start, end)

    def export_queryset(self):
        return self.get_filterset().sorted_qs()
