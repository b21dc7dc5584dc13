"""Results: the share that agrees per statement against hand counts, nothing shown
below 5 responses or while answers still come in, and open answers only for broker
and coordinator."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from metingen import selectors
from metingen.models import Duiding


def test_nothing_is_shown_below_five_responses(m, answer, close, client):
    for _ in range(4):
        answer([5, 5, 5], "Heel gezellig hier")
    close()
    result = selectors.results(m.vragenlijst)
    assert result["n"] == 4
    assert result["getoond"] is False
    assert all(s["aandeel"] is None and s["n"] is None for s in result["stellingen"])
    assert selectors.open_answers(m.vragenlijst) == []
    client.force_login(m.coord)
    body = client.get(m.vragenlijst.get_absolute_url()).content.decode()
    assert "100%" not in body
    assert "Heel gezellig hier" not in body
    assert 'data-testid="te-weinig"' in body
    export = client.get(reverse("metingen:resultaten_export", args=[m.vragenlijst.pk]))
    lines = b"".join(export.streaming_content).decode("utf-8-sig").splitlines()
    rows = [line.split(";") for line in lines[1:]]
    assert len(rows) == 3
    assert all(row[2:] == ["", ""] for row in rows)  # no n, no share below five


def test_from_five_responses_the_shares_match_hand_counts(m, answer, close):
    # Statement 1: 5,4,3,2,1,4 -> 3 of 6 agree = 50%.
    # Statement 2: 5,5,5,4,2,(skipped) -> 4 of 5 = 80%.
    # Statement 3: answered 4 times -> fewer than 5 answers: not shown.
    answers = [
        [5, 5, 4],
        [4, 5, None],
        [3, 5, 1],
        [2, 4, None],
        [1, 2, 5],
        [4, None, 5],
    ]
    for values in answers:
        answer(values)
    close()
    result = selectors.results(m.vragenlijst)
    assert result["n"] == 6 and result["getoond"]
    first, second, third = result["stellingen"]
    assert (first["n"], first["eens"], first["aandeel"]) == (6, 3, 50)
    assert first["verdeling"] == [1, 1, 1, 2, 1]
    assert (second["n"], second["eens"], second["aandeel"]) == (5, 4, 80)
    assert third["n"] is None and third["aandeel"] is None


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [(2, 3, 67), (1, 8, 13), (1, 3, 33), (82, 111, 74), (0, 5, 0), (1, 0, None)],
)
def test_share_rounds_half_up(part, whole, expected):
    assert selectors.share(part, whole) == expected


def test_open_answers_for_broker_and_coordinator_only_never_in_the_export(m, answer, close, client):
    for index in range(5):
        answer([4, 4, 4], f"Open antwoord nummer {index}")
    close()
    url = m.vragenlijst.get_absolute_url()
    for user in (m.mk_a, m.coord):
        client.force_login(user)
        assert "Open antwoord nummer 3" in client.get(url).content.decode()
    client.force_login(m.mk_b)
    assert client.get(url).status_code == 404
    client.force_login(m.coord)
    for fmt in ("csv", "xlsx"):
        response = client.get(
            reverse("metingen:resultaten_export", args=[m.vragenlijst.pk]), {"format": fmt}
        )
        assert response.status_code == 200
        content = b"".join(response.streaming_content)
        if fmt == "xlsx":
            import io

            from openpyxl import load_workbook

            sheet = load_workbook(io.BytesIO(content)).active
            text = " ".join(str(c.value) for row in sheet.iter_rows() for c in row)
        else:
            text = content.decode("utf-8-sig")
        assert "Door de huiskamer ken ik meer buren." in text
        assert "Open antwoord" not in text
    report = selectors.report_section(2023)
    assert "Open antwoord" not in json.dumps(report)


def test_report_section_per_measured_initiative(m, answer, close):
    for values in ([5, 4, 4], [4, 4, 2], [2, 3, 4], [5, 1, 4], [4, 5, 3]):
        answer(values)
    close()
    Duiding.objects.create(
        vragenlijst=m.vragenlijst,
        datum="2023-09-01",
        besproken_met="initiatiefnemers en gemeente",
        herkenning="Ja, dit zien we elke week.",
        acties="Een tweede ochtend erbij.",
    )
    data = selectors.report_section(2023)
    json.dumps(data)
    assert len(data) == 1
    row = data[0]
    assert row["initiatief"] == "Huiskamer De Hoven"
    assert row["n"] == 5
    # hand counts: 4 of 5 agree (80%), 3 of 5 (60%), 3 of 5 (60%)
    assert [s["aandeel"] for s in row["stellingen"]] == [80, 60, 60]
    assert row["duiding"]["datum"] == "01-09-2023"
    assert [v["antwoord"] for v in row["duiding"]["vragen"]] == [
        "Ja, dit zien we elke week.",
        "Een tweede ochtend erbij.",
    ]
    assert selectors.report_section(2022) == []
