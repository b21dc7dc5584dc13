"""The coordinator's start page: this year against last year per gebied, the
Buurtservice figures and the state of this year's report, against hand counts."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from buurtservice.choices import KlusStatus
from tests.factories import ActiviteitFactory, InzetFactory, JaarrapportageFactory, KlusFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2024, 5, 15, 10, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def record(wijk_a, wijk_b):
    ActiviteitFactory(wijk=wijk_a, datum=D(2024, 3, 1), bewoners_bereikt=5)
    ActiviteitFactory(wijk=wijk_a, datum=D(2024, 5, 20), bewoners_bereikt=50)  # ahead: not yet
    ActiviteitFactory(wijk=wijk_a, datum=D(2023, 4, 1), bewoners_bereikt=7)
    ActiviteitFactory(wijk=wijk_a, datum=D(2023, 6, 1), bewoners_bereikt=70)  # after 15 May
    ActiviteitFactory(wijk=wijk_b, datum=D(2023, 1, 9), bewoners_geactiveerd=2)
    done = KlusFactory(
        aanvraagdatum=D(2024, 2, 1), status=KlusStatus.UITGEVOERD, uitgevoerd_op=D(2024, 3, 1)
    )
    InzetFactory(klus=done, uren=Decimal("3.5"))
    KlusFactory(aanvraagdatum=D(2024, 4, 1), status=KlusStatus.WACHTLIJST)  # 44 days open


def test_this_year_beside_last_year_per_gebied(record, client_for, coordinator, gebied_a, gebied_b):
    response = client_for(coordinator).get(reverse("pages:home"))
    figures = response.context["activiteiten"]
    assert response.context["year"] == 2024 and figures["vorig_jaar"] == 2023
    rows = {row["gebied_id"]: row for row in figures["per_gebied"]}
    a, b = rows[gebied_a.pk], rows[gebied_b.pk]
    assert (a["activiteiten"], a["bereikt"]) == (1, 5)
    assert (a["vorig"]["activiteiten"], a["vorig"]["bereikt"]) == (1, 7)
    assert (b["activiteiten"], b["vorig"]["activiteiten"], b["vorig"]["geactiveerd"]) == (0, 1, 2)
    assert (figures["activiteiten"], figures["vorig"]["activiteiten"]) == (1, 2)
    html = response.content.decode()
    assert f'data-gebied-vorig="{gebied_a.pk}"' in html
    assert "tot en met 15 mei" in html


def test_buurtservice_figures_and_report_state(record, client_for, coordinator):
    client = client_for(coordinator)
    response = client.get(reverse("pages:home"))
    bs = response.context["buurtservice"]
    assert (bs["jobs_requested"], bs["jobs_done"], bs["hours_worked"]) == (2, 1, Decimal("3.5"))
    assert (bs["waiting_end"], bs["median_wait_days_end"]) == (1, 44)
    html = response.content.decode()
    assert 'data-testid="buurtservice-kort"' in html
    assert "Nog geen rapportage voor 2024" in html

    JaarrapportageFactory(jaar=2024)
    html = client.get(reverse("pages:home")).content.decode()
    state = html[html.index('data-testid="rapportage-status"') :][:80]
    assert "Concept" in state


def test_a_past_year_compares_whole_years(record, client_for, coordinator, gebied_a):
    response = client_for(coordinator).get(reverse("pages:home"), {"jaar": "2023"})
    rows = {row["gebied_id"]: row for row in response.context["activiteiten"]["per_gebied"]}
    assert (rows[gebied_a.pk]["activiteiten"], rows[gebied_a.pk]["bereikt"]) == (2, 77)
    assert rows[gebied_a.pk]["vorig"]["activiteiten"] == 0


def test_the_reports_data_quality_warnings_from_its_check_page(
    record, client_for, coordinator, wijk_a
):
    """The home page lists what the report's check page finds (the same selector)."""
    ActiviteitFactory(wijk=wijk_a, datum=D(2024, 4, 2))  # no figures at all
    client = client_for(coordinator)
    home = client.get(reverse("pages:home"))
    assert home.context["controles"], "a warning even before the report exists"

    rapportage = JaarrapportageFactory(jaar=2024)
    home = client.get(reverse("pages:home"))
    check_page = client.get(reverse("rapportage:jaarrapportage_check", args=[rapportage.pk]))
    expected = {c["key"]: c["total"] for c in check_page.context["checks"] if not c["ok"]}
    assert expected.get("zonder_cijfers") == 1
    assert {c["key"]: c["total"] for c in home.context["controles"]} == expected
    html = home.content.decode()
    warnings = html[html.index('data-testid="controles"') :]
    assert "Activiteiten zonder cijfers" in warnings
    assert f"/rapportage/{rapportage.pk}/controle/#controle-zonder_cijfers" in warnings
