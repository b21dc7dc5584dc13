"""Small, dependency-free, server-rendered SVG charts.

Used by the web pages (inline ``<svg>``) and by the yearly PDF report
(WeasyPrint renders inline SVG). Every chart is an accessible
``<svg role="img">`` with a ``<title>`` and a ``<desc>`` listing the values,
has a fixed ``viewBox`` and ``width="100%"``, escapes every label and needs no
JavaScript, fonts or other external resources.

    bar_chart(["jan", "feb"], [3, 5], title="Activiteiten per maand")
    grouped_bar_chart(["2022", "2023"], {"Bereikt": [10, 12], "Actief": [2, 3]}, title="…")
    line_chart(["jan", "feb"], {"2023": [3, 5]}, title="…")
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# The viewBox width of a chart in the PDF report (a full A4 column).
WIDTH = 560
# The viewBox width of a chart on a page: narrow, so that on a 360 px phone (about
# 336 px of chart) 13-unit text renders at 11.5 px or more. Pages cap the chart's
# width in CSS (.sw-chart), so the text does not grow without limit on a desktop.
SCREEN_WIDTH = 380
HEIGHT = 300
MARGIN_LEFT = 48
MARGIN_RIGHT = 12
MARGIN_TOP = 36
MARGIN_BOTTOM = 44
LEGEND_HEIGHT = 22
FONT = "font-family=\"'Source Sans 3', 'DejaVu Sans', sans-serif\""
# Colour-blind safe palette (Okabe–Ito), darkest first.
PALETTE = ["#1f5f8b", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#0072b2", "#999999"]


def _fmt(value: float) -> str:
    """A number as shown in labels: no trailing ``.0``, Dutch decimal comma."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}".replace(".", ",")


