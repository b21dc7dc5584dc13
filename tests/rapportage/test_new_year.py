"""A new year's report: only plausible years, one per year (also in a race), from the last one."""

from __future__ import annotations

import datetime
import threading

import pytest
import time_machine
from django.db import close_old_connections, connection
from django.urls import reverse

from rapportage.choices import Richting, SectieSoort
from rapportage.models import Indicator, Jaarrapportage, Planonderdeel
from rapportage.services import DuplicateYear, create_jaarrapportage
from tests.factories import ActiviteitFactory, JaarrapportageFactory, SectieFactory

D = datetime.date
CREATE = "rapportage:jaarrapportage_create"


@time_machine.travel(D(2024, 3, 1), tick=False)
def test_years_from_the_first_recorded_year_up_to_next_year(client, coordinator):
    ActiviteitFactory(datum=D(2021, 5, 1))
    client.force_login(coordinator)
    for jaar in (2020, 2026, 2035):
        response = client.post(reverse(CREATE), {"jaar": jaar, "versiedatum": "2024-03-01"})
        assert response.status_code == 200, jaar
        assert "kan worden gemaakt voor 2021 tot en met 2025" in response.content.decode()
    assert not Jaarrapportage.objects.exists()
    for jaar in (2021, 2025):
        response = client.post(reverse(CREATE), {"jaar": jaar, "versiedatum": ""})
        assert response.status_code == 302, jaar
    assert sorted(Jaarrapportage.objects.values_list("jaar", flat=True)) == [2021, 2025]


def test_a_duplicate_year_points_to_the_existing_report(client, coordinator):
    existing = JaarrapportageFactory(jaar=timezone_year(), titel="Het bestaande rapport")
    client.force_login(coordinator)
    response = client.post(reverse(CREATE), {"jaar": existing.jaar, "versiedatum": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Er is al een jaarrapportage voor {existing.jaar}." in html
    assert f'<a href="{existing.get_absolute_url()}">Open “Het bestaande rapport”.</a>' in html
    assert "bestaat al" not in html  # not Django's stock message
    assert Jaarrapportage.objects.count() == 1


def timezone_year() -> int:
    from django.utils import timezone

    return timezone.localdate().year


def test_the_service_refuses_a_duplicate_with_duplicate_year(db):
    JaarrapportageFactory(jaar=2023)
    with pytest.raises(DuplicateYear) as refused:
        create_jaarrapportage(jaar=2023, titel="Tweede")
    assert refused.value.existing.jaar == 2023


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the in-memory SQLite test database locks whole tables between threads; "
    "the lost race on SQLite is covered by the next test",
)
@pytest.mark.django_db(transaction=True)
def test_two_requests_racing_for_one_year_end_in_one_report_and_a_message(client, coordinator):
    """Both pass the form's check; the database's unique constraint decides."""
    year = timezone_year()
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def create(titel: str) -> None:
        try:
            barrier.wait(timeout=10)
            create_jaarrapportage(jaar=year, titel=titel)
            outcomes.append("created")
        except DuplicateYear as exc:
            outcomes.append(f"duplicate of {exc.existing.jaar if exc.existing else '?'}")
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            outcomes.append(repr(exc))
        finally:
            close_old_connections()

    threads = [threading.Thread(target=create, args=(f"Rapport {n}",)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["created", f"duplicate of {year}"]
    assert Jaarrapportage.objects.filter(jaar=year).count() == 1


def test_the_view_answers_a_lost_race_with_the_same_message(client, coordinator, monkeypatch):
    """The form saw no report for the year; by the time of saving, there is one."""
    year = timezone_year()
    client.force_login(coordinator)
    real_create = create_jaarrapportage

    def someone_else_first(**kwargs):
        JaarrapportageFactory(jaar=year, titel="Net aangemaakt door een collega")
        return real_create(**kwargs)

    monkeypatch.setattr("rapportage.views.create_jaarrapportage", someone_else_first)
    response = client.post(reverse(CREATE), {"jaar": year, "versiedatum": ""})
    assert response.status_code == 200
    assert "Open “Net aangemaakt door een collega”." in response.content.decode()
    assert Jaarrapportage.objects.filter(jaar=year).count() == 1


@time_machine.travel(D(2024, 1, 10), tick=False)
def test_a_new_year_starts_from_the_last_one(client, coordinator):
    ActiviteitFactory(datum=D(2023, 5, 1))
    vorig = JaarrapportageFactory(jaar=2023)
    SectieFactory(rapportage=vorig, soort=SectieSoort.KERNCIJFERS, titel="Kerncijfers", volgorde=1)
    SectieFactory(
        rapportage=vorig,
        soort=SectieSoort.BUURTSERVICE,
        titel="3. Buurtservice",
        tekst="Vorig jaar:\n\n[[blok:capaciteit]]",
        volgorde=2,
    )
    item = Planonderdeel.objects.create(
        rapportage=vorig, titel="3. Buurtservice", doel="Meer klussen."
    )
    Indicator.objects.create(
        planonderdeel=item,
        naam="Wachtlijst eind van het jaar",
        meting="wachtlijst_eind",
        streefwaarde=5,
        richting=Richting.LAGER,
    )
    Indicator.objects.create(
        planonderdeel=item,
        naam="Tevredenheid",
        meting="",
        handmatige_waarde=8,
        bron="Enquête",
        streefwaarde=7,
    )
    client.force_login(coordinator)
    form = client.get(reverse(CREATE)).content.decode()
    assert "Beginnen vanuit de rapportage van 2023" in form

    response = client.post(
        reverse(CREATE), {"jaar": 2024, "versiedatum": "", "kopieer_vorig": "on"}
    )
    assert response.status_code == 302
    nieuw = Jaarrapportage.objects.get(jaar=2024)
    assert list(nieuw.secties.values_list("soort", "titel", "tekst")) == [
        (SectieSoort.KERNCIJFERS, "Kerncijfers", ""),
        (SectieSoort.BUURTSERVICE, "3. Buurtservice", "Vorig jaar:\n\n[[blok:capaciteit]]"),
    ]
    [copy] = nieuw.planonderdelen.all()
    assert (copy.titel, copy.doel) == ("3. Buurtservice", "Meer klussen.")
    # The computed target is copied; a result typed by hand belongs to its own year.
    assert list(copy.indicatoren.values_list("naam", "meting", "streefwaarde", "richting")) == [
        ("Wachtlijst eind van het jaar", "wachtlijst_eind", 5, Richting.LAGER)
    ]
    # The old report is untouched.
    assert vorig.secties.count() == 2 and item.indicatoren.count() == 2


@time_machine.travel(D(2024, 1, 10), tick=False)
def test_without_copying_a_new_year_gets_the_default_sections(client, coordinator):
    JaarrapportageFactory(jaar=2023)
    client.force_login(coordinator)
    response = client.post(reverse(CREATE), {"jaar": 2024, "versiedatum": ""})
    assert response.status_code == 302
    nieuw = Jaarrapportage.objects.get(jaar=2024)
    assert nieuw.secties.count() == 9 and not nieuw.planonderdelen.exists()
