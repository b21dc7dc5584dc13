"""Large exports made by the background worker instead of inside the request.

An XLSX workbook is built whole before its first byte is sent, and a long CSV
streams for longer than a web worker may take: either would be cut off by the
web server's timeout. Above ``EXPORT_XLSX_MAX_ROWS_IN_REQUEST`` /
``EXPORT_CSV_MAX_ROWS_IN_REQUEST`` rows :class:`core.exports.ExportViewMixin`
queues an ``ExportOpdracht`` instead and sends the user to its progress page.

The worker rebuilds the list exactly as the user saw it: the same export view,
given a request with that user and the same filters, so the scope and the
permission checks are the view's own. The file is kept for
``EXPORT_MAX_AGE_HOURS`` and only its requester can download it.
"""

from __future__ import annotations

import datetime
import logging
import tempfile

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.http import HttpRequest, QueryDict
from django.utils import timezone, translation
from django.utils.module_loading import import_string

from .exports import BaseExporter, csv_lines, write_xlsx
from .jobs import delete_with_files, fail_stopped_jobs
from .models import ExportOpdracht, ExportStatus

logger = logging.getLogger(__name__)

# Reasons recorded on a failed export (explained in core/_export_voortgang.html).
WORKER_STOPPED = "worker_stopped"
NO_PERMISSION = "no_permission"
EXPORT_FAILED = "export_failed"


def max_rows_in_request(fmt: str) -> int:
    if fmt == "xlsx":
        return settings.EXPORT_XLSX_MAX_ROWS_IN_REQUEST
    return settings.EXPORT_CSV_MAX_ROWS_IN_REQUEST


def too_large_for_request(queryset, fmt: str) -> bool:
    """More rows than the request may export (counted no further than needed)."""
    limit = max_rows_in_request(fmt)
    return queryset.order_by()[: limit + 1].count() > limit


def view_path(view) -> str:
    return f"{type(view).__module__}.{type(view).__qualname__}"


def export_query(request) -> str:
    """The list's filters, without the page and the format."""
    query = request.GET.copy()
    for name in ("page", "format"):
        query.pop(name, None)
    return query.urlencode()


@transaction.atomic
def request_export(*, view, fmt: str) -> ExportOpdracht:
    """An export job for what ``view`` (an ExportViewMixin) would export now.

    The same export still waiting or running for the same user is returned
    instead of a second one (a double click queues one job).
    """
    from .tasks import make_export

    request = view.request
    fields = {
        "aangevraagd_door": request.user,
        "view": view_path(view),
        "view_kwargs": {key: value for key, value in view.kwargs.items() if key != "format"},
        "pad": request.path,
        "query": export_query(request),
        "formaat": fmt,
    }
    running = (
        ExportOpdracht.objects.filter(**fields).exclude(status__in=ExportOpdracht.FINISHED).first()
    )
    if running is not None:
        return running
    job = ExportOpdracht.objects.create(naam=str(view.exporter_class.verbose_name)[:100], **fields)
    result = make_export.enqueue(job.pk)
    ExportOpdracht.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])
    job.refresh_from_db()
    return job


def rebuild_view(job: ExportOpdracht):
    """The export view as the requester saw it, with their rights (PermissionDenied
    when they no longer have them)."""
    from .exports import ExportViewMixin

    view_class = import_string(job.view)
    if not (isinstance(view_class, type) and issubclass(view_class, ExportViewMixin)):
        raise PermissionDenied(f"{job.view} is no export view")
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = job.pad or "/"
    request.GET = QueryDict(job.query)
    request.META = {"REQUEST_METHOD": "GET", "SERVER_NAME": "localhost", "SERVER_PORT": "80"}
    request.user = job.aangevraagd_door
    view = view_class()
    view.setup(request, **job.view_kwargs)
    if not request.user.is_active or (
        hasattr(view, "has_permission") and not view.has_permission()
    ):
        raise PermissionDenied("the requester may no longer export this list")
    return view


class CountedExporter:
    """An exporter that counts the rows it gives."""

    def __init__(self, exporter: BaseExporter):
        self.exporter = exporter
        self.count = 0

    def __getattr__(self, name):
        return getattr(self.exporter, name)

    def rows(self, queryset):
        for row in self.exporter.rows(queryset):
            self.count += 1
            yield row


def write_export(exporter: BaseExporter, queryset, fmt: str, handle) -> int:
    """Write ``queryset`` as ``fmt`` to the binary file ``handle``; the number of rows."""
    counted = CountedExporter(exporter)
    if fmt == "xlsx":
        write_xlsx(counted, queryset, handle)
    else:
        for chunk in csv_lines(counted, queryset):
            handle.write(chunk.encode("utf-8"))
    return counted.count


def _set_status(job: ExportOpdracht, status: str, **fields) -> None:
    for name, value in {"status": status, **fields}.items():
        setattr(job, name, value)
    job.save(update_fields=["status", "bijgewerkt_op", *fields])


def run_export_job(*, job_id: int) -> ExportOpdracht:
    """Make the file of an export job (called by the worker)."""
    job = ExportOpdracht.objects.select_related("aangevraagd_door").get(pk=job_id)
    if job.is_finished:
        return job
    _set_status(job, ExportStatus.BEZIG)
    try:
        with translation.override(settings.LANGUAGE_CODE):
            view = rebuild_view(job)
            exporter = view.exporter_class(period=view.export_period())
            filename = exporter.filename(job.formaat)
            with tempfile.TemporaryFile(suffix=f".{job.formaat}") as handle:
                rows = write_export(exporter, view.export_queryset(), job.formaat, handle)
                handle.seek(0)
                job.bestand.save(filename, File(handle), save=False)
        _set_status(
            job, ExportStatus.KLAAR, bestand=job.bestand.name, bestandsnaam=filename, rijen=rows
        )
    except PermissionDenied:
        logger.warning("export job %s refused: no permission", job.pk)
        _set_status(job, ExportStatus.MISLUKT, fout=NO_PERMISSION)
    except Exception:
        logger.exception("export job %s failed", job.pk)
        _set_status(job, ExportStatus.MISLUKT, fout=EXPORT_FAILED)
    return job


def fail_stopped_jobs_of(jobs) -> int:
    """Mark failed the unfinished export jobs of ``jobs`` whose worker stopped."""
    return fail_stopped_jobs(
        jobs.exclude(status__in=ExportOpdracht.FINISHED),
        failed={"status": ExportStatus.MISLUKT, "fout": WORKER_STOPPED},
    )


def fail_stopped_export_jobs() -> int:
    """Housekeeping: every export job whose worker stopped."""
    return fail_stopped_jobs_of(ExportOpdracht.objects.all())


def prune_export_jobs() -> int:
    """Remove finished export jobs older than ``EXPORT_MAX_AGE_HOURS`` and their files."""
    limit = timezone.now() - datetime.timedelta(hours=settings.EXPORT_MAX_AGE_HOURS)
    return delete_with_files(
        ExportOpdracht.objects.filter(status__in=ExportOpdracht.FINISHED, bijgewerkt_op__lt=limit),
        "bestand",
    )
