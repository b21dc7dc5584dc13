from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Count, Sum
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import CreateView, DetailView, FormView, ListView, UpdateView
from django_filters.views import FilterView

from core.concurrency import VersionConflict

from . import selectors, services
from .choices import KlusStatus, Uitstroom, UitvoerderSoort
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
from .models import REQUESTER_FIELDS, Capaciteit, Klus, Uitvoerder, sees_requester_data


class BuurtserviceMixin(LoginRequiredMixin, PermissionRequiredMixin):
    """Logged in (else to the login page) and holding the permission (else 403)."""


def add_service_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: on a field when it has one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class RequesterContextMixin:
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_see_requester"] = sees_requester_data(self.request.user)
        return context


# --- waiting list and jobs ---------------------------------------------------


class WachtlijstView(BuurtserviceMixin, RequesterContextMixin, FilterView):
    """Open jobs in request order, with the days waited."""

    permission_required = "buurtservice.add_klus"
    filterset_class = WachtlijstFilter
    template_name = "buurtservice/wachtlijst.html"

    def get_queryset(self):
        return (
            Klus.objects.visible_to(self.request.user)
            .waiting()
            .select_related("wijk")
            .order_by("aanvraagdatum", "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        klussen = list(context["object_list"])
        for klus in klussen:
            klus.wacht_dagen = klus.days_waited(today)
        context.update(
            klussen=klussen,
            today=today,
            lengte=len(klussen),
            mediaan=selectors.median_wait_days([k.aanvraagdatum for k in klussen], today),
            is_filtered=any(self.request.GET.get(k) for k in ("wijk", "soort")),
        )
        return context


class KlusListView(BuurtserviceMixin, FilterView):
    permission_required = "buurtservice.view_klus"
    filterset_class = KlusFilter
    template_name = "buurtservice/klus_list.html"
    paginate_by = 50

    def get_queryset(self):
        return (
            Klus.objects.visible_to(self.request.user)
            .select_related("wijk")
            .order_by("-aanvraagdatum", "-pk")
        )


# Requester data never ends up in error reports (AVG).
hide_requester_data = method_decorator(
    sensitive_post_parameters(*REQUESTER_FIELDS), name="dispatch"
)


@hide_requester_data
class KlusCreateView(BuurtserviceMixin, FormView):
    permission_required = "buurtservice.add_klus"
    form_class = KlusForm
    template_name = "buurtservice/klus_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if k != "toch_opslaan"}
        try:
            klus = services.register_klus(door=self.request.user, **data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The job has been put on the waiting list."))
        return HttpResponseRedirect(reverse("buurtservice:wachtlijst") + f"#klus-{klus.pk}")


class KlusDetailView(BuurtserviceMixin, RequesterContextMixin, DetailView):
    permission_required = "buurtservice.view_klus"
    template_name = "buurtservice/klus_detail.html"

    def get_queryset(self):
        return Klus.objects.visible_to(self.request.user).select_related("wijk__gebied")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        klus = self.object
        context.update(
            inzet=list(klus.inzet.select_related("uitvoerder")),
            history=list(klus.statuswijzigingen.select_related("door")),
            can_change=self.request.user.has_perm("buurtservice.change_klus"),
            can_see_workers=self.request.user.has_perm("buurtservice.view_uitvoerder"),
            wacht_dagen=klus.days_waited(),
        )
        return context


@hide_requester_data
class KlusUpdateView(BuurtserviceMixin, UpdateView):
    permission_required = "buurtservice.change_klus"
    form_class = KlusForm
    template_name = "buurtservice/klus_form.html"

    def get_queryset(self):
        return Klus.objects.editable_by(self.request.user).select_related("wijk")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        try:
            response = super().form_valid(form)
        except VersionConflict:
            form.add_conflict_error()
            return self.form_invalid(form)
        messages.success(self.request, _("The job has been saved."))
        return response


class KlusActionView(BuurtserviceMixin, FormView):
    """A status change of one job through a service function."""

    permission_required = "buurtservice.change_klus"
    template_name = "buurtservice/klus_action.html"
    title = ""
    submit_label = ""
    allowed_statuses: tuple[str, ...] = ()
    refused_message = ""

    def dispatch(self, request, *args, **kwargs):
        if not (request.user.is_authenticated and self.has_permission()):
            return self.handle_no_permission()
        self.klus = get_object_or_404(
            Klus.objects.editable_by(request.user).select_related("wijk"), pk=kwargs["pk"]
        )
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


class UitvoerderListView(BuurtserviceMixin, FilterView):
    permission_required = "buurtservice.view_uitvoerder"
    filterset_class = UitvoerderFilter
    template_name = "buurtservice/uitvoerder_list.html"
    paginate_by = 100

    def get_queryset(self):
        return (
            Uitvoerder.objects.visible_to(self.request.user)
            .annotate(aantal_klussen=Count("inzet", distinct=True))
            .order_by("naam", "pk")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, today=timezone.localdate())


class UitvoerderDetailView(BuurtserviceMixin, DetailView):
    permission_required = "buurtservice.view_uitvoerder"
    template_name = "buurtservice/uitvoerder_detail.html"

    def get_queryset(self):
        return Uitvoerder.objects.visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        inzet = self.object.inzet.select_related("klus__wijk").order_by("-klus__aanvraagdatum")
        context.update(
            inzet=list(inzet),
            uren_totaal=inzet.aggregate(total=Sum("uren"))["total"] or 0,
            can_change=self.request.user.has_perm("buurtservice.change_uitvoerder"),
        )
        return context


class UitvoerderCreateView(BuurtserviceMixin, CreateView):
    permission_required = "buurtservice.add_uitvoerder"
    model = Uitvoerder
    form_class = UitvoerderForm
    template_name = "buurtservice/uitvoerder_form.html"

    def form_valid(self, form):
        messages.success(self.request, _("The worker has been added."))
        return super().form_valid(form)


class UitvoerderUpdateView(BuurtserviceMixin, UpdateView):
    permission_required = "buurtservice.change_uitvoerder"
    form_class = UitvoerderForm
    template_name = "buurtservice/uitvoerder_form.html"

    def get_queryset(self):
        return Uitvoerder.objects.visible_to(self.request.user)

    def form_valid(self, form):
        try:
            response = super().form_valid(form)
        except VersionConflict:
            form.add_conflict_error()
            return self.form_invalid(form)
        messages.success(self.request, _("The worker has been saved."))
        return response


# --- capacity -----------------------------------------------------------------


class CapaciteitListView(BuurtserviceMixin, ListView):
    permission_required = "buurtservice.view_capaciteit"
    template_name = "buurtservice/capaciteit_list.html"

    def get_queryset(self):
        return Capaciteit.objects.order_by("-startdatum")

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        current = Capaciteit.objects.on(today).aggregate(total=Sum("uren_per_week"))["total"]
        return super().get_context_data(**kwargs, today=today, huidig=current or 0)


class CapaciteitFormMixin:
    model = Capaciteit
    form_class = CapaciteitForm
    template_name = "buurtservice/capaciteit_form.html"
    success_url = reverse_lazy("buurtservice:capaciteit_list")

    def form_valid(self, form):
        messages.success(self.request, _("The capacity period has been saved."))
        return super().form_valid(form)


class CapaciteitCreateView(BuurtserviceMixin, CapaciteitFormMixin, CreateView):
    permission_required = "buurtservice.add_capaciteit"


class CapaciteitUpdateView(BuurtserviceMixin, CapaciteitFormMixin, UpdateView):
    permission_required = "buurtservice.change_capaciteit"

    def get_queryset(self):
        return Capaciteit.objects.all()


# --- overview -----------------------------------------------------------------


class OverzichtView(BuurtserviceMixin, FormView):
    """The period figures (quarter, half year, year or own dates)."""

    permission_required = "buurtservice.view_capaciteit"
    template_name = "buurtservice/overzicht.html"
    form_class = PeriodeForm
    # The period is chosen in the query string; a POST has nowhere to go (405).
    http_method_names = ["get", "head", "options"]

    def get_years(self) -> list[int]:
        this_year = timezone.localdate().year
        years = set(range(this_year - 4, this_year + 1))
        requested = selectors.parse_period(self.request.GET.get("periode", ""))
        if requested:
            years.add(requested[1].year)
        return sorted(years, reverse=True)

    def get_form_kwargs(self):
        data = self.request.GET.copy()
        if not any(data.get(k) for k in ("periode", "start", "end")):
            data["periode"] = selectors.period_code_for(timezone.localdate())
        return {
            "data": data,
            "period_choices": selectors.period_choices(self.get_years()),
        }

    def get(self, request, *args, **kwargs):
        form = self.get_form()
        context = {"form": form}
        if form.is_valid():
            code = form.cleaned_data["periode"]
            if code:
                label, start, end = selectors.parse_period(code)
                kind = "Y" if "-" not in code else code.split("-")[1][0].upper()
                one_day = datetime.timedelta(days=1)
                context.update(
                    previous_code=selectors.period_code_for(start - one_day, kind),
                    next_code=selectors.period_code_for(end + one_day, kind),
                )
            else:
                start, end = form.cleaned_data["start"], form.cleaned_data["end"]
                label = _("%(start)s to %(end)s") % {
                    "start": f"{start:%d-%m-%Y}",
                    "end": f"{end:%d-%m-%Y}",
                }
            figures = selectors.period_overview(start=start, end=end)
            context.update(
                label=label,
                figures=figures,
                new_workers_total=sum(figures["new_workers_by_soort"].values()),
                soort_rows=[
                    (UitvoerderSoort(key).label, count)
                    for key, count in figures["new_workers_by_soort"].items()
                ],
                outflow_rows=[
                    (Uitstroom(key).label, count) for key, count in figures["outflow"].items()
                ],
                outflow_total=sum(figures["outflow"].values()),
            )
        return self.render_to_response(self.get_context_data(**context))
