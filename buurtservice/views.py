from __future__ import annotations

import datetime
from decimal import Decimal
from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import (
    CreateView,
    DetailView,
    FormView,
    ListView,
    UpdateView,
)
from django_filters.views import FilterView

from core.datacache import cached
from core.exports import FilterExportViewMixin, export_links, export_response
from core.forms import add_service_errors, model_data
from core.mixins import (
    LazyRows,
    PaginatedMixin,
    PersonalDataMixin,
    ScopedViewMixin,
    VersionedFormViewMixin,
)
from core.onetime import OneTimeSubmitMixin
from core.periods import (
    latest_year_with_data,
    parse_period,
    period_choices,
    period_code_for,
    period_name,
)

from . import selectors, services
from .choices import KlusStatus
from .exports import KlusExporter, OverzichtExporter, UitvoerderExporter, WachtlijstExporter
from .filters import KlusFilter, UitvoerderFilter, WachtlijstFilter
from .forms import (
    CancelForm,
    CapaciteitForm,
    CompleteForm,
    KlusForm,
    PeriodeForm,
    PlanForm,
    UitvoerderForm,
)
from .models import REQUESTER_FIELDS, Capaciteit, Inzet, Klus, Uitvoerder, sees_requester_data


class ExportLinksMixin:
    """The page's export links (with its current filters), for who may export it."""

    export_permission = ""
    export_url_name = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.user.has_perm(self.export_permission):
            context["export_links"] = export_links(self.request, reverse(self.export_url_name))
        return context


class RequesterContextMixin:
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_see_requester"] = sees_requester_data(self.request.user)
        return context


# --- waiting list and jobs ---------------------------------------------------


