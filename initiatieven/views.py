"""Pages of the initiatives register.

Every view requires a login and a model permission, and loads initiatives
through ``visible_to`` / ``editable_by``: another gebied's initiative is a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DetailView, FormView, UpdateView
from django_filters.views import FilterView

from core.concurrency import VersionConflict
from wijken.models import Medewerker

from . import services
from .filters import InitiatiefFilter
from .forms import (
    DeelnametellingForm,
    FinancieringsaanvraagForm,
    InitiatiefCreateForm,
    InitiatiefForm,
    StatusWijzigingForm,
    VeranderverhaalForm,
)
from .models import Financieringsaanvraag, Initiatief, StatusWijziging

# Suggestions for the fund field (the user may type any other fund).
KNOWN_FUNDS = ["Wensfonds", "3x3 basketbal subsidie", "Oranje Fonds", "Kansfonds"]


class StaffViewMixin(LoginRequiredMixin, PermissionRequiredMixin):
    """Login first (anonymous → login page), then the model permission (→ 403)."""


class InitiatiefListView(StaffViewMixin, FilterView):
    permission_required = "initiatieven.view_initiatief"
    filterset_class = InitiatiefFilter
    template_name = "initiatieven/initiatief_list.html"
    paginate_by = 25

    def get_queryset(self):
        return (
            Initiatief.objects.visible_to(self.request.user)
            .select_related("wijk__gebied")
            .prefetch_related(
                "themas",
                Prefetch("ondersteuners", queryset=Medewerker.objects.only("pk", "naam")),
            )
            .order_by("naam", "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["querystring"] = query.urlencode()
        context["filters_active"] = any(v for k, v in query.items())
        return context


class InitiatiefDetailView(StaffViewMixin, DetailView):
    permission_required = "initiatieven.view_initiatief"
    template_name = "initiatieven/initiatief_detail.html"
    context_object_name = "initiatief"

    def get_queryset(self):
        return (
            Initiatief.objects.visible_to(self.request.user)
            .select_related("wijk__gebied")
            .prefetch_related(
                "themas",
                "ondersteuners",
                "partners",
                "financieringsaanvragen",
                "tellingen",
                Prefetch(
                    "statuswijzigingen",
                    queryset=StatusWijziging.objects.select_related("door").order_by(
                        "-datum", "-pk"
                    ),
                ),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        initiatief = self.object
        # The activities of the initiative, through the relation the activity log
        # declares (makelaars sits above this app and is not imported here).
        context["activiteiten"] = (
            initiatief.activiteiten.visible_to(user)
            .select_related("wijk")
            .order_by("-datum", "-pk")
        )
        context["can_edit"] = Initiatief.objects.editable_by(user).filter(pk=initiatief.pk).exists()
        context["veranderverhaal"] = [
            ("doelgroep", _("Target group"), "bi-people", initiatief.doelgroep),
            ("aanpak", _("Approach"), "bi-tools", initiatief.aanpak),
            ("directe_effecten", _("Direct effects"), "bi-stars", initiatief.directe_effecten),
            (
                "indirecte_bijdrage",
                _("Contributes indirectly to"),
                "bi-house-heart",
                initiatief.indirecte_bijdrage,
            ),
        ]
        return context


class InitiatiefCreateView(StaffViewMixin, CreateView):
    permission_required = "initiatieven.add_initiatief"
    form_class = InitiatiefCreateForm
    template_name = "initiatieven/initiatief_form.html"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        medewerker = getattr(self.request.user, "medewerker", None)
        if medewerker is not None and medewerker.standaard_wijk_id:
            kwargs.setdefault("initial", {})["wijk"] = medewerker.standaard_wijk_id
            kwargs["initial"]["ondersteuners"] = [medewerker.pk]
        return kwargs

    def form_valid(self, form):
        try:
            self.object = services.create_initiatief(
                initiatief=form.save(commit=False),
                status=form.cleaned_data["begin_status"],
                datum=form.cleaned_data["status_datum"],
                door=self.request.user,
                themas=form.cleaned_data["themas"],
                ondersteuners=form.cleaned_data["ondersteuners"],
                partners=form.cleaned_data["partners"],
            )
        except IntegrityError:
            form.add_error("naam", _("This district already has an initiative with this name."))
            return self.form_invalid(form)
        except VersionConflict:
            form.add_conflict_error()
            return self.form_invalid(form)
        messages.success(self.request, _("The initiative has been saved."))
        return redirect(self.object)


class EditableInitiatiefMixin(StaffViewMixin):
    """Loads the initiative of the URL through ``editable_by`` (404 otherwise)."""

    @cached_property
    def initiatief(self) -> Initiatief:
        return get_object_or_404(
            Initiatief.objects.editable_by(self.request.user), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["initiatief"] = self.initiatief
        return context


class InitiatiefUpdateView(EditableInitiatiefMixin, UpdateView):
    permission_required = "initiatieven.change_initiatief"
    form_class = InitiatiefForm
    template_name = "initiatieven/initiatief_form.html"

    def get_object(self, queryset=None):
        return self.initiatief

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        try:
            with transaction.atomic():
                self.object = form.save()
        except IntegrityError:
            form.add_error("naam", _("This district already has an initiative with this name."))
            return self.form_invalid(form)
        messages.success(self.request, _("The initiative has been saved."))
        return redirect(self.object)


class VeranderverhaalUpdateView(EditableInitiatiefMixin, UpdateView):
    permission_required = "initiatieven.change_initiatief"
    form_class = VeranderverhaalForm
    template_name = "initiatieven/veranderverhaal_form.html"

    def get_object(self, queryset=None):
        return self.initiatief

    def form_valid(self, form):
        try:
            self.object = form.save()
        except VersionConflict:
            form.add_conflict_error()
            return self.form_invalid(form)
        messages.success(self.request, _("The veranderverhaal has been saved."))
        return redirect(self.object.get_absolute_url() + "#veranderverhaal")


class StatusChangeView(EditableInitiatiefMixin, FormView):
    permission_required = "initiatieven.add_statuswijziging"
    form_class = StatusWijzigingForm
    template_name = "initiatieven/status_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "initiatief": self.initiatief}

    def form_valid(self, form):
        services.change_status(
            initiatief=self.initiatief,
            status=form.cleaned_data["status"],
            datum=form.cleaned_data["datum"],
            toelichting=form.cleaned_data["toelichting"],
            door=self.request.user,
        )
        messages.success(self.request, _("The status has been changed."))
        return redirect(self.initiatief.get_absolute_url() + "#status")


class FinancieringFormMixin(EditableInitiatiefMixin):
    form_class = FinancieringsaanvraagForm
    template_name = "initiatieven/financiering_form.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "known_funds": KNOWN_FUNDS}

    def form_valid(self, form):
        form.instance.initiatief = self.initiatief
        try:
            with transaction.atomic():
                self.object = form.save()
        except IntegrityError:
            form.add_error(None, _("The application could not be saved; check the dates."))
            return self.form_invalid(form)
        messages.success(self.request, _("The funding application has been saved."))
        return redirect(self.initiatief.get_absolute_url() + "#financiering")


class FinancieringCreateView(FinancieringFormMixin, CreateView):
    permission_required = "initiatieven.add_financieringsaanvraag"


class FinancieringUpdateView(FinancieringFormMixin, UpdateView):
    permission_required = "initiatieven.change_financieringsaanvraag"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Financieringsaanvraag, initiatief=self.initiatief, pk=self.kwargs["fid"]
        )


class TellingCreateView(EditableInitiatiefMixin, CreateView):
    permission_required = "initiatieven.add_deelnametelling"
    form_class = DeelnametellingForm
    template_name = "initiatieven/telling_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "initiatief": self.initiatief}

    def form_valid(self, form):
        form.instance.initiatief = self.initiatief
        try:
            with transaction.atomic():
                form.save()
        except IntegrityError:
            # Two people saving the same day at the same moment.
            form.add_error("datum", _("There is already a count for this initiative on this date."))
            return self.form_invalid(form)
        messages.success(self.request, _("The count has been saved."))
        return redirect(self.initiatief.get_absolute_url() + "#tellingen")
