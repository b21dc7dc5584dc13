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

from django.db.models import Min
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from buurtservice import selectors as buurtservice_selectors
from buurtservice.models import Klus, Uitvoerder
from core.periods import half_years, year_bounds
from initiatieven import selectors as initiatieven_selectors
from initiatieven.models import Deelnametelling, StatusWijziging
from makelaars import selectors as makelaars_selectors
from makelaars.models import Activiteit
from metingen import selectors as metingen_selectors
from metingen.models import Vragenlijst
from signalen import selectors as signalen_selectors
from signalen.models import BuurtteamContact, Signaal
from wijken.choices import Functie
from wijken.models import Gebied, Medewerker, Wijk

from .choices import Richting
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
# Per wijk, registration, last year beside this year
# ---------------------------------------------------------------------------


def bereik_per_wijk(*, year: int) -> list[dict]:
    """Per gebied, every wijk's activities and residents reached in ``year``.

    Where the wijk's number of inhabitants is known, also the residents reached
    per 1,000 inhabitants. Two queries (wijken, one grouped aggregate).
    """
    totals = makelaars_selectors.per_wijk(Activiteit.objects.for_year(year))
    gebieden: list[dict] = []
    wijken = Wijk.objects.select_related("gebied").order_by(
        "gebied__volgorde", "gebied__naam", "naam"
    )
    for wijk in wijken:
        if not gebieden or gebieden[-1]["gebied_id"] != wijk.gebied_id:
            gebieden.append({"gebied": wijk.gebied.naam, "gebied_id": wijk.gebied_id, "wijken": []})
        figures = totals.get(wijk.pk, {})
        bereikt = figures.get("bereikt") or 0
        per_duizend = None
        if wijk.inwoners:
            per_duizend = round(Decimal(bereikt) * 1000 / wijk.inwoners, 1)
        gebieden[-1]["wijken"].append(
            {
                "wijk": wijk.naam,
                "wijk_id": wijk.pk,
                "activiteiten": figures.get("aantal") or 0,
                "bereikt": bereikt,
                "inwoners": wijk.inwoners,
                "per_duizend": per_duizend,
            }
        )
    for gebied in gebieden:
        gebied["activiteiten"] = sum(row["activiteiten"] for row in gebied["wijken"])
        gebied["bereikt"] = sum(row["bereikt"] for row in gebied["wijken"])
    return plain(gebieden)


# The registers a figure comes from; "registered from" is the first date in each.
SOURCES = (
    "makelaars",
    "activiteiten",
    "initiatieven",
    "klussen",
    "uitvoerders",
    "signalen",
    "contacten",
    "metingen",
)


def registratie_vanaf() -> dict[str, str | None]:
    """Per register, the first date anything was recorded in it (ISO), or None.

    Before that date the record says nothing: a figure of an earlier year is
    "no registration", not 0. Nine queries.
    """

    def first(*dates):
        known = [date for date in dates if date is not None]
        return min(known) if known else None

    makelaars = Medewerker.objects.makelaars().aggregate(d=Min("startdatum"))["d"]
    activiteiten = Activiteit.objects.aggregate(d=Min("datum"))["d"]
    initiatieven = first(
        StatusWijziging.objects.aggregate(d=Min("datum"))["d"],
        Deelnametelling.objects.aggregate(d=Min("datum"))["d"],
    )
    return plain(
        {
            "makelaars": makelaars,
            "activiteiten": activiteiten,
            "initiatieven": initiatieven,
            "klussen": Klus.objects.aggregate(d=Min("aanvraagdatum"))["d"],
            "uitvoerders": Uitvoerder.objects.aggregate(d=Min("startdatum"))["d"],
            "signalen": Signaal.objects.aggregate(d=Min("datum"))["d"],
            "contacten": BuurtteamContact.objects.aggregate(d=Min("datum"))["d"],
            "metingen": Vragenlijst.objects.aggregate(d=Min("startdatum"))["d"],
        }
    )


