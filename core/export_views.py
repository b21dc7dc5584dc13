"""The progress page and download of an export made by the worker (core.export_jobs).

Only the user who asked for an export sees it (anyone else gets a 404). The page
polls with htmx until the file is ready, as the report's PDF page does.
"""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views import View
from django.views.generic import DetailView

from .export_jobs import fail_stopped_jobs_of
from .exports import FORMATS, XLSX_TYPE
from .models import ExportOpdracht, ExportStatus

# htmx stops polling on this status (and still shows the response).
STOP_POLLING = 286


class OwnExportMixin(LoginRequiredMixin):
    def get_queryset(self):
        return ExportOpdracht.objects.filter(aangevraagd_door=self.request.user)


class ExportOpdrachtView(OwnExportMixin, DetailView):
    """The progress of an export job; with ``HX-Request`` only the part that changes."""

    template_name = "core/export_opdracht.html"
    context_object_name = "opdracht"

    def get_object(self, queryset=None):
        job = super().get_object(queryset)
        # A job whose worker stopped ends here as failed, so the page stops polling.
        if not job.is_finished:
            if fail_stopped_jobs_of(ExportOpdracht.objects.filter(pk=job.pk)):
                job.refresh_from_db()
        return job

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["steps"] = [
            (status, label)
            for status, label in ExportStatus.choices
            if status != ExportStatus.MISLUKT
        ]
        context["format_label"] = FORMATS.get(self.object.formaat, self.object.formaat)
        return context

    def render_to_response(self, context, **response_kwargs):
        if self.request.headers.get("HX-Request"):
            response = render(self.request, "core/_export_voortgang.html", context)
            if self.object.is_finished:
                response.status_code = STOP_POLLING
            return response
        return super().render_to_response(context, **response_kwargs)


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
