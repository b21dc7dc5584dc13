"""Administration in the app (staff and accounts, gebieden, wijken, themes) and
the forms of the sociale kaart. The Django admin is for superusers only."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import CreateView, FormView, ListView, TemplateView, UpdateView

from core.accounts import manageable_accounts
from core.mixins import PaginatedMixin, ScopedViewMixin, VersionedFormViewMixin
from core.numbers import dutch_number
from core.onetime import OneTimeSubmitMixin
from core.roles import Role

from .forms import (
    EndOfEmploymentForm,
    GebiedForm,
    MedewerkerForm,
    MergeForm,
    OrganisatieForm,
    ThemaForm,
    WijkForm,
)
from .models import Gebied, Medewerker, Organisatie, Thema, Wijk
from .services import (
    end_employment,
    merge_organisaties,
    save_medewerker,
    save_organisatie,
    send_password_link,
    set_account_active,
)

STAFF_PERMISSIONS = ("auth.change_user", "wijken.change_medewerker")


class BeheerIndexView(ScopedViewMixin, TemplateView):
    """The beheerder's start: staff, areas, districts, themes, the sociale kaart."""

    permission_required = STAFF_PERMISSIONS
    template_name = "wijken/beheer/index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs,
            aantal_medewerkers=Medewerker.objects.count(),
            aantal_gebieden=Gebied.objects.count(),
            aantal_wijken=Wijk.objects.count(),
            aantal_themas=Thema.objects.count(),
            aantal_organisaties=Organisatie.objects.count(),
        )


# --- staff and accounts ------------------------------------------------------------


class MedewerkerListView(ScopedViewMixin, PaginatedMixin, ListView):
    permission_required = STAFF_PERMISSIONS
    model = Medewerker
    template_name = "wijken/beheer/medewerker_list.html"
    context_object_name = "medewerkers"

    def get_queryset(self):
        queryset = (
            super()
            .get_queryset()
            .select_related("user")
            .prefetch_related("gebieden", "user__groups")
        )
        zoek = self.request.GET.get("q", "").strip()[:100]
        if zoek:
            queryset = queryset.filter(Q(naam__icontains=zoek) | Q(user__username__icontains=zoek))
        return queryset.order_by("naam", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        role_names = {role.value: role.label for role in Role}
        editable = set(
            Medewerker.objects.editable_by(self.request.user)
            .filter(pk__in=[medewerker.pk for medewerker in context["medewerkers"]])
            .values_list("pk", flat=True)
        )
        for medewerker in context["medewerkers"]:
            user = medewerker.user
            groups = [g.name for g in user.groups.all()] if user else []
            medewerker.role_label = next((role_names[g] for g in groups if g in role_names), "")
            medewerker.editable = medewerker.pk in editable
        context["zoek"] = self.request.GET.get("q", "").strip()[:100]
        context["accounts_zonder_medewerker"] = (
            manageable_accounts(self.request.user)
            .filter(medewerker__isnull=True)
            .order_by("username")
            .only("username", "first_name", "last_name", "is_active")
        )
        return context


class MedewerkerFormMixin(VersionedFormViewMixin):
    model = Medewerker
    form_class = MedewerkerForm
    template_name = "wijken/beheer/medewerker_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "editor": self.request.user}

    def form_valid(self, form):
        data = form.cleaned_data
        role = Role(data["role"]) if data.get("role") else None

        def write():
            return save_medewerker(
                medewerker=form.instance if form.instance.pk else None,
                naam=data["naam"],
                functie=data["functie"],
                uren_per_week=data["uren_per_week"],
                startdatum=data["startdatum"],
                einddatum=data["einddatum"],
                gebieden=list(data["gebieden"]),
                standaard_wijk=data["standaard_wijk"],
                is_pilot=data["is_pilot"],
                notities=data["notities"],
                username=data["username"],
                email=data["email"],
                role=role,
                account=form.account,
                expected_version=data.get("version"),
                by=self.request.user,
            )

        result = self.save_or_conflict(form, write)
        if not isinstance(result, Medewerker):
            return result
        self.object = result
        messages.success(self.request, _("%(naam)s has been saved.") % {"naam": result.naam})
        if result.user and not result.user.has_usable_password():
            messages.info(
                self.request,
                _("Send a link to set a password when the account should be used."),
            )
        return HttpResponseRedirect(reverse("wijken:medewerker_update", args=[result.pk]))


class MedewerkerCreateView(OneTimeSubmitMixin, ScopedViewMixin, MedewerkerFormMixin, CreateView):
    """A new staff member with account; ``?account=`` gives an existing account
    (one without staff record) its staff record."""

    permission_required = ("auth.add_user", "wijken.add_medewerker", *STAFF_PERMISSIONS)

    def get_account(self):
        raw = self.request.GET.get("account", "")
        if not raw.isdigit() or len(raw) > 18:
            return None
        return (
            manageable_accounts(self.request.user)
            .filter(pk=int(raw), medewerker__isnull=True)
            .first()
        )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "account": self.get_account()}


