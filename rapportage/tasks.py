"""Background tasks of the report, run by ``manage.py worker`` (django-tasks)."""

from __future__ import annotations

from django_tasks import task


@task()
def make_report_pdf(job_id: int) -> None:
    """Make the PDF of a PdfOpdracht; its progress and outcome are on the job."""
    from .services import run_pdf_job

    run_pdf_job(job_id=job_id)
