"""A final version carries one date: the day it was made final, on the cover and in the footer."""

from __future__ import annotations

import datetime

import time_machine
from django.urls import reverse

from .conftest import pdf_pages, report_pdf, work_off_queue


def test_the_cover_of_a_final_shows_the_day_it_was_made_final(client, coordinator, year_data):
    rapportage = year_data["rapportage"]
    rapportage.versiedatum = datetime.date(2024, 1, 31)  # the planned date of the draft
    rapportage.save()
    client.force_login(coordinator)
    assert "Datum versie: januari 2024" in pdf_pages(report_pdf(client, rapportage))[0]

    with time_machine.travel(datetime.datetime(2024, 2, 7, 10, 0, tzinfo=datetime.UTC)):
        client.post(reverse("rapportage:jaarrapportage_finalize", args=[rapportage.pk]))
        work_off_queue()
    rapportage.refresh_from_db()

    pages = pdf_pages(report_pdf(client, rapportage))
    assert "Datum versie: 7 februari 2024" in pages[0]
    assert "januari 2024" not in pages[0]
    assert all("Versie 1, definitief op 7 februari 2024" in page for page in pages[1:])
    detail = client.get(rapportage.get_absolute_url()).content.decode()
    assert "Datum versie: 7 februari 2024" in detail
