"""Read-only figures about initiatives, for pages and the yearly report.

Every function returns plain data (dicts, lists, ints, Decimals) and runs a
fixed, small number of queries whatever the amount of data.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery, Sum

from wijken.models import Gebied

from .choices import AanvraagStatus, InitiatiefStatus
from .models import Deelnametelling, Financieringsaanvraag, Initiatief, StatusWijziging


def _scoped(queryset: QuerySet, *, gebied=None, wijk=None) -> QuerySet:
    if gebied is not None:
        queryset = queryset.filter(wijk__gebied=gebied)
    if wijk is not None:
        queryset = queryset.filter(wijk=wijk)
    return queryset


def _zero_per_status() -> dict[str, int]:
    return {value: 0 for value in InitiatiefStatus.values}


def count_by_status(*, gebied=None, wijk=None) -> dict[str, int]:
    """Number of initiatives per current status (every status present, zero or more)."""
    counts = _zero_per_status()
    rows = (
        _scoped(Initiatief.objects.all(), gebied=gebied, wijk=wijk)
        .order_by()
        .values("status")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        counts[row["status"]] = row["n"]
    return counts


def status_on(initiatief_qs: QuerySet, date: datetime.date) -> QuerySet:
    """``initiatief_qs`` annotated with ``status_op``: the status on ``date``.

    The status on a date is the one of the latest status change on or before
    it; initiatives without such a change did not exist yet and are left out.
    """
    latest = (
        StatusWijziging.objects.filter(initiatief=OuterRef("pk"), datum__lte=date)
        .order_by("-datum", "-pk")
        .values("status")[:1]
    )
    return initiatief_qs.annotate(status_op=Subquery(latest)).filter(status_op__isnull=False)


def count_by_status_on(date: datetime.date, *, gebied=None, wijk=None) -> dict[str, int]:
    """Number of initiatives per status as it was on ``date``, from the history."""
    counts = _zero_per_status()
    queryset = status_on(_scoped(Initiatief.objects.all(), gebied=gebied, wijk=wijk), date)
    for status in queryset.values_list("status_op", flat=True):
        counts[status] += 1
    return counts


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


def funding_in_year(*, year: int) -> dict:
    """Funding applications of initiatives in ``year``.

    - ``aangevraagd``: applications made in the year (count, amount);
    - ``toegekend`` / ``afgewezen``: applications decided in the year;
    - ``open``: applications made in the year that are still undecided;
    - ``per_fonds``: the same per fund, sorted by fund name.

    Amounts are ``Decimal`` in euros.
    """
    zero = Decimal("0.00")
    applied = Q(aangevraagd_op__year=year)
    granted = Q(status=AanvraagStatus.TOEGEKEND, besluit_op__year=year)
    rejected = Q(status=AanvraagStatus.AFGEWEZEN, besluit_op__year=year)
    pending = applied & Q(status=AanvraagStatus.AANGEVRAAGD)

    def figures(prefix: str = "") -> dict:
        return {
            "aangevraagd_aantal": Count("pk", filter=applied),
            "aangevraagd_bedrag": Sum("bedrag", filter=applied, default=zero),
            "toegekend_aantal": Count("pk", filter=granted),
            "toegekend_bedrag": Sum("bedrag", filter=granted, default=zero),
            "afgewezen_aantal": Count("pk", filter=rejected),
            "afgewezen_bedrag": Sum("bedrag", filter=rejected, default=zero),
            "open_aantal": Count("pk", filter=pending),
            "open_bedrag": Sum("bedrag", filter=pending, default=zero),
        }

    def shape(row: dict) -> dict:
        return {
            kind: {"aantal": row[f"{kind}_aantal"], "bedrag": row[f"{kind}_bedrag"]}
            for kind in ("aangevraagd", "toegekend", "afgewezen", "open")
        }

    relevant = Financieringsaanvraag.objects.filter(applied | granted | rejected)
    totals = relevant.aggregate(**figures())
    per_fonds = [
        {"fonds": row["fonds"], **shape(row)}
        for row in relevant.order_by("fonds").values("fonds").annotate(**figures())
    ]
    return {**shape(totals), "per_fonds": per_fonds}
