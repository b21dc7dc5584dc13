"""Pages of the yearly report: list, create, preview, edit, PDF, final versions.

Every view needs a login and a rapportage permission (coordinators and admins
have them; a social broker gets 403) and loads its object through the model's
``visible_to(user)`` queryset (404 otherwise).
"""

from __future__ import annotations

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import (
    CreateView,
    DeleteView,
    DetailView,
    FormView,
    ListView,
    TemplateView,
    UpdateView,
)

from core.forms import model_data
from core.mixins import ScopedViewMixin, VersionedFormViewMixin
from core.onetime import OneTimeSubmitMixin

from .forms import (
    BlokKeuzeForm,
    HeropenForm,
    JaarrapportageCreateForm,
    JaarrapportageUpdateForm,
    SectieCreateForm,
    SectieForm,
    duplicate_year_message,
)
from .models import Jaarrapportage, RapportVersie, Sectie
from .pdf_views import start_final_version
from .report import (
    build_report_context,
    default_title,
    latest_version,
    number_sections,
    pdf_filename,
)
from .selectors import report_figures, report_warnings
from .services import (
    DuplicateYear,
    ReportIsFinal,
    add_sectie,
    create_jaarrapportage,
    delete_sectie,
    move_sectie,
    previous_report,
    reopen_jaarrapportage,
    update_jaarrapportage,
    update_sectie,
)


class RapportageViewMixin(ScopedViewMixin):
    """The report of the URL through ``visible_to`` (404 when not visible)."""

    model = Jaarrapportage

    def get_rapportage(self) -> Jaarrapportage:
        return self.get_object()


class SectieViewMixin(ScopedViewMixin):
    """The section of the URL through ``visible_to``, with its report."""

    model = Sectie

    def get_queryset(self):
        return super().get_queryset().select_related("rapportage")

    def get_rapportage(self) -> Jaarrapportage:
        return self.get_object().rapportage


def refuse_final(request, rapportage: Jaarrapportage) -> HttpResponseRedirect:
    messages.error(request, ReportIsFinal().messages[0])
    return HttpResponseRedirect(rapportage.get_absolute_url())


class ConceptOnlyMixin:
    """Refuses changes to a final report. Goes after ScopedViewMixin in the bases:
    the login and permission checks come first."""

    def dispatch(self, request, *args, **kwargs):
        rapportage = self.get_rapportage()
        if rapportage.is_definitief:
            return refuse_final(request, rapportage)
        return super().dispatch(request, *args, **kwargs)


class JaarrapportageListView(ScopedViewMixin, ListView):
    permission_required = "rapportage.view_jaarrapportage"
    model = Jaarrapportage
    template_name = "rapportage/jaarrapportage_list.html"
    context_object_name = "rapportages"

    def get_queryset(self):
        return super().get_queryset().annotate(aantal_versies=Count("versies"))


class JaarrapportageCreateView(OneTimeSubmitMixin, ScopedViewMixin, CreateView):
    permission_required = "rapportage.add_jaarrapportage"
    form_class = JaarrapportageCreateForm
    template_name = "rapportage/jaarrapportage_form.html"

    def form_valid(self, form):
        data = form.cleaned_data
        bron = previous_report(data["jaar"]) if data.get("kopieer_vorig") else None
        try:
            self.object = create_jaarrapportage(
                jaar=data["jaar"],
                titel=data["titel"] or default_title(data["jaar"]),
                versiedatum=data["versiedatum"],
                basisjaar=data["basisjaar"],
                kopieer_van=bron,
            )
        except DuplicateYear as exc:
            # Someone created this year's report between the form check and the save.
            if exc.existing is not None:
                form.add_error("jaar", duplicate_year_message(exc.existing))
            else:
                form.add_error("jaar", exc.messages[0])
            return self.form_invalid(form)
        if bron is not None:
            messages.success(
                self.request,
                _(
                    "The report has been created from the report of %(year)s: sections, "
                    "plan items and indicators have been copied."
                )
                % {"year": bron.jaar},
            )
        else:
            messages.success(
                self.request, _("The report has been created with the default sections.")
            )
        return HttpResponseRedirect(self.object.get_absolute_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs, page_title=_("New annual report"), submit_label=_("Create report")
        )


