"""Exports as a pattern: one exporter per list, in each app's ``exports.py``.

An exporter says what it exports (``identifier``, ``verbose_name``), its
``columns`` and its ``rows(queryset)``; :func:`export_response` turns it into a
CSV (semicolons and a BOM, for Dutch Excel) or XLSX download. Both are safe for
spreadsheets: text that starts like a formula is never read as one. Exports
hold work records only, never a requester's personal data.

    class KlusExporter(BaseExporter):
        identifier = "klussen"
        verbose_name = _("Jobs")
        columns = [_("Request date"), _("District"), ...]

        def rows(self, queryset):
            for klus in queryset.iterator():
                yield [klus.aanvraagdatum, klus.wijk.naam, ...]
"""

from __future__ import annotations

import csv
import datetime
import decimal
import os
import tempfile
from collections.abc import Iterable, Iterator

from django.http import FileResponse, Http404, HttpResponseRedirect, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

FORMATS = {"csv": "CSV", "xlsx": "Excel"}
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# CSV lines are sent in batches, not one network write per row.
CSV_BATCH = 500
# The characters that make a spreadsheet read a cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class BaseExporter:
    identifier: str = ""
    verbose_name = ""
    columns: list = []

    def __init__(self, *, period: str = ""):
        # The period exported (core.periods.period_name), so files of different
        # periods downloaded on one day get different names.
        self.period = period

    def rows(self, queryset) -> Iterable[list]:  # pragma: no cover - abstract
        raise NotImplementedError

    def filename(self, fmt: str) -> str:
        """Named after the period exported; a list without one after today (its state
        on the day of the download)."""
        return f"{self.identifier}-{self.period or f'{timezone.localdate():%Y-%m-%d}'}.{fmt}"

    def header(self) -> list[str]:
        return [str(column) for column in self.columns]


def chunks(rows: Iterable, size: int = 2000) -> Iterator[list]:
    """``rows`` in lists of ``size``: exporters read related names once per chunk."""
    chunk: list = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def related_names(relation, ids: list[int], *, name: str = "naam") -> dict[int, str]:
    """``{pk: "name, name"}`` of a many-to-many ``relation`` (e.g. ``Activiteit.themas``)
    for the records ``ids``, names sorted. One query."""
    field = relation.field
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    rows = (
        relation.through.objects.filter(**{f"{source}_id__in": ids})
        .order_by(f"{target}__{name}")
        .values_list(f"{source}_id", f"{target}__{name}")
    )
    names: dict[int, list[str]] = {}
    for pk, value in rows:
        names.setdefault(pk, []).append(value)
    return {pk: ", ".join(values) for pk, values in names.items()}


def chunks_with_names(values, relations: dict) -> Iterator[tuple[list, dict[str, dict]]]:
    """A ``values_list`` queryset (pk first) in chunks, each with the
    :func:`related_names` of ``relations`` ({key: many-to-many relation}) for its rows."""
    for chunk in chunks(values.iterator(chunk_size=2000)):
        ids = [row[0] for row in chunk]
        yield chunk, {key: related_names(relation, ids) for key, relation in relations.items()}


def csv_cell(value) -> str:
    """A value as a spreadsheet shows it; text is never read as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, decimal.Decimal | float):
        return str(value).replace(".", ",")
    text = str(value)
    if text[:1] in FORMULA_START:
        return "'" + text
    return text


class _Echo:
    def write(self, value):
        return value


def csv_lines(exporter: BaseExporter, queryset) -> Iterator[str]:
    writer = csv.writer(_Echo(), delimiter=";")
    batch = ["\ufeff", writer.writerow(exporter.header())]  # a BOM, so Excel reads UTF-8
    for row in exporter.rows(queryset):
        batch.append(writer.writerow([csv_cell(value) for value in row]))
        if len(batch) >= CSV_BATCH:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def write_xlsx(exporter: BaseExporter, queryset, handle) -> None:
    """Write the workbook to ``handle`` row by row (openpyxl's write-only mode)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(exporter.verbose_name)[:31] or "Export")
    sheet.freeze_panes = "A2"
    header = []
    for column in exporter.header():
        cell = WriteOnlyCell(sheet, value=column)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    for row in exporter.rows(queryset):
        cells = []
        for value in row:
            if isinstance(value, bool):
                value = _("yes") if value else _("no")
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, datetime.date):
                cell.number_format = "DD-MM-YYYY"
            elif isinstance(value, str):
                cell.data_type = "s"  # text, never a formula
            cells.append(cell)
        sheet.append(cells)
    workbook.save(handle)


def export_response(exporter: BaseExporter, queryset, fmt: str):
    """The download of ``queryset`` as ``fmt`` ("csv" or "xlsx"); 404 otherwise."""
    if fmt not in FORMATS:
        raise Http404(_("Unknown export format."))
    filename = exporter.filename(fmt)
    if fmt == "csv":
        response = StreamingHttpResponse(
            csv_lines(exporter, queryset), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    # Built in a temporary file, not in memory; the file is gone once closed.
    handle = tempfile.TemporaryFile(suffix=".xlsx")
    try:
        write_xlsx(exporter, queryset, handle)
        handle.seek(0, os.SEEK_SET)
    except BaseException:
        handle.close()
        raise
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=XLSX_TYPE)


class ExportViewMixin:
    """For a list view: ``?format=csv|xlsx`` of its filtered queryset.

    The view defines ``exporter_class`` and ``export_queryset()``; the list page
    shows ``export_links`` (see :func:`export_links`).

    A large export (see core.export_jobs) is queued for the background worker;
    the user is sent to its progress page and downloads the file from there.
    """

    exporter_class: type[BaseExporter]

    def export_period(self) -> str:
        """The period exported, for the file name (core.periods.period_name)."""
        return ""

    def get(self, request, *args, **kwargs):
        fmt = kwargs.get("format") or request.GET.get("format", "csv")
        queryset = self.export_queryset()
        if fmt in FORMATS:
            from .export_jobs import request_export, too_large_for_request

            if too_large_for_request(queryset, fmt):
                return HttpResponseRedirect(request_export(view=self, fmt=fmt).get_absolute_url())
        exporter = self.exporter_class(period=self.export_period())
        return export_response(exporter, queryset, fmt)


class FilterExportViewMixin(ExportViewMixin):
    """Put before a django-filter ``FilterView`` list: the list's filtered rows, as the
    page shows them (invalid filters give no rows, as on the page)."""

    def export_queryset(self):
        filterset = self.get_filterset(self.get_filterset_class())
        if filterset.is_bound and not filterset.is_valid() and self.get_strict():
            return filterset.queryset.none()
        return filterset.qs


def export_links(request, url: str) -> list[tuple[str, str]]:
    """(label, url) per format, with the list's current filters and without its page."""
    query = request.GET.copy()
    query.pop("page", None)
    links = []
    for fmt, label in FORMATS.items():
        query["format"] = fmt
        links.append((label, f"{url}?{query.urlencode()}"))
    return links
