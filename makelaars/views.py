"""Pages of the social brokers' log: list, record, show, edit, delete, copy, export."""

from __future__ import annotations

import csv
import datetime
import io

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.http import Http404, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views import View
from django.views.generic import DeleteView, DetailView, FormView, ListView

from core.concurrency import VersionConflict

from .choices import ActiviteitSoort, Rol
from .filters import SORT_FIELDS, ActiviteitFilter
from .forms import MARK_VOORBEELD, ActiviteitForm, link_formset
from .models import Activiteit
from .selectors import totals
from .services import delete_activiteit, duplicate_initial, save_activiteit

# Exporting the whole log is a coordinator's task: the same permission as
# marking report examples (coordinators and admins have it, brokers do not).
EXPORT_PERMISSION = MARK_VOORBEELD


class FilteredActiviteitenMixin:
    """The user's visible activities, narrowed by the filters in the URL."""

    def get_filterset(self) -> ActiviteitFilter:
        if not hasattr(self, "_filterset"):
            base = Activiteit.objects.visible_to(self.request.user)
            self._filterset = ActiviteitFilter(
                self.request.GET or None, queryset=base, request=self.request
            )
        return self._filterset


class ActiviteitListView(
    LoginRequiredMixin, PermissionRequiredMixin, FilteredActiviteitenMixin, ListView
):
    permission_required = "makelaars.view_activiteit"
    template_name = "makelaars/activiteit_list.html"
    paginate_by = 25
    context_object_name = "activiteiten"

    def get_queryset(self):
        return self.get_filterset().sorted_qs().select_related("wijk__gebied")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = self.get_filterset()
        context["filter"] = filterset
        context["totals"] = totals(filterset.qs.order_by())
        context["sort"] = filterset.sort
        context["columns"] = self._columns(filterset.sort)
        context["active_filters"] = sum(
            1 for key, value in self.request.GET.items() if value and key not in {"page", "sort"}
        )
        if self.request.user.has_perm(EXPORT_PERMISSION):
            context["export_links"] = [
                (label, self._export_url(fmt)) for fmt, label in (("csv", "CSV"), ("xlsx", "Excel"))
            ]
        return context

    def _export_url(self, fmt: str) -> str:
        query = self.request.GET.copy()
        query.pop("page", None)
        query["format"] = fmt
        return f"{reverse('makelaars:activiteit_export')}?{query.urlencode()}"

    def _columns(self, current: str) -> list[dict]:
        """The sortable column headers: a click sorts, a second click reverses."""
        columns = []
        for key, (_field, label) in SORT_FIELDS.items():
            if current == key:
                state, target = "ascending", f"-{key}"
            elif current == f"-{key}":
                state, target = "descending", key
            else:
                state, target = "none", "-datum" if key == "datum" else key
            query = self.request.GET.copy()
            query.pop("page", None)
            query["sort"] = target
            columns.append(
                {"key": key, "label": label, "state": state, "url": f"?{query.urlencode()}"}
            )
        return columns