def registered_in(vanaf: dict, source: str, year: int) -> bool:
    """Whether ``source`` had anything recorded on or before the end of ``year``."""
    first = vanaf.get(source)
    return bool(first) and datetime.date.fromisoformat(first) <= datetime.date(year, 12, 31)


def partly_registered(vanaf: dict, source: str, year: int) -> str | None:
    """The first date of ``source`` when registration began during ``year`` (after 1 Jan)."""
    first = vanaf.get(source)
    if first and datetime.date.fromisoformat(first).year == year and first[5:] != "01-01":
        return first
    return None


def first_recorded_year() -> int | None:
    """The year of the earliest date recorded in any register (None: nothing yet)."""
    dates = [value for value in registratie_vanaf().values() if value]
    return int(min(dates)[:4]) if dates else None


def buurtservice_jaar(halves: list[dict]) -> dict:
    """Year figures of Buurtservice from the figures of its two halves (no queries)."""
    first, second = halves[0], halves[1]
    return {
        "jobs_requested": first["jobs_requested"] + second["jobs_requested"],
        "jobs_done": first["jobs_done"] + second["jobs_done"],
        "hours_worked": (first["hours_worked"] or 0) + (second["hours_worked"] or 0),
        "waiting_start": first["waiting_start"],
        "waiting_end": second["waiting_end"],
        "median_wait_days_end": second["median_wait_days_end"],
        "new_workers": sum(row["aantal"] for half in halves for row in half["new_workers"]),
        "outflow": sum(sum(half["outflow"].values()) for half in halves),
    }


def figures_of_year(year: int) -> dict:
    """The figures of ``year`` that the report compares with the previous year."""
    halves = buurtservice_halfjaren(year=year)
    return {
        "jaar": year,
        "activiteiten": makelaars_selectors.per_gebied(year=year),
        # Status at the end of the year (the rule: initiatieven.selectors.with_status_on).
        "initiatieven": initiatieven_selectors.per_status_per_gebied(year_bounds(year)[1]),
        "initiatief_vrijwilligers": initiatieven_selectors.headcount_in_year(year=year),
        "buurtservice": halves,
        "buurtservice_jaar": buurtservice_jaar(halves),
        "signalen": signalen_selectors.report_section(year),
        "metingen": metingen_selectors.report_section(year),
    }


def signalen_kern(section: dict) -> dict:
    """Headline figures of the signals section (``signalen.selectors.report_section``)."""
    jaar = str(section["jaar"])
    vraagstukken = section["vraagstukken"]
    return {
        "signalen": section["aantal_signalen"],
        "vraagstukken": len(vraagstukken),
        # Completed in the year itself (afgerond_op is "dd-mm-yyyy").
        "vraagstukken_afgerond": sum(1 for v in vraagstukken if v["afgerond_op"].endswith(jaar)),
        "contacten": section["contacten"]["totaal"],
        "doorverwijzingen": section["doorverwijzingen"]["totaal"],
    }


def metingen_kern(section: list[dict]) -> dict:
    """Headline figures of the measurements (``metingen.selectors.report_section``)."""
    return {
        "initiatieven": len({meting["initiatief"] for meting in section}),
        "antwoorden": sum(meting["n"] for meting in section),
    }


def _makelaars_on(figures: dict, year: int) -> int | None:
    peildata = figures["makelaars"]["peildata"]
    target = datetime.date(year, 12, 31).isoformat()
    return figures["makelaars"]["totaal"][peildata.index(target)] if target in peildata else None


