"""Every page of the demo report keeps its text inside the page margins.

The text is read back from the PDF with its positions: where each run of text starts
(pypdf's operator visitor gives the text and current transformation matrices) and
where it ends (the glyph widths of the embedded font, minus the kerning of TJ arrays).
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from pypdf import PdfReader
from pypdf.generic._font import Font

MM = 72 / 25.4
# The report's @page margins: 24 mm top, 20 mm right, 22 mm bottom, 20 mm left.
LEFT, RIGHT = 20 * MM, 20 * MM
TOLERANCE = 0.5  # points: rounding in the PDF's numbers


def text_runs(page) -> list[tuple[float, float, float]]:
    """``(x_start, x_end, y)`` in points of every run of text drawn on the page itself.

    WeasyPrint flips the page's y axis, so page text has a transformation matrix with a
    negative d; text inside a chart (an SVG drawn as a form XObject, which pypdf reads
    in the form's own coordinates) is left out: a chart is scaled to the body's width.
    """
    fonts = {
        name: Font.from_font_resource(ref.get_object())
        for name, ref in page["/Resources"].get("/Font", {}).items()
    }
    state: dict = {"font": None, "size": 0.0}
    runs = []

    def before(operator, operands, cm, tm):
        if operator == b"Tf":
            state["font"], state["size"] = fonts.get(operands[0]), float(operands[1])
            return
        if operator not in (b"TJ", b"Tj") or state["font"] is None or cm[3] >= 0:
            return
        widths = state["font"].character_widths
        units = 0.0
        for item in operands[0] if operator == b"TJ" else [operands[0]]:
            if isinstance(item, int | float):
                units -= float(item)  # a kerning adjustment, in thousandths of the size
                continue
            raw = bytes(item)  # Identity-H: two bytes per glyph
            for i in range(0, len(raw) - 1, 2):
                code = chr(int.from_bytes(raw[i : i + 2], "big"))
                units += widths.get(code, widths["default"])
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = tm[0] * cm[0] + tm[1] * cm[2]
        runs.append((x, x + units / 1000 * state["size"] * scale, y))

    page.extract_text(visitor_operand_before=before)
    return runs


def outside_margins(pdf_bytes: bytes) -> list[str]:
    problems = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf_bytes)).pages, start=1):
        width = float(page.mediabox.width)
        runs = text_runs(page)
        assert runs or number == 1, f"page {number} has no text the test can read"
        for start, end, y in runs:
            if start < LEFT - TOLERANCE or end > width - RIGHT + TOLERANCE:
                problems.append(
                    f"page {number}, {y / MM:.0f} mm from the bottom: text from "
                    f"{start / MM:.1f} to {end / MM:.1f} mm (body {LEFT / MM:.0f}–"
                    f"{(width - RIGHT) / MM:.0f} mm)"
                )
    return problems


@pytest.mark.django_db
def test_every_page_of_the_demo_report_keeps_its_text_inside_the_margins(tmp_path):
    call_command("demodata")
    output = tmp_path / "rapport-2023.pdf"
    call_command("jaarrapportage", "2023", output=str(output))
    pdf = output.read_bytes()

    assert outside_margins(pdf) == []
    # The reading is real: the Bijlage 2 tables' last column ends at the right margin.
    rights = [end for page in PdfReader(io.BytesIO(pdf)).pages for _s, end, _y in text_runs(page)]
    assert max(rights) > 595.28 - RIGHT - 3 * MM
