"""Pages of the measurements: for staff (compose, results, duiding, poster) and the
public page residents answer on without an account."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.signing import BadSignature
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, FormView, ListView

from core.auth import client_ip
from core.charts import SCREEN_WIDTH, bar_chart
from core.exports import BaseExporter, export_links, export_response
from core.mixins import (
    PaginatedMixin,
    PersonalDataMixin,
    ScopedViewMixin,
    VersionedFormViewMixin,
)
from core.onetime import OneTimeSubmitMixin
from initiatieven.models import Initiatief

from . import codes
from .forms import AntwoordForm, CodesForm, DuidingForm, VragenlijstForm
from .models import Duiding, Vragenlijst
from .printing import print_pdf
from .qr import qr_data_uri
from .ratelimit import allow
from .selectors import open_answers, results
from .services import (
    OngeldigeCode,
    UitkomstenAlGetoond,
    VragenlijstGesloten,
    issue_codes,
    save_duiding,
    save_vragenlijst,
    set_open,
    submit_answers,
)

# Answers one device may give to one questionnaire (a family may share a phone).
DEFAULT_MAX_PER_DEVICE = 3
COOKIE_SALT = "metingen.apparaat"
COOKIE_MAX_AGE = 366 * 24 * 3600


def max_per_device() -> int:
    return getattr(settings, "METINGEN_MAX_PER_APPARAAT", DEFAULT_MAX_PER_DEVICE)


def public_url(request, vragenlijst: Vragenlijst) -> str:
    return request.build_absolute_uri(vragenlijst.get_public_path())


# --- for staff ---------------------------------------------------------------------


class VragenlijstListView(ScopedViewMixin, PaginatedMixin, ListView):
    model = Vragenlijst
    permission_required = "metingen.view_vragenlijst"
    template_name = "metingen/vragenlijst_list.html"
    context_object_name = "vragenlijsten"

    def get_queryset(self):
        return self.scoped().select_related("initiatief__wijk").order_by("-startdatum", "titel")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.user.has_perm("metingen.add_vragenlijst"):
            context["initiatieven"] = (
                Initiatief.objects.visible_to(self.request.user)
                .exclude(directe_effecten="")
                .select_related("wijk")
                .order_by("naam")
            )
        return context


class InitiatiefScopedMixin:
    """The initiative of the URL, as far as the user may see it (else 404)."""

    def get_initiatief(self) -> Initiatief:
        if not hasattr(self, "_initiatief"):
            self._initiatief = get_object_or_404(
                Initiatief.objects.visible_to(self.request.user).select_related("wijk"),
                pk=self.kwargs["pk"],
            )
        return self._initiatief


class VragenlijstFormMixin(ScopedViewMixin, VersionedFormViewMixin, FormView):
    template_name = "metingen/vragenlijst_form.html"
    form_class = VragenlijstForm
    object: Vragenlijst | None = None

    def get_initiatief(self) -> Initiatief:
        return self.object.initiatief

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["initiatief"] = self.get_initiatief()
        kwargs["instance"] = self.object
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        context["initiatief"] = self.get_initiatief()
        return context

    def form_valid(self, form):
        data = form.cleaned_data

        def write():
            vragenlijst = save_vragenlijst(
                vragenlijst=self.object,
                initiatief=self.get_initiatief(),
                titel=data["titel"],
                inleiding=data["inleiding"],
                open_vraag=data["open_vraag"],
                startdatum=data["startdatum"],
                stellingen=None if form.has_answers else data["stellingen"],
                door=self.request.user,
                version=data.get("version"),
            )
            messages.success(self.request, _("The questionnaire has been saved."))
            return HttpResponseRedirect(vragenlijst.get_absolute_url())

        return self.save_or_conflict(form, write)


class VragenlijstCreateView(OneTimeSubmitMixin, InitiatiefScopedMixin, VragenlijstFormMixin):
    """A questionnaire for an initiative with a veranderverhaal (its direct effects)."""

    model = Vragenlijst
    permission_required = "metingen.add_vragenlijst"

    def get_initial(self):
        initiatief = self.get_initiatief()
        return {
            "titel": _("What %(naam)s means to you") % {"naam": initiatief.naam},
            "open_vraag": _("Is there anything else you would like to tell us about %(naam)s?")
            % {"naam": initiatief.naam},
            "startdatum": timezone.localdate(),
        }

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.has_permission():
            initiatief = self.get_initiatief()
            if not initiatief.directe_effecten.strip():
                return render(
                    request,
                    "metingen/geen_veranderverhaal.html",
                    {"initiatief": initiatief},
                )
        return super().dispatch(request, *args, **kwargs)


class VragenlijstUpdateView(VragenlijstFormMixin):
    model = Vragenlijst
    scope = "editable_by"
    permission_required = "metingen.change_vragenlijst"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.has_permission():
            self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)


class VragenlijstDetailView(PersonalDataMixin, ScopedViewMixin, DetailView):
    model = Vragenlijst
    permission_required = "metingen.view_vragenlijst"
    template_name = "metingen/vragenlijst_detail.html"
    context_object_name = "vragenlijst"

    def get_queryset(self):
        return super().get_queryset().select_related("initiatief__wijk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        vragenlijst = self.object
        result = results(vragenlijst)
        url = public_url(self.request, vragenlijst)
        shown = [s for s in result["stellingen"] if s["aandeel"] is not None]
        context.update(
            result=result,
            open_antwoorden=open_answers(vragenlijst),
            public_url=url,
            qr=qr_data_uri(url),
            can_edit=Vragenlijst.objects.editable_by(self.request.user)
            .filter(pk=vragenlijst.pk)
            .exists(),
            duiding=Duiding.objects.filter(vragenlijst=vragenlijst).first(),
            codes_ongebruikt=vragenlijst.antwoordcodes.count(),
            export_links=export_links(
                self.request, reverse("metingen:resultaten_export", args=[vragenlijst.pk])
            ),
            # Statements are long and alike ("Door … ken ik …"): the bars carry their
            # number and the legend under the chart gives each number its statement.
            chart_legend=[s["tekst"] for s in shown],
            chart=bar_chart(
                [str(number) for number in range(1, len(shown) + 1)],
                [s["aandeel"] for s in shown],
                title=str(_("Share that agrees per statement")),
                x_title=str(_("Statement (see the list below the chart)")),
                unit="%",
                width=SCREEN_WIDTH,
            )
            if shown
            else None,
        )
        return context


class VragenlijstOpenView(ScopedViewMixin, View):
    """Open or close the public link (POST ``open=1`` or ``open=0``)."""

    model = Vragenlijst
    scope = "editable_by"
    permission_required = "metingen.change_vragenlijst"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        vragenlijst = self.get_object()
        is_open = request.POST.get("open") == "1"
        try:
            set_open(vragenlijst=vragenlijst, is_open=is_open, today=timezone.localdate())
        except UitkomstenAlGetoond:
            messages.error(
                request,
                _(
                    "This questionnaire stays closed: its results are visible, and an answer "
                    "added now could be read off by comparing them. Make a new questionnaire "
                    "for a new round."
                ),
            )
            return HttpResponseRedirect(vragenlijst.get_absolute_url())
        if is_open:
            messages.success(request, _("The link is open: residents can answer."))
        else:
            messages.success(request, _("The link is closed: no more answers are taken."))
        return HttpResponseRedirect(vragenlijst.get_absolute_url())


class AntwoordcodesView(PersonalDataMixin, ScopedViewMixin, FormView):
    """Print one-time answer codes: a page of slips, one per resident. The codes are
    shown this once (only their hashes are kept)."""

    model = Vragenlijst
    scope = "editable_by"
    permission_required = "metingen.change_vragenlijst"
    template_name = "metingen/antwoordcodes.html"
    form_class = CodesForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.has_permission():
            self.object = self.get_object()
            if not self.object.is_open:
                messages.error(request, _("The link is closed: no answer codes are needed."))
                return HttpResponseRedirect(self.object.get_absolute_url())
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(vragenlijst=self.object, codes_ongebruikt=self.object.antwoordcodes.count())
        return context

    def form_valid(self, form):
        vragenlijst = self.object
        try:
            new = issue_codes(vragenlijst=vragenlijst, aantal=form.cleaned_data["aantal"])
        except VragenlijstGesloten:
            messages.error(self.request, _("The link is closed: no answer codes are needed."))
            return HttpResponseRedirect(vragenlijst.get_absolute_url())
        url = public_url(self.request, vragenlijst)
        return render(
            self.request,
            "metingen/strookjes.html",
            {
                "vragenlijst": vragenlijst,
                "codes": [codes.display(code) for code in new],
                "url": url,
                "qr": qr_data_uri(url),
            },
        )


class PrintPdfView(ScopedViewMixin, View):
    """The public link as QR code on a printable A4 poster or A6 card (made once, see
    ``printing``)."""

    model = Vragenlijst
    permission_required = "metingen.view_vragenlijst"
    kind = "poster"

    def get(self, request, *args, **kwargs):
        vragenlijst = self.get_object()
        url = public_url(request, vragenlijst)
        pdf = print_pdf(vragenlijst=vragenlijst, kind=self.kind, url=url)
        response = HttpResponse(pdf, content_type="application/pdf")
        filename = f"vragenlijst-{vragenlijst.pk}-{self.kind}.pdf"
        response["Content-Disposition"] = f'inline; filename="{filename}"'
        return response


class ResultatenExporter(BaseExporter):
    """Per statement n and the share that agrees; never the open answers."""

    identifier = "resultaten"
    verbose_name = _("Results")
    columns = [_("Statement"), _("Direct effect"), _("Answers"), _("Agree (%)")]

    def rows(self, queryset):
        for stelling in queryset:
            yield [stelling["tekst"], stelling["effect"], stelling["n"], stelling["aandeel"]]


class ResultatenExportView(PersonalDataMixin, ScopedViewMixin, View):
    model = Vragenlijst
    permission_required = "metingen.view_vragenlijst"

    def get(self, request, *args, **kwargs):
        vragenlijst = self.get_object()
        exporter = ResultatenExporter()
        exporter.identifier = f"resultaten-vragenlijst-{vragenlijst.pk}"
        return export_response(
            exporter, results(vragenlijst)["stellingen"], request.GET.get("format", "csv")
        )


class DuidingView(PersonalDataMixin, ScopedViewMixin, VersionedFormViewMixin, FormView):
    model = Vragenlijst
    scope = "editable_by"
    permission_required = "metingen.change_duiding"
    template_name = "metingen/duiding_form.html"
    form_class = DuidingForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Duiding.objects.filter(vragenlijst=self.get_object()).first()
        return kwargs

    def get_initial(self):
        return {"datum": timezone.localdate()}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["vragenlijst"] = self.get_object()
        context["result"] = results(self.get_object())
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        vragenlijst = self.get_object()

        def write():
            save_duiding(
                vragenlijst=vragenlijst,
                datum=data["datum"],
                besproken_met=data["besproken_met"],
                herkenning=data["herkenning"],
                verklaring=data["verklaring"],
                waardering=data["waardering"],
                betekenis=data["betekenis"],
                acties=data["acties"],
                version=data.get("version"),
            )
            messages.success(self.request, _("The interpretation has been saved."))
            return HttpResponseRedirect(vragenlijst.get_absolute_url())

        return self.save_or_conflict(form, write)


# --- the public page (no account) ---------------------------------------------------------


def _cookie_name(vragenlijst: Vragenlijst) -> str:
    return f"sw_vragenlijst_{vragenlijst.pk}"


def answers_from_device(request, vragenlijst: Vragenlijst) -> int:
    """How often this device answered (a signed count in a cookie; nothing else)."""
    try:
        value = request.get_signed_cookie(
            _cookie_name(vragenlijst), default="0", salt=COOKIE_SALT, max_age=COOKIE_MAX_AGE
        )
        return max(0, int(value))
    except (BadSignature, ValueError):
        return 0


@method_decorator(never_cache, name="dispatch")
class InvullenView(View):
    """The questionnaire as residents see it: no login, nothing about them stored."""

    template_name = "metingen/public/invullen.html"
    form_class = AntwoordForm  # (what it validates; also how the fuzz tests find it)

    def get_vragenlijst(self) -> Vragenlijst:
        return get_object_or_404(
            Vragenlijst.objects.select_related("initiatief"), token=self.kwargs["token"]
        )

    def page(self, template: str, context: dict, status: int = 200):
        context = {**organisation_context(), **context}
        return render(self.request, f"metingen/public/{template}", context, status=status)

    def get(self, request, token):
        vragenlijst = self.get_vragenlijst()
        context = {"vragenlijst": vragenlijst}
        if not vragenlijst.is_open:
            return self.page("gesloten.html", context)
        if answers_from_device(request, vragenlijst) >= max_per_device():
            return self.page("al_ingevuld.html", context)
        context["form"] = AntwoordForm(vragenlijst=vragenlijst)
        return self.page("invullen.html", context)

    def post(self, request, token):
        vragenlijst = self.get_vragenlijst()
        context = {"vragenlijst": vragenlijst}
        if not vragenlijst.is_open:
            return self.page("gesloten.html", context, status=410)
        count = answers_from_device(request, vragenlijst)
        if count >= max_per_device():
            return self.page("al_ingevuld.html", context, status=429)
        form = AntwoordForm(request.POST, vragenlijst=vragenlijst)
        bedankt = reverse("metingen_public:bedankt", args=[vragenlijst.token])
        if not form.is_robot and not form.is_valid():
            context["form"] = form
            return self.page("invullen.html", context)
        # Counted: every post that would be stored, robots' ones included.
        if not allow(client_ip(request)):
            return self.page("te_vaak.html", context, status=429)
        if form.is_robot:
            # Looks like a success, stores nothing.
            return HttpResponseRedirect(bedankt)
        try:
            submit_answers(
                vragenlijst=vragenlijst,
                waarden=form.cleaned_data["waarden"],
                open_antwoord=form.cleaned_data["open_antwoord"],
                code=form.cleaned_data["code"],
                today=timezone.localdate(),
            )
        except VragenlijstGesloten:
            return self.page("gesloten.html", context, status=410)
        except OngeldigeCode:
            form.add_error(
                "code",
                _(
                    "This answer code is unknown or has been used already. Check the code on "
                    "your slip; if it is right, ask whoever gave it to you for a new slip."
                ),
            )
            context["form"] = form
            return self.page("invullen.html", context)
        response = HttpResponseRedirect(bedankt)
        response.set_signed_cookie(
            _cookie_name(vragenlijst),
            str(count + 1),
            salt=COOKIE_SALT,
            max_age=COOKIE_MAX_AGE,
            path=vragenlijst.get_public_path(),
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
        return response


class BedanktView(View):
    def get(self, request, token):
        vragenlijst = get_object_or_404(Vragenlijst, token=token)
        context = {**organisation_context(), "vragenlijst": vragenlijst}
        return render(request, "metingen/public/bedankt.html", context)


def organisation_context() -> dict:
    """Who asks: residents see the organisation's name (and phone number, when set) on every
    public page, so they know whom the questionnaire is from and whom to call."""
    return {
        "organisatie": settings.ORGANISATION_NAME,
        "organisatie_telefoon": settings.ORGANISATION_PHONE,
    }
