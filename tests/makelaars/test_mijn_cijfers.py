"""A broker's own figures this month, quarter and year beside the same days a year
earlier, against a hand count over two years."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from core.periods import a_year_earlier, periods_to_date
from tests.factories import ActiviteitFactory, InitiatiefFactory, MedewerkerFactory

D = datetime.date
URL = reverse("makelaars:mijn_cijfers")


@pytest.fixture
def frozen():
    with time_machine.travel(datetime.datetime(2024, 5, 15, 10, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def record(makelaar, collega, wijk_a):
    """Hand count for 15 May 2024 (marks: m month, q quarter, y year; ' a year earlier)."""
    eigen = makelaar.medewerker
    ander = MedewerkerFactory(naam="Andere collega")
    i1, i2 = InitiatiefFactory(wijk=wijk_a), InitiatiefFactory(wijk=wijk_a)

    def act(datum, door, *, met=(), **fields):
        activiteit = ActiviteitFactory(datum=datum, wijk=wijk_a, aangemaakt_door=door, **fields)
        activiteit.medewerkers.set(met)
        return activiteit

    # 2024
    act(
        D(2024, 5, 3),
        makelaar,
        met=[eigen],
        bewoners_bereikt=10,
        bewoners_geactiveerd=2,
        is_voorbeeld=True,
        initiatief=i1,
    )  # m q y
    act(
        D(2024, 5, 15), collega, met=[eigen], bewoners_bereikt=5, initiatief=i1
    )  # m q y (took part)
    act(
        D(2024, 4, 20),
        makelaar,
        met=[eigen, ander],
        bewoners_bereikt=30,
        bewoners_geactiveerd=6,
        initiatief=i2,
    )  # q y, counted once despite two staff
    act(D(2024, 2, 10), makelaar, bewoners_bereikt=7, is_voorbeeld=True)  # y
    act(D(2024, 5, 16), makelaar, bewoners_bereikt=100)  # tomorrow: not yet
    act(D(2024, 5, 5), collega, met=[ander], bewoners_bereikt=50)  # not the broker's own
    # 2023
    act(D(2023, 5, 15), makelaar, bewoners_bereikt=8, bewoners_geactiveerd=1)  # m' q' y'
    act(D(2023, 5, 16), makelaar, bewoners_bereikt=20)  # after the same day a year earlier
    act(D(2023, 1, 1), makelaar, bewoners_bereikt=4, is_voorbeeld=True, initiatief=i2)  # y'
    act(D(2022, 12, 31), makelaar, bewoners_bereikt=3)  # before


EXPECTED = {
    #          activities, reached, activated, examples, initiatives: now / a year earlier
    "month": ((2, 15, 2, 1, 1), (1, 8, 1, 0, 0)),
    "quarter": ((3, 45, 8, 1, 2), (1, 8, 1, 0, 0)),
    "year": ((4, 52, 8, 2, 2), (2, 12, 1, 1, 1)),
}
KEYS = ("aantal", "bereikt", "geactiveerd", "voorbeelden", "initiatieven")


@pytest.mark.django_db
def test_my_figures_match_the_hand_count(frozen, record, client, makelaar):
    client.force_login(makelaar)
    response = client.get(URL)
    assert response.status_code == 200
    periods = {p["key"]: p for p in response.context["periods"]}
    assert set(periods) == set(EXPECTED)
    for key, (now, before) in EXPECTED.items():
        rows = {row["key"]: row for row in periods[key]["rows"]}
        assert tuple(rows[k]["now"] for k in KEYS) == now, key
        assert tuple(rows[k]["before"] for k in KEYS) == before, key
    html = response.content.decode()
    assert "Dit kwartaal" in html and "Bereikte inwoners" in html
    assert 'data-testid="quarter-bereikt"' in html


@pytest.mark.django_db
def test_another_broker_sees_only_their_own(frozen, record, client, makelaar_b):
    client.force_login(makelaar_b)
    periods = client.get(URL).context["periods"]
    assert all(row["now"] == row["before"] == 0 for p in periods for row in p["rows"])


def test_the_periods_run_up_to_today_beside_the_same_days_a_year_earlier():
    month, quarter, year = periods_to_date(D(2024, 2, 29))
    assert (month["start"], month["end"]) == (D(2024, 2, 1), D(2024, 2, 29))
    assert (month["previous_start"], month["previous_end"]) == (D(2023, 2, 1), D(2023, 2, 28))
    assert quarter["start"] == D(2024, 1, 1) == year["start"]
    assert periods_to_date(D(2024, 11, 3))[1]["start"] == D(2024, 10, 1)
    assert a_year_earlier(D(2024, 12, 31)) == D(2023, 12, 31)


@pytest.mark.django_db
def test_my_figures_need_the_right_to_record(client, buurtservice_user):
    client.force_login(buurtservice_user)
    assert client.get(URL).status_code == 403
