"""Report PDFs are made by the background worker, never in the request.

Enqueue → the real worker (django-tasks-db, run in the test) → progress →
download; a stored draft is served again while nothing changed; failures are
shown in Dutch, logged, and store nothing.
"""

import datetime

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from core import datacache
from core import pdf as core_pdf
from core.models import DataVersion
from core.roles import Role
from rapportage import services
from rapportage.choices import PdfStatus, RapportStatus
from rapportage.models import PdfOpdracht, RapportVersie
from tests.factories import ActiviteitFactory, SignaalFactory, make_user

from .conftest import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_pdf_in_this_process_yet(monkeypatch):
    """Fails any PDF rendering until the worker runs (``allow()``)."""
    state = {"allowed": False}
    real = core_pdf.html_to_pdf

    def guarded(html, **kwargs):
        assert state["allowed"], "a PDF was rendered outside the worker"
        return real(html, **kwargs)

    monkeypatch.setattr(core_pdf, "html_to_pdf", guarded)
    return lambda: state.update(allowed=True)


def start(client, rapportage):
    response = client.post(reverse("rapportage:pdf_create", args=[rapportage.pk]))
    assert response.status_code == 302
    return PdfOpdracht.objects.get(pk=response["Location"].rstrip("/").split("/")[-1])


def test_enqueue_run_and_download_a_draft(
    client, coordinator, year_data, run_worker, no_pdf_in_this_process_yet
):
    rapportage = year_data["rapportage"]
    client.force_login(coordinator)
    detail = client.get(rapportage.get_absolute_url()).content.decode()
    assert reverse("rapportage:pdf_create", args=[rapportage.pk]) in detail

    job = start(client, rapportage)
    assert job.status == PdfStatus.WACHTRIJ
    assert DBTaskResult.objects.filter(id=job.task_id, status="READY").exists()
    page = client.get(job.get_absolute_url())
    html = page.content.decode()
    assert "In de wachtrij" in html
    assert 'hx-trigger="every 1s"' in html and "vendor/htmx/htmx.min.js" in html
    polled = client.get(job.get_absolute_url(), headers={"HX-Request": "true"})
    assert polled.status_code == 200  # still polling

    no_pdf_in_this_process_yet()
    assert run_worker() == 1
    job.refresh_from_db()
    assert job.status == PdfStatus.KLAAR
    polled = client.get(job.get_absolute_url(), headers={"HX-Request": "true"})
    assert polled.status_code == 286  # htmx stops polling
    assert reverse("rapportage:pdf_opdracht_download", args=[job.pk]) in polled.content.decode()

    download = client.get(reverse("rapportage:pdf_opdracht_download", args=[job.pk]))
    assert download["Content-Disposition"] == 'attachment; filename="jaarrapportage-2023.pdf"'
    text = pdf_text(b"".join(download.streaming_content))
    assert "Jaarrapportage Sterke Wijken 2023" in text
    assert "Van 3 eind 2020 naar 8 sociaal makelaars eind 2023" in text


def test_an_unchanged_draft_is_served_from_the_stored_file(
    client, coordinator, year_data, run_worker
):
    rapportage = year_data["rapportage"]
    client.force_login(coordinator)
    first = start(client, rapportage)
    assert start(client, rapportage) == first  # a double click queues nothing new
    run_worker()

    again = start(client, rapportage)
    assert again == first
    assert run_worker() == 0
    stored = client.get(reverse("rapportage:jaarrapportage_pdf", args=[rapportage.pk]))
    assert stored.status_code == 200  # the start page: drafts are never rendered on GET

    ActiviteitFactory(datum=datetime.date(2023, 5, 5), wijk=year_data["wijk_water"])
    changed = start(client, rapportage)
    assert changed != first
    assert changed.status == PdfStatus.WACHTRIJ


def test_a_failing_render_shows_a_dutch_message_and_a_retry_and_is_logged(
    client, coordinator, year_data, run_worker, monkeypatch, caplog
):
    def broken(*args, **kwargs):
        raise RuntimeError("WeasyPrint fell over")

    monkeypatch.setattr(services, "render_report_pdf", broken)
    rapportage = year_data["rapportage"]
    client.force_login(coordinator)
    job = start(client, rapportage)
    run_worker()
    job.refresh_from_db()
    assert job.status == PdfStatus.MISLUKT
    assert "PDF job" in caplog.text and "WeasyPrint fell over" in caplog.text
    html = client.get(job.get_absolute_url()).content.decode()
    assert "De PDF kon niet worden gemaakt." in html
    assert "Probeer het opnieuw" in html
    assert reverse("rapportage:pdf_create", args=[rapportage.pk]) in html  # the retry
    assert 'hx-trigger="every 1s"' not in html
    assert client.get(reverse("rapportage:pdf_opdracht_download", args=[job.pk])).status_code == 404

    monkeypatch.undo()
    retry = start(client, rapportage)
    assert retry != job


