"""Read-only figures of the Jaarrapportage: one function per figure.

Every function returns plain, JSON-serialisable data (numbers, strings, ISO
dates, lists and dicts), so the same figures feed the HTML preview, the PDF,
the coordinator's dashboard and the snapshot stored with a final version.
The number of queries of each function is fixed: it does not grow with the data.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import ExtractMonth
from django.utils.dates import MONTHS_3
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buurtservice import selectors as buurtservice_selectors
from buurtservice.choices import Uitstroom
from buurtservice.models import Capaciteit, Klus, open_on_q
from initiatieven.choices import InitiatiefStatus
from initiatieven.models import Deelnametelling, Initiatief, StatusWijziging
from makelaars.models import Activiteit
from wijken.choices import Functie
from wijken.models import Gebied, Medewerker

from .models import Jaarrapportage

MONTHS = range(1, 13)


def plain(value: Any) -> Any:
    """``value`` made JSON-serialisable: dates as ISO text, decimals as numbers."""
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, Promise):
        return str(value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def month_ends(year: int) -> list[datetime.date]:
    """The last day of every month of ``year``."""
    ends = []
    for month in MONTHS:
        first_next = datetime.date(year + month // 12, month % 12 + 1, 1)
        ends.append(first_next - datetime.timedelta(days=1))
    return ends


def month_labels() -> list[str]:
    return [str(MONTHS_3[month]) for month in MONTHS]


def _gebieden() -> list[dict]:
    return [
        {"id": pk, "naam": naam}
        for pk, naam in Gebied.objects.order_by("volgorde", "naam").values_list("pk", "naam")
    ]


# ---------------------------------------------------------------------------
# 1. Social brokers
# ---------------------------------------------------------------------------


def makelaars_per_gebied(*, dates: list[datetime.date]) -> dict:
    """Social brokers (function "sociaal makelaar", pilots excluded) per gebied on ``dates``.

    Pilots (``is_pilot``) are listed separately with their start date. A broker
    working in two gebieden counts in both rows but once in the total. Three queries.
    """
    first, last = min(dates), max(dates)
    staff = list(
        Medewerker.objects.makelaars()
        .filter(startdatum__lte=last)
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=first))
        .prefetch_related("gebieden")
        .order_by("startdatum", "naam")
    )
    gebieden = _gebieden()
    counts = {gebied["id"]: [0] * len(dates) for gebied in gebieden}
    totals = [0] * len(dates)
    zonder_gebied = [0] * len(dates)
    pilots = []
    for medewerker in staff:
        gebied_ids = [gebied.pk for gebied in medewerker.gebieden.all()]
        if medewerker.is_pilot:
            if medewerker.is_active_on(last):
                pilots.append(
                    {
                        "naam": medewerker.naam,
                        "functie": medewerker.functie,
                        "functie_label": str(medewerker.get_functie_display()),
                        "gebieden": [gebied.naam for gebied in medewerker.gebieden.all()],
                        "startdatum": medewerker.startdatum.isoformat(),
                    }
                )
            continue
        if medewerker.functie != Functie.SOCIAAL_MAKELAAR:
            continue
        for index, date in enumerate(dates):
            if not medewerker.is_active_on(date):
                continue
            totals[index] += 1
            if not gebied_ids:
                zonder_gebied[index] += 1
            for gebied_id in gebied_ids:
                counts[gebied_id][index] += 1
    rows = [
        {"gebied": gebied["naam"], "gebied_id": gebied["id"], "aantallen": counts[gebied["id"]]}
        for gebied in gebieden
    ]
    if any(zonder_gebied):
        rows.append({"gebied": _("No area"), "gebied_id": None, "aantallen": zonder_gebied})
    return {
        "peildata": [date.isoformat() for date in dates],
        "per_gebied": rows,
        "totaal": totals,
        "pilots": pilots,
    }


# ---------------------------------------------------------------------------
# Activities: per gebied per month, residents reached, examples
# ---------------------------------------------------------------------------


def activiteiten_per_gebied(*, year: int) -> dict:
    """Per gebied: activities per month and residents reached/activated in ``year``.

    Two queries (gebieden, one grouped aggregate).
    """
    rows = (
        Activiteit.objects.for_year(year)
        .annotate(maand=ExtractMonth("datum"))
        .values("wijk__gebied_id", "maand")
        .annotate(
            aantal=Count("pk"),
            bereikt=Sum("bewoners_bereikt", default=0),
            geactiveerd=Sum("bewoners_geactiveerd", default=0),
        )
        .order_by()
    )
    per_maand: dict[int, list[int]] = defaultdict(lambda: [0] * 12)
    bereikt: dict[int, int] = defaultdict(int)
    geactiveerd: dict[int, int] = defaultdict(int)
    for row in rows:
        gebied_id = row["wijk__gebied_id"]
        per_maand[gebied_id][row["maand"] - 1] += row["aantal"]
        bereikt[gebied_id] += row["bereikt"] or 0
        geactiveerd[gebied_id] += row["geactiveerd"] or 0
    result = []
    for gebied in _gebieden():
        maanden = per_maand[gebied["id"]]
        result.append(
            {
                "gebied": gebied["naam"],
                "gebied_id": gebied["id"],
                "per_maand": maanden,
                "activiteiten": sum(maanden),
                "bereikt": bereikt[gebied["id"]],
                "geactiveerd": geactiveerd[gebied["id"]],
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


# ---------------------------------------------------------------------------
# Initiatives and volunteers
# ---------------------------------------------------------------------------


def initiatieven_per_status(*, year: int) -> dict:
    """Initiatives by their status at the end of ``year``. One query.

    The status is the last recorded status change on or before 31 December; an
    initiative without any recorded change counts with its current status, one
    whose first change lies after the year did not exist yet and is left out.
    """
    _start, end = year_bounds(year)
    changes = StatusWijziging.objects.filter(initiatief=OuterRef("pk"))
    rows = Initiatief.objects.annotate(
        status_eind=Subquery(
            changes.filter(datum__lte=end).order_by("-datum", "-pk").values("status")[:1]
        ),
        eerste_wijziging=Subquery(changes.order_by("datum", "pk").values("datum")[:1]),
    ).values_list("status", "status_eind", "eerste_wijziging")
    counts: dict[str, int] = defaultdict(int)
    for status, status_eind, eerste in rows:
        if status_eind:
            counts[status_eind] += 1
        elif eerste is None:
            counts[status] += 1
    per_status = [
        {"status": choice.value, "label": str(choice.label), "aantal": counts[choice.value]}
        for choice in InitiatiefStatus
    ]
    running = (InitiatiefStatus.ACTIEF, InitiatiefStatus.ZELFSTANDIG)
    return {
        "per_status": per_status,
        "totaal": sum(counts.values()),
        "lopend": sum(counts[status] for status in running),
    }


def initiatief_vrijwilligers(*, year: int) -> dict:
    """Volunteers and participants of initiatives: each one's last count in ``year``. One query."""
    start, end = year_bounds(year)
    in_year = Deelnametelling.objects.filter(
        initiatief=OuterRef("initiatief"), datum__gte=start, datum__lte=end
    )
    latest = Deelnametelling.objects.filter(
        datum__gte=start,
        datum__lte=end,
        pk=Subquery(in_year.order_by("-datum", "-pk").values("pk")[:1]),
    ).aggregate(
        initiatieven=Count("initiatief", distinct=True),
        vrijwilligers=Sum("vrijwilligers", default=0),
        deelnemers=Sum("deelnemers", default=0),
    )
    return latest


