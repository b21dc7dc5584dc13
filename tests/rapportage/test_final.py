"""Final means final: a version keeps what its PDF shows; only reopening (with a reason) ends it."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse

from rapportage.choices import RapportStatus, Richting, SectieSoort
from rapportage.models import Indicator, RapportVersie

from .conftest import pdf_pages, report_pdf, work_off_queue

CONCEPT = "Concept – niet definitief"


def pdf_of(client, rapportage) -> bytes:
    return report_pdf(client, rapportage)


def test_a_concept_carries_the_concept_mark_on_every_page(client, coordinator, year_data):
    client.force_login(coordinator)
    pages = pdf_pages(pdf_of(client, year_data["rapportage"]))
    assert len(pages) > 5
    assert all(CONCEPT in page for page in pages)
    assert not any("definitief op" in page for page in pages)


@pytest.fixture
def final(client, coordinator, year_data):
    """The 2023 report, made final on 20 December 2023 through the check page."""
    client.force_login(coordinator)
    rapportage = year_data["rapportage"]
    check = client.get(reverse("rapportage:jaarrapportage_check", args=[rapportage.pk]))
    assert check.status_code == 200
    with time_machine.travel(datetime.datetime(2023, 12, 20, 10, 0, tzinfo=datetime.UTC)):
        response = client.post(reverse("rapportage:jaarrapportage_finalize", args=[rapportage.pk]))
        work_off_queue()  # the background worker renders and stores the version
    assert response.status_code == 302
    rapportage.refresh_from_db()
    assert rapportage.status == RapportStatus.DEFINITIEF
    return rapportage


def test_a_final_pdf_shows_version_and_date_on_the_cover_and_in_every_footer(client, final):
    pdf = pdf_of(client, final)
    assert pdf == RapportVersie.objects.get(rapportage=final).pdf.read()
    pages = pdf_pages(pdf)
    line = "Versie 1, definitief op 20 december 2023"
    assert line in pages[0]
    assert all(line in page for page in pages[1:])
    assert not any(CONCEPT in page for page in pages)


def test_a_final_report_is_unchanged_by_edits_in_the_app_the_admin_or_the_database(
    client, admin_client, coordinator, final, year_data
):
    detail = final.get_absolute_url()
    before = client.get(detail).content.decode()
    sectie = final.secties.get(soort=SectieSoort.VRIJWILLIGERSWERK)
    plan = year_data["plan"]
    indicator = plan.indicatoren.first()

    # In the app: every edit is refused.
    client.post(
        reverse("rapportage:sectie_update", args=[sectie.pk]),
        {"titel": "Anders", "tekst": "Gewijzigd in de app", "version": sectie.version},
    )
    client.post(
        reverse("rapportage:planonderdeel_update", args=[plan.pk]),
        {"titel": "Gewijzigd plan", "version": plan.version},
    )
    client.post(
        reverse("rapportage:indicator_update", args=[indicator.pk]),
        {"naam": "X", "meting": "activiteiten", "streefwaarde": "1", "richting": "hoger"},
    )
    # In the admin: the report, its sections and its plan items are read-only.
    change = reverse("admin:rapportage_jaarrapportage_change", args=[final.pk])
    page = admin_client.get(change)
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    response = admin_client.post(change, {"titel": "Gewijzigd in het beheer"})
    assert response.status_code == 403
    plan_change = reverse("admin:rapportage_planonderdeel_change", args=[plan.pk])
    assert admin_client.post(plan_change, {"titel": "Gewijzigd in het beheer"}).status_code == 403
    assert (
        admin_client.post(
            reverse("admin:rapportage_jaarrapportage_delete", args=[final.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    changelist = admin_client.get(reverse("admin:rapportage_jaarrapportage_changelist"))
    assert b"delete_selected" not in changelist.content

    sectie.refresh_from_db()
    plan.refresh_from_db()
    assert sectie.tekst != "Gewijzigd in de app"
    assert plan.titel != "Gewijzigd plan"

    # Even a change straight in the database does not reach the preview or the PDF.
    type(sectie).objects.filter(pk=sectie.pk).update(tekst="Stiekem gewijzigd")
    type(plan).objects.filter(pk=plan.pk).update(titel="Stiekem ander plan")
    Indicator.objects.filter(pk=indicator.pk).update(streefwaarde=99, richting=Richting.LAGER)
    final.secties.filter(soort=SectieSoort.VISIE).delete()
    after = client.get(detail).content.decode()
    for changed in ["Stiekem gewijzigd", "Stiekem ander plan"]:
        assert changed not in after
    assert after.count('class="report-section') == before.count('class="report-section')
    text = " ".join(pdf_pages(pdf_of(client, final)))
    assert "Stiekem" not in text
    assert "Sociaal makelaars eind 2023 (personen) hoger is beter 8 8 ja" in text
    versie = RapportVersie.objects.get(rapportage=final)
    titles = [s["titel"] for s in versie.inhoud["secties"]]
    assert sectie.titel in titles and len(titles) == 9
    assert versie.inhoud["planonderdelen"][0]["indicatoren"][0]["streefwaarde"] == 8


def test_reopening_asks_why_and_records_who_and_when(client, coordinator, final):
    url = reverse("rapportage:jaarrapportage_reopen", args=[final.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Waarom wordt de rapportage heropend?" in page.content.decode()
    # Without a reason nothing happens.
    response = client.post(url, {"reden": "   "})
    assert response.status_code == 200
    final.refresh_from_db()
    assert final.is_definitief
    with time_machine.travel(datetime.datetime(2024, 1, 8, 9, 30, tzinfo=datetime.UTC), tick=False):
        response = client.post(url, {"reden": "Cijfers van december nog niet compleet."})
    assert response.status_code == 302
    final.refresh_from_db()
    assert final.status == RapportStatus.CONCEPT
    versie = RapportVersie.objects.get(rapportage=final)
    assert versie.heropend_door == coordinator
    assert versie.heropend_reden == "Cijfers van december nog niet compleet."
    assert versie.heropend_op == datetime.datetime(2024, 1, 8, 9, 30, tzinfo=datetime.UTC)
    history = client.get(final.get_absolute_url()).content.decode()
    assert "Heropend op 8 januari 2024" in history
    assert "Cijfers van december nog niet compleet." in history
