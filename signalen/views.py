"""Pages of signals, the signals brought together, collective questions and contacts
with the buurtteam."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import DeleteView, DetailView, FormView, ListView, TemplateView

from core.exports import ExportViewMixin, export_links
from core.mixins import PaginatedMixin, ScopedViewMixin, VersionedFormViewMixin, YearMixin
from core.onetime import OneTimeSubmitMixin
from wijken.models import Gebied, Thema

from .choices import VraagstukStatus
from .exports import SignaalExporter
from .filters import ContactFilter, OverzichtFilter, SignaalFilter
from .forms import ContactForm, SignaalForm, VraagstukForm, VraagstukStatusForm
from .models import BuurtteamContact, CollectiefVraagstuk, Signaal
from .selectors import contacts_per_quarter, overview, referrals
from .services import (
    change_vraagstuk_status,
    delete_signaal,
    save_contact,
    save_signaal,
    save_vraagstuk,
)

OVERVIEW_PERMISSION = "signalen.view_collectiefvraagstuk"


def _years(queryset, field: str = "datum") -> list[int]:
    """The years ``queryset`` has records in (for YearMixin.data_years)."""
    return [d.year for d in queryset.dates(field, "year")]


# --- signals ----------------------------------------------------------------------


class SignaalListView(ScopedViewMixin, PaginatedMixin, YearMixin, ListView):
    model = Signaal
    year_keys = ("signalen", "wijken")
    permission_required = "signalen.view_signaal"
    template_name = "signalen/signaal_list.html"
    context_object_name = "signalen"

    def data_years(self):
        return _years(self.scoped())

    def get_filterset(self) -> SignaalFilter:
        if not hasattr(self, "_filterset"):
            base = self.scoped().for_year(self.get_year())
            self._filterset = SignaalFilter(
                self.request.GET or None, queryset=base, request=self.request
            )
        return self._filterset

    def get_queryset(self):
        return (
            self.get_filterset()
            .qs.select_related("wijk__gebied", "vraagstuk")
            .prefetch_related("themas")
            .order_by("-datum", "-pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter"] = self.get_filterset()
        context["year"] = self.get_year()
        context["years"] = self.year_context()["years"]
        context["editable_ids"] = set(
            Signaal.objects.editable_by(self.request.user)
            .filter(pk__in=[s.pk for s in context["signalen"]])
            .values_list("pk", flat=True)
        )
        return context


class SignaalFormMixin(ScopedViewMixin, VersionedFormViewMixin, FormView):
    template_name = "signalen/signaal_form.html"
    form_class = SignaalForm
    object: Signaal | None = None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        kwargs["instance"] = self.object
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        return context

    def form_valid(self, form):
        data = form.cleaned_data

        def write():
            save_signaal(
                signaal=self.object,
                datum=data["datum"],
                wijk=data["wijk"],
                themas=data["themas"],
                bron=data["bron"],
                omschrijving=data["omschrijving"],
                door=self.request.user,
                version=data.get("version"),
            )
            messages.success(self.request, _("The signal has been saved. Thank you!"))
            return HttpResponseRedirect(self.get_success_url())

        return self.save_or_conflict(form, write)

    def get_success_url(self):
        if "nog_een" in self.request.POST:
            return reverse("signalen:signaal_create")
        return reverse("signalen:signaal_list")


class SignaalCreateView(OneTimeSubmitMixin, SignaalFormMixin):
    permission_required = "signalen.add_signaal"

    def get_initial(self):
        initial = {"datum": timezone.localdate()}
        medewerker = getattr(self.request.user, "medewerker", None)
        if medewerker is not None and medewerker.standaard_wijk_id:
            initial["wijk"] = medewerker.standaard_wijk_id
        return initial


class SignaalUpdateView(SignaalFormMixin):
    model = Signaal
    scope = "editable_by"
    permission_required = "signalen.change_signaal"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.has_permission():
            self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)


class SignaalDeleteView(ScopedViewMixin, DeleteView):
    model = Signaal
    scope = "editable_by"
    permission_required = "signalen.delete_signaal"
    template_name = "signalen/signaal_confirm_delete.html"

    def form_valid(self, form):
        delete_signaal(signaal=self.get_object())
        messages.success(self.request, _("The signal has been deleted."))
        return HttpResponseRedirect(reverse("signalen:signaal_list"))


# --- the signals brought together ----------------------------------------------------


class OverzichtView(ScopedViewMixin, YearMixin, TemplateView):
    """Signals per theme per wijk per quarter: the whole municipality (as far as the
    user sees it) or one gebied."""

    year_keys = ("signalen", "wijken")

    model = Signaal
    permission_required = OVERVIEW_PERMISSION
    template_name = "signalen/overzicht.html"

    def data_years(self):
        return _years(self.scoped())

    def get_gebied(self) -> Gebied | None:
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(Gebied.objects.of_user(self.request.user), pk=self.kwargs["pk"])

    def base_queryset(self):
        queryset = self.scoped()
        gebied = self.get_gebied()
        if gebied is not None:
            queryset = queryset.filter(wijk__gebied=gebied)
        return queryset

    def get_filterset(self) -> OverzichtFilter:
        if not hasattr(self, "_filterset"):
            self._filterset = OverzichtFilter(
                self.request.GET or None, queryset=self.base_queryset(), request=self.request
            )
        return self._filterset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = self.get_filterset()
        year = self.get_year()
        context.update(
            filter=filterset,
            gebied=self.get_gebied(),
            gebieden=Gebied.objects.of_user(self.request.user),
            year=year,
            years=self.year_context()["years"],
            overzicht=overview(
                filterset.qs,
                year,
                vraagstukken=CollectiefVraagstuk.objects.visible_to(self.request.user),
            ),
            export_links=export_links(self.request, reverse("signalen:signaal_export")),
            can_bundle=self.request.user.has_perm("signalen.add_collectiefvraagstuk"),
        )
        if context["gebied"] is not None:
            context["export_links"] = export_links(
                self.request, reverse("signalen:signaal_export_gebied", args=[self.kwargs["pk"]])
            )
        return context


class SignaalExportView(ExportViewMixin, OverzichtView):
    exporter_class = SignaalExporter

    def export_period(self) -> str:
        return str(self.get_year())

    def export_queryset(self):
        return self.get_filterset().qs.filter(datum__year=self.get_year()).order_by("datum", "pk")


# --- collective questions ----------------------------------------------------------------


class VraagstukListView(ScopedViewMixin, PaginatedMixin, ListView):
    model = CollectiefVraagstuk
    permission_required = "signalen.view_collectiefvraagstuk"
    template_name = "signalen/vraagstuk_list.html"
    context_object_name = "vraagstukken"

    def get_queryset(self):
        queryset = self.scoped().select_related("gebied").prefetch_related("themas")
        status = self.request.GET.get("status")
        if status in VraagstukStatus.values:
            queryset = queryset.filter(status=status)
        return queryset.order_by("-gestart_op", "titel")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statuses"] = VraagstukStatus.choices
        context["status"] = self.request.GET.get("status", "")
        return context


class VraagstukDetailView(ScopedViewMixin, DetailView):
    model = CollectiefVraagstuk
    permission_required = "signalen.view_collectiefvraagstuk"
    template_name = "signalen/vraagstuk_detail.html"
    context_object_name = "vraagstuk"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        vraagstuk = self.object
        context["signalen"] = (
            Signaal.objects.visible_to(user)
            .filter(vraagstuk=vraagstuk)
            .select_related("wijk")
            .prefetch_related("themas")
        )
        context["activiteiten"] = vraagstuk.activiteiten.visible_to(user).select_related("wijk")
        context["initiatieven"] = vraagstuk.initiatieven.visible_to(user).select_related("wijk")
        context["stappen"] = vraagstuk.statuswijzigingen.select_related("door")
        context["route"] = [
            {"value": value, "label": label, "done": _step_index(vraagstuk.status) >= index}
            for index, (value, label) in enumerate(VraagstukStatus.choices)
        ]
        context["can_edit"] = (
            CollectiefVraagstuk.objects.editable_by(user).filter(pk=vraagstuk.pk).exists()
        )
        return context


def _step_index(status: str) -> int:
    return VraagstukStatus.values.index(status) if status in VraagstukStatus.values else -1


class VraagstukFormMixin(ScopedViewMixin, VersionedFormViewMixin, FormView):
    template_name = "signalen/vraagstuk_form.html"
    form_class = VraagstukForm
    object: CollectiefVraagstuk | None = None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        kwargs["instance"] = self.object
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        return context

    def form_valid(self, form):
        data = form.cleaned_data

        def write():
            try:
                vraagstuk = save_vraagstuk(
                    vraagstuk=self.object,
                    titel=data["titel"],
                    gebied=data["gebied"],
                    omschrijving=data["omschrijving"],
                    gestart_op=data["gestart_op"],
                    themas=data["themas"],
                    partners=data["partners"],
                    activiteiten=data["activiteiten"],
                    initiatieven=data["initiatieven"],
                    signalen=data["signalen"],
                    evaluatie=data.get("evaluatie"),
                    door=self.request.user,
                    version=data.get("version"),
                )
            except ValidationError as error:
                form.add_error(None, error)
                return self.form_invalid(form)
            messages.success(self.request, _("The collective question has been saved."))
            return HttpResponseRedirect(vraagstuk.get_absolute_url())

        return self.save_or_conflict(form, write)


class VraagstukCreateView(OneTimeSubmitMixin, VraagstukFormMixin):
    """From the overview (``?wijk=&thema=&jaar=&kwartaal=``) the form offers exactly the
    signals of that one recurring cell, all ticked; without those parameters it
    offers the gebied's recent unbundled signals."""

    permission_required = "signalen.add_collectiefvraagstuk"

    def cell(self) -> dict | None:
        """The overview cell the form was opened from, with its unbundled signals."""
        if hasattr(self, "_cell"):
            return self._cell
        self._cell = None
        params = self.request.GET
        try:
            wijk_id, thema_id = int(params["wijk"]), int(params["thema"])
            year, quarter = int(params["jaar"]), int(params["kwartaal"])
        except (KeyError, ValueError):
            return None
        if not 1 <= quarter <= 4 or not 2000 <= year <= 2100:
            return None
        signalen = list(
            Signaal.objects.visible_to(self.request.user)
            .filter(
                wijk_id=wijk_id,
                themas=thema_id,
                datum__year=year,
                datum__month__gte=3 * quarter - 2,
                datum__month__lte=3 * quarter,
                vraagstuk__isnull=True,
            )
            .select_related("wijk")
            .order_by("datum", "pk")
        )
        thema = Thema.objects.filter(pk=thema_id).first()
        if signalen and thema is not None:
            self._cell = {"signalen": signalen, "thema": thema, "wijk": signalen[0].wijk}
        return self._cell

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        cell = self.cell()
        if cell is not None:
            kwargs["bundle"] = [signaal.pk for signaal in cell["signalen"]]
        return kwargs

    def get_initial(self):
        initial = {"gestart_op": timezone.localdate()}
        cell = self.cell()
        if cell is not None:
            initial["signalen"] = [signaal.pk for signaal in cell["signalen"]]
            initial["gebied"] = cell["wijk"].gebied_id
            initial["themas"] = [cell["thema"].pk]
            initial["titel"] = _("%(thema)s in %(wijk)s") % {
                "thema": cell["thema"].naam,
                "wijk": cell["wijk"].naam,
            }
        return initial