def kerncijfers(figures: dict) -> dict:
    """The key figures of the year beside the previous year's, from gathered figures.

    Every row: ``label``, ``waarde``, ``vorig`` (None: nothing was registered
    then), ``verschil`` (None when either is unknown), ``bron`` (the register)
    and ``eenheid``. ``notes`` say where registration began during a year.
    No queries: it only reads ``figures`` (see report_figures).
    """
    year = figures["jaar"]
    vorig = figures["vorig"]
    vanaf = figures["registratie"]
    now_year = figures_of_year_view(figures)
    rows = []

    def row(key, label, bron, value, previous, eenheid=""):
        this = value if registered_in(vanaf, bron, year) else None
        before = previous if registered_in(vanaf, bron, year - 1) else None
        verschil = None
        if this is not None and before is not None:
            verschil = Decimal(str(this)) - Decimal(str(before))
        rows.append(
            {
                "key": key,
                "label": str(label),
                "bron": bron,
                "waarde": this,
                "vorig": before,
                "verschil": verschil,
                "eenheid": str(eenheid),
            }
        )

    row(
        "makelaars",
        _("Social brokers at the end of the year"),
        "makelaars",
        _makelaars_on(figures, year),
        _makelaars_on(figures, year - 1),
    )
    a, va = now_year["activiteiten"], vorig["activiteiten"]
    row("activiteiten", _("Activities"), "activiteiten", a["activiteiten"], va["activiteiten"])
    row("bereikt", _("Residents reached"), "activiteiten", a["bereikt"], va["bereikt"])
    row(
        "geactiveerd", _("Residents activated"), "activiteiten", a["geactiveerd"], va["geactiveerd"]
    )
    previous_status = {
        item["status"]: item["aantal"] for item in vorig["initiatieven"]["per_status"]
    }
    for item in now_year["initiatieven"]["per_status"]:
        row(
            f"initiatieven_{item['status']}",
            _("Resident initiatives: %(status)s") % {"status": item["label"]},
            "initiatieven",
            item["aantal"],
            previous_status.get(item["status"], 0),
        )
    iv, viv = now_year["initiatief_vrijwilligers"], vorig["initiatief_vrijwilligers"]
    row(
        "vrijwilligers",
        _("Volunteers of resident initiatives"),
        "initiatieven",
        iv["vrijwilligers"],
        viv["vrijwilligers"],
    )
    row(
        "deelnemers",
        _("Participants of resident initiatives"),
        "initiatieven",
        iv["deelnemers"],
        viv["deelnemers"],
    )
    b, vb = now_year["buurtservice_jaar"], vorig["buurtservice_jaar"]
    row(
        "klussen_aangevraagd",
        _("Jobs requested"),
        "klussen",
        b["jobs_requested"],
        vb["jobs_requested"],
    )
    row("klussen_uitgevoerd", _("Jobs done"), "klussen", b["jobs_done"], vb["jobs_done"])
    row(
        "uren",
        _("Hours worked on jobs"),
        "klussen",
        b["hours_worked"],
        vb["hours_worked"],
    )
    row(
        "wachtlijst_eind",
        _("Waiting list at the end of the year"),
        "klussen",
        b["waiting_end"],
        vb["waiting_end"],
        _("jobs"),
    )
    row(
        "wachttijd",
        _("Median waiting time at the end of the year"),
        "klussen",
        b["median_wait_days_end"],
        vb["median_wait_days_end"],
        _("days"),
    )
    row(
        "nieuwe_uitvoerders",
        _("New volunteers and workers at Buurtservice"),
        "uitvoerders",
        b["new_workers"],
        vb["new_workers"],
    )
    row(
        "uitstroom",
        _("Outflow of Buurtservice workers"),
        "uitvoerders",
        b["outflow"],
        vb["outflow"],
    )
    s, vs = signalen_kern(now_year["signalen"]), signalen_kern(vorig["signalen"])
    row("signalen", _("Signals recorded"), "signalen", s["signalen"], vs["signalen"])
    row(
        "vraagstukken",
        _("Collective questions worked on"),
        "signalen",
        s["vraagstukken"],
        vs["vraagstukken"],
    )
    row(
        "vraagstukken_afgerond",
        _("Collective questions completed"),
        "signalen",
        s["vraagstukken_afgerond"],
        vs["vraagstukken_afgerond"],
    )
    row(
        "contacten",
        _("Contacts with the buurtteam"),
        "contacten",
        s["contacten"],
        vs["contacten"],
    )
    m, vm = metingen_kern(now_year["metingen"]), metingen_kern(vorig["metingen"])
    row(
        "metingen_initiatieven",
        _("Initiatives measured with residents"),
        "metingen",
        m["initiatieven"],
        vm["initiatieven"],
    )
    row(
        "metingen_antwoorden",
        _("Residents who answered a questionnaire"),
        "metingen",
        m["antwoorden"],
        vm["antwoorden"],
    )
    notes = []
    for source in SOURCES:
        for jaar in (year - 1, year):
            first = partly_registered(vanaf, source, jaar)
            if first:
                notes.append({"bron": source, "jaar": jaar, "vanaf": first})
    return plain({"rijen": rows, "notes": notes})


