"""Background tasks of the building blocks, run by ``manage.py worker`` (django-tasks)."""

from __future__ import annotations

from django_tasks import task


@task()
def make_export(job_id: int) -> None:
    """Write the file of an ExportOpdracht; its progress and outcome are on the job."""
    from .export_jobs import run_export_job

    run_export_job(job_id=job_id)
