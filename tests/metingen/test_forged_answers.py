"""Results from 5 answers are results from 5 residents: whoever has only the link
cannot add answers that make one resident's answers stand out, and no result can be
compared before and after one answer.

The scenario: one resident answers with the code from their slip; then someone with
the link (a broker, say) sends four answers of their own from fresh browsers.
"""

from __future__ import annotations

import io
import json

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from metingen import selectors
from metingen.models import Antwoordcode, Inzending
from metingen.services import issue_codes

REAL_OPEN_ANSWER = "Sinds mijn man overleed is dit de enige plek waar ik kom"


def public_url(m):
    return reverse("metingen_public:invullen", args=[m.vragenlijst.token])


def form(m, values, open_antwoord="", code=""):
    data = {f"s{s.pk}": str(v) for s, v in zip(m.stellingen, values, strict=True)}
    return {**data, "open_antwoord": open_antwoord, "website": "", "code": code}


def export_rows(client, m, fmt) -> list[list[str]]:
    """The export's rows below its header, each cell as text ("" when empty)."""
    url = reverse("metingen:resultaten_export", args=[m.vragenlijst.pk])
    content = b"".join(client.get(url, {"format": fmt}).streaming_content)
    if fmt == "xlsx":
        sheet = load_workbook(io.BytesIO(content)).active
        rows = [["" if c.value is None else str(c.value) for c in row] for row in sheet.iter_rows()]
    else:
        rows = [line.split(";") for line in content.decode("utf-8-sig").splitlines()]
    return rows[1:]


def close_as(client, m):
    response = client.post(
        reverse("metingen:vragenlijst_open", args=[m.vragenlijst.pk]), {"open": "0"}
    )
    assert response.status_code == 302
    m.vragenlijst.refresh_from_db()


def assert_nothing_revealed(client, m):
    result = selectors.results(m.vragenlijst)
    assert result["getoond"] is False
    assert all(
        s["aandeel"] is None and s["n"] is None and s["verdeling"] is None
        for s in result["stellingen"]
    )
    assert selectors.open_answers(m.vragenlijst) == []
    page = client.get(m.vragenlijst.get_absolute_url()).content.decode()
    assert REAL_OPEN_ANSWER not in page
    assert "%</td>" not in page and 'data-testid="resultaten"' not in page
    duiding = client.get(reverse("metingen:duiding", args=[m.vragenlijst.pk])).content.decode()
    assert 'data-testid="resultaten"' not in duiding
    for fmt in ("csv", "xlsx"):
        rows = export_rows(client, m, fmt)
        assert len(rows) == len(m.stellingen)
        assert all(row[2:] == ["", ""] for row in rows), rows  # no n, no share
        assert REAL_OPEN_ANSWER not in str(rows)
    report = json.dumps(selectors.report_section(m.vragenlijst.startdatum.year))
    assert REAL_OPEN_ANSWER not in report
    assert all(
        s["aandeel"] is None
        for row in selectors.report_section(m.vragenlijst.startdatum.year)
        for s in row["stellingen"]
    )


def test_one_real_and_four_forged_answers_reveal_nothing(m, client):
    (real_code, *_rest) = issue_codes(vragenlijst=m.vragenlijst, aantal=10)
    resident = Client(REMOTE_ADDR="203.0.113.5")
    assert (
        resident.post(public_url(m), form(m, (5, 5, 1), REAL_OPEN_ANSWER, real_code)).status_code
        == 302
    )
    # Four answers from four fresh browsers (no cookie): without a code, with a made-up
    # one, with the resident's used one and with a code typed from another questionnaire.
    forged_codes = ["", "ABCD EFGH", real_code, real_code.lower()]
    for index, code in enumerate(forged_codes):
        forger = Client(REMOTE_ADDR=f"198.51.100.{index + 1}")
        response = forger.post(public_url(m), form(m, (1, 1, 5), "Niets bijzonders", code))
        assert response.status_code == 200  # the form again, with the code refused
        assert "antwoordcode" in response.content.decode().lower()
    assert Inzending.objects.count() == 1

    client.force_login(m.mk_a)
    assert_nothing_revealed(client, m)  # while open
    close_as(client, m)
    assert_nothing_revealed(client, m)  # and once closed


def test_codes_of_another_questionnaire_do_not_count(m, client):
    from tests.factories import StellingFactory, VragenlijstFactory

    other = VragenlijstFactory(initiatief=m.initiatief, titel="Een andere vragenlijst")
    StellingFactory(vragenlijst=other, tekst="Iets anders.")
    foreign = issue_codes(vragenlijst=other, aantal=4)
    for code in foreign:
        response = Client().post(public_url(m), form(m, (1, 1, 1), "", code))
        assert response.status_code == 200
    assert not Inzending.objects.exists()
    assert Antwoordcode.objects.filter(vragenlijst=other).count() == 4  # none used up


