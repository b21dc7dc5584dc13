"""A new year's report made from last year's: the check page lists every year its
copied words still carry, the baseline year is kept, and the version date follows
the chosen year."""

from __future__ import annotations

import datetime
import html as html_lib

import pytest
import time_machine
from django.urls import reverse

from rapportage.choices import SectieSoort
from rapportage.models import Jaarrapportage, Planonderdeel
from rapportage.year_mentions import stale_mentions
from tests.factories import ActiviteitFactory, JaarrapportageFactory, SectieFactory

D = datetime.date
CREATE = "rapportage:jaarrapportage_create"
COPY_2024 = {"jaar": 2024, "versiedatum": "", "kopieer_vorig": "on"}
KERNCIJFERS_TEXT = "Hier staan de cijfers van 2023 naast die van 2022."


@pytest.fixture
def report_2023(db):
    ActiviteitFactory(datum=D(2022, 5, 1))
    vorig = JaarrapportageFactory(
        jaar=2023,
        basisjaar=2020,
        inleiding=(
            "Sinds eind 2020 groeide het team; in 2021 kwam er geld bij.\n\n"
            "Zie [het verslag](https://example.nl/2019/verslag)."
        ),
    )
    SectieFactory(
        rapportage=vorig,
        soort=SectieSoort.KERNCIJFERS,
        titel="Kerncijfers 2023",
        tekst=KERNCIJFERS_TEXT,
        volgorde=1,
    )
    SectieFactory(
        rapportage=vorig,
        soort=SectieSoort.VRIJ,
        titel="Vooruit",
        tekst="In 2024 en 2025 breiden we uit.\n\n[[blok:kerncijfers]]",
        volgorde=2,
    )
    Planonderdeel.objects.create(
        rapportage=vorig,
        titel="1. Sociaal makelaars",
        startsituatie="Eind 2020 waren er drie sociaal makelaars.",
        gewenst_resultaat="Plan van aanpak klaar in december 2023.",
    )
    return vorig


def test_the_report_of_its_own_year_has_no_stale_mention(report_2023):
    """2023, 2022 (comparison), 2020 (baseline) and later years fit the 2023 report;
    2021 does not, and a year inside a link's address is no mention."""
    assert [(m.label, m.year) for m in stale_mentions(report_2023)] == [("Inleiding", 2021)]


@time_machine.travel(D(2024, 1, 10), tick=False)
def test_a_2024_report_made_from_2023_flags_every_stale_year(client, coordinator, report_2023):
    client.force_login(coordinator)
    response = client.post(reverse(CREATE), COPY_2024)
    assert response.status_code == 302
    nieuw = Jaarrapportage.objects.get(jaar=2024)
    kerncijfers = nieuw.secties.get(soort=SectieSoort.KERNCIJFERS)
    plan = nieuw.planonderdelen.get()
    sectie_url = reverse("rapportage:sectie_update", args=[kerncijfers.pk])
    plan_url = reverse("rapportage:planonderdeel_update", args=[plan.pk])

    found = [(m.label, m.url, m.year) for m in stale_mentions(nieuw)]
    assert found == [
        ("Kerncijfers 2023", sectie_url, 2023),  # the title
        ("Kerncijfers 2023", sectie_url, 2023),  # "cijfers van 2023 ..."
        ("Kerncijfers 2023", sectie_url, 2022),  # "... naast die van 2022"
        ("1. Sociaal makelaars", plan_url, 2023),  # "klaar in december 2023"
    ]

    page = client.get(reverse("rapportage:jaarrapportage_check", args=[nieuw.pk]))
    body = html_lib.unescape(page.content.decode())
    section = body.split('id="controle-verouderd_jaar"')[1].split("</section>")[0]
    assert "Jaren uit een eerdere rapportage" in section
    assert f'<a href="{sectie_url}">Kerncijfers 2023</a>' in section
    assert f'<a href="{plan_url}">1. Sociaal makelaars</a>' in section
    assert "– 2022: “…staan de cijfers van 2023 naast die van 2022.”" in section
    assert '<span class="badge text-bg-warning">4</span>' in section

    # Rewritten for 2024, the section is no longer listed; the comparison year is fine.
    kerncijfers.titel = "Kerncijfers 2024"
    kerncijfers.tekst = "Hier staan de cijfers van 2024 naast die van 2023."
    kerncijfers.save()
    assert [m.label for m in stale_mentions(nieuw)] == ["1. Sociaal makelaars"]


@time_machine.travel(D(2024, 1, 10), tick=False)
def test_a_copy_keeps_the_plans_baseline_year(client, coordinator, report_2023):
    client.force_login(coordinator)
    form = client.get(reverse(CREATE))
    assert form.context["form"]["basisjaar"].value() == 2020
    response = client.post(reverse(CREATE), COPY_2024)
    assert response.status_code == 302
    assert Jaarrapportage.objects.get(jaar=2024).basisjaar == 2020


@time_machine.travel(datetime.datetime(2026, 12, 7, 10, 0), tick=False)
def test_an_earlier_year_with_the_offered_version_date_is_accepted(client, coordinator):
    """The form offers today; for a year whose reports end before today that date
    is replaced by the last one the year allows, instead of refusing the form."""
    ActiviteitFactory(datum=D(2022, 5, 1))
    client.force_login(coordinator)
    offered = client.get(reverse(CREATE)).context["form"]["versiedatum"].value()
    assert offered == D(2026, 12, 7)
    response = client.post(reverse(CREATE), {"jaar": 2023, "versiedatum": "2026-12-07"})
    assert response.status_code == 302
    assert Jaarrapportage.objects.get(jaar=2023).versiedatum == D(2024, 12, 31)
    # A date the coordinator typed is still checked.
    response = client.post(reverse(CREATE), {"jaar": 2022, "versiedatum": "2026-11-01"})
    assert response.status_code == 200
    assert "niet later liggen dan" in response.content.decode()