class ActiviteitDetailView(LoginRequiredMixin, PermissionRequiredMixin, DetailView):
    permission_required = "makelaars.view_activiteit"
    template_name = "makelaars/activiteit_detail.html"
    context_object_name = "activiteit"

    def get_queryset(self):
        return (
            Activiteit.objects.visible_to(self.request.user)
            .select_related("wijk__gebied", "initiatief", "aangemaakt_door")
            .prefetch_related("themas", "medewerkers", "partners", "links", "fotos")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context["can_edit"] = (
            user.has_perm("makelaars.change_activiteit")
            and Activiteit.objects.editable_by(user).filter(pk=self.object.pk).exists()
        )
        context["can_delete"] = context["can_edit"] and user.has_perm("makelaars.delete_activiteit")
        context["can_add"] = user.has_perm("makelaars.add_activiteit")
        return context


class ActiviteitFormMixin(LoginRequiredMixin, PermissionRequiredMixin, FormView):
    """Shared by create, duplicate and update: the activity form plus its links."""

    template_name = "makelaars/activiteit_form.html"
    form_class = ActiviteitForm
    object: Activiteit | None = None
    success_message = _("The activity has been saved.")

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        kwargs["instance"] = self.object
        return kwargs

    def get_links(self, data=None):
        return link_formset(data=data, instance=self.object or Activiteit())

    def get_context_data(self, **kwargs):
        kwargs.setdefault("links", self.get_links())
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        # The optional part is folded away for a quick new record only.
        context["details_open"] = bool(
            self.object or getattr(self, "bron", None) or context["form"].is_bound
        )
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        links = self.get_links(data=request.POST)
        if form.is_valid() and links.is_valid():
            try:
                activiteit = save_activiteit(form=form, links=links, user=request.user)
            except VersionConflict:
                # Saved by someone else between the form's check and the write.
                form.add_conflict_error()
            else:
                messages.success(request, self.success_message)
                return HttpResponseRedirect(activiteit.get_absolute_url())
        messages.error(request, _("The activity was not saved: please check the marked fields."))
        if request.FILES:
            messages.warning(
                request,
                _("Please choose the photos again: a browser cannot keep them in a refused form."),
            )
        return self.render_to_response(self.get_context_data(form=form, links=links))


class ActiviteitCreateView(ActiviteitFormMixin):
    permission_required = "makelaars.add_activiteit"

    def get_initial(self):
        user = self.request.user
        initial = {"datum": timezone.localdate()}
        medewerker = getattr(user, "medewerker", None)
        if medewerker is not None:
            initial["medewerkers"] = [medewerker.pk]
            if medewerker.standaard_wijk_id:
                initial["wijk"] = medewerker.standaard_wijk_id
        return initial


class ActiviteitDuplicateView(ActiviteitFormMixin):
    """A new activity, pre-filled with a copy of an existing one dated today."""

    permission_required = "makelaars.add_activiteit"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.has_permission():
            self.bron = get_object_or_404(
                Activiteit.objects.visible_to(request.user).prefetch_related(
                    "themas", "medewerkers", "partners", "links"
                ),
                pk=kwargs["pk"],
            )
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        initial, self.initial_links = duplicate_initial(bron=self.bron, today=timezone.localdate())
        return initial

    def get_links(self, data=None):
        if data is not None:
            # Submitted rows are all new links: compared with no initial values,
            # so unchanged copies are saved too.
            return link_formset(data=data, instance=Activiteit())
        if not hasattr(self, "initial_links"):
            self.get_initial()
        return link_formset(instance=Activiteit(), initial=self.initial_links)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["bron"] = self.bron
        return context


class EditableActiviteitMixin:
    """Loads the activity through ``editable_by``: anything else is a 404."""

    def get_editable(self) -> Activiteit:
        return get_object_or_404(
            Activiteit.objects.editable_by(self.request.user), pk=self.kwargs["pk"]
        )


class ActiviteitUpdateView(EditableActiviteitMixin, ActiviteitFormMixin):
    permission_required = "makelaars.change_activiteit"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.has_permission():
            self.object = self.get_editable()
        return super().dispatch(request, *args, **kwargs)


class ActiviteitDeleteView(
    LoginRequiredMixin, PermissionRequiredMixin, EditableActiviteitMixin, DeleteView
):
    permission_required = "makelaars.delete_activiteit"
    template_name = "makelaars/activiteit_confirm_delete.html"
    context_object_name = "activiteit"

    def get_object(self, queryset=None):
        return self.get_editable()

    def form_valid(self, form):
        titel = self.object.titel
        delete_activiteit(activiteit=self.object)
        messages.success(
            self.request,
            _("The activity “%(titel)s” has been deleted.") % {"titel": titel},
        )
        return redirect("makelaars:activiteit_list")


# --- export ----------------------------------------------------------------

EXPORT_COLUMNS = [
    _("Date"),
    _("Title"),
    _("District"),
    _("Area"),
    _("Kind"),
    _("Role"),
    _("Themes"),
    _("Staff"),
    _("Partners"),
    _("Initiative"),
    _("Residents reached"),
    _("Residents activated"),
    _("Figures as reported"),
    pgettext_lazy("activity", "Description"),
    _("Outcome / effect"),
    _("Report example"),
]


EXPORT_CHUNK = 2000


def _names_by_activiteit(relation: str, column: str, ids: list[int]) -> dict[int, str]:
    """``{activiteit id: "name, name"}`` for one many-to-many relation of ``ids``."""
    through = getattr(Activiteit, relation).through
    names: dict[int, list[str]] = {}
    rows = (
        through.objects.filter(activiteit_id__in=ids)
        .order_by(f"{column}__naam")
        .values_list("activiteit_id", f"{column}__naam")
    )
    for activiteit_id, naam in rows:
        names.setdefault(activiteit_id, []).append(naam)
    return {key: ", ".join(value) for key, value in names.items()}


def export_rows(queryset):
    """One list of cell values per activity, in the order of EXPORT_COLUMNS.

    Only work records: activities hold no residents' personal data beyond the
    free text the brokers wrote. Reads plain values in chunks (three extra
    queries per chunk for the many-to-many names), so 100,000 rows stay fast.
    """
    soorten = {value: str(label) for value, label in ActiviteitSoort.choices}
    rollen = {value: str(label) for value, label in Rol.choices}
    yes, no = str(_("yes")), str(_("no"))
    values = queryset.values_list(
        "pk",
        "datum",
        "titel",
        "wijk__naam",
        "wijk__gebied__naam",
        "soort",
        "rol",
        "initiatief__naam",
        "bewoners_bereikt",
        "bewoners_geactiveerd",
        "cijfers",
        "beschrijving",
        "opbrengst",
        "is_voorbeeld",
    )
    chunk: list[tuple] = []

    def flush():
        ids = [row[0] for row in chunk]
        themas = _names_by_activiteit("themas", "thema", ids)
        medewerkers = _names_by_activiteit("medewerkers", "medewerker", ids)
        partners = _names_by_activiteit("partners", "organisatie", ids)
        for pk, datum, titel, wijk, gebied, soort, rol, initiatief, *rest in chunk:
            bereikt, geactiveerd, cijfers, beschrijving, opbrengst, voorbeeld = rest
            yield [
                datum,
                titel,
                wijk,
                gebied,
                soorten.get(soort, soort),
                rollen.get(rol, rol),
                themas.get(pk, ""),
                medewerkers.get(pk, ""),
                partners.get(pk, ""),
                initiatief or "",
                bereikt,
                geactiveerd,
                cijfers,
                beschrijving,
                opbrengst,
                yes if voorbeeld else no,
            ]

    for row in values.iterator(chunk_size=EXPORT_CHUNK):
        chunk.append(row)
        if len(chunk) == EXPORT_CHUNK:
            yield from flush()
            chunk = []
    if chunk:
        yield from flush()


def _csv_safe(value) -> str:
    """Text as a spreadsheet shows it, never read as a formula (CSV injection)."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


class _Echo:
    def write(self, value):
        return value


class ActiviteitExportView(
    LoginRequiredMixin, PermissionRequiredMixin, FilteredActiviteitenMixin, View
):
    """The filtered list as CSV (semicolons, for Dutch Excel) or XLSX."""

    permission_required = EXPORT_PERMISSION
    formats = {"csv", "xlsx"}

    def get(self, request, *args, **kwargs):
        fmt = kwargs.get("format") or request.GET.get("format", "csv")
        if fmt not in self.formats:
            raise Http404(_("Unknown export format."))
        queryset = self.get_filterset().sorted_qs()
        filename = f"activiteiten-{timezone.localdate():%Y-%m-%d}.{fmt}"
        if fmt == "csv":
            return self.csv_response(queryset, filename)
        return self.xlsx_response(queryset, filename)

    def csv_response(self, queryset, filename):
        writer = csv.writer(_Echo(), delimiter=";")

        def lines():
            yield "\ufeff"  # a BOM, so Excel reads UTF-8
            yield writer.writerow([str(c) for c in EXPORT_COLUMNS])
            for row in export_rows(queryset):
                yield writer.writerow([_csv_safe(v) for v in row])

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def xlsx_response(self, queryset, filename):
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(str(_("Activities")))
        sheet.freeze_panes = "A2"
        header = []
        for column in EXPORT_COLUMNS:
            cell = WriteOnlyCell(sheet, value=str(column))
            cell.font = Font(bold=True)
            header.append(cell)
        sheet.append(header)
        for row in export_rows(queryset):
            for index, value in enumerate(row):
                if isinstance(value, datetime.date):
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.number_format = "DD-MM-YYYY"
                    row[index] = cell
                elif isinstance(value, str) and value.startswith("="):
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.data_type = "s"  # text, never a formula
                    row[index] = cell
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
