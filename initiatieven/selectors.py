"""Read-only figures about initiatives, for pages and the yearly report.

Every function returns plain data (dicts, lists, ints, Decimals) and runs a
fixed, small number of queries whatever the amount of data.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    OuterRef,
    QuerySet,
    Subquery,
    When,
)

from wijken.models import Gebied

from .choices import InitiatiefStatus
from .models import Deelnametelling, Initiatief, StatusWijziging


def with_status_on(initiatieven: QuerySet, date: datetime.date) -> QuerySet:
    """The initiatives of ``initiatieven`` that existed on ``date``, annotated with
    ``status_op``: the status in force on that date.

    The one rule for "initiatives per status on a date", everywhere:

    - the status in force is the one of the latest recorded status change on or
      before ``date`` (by date, then by order of entry);
    - an initiative whose first recorded change lies after ``date`` did not
      exist yet and is left out;
    - an initiative without any recorded change (entered outside the app's
      forms, e.g. in the admin or by an import: the forms always record the
      first status) counts with its current status on every date.
    """
    changes = StatusWijziging.objects.filter(initiatief=OuterRef("pk"))
    in_force = changes.filter(datum__lte=date).order_by("-datum", "-pk").values("status")[:1]
    return initiatieven.annotate(
        status_op=Case(
            When(Exists(changes), then=Subquery(in_force)),
            default=F("status"),
            output_field=CharField(),
        )
    ).filter(status_op__isnull=False)


def _counts_per_gebied(initiatieven: QuerySet, date: datetime.date) -> dict[int, dict[str, int]]:
    """{gebied id: {status: number}} of ``initiatieven`` on ``date``. One query."""
    rows = (
        with_status_on(initiatieven, date)
        .order_by()
        .values("wijk__gebied_id", "status_op")
        .annotate(aantal=Count("pk"))
    )
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        counts[row["wijk__gebied_id"]][row["status_op"]] += row["aantal"]
    return counts


def _all_gebieden(counts: dict[int, dict[str, int]]) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for per_gebied in counts.values():
        for status, aantal in per_gebied.items():
            totals[status] += aantal
    return totals


def _per_status(counts: dict[str, int]) -> dict:
    return {
        "per_status": [
            {"status": choice.value, "label": str(choice.label), "aantal": counts.get(choice, 0)}
            for choice in InitiatiefStatus
        ],
        "totaal": sum(counts.values()),
        "lopend": sum(counts.get(status, 0) for status in InitiatiefStatus.running()),
    }


def per_status_on(date: datetime.date, *, initiatieven: QuerySet | None = None) -> dict:
    """Initiatives per status on ``date`` (see :func:`with_status_on`). One query.

    ``initiatieven`` narrows them (a wijk, a gebied, what a user may see);
    default all. Returns ``{"per_status": [{"status", "label", "aantal"}, ...]
    (every status, in lifecycle order), "totaal", "lopend"}`` (running:
    active or independent).
    """
    initiatieven = Initiatief.objects.all() if initiatieven is None else initiatieven
    return _per_status(_all_gebieden(_counts_per_gebied(initiatieven, date)))


def per_status_per_gebied(date: datetime.date) -> dict:
    """:func:`per_status_on` for all initiatives, plus ``per_gebied``: the same per
    gebied (every gebied, in their order, with ``gebied_id`` and ``gebied``). Two queries.

    The coordinator's dashboard and the yearly report read this.
    """
    counts = _counts_per_gebied(Initiatief.objects.all(), date)
    rows = [
        {"gebied_id": pk, "gebied": naam, **_per_status(counts.get(pk, {}))}
        for pk, naam in Gebied.objects.order_by("volgorde", "naam").values_list("pk", "naam")
    ]
    return {**_per_status(_all_gebieden(counts)), "per_gebied": rows}


def running_on(initiatieven: QuerySet, date: datetime.date) -> QuerySet:
    """The initiatives of ``initiatieven`` running (active or independent) on ``date``,
    each with ``status_op``."""
    return with_status_on(initiatieven, date).filter(status_op__in=InitiatiefStatus.running())


def headcount_in_year(*, year: int) -> dict:
    """Volunteers and participants of initiatives in ``year``.

    Per initiative the latest count dated within the year is taken (an
    initiative counted in March and October counts with its October figures);
    those are summed, in total and per gebied. Every gebied is listed.

    Returns ``{"vrijwilligers", "deelnemers", "initiatieven", "per_gebied": [
    {"gebied_id", "gebied", "vrijwilligers", "deelnemers", "initiatieven"}, ...]}``
    where ``initiatieven`` is the number of initiatives with a count that year.
    """
    rows = (
        Deelnametelling.objects.filter(datum__year=year)
        .order_by("initiatief_id", "-datum", "-pk")
        .values("initiatief_id", "initiatief__wijk__gebied_id", "vrijwilligers", "deelnemers")
    )
    per_gebied: dict[int, dict] = defaultdict(
        lambda: {"vrijwilligers": 0, "deelnemers": 0, "initiatieven": 0}
    )
    seen: set[int] = set()
    for row in rows:
        if row["initiatief_id"] in seen:
            continue  # an older count of an initiative already taken
        seen.add(row["initiatief_id"])
        figures = per_gebied[row["initiatief__wijk__gebied_id"]]
        figures["vrijwilligers"] += row["vrijwilligers"]
        figures["deelnemers"] += row["deelnemers"]
        figures["initiatieven"] += 1

    result_rows = []
    for gebied_id, naam in Gebied.objects.order_by("volgorde", "naam").values_list("pk", "naam"):
        figures = per_gebied.get(
            gebied_id, {"vrijwilligers": 0, "deelnemers": 0, "initiatieven": 0}
        )
        result_rows.append({"gebied_id": gebied_id, "gebied": naam, **figures})
    return {
        "vrijwilligers": sum(r["vrijwilligers"] for r in result_rows),
        "deelnemers": sum(r["deelnemers"] for r in result_rows),
        "initiatieven": sum(r["initiatieven"] for r in result_rows),
        "per_gebied": result_rows,
    }
