"""Read-only figures about activities; shared by pages, dashboard and report."""

from __future__ import annotations

from django.db.models import Count, Q, Sum

from wijken.models import Gebied

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


__all__ = ["Activiteit", "totals", "totals_per_gebied"]
