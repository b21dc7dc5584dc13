"""The report's PDFs, made by the background worker: start, progress, download.

Starting returns at once (the job is queued); the progress page polls with htmx
until the job is done, then offers the download; a failure shows why in Dutch,
with a button to try again.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.views import View
from django.views.generic import DetailView

from core.job_views import JobProgressMixin
from core.mixins import ScopedViewMixin

from .choices import PdfSoort, PdfStatus
from .jobs import fail_stopped_pdf_jobs
from .models import Jaarrapportage, PdfOpdracht
from .report import pdf_filename
from .services import ReportIsFinal, TooManyPdfJobs, request_pdf


class PdfOpdrachtCreateView(ScopedViewMixin, View):
    """Queue a draft PDF of a report and show its progress."""

    permission_required = "rapportage.view_jaarrapportage"
    model = Jaarrapportage
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        rapportage = self.get_object()
        # A job whose worker stopped is not handed out again: a new one is queued.
        fail_stopped_pdf_jobs(jobs=rapportage.pdf_opdrachten.all())
        try:
            job = request_pdf(rapportage=rapportage, soort=PdfSoort.CONCEPT, user=request.user)
        except TooManyPdfJobs as error:
            messages.error(request, error.messages[0])
            return HttpResponseRedirect(rapportage.get_absolute_url())
        return HttpResponseRedirect(job.get_absolute_url())


def start_final_version(request, rapportage: Jaarrapportage) -> HttpResponseRedirect:
    """Queue making ``rapportage`` final; the progress page, or back with why not."""
    fail_stopped_pdf_jobs(jobs=rapportage.pdf_opdrachten.all())
    try:
        job = request_pdf(rapportage=rapportage, soort=PdfSoort.DEFINITIEF, user=request.user)
    except (ReportIsFinal, TooManyPdfJobs) as error:
        messages.error(request, error.messages[0])
        return HttpResponseRedirect(rapportage.get_absolute_url())
    return HttpResponseRedirect(job.get_absolute_url())


class PdfOpdrachtView(JobProgressMixin, ScopedViewMixin, DetailView):
    """The progress of a PDF job; with ``HX-Request`` only the part that changes."""

    permission_required = "rapportage.view_jaarrapportage"
    model = PdfOpdracht
    template_name = "rapportage/pdf_opdracht.html"
    partial_template_name = "rapportage/_pdf_voortgang.html"
    context_object_name = "opdracht"
    status_choices = PdfStatus.choices
    failed_status = PdfStatus.MISLUKT

    def get_queryset(self):
        return super().get_queryset().select_related("rapportage", "versie")

    def fail_stopped(self, job) -> int:
        return fail_stopped_pdf_jobs(jobs=PdfOpdracht.objects.filter(pk=job.pk))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_finalize"] = self.request.user.has_perm("rapportage.finalize_jaarrapportage")
        return context


class PdfOpdrachtDownloadView(ScopedViewMixin, View):
    """The PDF of a finished job: a draft's file, or the final version's."""

    permission_required = "rapportage.view_jaarrapportage"
    model = PdfOpdracht

    def get(self, request, *args, **kwargs):
        job = self.get_object(self.get_queryset().select_related("rapportage", "versie"))
        if job.status != PdfStatus.KLAAR:
            raise Http404
        if job.versie is not None:
            if not request.user.has_perm("rapportage.view_rapportversie"):
                raise Http404
            stored = job.versie.pdf
            filename = f"jaarrapportage-{job.rapportage.jaar}-v{job.versie.versie}.pdf"
        else:
            stored, filename = job.pdf, pdf_filename(job.rapportage)
        if not stored or not stored.storage.exists(stored.name):
            raise Http404
        return FileResponse(
            stored.open("rb"), as_attachment=True, filename=filename, content_type="application/pdf"
        )