# ---------------------------------------------------------------------------
# Buurtservice
# ---------------------------------------------------------------------------


def buurtservice_halfjaren(*, year: int) -> list[dict]:
    """The Buurtservice figures of both halves of ``year`` (via buurtservice.selectors).

    Adds ``label`` and ``outflow_rows`` (outflow with readable labels).
    """
    halves = []
    for label, start, end in buurtservice_selectors.half_years(year):
        overview = buurtservice_selectors.period_overview(start=start, end=end)
        outflow_rows = [
            {"uitstroom": key, "label": _choice_label(Uitstroom, key), "aantal": aantal}
            for key, aantal in overview["outflow"].items()
        ]
        halves.append({**overview, "label": label, "outflow_rows": outflow_rows})
    return plain(halves)


def _choice_label(choices, value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


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
        "labels": [_("start"), *month_labels()],
        "aantallen": counts,
        "begin": counts[0],
        "eind": counts[-1],
    }


def capaciteit_verloop(*, year: int) -> dict:
    """Buurtservice staff hours per week at the start and end of ``year`` and each change.

    One query: the capacity periods overlapping the year (a short list).
    """
    start, end = year_bounds(year)
    periods = list(
        Capaciteit.objects.filter(startdatum__lte=end).filter(
            Q(einddatum__isnull=True) | Q(einddatum__gte=start - datetime.timedelta(days=1))
        )
    )

    def hours_on(date: datetime.date) -> Decimal:
        return sum(
            (
                period.uren_per_week
                for period in periods
                if period.startdatum <= date <= (period.einddatum or date)
            ),
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
    return plain({"begin": begin, "eind": eind, "verschil": eind - begin, "wijzigingen": changes})


# ---------------------------------------------------------------------------
# Indicators of the plan items
# ---------------------------------------------------------------------------

Measure = Callable[[dict], float | int | None]

# Indicator.meting key -> (description, function of the gathered figures).
INDICATOR_MEASURES: dict[str, tuple[Promise, Measure]] = {
    "makelaars_eind_jaar": (
        gettext_lazy("Social brokers at the end of the year"),
        lambda f: f["makelaars"]["totaal"][-1],
    ),
    "makelaars_begin_jaar": (
        gettext_lazy("Social brokers at the end of the baseline year"),
        lambda f: f["makelaars"]["totaal"][0],
    ),
    "makelaars_groei": (
        gettext_lazy("Growth in social brokers since the baseline year"),
        lambda f: f["makelaars"]["totaal"][-1] - f["makelaars"]["totaal"][0],
    ),
    "activiteiten": (
        gettext_lazy("Activities in the year"),
        lambda f: f["activiteiten"]["activiteiten"],
    ),
    "bewoners_bereikt": (
        gettext_lazy("Residents reached"),
        lambda f: f["activiteiten"]["bereikt"],
    ),
    "bewoners_geactiveerd": (
        gettext_lazy("Residents activated"),
        lambda f: f["activiteiten"]["geactiveerd"],
    ),
    "initiatieven_lopend": (
        gettext_lazy("Running initiatives at the end of the year"),
        lambda f: f["initiatieven"]["lopend"],
    ),
    "buurtservice_extra_uren": (
        gettext_lazy("Extra Buurtservice staff hours per week"),
        lambda f: f["capaciteit"]["verschil"],
    ),
    "buurtservice_uren_eind": (
        gettext_lazy("Buurtservice staff hours per week at the end of the year"),
        lambda f: f["capaciteit"]["eind"],
    ),
    "buurtservice_klussen_uitgevoerd": (
        gettext_lazy("Buurtservice jobs done"),
        lambda f: _sum_halves(f, "jobs_done"),
    ),
    "buurtservice_nieuwe_uitvoerders": (
        gettext_lazy("New Buurtservice volunteers and workers"),
        lambda f: sum(
            row["aantal"] for half in f["buurtservice"] for row in half.get("new_workers", [])
        ),
    ),
    "wachtlijst_eind": (
        gettext_lazy("Buurtservice waiting list at the end of the year"),
        lambda f: f["wachtlijst"]["eind"],
    ),
    "wachtlijst_afname": (
        gettext_lazy("Decrease of the Buurtservice waiting list"),
        lambda f: f["wachtlijst"]["begin"] - f["wachtlijst"]["eind"],
    ),
}


def _sum_halves(figures: dict, key: str) -> float | int:
    return sum(half.get(key) or 0 for half in figures["buurtservice"])


def measure_choices() -> list[tuple[str, str]]:
    return [(key, str(label)) for key, (label, _fn) in INDICATOR_MEASURES.items()]


def indicator_resultaten(rapportage: Jaarrapportage, figures: dict) -> list[dict]:
    """Per indicator of the report's plan items: target and the result computed for the year.

    One query (none for an unsaved report). Unknown keys give ``resultaat`` None.
    """
    if rapportage.pk is None:
        return []
    from .models import Indicator

    results = []
    indicators = Indicator.objects.filter(planonderdeel__rapportage=rapportage).order_by(
        "planonderdeel__volgorde", "planonderdeel__pk", "pk"
    )
    for indicator in indicators:
        measure = INDICATOR_MEASURES.get(indicator.meting)
        resultaat = None
        if measure is not None:
            try:
                resultaat = measure[1](figures)
            except (KeyError, IndexError, TypeError):
                resultaat = None
        results.append(
            {
                "id": indicator.pk,
                "planonderdeel_id": indicator.planonderdeel_id,
                "naam": indicator.naam,
                "meting": indicator.meting,
                "meting_label": str(measure[0]) if measure else "",
                "streefwaarde": plain(indicator.streefwaarde),
                "resultaat": plain(resultaat),
                "behaald": None
                if resultaat is None
                else bool(Decimal(str(resultaat)) >= indicator.streefwaarde),
            }
        )
    return results


# ---------------------------------------------------------------------------
# Everything for one report
# ---------------------------------------------------------------------------


def report_figures(rapportage: Jaarrapportage) -> dict:
    """All figures of a report, JSON-serialisable, in a fixed number of queries."""
    year = rapportage.jaar
    baseline = rapportage.baseline_year
    dates = [datetime.date(baseline, 12, 31), datetime.date(year, 12, 31)]
    if baseline != year - 1:
        dates.insert(1, datetime.date(year - 1, 12, 31))
    figures = {
        "jaar": year,
        "basisjaar": baseline,
        "makelaars": makelaars_per_gebied(dates=dates),
        "activiteiten": activiteiten_per_gebied(year=year),
        "voorbeelden": voorbeelden_per_wijk(year=year),
        "initiatieven": initiatieven_per_status(year=year),
        "initiatief_vrijwilligers": initiatief_vrijwilligers(year=year),
        "buurtservice": buurtservice_halfjaren(year=year),
        "wachtlijst": wachtlijst_verloop(year=year),
        "capaciteit": capaciteit_verloop(year=year),
    }
    figures["indicatoren"] = indicator_resultaten(rapportage, figures)
    return plain(figures)
