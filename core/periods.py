"""Years, half years, quarters and months: the periods every figure is counted over.

A period is ``(label, first day, last day)``, both days included. Codes as they
appear in URLs: "2023" (year), "2023-H2" (half year), "2023-Q3" (quarter).
"""

from __future__ import annotations

import datetime
import re

from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.translation import gettext as _

Period = tuple[str, datetime.date, datetime.date]

# The first year the app accepts anywhere (dates, ?jaar=, reports).
FIRST_YEAR = 2000
MONTHS = range(1, 13)


def year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def reference_date(year: int) -> datetime.date:
    """The day a year's "on a date" figures (e.g. initiatives per status) are counted
    on: the year's last day, or today while the year is not over."""
    return min(year_bounds(year)[1], timezone.localdate())


def year_period(year: int) -> Period:
    return (str(year), *year_bounds(year))


def half_years(year: int) -> list[Period]:
    """The two half years of ``year``."""
    return [
        (_("first half of %(year)s") % {"year": year}, *_half_year_dates(year, 1)),
        (_("second half of %(year)s") % {"year": year}, *_half_year_dates(year, 2)),
    ]


def quarters(year: int) -> list[Period]:
    """The four quarters of ``year``."""
    return [
        (_("Q%(quarter)s %(year)s") % {"quarter": q, "year": year}, *_quarter_dates(year, q))
        for q in range(1, 5)
    ]


def _half_year_dates(year: int, half: int) -> tuple[datetime.date, datetime.date]:
    if half == 1:
        return datetime.date(year, 1, 1), datetime.date(year, 6, 30)
    return datetime.date(year, 7, 1), datetime.date(year, 12, 31)


def _quarter_dates(year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
    first = datetime.date(year, 3 * quarter - 2, 1)
    return first, month_end(year, 3 * quarter)


def month_end(year: int, month: int) -> datetime.date:
    first_next = datetime.date(year + month // 12, month % 12 + 1, 1)
    return first_next - datetime.timedelta(days=1)


def month_ends(year: int) -> list[datetime.date]:
    """The last day of every month of ``year``."""
    return [month_end(year, month) for month in MONTHS]


def month_labels() -> list[str]:
    """Short Dutch month names, January first ("jan", "feb", ...)."""
    return [str(MONTHS_3[month]) for month in MONTHS]


_PERIOD_CODE = re.compile(r"^(?P<year>\d{4})(?:-(?P<kind>[HQ])(?P<n>\d))?$")


def parse_period(code: str) -> Period | None:
    """A period from its code, or None when the code is not valid."""
    match = _PERIOD_CODE.match((code or "").strip().upper())
    if not match:
        return None
    year = int(match["year"])
    if not 1900 <= year <= 2999:
        return None
    if match["kind"] is None:
        return year_period(year)
    n = int(match["n"])
    if match["kind"] == "H" and n in (1, 2):
        return half_years(year)[n - 1]
    if match["kind"] == "Q" and 1 <= n <= 4:
        return quarters(year)[n - 1]
    return None


def period_choices(years: list[int]) -> list[tuple[str, str]]:
    """(code, label) of every year, half year and quarter of ``years``."""
    choices = []
    for year in years:
        choices.append((str(year), str(year)))
        for half, (label, _s, _e) in enumerate(half_years(year), start=1):
            choices.append((f"{year}-H{half}", label))
        for quarter, (label, _s, _e) in enumerate(quarters(year), start=1):
            choices.append((f"{year}-Q{quarter}", label))
    return choices


def period_code_for(date: datetime.date, kind: str = "Q") -> str:
    """The code of the quarter ("Q"), half year ("H") or year ("Y") containing ``date``."""
    if kind == "Y":
        return str(date.year)
    if kind == "H":
        return f"{date.year}-H{1 if date.month <= 6 else 2}"
    return f"{date.year}-Q{(date.month - 1) // 3 + 1}"


def plausible_year(value, *, default: int) -> int:
    """``value`` as a year from FIRST_YEAR up to next year, else ``default``."""
    try:
        year = int(value)
    except (TypeError, ValueError):
        return default
    return year if FIRST_YEAR <= year <= timezone.localdate().year + 1 else default


def a_year_earlier(date: datetime.date) -> datetime.date:
    """The same day one year earlier (29 February becomes 28 February)."""
    try:
        return date.replace(year=date.year - 1)
    except ValueError:
        return date.replace(year=date.year - 1, day=28)


def periods_to_date(today: datetime.date) -> list[dict]:
    """This month, this quarter and this year, each from its first day up to ``today``,
    beside the same days one year earlier (a fair comparison while a period runs).

    Each is a dict: key ("month", "quarter", "year"), label, start, end, and
    previous_start / previous_end.
    """
    quarter_start = datetime.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    starts = [
        ("month", _("This month"), today.replace(day=1)),
        ("quarter", _("This quarter"), quarter_start),
        ("year", _("This year"), datetime.date(today.year, 1, 1)),
    ]
    return [
        {
            "key": key,
            "label": label,
            "start": start,
            "end": today,
            "previous_start": a_year_earlier(start),
            "previous_end": a_year_earlier(today),
        }
        for key, label, start in starts
    ]


def years_to_offer(data_years, *, chosen: int | None = None) -> list[int]:
    """The years a year picker offers: every year with data, this year, and the
    chosen one; newest first."""
    years = {year for year in data_years if FIRST_YEAR <= year} | {timezone.localdate().year}
    if chosen is not None:
        years.add(chosen)
    return sorted(years, reverse=True)


def latest_year_with_data(data_years) -> int:
    """The year a page opens on: this year when it has data, else the latest year
    before it that has; this year when nothing has been recorded yet."""
    this_year = timezone.localdate().year
    past = [year for year in data_years if FIRST_YEAR <= year <= this_year]
    return this_year if not past or this_year in past else max(past)


def period_name(start: datetime.date | None, end: datetime.date | None) -> str:
    """A short name of [start, end] for a file: "2023", "2023-H2", "2023-Q4", "2023-11",
    else the two dates; "" when neither is known."""
    if start is None and end is None:
        return ""
    if start is None:
        return f"tot-{end:%Y-%m-%d}"
    if end is None:
        return f"vanaf-{start:%Y-%m-%d}"
    if start.year == end.year:
        if (start, end) == year_bounds(start.year):
            return str(start.year)
        for kind, periods in (("H", half_years(start.year)), ("Q", quarters(start.year))):
            for n, (_label, first, last) in enumerate(periods, start=1):
                if (start, end) == (first, last):
                    return f"{start.year}-{kind}{n}"
        if start.day == 1 and start.month == end.month and end == month_end(end.year, end.month):
            return f"{start:%Y-%m}"
    return f"{start:%Y-%m-%d}_{end:%Y-%m-%d}"