def test_making_final_runs_in_the_worker_and_stores_one_version(
    client, coordinator, year_data, run_worker
):
    rapportage = year_data["rapportage"]
    client.force_login(coordinator)
    response = client.post(reverse("rapportage:jaarrapportage_finalize", args=[rapportage.pk]))
    job = PdfOpdracht.objects.get()
    assert response["Location"] == job.get_absolute_url()
    rapportage.refresh_from_db()
    assert rapportage.status == RapportStatus.CONCEPT  # nothing happened in the request

    run_worker()
    job.refresh_from_db()
    rapportage.refresh_from_db()
    assert job.status == PdfStatus.KLAAR
    assert rapportage.status == RapportStatus.DEFINITIEF
    assert job.versie == RapportVersie.objects.get(rapportage=rapportage)
    html = client.get(job.get_absolute_url()).content.decode()
    assert "Versie 1 en de PDF zijn vastgelegd" in html
    download = client.get(reverse("rapportage:pdf_opdracht_download", args=[job.pk]))
    assert b"".join(download.streaming_content) == job.versie.pdf.read()


def test_finalising_stores_nothing_when_the_render_fails(
    client, coordinator, year_data, run_worker, monkeypatch, media_root
):
    def broken(*args, **kwargs):
        raise RuntimeError("out of memory")

    monkeypatch.setattr(services, "render_report_pdf", broken)
    rapportage = year_data["rapportage"]
    client.force_login(coordinator)
    client.post(reverse("rapportage:jaarrapportage_finalize", args=[rapportage.pk]))
    run_worker()
    job = PdfOpdracht.objects.get()
    rapportage.refresh_from_db()
    assert job.status == PdfStatus.MISLUKT
    assert rapportage.status == RapportStatus.CONCEPT
    assert not RapportVersie.objects.exists()
    assert not [path for path in media_root.rglob("*") if path.is_file()]
    html = client.get(job.get_absolute_url()).content.decode()
    assert "De PDF van de definitieve versie kon niet worden gemaakt" in html
    assert reverse("rapportage:jaarrapportage_finalize", args=[rapportage.pk]) in html


def test_jobs_are_for_those_who_may_read_reports(
    client_for, coordinator, makelaar, year_data, run_worker
):
    job = start(client_for(coordinator), year_data["rapportage"])
    broker = client_for(makelaar)
    assert broker.get(job.get_absolute_url()).status_code == 403
    assert (
        broker.post(reverse("rapportage:pdf_create", args=[year_data["rapportage"].pk])).status_code
        == 403
    )


@pytest.fixture
def quick_render(monkeypatch):
    """A stand-in for the render: these tests are about which jobs are queued."""
    monkeypatch.setattr(
        services, "render_report_pdf", lambda rapportage, **kwargs: ("", b"%PDF-1.4\n%%EOF\n")
    )


def test_a_login_elsewhere_leaves_the_stored_draft_in_use(
    client, client_for, coordinator, makelaar, year_data, run_worker, quick_render
):
    """The draft's fingerprint is made of the data the report reads: someone logging
    in (which writes their account) does not make the stored PDF outdated."""
    rapportage = year_data["rapportage"]
    client.force_login(coordinator)
    first = start(client, rapportage)
    assert run_worker() == 1
    accounts = DataVersion.objects.get(key="auth").token
    client_for(makelaar)  # a colleague logs in elsewhere
    assert DataVersion.objects.get(key="auth").token != accounts  # accounts did change

    assert start(client, rapportage) == first
    assert run_worker() == 0

    # A change to what the report shows does make a new one, in any register it reads.
    SignaalFactory(datum=datetime.date(2023, 6, 1), wijk=year_data["wijk_water"])
    changed = start(client, rapportage)
    assert changed != first and changed.status == PdfStatus.WACHTRIJ


def test_a_user_has_a_few_unfinished_pdf_jobs_at_most(
    client, client_for, coordinator, year_data, run_worker, quick_render
):
    rapportage = year_data["rapportage"]
    client.force_login(coordinator)
    queued = []
    for n in range(services.MAX_UNFINISHED_PDF_JOBS):
        if n:
            datacache.bump("activiteiten")  # the data changed: a new draft is queued
        queued.append(start(client, rapportage))
    assert len(set(queued)) == services.MAX_UNFINISHED_PDF_JOBS
    # The same draft asked for again is the job already queued, not a refusal.
    assert start(client, rapportage) == queued[-1]

    datacache.bump("activiteiten")
    refused = client.post(reverse("rapportage:pdf_create", args=[rapportage.pk]), follow=True)
    assert refused.redirect_chain[-1][0] == rapportage.get_absolute_url()
    assert "Je hebt al 3 PDF&#x27;s in de wachtrij" in refused.content.decode()
    final = client.post(reverse("rapportage:jaarrapportage_finalize", args=[rapportage.pk]))
    assert final["Location"] == rapportage.get_absolute_url()
    assert PdfOpdracht.objects.count() == services.MAX_UNFINISHED_PDF_JOBS

    # A colleague is not held up; once the worker is done, there is room again.
    colleague = start(client_for(make_user(Role.COORDINATOR, username="coord-2")), rapportage)
    assert colleague not in queued
    run_worker()
    datacache.bump("activiteiten")
    again = start(client, rapportage)
    assert again not in queued and again.status == PdfStatus.WACHTRIJ
