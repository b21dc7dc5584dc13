"""A broker sees no figures of another gebied: the pages say so instead of showing 0."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from tests.factories import ActiviteitFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def activiteiten(wijk_a, wijk_b):
    for day in range(1, 6):
        ActiviteitFactory(wijk=wijk_b, datum=D(2023, 3, day), bewoners_bereikt=10)
    ActiviteitFactory(wijk=wijk_a, datum=D(2023, 4, 1), bewoners_bereikt=7)


def rows_of(response, gebied):
    [row] = [row for row in response.context["gebieden"] if row["gebied"] == gebied]
    return {item["wijk"].naam: item for item in row["wijken"]}


def test_the_wijk_list_says_not_your_area_for_other_gebieden(
    client_for, makelaar, activiteiten, gebied_a, gebied_b
):
    response = client_for(makelaar).get(reverse("pages:wijk_list"), {"jaar": 2023})
    html = response.content.decode()
    table_b = html.split(f'data-testid="wijken-{gebied_b.pk}"')[1].split("</table>")[0]
    assert "niet jouw gebied" in table_b
    assert '<td class="text-end">0</td>' not in table_b
    table_a = html.split(f'data-testid="wijken-{gebied_a.pk}"')[1].split("</table>")[0]
    assert "niet jouw gebied" not in table_a
    assert '<td class="text-end">7</td>' in table_a


def test_the_coordinator_sees_every_figure(client_for, coordinator, activiteiten, gebied_b):
    response = client_for(coordinator).get(reverse("pages:wijk_list"), {"jaar": 2023})
    assert "niet jouw gebied" not in response.content.decode()
    assert rows_of(response, gebied_b)["Zuidwijken"]["aantal"] == 5


@pytest.mark.parametrize("page", ["pages:wijk_detail", "pages:gebied_detail"])
def test_the_pages_of_another_gebied_show_no_zero_figures(
    client_for, makelaar, activiteiten, wijk_b, page
):
    pk = wijk_b.pk if page == "pages:wijk_detail" else wijk_b.gebied_id
    response = client_for(makelaar).get(reverse(page, args=[pk]), {"jaar": 2023})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="niet-eigen"' in html
    assert "Niet jouw gebied" in html
    for block in ("area-aantal", "chart-per-maand", "initiatieven-per-status", "per-wijk"):
        assert f'data-testid="{block}"' not in html, block


@pytest.mark.parametrize("page", ["pages:wijk_detail", "pages:gebied_detail"])
def test_the_pages_of_the_own_gebied_show_their_figures(
    client_for, makelaar, activiteiten, wijk_a, page
):
    pk = wijk_a.pk if page == "pages:wijk_detail" else wijk_a.gebied_id
    response = client_for(makelaar).get(reverse(page, args=[pk]), {"jaar": 2023})
    html = response.content.decode()
    assert 'data-testid="niet-eigen"' not in html
    assert response.context["totals"]["aantal"] == 1