def test_results_wait_until_closed_and_then_it_stays_closed(m, answer, client):
    for index in range(5):
        answer([4, 4, 2], f"Antwoord {index}")
    client.force_login(m.mk_a)
    page = client.get(m.vragenlijst.get_absolute_url()).content.decode()
    # Five real answers, but still open: a sixth could be read off by comparison.
    assert selectors.results(m.vragenlijst)["getoond"] is False
    assert "Antwoord 3" not in page and 'data-testid="resultaten"' not in page
    assert "gesloten" in page  # the page says why
    close_as(client, m)
    page = client.get(m.vragenlijst.get_absolute_url()).content.decode()
    assert 'data-testid="resultaten"' in page and "Antwoord 3" in page
    assert "Open the link again" not in page and "Link weer openen" not in page
    # Opening it again is refused, with the reason.
    response = client.post(
        reverse("metingen:vragenlijst_open", args=[m.vragenlijst.pk]), {"open": "1"}, follow=True
    )
    m.vragenlijst.refresh_from_db()
    assert m.vragenlijst.is_open is False
    assert "blijft gesloten" in response.content.decode()


def test_closed_early_with_too_few_answers_may_open_again(m, answer, close, client):
    for _ in range(2):
        answer([4, 4, 4])
    close()
    client.force_login(m.mk_a)
    client.post(reverse("metingen:vragenlijst_open", args=[m.vragenlijst.pk]), {"open": "1"})
    m.vragenlijst.refresh_from_db()
    assert m.vragenlijst.is_open


def test_a_statement_few_answered_shows_no_share_nor_in_the_export(m, answer, close, client):
    for index in range(5):
        answer([4, 2, 5 if index == 0 else None])
    close()
    third = selectors.results(m.vragenlijst)["stellingen"][2]
    assert third["n"] is None and third["aandeel"] is None and third["verdeling"] is None
    client.force_login(m.coord)
    for fmt in ("csv", "xlsx"):
        rows = export_rows(client, m, fmt)
        assert rows[0][2:] == ["5", "100"] and rows[2][2:] == ["", ""]


def test_a_code_works_once_and_is_forgotten_when_used(m):
    codes = issue_codes(vragenlijst=m.vragenlijst, aantal=2)
    stored = set(Antwoordcode.objects.values_list("sleutel", flat=True))
    assert len(stored) == 2 and not stored & set(codes)  # only hashes are kept
    assert Client().post(public_url(m), form(m, (5, 4, 3), "", codes[0])).status_code == 302
    again = Client().post(public_url(m), form(m, (5, 4, 3), "", codes[0]))
    assert again.status_code == 200
    assert "al gebruikt" in again.content.decode()
    assert Inzending.objects.count() == 1
    # The used code is gone; nothing in the answer points to a code.
    assert Antwoordcode.objects.count() == 1
    assert {f.name for f in Inzending._meta.concrete_fields} == {
        "id",
        "vragenlijst",
        "datum",
        "open_antwoord",
    }


def test_a_broker_prints_slips_shown_once_and_not_stored(m, client):
    client.force_login(m.mk_a)
    url = reverse("metingen:antwoordcodes", args=[m.vragenlijst.pk])
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, {"aantal": "3"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    shown = [line.split(">")[1].split("<")[0] for line in body.split('data-testid="code"')[1:]]
    assert len(shown) == 3
    m.vragenlijst.refresh_from_db()
    assert m.vragenlijst.codes_uitgegeven == 3
    assert Antwoordcode.objects.count() == 3
    # A shown code works on the public form, typed as printed (with its space).
    assert Client().post(public_url(m), form(m, (5, 4, 3), "", shown[0])).status_code == 302


@pytest.mark.parametrize("user", ["mk_b", "bs"])
def test_only_who_may_edit_the_questionnaire_prints_slips(m, client, user):
    client.force_login(getattr(m, user))
    response = client.post(
        reverse("metingen:antwoordcodes", args=[m.vragenlijst.pk]), {"aantal": "3"}
    )
    assert response.status_code in (403, 404)
    assert not Antwoordcode.objects.exists()


def test_no_slips_for_a_closed_questionnaire(m, close, client):
    close()
    client.force_login(m.mk_a)
    response = client.post(
        reverse("metingen:antwoordcodes", args=[m.vragenlijst.pk]), {"aantal": "3"}
    )
    assert response.status_code == 302
    assert not Antwoordcode.objects.exists()


def test_results_pages_and_export_are_not_stored_by_the_browser(m, answer, close, client):
    for _ in range(5):
        answer([4, 4, 4], "Gezellig")
    close()
    client.force_login(m.coord)
    for url in (
        m.vragenlijst.get_absolute_url(),
        reverse("metingen:duiding", args=[m.vragenlijst.pk]),
        reverse("metingen:resultaten_export", args=[m.vragenlijst.pk]),
    ):
        assert "no-store" in client.get(url)["Cache-Control"], url
