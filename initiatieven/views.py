"""Pages of the initiatives register.

Every view requires a login and a model permission, and loads initiatives
through ``visible_to`` / ``editable_by``: another gebied's initiative is a 404.
Every write goes through ``services``.
"""

from __future__ import annotations

from django.contrib import messages
from django.db.models import CharField, Prefetch, Value
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DetailView, FormView, UpdateView
from django_filters.views import FilterView

from core.datacache import cached
from core.exports import FilterExportViewMixin, export_links
from core.filters import FilterOptionsView
from core.forms import model_data
from core.mixins import (
    LazyRows,
    PaginatedMixin,
    PersonalDataMixin,
    ScopedViewMixin,
    VersionedFormViewMixin,
)
from core.onetime import OneTimeSubmitMixin
from wijken.models import Medewerker, Thema

from . import services
from .exports import InitiatiefExporter
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
EXPORT_PERMISSION = "initiatieven.export_initiatief"


def with_names(initiatieven: list, request) -> list:
    """Give each initiative ``thema_namen`` and ``ondersteuner_namen`` (sorted).

    One query for the links of both relations (a UNION of the two link tables);
    the names come from the data cache, as themes and staff change rarely.
    """
    ids = [initiatief.pk for initiatief in initiatieven]
    links: dict[tuple[str, int], list[int]] = {}
    if ids:
        kind = CharField()
        themas = (
            Initiatief.themas.through.objects.filter(initiatief_id__in=ids)
            .annotate(kind=Value("t", output_field=kind))
            .values_list("kind", "initiatief_id", "thema_id")
        )
        ondersteuners = (
            Initiatief.ondersteuners.through.objects.filter(initiatief_id__in=ids)
            .annotate(kind=Value("o", output_field=kind))
            .values_list("kind", "initiatief_id", "medewerker_id")
        )
        for kind_code, initiatief_id, pk in themas.union(ondersteuners, all=True):
            links.setdefault((kind_code, initiatief_id), []).append(pk)
    names = cached(
        "initiatieven:link-names",
        keys=("wijken",),
        parts=[],
        compute=lambda: {
            "t": dict(Thema.objects.values_list("pk", "naam")),
            "o": dict(Medewerker.objects.values_list("pk", "naam")),
        },
        request=request,
    )
    for initiatief in initiatieven:
        for kind_code, attribute in (("t", "thema_namen"), ("o", "ondersteuner_namen")):
            found = (names[kind_code].get(pk) for pk in links.get((kind_code, initiatief.pk), []))
            setattr(initiatief, attribute, sorted(name for name in found if name))
    return initiatieven