class MedewerkerUpdateView(ScopedViewMixin, MedewerkerFormMixin, UpdateView):
    """A staff record and its account; a record whose account has rights beyond
    the editor's (a superuser's) is not found (404), see core.accounts."""

    permission_required = STAFF_PERMISSIONS
    scope = "editable_by"

    def get_queryset(self):
        return super().get_queryset().select_related("user")


class AccountActionView(ScopedViewMixin, View):
    """POST-only actions on a staff member's account (of an account the user may
    manage: others are not found)."""

    permission_required = STAFF_PERMISSIONS
    model = Medewerker
    scope = "editable_by"
    http_method_names = ["post"]

    def post(self, request, pk):
        medewerker = self.get_object()
        user = medewerker.user
        if user is None:
            messages.error(request, _("%(naam)s has no account.") % {"naam": medewerker.naam})
        else:
            self.act(medewerker, user)
        return HttpResponseRedirect(reverse("wijken:medewerker_update", args=[medewerker.pk]))


class DeactivateView(AccountActionView):
    """Deactivates the account and ends the staff record on the last working day."""

    def act(self, medewerker, user):
        if user.pk == self.request.user.pk:
            messages.error(self.request, _("You cannot deactivate your own account."))
            return
        form = EndOfEmploymentForm(self.request.POST, medewerker=medewerker)
        if not form.is_valid():
            for error in form.errors.get("einddatum", []):
                messages.error(self.request, _("Not deactivated: %(error)s") % {"error": error})
            return
        einddatum = form.cleaned_data["einddatum"]
        end_employment(medewerker=medewerker, einddatum=einddatum, by=self.request.user)
        messages.success(
            self.request,
            _(
                "The account of %(naam)s is deactivated and their employment ends on "
                "%(date)s; their records stay."
            )
            % {"naam": medewerker.naam, "date": f"{einddatum:%d-%m-%Y}"},
        )


class ReactivateView(AccountActionView):
    def act(self, medewerker, user):
        set_account_active(user=user, active=True, by=self.request.user)
        messages.success(
            self.request, _("The account of %(naam)s is active again.") % {"naam": medewerker.naam}
        )


class PasswordLinkView(AccountActionView):
    def act(self, medewerker, user):
        if not user.email or not user.is_active:
            messages.error(
                self.request,
                _("A link can only be sent to an active account with an e-mail address."),
            )
            return
        send_password_link(
            user=user,
            domain=self.request.get_host(),
            use_https=self.request.is_secure(),
            by=self.request.user,
        )
        messages.success(
            self.request,
            _("A link to set a password has been sent to %(email)s.") % {"email": user.email},
        )


# --- areas, districts, themes ---------------------------------------------------------


NEW_LABELS = {
    Gebied: lambda: _("New area"),
    Wijk: lambda: _("New district"),
    Thema: lambda: _("New theme"),
}


def _cell(value) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return dutch_number(value)  # "" for None; a figure as "4.250"


class ReferenceListView(ScopedViewMixin, PaginatedMixin, ListView):
    """A list of reference data for the beheerder; ``add_permission`` adds to it."""

    template_name = "wijken/beheer/reference_list.html"
    columns: list[tuple[str, str]] = []

    def get_queryset(self):
        return self.model._default_manager.all()

    def get_context_data(self, **kwargs):
        opts = self.model._meta
        rows = [
            {
                "object": obj,
                "cells": [_cell(getattr(obj, name)) for name, _label in self.columns],
                "edit_url": reverse(f"wijken:{opts.model_name}_update", args=[obj.pk]),
            }
            for obj in kwargs.get("object_list", self.object_list)
        ]
        return super().get_context_data(
            **kwargs,
            rows=rows,
            columns=[label for _n, label in self.columns],
            title=opts.verbose_name_plural,
            create_url=reverse(f"wijken:{opts.model_name}_create"),
            new_label=NEW_LABELS[self.model](),
            section=opts.model_name,
        )


