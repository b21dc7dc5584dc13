"""Read-only Buurtservice figures for any period; the overview page and the
yearly report both call these, so a number can never differ between them.

No personal data of requesters is read here.
"""

from __future__ import annotations

import datetime
import statistics
from decimal import Decimal

from django.db.models import BooleanField, Count, ExpressionWrapper, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import active_on_q, choice_label
from core.periods import month_ends, month_labels, year_bounds

from .choices import Herkomst, Uitstroom, UitvoerderSoort
from .models import Capaciteit, Inzet, Klus, Uitvoerder, open_on_q

_SOORT_ORDER = {value: i for i, value in enumerate(UitvoerderSoort.values)}
_HERKOMST_ORDER = {value: i for i, value in enumerate(Herkomst.values)}
_UITSTROOM_ORDER = {value: i for i, value in enumerate(Uitstroom.values)}


def waiting_list_figures(waiting, *, on: datetime.date) -> dict:
    """Length and median wait of a waiting list (a queryset of open jobs), read
    without loading it: a count and the one or two middle request dates."""
    lengte = waiting.count()
    middle = waiting.order_by("aanvraagdatum", "pk").values_list("aanvraagdatum", flat=True)
    dates = list(middle[(lengte - 1) // 2 : lengte // 2 + 1]) if lengte else []
    return {"lengte": lengte, "mediaan": median_wait_days(dates, on)}


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
      kind / per origin (only kinds/origins that occur); ``new_workers_soort_rows``
      the counts per kind as dicts (soort, label, aantal), ``new_workers_total`` all.
    - ``outflow``: per outflow (betaald werk, opleiding, anders) the number of
      workers whose end date lies in the period and whose outflow is recorded;
      ``outflow_rows`` the same as a list of dicts (uitstroom, label, aantal),
      ``outflow_total`` their sum.
    - ``jobs_requested`` / ``jobs_done`` / ``jobs_cancelled``: jobs whose request
      date / date done / cancellation date lies in the period.
    - ``hours_worked``: the hours recorded on the jobs done in the period.
    - ``waiting_start`` / ``waiting_end``: jobs open on the first / last day
      (requested by then, neither done nor cancelled by then).
    - ``median_wait_days_start`` / ``median_wait_days_end``: the median days
      waited by the jobs open on the first / last day (None when there are none).
    - ``capacity_start`` / ``capacity_end``: staff hours per week on those days.
    - ``measured_end``: the day the ``*_end`` figures are measured on: the last day,
      or today while the period runs (a later day has no figures yet, and the
      days waited would be counted up to it); ``running`` says which.

    Runs a fixed number of queries, whatever the amount of data.
    """
    if end < start:
        raise ValueError("end must not be before start")
    today = timezone.localdate()
    running = start <= today < end
    measured_end = today if running else end

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
                "soort_label": choice_label(UitvoerderSoort, row["soort"]),
                "herkomst": row["herkomst"],
                "herkomst_label": choice_label(Herkomst, row["herkomst"]),
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
    )
    hours = Inzet.objects.filter(
        klus__uitgevoerd_op__gte=start, klus__uitgevoerd_op__lte=end
    ).aggregate(total=Sum("uren", default=Decimal("0")))["total"]

    # The jobs open on the first or the last day, in one query.
    open_rows = (
        Klus.objects.filter(open_on_q(start) | open_on_q(measured_end))
        .annotate(
            at_start=ExpressionWrapper(open_on_q(start), output_field=BooleanField()),
            at_end=ExpressionWrapper(open_on_q(measured_end), output_field=BooleanField()),
        )
        .values_list("aanvraagdatum", "at_start", "at_end")
    )
    open_at_start, open_at_end = [], []
    for requested, at_start, at_end in open_rows:
        if at_start:
            open_at_start.append(requested)
        if at_end:
            open_at_end.append(requested)

    capacity = Capaciteit.objects.aggregate(
        at_start=Sum("uren_per_week", filter=active_on_q(start), default=Decimal("0")),
        at_end=Sum("uren_per_week", filter=active_on_q(measured_end), default=Decimal("0")),
    )

    return {
        "start": start,
        "end": end,
        "measured_end": measured_end,
        "running": running,
        "new_workers": new_workers,
        "new_workers_total": sum(by_soort.values()),
        "new_workers_soort_rows": [
            {"soort": key, "label": choice_label(UitvoerderSoort, key), "aantal": aantal}
            for key, aantal in by_soort.items()
        ],
        "new_workers_by_soort": by_soort,
        "new_workers_by_herkomst": by_herkomst,
        "outflow": outflow,
        "outflow_rows": [
            {"uitstroom": key, "label": choice_label(Uitstroom, key), "aantal": aantal}
            for key, aantal in outflow.items()
        ],
        "outflow_total": sum(outflow.values()),
        "jobs_requested": jobs["requested"],
        "jobs_done": jobs["done"],
        "jobs_cancelled": jobs["cancelled"],
        "hours_worked": Decimal(hours),
        "waiting_start": len(open_at_start),
        "waiting_end": len(open_at_end),
        "median_wait_days_start": median_wait_days(open_at_start, start),
        "median_wait_days_end": median_wait_days(open_at_end, measured_end),
        "capacity_start": Decimal(capacity["at_start"]),
        "capacity_end": Decimal(capacity["at_end"]),
    }


def wachtlijst_verloop(*, year: int) -> dict:
    """Open jobs at the start of ``year`` and at every month end, in one query.

    "Open on a date" is the definition of ``Klus.objects.open_on`` (``open_on_q``).
    """
    start = datetime.date(year, 1, 1) - datetime.timedelta(days=1)
    dates = [start, *month_ends(year)]
    totals = Klus.objects.aggregate(
        **{f"d{index}": Count("pk", filter=open_on_q(date)) for index, date in enumerate(dates)}
    )
    counts = [totals[f"d{index}"] for index in range(len(dates))]
    return {
        "peildata": [date.isoformat() for date in dates],
        "labels": [_("1 Jan"), *month_labels()],
        "aantallen": counts,
        "begin": counts[0],
        "eind": counts[-1],
    }


def capaciteit_verloop(*, year: int) -> dict:
    """Buurtservice staff hours per week at the start and end of ``year`` and each change.

    One query: the capacity periods overlapping the year (a short list).
    """
    start, end = year_bounds(year)
    periods = list(Capaciteit.objects.overlapping(start - datetime.timedelta(days=1), end))

    def hours_on(date: datetime.date) -> Decimal:
        return sum(
            (period.uren_per_week for period in periods if period.is_active_on(date)),
            Decimal(0),
        )

    change_dates = sorted(
        {period.startdatum for period in periods if start < period.startdatum <= end}
        | {
            period.einddatum + datetime.timedelta(days=1)
            for period in periods
            if period.einddatum and start <= period.einddatum < end
        }
    )
    changes = []
    for date in change_dates:
        before, after = hours_on(date - datetime.timedelta(days=1)), hours_on(date)
        if before != after:
            changes.append({"datum": date, "voor": before, "na": after, "verschil": after - before})
    begin, eind = hours_on(start), hours_on(end)
    return {"begin": begin, "eind": eind, "verschil": eind - begin, "wijzigingen": changes}
