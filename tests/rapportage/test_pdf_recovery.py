"""A PDF job whose worker died is marked failed and can be retried; old jobs are pruned.

The worker's death is staged as it looks in the database: the task claimed by a
worker, the job half-way (laying out the pages), and that worker's heartbeat
older than ``WORKER_HEARTBEAT_MAX_AGE``.
"""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core.jobs import record_heartbeat
from core.models import WorkerHeartbeat
from rapportage.choices import PdfSoort, PdfStatus
from rapportage.models import PdfOpdracht
from tests.factories import JaarrapportageFactory

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.timedelta(minutes=10)


def start(client, rapportage) -> PdfOpdracht:
    response = client.post(reverse("rapportage:pdf_create", args=[rapportage.pk]))
    assert response.status_code == 302
    return PdfOpdracht.objects.get(pk=response["Location"].rstrip("/").split("/")[-1])


def worker_dies_during(job: PdfOpdracht, *, heartbeat_age: datetime.timedelta) -> None:
    """A worker took the job's task, got to the layout, and has not been heard of
    for ``heartbeat_age``."""
    then = timezone.now() - heartbeat_age
    task = DBTaskResult.objects.get(id=job.task_id)
    task.claim("worker-on-machine-b")
    DBTaskResult.objects.filter(id=task.id).update(started_at=then)
    record_heartbeat(worker_id="worker-on-machine-b", started_at=then)
    WorkerHeartbeat.objects.update(last_seen=then)
    PdfOpdracht.objects.filter(pk=job.pk).update(status=PdfStatus.OPMAAK, bijgewerkt_op=then)


@pytest.fixture
def rapportage(db):
    return JaarrapportageFactory(jaar=2023)


def test_a_job_of_a_dead_worker_fails_in_dutch_and_a_retry_makes_the_pdf(
    client, coordinator, rapportage, run_worker, media_root
):
    client.force_login(coordinator)
    job = start(client, rapportage)
    worker_dies_during(job, heartbeat_age=LONG_AGO)

    polled = client.get(job.get_absolute_url(), headers={"HX-Request": "true"})
    assert polled.status_code == 286  # htmx stops polling
    html = polled.content.decode()
    assert "De achtergrondtaak stopte voordat de PDF klaar was" in html
    assert reverse("rapportage:pdf_create", args=[rapportage.pk]) in html  # the retry
    job.refresh_from_db()
    assert job.status == PdfStatus.MISLUKT and job.fout == "worker_stopped"
    assert DBTaskResult.objects.get(id=job.task_id).status == "FAILED"

    retry = start(client, rapportage)
    assert retry != job and retry.status == PdfStatus.WACHTRIJ
    assert run_worker() == 1
    retry.refresh_from_db()
    assert retry.status == PdfStatus.KLAAR
    download = client.get(reverse("rapportage:pdf_opdracht_download", args=[retry.pk]))
    assert download.status_code == 200


def test_asking_again_does_not_return_the_dead_job(client, coordinator, rapportage):
    """Without opening the progress page: "make the PDF" again queues a new job."""
    client.force_login(coordinator)
    job = start(client, rapportage)
    worker_dies_during(job, heartbeat_age=LONG_AGO)
    again = start(client, rapportage)
    assert again != job
    job.refresh_from_db()
    assert job.status == PdfStatus.MISLUKT


def test_a_live_worker_keeps_its_long_job(client, coordinator, rapportage, settings):
    client.force_login(coordinator)
    job = start(client, rapportage)
    worker_dies_during(job, heartbeat_age=LONG_AGO)
    WorkerHeartbeat.objects.update(last_seen=timezone.now())  # it is alive after all

    polled = client.get(job.get_absolute_url(), headers={"HX-Request": "true"})
    assert polled.status_code == 200  # still polling
    assert start(client, rapportage) == job
    job.refresh_from_db()
    assert job.status == PdfStatus.OPMAAK


def test_a_queued_job_without_a_worker_waits(client, coordinator, rapportage):
    """No worker took it yet: the health check shows the stuck queue, the job waits."""
    client.force_login(coordinator)
    job = start(client, rapportage)
    PdfOpdracht.objects.filter(pk=job.pk).update(bijgewerkt_op=timezone.now() - LONG_AGO)
    call_command("housekeeping")
    job.refresh_from_db()
    assert job.status == PdfStatus.WACHTRIJ


def test_housekeeping_fails_dead_jobs_and_prunes_old_drafts_and_rows(
    coordinator, rapportage, media_root, settings, capsys
):
    settings.PDF_DRAFT_MAX_AGE_DAYS = 7
    settings.JOB_MAX_AGE_DAYS = 30
    now = timezone.now()

    def job(soort, status, age_days, with_file=False, **fields):
        created = PdfOpdracht.objects.create(
            rapportage=rapportage, soort=soort, status=status, **fields
        )
        if with_file:
            created.pdf.save("jaarrapportage-2023.pdf", ContentFile(b"%PDF-1.7"), save=True)
        PdfOpdracht.objects.filter(pk=created.pk).update(
            bijgewerkt_op=now - datetime.timedelta(days=age_days)
        )
        created.refresh_from_db()
        return created

    old_draft = job(PdfSoort.CONCEPT, PdfStatus.KLAAR, 8, with_file=True)
    new_draft = job(PdfSoort.CONCEPT, PdfStatus.KLAAR, 6, with_file=True)
    old_failed_final = job(PdfSoort.DEFINITIEF, PdfStatus.MISLUKT, 31, fout="render_failed")
    recent_final = job(PdfSoort.DEFINITIEF, PdfStatus.KLAAR, 20)
    running = job(PdfSoort.CONCEPT, PdfStatus.SCHRIJVEN, 40)  # no task: its worker is gone

    call_command("housekeeping")
    output = capsys.readouterr().out
    assert "pdf_jobs_stopped: 1" in output and "pdf_jobs_pruned: 2" in output

    left = set(PdfOpdracht.objects.values_list("pk", flat=True))
    assert left == {new_draft.pk, recent_final.pk, running.pk}
    assert not default_storage.exists(old_draft.pdf.name)
    assert default_storage.exists(new_draft.pdf.name)
    running.refresh_from_db()
    assert running.status == PdfStatus.MISLUKT and running.fout == "worker_stopped"
    assert old_failed_final.pk not in left
