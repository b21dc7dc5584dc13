"""Read-only Buurtservice figures for any period; the overview page and the
yearly report both call these, so a number can never differ between them.

No personal data of requesters is read here.
"""

from __future__ import annotations

import datetime
import re
import statistics
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from .choices import Herkomst, Uitstroom, UitvoerderSoort
from .models import Capaciteit, Inzet, Klus, Uitvoerder, on_q, open_on_q

Period = tuple[str, datetime.date, datetime.date]

_SOORT_ORDER = {value: i for i, value in enumerate(UitvoerderSoort.values)}
_HERKOMST_ORDER = {value: i for i, value in enumerate(Herkomst.values)}
_UITSTROOM_ORDER = {value: i for i, value in enumerate(Uitstroom.values)}


def _label(choices, value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def median_wait_days(requested: list[datetime.date], on: datetime.date) -> float | int | None:
    """The median number of days waited on ``on`` by jobs requested on ``requested``."""
    if not requested:
        return None
    median = statistics.median((on - date).days for date in requested)
    return int(median) if float(median).is_integer() else median


def period_overview(*, start: datetime.date, end: datetime.date) -> dict:
    """The Buurtservice figures of the period [start, end] (both days included).

    - ``new_workers``: per kind and origin, the workers who started in the period
      (list of dicts: soort, soort_label, herkomst, herkomst_label, aantal);
      ``new_workers_by_soort`` / ``new_workers_by_herkomst`` the same counts per
      kind / per origin (only kinds/origins that occur).
    - ``outflow``: per outflow (betaald werk, opleiding, anders) the number of
      workers whose end date lies in the period and whose outflow is recorded.
    - ``jobs_requested`` / ``jobs_done`` / ``jobs_cancelled``: jobs whose request
      date / date done / cancellation date lies in the period.
    - ``hours_worked``: the hours recorded on the jobs done in the period.
    - ``waiting_start`` / ``waiting_end``: jobs open on the first / last day
      (requested by then, neither done nor cancelled by then).
    - ``median_wait_days_end``: the median days waited by the jobs open on the
      last day (None when there are none).
    - ``capacity_start`` / ``capacity_end``: staff hours per week on those days.

    Runs a fixed number of queries, whatever the amount of data.
    """
    if end < start:
        raise ValueError("end must not be before start")

    worker_rows = (
        Uitvoerder.objects.started_between(start, end)
        .values("soort", "herkomst")
        .annotate(aantal=Count("pk"))
        .order_by()
    )
    new_workers = sorted(
        (
            {
                "soort": row["soort"],
                "soort_label": _label(UitvoerderSoort, row["soort"]),
                "herkomst": row["herkomst"],
                "herkomst_label": _label(Herkomst, row["herkomst"]),
                "aantal": row["aantal"],
            }
            for row in worker_rows
        ),
        key=lambda r: (
            _SOORT_ORDER.get(r["soort"], 99),
            _HERKOMST_ORDER.get(r["herkomst"], 99),
        ),
    )
    by_soort: dict[str, int] = {}
    by_herkomst: dict[str, int] = {}
    for row in new_workers:
        by_soort[row["soort"]] = by_soort.get(row["soort"], 0) + row["aantal"]
        by_herkomst[row["herkomst"]] = by_herkomst.get(row["herkomst"], 0) + row["aantal"]
    by_herkomst = dict(sorted(by_herkomst.items(), key=lambda i: _HERKOMST_ORDER.get(i[0], 99)))

    outflow_rows = (
        Uitvoerder.objects.filter(einddatum__gte=start, einddatum__lte=end)
        .exclude(uitstroom="")
        .values("uitstroom")
        .annotate(aantal=Count("pk"))
        .order_by()
    )
    outflow = {
        row["uitstroom"]: row["aantal"]
        for row in sorted(outflow_rows, key=lambda r: _UITSTROOM_ORDER.get(r["uitstroom"], 99))
    }

    jobs = Klus.objects.aggregate(
        requested=Count("pk", filter=Q(aanvraagdatum__gte=start, aanvraagdatum__lte=end)),
        done=Count("pk", filter=Q(uitgevoerd_op__gte=start, uitgevoerd_op__lte=end)),
        cancelled=Count("pk", filter=Q(geannuleerd_op__gte=start, geannuleerd_op__lte=end)),
        waiting_start=Count("pk", filter=open_on_q(start)),
    )
    hours = Inzet.objects.filter(
        klus__uitgevoerd_op__gte=start, klus__uitgevoerd_op__lte=end
    ).aggregate(total=Sum("uren", default=Decimal("0")))["total"]

    open_at_end = list(Klus.objects.open_on(end).values_list("aanvraagdatum", flat=True))

    capacity = Capaciteit.objects.aggregate(
        at_start=Sum("uren_per_week", filter=on_q(start), default=Decimal("0")),
        at_end=Sum("uren_per_week", filter=on_q(end), default=Decimal("0")),
    )

    return {
        "start": start,
        "end": end,
        "new_workers": new_workers,
        "new_workers_by_soort": by_soort,
        "new_workers_by_herkomst": by_herkomst,
        "outflow": outflow,
        "jobs_requested": jobs["requested"],
        "jobs_done": jobs["done"],
        "jobs_cancelled": jobs["cancelled"],
        "hours_worked": Decimal(hours),
        "waiting_start": jobs["waiting_start"],
        "waiting_end": len(open_at_end),
        "median_wait_days_end": median_wait_days(open_at_end, end),
        "capacity_start": Decimal(capacity["at_start"]),
        "capacity_end": Decimal(capacity["at_end"]),
    }


# --- periods ---------------------------------------------------------------


def year_period(year: int) -> Period:
    return (str(year), datetime.date(year, 1, 1), datetime.date(year, 12, 31))


def half_years(year: int) -> list[Period]:
    """The two half years of ``year`` as (label, first day, last day)."""
    return [
        (_("first half of %(year)s") % {"year": year}, *_half_year_dates(year, 1)),
        (_("second half of %(year)s") % {"year": year}, *_half_year_dates(year, 2)),
    ]


def quarters(year: int) -> list[Period]:
    """The four quarters of ``year`` as (label, first day, last day)."""
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
    if quarter == 4:
        return first, datetime.date(year, 12, 31)
    return first, datetime.date(year, 3 * quarter + 1, 1) - datetime.timedelta(days=1)


_PERIOD_CODE = re.compile(r"^(?P<year>\d{4})(?:-(?P<kind>[HQ])(?P<n>\d))?$")


def parse_period(code: str) -> Period | None:
    """A period from its code: "2023" (year), "2023-H2" (half year), "2023-Q3" (quarter).

    Returns (label, start, end), or None when the code is not valid.
    """
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
