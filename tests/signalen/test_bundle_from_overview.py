"""Bundling a recurring cell of the overview: the form holds exactly that cell's
signals, and a cell that is bundled already links to its question instead."""

from __future__ import annotations

import datetime
import re

from django.urls import reverse

from signalen.choices import Bron
from signalen.models import CollectiefVraagstuk
from tests.factories import SignaalFactory

D = datetime.date


def recurring_cell(w):
    """Geldzorgen in wijk A, first quarter of 2023: 3 signals from 2 sources."""
    return [
        SignaalFactory(
            datum=D(2023, 2, day),
            wijk=w.wijk_a,
            bron=bron,
            themas=[w.geld],
            omschrijving=f"Geldzorgen februari {day}",
        )
        for day, bron in ((3, Bron.INWONER), (10, Bron.BUURTTEAM), (17, Bron.INWONER))
    ]


def checked_ids(html: str) -> set[int]:
    return {
        int(value)
        for value in re.findall(r'<input[^>]*name="signalen"[^>]*value="(\d+)"[^>]*checked', html)
    }


def offered_ids(html: str) -> set[int]:
    return {int(value) for value in re.findall(r'name="signalen"[^>]*value="(\d+)"', html)}


def bundle_url(w) -> str:
    return (
        f"{reverse('signalen:vraagstuk_create')}?wijk={w.wijk_a.pk}&thema={w.geld.pk}"
        "&jaar=2023&kwartaal=1"
    )


def test_the_form_holds_exactly_the_cells_signals_ticked(w, client):
    cell = recurring_cell(w)
    # Unrelated signals of the same gebied: recent ones, another theme, another quarter.
    recent = SignaalFactory(
        datum=datetime.date.today() - datetime.timedelta(days=3), wijk=w.wijk_a, themas=[w.geld]
    )
    other_theme = SignaalFactory(datum=D(2023, 2, 4), wijk=w.wijk_a, themas=[w.groen])
    other_quarter = SignaalFactory(datum=D(2023, 5, 4), wijk=w.wijk_a, themas=[w.geld])
    client.force_login(w.mk_a)
    html = client.get(bundle_url(w)).content.decode()
    assert checked_ids(html) == {s.pk for s in cell}
    assert offered_ids(html) == {s.pk for s in cell}
    for unrelated in (recent, other_theme, other_quarter):
        assert unrelated.omschrijving not in html
    assert 'value="Geldzorgen in Waterkwartier"' in html
    assert re.search(rf'<option value="{w.gebied_a.pk}"[^>]*selected', html)

    response = client.post(
        bundle_url(w),
        {
            "titel": "Geldzorgen in Waterkwartier",
            "gebied": w.gebied_a.pk,
            "gestart_op": datetime.date.today().isoformat(),
            "omschrijving": "",
            "themas": [w.geld.pk],
            "signalen": [s.pk for s in cell],
        },
    )
    assert response.status_code == 302
    vraagstuk = CollectiefVraagstuk.objects.get()
    assert set(vraagstuk.signalen.all()) == set(cell)


def test_a_bundled_cell_links_to_its_question_and_offers_no_bundling(w, client):
    cell = recurring_cell(w)
    vraagstuk = CollectiefVraagstuk.objects.create(
        titel="Samen rondkomen", gebied=w.gebied_a, gestart_op=D(2023, 3, 1)
    )
    for signaal in cell[:2]:
        signaal.vraagstuk = vraagstuk
        signaal.save()
    client.force_login(w.mk_a)
    html = client.get(reverse("signalen:overzicht"), {"jaar": 2023}).content.decode()
    assert html.count('data-testid="terugkerend"') == 1
    assert 'data-testid="bundelen"' not in html
    assert f'href="{vraagstuk.get_absolute_url()}" data-testid="in-vraagstuk"' in html


def test_an_unbundled_cell_offers_bundling(w, client):
    recurring_cell(w)
    client.force_login(w.mk_a)
    html = client.get(reverse("signalen:overzicht"), {"jaar": 2023}).content.decode()
    assert 'data-testid="bundelen"' in html
    assert 'data-testid="in-vraagstuk"' not in html
