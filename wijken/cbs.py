"""Inhabitants per wijk from a CBS table of "Kerncijfers wijken en buurten" (CSV).

CBS publishes the table in two shapes: the StatLine download (``;``-separated,
columns ``Codering_3`` and ``AantalInwoners_5``) and the yearly "kwb" file (columns
``gwb_code`` and ``a_inw``). Both are read; only rows whose code is a district code
(``WK…``) of a wijk with that CBS code count, so buurten and the municipality are
left out. A missing or secret value ("." or "x" at CBS) is skipped, never read as 0.
"""

from __future__ import annotations

import csv
import io

CODE_COLUMNS = ("Codering_3", "Codering", "gwb_code", "WijkenEnBuurten")
INHABITANT_COLUMNS = ("AantalInwoners_5", "AantalInwoners", "a_inw")


class CbsFileError(ValueError):
    """The file is not a CBS table of wijken en buurten this reader knows."""


def _column(header: list[str], names: tuple[str, ...]) -> str:
    stripped = {name.strip().strip('"'): name for name in header}
    for name in names:
        if name in stripped:
            return stripped[name]
    raise CbsFileError(f"no column {' or '.join(names)}")


def inhabitants_per_district(text: str) -> dict[str, int]:
    """``{"WK030100": 4250, …}`` from the CSV ``text``."""
    sample = text[:4096]
    delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    code_column = _column(reader.fieldnames or [], CODE_COLUMNS)
    count_column = _column(reader.fieldnames or [], INHABITANT_COLUMNS)
    counts = {}
    for row in reader:
        code = (row.get(code_column) or "").strip().upper()
        value = (row.get(count_column) or "").strip().replace(".", "").replace(" ", "")
        if code.startswith("WK") and value.isdigit():
            counts[code] = int(value)
    return counts