def figures_of_year_view(figures: dict) -> dict:
    """The current year's figures in the shape of ``figures_of_year``."""
    return {
        "activiteiten": figures["activiteiten"],
        "initiatieven": figures["initiatieven"],
        "initiatief_vrijwilligers": figures["initiatief_vrijwilligers"],
        "buurtservice_jaar": buurtservice_jaar(figures["buurtservice"]),
        "signalen": figures["signalen"],
        "metingen": figures["metingen"],
    }


# ---------------------------------------------------------------------------
# Indicators of the plan items
# ---------------------------------------------------------------------------

Measure = Callable[[dict], float | int | None]

# Indicator.meting key -> (description, unit, function of the gathered figures).
INDICATOR_MEASURES: dict[str, tuple[Promise, Promise | str, Measure]] = {
    "makelaars_eind_jaar": (
        gettext_lazy("Social brokers at the end of the year"),
        gettext_lazy("persons"),
        lambda f: f["makelaars"]["totaal"][-1],
    ),
    "makelaars_begin_jaar": (
        gettext_lazy("Social brokers at the end of the baseline year"),
        gettext_lazy("persons"),
        lambda f: f["makelaars"]["totaal"][0],
    ),
    "makelaars_groei": (
        gettext_lazy("Growth in social brokers since the baseline year"),
        gettext_lazy("persons"),
        lambda f: f["makelaars"]["totaal"][-1] - f["makelaars"]["totaal"][0],
    ),
    "activiteiten": (
        gettext_lazy("Activities in the year"),
        gettext_lazy("activities"),
        lambda f: f["activiteiten"]["activiteiten"],
    ),
    "bewoners_bereikt": (
        gettext_lazy("Residents reached"),
        gettext_lazy("residents"),
        lambda f: f["activiteiten"]["bereikt"],
    ),
    "bewoners_geactiveerd": (
        gettext_lazy("Residents activated"),
        gettext_lazy("residents"),
        lambda f: f["activiteiten"]["geactiveerd"],
    ),
    "initiatieven_lopend": (
        gettext_lazy("Running initiatives at the end of the year"),
        gettext_lazy("initiatives"),
        lambda f: f["initiatieven"]["lopend"],
    ),
    "initiatief_vrijwilligers": (
        gettext_lazy("Volunteers of resident initiatives"),
        gettext_lazy("persons"),
        lambda f: f["initiatief_vrijwilligers"]["vrijwilligers"],
    ),
    "buurtservice_extra_uren": (
        gettext_lazy("Extra Buurtservice staff hours per week"),
        gettext_lazy("hours per week"),
        lambda f: f["capaciteit"]["verschil"],
    ),
    "buurtservice_uren_eind": (
        gettext_lazy("Buurtservice staff hours per week at the end of the year"),
        gettext_lazy("hours per week"),
        lambda f: f["capaciteit"]["eind"],
    ),
    "buurtservice_klussen_aangevraagd": (
        gettext_lazy("Jobs requested"),
        gettext_lazy("jobs"),
        lambda f: _sum_halves(f, "jobs_requested"),
    ),
    "buurtservice_klussen_uitgevoerd": (
        gettext_lazy("Jobs done"),
        gettext_lazy("jobs"),
        lambda f: _sum_halves(f, "jobs_done"),
    ),
    "buurtservice_nieuwe_uitvoerders": (
        gettext_lazy("New volunteers and workers at Buurtservice"),
        gettext_lazy("persons"),
        lambda f: sum(
            row["aantal"] for half in f["buurtservice"] for row in half.get("new_workers", [])
        ),
    ),
    "wachtlijst_eind": (
        gettext_lazy("Waiting list at the end of the year"),
        gettext_lazy("jobs"),
        lambda f: f["wachtlijst"]["eind"],
    ),
    "wachtlijst_afname": (
        gettext_lazy("Decrease of the waiting list over the year"),
        gettext_lazy("jobs"),
        lambda f: f["wachtlijst"]["begin"] - f["wachtlijst"]["eind"],
    ),
    "signalen": (
        gettext_lazy("Signals recorded"),
        gettext_lazy("signals"),
        lambda f: f["signalen"]["aantal_signalen"],
    ),
    "vraagstukken_afgerond": (
        gettext_lazy("Collective questions completed"),
        gettext_lazy("questions"),
        lambda f: signalen_kern(f["signalen"])["vraagstukken_afgerond"],
    ),
    "wachttijd_eind": (
        gettext_lazy("Median waiting time at the end of the year"),
        gettext_lazy("days"),
        lambda f: f["buurtservice"][-1]["median_wait_days_end"],
    ),
}