class JaarrapportageDetailView(RapportageViewMixin, DetailView):
    """The HTML preview: the same content as the PDF, plus the editing controls."""

    permission_required = "rapportage.view_jaarrapportage"
    template_name = "rapportage/jaarrapportage_detail.html"
    context_object_name = "rapportage"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rapportage = self.object
        user = self.request.user
        editable = not rapportage.is_definitief
        context.update(build_report_context(rapportage))
        context.update(
            {
                "versies": rapportage.versies.select_related("definitief_door", "heropend_door"),
                "can_manage_plan": editable and user.has_perm("rapportage.change_planonderdeel"),
                "can_edit": editable and user.has_perm("rapportage.change_jaarrapportage"),
                "section_controls": editable and user.has_perm("rapportage.change_sectie"),
                "can_add_section": editable and user.has_perm("rapportage.add_sectie"),
                "can_delete_section": editable and user.has_perm("rapportage.delete_sectie"),
                "can_finalize": editable and user.has_perm("rapportage.finalize_jaarrapportage"),
                "can_reopen": not editable and user.has_perm("rapportage.reopen_jaarrapportage"),
                "can_download_versions": user.has_perm("rapportage.view_rapportversie"),
            }
        )
        return context


class JaarrapportageUpdateView(
    RapportageViewMixin, ConceptOnlyMixin, VersionedFormViewMixin, UpdateView
):
    permission_required = "rapportage.change_jaarrapportage"
    scope = "editable_by"
    form_class = JaarrapportageUpdateForm
    template_name = "rapportage/jaarrapportage_form.html"

    def save(self, form):
        self.object = update_jaarrapportage(
            rapportage=self.object,
            expected_version=form.cleaned_data["version"],
            **model_data(form),
        )
        messages.success(self.request, _("The report has been saved."))
        return HttpResponseRedirect(self.object.get_absolute_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs, page_title=_("Edit report"), submit_label=_("Save")
        )


class SectieUpdateView(SectieViewMixin, ConceptOnlyMixin, VersionedFormViewMixin, UpdateView):
    """Edit a section's narrative; refuses to overwrite someone else's newer save."""

    permission_required = "rapportage.change_sectie"
    form_class = SectieForm
    template_name = "rapportage/sectie_form.html"
    context_object_name = "sectie"

    def save(self, form):
        sectie = self.object
        update_sectie(
            sectie=sectie,
            titel=form.cleaned_data["titel"],
            tekst=form.cleaned_data["tekst"],
            expected_version=form.cleaned_data["version"],
        )
        messages.success(self.request, _("The section has been saved."))
        url = sectie.rapportage.get_absolute_url()
        return HttpResponseRedirect(f"{url}#sectie-{self._position(sectie)}")

    def _position(self, sectie: Sectie) -> int:
        ids = list(sectie.rapportage.secties.values_list("pk", flat=True))
        return ids.index(sectie.pk) + 1 if sectie.pk in ids else 1

    def render_invalid(self, form, **context):
        """On a conflict the page also shows the text as it is stored now, to compare."""
        if form.has_error("__all__", code="stale"):
            context["stored"] = Sectie.objects.get(pk=self.object.pk)
        return super().render_invalid(form, **context)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs,
            rapportage=self.object.rapportage,
            page_title=_("Edit section"),
            submit_label=_("Save section"),
            blok_form=BlokKeuzeForm(soort=self.object.soort),
        )


class SectieVoorbeeldView(SectieViewMixin, ConceptOnlyMixin, DetailView):
    """The section as the report will show it, with the text being edited (not saved yet).

    The editor's "Preview" button posts the textarea here (htmx) and shows the answer
    under the form: the blocks stand in place, rendered by the same templates and from
    the same figures as the report's preview and PDF.
    """

    permission_required = "rapportage.change_sectie"
    template_name = "rapportage/_sectie_voorbeeld.html"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        sectie = self.get_object()
        rapportage = sectie.rapportage
        figures = report_figures(rapportage)
        context = build_report_context(rapportage, figures=figures)
        secties = list(rapportage.secties.all())
        for other in secties:
            if other.pk == sectie.pk:
                other.tekst = request.POST.get("tekst", "")  # markdown.py caps its length
        numbered = number_sections(secties, figures)
        # Only this section; a copy of the report without its introduction, which the
        # shared template would otherwise show above it.
        shown = copy.copy(rapportage)
        shown.inleiding = ""
        context.update(
            rapportage=shown,
            secties=[s for s in numbered if s.sectie.pk == sectie.pk],
            section_controls=False,
        )
        return render(request, self.template_name, context)


class SectieCreateView(OneTimeSubmitMixin, RapportageViewMixin, ConceptOnlyMixin, CreateView):
    permission_required = "rapportage.add_sectie"
    form_class = SectieCreateForm
    template_name = "rapportage/sectie_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "rapportage": self.get_rapportage()}

    def form_valid(self, form):
        rapportage = self.get_rapportage()
        add_sectie(rapportage=rapportage, **form.cleaned_data)
        messages.success(self.request, _("The section has been added at the end."))
        return HttpResponseRedirect(rapportage.get_absolute_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs,
            rapportage=self.get_rapportage(),
            page_title=_("New section"),
            submit_label=_("Add section"),
            blok_form=BlokKeuzeForm(),
        )


