"""The coordinator's dashboard, the gebied pages and the yearly report give the same
figures for the same year: they read the same selectors.

The data are chosen to expose a difference: activities on the edges of the
year and without resident counts, and initiatives whose status changed after
the year, that did not exist yet, that have no recorded change at all, or
changed on the last day of the year.
"""

import datetime

import pytest
import time_machine
from django.urls import reverse

from initiatieven.choices import InitiatiefStatus
from initiatieven.models import StatusWijziging
from rapportage.services import create_jaarrapportage
from tests.factories import ActiviteitFactory, InitiatiefFactory

pytestmark = pytest.mark.django_db

D = datetime.date
YEAR = 2023


def initiatief(wijk, naam, status, *changes):
    """An initiative with its current ``status`` and dated status changes."""
    record = InitiatiefFactory(wijk=wijk, naam=naam, status=status)
    for change_status, datum in changes:
        StatusWijziging.objects.create(initiatief=record, status=change_status, datum=datum)
    return record


@pytest.fixture
def record(wijk_a, wijk_a2, wijk_b, wijk_b2):
    activities = [
        (wijk_a, D(2023, 1, 1), 10, 2),  # first day of the year
        (wijk_a2, D(2023, 12, 31), 5, None),  # last day, no activated count
        (wijk_a, D(2023, 6, 1), None, None),  # no resident counts at all
        (wijk_a, D(2022, 12, 31), 999, 99),  # the day before: not in 2023
        (wijk_b, D(2023, 3, 3), 40, 4),
        (wijk_b2, D(2023, 3, 4), 7, 7),
        (wijk_b, D(2024, 1, 1), 888, 88),  # the day after: not in 2023
    ]
    for wijk, datum, bereikt, geactiveerd in activities:
        ActiviteitFactory(
            wijk=wijk, datum=datum, bewoners_bereikt=bereikt, bewoners_geactiveerd=geactiveerd
        )
    S = InitiatiefStatus
    # Active at the end of 2023, stopped in 2024: counts as active for 2023.
    initiatief(wijk_a, "Tuin", S.GESTOPT, (S.IDEE, D(2022, 5, 1)), (S.ACTIEF, D(2023, 4, 1)),
               (S.GESTOPT, D(2024, 2, 1)))  # fmt: skip
    # Did not exist yet at the end of 2023.
    initiatief(wijk_a, "Later", S.IDEE, (S.IDEE, D(2024, 3, 1)))
    # No recorded change: counts with its current status.
    initiatief(wijk_a2, "Uit het beheer", S.ZELFSTANDIG)
    # Changed on the last day of the year: that status counts.
    initiatief(wijk_b, "Buurtkamer", S.ZELFSTANDIG, (S.ACTIEF, D(2023, 1, 5)),
               (S.ZELFSTANDIG, D(2023, 12, 31)))  # fmt: skip
    initiatief(wijk_b2, "Moestuin", S.IN_VOORBEREIDING, (S.IDEE, D(2023, 8, 1)),
               (S.IN_VOORBEREIDING, D(2024, 1, 2)))  # fmt: skip
    return create_jaarrapportage(jaar=YEAR, titel="Jaarrapportage 2023")


def statuses(rows) -> dict[str, int]:
    return {row["status"]: row["aantal"] for row in rows}


# Counted by hand from the record above.
EXPECTED = {
    "Waterkwartier": {
        "activiteiten": 3,
        "bereikt": 15,
        "geactiveerd": 2,
        "status": {"actief": 1, "zelfstandig": 1},
    },
    "Zuidwijken – Warnsveld – Leesten": {
        "activiteiten": 2,
        "bereikt": 47,
        "geactiveerd": 11,
        "status": {"zelfstandig": 1, "idee": 1},
    },
}


@time_machine.travel(datetime.datetime(2025, 6, 1, 12, 0), tick=False)
def test_dashboard_gebied_pages_and_report_agree(
    client_for, coordinator, gebied_a, gebied_b, record
):
    client = client_for(coordinator)
    zero = {status: 0 for status in InitiatiefStatus.values}

    dashboard = client.get(reverse("pages:home"), {"jaar": YEAR}).context
    report = client.get(record.get_absolute_url()).context["figures"]
    assert report["jaar"] == YEAR

    for gebied in (gebied_a, gebied_b):
        expected = EXPECTED[gebied.naam]
        wanted = {
            "activiteiten": expected["activiteiten"],
            "bereikt": expected["bereikt"],
            "geactiveerd": expected["geactiveerd"],
            "status": {**zero, **expected["status"]},
        }

        row = next(
            r for r in dashboard["activiteiten"]["per_gebied"] if r["gebied_id"] == gebied.pk
        )
        ini = next(
            r for r in dashboard["initiatieven"]["per_gebied"] if r["gebied_id"] == gebied.pk
        )
        on_dashboard = {
            "activiteiten": row["activiteiten"],
            "bereikt": row["bereikt"],
            "geactiveerd": row["geactiveerd"],
            "status": statuses(ini["per_status"]),
        }

        page = client.get(reverse("pages:gebied_detail", args=[gebied.pk]), {"jaar": YEAR})
        totals = page.context["totals"]
        on_gebied_page = {
            "activiteiten": totals["aantal"],
            "bereikt": totals["bereikt"],
            "geactiveerd": totals["geactiveerd"],
            "status": statuses(page.context["initiatieven_per_status"]),
        }

        row = next(r for r in report["activiteiten"]["per_gebied"] if r["gebied_id"] == gebied.pk)
        ini = next(r for r in report["initiatieven"]["per_gebied"] if r["gebied_id"] == gebied.pk)
        in_report = {
            "activiteiten": row["activiteiten"],
            "bereikt": row["bereikt"],
            "geactiveerd": row["geactiveerd"],
            "status": statuses(ini["per_status"]),
        }

        assert on_dashboard == on_gebied_page == in_report == wanted, gebied.naam

    # The report's totals are the sum over the gebieden, for the same figures.
    assert statuses(report["initiatieven"]["per_status"]) == {
        **zero,
        "actief": 1,
        "zelfstandig": 2,
        "idee": 1,
    }
    assert report["activiteiten"]["activiteiten"] == 5


@time_machine.travel(datetime.datetime(2025, 6, 1, 12, 0), tick=False)
def test_the_dashboard_shows_the_same_numbers_it_holds(client_for, coordinator, gebied_a, record):
    """The numbers above are also what the coordinator reads on the page."""
    html = client_for(coordinator).get(reverse("pages:home"), {"jaar": YEAR}).content.decode()
    row = html[html.index(f'data-gebied="{gebied_a.pk}"') :]
    assert '<td class="text-end" data-figure="activiteiten">3</td>' in row
    assert '<td class="text-end" data-figure="bereikt">15</td>' in row
    status_table = html[html.index('data-testid="initiatieven-per-gebied"') :]
    status_row = status_table[status_table.index(f'data-gebied="{gebied_a.pk}"') :]
    assert '<td class="text-end" data-status="actief">1</td>' in status_row
