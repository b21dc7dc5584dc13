"""Results of the questionnaires: plain data, computed in one place.

What no result may do is let one resident's answers be read off. So results
(the shares per statement, the open answers, the export and the report) are
shown only

- once the questionnaire is closed: while answers still come in, comparing the
  results before and after one answer would give that answer away; a
  questionnaire closed with enough answers cannot be opened again
  (``services.set_open``);
- from MIN_ANTWOORDEN responses, each given with its own one-time answer code
  from a printed slip (``services.submit_answers``), so that whoever only has
  the link cannot add answers and make a single resident's stand out;
- per statement, from MIN_ANTWOORDEN answers to that statement.

Below that only the number of responses is known. The share that agrees is
(agree + strongly agree) / answers to that statement, as a whole percentage
rounded half up. The open answers are for the broker and the coordinator only:
they are never part of the report data or an export.
"""

from __future__ import annotations

from collections import Counter
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count

from .choices import Schaal
from .models import DUIDING_FIELDS, Antwoord, Duiding, Vragenlijst

MIN_ANTWOORDEN = 5


def share(part: int, whole: int) -> int | None:
    """``part`` of ``whole`` as a whole percentage (half up); None when nothing to share."""
    if not whole:
        return None
    return int((Decimal(100 * part) / Decimal(whole)).quantize(Decimal(1), ROUND_HALF_UP))


def results_visible(vragenlijst: Vragenlijst, n: int | None = None) -> bool:
    """Closed, with at least MIN_ANTWOORDEN responses (see the module's docstring)."""
    if vragenlijst.is_open:
        return False
    if n is None:
        n = vragenlijst.inzendingen.count()
    return n >= MIN_ANTWOORDEN


def results(vragenlijst: Vragenlijst) -> dict:
    """``{"n", "getoond", "min", "open", "stellingen": [{"tekst", "effect", "n",
    "eens", "aandeel", "verdeling": [count per scale value 1..5]}]}``; the numbers
    of a statement are None while results are not visible (``results_visible``)
    or the statement has fewer than MIN_ANTWOORDEN answers."""
    n = vragenlijst.inzendingen.count()
    shown = results_visible(vragenlijst, n)
    counts: Counter = Counter()
    if shown:
        rows = (
            Antwoord.objects.filter(stelling__vragenlijst=vragenlijst)
            .values_list("stelling_id", "waarde")
            .annotate(aantal=Count("pk"))
            .order_by()
        )
        counts = Counter({(stelling_id, waarde): aantal for stelling_id, waarde, aantal in rows})
    stellingen = []
    for stelling in vragenlijst.stellingen.all():
        verdeling = [counts.get((stelling.pk, value), 0) for value in Schaal.values]
        answered = sum(verdeling)
        agreeing = sum(counts.get((stelling.pk, value), 0) for value in Schaal.agreeing())
        visible = shown and answered >= MIN_ANTWOORDEN
        stellingen.append(
            {
                "tekst": stelling.tekst,
                "effect": stelling.effect,
                "n": answered if visible else None,
                "eens": agreeing if visible else None,
                "aandeel": share(agreeing, answered) if visible else None,
                "verdeling": verdeling if visible else None,
            }
        )
    return {
        "n": n,
        "getoond": shown,
        "min": MIN_ANTWOORDEN,
        "open": vragenlijst.is_open,
        "stellingen": stellingen,
    }


def open_answers(vragenlijst: Vragenlijst) -> list[str]:
    """The answers to the open question, for the broker and the coordinator only;
    sorted by text (not by arrival, which could tell who wrote what) and only
    once the results are visible (``results_visible``)."""
    if not results_visible(vragenlijst):
        return []
    return sorted(
        text.strip()
        for text in vragenlijst.inzendingen.exclude(open_antwoord="").values_list(
            "open_antwoord", flat=True
        )
        if text.strip()
    )


def duiding_data(vragenlijst: Vragenlijst) -> dict | None:
    try:
        duiding = vragenlijst.duiding
    except Duiding.DoesNotExist:
        return None
    return {
        "datum": duiding.datum.strftime("%d-%m-%Y"),
        "besproken_met": duiding.besproken_met,
        "vragen": [
            {
                "vraag": str(Duiding._meta.get_field(name).verbose_name),
                "antwoord": getattr(duiding, name),
            }
            for name in DUIDING_FIELDS
            if getattr(duiding, name).strip()
        ],
    }


def report_section(year: int) -> list[dict]:
    """The report section "Effecten volgens bewoners" of ``year``: per questionnaire
    started in that year, its initiative, n, the statements with the share that
    agrees (hidden while open or below MIN_ANTWOORDEN) and the duiding. JSON-serialisable; no
    open answers. For ``metingen/report/effecten_volgens_bewoners.html``."""
    found = (
        Vragenlijst.objects.for_year(year)
        .select_related("initiatief__wijk__gebied")
        .order_by("initiatief__wijk__gebied__volgorde", "initiatief__naam", "startdatum")
    )
    section = []
    for vragenlijst in found:
        result = results(vragenlijst)
        if not result["n"]:
            continue
        initiatief = vragenlijst.initiatief
        section.append(
            {
                "initiatief": initiatief.naam,
                "wijk": initiatief.wijk.naam,
                "gebied": initiatief.wijk.gebied.naam,
                "titel": vragenlijst.titel,
                "n": result["n"],
                "getoond": result["getoond"],
                "min": result["min"],
                "open": result["open"],
                "stellingen": [
                    {
                        "tekst": s["tekst"],
                        "effect": s["effect"],
                        "n": s["n"],
                        "aandeel": s["aandeel"],
                    }
                    for s in result["stellingen"]
                ],
                "duiding": duiding_data(vragenlijst),
            }
        )
    return section
