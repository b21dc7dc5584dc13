"""PDF jobs whose worker stopped, and old jobs: the housekeeping of the report.

A worker that dies in the middle of a render (out of memory, a restart) leaves
its job "unfinished" for ever; :func:`fail_stopped_pdf_jobs` marks such a job
failed (the progress page then explains it in Dutch and offers to try again).
:func:`prune_pdf_jobs` removes draft PDFs and finished job rows after the ages
in the settings. Both run from ``manage.py housekeeping`` and in every worker
now and then (core.jobs); the first also when a job's page is opened or a new
PDF is asked for.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone

from core.jobs import delete_with_files, fail_stopped_jobs

from .choices import PdfSoort, PdfStatus
from .models import PdfOpdracht

# The reason recorded on a job whose worker stopped (see _pdf_voortgang.html).
WORKER_STOPPED = "worker_stopped"


def fail_stopped_pdf_jobs(*, jobs=None) -> int:
    """Mark failed the unfinished jobs (of ``jobs``, default all) whose worker
    stopped; the progress page then says so and offers to try again."""
    jobs = PdfOpdracht.objects.all() if jobs is None else jobs
    return fail_stopped_jobs(
        jobs.unfinished(), failed={"status": PdfStatus.MISLUKT, "fout": WORKER_STOPPED}
    )


def prune_pdf_jobs() -> int:
    """Remove finished draft jobs older than ``PDF_DRAFT_MAX_AGE_DAYS`` with their
    file, and other finished jobs older than ``JOB_MAX_AGE_DAYS``.

    A final version's PDF belongs to its RapportVersie and is never touched.
    """
    now = timezone.now()
    finished = PdfOpdracht.objects.filter(status__in=PdfOpdracht.FINISHED)
    drafts = finished.filter(
        soort=PdfSoort.CONCEPT,
        bijgewerkt_op__lt=now - datetime.timedelta(days=settings.PDF_DRAFT_MAX_AGE_DAYS),
    )
    old = finished.filter(
        bijgewerkt_op__lt=now - datetime.timedelta(days=settings.JOB_MAX_AGE_DAYS)
    )
    return delete_with_files(drafts | old, "pdf")