def _sum_halves(figures: dict, key: str) -> float | int:
    return sum(half.get(key) or 0 for half in figures["buurtservice"])


def measure_choices() -> list[tuple[str, str]]:
    return [(key, str(label)) for key, (label, _unit, _fn) in INDICATOR_MEASURES.items()]


def measure_unit(key: str) -> str:
    measure = INDICATOR_MEASURES.get(key)
    return str(measure[1]) if measure else ""


def is_achieved(resultaat, streefwaarde, richting: str) -> bool | None:
    """Whether ``resultaat`` meets ``streefwaarde`` in ``richting``; None when unknown."""
    if resultaat is None or streefwaarde is None:
        return None
    result, target = Decimal(str(resultaat)), Decimal(str(streefwaarde))
    if richting == Richting.LAGER:
        return result <= target
    if richting == Richting.PRECIES:
        return result == target
    return result >= target


def indicator_resultaten(rapportage: Jaarrapportage, figures: dict) -> list[dict]:
    """Per indicator of the report's plan items: target, result for the year, achieved.

    A computed measure takes its result from ``figures``; a manual one from the
    value entered with its source. One query (none for an unsaved report).
    Unknown measure keys give ``resultaat`` None.
    """
    if rapportage.pk is None:
        return []
    from .models import Indicator

    results = []
    indicators = Indicator.objects.filter(planonderdeel__rapportage=rapportage).order_by(
        "planonderdeel__volgorde", "planonderdeel__pk", "pk"
    )
    for indicator in indicators:
        measure = INDICATOR_MEASURES.get(indicator.meting) if indicator.meting else None
        resultaat = None
        if not indicator.meting:
            resultaat = indicator.handmatige_waarde
        elif measure is not None:
            try:
                resultaat = measure[2](figures)
            except (KeyError, IndexError, TypeError):
                resultaat = None
        results.append(
            {
                "id": indicator.pk,
                "planonderdeel_id": indicator.planonderdeel_id,
                "naam": indicator.naam,
                "meting": indicator.meting,
                "meting_label": str(measure[0]) if measure else "",
                "handmatig": not indicator.meting,
                "bron": indicator.bron
                if not indicator.meting
                else str(gettext_lazy("the app's record")),
                "eenheid": indicator.eenheid or (str(measure[1]) if measure else ""),
                "richting": indicator.richting,
                "richting_label": str(Richting(indicator.richting).label)
                if indicator.richting in Richting.values
                else indicator.richting,
                "streefwaarde": plain(indicator.streefwaarde),
                "resultaat": plain(resultaat),
                "behaald": is_achieved(resultaat, indicator.streefwaarde, indicator.richting),
            }
        )
    return results