def _num(value: float) -> str:
    """A coordinate for the SVG source (always a dot, two decimals at most)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


TICKS = 4


def nice_step(value: float) -> float:
    """The smallest 'round' grid step (1, 2, 2.5, 5 × 10ⁿ) that is ≥ ``value``.

    2.5 is only used from 25 upwards, so integer counts get integer grid lines.
    """
    if value <= 0:
        return 1
    exponent = math.floor(math.log10(value))
    steps = (1, 2, 2.5, 5, 10) if exponent >= 1 else (1, 2, 5, 10)
    for step in steps:
        candidate = step * 10**exponent
        if candidate >= value:
            return candidate
    return 10 ** (exponent + 1)  # pragma: no cover - the loop always returns


def nice_max(value: float, *, integer: bool = False) -> float:
    """The top of the value axis: ``TICKS`` round grid steps covering ``value``.

    With ``integer`` (counts) a grid step is at least 1.
    """
    step = nice_step(value / TICKS)
    return (max(step, 1) if integer else step) * TICKS


def _axis_max(series: dict[str, list[float]]) -> float:
    values = [v for values in series.values() for v in values]
    return nice_max(max(values, default=0), integer=all(v.is_integer() for v in values))


def _clean(values: Sequence[float | None]) -> list[float]:
    cleaned = []
    for value in values:
        number = float(value or 0)
        cleaned.append(number if math.isfinite(number) and number > 0 else 0.0)
    return cleaned


def _check_lengths(labels: Sequence[str], series: dict[str, Sequence[float | None]]) -> None:
    for name, values in series.items():
        if len(values) != len(labels):
            raise ValueError(f"series {name!r} has {len(values)} values for {len(labels)} labels")


def _open(
    title: str, desc: str, height: int, *, show_title: bool = True, width: int = WIDTH
) -> list[str]:
    uid = f"sw-chart-{secrets.token_hex(4)}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-labelledby="{uid}-t {uid}-d" class="sw-chart" '
        f'{FONT} font-size="13" preserveAspectRatio="xMidYMid meet">',
        f'<title id="{uid}-t">{escape(title)}</title>',
        f'<desc id="{uid}-d">{escape(desc)}</desc>',
    ]
    if show_title:
        parts.append(
            f'<text x="{MARGIN_LEFT}" y="20" font-size="14" font-weight="600" '
            f'fill="#212529">{escape(title)}</text>'
        )
    return parts


X_TITLE_HEIGHT = 22


def _axis_titles(x_title: str, y_title: str, x_title_y: float, width: int) -> list[str]:
    """The names of the axes: below the x labels, and turned along the value axis."""
    parts = []
    if y_title:
        middle = (PLOT_TOP + PLOT_BOTTOM) / 2
        parts.append(
            f'<text class="sw-axis-title" transform="rotate(-90)" x="{_num(-middle)}" y="13" '
            f'text-anchor="middle" fill="#495057">{escape(y_title)}</text>'
        )
    if x_title:
        centre = (MARGIN_LEFT + width - MARGIN_RIGHT) / 2
        parts.append(
            f'<text class="sw-axis-title" x="{_num(centre)}" y="{_num(x_title_y)}" '
            f'text-anchor="middle" fill="#495057">{escape(x_title)}</text>'
        )
    return parts


def _axes(maximum: float, plot_bottom: float, plot_top: float, unit: str, width: int) -> list[str]:
    """Horizontal grid lines with their values on the left."""
    parts = []
    for i in range(TICKS + 1):
        value = maximum * i / TICKS
        y = plot_bottom - (plot_bottom - plot_top) * i / TICKS
        parts.append(
            f'<line x1="{MARGIN_LEFT}" y1="{_num(y)}" x2="{width - MARGIN_RIGHT}" '
            f'y2="{_num(y)}" stroke="#dee2e6" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{MARGIN_LEFT - 6}" y="{_num(y + 4)}" text-anchor="end" '
            f'fill="#6c757d">{escape(_fmt(value))}</text>'
        )
    if unit:
        parts.append(
            f'<text x="{MARGIN_LEFT - 6}" y="{_num(plot_top - 8)}" text-anchor="end" '
            f'fill="#6c757d">{escape(unit)}</text>'
        )
    return parts


CHAR_WIDTH = 7.2  # average width of a 13 px Source Sans character, in viewBox units
LINE_HEIGHT = 14
MAX_LABEL_LINES = 3


def _wrap(label: str, width: float) -> list[str]:
    """Break ``label`` into lines of at most ``width`` units (ellipsis past 3 lines)."""
    max_chars = max(int(width / CHAR_WIDTH), 3)
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= max_chars:
            lines[-1] += " " + word
        else:
            lines.append(word)
    lines = [line if len(line) <= max_chars else line[: max_chars - 1] + "…" for line in lines]
    if len(lines) > MAX_LABEL_LINES:
        lines = lines[:MAX_LABEL_LINES]
        lines[-1] = lines[-1][: max_chars - 1] + "…"
    return lines or [""]


def _x_label_lines(labels: Sequence[str], slot: float) -> list[list[str]]:
    step = max(1, math.ceil(len(labels) / 16))  # at most ~16 labels fit
    width = slot * step
    return [_wrap(label, width) if i % step == 0 else [] for i, label in enumerate(labels)]


def _x_labels(label_lines: list[list[str]], slot: float, baseline: float) -> list[str]:
    parts = []
    for i, lines in enumerate(label_lines):
        x = MARGIN_LEFT + slot * (i + 0.5)
        for n, line in enumerate(lines):
            parts.append(
                f'<text x="{_num(x)}" y="{_num(baseline + 16 + n * LINE_HEIGHT)}" '
                f'text-anchor="middle" fill="#495057">{escape(line)}</text>'
            )
    return parts


def _extra_label_height(label_lines: list[list[str]]) -> int:
    return (max((len(lines) for lines in label_lines), default=1) - 1) * LINE_HEIGHT


def _legend_layout(names: Sequence[str], chart_width: int) -> list[tuple[float, int]]:
    """(x, row) per legend entry: entries flow left to right and wrap to new rows."""
    positions = []
    x, row = float(MARGIN_LEFT), 0
    for name in names:
        width = 28 + CHAR_WIDTH * len(name)
        if x > MARGIN_LEFT and x + width > chart_width - MARGIN_RIGHT:
            x, row = float(MARGIN_LEFT), row + 1
        positions.append((x, row))
        x += width
    return positions


def _legend_height(names: Sequence[str], width: int) -> int:
    rows = max((row for _x, row in _legend_layout(names, width)), default=0) + 1
    return LEGEND_HEIGHT * rows


def _legend(names: Sequence[str], y: float, width: int) -> list[str]:
    parts = []
    layout = _legend_layout(names, width)
    for i, (name, (x, row)) in enumerate(zip(names, layout, strict=True)):
        colour = PALETTE[i % len(PALETTE)]
        row_y = y + row * LEGEND_HEIGHT
        parts.append(
            f'<rect x="{_num(x)}" y="{_num(row_y - 10)}" width="12" height="12" fill="{colour}"/>'
        )
        parts.append(
            f'<text x="{_num(x + 16)}" y="{_num(row_y)}" fill="#212529">{escape(name)}</text>'
        )
    return parts


def _describe(labels: Sequence[str], series: dict[str, list[float]], unit: str) -> str:
    suffix = f" {unit}" if unit else ""
    chunks = []
    for name, values in series.items():
        pairs = ", ".join(
            f"{label}: {_fmt(v)}{suffix}" for label, v in zip(labels, values, strict=True)
        )
        chunks.append(f"{name}: {pairs}" if name else pairs)
    return "; ".join(chunks)


def _finish(parts: list[str]) -> SafeString:
    parts.append("</svg>")
    # Every piece of text above went through escape(); the markup is ours.
    return mark_safe("".join(parts))  # noqa: S308


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float | None],
    *,
    title: str,
    unit: str = "",
    colour: str = PALETTE[0],
    **frame,
) -> SafeString:
    """One bar per label; bar heights are proportional to ``values``.

    ``frame``: ``x_title`` and ``y_title`` name the axes; ``show_title=False``
    leaves the title to the page around the chart (it stays the SVG's <title>);
    ``width`` the viewBox width (pages pass SCREEN_WIDTH: readable on a phone).
    """
    labels = [str(label) for label in labels]
    _check_lengths(labels, {"": values})
    return _bars(
        labels, {"": _clean(values)}, title=title, unit=unit, colours=[colour], frame=frame
    )


def grouped_bar_chart(
    labels: Sequence[str],
    series: dict[str, Sequence[float | None]],
    *,
    title: str,
    unit: str = "",
    **frame,
) -> SafeString:
    """Per label one bar for every series, side by side, with a legend."""
    labels = [str(label) for label in labels]
    _check_lengths(labels, series)
    cleaned = {str(name): _clean(values) for name, values in series.items()}
    return _bars(labels, cleaned, title=title, unit=unit, colours=PALETTE, frame=frame)


PLOT_TOP = MARGIN_TOP
PLOT_BOTTOM = HEIGHT - MARGIN_BOTTOM
PLOT_HEIGHT = PLOT_BOTTOM - PLOT_TOP


def _chart(
    labels: list[str],
    series: dict[str, list[float]],
    *,
    title: str,
    unit: str,
    legend: bool,
    draw,
    x_title: str = "",
    y_title: str = "",
    show_title: bool = True,
    width: int = WIDTH,
) -> SafeString:
    """The frame every chart shares: title, axes, x labels and legend.

    ``draw(slot, maximum)`` returns the chart's own marks (bars, lines).
    ``width``: the viewBox width; pages pass SCREEN_WIDTH (readable on a phone).
    """
    slot = (width - MARGIN_LEFT - MARGIN_RIGHT) / max(len(labels), 1)
    label_lines = _x_label_lines(labels, slot)
    below = HEIGHT + _extra_label_height(label_lines)
    x_title_y = below
    if x_title:
        below += X_TITLE_HEIGHT
    height = below + (_legend_height(list(series.keys()), width) if legend else 0)
    maximum = _axis_max(series)
    parts = _open(
        title, _describe(labels, series, unit), height, show_title=show_title, width=width
    )
    parts += _axes(maximum, PLOT_BOTTOM, PLOT_TOP, unit, width)
    parts += _axis_titles(x_title, y_title, x_title_y, width)
    parts += draw(slot, maximum)
    parts.append(
        f'<line x1="{MARGIN_LEFT}" y1="{PLOT_BOTTOM}" x2="{width - MARGIN_RIGHT}" '
        f'y2="{PLOT_BOTTOM}" stroke="#6c757d" stroke-width="1"/>'
    )
    parts += _x_labels(label_lines, slot, PLOT_BOTTOM)
    if legend:
        parts += _legend(list(series.keys()), below + 8, width)
    return _finish(parts)


def _bars(
    labels: list[str],
    series: dict[str, list[float]],
    *,
    title: str,
    unit: str,
    colours: Sequence[str],
    frame: dict | None = None,
) -> SafeString:
    def draw(slot: float, maximum: float) -> list[str]:
        parts = []
        group_width = slot * 0.75
        bar_width = group_width / max(len(series), 1)
        for s, (name, values) in enumerate(series.items()):
            colour = colours[s % len(colours)]
            for i, value in enumerate(values):
                bar_height = PLOT_HEIGHT * value / maximum
                x = MARGIN_LEFT + slot * i + (slot - group_width) / 2 + bar_width * s
                y = PLOT_BOTTOM - bar_height
                label = f"{name} – {labels[i]}" if name else labels[i]
                parts.append(
                    f'<rect class="sw-bar" x="{_num(x)}" y="{_num(y)}" '
                    f'width="{_num(max(bar_width - 1, 1))}" height="{_num(bar_height)}" '
                    f'fill="{colour}"><title>{escape(label)}: {escape(_fmt(value))}'
                    f"{escape(' ' + unit if unit else '')}</title></rect>"
                )
                if len(series) == 1 and value and len(labels) <= 16:
                    parts.append(
                        f'<text x="{_num(x + bar_width / 2)}" y="{_num(y - 4)}" '
                        f'text-anchor="middle" fill="#212529">{escape(_fmt(value))}</text>'
                    )
        return parts

    legend = len(series) > 1 or any(series.keys())
    return _chart(labels, series, title=title, unit=unit, legend=legend, draw=draw, **(frame or {}))


def line_chart(
    labels: Sequence[str],
    series: dict[str, Sequence[float | None]],
    *,
    title: str,
    unit: str = "",
    legend: bool = True,
    **frame,
) -> SafeString:
    """One line (with dots) per series over the labels, with a legend (unless ``legend``
    is False: one series named by the axis title needs none)."""
    labels = [str(label) for label in labels]
    _check_lengths(labels, series)
    cleaned = {str(name): _clean(values) for name, values in series.items()}

    def draw(slot: float, maximum: float) -> list[str]:
        parts = []
        for s, (name, values) in enumerate(cleaned.items()):
            colour = PALETTE[s % len(PALETTE)]
            points = [
                (MARGIN_LEFT + slot * (i + 0.5), PLOT_BOTTOM - PLOT_HEIGHT * value / maximum)
                for i, value in enumerate(values)
            ]
            if points:
                path = " ".join(f"{_num(x)},{_num(y)}" for x, y in points)
                parts.append(
                    f'<polyline class="sw-line" points="{path}" fill="none" '
                    f'stroke="{colour}" stroke-width="2.5"/>'
                )
            for (x, y), label, value in zip(points, labels, values, strict=True):
                parts.append(
                    f'<circle cx="{_num(x)}" cy="{_num(y)}" r="3.5" fill="{colour}">'
                    f"<title>{escape(name)} – {escape(label)}: {escape(_fmt(value))}</title>"
                    f"</circle>"
                )
        return parts

    return _chart(labels, cleaned, title=title, unit=unit, legend=legend, draw=draw, **frame)


__all__ = ["SCREEN_WIDTH", "bar_chart", "grouped_bar_chart", "line_chart", "nice_max"]
