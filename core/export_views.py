"""The progress page and download of an export made by the worker (core.export_jobs).

Only the user who asked for an export sees it (anyone else gets a 404). The page
polls with htmx until the file is ready, as the report's PDF page does.
"""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404
from django.views import View
from django.views.generic import DetailView

from .export_jobs import fail_stopped_jobs_of
from .exports import FORMATS, XLSX_TYPE
from .job_views import JobProgressMixin
from .models import ExportOpdracht, ExportStatus


class OwnExportMixin(LoginRequiredMixin):
    def get_queryset(self):
        return ExportOpdracht.objects.filter(aangevraagd_door=self.request.user)


class ExportOpdrachtView(JobProgressMixin, OwnExportMixin, DetailView):
    """The progress of an export job; with ``HX-Request`` only the part that changes."""

    template_name = "core/export_opdracht.html"
    partial_template_name = "core/_export_voortgang.html"
    context_object_name = "opdracht"
    status_choices = ExportStatus.choices
    failed_status = ExportStatus.MISLUKT

    def fail_stopped(self, job) -> int:
        return fail_stopped_jobs_of(ExportOpdracht.objects.filter(pk=job.pk))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["format_label"] = FORMATS.get(self.object.formaat, self.object.formaat)
        return context


class ExportDownloadView(OwnExportMixin, View):
    """The file of a finished export job."""

    def get(self, request, *args, **kwargs):
        job = self.get_queryset().filter(pk=kwargs["pk"], status=ExportStatus.KLAAR).first()
        if job is None or not job.bestand or not job.bestand.storage.exists(job.bestand.name):
            raise Http404
        content_type = XLSX_TYPE if job.formaat == "xlsx" else "text/csv; charset=utf-8"
        return FileResponse(
            job.bestand.open("rb"),
            as_attachment=True,
            filename=job.bestandsnaam,
            content_type=content_type,
        )