class ReferenceFormMixin(VersionedFormViewMixin):
    """Gebieden, wijken and themes: small records, but two admins may still edit
    one at once, so the form carries the version it started from."""

    template_name = "wijken/beheer/reference_form.html"

    def get_success_url(self):
        return reverse(f"wijken:{self.model._meta.model_name}_list")

    def save(self, form):
        self.object = form.save()
        messages.success(self.request, _("“%(naam)s” has been saved.") % {"naam": self.object})
        return HttpResponseRedirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs,
            list_url=self.get_success_url(),
            title=self.object or NEW_LABELS[self.model](),
            section=self.model._meta.model_name,
        )


class GebiedListView(ReferenceListView):
    permission_required = "wijken.change_gebied"
    model = Gebied

    @property
    def columns(self):
        return [("naam", _("Name")), ("volgorde", _("Order")), ("aantal_wijken", _("Districts"))]

    def get_queryset(self):
        return Gebied.objects.annotate(aantal_wijken=Count("wijken")).order_by("volgorde", "naam")


class GebiedCreateView(OneTimeSubmitMixin, ScopedViewMixin, ReferenceFormMixin, CreateView):
    permission_required = "wijken.add_gebied"
    model = Gebied
    form_class = GebiedForm


class GebiedUpdateView(ScopedViewMixin, ReferenceFormMixin, UpdateView):
    permission_required = "wijken.change_gebied"
    model = Gebied
    form_class = GebiedForm


class WijkListView(ReferenceListView):
    permission_required = "wijken.change_wijk"
    model = Wijk

    @property
    def columns(self):
        return [
            ("naam", _("Name")),
            ("gebied", _("Area")),
            ("cbs_code", _("CBS code")),
            ("inwoners", _("Inhabitants")),
        ]

    def get_queryset(self):
        return Wijk.objects.select_related("gebied")


class WijkCreateView(OneTimeSubmitMixin, ScopedViewMixin, ReferenceFormMixin, CreateView):
    permission_required = "wijken.add_wijk"
    model = Wijk
    form_class = WijkForm


class WijkUpdateView(ScopedViewMixin, ReferenceFormMixin, UpdateView):
    permission_required = "wijken.change_wijk"
    model = Wijk
    form_class = WijkForm


class ThemaListView(ReferenceListView):
    permission_required = "wijken.change_thema"
    model = Thema

    @property
    def columns(self):
        return [("naam", _("Name")), ("actief", _("Active"))]

    def get_queryset(self):
        return Thema.objects.all()


class ThemaCreateView(OneTimeSubmitMixin, ScopedViewMixin, ReferenceFormMixin, CreateView):
    permission_required = "wijken.add_thema"
    model = Thema
    form_class = ThemaForm


class ThemaUpdateView(ScopedViewMixin, ReferenceFormMixin, UpdateView):
    permission_required = "wijken.change_thema"
    model = Thema
    form_class = ThemaForm


# --- the sociale kaart: adding, editing, merging ------------------------------------


class OrganisatieFormMixin(VersionedFormViewMixin):
    model = Organisatie
    form_class = OrganisatieForm
    template_name = "wijken/organisatie_form.html"

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        wijken = list(data.pop("wijken"))
        version = data.pop("version", None)

        def write():
            return save_organisatie(
                organisatie=form.instance if form.instance.pk else None,
                values=data,
                wijken=wijken,
                expected_version=version,
            )

        result = self.save_or_conflict(form, write)
        if not isinstance(result, Organisatie):
            return result
        messages.success(self.request, _("“%(naam)s” has been saved.") % {"naam": result.naam})
        return HttpResponseRedirect(result.get_absolute_url())


class OrganisatieCreateView(OneTimeSubmitMixin, ScopedViewMixin, OrganisatieFormMixin, CreateView):
    permission_required = "wijken.add_organisatie"


class OrganisatieUpdateView(ScopedViewMixin, OrganisatieFormMixin, UpdateView):
    permission_required = "wijken.change_organisatie"


class OrganisatieMergeView(ScopedViewMixin, FormView):
    """A beheerder merges a duplicate into this organisation."""

    permission_required = ("wijken.merge_organisatie", "wijken.delete_organisatie")
    model = Organisatie
    form_class = MergeForm
    template_name = "wijken/organisatie_merge.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "keep": self.get_object()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, organisatie=self.get_object())

    def form_valid(self, form):
        keep = self.get_object()
        duplicate = form.cleaned_data["duplicate"]
        naam = duplicate.naam
        merge_organisaties(keep=keep, duplicate=duplicate, by=self.request.user)
        messages.success(
            self.request,
            _("“%(duplicate)s” has been merged into “%(keep)s”.")
            % {"duplicate": naam, "keep": keep.naam},
        )
        return HttpResponseRedirect(keep.get_absolute_url())
