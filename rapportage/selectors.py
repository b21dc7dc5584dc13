"""Read-only figures of the Jaarrapportage: one function per figure.

Every function returns plain, JSON-serialisable data (numbers, strings, ISO
dates, lists and dicts), so the same figures feed the HTML preview, the PDF,
the coordinator's dashboard and the snapshot stored with a final version.
The number of queries of each function is fixed: it does not grow with the data.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buurtservice import selectors as buurtservice_selectors
from core.periods import half_years, year_bounds
from initiatieven import selectors as initiatieven_selectors
from makelaars import selectors as makelaars_selectors
from wijken.choices import Functie
from wijken.models import Gebied, Medewerker

from .models import Jaarrapportage


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
        .overlapping(first, last)
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
# Buurtservice
# ---------------------------------------------------------------------------


def buurtservice_halfjaren(*, year: int) -> list[dict]:
    """The Buurtservice figures of both halves of ``year`` (buurtservice.selectors), with
    the half year's ``label``."""
    return plain(
        [
            {**buurtservice_selectors.period_overview(start=start, end=end), "label": label}
            for label, start, end in half_years(year)
        ]
    )


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
        "activiteiten": makelaars_selectors.per_gebied(year=year),
        "voorbeelden": makelaars_selectors.voorbeelden_per_wijk(year=year),
        # Status at the end of the year (the rule: initiatieven.selectors.with_status_on).
        "initiatieven": initiatieven_selectors.per_status_per_gebied(year_bounds(year)[1]),
        "initiatief_vrijwilligers": initiatieven_selectors.headcount_in_year(year=year),
        "buurtservice": buurtservice_halfjaren(year=year),
        "wachtlijst": buurtservice_selectors.wachtlijst_verloop(year=year),
        "capaciteit": buurtservice_selectors.capaciteit_verloop(year=year),
    }
    figures["indicatoren"] = indicator_resultaten(rapportage, figures)
    return plain(figures)