class WachtlijstView(
    PersonalDataMixin,
    ScopedViewMixin,
    ExportLinksMixin,
    RequesterContextMixin,
    PaginatedMixin,
    FilterView,
):
    """Open jobs in request order, with their place in the queue and the days waited.

    A page of PAGE_SIZE jobs at a time; the length and median wait of the whole
    (filtered) list are cached until a job or wijk changes (core.datacache).
    """

    permission_required = "buurtservice.view_wachtlijst"
    export_permission = "buurtservice.export_wachtlijst"
    export_url_name = "buurtservice:wachtlijst_export"
    model = Klus
    filterset_class = WachtlijstFilter
    template_name = "buurtservice/wachtlijst.html"
    count_keys = ("klussen", "wijken")

    def get_queryset(self):
        return (
            super().get_queryset().waiting().select_related("wijk").order_by("aanvraagdatum", "pk")
        )

    def figures(self, waiting) -> dict:
        if not hasattr(self, "_figures"):
            self._figures = cached(
                f"figures:{type(self).__module__}.{type(self).__name__}",
                keys=self.count_keys,
                parts=self.filter_parts(),
                compute=lambda: selectors.waiting_list_figures(waiting, on=timezone.localdate()),
                request=self.request,
            )
        return self._figures

    def row_count(self, queryset) -> int:
        return self.figures(queryset)["lengte"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        page = context["page_obj"]
        first = page.start_index() if page.paginator.count else 1
        context.update(
            klussen=LazyRows(partial(in_queue, context["object_list"], first=first, today=today)),
            today=today,
            eerste_plaats=first,
            **self.figures(self.object_list),
            is_filtered=any(self.request.GET.get(k) for k in ("wijk", "soort")),
        )
        return context


def in_queue(jobs, *, first: int, today: datetime.date):
    """``jobs`` (one page of the waiting list), each with its place in the queue
    (``plaats``) and the days it has waited (``wacht_dagen``)."""
    for plaats, klus in enumerate(jobs, start=first):
        klus.wacht_dagen = klus.days_waited(today)
        klus.plaats = plaats
        yield klus


def wachtlijst_url(klus: Klus, user) -> str:
    """The waiting list's page that shows ``klus`` (as ``user`` sees the list)."""
    ahead = (
        Klus.objects.visible_to(user)
        .waiting()
        .filter(
            Q(aanvraagdatum__lt=klus.aanvraagdatum)
            | Q(aanvraagdatum=klus.aanvraagdatum, pk__lt=klus.pk)
        )
        .count()
    )
    page = ahead // PaginatedMixin.paginate_by + 1
    query = f"?page={page}" if page > 1 else ""
    return f"{reverse('buurtservice:wachtlijst')}{query}#klus-{klus.pk}"


class WachtlijstExportView(FilterExportViewMixin, WachtlijstView):
    permission_required = "buurtservice.export_wachtlijst"
    exporter_class = WachtlijstExporter


class KlusListView(
    PersonalDataMixin, ScopedViewMixin, ExportLinksMixin, PaginatedMixin, FilterView
):
    permission_required = "buurtservice.view_klus"
    export_permission = "buurtservice.export_klus"
    export_url_name = "buurtservice:klus_export"
    model = Klus
    filterset_class = KlusFilter
    template_name = "buurtservice/klus_list.html"
    count_keys = ("klussen", "wijken")
    filter_keys = ("wijken",)

    def get_queryset(self):
        return super().get_queryset().select_related("wijk").order_by("-aanvraagdatum", "-pk")

    def get_context_data(self, **kwargs):
        # The panel stays closed on page 2 of an unfiltered list.
        return super().get_context_data(
            **kwargs, filters_active=any(v for k, v in self.request.GET.items() if k != "page")
        )


class KlusExportView(FilterExportViewMixin, KlusListView):
    permission_required = "buurtservice.export_klus"
    exporter_class = KlusExporter


# Requester data never ends up in error reports (AVG).
hide_requester_data = method_decorator(
    sensitive_post_parameters(*REQUESTER_FIELDS), name="dispatch"
)


@hide_requester_data
class KlusCreateView(PersonalDataMixin, OneTimeSubmitMixin, ScopedViewMixin, FormView):
    permission_required = "buurtservice.add_klus"
    form_class = KlusForm
    template_name = "buurtservice/klus_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        try:
            klus = services.register_klus(door=self.request.user, **model_data(form))
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The job has been put on the waiting list."))
        return HttpResponseRedirect(wachtlijst_url(klus, self.request.user))


class KlusDetailView(PersonalDataMixin, ScopedViewMixin, RequesterContextMixin, DetailView):
    permission_required = "buurtservice.view_klus"
    model = Klus
    template_name = "buurtservice/klus_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("wijk__gebied")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        klus = self.object
        inzet = list(klus.inzet.select_related("uitvoerder"))
        can_see_workers = self.request.user.has_perm("buurtservice.view_uitvoerder")
        context.update(
            # Workers' names only for Buurtservice roles and coordinators; others
            # (brokers) get the number of workers and their hours.
            inzet=inzet if can_see_workers else [],
            inzet_aantal=len(inzet),
            inzet_uren=sum((item.uren for item in inzet if item.uren is not None), Decimal(0)),
            history=list(klus.statuswijzigingen.select_related("door")),
            can_change=self.request.user.has_perm("buurtservice.change_klus"),
            can_see_workers=can_see_workers,
            wacht_dagen=klus.days_waited(),
        )
        return context


@hide_requester_data
class KlusUpdateView(PersonalDataMixin, ScopedViewMixin, VersionedFormViewMixin, UpdateView):
    permission_required = "buurtservice.change_klus"
    model = Klus
    scope = "editable_by"
    form_class = KlusForm
    template_name = "buurtservice/klus_form.html"

    def get_queryset(self):
        return super().get_queryset().select_related("wijk")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def save(self, form):
        self.object = services.update_klus(
            klus=self.object, expected_version=form.cleaned_data["version"], **model_data(form)
        )
        messages.success(self.request, _("The job has been saved."))
        return redirect(self.object)


class KlusActionView(PersonalDataMixin, ScopedViewMixin, FormView):
    """A status change of one job through a service function."""

    permission_required = "buurtservice.change_klus"
    model = Klus
    scope = "editable_by"
    template_name = "buurtservice/klus_action.html"
    title = ""
    submit_label = ""
    allowed_statuses: tuple[str, ...] = ()
    refused_message = ""

    def dispatch(self, request, *args, **kwargs):
        if not (request.user.is_authenticated and self.has_permission()):
            return self.handle_no_permission()
        self.klus = self.get_object(self.get_queryset().select_related("wijk"))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if self.klus.status not in self.allowed_statuses:
            messages.error(request, self.refused_message)
            return redirect(self.klus)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            klus=self.klus,
            title=self.title,
            submit_label=self.submit_label,
            can_see_requester=sees_requester_data(self.request.user),
        )
        return context

    def form_valid(self, form):
        try:
            self.perform(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())

    def get_success_url(self):
        return self.klus.get_absolute_url()

    def perform(self, form) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class KlusPlanView(KlusActionView):
    form_class = PlanForm
    allowed_statuses = tuple(KlusStatus.open())
    title = gettext_lazy("Plan job")
    submit_label = gettext_lazy("Plan")
    refused_message = gettext_lazy("A job that is done or cancelled cannot be planned again.")
    success_message = gettext_lazy("The job has been planned.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "klus": self.klus, "user": self.request.user}

    def perform(self, form):
        services.plan_klus(
            klus=self.klus,
            datum=form.cleaned_data["datum"],
            uitvoerders=form.cleaned_data["uitvoerders"],
            door=self.request.user,
        )


class KlusCompleteView(KlusActionView):
    form_class = CompleteForm
    allowed_statuses = (KlusStatus.INGEPLAND,)
    title = gettext_lazy("Record job as done")
    submit_label = gettext_lazy("Done")
    refused_message = gettext_lazy("Only a planned job can be recorded as done.")
    success_message = gettext_lazy("The job has been recorded as done.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "klus": self.klus}

    def perform(self, form):
        services.complete_klus(
            klus=self.klus,
            datum=form.cleaned_data["datum"],
            uren=form.hours(),
            door=self.request.user,
        )


class KlusCancelView(KlusActionView):
    form_class = CancelForm
    allowed_statuses = tuple(KlusStatus.open())
    title = gettext_lazy("Cancel job")
    submit_label = gettext_lazy("Cancel job")
    refused_message = gettext_lazy("This job is already done or cancelled.")
    success_message = gettext_lazy("The job has been cancelled.")

    def perform(self, form):
        services.cancel_klus(
            klus=self.klus,
            reden=form.cleaned_data["reden"],
            datum=form.cleaned_data["datum"],
            door=self.request.user,
        )


# --- workers -------------------------------------------------------------------


class UitvoerderListView(
    PersonalDataMixin, ScopedViewMixin, ExportLinksMixin, PaginatedMixin, FilterView
):
    permission_required = "buurtservice.view_uitvoerder"
    export_permission = "buurtservice.export_uitvoerder"
    export_url_name = "buurtservice:uitvoerder_export"
    model = Uitvoerder
    filterset_class = UitvoerderFilter
    template_name = "buurtservice/uitvoerder_list.html"
    count_keys = ("uitvoerders",)

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            # Counted for the rows of the page only (a subquery per shown row), not
            # grouped over every worker's assignments on every request.
            .annotate(
                aantal_klussen=Coalesce(
                    Subquery(
                        Inzet.objects.filter(uitvoerder=OuterRef("pk"))
                        .order_by()
                        .values("uitvoerder")
                        .annotate(aantal=Count("pk"))
                        .values("aantal")
                    ),
                    0,
                )
            )
            .order_by("naam", "pk")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, today=timezone.localdate())


class UitvoerderExportView(FilterExportViewMixin, UitvoerderListView):
    permission_required = "buurtservice.export_uitvoerder"
    exporter_class = UitvoerderExporter


class UitvoerderDetailView(PersonalDataMixin, ScopedViewMixin, DetailView):
    permission_required = "buurtservice.view_uitvoerder"
    model = Uitvoerder
    template_name = "buurtservice/uitvoerder_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        inzet = self.object.inzet.select_related("klus__wijk").order_by("-klus__aanvraagdatum")
        context.update(
            inzet=list(inzet),
            uren_totaal=inzet.aggregate(total=Sum("uren"))["total"] or 0,
            can_change=self.request.user.has_perm("buurtservice.change_uitvoerder"),
        )
        return context


class UitvoerderFormMixin(PersonalDataMixin, ScopedViewMixin, VersionedFormViewMixin):
    model = Uitvoerder
    form_class = UitvoerderForm
    template_name = "buurtservice/uitvoerder_form.html"
    success_message = ""

    def save(self, form):
        self.object = services.save_uitvoerder(
            uitvoerder=self.object,
            expected_version=form.cleaned_data.get("version"),
            **model_data(form),
        )
        messages.success(self.request, self.success_message)
        return redirect(self.object)


class UitvoerderCreateView(OneTimeSubmitMixin, UitvoerderFormMixin, CreateView):
    permission_required = "buurtservice.add_uitvoerder"
    success_message = gettext_lazy("The worker has been added.")


class UitvoerderUpdateView(UitvoerderFormMixin, UpdateView):
    permission_required = "buurtservice.change_uitvoerder"
    success_message = gettext_lazy("The worker has been saved.")


# --- capacity -----------------------------------------------------------------


class CapaciteitListView(ScopedViewMixin, ListView):
    permission_required = "buurtservice.view_capaciteit"
    model = Capaciteit
    template_name = "buurtservice/capaciteit_list.html"

    def get_queryset(self):
        return super().get_queryset().order_by("-startdatum")

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        current = Capaciteit.objects.active_on(today).aggregate(total=Sum("uren_per_week"))["total"]
        return super().get_context_data(**kwargs, today=today, huidig=current or 0)


class CapaciteitFormMixin(ScopedViewMixin, VersionedFormViewMixin):
    model = Capaciteit
    form_class = CapaciteitForm
    template_name = "buurtservice/capaciteit_form.html"

    def save(self, form):
        self.object = services.save_capaciteit(
            capaciteit=self.object,
            expected_version=form.cleaned_data.get("version"),
            **model_data(form),
        )
        messages.success(self.request, _("The capacity period has been saved."))
        return redirect("buurtservice:capaciteit_list")


class CapaciteitCreateView(OneTimeSubmitMixin, CapaciteitFormMixin, CreateView):
    permission_required = "buurtservice.add_capaciteit"


class CapaciteitUpdateView(CapaciteitFormMixin, UpdateView):
    permission_required = "buurtservice.change_capaciteit"
    scope = "editable_by"


# --- overview -----------------------------------------------------------------


class OverzichtPeriodMixin:
    """The period of the overview, chosen in the query string.

    Default: this quarter; when this year has no jobs yet, the latest year that
    has (core.periods.latest_year_with_data, as on every page with a year).
    """

    def data_years(self) -> list[int]:
        if not hasattr(self, "_data_years"):
            self._data_years = [d.year for d in Klus.objects.dates("aanvraagdatum", "year")]
        return self._data_years

    def get_years(self) -> list[int]:
        this_year = timezone.localdate().year
        years = set(range(this_year - 4, this_year + 1)) | set(self.data_years())
        requested = parse_period(self.request.GET.get("periode", ""))
        if requested:
            years.add(requested[1].year)
        return sorted(years, reverse=True)

    def default_period(self) -> str:
        today = timezone.localdate()
        year = latest_year_with_data(self.data_years())
        return period_code_for(today) if year == today.year else str(year)

    def period_form(self) -> PeriodeForm:
        data = self.request.GET.copy()
        if not any(data.get(k) for k in ("periode", "start", "end")):
            data["periode"] = self.default_period()
        return PeriodeForm(data=data, period_choices=period_choices(self.get_years()))

    def period_figures(self, form) -> dict:
        """The chosen period's label, figures and neighbouring periods (form valid)."""
        code = form.cleaned_data["periode"]
        context = {}
        if code:
            label, start, end = parse_period(code)
            kind = "Y" if "-" not in code else code.split("-")[1][0].upper()
            one_day = datetime.timedelta(days=1)
            context.update(
                previous_code=period_code_for(start - one_day, kind),
                next_code=period_code_for(end + one_day, kind),
            )
        else:
            start, end = form.cleaned_data["start"], form.cleaned_data["end"]
            label = _("%(start)s to %(end)s") % {
                "start": f"{start:%d-%m-%Y}",
                "end": f"{end:%d-%m-%Y}",
            }
        figures = selectors.period_overview(start=start, end=end)
        return {**context, "label": label, "figures": figures}


class OverzichtView(ScopedViewMixin, OverzichtPeriodMixin, FormView):
    """The period figures (quarter, half year, year or own dates)."""

    permission_required = "buurtservice.view_overzicht"
    template_name = "buurtservice/overzicht.html"
    form_class = PeriodeForm
    # The period is chosen in the query string; a POST has nowhere to go (405).
    http_method_names = ["get", "head", "options"]

    def get_form(self, form_class=None):
        return self.period_form()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        if form.is_valid():
            context.update(self.period_figures(form))
            if self.request.user.has_perm(OverzichtExportView.permission_required):
                context["export_links"] = export_links(
                    self.request, reverse("buurtservice:overzicht_export")
                )
        return context


class OverzichtExportView(ScopedViewMixin, OverzichtPeriodMixin, View):
    """The figures of the chosen period as CSV or XLSX; an invalid period goes back
    to the overview, which says what is wrong."""

    permission_required = "buurtservice.export_overzicht"

    def get(self, request, *args, **kwargs):
        form = self.period_form()
        if not form.is_valid():
            query = request.GET.copy()
            query.pop("format", None)
            return redirect(f"{reverse('buurtservice:overzicht')}?{query.urlencode()}")
        context = self.period_figures(form)
        figures = context["figures"]
        return export_response(
            OverzichtExporter(period=period_name(figures["start"], figures["end"])),
            {**context["figures"], "label": context["label"]},
            request.GET.get("format", "csv"),
        )
