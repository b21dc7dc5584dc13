"""core.charts: server-rendered SVG charts for the pages and the PDF report."""

import re

import pytest

from core.charts import bar_chart, grouped_bar_chart, line_chart, nice_max


def bars(svg: str) -> list[dict]:
    return [
        {k: float(v) for k, v in re.findall(r'(x|y|width|height)="([\d.]+)"', rect)}
        for rect in re.findall(r'<rect class="sw-bar"([^>]*)>', svg)
    ]


def test_bar_heights_are_proportional_to_values():
    svg = bar_chart(["jan", "feb", "mrt", "apr"], [2, 4, 0, 8], title="Activiteiten")
    heights = [bar["height"] for bar in bars(svg)]
    assert len(heights) == 4
    assert heights[2] == 0
    assert heights[1] == pytest.approx(2 * heights[0])
    assert heights[3] == pytest.approx(4 * heights[0])
    # All bars stand on the same baseline.
    baselines = {round(bar["y"] + bar["height"], 2) for bar in bars(svg)}
    assert len(baselines) == 1


def test_highest_bar_fills_the_axis_when_the_maximum_is_round():
    tall = bars(bar_chart(["a", "b"], [8, 4], title="t"))
    assert tall[0]["height"] == pytest.approx(2 * tall[1]["height"])
    full = tall[0]["height"]
    assert bars(bar_chart(["a"], [80], title="t"))[0]["height"] == pytest.approx(full)


def test_svg_is_accessible_and_self_contained():
    svg = str(bar_chart(["jan"], [3], title="Activiteiten per maand", unit="keer"))
    assert svg.startswith("<svg ")
    assert 'role="img"' in svg and 'width="100%"' in svg and 'viewBox="0 0 ' in svg
    title_id = re.search(r'<title id="([^"]+)">Activiteiten per maand</title>', svg).group(1)
    assert title_id in re.search(r'aria-labelledby="([^"]+)"', svg).group(1)
    assert "<desc" in svg and "jan: 3 keer" in svg
    assert "<script" not in svg and "href" not in svg and "url(" not in svg


def test_labels_and_titles_are_escaped():
    evil = '<script>alert("x")</script>'
    for svg in (
        bar_chart([evil], [1], title=evil, unit=evil),
        grouped_bar_chart([evil], {evil: [1]}, title=evil),
        line_chart([evil], {evil: [1]}, title=evil),
    ):
        assert "<script>" not in svg
        assert "&lt;script&gt;" in svg


def test_grouped_bars_have_one_bar_per_series_and_label_and_a_legend():
    svg = grouped_bar_chart(
        ["2022", "2023"], {"Bereikt": [10, 20], "Geactiveerd": [5, 0]}, title="Bewoners"
    )
    heights = [bar["height"] for bar in bars(svg)]
    assert len(heights) == 4
    assert heights[0] == pytest.approx(2 * heights[2])  # 10 vs 5
    assert heights[1] == pytest.approx(2 * heights[0])  # 20 vs 10
    assert heights[3] == 0
    assert ">Bereikt</text>" in svg and ">Geactiveerd</text>" in svg


def test_line_chart_points_follow_the_values():
    svg = line_chart(["a", "b", "c"], {"2023": [0, 5, 10]}, title="Lijn")
    points = re.search(r'points="([^"]+)"', svg).group(1).split()
    ys = [float(p.split(",")[1]) for p in points]
    assert ys[0] > ys[1] > ys[2]
    assert ys[0] - ys[1] == pytest.approx(ys[1] - ys[2])


def test_empty_negative_and_missing_values_do_not_break():
    assert bars(bar_chart([], [], title="Leeg")) == []
    heights = [bar["height"] for bar in bars(bar_chart(["a", "b"], [None, -5], title="t"))]
    assert heights == [0, 0]
    with pytest.raises(ValueError):
        bar_chart(["a", "b"], [1], title="t")


def test_axis_maximum_is_round_and_integer_for_counts():
    assert nice_max(0) == 4
    assert nice_max(5, integer=True) == 8
    assert nice_max(12) == 20
    assert nice_max(100) == 100
    assert nice_max(101) == 200
    assert nice_max(1, integer=True) == 4


def test_long_labels_wrap_within_their_slot():
    from core.charts import CHAR_WIDTH, MARGIN_LEFT, MARGIN_RIGHT, WIDTH

    labels = [
        "Centrum – De Hoven – Noordveen – Noorderhaven",
        "Waterkwartier",
        "Zuidwijken – Warnsveld – Leesten",
    ]
    svg = str(bar_chart(labels, [607, 106, 745], title="Bereikte inwoners per gebied"))
    slot = (WIDTH - MARGIN_LEFT - MARGIN_RIGHT) / len(labels)
    texts = re.findall(r'text-anchor="middle" fill="#495057">([^<]*)</text>', svg)
    assert "Waterkwartier" in texts
    assert len(texts) > len(labels)  # the long names took more than one line
    assert all(len(text) * CHAR_WIDTH <= slot for text in texts)


def test_legend_wraps_to_a_new_row_instead_of_running_off_the_chart():
    from core.charts import CHAR_WIDTH, MARGIN_RIGHT, WIDTH

    names = [
        "Centrum – De Hoven – Noordveen – Noorderhaven",
        "Waterkwartier",
        "Zuidwijken – Warnsveld – Leesten",
    ]
    svg = str(grouped_bar_chart(["jan", "feb"], {n: [1, 2] for n in names}, title="Per maand"))
    entries = re.findall(r'<text x="([\d.]+)" y="([\d.]+)" fill="#212529">([^<]*)</text>', svg)
    legend = {name: (float(x), float(y)) for x, y, name in entries if name in names}
    assert len(legend) == 3
    for name, (x, _y) in legend.items():
        assert x + CHAR_WIDTH * len(name) <= WIDTH - MARGIN_RIGHT + 1
    assert len({y for _x, y in legend.values()}) > 1  # more than one row
    height = float(re.search(r'viewBox="0 0 \d+ ([\d.]+)"', svg).group(1))
    assert max(y for _x, y in legend.values()) < height
