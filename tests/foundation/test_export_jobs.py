"""Large exports are made by the background worker, with a progress page and a download.

A few hundred activities stand in for the 100,000 of the benchmark (see
docs/benchmarks-exports.md): the limits for the request are lowered instead.
"""

import csv
import datetime
import io

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from core.models import ExportOpdracht, ExportStatus
from makelaars.models import Activiteit
from tests.factories import ActiviteitFactory

pytestmark = pytest.mark.django_db

EXPORT = reverse("makelaars:activiteit_export")


@pytest.fixture
def activities(wijk_a, wijk_b):
    ActiviteitFactory.create_batch(240, wijk=wijk_a, datum=datetime.date(2024, 3, 1))
    ActiviteitFactory.create_batch(60, wijk=wijk_b, datum=datetime.date(2024, 4, 1))


@pytest.fixture
def small_limits(settings, media_root):
    settings.EXPORT_XLSX_MAX_ROWS_IN_REQUEST = 100
    settings.EXPORT_CSV_MAX_ROWS_IN_REQUEST = 100


def queue_export(client, query: str) -> ExportOpdracht:
    response = client.get(f"{EXPORT}?{query}")
    assert response.status_code == 302, "a large export is not made in the request"
    job = ExportOpdracht.objects.get()
    assert response["Location"] == job.get_absolute_url()
    return job


def test_a_large_xlsx_export_is_made_by_the_worker_with_the_right_rows(
    client, coordinator, activities, small_limits, run_worker
):
    client.force_login(coordinator)
    job = queue_export(client, "format=xlsx")
    page = client.get(job.get_absolute_url()).content.decode()
    assert "In de wachtrij" in page and 'hx-trigger="every 1s"' in page
    assert client.get(reverse("export_download", args=[job.pk])).status_code == 404

    assert run_worker() == 1
    job.refresh_from_db()
    assert job.status == ExportStatus.KLAAR and job.rijen == 300
    polled = client.get(job.get_absolute_url(), headers={"HX-Request": "true"})
    assert polled.status_code == 286
    assert reverse("export_download", args=[job.pk]) in polled.content.decode()

    download = client.get(reverse("export_download", args=[job.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith('attachment; filename="activiteiten-')
    sheet = load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Datum" and len(rows) == 301
    titles = {row[1] for row in rows[1:]}
    assert titles == set(Activiteit.objects.values_list("titel", flat=True))


def test_the_worker_exports_the_filtered_list_the_user_saw(
    client, coordinator, wijk_b, activities, small_limits, run_worker
):
    client.force_login(coordinator)
    ActiviteitFactory.create_batch(50, wijk=wijk_b, datum=datetime.date(2024, 4, 2))
    job = queue_export(client, f"wijk={wijk_b.pk}&format=csv&page=3")
    assert job.query == f"wijk={wijk_b.pk}"
    run_worker()
    job.refresh_from_db()
    download = client.get(reverse("export_download", args=[job.pk]))
    text = b"".join(download.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 111 and job.rijen == 110
    assert {row[2] for row in rows[1:]} == {"Zuidwijken"}


def test_a_small_export_stays_in_the_request(client, coordinator, activities, settings):
    settings.EXPORT_XLSX_MAX_ROWS_IN_REQUEST = 300
    client.force_login(coordinator)
    response = client.get(f"{EXPORT}?format=xlsx")
    assert response.status_code == 200
    assert not ExportOpdracht.objects.exists()


def test_a_double_click_queues_one_job(client, coordinator, activities, small_limits):
    client.force_login(coordinator)
    first = queue_export(client, "format=xlsx")
    assert client.get(f"{EXPORT}?format=xlsx")["Location"] == first.get_absolute_url()


def test_only_the_requester_sees_the_job_and_its_file(
    client, coordinator, beheerder, activities, small_limits, run_worker
):
    client.force_login(coordinator)
    job = queue_export(client, "format=xlsx")
    run_worker()
    other = Client()
    other.force_login(beheerder)
    assert other.get(job.get_absolute_url()).status_code == 404
    assert other.get(reverse("export_download", args=[job.pk])).status_code == 404
    anonymous = Client().get(reverse("export_download", args=[job.pk]))
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]


def test_a_requester_who_lost_the_right_gets_no_file(
    client, coordinator, activities, small_limits, run_worker
):
    client.force_login(coordinator)
    job = queue_export(client, "format=xlsx")
    coordinator.groups.clear()
    run_worker()
    job.refresh_from_db()
    assert job.status == ExportStatus.MISLUKT and job.fout == "no_permission"
    assert not job.bestand


def test_an_export_of_a_dead_worker_fails_and_old_files_are_removed(
    client, coordinator, activities, small_limits, run_worker, settings
):
    client.force_login(coordinator)
    stuck = queue_export(client, "format=xlsx")
    ExportOpdracht.objects.filter(pk=stuck.pk).update(
        status=ExportStatus.BEZIG, task_id="", bijgewerkt_op=timezone.now()
    )
    assert client.get(stuck.get_absolute_url(), headers={"HX-Request": "true"}).status_code == 200
    ExportOpdracht.objects.filter(pk=stuck.pk).update(
        bijgewerkt_op=timezone.now() - datetime.timedelta(minutes=10)
    )
    polled = client.get(stuck.get_absolute_url(), headers={"HX-Request": "true"})
    assert polled.status_code == 286
    html = polled.content.decode()
    assert "De achtergrondtaak stopte voordat het bestand klaar was" in html
    assert f"{EXPORT}?format=xlsx" in html  # try again

    done = queue_export_again(client)
    run_worker()
    done.refresh_from_db()
    name = done.bestand.name
    assert default_storage.exists(name)
    settings.EXPORT_MAX_AGE_HOURS = 24
    ExportOpdracht.objects.update(bijgewerkt_op=timezone.now() - datetime.timedelta(hours=25))
    call_command("housekeeping")
    assert not ExportOpdracht.objects.exists()
    assert not default_storage.exists(name)


def queue_export_again(client) -> ExportOpdracht:
    response = client.get(f"{EXPORT}?format=xlsx")
    return ExportOpdracht.objects.get(pk=response["Location"].rstrip("/").split("/")[-1])