# ---------------------------------------------------------------------------
# What weakens the report of a year (the check page, and any page that warns)
# ---------------------------------------------------------------------------


def report_warnings(*, year: int, user) -> list[dict]:
    """What weakens the yearly report of ``year``: one dict per check, in page order.

    Each: ``key``, ``title``, ``explanation``, ``total`` (records concerned),
    ``ok`` (total is 0) and ``items`` (at most ``checks.LIMIT``; each ``label``,
    ``url`` to open the record, ``detail``). Links are those ``user`` may open
    (staff pages only for a beheerder). The texts of the year's report are
    checked when it exists. Plain data: the check page and a home page read it.
    """
    from .checks import report_checks

    rapportage = Jaarrapportage.objects.filter(jaar=year).first()
    return [
        {
            "key": check.key,
            "title": str(check.title),
            "explanation": str(check.explanation),
            "total": check.total,
            "ok": check.ok,
            "items": [
                {"label": item.label, "url": item.url, "detail": str(item.detail)}
                for item in check.items
            ],
        }
        for check in report_checks(rapportage, year=year, user=user)
    ]


# ---------------------------------------------------------------------------
# Everything for one report
# ---------------------------------------------------------------------------

# Figures of a later block (e.g. signals from their own register): key -> function
# of the report returning plain data. See rapportage.blocks for the block itself.
EXTRA_FIGURES: dict[str, Callable[[Jaarrapportage], Any]] = {}


def register_figures(key: str, function: Callable[[Jaarrapportage], Any]) -> None:
    """Compute ``function(rapportage)`` as ``figures[key]`` for every report."""
    EXTRA_FIGURES[key] = function


def report_figures(rapportage: Jaarrapportage) -> dict:
    """All figures of a report, JSON-serialisable, in a fixed number of queries."""
    year = rapportage.jaar
    baseline = rapportage.baseline_year
    dates = [datetime.date(baseline, 12, 31), datetime.date(year, 12, 31)]
    if baseline != year - 1:
        dates.insert(1, datetime.date(year - 1, 12, 31))
    halves = buurtservice_halfjaren(year=year)
    figures = {
        "jaar": year,
        "basisjaar": baseline,
        "makelaars": makelaars_per_gebied(dates=dates),
        "activiteiten": makelaars_selectors.per_gebied(year=year),
        "per_wijk": bereik_per_wijk(year=year),
        "voorbeelden": makelaars_selectors.voorbeelden_per_wijk(year=year),
        # Status at the end of the year (the rule: initiatieven.selectors.with_status_on).
        "initiatieven": initiatieven_selectors.per_status_per_gebied(year_bounds(year)[1]),
        "initiatief_vrijwilligers": initiatieven_selectors.headcount_in_year(year=year),
        "buurtservice": halves,
        "buurtservice_jaar": buurtservice_jaar(halves),
        "wachtlijst": buurtservice_selectors.wachtlijst_verloop(year=year),
        "capaciteit": buurtservice_selectors.capaciteit_verloop(year=year),
        "signalen": signalen_selectors.report_section(year),
        "metingen": metingen_selectors.report_section(year),
        "vorig": figures_of_year(year - 1),
        "registratie": registratie_vanaf(),
    }
    for key, function in EXTRA_FIGURES.items():
        figures[key] = function(rapportage)
    vanaf = figures["registratie"]
    figures["vorig"]["geregistreerd"] = {
        source: registered_in(vanaf, source, year - 1) for source in SOURCES
    }
    # Per half year of the previous year: were jobs registered by its last day?
    figures["vorig"]["klussen_per_halfjaar"] = [
        bool(vanaf["klussen"]) and vanaf["klussen"] <= str(half["end"])
        for half in figures["vorig"]["buurtservice"]
    ]
    figures["kerncijfers"] = kerncijfers(figures)
    figures["indicatoren"] = indicator_resultaten(rapportage, figures)
    return plain(figures)
