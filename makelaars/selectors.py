"""Read-only figures about activities; shared by pages, dashboard and report."""

from __future__ import annotations

from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractMonth

from wijken.models import Gebied

from .choices import ActiviteitSoort
from .models import Activiteit


def totals_per_gebied(*, year: int) -> list[dict]:
    """Per gebied: number of activities, residents reached and activated in ``year``."""
    in_year = Q(wijken__activiteiten__datum__year=year)
    rows = Gebied.objects.annotate(
        activiteiten=Count("wijken__activiteiten", filter=in_year),
        bereikt=Sum("wijken__activiteiten__bewoners_bereikt", filter=in_year, default=0),
        geactiveerd=Sum("wijken__activiteiten__bewoners_geactiveerd", filter=in_year, default=0),
    ).order_by("volgorde", "naam")
    return [
        {
            "gebied": gebied,
            "activiteiten": gebied.activiteiten,
            "bereikt": gebied.bereikt,
            "geactiveerd": gebied.geactiveerd,
        }
        for gebied in rows
    ]


def totals(queryset) -> dict:
    """Count and summed resident figures of any activity queryset."""
    return queryset.aggregate(
        aantal=Count("pk"),
        bereikt=Sum("bewoners_bereikt", default=0),
        geactiveerd=Sum("bewoners_geactiveerd", default=0),
    )


def per_soort(queryset) -> list[dict]:
    """Activities per kind, most frequent first: ``[{"soort", "label", "aantal"}]``."""
    labels = dict(ActiviteitSoort.choices)
    rows = queryset.order_by().values("soort").annotate(aantal=Count("pk"))
    result = [
        {
            "soort": row["soort"],
            "label": str(labels.get(row["soort"], row["soort"])),
            "aantal": row["aantal"],
        }
        for row in rows
    ]
    return sorted(result, key=lambda row: (-row["aantal"], row["label"]))


def per_maand(queryset, *, year: int) -> list[int]:
    """Number of activities in each month of ``year`` (12 numbers, January first)."""
    counts = [0] * 12
    rows = (
        queryset.filter(datum__year=year)
        .order_by()
        .annotate(maand=ExtractMonth("datum"))
        .values("maand")
        .annotate(aantal=Count("pk"))
    )
    for row in rows:
        counts[row["maand"] - 1] = row["aantal"]
    return counts


def active_partners(queryset, *, limit: int = 15) -> list[dict]:
    """Partners of the activities in ``queryset``, most involved first."""
    through = Activiteit.partners.through
    rows = (
        through.objects.filter(activiteit__in=queryset.order_by().values("pk"))
        .values("organisatie_id", "organisatie__naam")
        .annotate(aantal=Count("activiteit_id"))
        .order_by("-aantal", "organisatie__naam")[:limit]
    )
    return [
        {"pk": row["organisatie_id"], "naam": row["organisatie__naam"], "aantal": row["aantal"]}
        for row in rows
    ]


def per_wijk(queryset) -> dict[int, dict]:
    """Count and resident figures per wijk id of the activities in ``queryset``."""
    rows = (
        queryset.order_by()
        .values("wijk_id")
        .annotate(
            aantal=Count("pk"),
            bereikt=Sum("bewoners_bereikt", default=0),
            geactiveerd=Sum("bewoners_geactiveerd", default=0),
        )
    )
    return {row.pop("wijk_id"): row for row in rows}


def area_overview(activiteiten, *, year: int) -> dict:
    """The figures of a wijk or gebied page for ``year``.

    ``activiteiten`` is the (already visibility-scoped) queryset of the area.
    """
    in_year = activiteiten.for_year(year)
    return {
        "totals": totals(in_year),
        "per_soort": per_soort(in_year),
        "per_maand": per_maand(activiteiten, year=year),
        "partners": active_partners(in_year),
    }


__all__ = [
    "active_partners",
    "area_overview",
    "per_maand",
    "per_soort",
    "per_wijk",
    "totals",
    "totals_per_gebied",
]