class SectieDeleteView(SectieViewMixin, ConceptOnlyMixin, DeleteView):
    permission_required = "rapportage.delete_sectie"
    template_name = "rapportage/sectie_confirm_delete.html"
    context_object_name = "sectie"

    def form_valid(self, form):
        rapportage = self.object.rapportage
        delete_sectie(sectie=self.object)
        messages.success(self.request, _("The section has been removed."))
        return HttpResponseRedirect(rapportage.get_absolute_url())


class SectieMoveView(SectieViewMixin, ConceptOnlyMixin, View):
    permission_required = "rapportage.change_sectie"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        sectie = self.get_object()
        direction = request.POST.get("direction")
        if direction not in ("up", "down"):
            return HttpResponse(status=400)
        move_sectie(sectie=sectie, direction=direction)
        return HttpResponseRedirect(sectie.rapportage.get_absolute_url())


class JaarrapportagePdfView(RapportageViewMixin, View):
    """Download the PDF: the stored file of a final report; for a draft the page
    that has the background worker make it (a PDF is never made in a request)."""

    permission_required = "rapportage.view_jaarrapportage"

    def get(self, request, *args, **kwargs):
        rapportage = self.get_rapportage()
        filename = pdf_filename(rapportage)
        if rapportage.is_definitief:
            versie = latest_version(rapportage)
            if versie is not None and versie.pdf:
                return FileResponse(
                    versie.pdf.open("rb"),
                    as_attachment=True,
                    filename=filename,
                    content_type="application/pdf",
                )
        return render(request, "rapportage/pdf_start.html", {"rapportage": rapportage})


class JaarrapportageFinalizeView(RapportageViewMixin, View):
    permission_required = "rapportage.finalize_jaarrapportage"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        # Rendered by the background worker, then stored; the progress page follows it.
        return start_final_version(request, self.get_rapportage())


class JaarrapportageCheckView(ScopedViewMixin, TemplateView):
    """Before making a report final: what weakens it, each with a link to open it."""

    model = Jaarrapportage
    permission_required = "rapportage.view_jaarrapportage"
    template_name = "rapportage/jaarrapportage_check.html"

    def get_context_data(self, **kwargs):
        rapportage = self.get_object()
        checks = report_warnings(year=rapportage.jaar, user=self.request.user)
        user = self.request.user
        return super().get_context_data(
            **kwargs,
            rapportage=rapportage,
            checks=checks,
            problems=sum(check["total"] for check in checks),
            can_finalize=not rapportage.is_definitief
            and user.has_perm("rapportage.finalize_jaarrapportage"),
        )


class JaarrapportageReopenView(ScopedViewMixin, FormView):
    """Reopening asks for confirmation and a reason; both are kept with the version."""

    model = Jaarrapportage
    permission_required = "rapportage.reopen_jaarrapportage"
    template_name = "rapportage/jaarrapportage_reopen.html"
    form_class = HeropenForm

    def get_context_data(self, **kwargs):
        rapportage = self.get_object()
        return super().get_context_data(
            **kwargs,
            rapportage=rapportage,
            versie=latest_version(rapportage),
            submit_label=_("Reopen as new draft version"),
            submit_class="btn-danger",
        )

    def form_valid(self, form):
        rapportage = self.get_object()
        try:
            reopen_jaarrapportage(
                rapportage=rapportage, user=self.request.user, reden=form.cleaned_data["reden"]
            )
        except ValidationError as exc:
            messages.error(self.request, exc.messages[0])
        else:
            messages.success(
                self.request,
                _("The report is a draft again. Earlier final versions remain downloadable."),
            )
        return HttpResponseRedirect(rapportage.get_absolute_url())


class VersieDownloadView(ScopedViewMixin, View):
    permission_required = ("rapportage.view_jaarrapportage", "rapportage.view_rapportversie")
    model = RapportVersie

    def get(self, request, *args, **kwargs):
        versie = self.get_object(self.get_queryset().select_related("rapportage"))
        if not versie.pdf:
            raise Http404
        filename = f"jaarrapportage-{versie.rapportage.jaar}-v{versie.versie}.pdf"
        return FileResponse(
            versie.pdf.open("rb"),
            as_attachment=True,
            filename=filename,
            content_type="application/pdf",
        )
