"""The demo data yield the figures of seed 000 (Jaarrapportage Sterke Wijken 2023)."""

import datetime
from collections import Counter

import pytest

from buurtservice.models import Capaciteit, Klus, Uitvoerder
from wijken.choices import Functie
from wijken.models import Gebied, Medewerker

D = datetime.date
H1 = (D(2023, 1, 1), D(2023, 6, 30))
H2 = (D(2023, 7, 1), D(2023, 12, 31))
CENTRUM = "Centrum – De Hoven – Noordveen – Noorderhaven"
ZUID = "Zuidwijken – Warnsveld – Leesten"

pytestmark = pytest.mark.usefixtures("demo")


def brokers_on(date):
    return Medewerker.objects.filter(functie=Functie.SOCIAAL_MAKELAAR).active_on(date)


def test_three_brokers_at_the_end_of_2020_one_per_gebied():
    brokers = brokers_on(D(2020, 12, 31))
    assert brokers.count() == 3
    for gebied in Gebied.objects.all():
        assert brokers.filter(gebieden=gebied).count() == 1, gebied


def test_eight_brokers_at_the_end_of_2023():
    assert brokers_on(D(2023, 12, 31)).count() == 8


def test_brokers_per_gebied_grow_as_in_bijlage_2():
    end = brokers_on(D(2023, 12, 31))
    assert end.filter(gebieden__naam="Waterkwartier").count() == 2
    assert end.filter(gebieden__naam=CENTRUM).count() == 2
    # 1 → 3 as planned, plus the eighth broker who joined the Zuidwijken in autumn.
    assert end.filter(gebieden__naam=ZUID).count() == 4


def test_new_brokers_started_in_2023_with_16_to_32_hours_and_abcd_notes():
    new = Medewerker.objects.makelaars().filter(startdatum__year=2023)
    assert new.count() == 6  # five new brokers and the mbo pilot
    for medewerker in new:
        assert 16 <= medewerker.uren_per_week <= 32
        assert "ABCD" in medewerker.notities


def test_mbo_pilot_in_waterkwartier_from_1_july_2023():
    pilot = Medewerker.objects.get(functie=Functie.MBO_SOCIAAL_MAKELAAR)
    assert pilot.is_pilot
    assert "pilot" in pilot.notities.lower()
    assert list(pilot.gebieden.values_list("naam", flat=True)) == ["Waterkwartier"]
    mbo = Medewerker.objects.filter(functie=Functie.MBO_SOCIAAL_MAKELAAR)
    assert not mbo.active_on(D(2023, 6, 30)).exists()
    assert mbo.active_on(D(2023, 7, 1)).get() == pilot
    # Not counted among the eight brokers of the plan.
    assert pilot not in brokers_on(D(2023, 12, 31))


def test_new_volunteers_in_the_first_half_of_2023():
    started = Uitvoerder.objects.started_between(*H1)
    assert started.filter(soort="vrijwilliger").count() == 4
    # Recruited through the wijk, the AZC and Tactus.
    assert {"wijk", "azc", "tactus"} <= set(
        started.filter(soort="vrijwilliger").values_list("herkomst", flat=True)
    )


def test_new_workers_in_the_second_half_of_2023_by_kind_and_origin():
    started = Uitvoerder.objects.started_between(*H2)
    counts = Counter(started.values_list("soort", "herkomst"))
    assert counts == {
        ("vrijwilliger", "azc"): 8,
        ("deelnemer", "gelrewerkt"): 4,
        ("stagiair", "han"): 2,
        ("vrijwilliger", "wijk"): 2,
        ("vrijwilliger", "esc"): 1,
    }


def test_some_workers_left_for_paid_work_or_education():
    left = Uitvoerder.objects.exclude(einddatum=None)
    assert {"betaald_werk", "opleiding"} <= set(left.values_list("uitstroom", flat=True))
    assert Uitvoerder.objects.filter(startdatum__lt=D(2023, 1, 1)).exists()


def test_buurtservice_capacity_grows_by_12_hours_a_week_from_1_march_2023():
    before = Capaciteit.objects.active_on(D(2023, 2, 28)).get().uren_per_week
    after = Capaciteit.objects.active_on(D(2023, 3, 1)).get().uren_per_week
    assert after - before == 12
    assert Capaciteit.objects.active_on(D(2023, 12, 31)).get().uren_per_week == after


def test_waiting_list_at_year_end_is_shorter_than_before_march():
    open_march = Klus.objects.open_on(D(2023, 3, 1)).count()
    open_end = Klus.objects.open_on(D(2023, 12, 31)).count()
    assert 0 < open_end < open_march
    # The open jobs are the current waiting list.
    assert Klus.objects.waiting().count() == open_end


def test_about_80_jobs_in_2023_and_some_from_late_2022():
    assert 70 <= Klus.objects.filter(aanvraagdatum__year=2023).count() <= 90
    assert Klus.objects.filter(aanvraagdatum__year=2022).exists()
    assert set(Klus.objects.values_list("verwijzer", flat=True)) >= {
        "wmo",
        "woningcorporatie",
        "sociaal_werker",
        "inwoner",
    }


def test_done_jobs_have_hours_and_a_status_history():
    done = Klus.objects.filter(status="uitgevoerd").prefetch_related("inzet", "statuswijzigingen")
    assert done.exists()
    for klus in done:
        assert klus.inzet.all(), klus
        assert all(inzet.uren for inzet in klus.inzet.all())
        history = [(w.status, w.datum) for w in klus.statuswijzigingen.all()]
        assert history[0] == ("aangemeld", klus.aanvraagdatum)
        assert history[-1] == ("uitgevoerd", klus.uitgevoerd_op)
        assert [d for _s, d in history] == sorted(d for _s, d in history)


def test_workers_on_a_job_were_active_on_the_day():
    for klus in Klus.objects.filter(status="uitgevoerd").prefetch_related("uitvoerders"):
        for uitvoerder in klus.uitvoerders.all():
            assert uitvoerder.startdatum <= klus.uitgevoerd_op
            assert uitvoerder.einddatum is None or uitvoerder.einddatum >= klus.uitgevoerd_op
