from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404
from django.utils import timezone
from django.utils.translation import get_language
from django.views import View
from django.views.generic import TemplateView

from buurtservice import selectors as buurtservice_selectors
from buurtservice.models import Klus
from core.datacache import cached, scope_key
from core.images import sniff_content_type
from core.mixins import YearMixin
from core.periods import a_year_earlier, year_bounds
from core.roles import Role, role_of
from initiatieven import selectors as initiatieven_selectors
from initiatieven.models import Initiatief
from makelaars import selectors as makelaars_selectors
from makelaars.models import Activiteit, ActiviteitFoto
from rapportage import selectors as rapportage_selectors
from rapportage.models import Jaarrapportage, RapportVersie

# Everything the coordinator's start page counts reads (core.datacache).
DASHBOARD_KEYS = (
    "activiteiten",
    "initiatieven",
    "wijken",
    "klussen",
    "uitvoerders",
    "signalen",
    "metingen",
    "rapportage",
)


class HomeView(LoginRequiredMixin, YearMixin, TemplateView):
    """The start page; what it shows depends on the user's role."""

    year_keys = ("activiteiten", "wijken")
    year_model = Activiteit

    templates = {
        Role.MAKELAAR: "pages/home/makelaar.html",
        Role.BUURTSERVICE: "pages/home/buurtservice.html",
        Role.COORDINATOR: "pages/home/coordinator.html",
        Role.BEHEERDER: "pages/home/beheerder.html",
    }

    def get_template_names(self):
        return [self.templates.get(role_of(self.request.user), "pages/home/geen_rol.html")]

    def data_years(self) -> list[int]:
        return makelaars_selectors.years_with_data(Activiteit.objects.visible_to(self.request.user))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        role = role_of(user)
        year = self.get_year()
        context["year"] = year
        if role == Role.MAKELAAR:
            context["recent_activiteiten"] = (
                Activiteit.objects.editable_by(user)
                .select_related("wijk")
                .order_by("-datum", "-pk")[:10]
            )
            context["lopende_initiatieven"] = (
                Initiatief.objects.visible_to(user).running().select_related("wijk")[:10]
            )
        elif role in (Role.COORDINATOR, Role.BEHEERDER):
            context.update(self.year_context())
            # The year's figures are counted once and kept until the data changes.
            context.update(
                cached(
                    "pages:home",
                    keys=DASHBOARD_KEYS,
                    parts=[
                        scope_key(user),
                        role,
                        year,
                        timezone.localdate().isoformat(),
                        get_language(),
                    ],
                    compute=lambda: self.dashboard_figures(role, year),
                    request=self.request,
                )
            )
        if role in (Role.BUURTSERVICE, Role.COORDINATOR):
            open_klussen = Klus.objects.visible_to(user).waiting()
            context["wachtlijst_lengte"] = open_klussen.count()
            context["oudste_klussen"] = open_klussen.select_related("wijk")[:5]
        return context

    def dashboard_figures(self, role: str, year: int) -> dict:
        """What the coordinator's and the admin's start page count: the same
        selectors as the gebied pages and the yearly report."""
        user = self.request.user
        figures = {
            "activiteiten": self.with_previous_year(year),
            "initiatieven": initiatieven_selectors.per_status_per_gebied(self.reference_date()),
        }
        if role == Role.COORDINATOR:
            figures["buurtservice"] = self.buurtservice_figures(year)
            rapportage = Jaarrapportage.objects.visible_to(user).filter(jaar=year).first()
            figures["rapportage"] = rapportage
            if rapportage is None or not rapportage.is_definitief:
                # The check page's own selector: what weakens the year's report.
                figures["controles"] = [
                    check
                    for check in rapportage_selectors.report_warnings(year=year, user=user)
                    if not check["ok"]
                ]
        return figures

    def with_previous_year(self, year: int) -> dict:
        """The activity figures per gebied of ``year``, each row with the year before
        beside it (``vorig``); a running year is compared over the same days."""
        end = self.reference_date()
        figures = makelaars_selectors.per_gebied(year=year, tot=end)
        previous = makelaars_selectors.per_gebied(year=year - 1, tot=a_year_earlier(end))
        by_gebied = {row["gebied_id"]: row for row in previous["per_gebied"]}
        for row in figures["per_gebied"]:
            row["vorig"] = by_gebied.get(row["gebied_id"])
        figures["vorig"] = previous
        figures["vorig_jaar"] = year - 1
        figures["tot"] = end
        return figures

    def buurtservice_figures(self, year: int) -> dict:
        """Buurtservice in ``year`` up to its reference date (the period overview's
        figures, as in the report)."""
        start, _end = year_bounds(year)
        return buurtservice_selectors.period_overview(start=start, end=self.reference_date())


class MediaView(LoginRequiredMixin, View):
    """An uploaded file, for a user who may see the record it belongs to (else 404).

    Only files the database knows are served, looked up through the records'
    ``visible_to`` querysets: a photo with its activity, a PDF with its report.
    """

    def get(self, request, path: str):
        user = request.user
        photo = ActiviteitFoto.objects.filter(
            bestand=path, activiteit__in=Activiteit.objects.visible_to(user)
        ).first()
        if photo is not None:
            return self.serve(photo.bestand)
        versie = RapportVersie.objects.visible_to(user).filter(pdf=path).first()
        if versie is not None:
            return self.serve(versie.pdf, as_attachment=True)
        raise Http404

    def serve(self, field_file, *, as_attachment: bool = False) -> FileResponse:
        """The file with the content type of what it is, never of what its name says.

        A file whose content is none of the kinds we store (say, an old upload
        with HTML in it) is sent as an anonymous download, never shown inline.
        """
        try:
            handle = field_file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        content_type = sniff_content_type(handle.read(16))
        handle.seek(0)
        if content_type is None:
            content_type = "application/octet-stream"
            as_attachment = True
        response = FileResponse(handle, as_attachment=as_attachment, content_type=content_type)
        response["Cache-Control"] = "private, max-age=3600"
        return response
