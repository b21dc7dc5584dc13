"""`manage.py anonimiseer_aanvragers`: blanks requesters of jobs closed longer than the
retention period ago, keeps the jobs for the statistics, and is idempotent."""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from buurtservice.choices import KlusStatus
from buurtservice.models import Klus
from buurtservice.selectors import period_overview
from buurtservice.services import retention_cutoff
from tests.factories import InzetFactory, KlusFactory

D = datetime.date


@pytest.fixture
def jobs(db):
    """On 15 March 2026 with 24 months' retention the cut-off is 15 March 2024."""
    done_old = KlusFactory(
        aanvraagdatum=D(2024, 1, 2),
        status=KlusStatus.UITGEVOERD,
        uitgevoerd_op=D(2024, 3, 14),
        aanvrager_naam="Oud Klaar",
        aanvrager_adres="Oudeweg 1",
        aanvrager_telefoon="0575-000001",
    )
    InzetFactory(klus=done_old, uren=Decimal("3"))
    cancelled_old = KlusFactory(
        aanvraagdatum=D(2023, 1, 2),
        status=KlusStatus.GEANNULEERD,
        geannuleerd_op=D(2023, 5, 1),
        annuleringsreden="Zelf opgelost",
        aanvrager_naam="Oud Geannuleerd",
    )
    done_on_cutoff = KlusFactory(
        aanvraagdatum=D(2024, 1, 2),
        status=KlusStatus.UITGEVOERD,
        uitgevoerd_op=D(2024, 3, 15),
        aanvrager_naam="Precies Op Grens",
    )
    done_recent = KlusFactory(
        aanvraagdatum=D(2025, 1, 2),
        status=KlusStatus.UITGEVOERD,
        uitgevoerd_op=D(2025, 2, 1),
        aanvrager_naam="Recent Klaar",
    )
    open_old = KlusFactory(
        aanvraagdatum=D(2022, 1, 2), status=KlusStatus.WACHTLIJST, aanvrager_naam="Wacht Lang"
    )
    return {
        "done_old": done_old,
        "cancelled_old": cancelled_old,
        "done_on_cutoff": done_on_cutoff,
        "done_recent": done_recent,
        "open_old": open_old,
    }


def run(*args) -> str:
    out = StringIO()
    call_command("anonimiseer_aanvragers", *args, stdout=out)
    return out.getvalue()


def requester(klus) -> tuple:
    klus = Klus.objects.get(pk=klus.pk)
    return (klus.aanvrager_naam, klus.aanvrager_adres, klus.aanvrager_telefoon)


@time_machine.travel(datetime.datetime(2026, 3, 15, 3, tzinfo=datetime.UTC), tick=False)
def test_only_old_closed_jobs_are_blanked_and_the_figures_stay(jobs, settings):
    settings.BUURTSERVICE_RETENTION_MONTHS = 24
    figures_before = period_overview(start=D(2023, 1, 1), end=D(2025, 12, 31))

    output = run()

    assert "2 job(s)" in output
    assert requester(jobs["done_old"]) == ("", "", "")
    assert requester(jobs["cancelled_old"])[0] == ""
    for kept in ("done_on_cutoff", "done_recent", "open_old"):
        assert requester(jobs[kept])[0] != "", kept
        assert Klus.objects.get(pk=jobs[kept].pk).geanonimiseerd_op is None
    old = Klus.objects.get(pk=jobs["done_old"].pk)
    assert old.geanonimiseerd_op is not None
    assert (old.status, old.uitgevoerd_op, old.wijk_id) == (
        KlusStatus.UITGEVOERD,
        D(2024, 3, 14),
        jobs["done_old"].wijk_id,
    )
    # The reason may describe the requester: it goes with their data (issue 14).
    assert Klus.objects.get(pk=jobs["cancelled_old"].pk).annuleringsreden == ""
    assert Klus.objects.count() == 5
    assert period_overview(start=D(2023, 1, 1), end=D(2025, 12, 31)) == figures_before


@time_machine.travel(datetime.datetime(2026, 3, 15, 3, tzinfo=datetime.UTC), tick=False)
def test_second_run_changes_nothing(jobs):
    run("--months", "24")
    stamp = Klus.objects.get(pk=jobs["done_old"].pk).geanonimiseerd_op

    with time_machine.travel(datetime.datetime(2026, 3, 15, 5, tzinfo=datetime.UTC)):
        output = run("--months", "24")

    assert "0 job(s)" in output
    assert Klus.objects.get(pk=jobs["done_old"].pk).geanonimiseerd_op == stamp


@time_machine.travel(datetime.datetime(2026, 3, 15, 3, tzinfo=datetime.UTC), tick=False)
def test_dry_run_changes_nothing(jobs):
    output = run("--dry-run", "--months", "24")

    assert "Would anonymise" in output and "2 job(s)" in output
    assert requester(jobs["done_old"])[0] == "Oud Klaar"
    assert not Klus.objects.filter(geanonimiseerd_op__isnull=False).exists()


@time_machine.travel(datetime.datetime(2026, 3, 15, 3, tzinfo=datetime.UTC), tick=False)
def test_months_option_shortens_the_retention(jobs):
    output = run("--months", "12")

    assert "4 job(s)" in output  # plus done_on_cutoff and done_recent (closed before 2025-03-15)
    assert requester(jobs["open_old"])[0] == "Wacht Lang"
    assert "Oud Klaar" not in output  # never prints personal data


@time_machine.travel(datetime.datetime(2026, 3, 15, 3, tzinfo=datetime.UTC), tick=False)
def test_anonymised_job_page_says_so(jobs, client, buurtservice_user):
    run()
    client.force_login(buurtservice_user)

    body = client.get(jobs["done_old"].get_absolute_url()).content.decode()

    assert "zijn op 15-03-2026 verwijderd" in body
    assert "Oudeweg 1" not in body


def test_retention_cutoff_handles_month_ends():
    assert retention_cutoff(today=D(2026, 3, 15), months=24) == D(2024, 3, 15)
    assert retention_cutoff(today=D(2026, 3, 31), months=1) == D(2026, 2, 28)
    assert retention_cutoff(today=D(2024, 3, 31), months=1) == D(2024, 2, 29)
    assert retention_cutoff(today=D(2026, 1, 10), months=13) == D(2024, 12, 10)
    assert retention_cutoff(today=D(2026, 1, 10), months=0) == D(2026, 1, 10)
