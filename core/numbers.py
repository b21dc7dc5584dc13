"""Figures written the Dutch way, in one place: "1.458", "36,0", "1.250,50".

Templates use the ``number`` filter (core/templatetags/numbers.py); the report
and its PDF use it through rapportage's ``num`` filters; Python code that writes
a figure into text (a model's name, a table cell) calls :func:`dutch_number`.
What is typed is read by core.forms' DutchIntegerField and DutchDecimalField.
CSV and Excel exports keep figures as numbers for the spreadsheet (CSV with a
decimal comma and no thousands dot, core/exports.py).
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.formats import number_format


def dutch_number(value, decimals: int | None = None) -> str:
    """``value`` with a thousands dot and a decimal comma.

    Whole numbers show no decimals unless ``decimals`` asks for them; other
    numbers show ``decimals`` places (as many as they have when None). None is
    empty; anything that is not a number is returned as text, unchanged.
    """
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return str(value)  # text stays as it is: a code such as "0301" is no figure
    if decimals is None and isinstance(value, float | Decimal) and value == int(value):
        value = int(value)
    if isinstance(value, float):
        value = Decimal(str(value))
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)