class VraagstukUpdateView(VraagstukFormMixin):
    model = CollectiefVraagstuk
    scope = "editable_by"
    permission_required = "signalen.change_collectiefvraagstuk"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.has_permission():
            self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)


class VraagstukStatusView(ScopedViewMixin, FormView):
    model = CollectiefVraagstuk
    scope = "editable_by"
    permission_required = "signalen.change_collectiefvraagstuk"
    template_name = "signalen/vraagstuk_status_form.html"
    form_class = VraagstukStatusForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["vraagstuk"] = self.get_object()
        return kwargs

    def get_initial(self):
        return {"datum": timezone.localdate()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["vraagstuk"] = self.get_object()
        return context

    def form_valid(self, form):
        vraagstuk = self.get_object()
        data = form.cleaned_data
        try:
            change_vraagstuk_status(
                vraagstuk=vraagstuk,
                status=data["status"],
                datum=data["datum"],
                toelichting=data["toelichting"],
                evaluatie=data["evaluatie"],
                door=self.request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The step has been recorded."))
        return HttpResponseRedirect(vraagstuk.get_absolute_url())


# --- contacts with the buurtteam -------------------------------------------------------------


class ContactListView(ScopedViewMixin, PaginatedMixin, YearMixin, ListView):
    model = BuurtteamContact
    year_keys = ("signalen", "wijken")
    permission_required = "signalen.view_buurtteamcontact"
    template_name = "signalen/contact_list.html"
    context_object_name = "contacten"

    def data_years(self):
        return _years(self.scoped())

    def get_filterset(self) -> ContactFilter:
        if not hasattr(self, "_filterset"):
            self._filterset = ContactFilter(
                self.request.GET or None,
                queryset=self.scoped().for_year(self.get_year()),
                request=self.request,
            )
        return self._filterset

    def get_queryset(self):
        return self.get_filterset().qs.select_related("gebied").order_by("-datum", "-pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = self.get_year()
        queryset = self.get_filterset().qs
        context.update(
            filter=self.get_filterset(),
            year=year,
            years=self.year_context()["years"],
            per_kwartaal=contacts_per_quarter(queryset, year),
            doorverwijzingen=referrals(queryset, year),
            editable_ids=set(
                BuurtteamContact.objects.editable_by(self.request.user)
                .filter(pk__in=[c.pk for c in context["contacten"]])
                .values_list("pk", flat=True)
            ),
        )
        return context


class ContactFormMixin(ScopedViewMixin, VersionedFormViewMixin, FormView):
    template_name = "signalen/contact_form.html"
    form_class = ContactForm
    object: BuurtteamContact | None = None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        kwargs["instance"] = self.object
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        return context

    def form_valid(self, form):
        data = form.cleaned_data

        def write():
            save_contact(
                contact=self.object,
                datum=data["datum"],
                gebied=data["gebied"],
                soort=data["soort"],
                verwezen_van=data["verwezen_van"],
                verwezen_naar=data["verwezen_naar"],
                uitkomst=data["uitkomst"],
                notitie=data["notitie"],
                door=self.request.user,
                version=data.get("version"),
            )
            messages.success(self.request, _("The contact has been saved."))
            return HttpResponseRedirect(reverse("signalen:contact_list"))

        return self.save_or_conflict(form, write)


class ContactCreateView(OneTimeSubmitMixin, ContactFormMixin):
    permission_required = "signalen.add_buurtteamcontact"

    def get_initial(self):
        initial = {"datum": timezone.localdate()}
        gebieden = list(Gebied.objects.of_user(self.request.user)[:2])
        if len(gebieden) == 1:
            initial["gebied"] = gebieden[0].pk
        return initial


class ContactUpdateView(ContactFormMixin):
    model = BuurtteamContact
    scope = "editable_by"
    permission_required = "signalen.change_buurtteamcontact"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.has_permission():
            self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)