class InitiatiefListView(ScopedViewMixin, PaginatedMixin, FilterView):
    permission_required = "initiatieven.view_initiatief"
    model = Initiatief
    filterset_class = InitiatiefFilter
    template_name = "initiatieven/initiatief_list.html"
    count_keys = ("initiatieven", "wijken")
    filter_keys = ("initiatieven", "wijken")

    def get_queryset(self):
        return super().get_queryset().select_related("wijk__gebied").order_by("naam", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["object_list"]
        context["object_list"] = LazyRows(lambda: with_names(list(page), self.request))
        context["filters_active"] = any(v for k, v in self.request.GET.items() if k != "page")
        if self.request.user.has_perm(EXPORT_PERMISSION):
            context["export_links"] = export_links(
                self.request, reverse("initiatieven:initiatief_export")
            )
        return context


class InitiatiefFilterOptionsView(FilterOptionsView):
    """The supporting brokers to filter on, when the filter panel opens."""

    permission_required = "initiatieven.view_initiatief"
    model = Initiatief
    filterset_class = InitiatiefFilter


class InitiatiefExportView(FilterExportViewMixin, InitiatiefListView):
    """The filtered list as CSV or XLSX (no names of residents)."""

    permission_required = EXPORT_PERMISSION
    exporter_class = InitiatiefExporter


class InitiatiefDetailView(PersonalDataMixin, ScopedViewMixin, DetailView):
    permission_required = "initiatieven.view_initiatief"
    model = Initiatief
    template_name = "initiatieven/initiatief_detail.html"
    context_object_name = "initiatief"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
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


class InitiatiefCreateView(
    PersonalDataMixin, OneTimeSubmitMixin, ScopedViewMixin, VersionedFormViewMixin, CreateView
):
    permission_required = "initiatieven.add_initiatief"
    model = Initiatief
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

    def save(self, form):
        self.object = services.create_initiatief(
            status=form.cleaned_data["begin_status"],
            datum=form.cleaned_data["status_datum"],
            door=self.request.user,
            **model_data(form),
        )
        messages.success(self.request, _("The initiative has been saved."))
        return redirect(self.object)


class InitiatiefChildMixin(ScopedViewMixin):
    """For the pages that change one initiative: it is loaded through ``editable_by``
    (404 otherwise) and shown in the page as ``initiatief``."""

    @cached_property
    def initiatief(self) -> Initiatief:
        return self.get_scoped(Initiatief, "editable_by")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["initiatief"] = self.initiatief
        return context


class InitiatiefEditView(PersonalDataMixin, ScopedViewMixin, VersionedFormViewMixin, UpdateView):
    """Edits of the initiative itself, loaded through ``editable_by``."""

    permission_required = "initiatieven.change_initiatief"
    model = Initiatief
    scope = "editable_by"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, initiatief=self.object)


class InitiatiefUpdateView(InitiatiefEditView):
    form_class = InitiatiefForm
    template_name = "initiatieven/initiatief_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def save(self, form):
        self.object = services.update_initiatief(
            initiatief=self.object,
            expected_version=form.cleaned_data["version"],
            **model_data(form),
        )
        messages.success(self.request, _("The initiative has been saved."))
        return redirect(self.object)


class VeranderverhaalUpdateView(InitiatiefEditView):
    form_class = VeranderverhaalForm
    template_name = "initiatieven/veranderverhaal_form.html"

    def save(self, form):
        self.object = services.update_veranderverhaal(
            initiatief=self.object,
            expected_version=form.cleaned_data["version"],
            **model_data(form),
        )
        messages.success(self.request, _("The veranderverhaal has been saved."))
        return redirect(self.object.get_absolute_url() + "#veranderverhaal")


class StatusChangeView(InitiatiefChildMixin, FormView):
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


class FinancieringFormMixin(InitiatiefChildMixin, VersionedFormViewMixin):
    model = Financieringsaanvraag
    form_class = FinancieringsaanvraagForm
    template_name = "initiatieven/financiering_form.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "known_funds": KNOWN_FUNDS}

    def save(self, form):
        self.object = services.save_financieringsaanvraag(
            initiatief=self.initiatief,
            aanvraag=self.object,
            expected_version=form.cleaned_data.get("version"),
            **model_data(form),
        )
        messages.success(self.request, _("The funding application has been saved."))
        return redirect(self.initiatief.get_absolute_url() + "#financiering")


class FinancieringCreateView(OneTimeSubmitMixin, FinancieringFormMixin, CreateView):
    permission_required = "initiatieven.add_financieringsaanvraag"


class FinancieringUpdateView(FinancieringFormMixin, UpdateView):
    permission_required = "initiatieven.change_financieringsaanvraag"
    scope = "editable_by"
    pk_url_kwarg = "fid"

    def get_queryset(self):
        return super().get_queryset().filter(initiatief=self.initiatief)


class TellingCreateView(
    OneTimeSubmitMixin, InitiatiefChildMixin, VersionedFormViewMixin, CreateView
):
    permission_required = "initiatieven.add_deelnametelling"
    form_class = DeelnametellingForm
    template_name = "initiatieven/telling_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "initiatief": self.initiatief}

    def save(self, form):
        services.add_telling(initiatief=self.initiatief, **model_data(form))
        messages.success(self.request, _("The count has been saved."))
        return redirect(self.initiatief.get_absolute_url() + "#tellingen")
