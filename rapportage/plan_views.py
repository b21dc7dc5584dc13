"""Pages where the coordinator manages the plan items of Bijlage 2 and their indicators.

Every page: login, then the permission (403), then the object through its
``visible_to`` / ``editable_by`` queryset (404). Plan items and indicators of a
final report are not editable (their queryset ``editable_by`` leaves them out,
and the services refuse). Edits carry the version the editor started from; a
save that would overwrite someone else's answers 409 with the Dutch message.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, FormView

from core.mixins import ScopedViewMixin, VersionedFormViewMixin
from core.onetime import OneTimeSubmitMixin

from .forms import IndicatorForm, PlanonderdeelForm
from .models import Indicator, Jaarrapportage, Planonderdeel
from .selectors import INDICATOR_MEASURES
from .services import (
    ReportIsFinal,
    delete_indicator,
    delete_planonderdeel,
    save_indicator,
    save_planonderdeel,
)


def plan_url(rapportage_id: int, anchor: str = "") -> str:
    return reverse("rapportage:plan", args=[rapportage_id]) + (f"#{anchor}" if anchor else "")


class PlanView(ScopedViewMixin, DetailView):
    """The plan items of a report with their indicators, and the buttons to change them."""

    model = Jaarrapportage
    permission_required = "rapportage.view_planonderdeel"
    template_name = "rapportage/plan.html"
    context_object_name = "rapportage"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rapportage = self.object
        user = self.request.user
        editable = not rapportage.is_definitief
        items = list(rapportage.planonderdelen.prefetch_related("indicatoren"))
        for item in items:
            for indicator in item.indicatoren.all():
                measure = INDICATOR_MEASURES.get(indicator.meting)
                indicator.meting_label = str(measure[0]) if measure else ""
        context.update(
            {
                "items": items,
                "can_add": editable and user.has_perm("rapportage.add_planonderdeel"),
                "can_change": editable and user.has_perm("rapportage.change_planonderdeel"),
                "can_delete": editable and user.has_perm("rapportage.delete_planonderdeel"),
                "can_add_indicator": editable and user.has_perm("rapportage.add_indicator"),
                "can_change_indicator": editable and user.has_perm("rapportage.change_indicator"),
                "can_delete_indicator": editable and user.has_perm("rapportage.delete_indicator"),
            }
        )
        return context


class _PlanFormView(ScopedViewMixin, VersionedFormViewMixin, FormView):
    """Shared by the create and edit pages: one service call, conflicts answered with 409."""

    template_name = "rapportage/plan_form.html"
    scope = "editable_by"
    submit_label = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, submit_label=self.submit_label)

    def refuse_final(self, rapportage: Jaarrapportage):
        messages.error(self.request, ReportIsFinal().messages[0])
        return HttpResponseRedirect(plan_url(rapportage.pk))

    def write(self, form):  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def save(self, form):
        """The write; a report made final meanwhile sends the user back to the plan."""
        try:
            return self.write(form)
        except ReportIsFinal:
            return self.refuse_final(self.rapportage())


def _planonderdeel_data(form) -> dict:
    data = form.cleaned_data
    fields = ("titel", "doel", "gewenst_resultaat", "startsituatie", "inzet_middelen")
    return {**{name: data[name] for name in fields}, "volgorde": data.get("volgorde")}


class PlanonderdeelCreateView(OneTimeSubmitMixin, _PlanFormView):
    submit_label = gettext_lazy("Save plan item")
    model = Jaarrapportage
    permission_required = "rapportage.add_planonderdeel"
    form_class = PlanonderdeelForm

    def rapportage(self) -> Jaarrapportage:
        return self.get_object()

    def get(self, request, *args, **kwargs):
        if self.rapportage().is_definitief:
            return self.refuse_final(self.rapportage())
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs, rapportage=self.rapportage(), page_title=_("New plan item")
        )

    def write(self, form):
        item = save_planonderdeel(
            rapportage=self.rapportage(),
            **_planonderdeel_data(form),
        )
        messages.success(self.request, _("The plan item has been added."))
        return HttpResponseRedirect(plan_url(item.rapportage_id, f"plan-{item.pk}"))


class PlanonderdeelUpdateView(_PlanFormView):
    submit_label = gettext_lazy("Save plan item")
    model = Planonderdeel
    permission_required = "rapportage.change_planonderdeel"
    form_class = PlanonderdeelForm

    def get_queryset(self):
        return super().get_queryset().select_related("rapportage")

    def rapportage(self) -> Jaarrapportage:
        return self.get_object().rapportage

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_object()}

    def get_context_data(self, **kwargs):
        item = self.get_object()
        return super().get_context_data(
            **kwargs, rapportage=item.rapportage, object=item, page_title=_("Edit plan item")
        )

    def write(self, form):
        item = self.get_object()
        save_planonderdeel(
            rapportage=item.rapportage,
            planonderdeel=item,
            expected_version=form.cleaned_data["version"],
            **_planonderdeel_data(form),
        )
        messages.success(self.request, _("The plan item has been saved."))
        return HttpResponseRedirect(plan_url(item.rapportage_id, f"plan-{item.pk}"))


class PlanonderdeelDeleteView(ScopedViewMixin, DetailView):
    model = Planonderdeel
    scope = "editable_by"
    permission_required = "rapportage.delete_planonderdeel"
    template_name = "rapportage/plan_confirm_delete.html"
    context_object_name = "object"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs, rapportage=self.object.rapportage, page_title=_("Remove plan item")
        )

    def post(self, request, *args, **kwargs):
        item = self.get_object()
        try:
            delete_planonderdeel(planonderdeel=item)
        except ReportIsFinal as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(request, _("The plan item has been removed."))
        return HttpResponseRedirect(plan_url(item.rapportage_id))


def _indicator_data(form) -> dict:
    data = form.cleaned_data
    return {
        "naam": data["naam"],
        "meting": data["meting"],
        "streefwaarde": data["streefwaarde"],
        "richting": data["richting"],
        "eenheid": data["eenheid"],
        "handmatige_waarde": data.get("handmatige_waarde"),
        "bron": data.get("bron") or "",
    }


class IndicatorCreateView(OneTimeSubmitMixin, _PlanFormView):
    submit_label = gettext_lazy("Save indicator")
    model = Planonderdeel
    permission_required = "rapportage.add_indicator"
    form_class = IndicatorForm

    def get_queryset(self):
        return super().get_queryset().select_related("rapportage")

    def rapportage(self) -> Jaarrapportage:
        return self.get_object().rapportage

    def get_context_data(self, **kwargs):
        item = self.get_object()
        return super().get_context_data(
            **kwargs,
            rapportage=item.rapportage,
            planonderdeel=item,
            page_title=_("New indicator"),
        )

    def write(self, form):
        item = self.get_object()
        save_indicator(planonderdeel=item, **_indicator_data(form))
        messages.success(self.request, _("The indicator has been added."))
        return HttpResponseRedirect(plan_url(item.rapportage_id, f"plan-{item.pk}"))


class IndicatorUpdateView(_PlanFormView):
    submit_label = gettext_lazy("Save indicator")
    model = Indicator
    permission_required = "rapportage.change_indicator"
    form_class = IndicatorForm

    def get_queryset(self):
        return super().get_queryset().select_related("planonderdeel__rapportage")

    def rapportage(self) -> Jaarrapportage:
        return self.get_object().planonderdeel.rapportage

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_object()}

    def get_context_data(self, **kwargs):
        indicator = self.get_object()
        return super().get_context_data(
            **kwargs,
            rapportage=indicator.planonderdeel.rapportage,
            planonderdeel=indicator.planonderdeel,
            object=indicator,
            page_title=_("Edit indicator"),
        )

    def write(self, form):
        indicator = self.get_object()
        save_indicator(
            planonderdeel=indicator.planonderdeel,
            indicator=indicator,
            expected_version=form.cleaned_data["version"],
            **_indicator_data(form),
        )
        messages.success(self.request, _("The indicator has been saved."))
        item = indicator.planonderdeel
        return HttpResponseRedirect(plan_url(item.rapportage_id, f"plan-{item.pk}"))


class IndicatorDeleteView(ScopedViewMixin, DetailView):
    model = Indicator
    scope = "editable_by"
    permission_required = "rapportage.delete_indicator"
    template_name = "rapportage/plan_confirm_delete.html"
    context_object_name = "object"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs,
            rapportage=self.object.planonderdeel.rapportage,
            page_title=_("Remove indicator"),
        )

    def post(self, request, *args, **kwargs):
        indicator = self.get_object()
        item = indicator.planonderdeel
        try:
            delete_indicator(indicator=indicator)
        except ReportIsFinal as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(request, _("The indicator has been removed."))
        return HttpResponseRedirect(plan_url(item.rapportage_id, f"plan-{item.pk}"))


__all__ = [
    "IndicatorCreateView",
    "IndicatorDeleteView",
    "IndicatorUpdateView",
    "PlanView",
    "PlanonderdeelCreateView",
    "PlanonderdeelDeleteView",
    "PlanonderdeelUpdateView",
]
