"""Read-only figures about activities; shared by pages, dashboard and report."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractMonth

from core.models import choice_label
from core.periods import month_labels
from wijken.models import Gebied

from .choices import ActiviteitSoort
from .models import Activiteit


def _figures() -> dict:
    """The figures of a set of activities: how many, residents reached and activated.

    The one definition, used for a whole year, per wijk, per gebied and per month.
    """
    return {
        "aantal": Count("pk"),
        "bereikt": Sum("bewoners_bereikt", default=0),
        "geactiveerd": Sum("bewoners_geactiveerd", default=0),
    }


def totals(queryset) -> dict:
    """Count and summed resident figures of any activity queryset."""
    return queryset.aggregate(**_figures())


def per_gebied(*, year: int, activiteiten=None, tot: datetime.date | None = None) -> dict:
    """Per gebied: activities per month and residents reached/activated in ``year``.

    Every gebied is listed (zeros included), in their order. ``activiteiten``
    narrows the activities (e.g. to what a user may see); default all. ``tot``
    counts only up to that day (a running year against the same days a year
    earlier). Two queries (gebieden, one grouped aggregate). The coordinator's
    dashboard and the yearly report both read this.
    """
    activiteiten = Activiteit.objects.all() if activiteiten is None else activiteiten
    activiteiten = activiteiten.for_year(year)
    if tot is not None:
        activiteiten = activiteiten.filter(datum__lte=tot)
    rows = (
        activiteiten.annotate(maand=ExtractMonth("datum"))
        .values("wijk__gebied_id", "maand")
        .annotate(**_figures())
        .order_by()
    )
    per_maand: dict[int, list[int]] = defaultdict(lambda: [0] * 12)
    bereikt: dict[int, int] = defaultdict(int)
    geactiveerd: dict[int, int] = defaultdict(int)
    for row in rows:
        gebied_id = row["wijk__gebied_id"]
        per_maand[gebied_id][row["maand"] - 1] += row["aantal"]
        bereikt[gebied_id] += row["bereikt"]
        geactiveerd[gebied_id] += row["geactiveerd"]
    result = []
    for gebied_id, naam in Gebied.objects.order_by("volgorde", "naam").values_list("pk", "naam"):
        maanden = per_maand[gebied_id]
        result.append(
            {
                "gebied": naam,
                "gebied_id": gebied_id,
                "per_maand": maanden,
                "activiteiten": sum(maanden),
                "bereikt": bereikt[gebied_id],
                "geactiveerd": geactiveerd[gebied_id],
            }
        )
    return {
        "maanden": month_labels(),
        "per_gebied": result,
        "per_maand": [sum(row["per_maand"][index] for row in result) for index in range(12)],
        "activiteiten": sum(row["activiteiten"] for row in result),
        "bereikt": sum(row["bereikt"] for row in result),
        "geactiveerd": sum(row["geactiveerd"] for row in result),
    }


def per_soort(queryset) -> list[dict]:
    """Activities per kind, most frequent first: ``[{"soort", "label", "aantal"}]``."""
    rows = queryset.order_by().values("soort").annotate(aantal=Count("pk"))
    result = [
        {
            "soort": row["soort"],
            "label": choice_label(ActiviteitSoort, row["soort"]),
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
    rows = queryset.order_by().values("wijk_id").annotate(**_figures())
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


def voorbeelden_per_wijk(*, year: int) -> list[dict]:
    """The report examples of ``year``, grouped by gebied, then wijk (Bijlage 1).

    Three queries: activities with wijk and gebied, their links, their photos.
    """
    activiteiten = (
        Activiteit.objects.for_year(year)
        .voorbeelden()
        .select_related("wijk__gebied")
        .prefetch_related("links", "fotos")
        .order_by("wijk__gebied__volgorde", "wijk__gebied__naam", "wijk__naam", "datum", "pk")
    )
    gebieden: list[dict] = []
    for activiteit in activiteiten:
        gebied, wijk = activiteit.wijk.gebied, activiteit.wijk
        if not gebieden or gebieden[-1]["gebied_id"] != gebied.pk:
            gebieden.append({"gebied": gebied.naam, "gebied_id": gebied.pk, "wijken": []})
        wijken = gebieden[-1]["wijken"]
        if not wijken or wijken[-1]["wijk_id"] != wijk.pk:
            wijken.append({"wijk": wijk.naam, "wijk_id": wijk.pk, "voorbeelden": []})
        wijken[-1]["voorbeelden"].append(
            {
                "id": activiteit.pk,
                "titel": activiteit.titel,
                "datum": activiteit.datum.isoformat(),
                "beschrijving": activiteit.beschrijving,
                "opbrengst": activiteit.opbrengst,
                "cijfers": activiteit.cijfers,
                "bewoners_bereikt": activiteit.bewoners_bereikt,
                "bewoners_geactiveerd": activiteit.bewoners_geactiveerd,
                "links": [
                    {"url": link.url, "omschrijving": link.omschrijving}
                    for link in activiteit.links.all()
                ],
                "fotos": [
                    {"url": foto.bestand.url, "bijschrift": foto.bijschrift}
                    for foto in activiteit.fotos.all()
                    if foto.bestand
                ],
            }
        )
    return gebieden


__all__ = [
    "active_partners",
    "area_overview",
    "per_maand",
    "per_soort",
    "per_gebied",
    "per_wijk",
    "totals",
    "voorbeelden_per_wijk",
]


def own_activiteiten(user):
    """The activities ``user`` recorded or took part in (a broker's own work).

    The same rule as ``Activiteit.objects.editable_by`` for a broker, written with
    a subquery so sums over it count every activity once.
    """
    took_part = Activiteit.objects.filter(medewerkers__user=user).values("pk")
    return Activiteit.objects.filter(Q(aangemaakt_door=user) | Q(pk__in=took_part))


def own_figures(*, user, start: datetime.date, end: datetime.date) -> dict:
    """A broker's own figures between ``start`` and ``end`` (both days included).

    ``aantal`` activities, residents ``bereikt`` and ``geactiveerd``, report
    ``voorbeelden`` among them, and ``initiatieven``: the different initiatives
    those activities supported. One query.
    """
    return (
        own_activiteiten(user)
        .filter(datum__gte=start, datum__lte=end)
        .aggregate(
            **_figures(),
            voorbeelden=Count("pk", filter=Q(is_voorbeeld=True)),
            initiatieven=Count("initiatief", distinct=True),
        )
    )


def years_with_data(queryset) -> list[int]:
    """The years ``queryset``'s activities fall in (for a page's year picker)."""
    return [date.year for date in queryset.dates("datum", "year")]
