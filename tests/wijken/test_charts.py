"""sterkewijken.charts: server-rendered SVG charts for the pages and the PDF report."""

import re

import pytest

from sterkewijken.charts import bar_chart, grouped_bar_chart, line_chart, nice_max


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
