"""Figures about signals, collective questions and buurtteam contacts: plain data.

Every count here is computed in one place and feeds the overview pages, the
exports and the yearly report alike. A signal with two themes counts once under
each of its themes; totals of signals count every signal once.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count

from core.models import choice_label
from core.periods import quarters
from wijken.models import Gebied, Thema, Wijk

from .choices import ContactSoort, Partij, Uitkomst, VraagstukStatus
from .models import BuurtteamContact, CollectiefVraagstuk, Signaal

# The rule for "recurring" (terugkerend), the one place it is decided: within one
# quarter, one wijk has at least TERUGKEREND_MIN_SIGNALEN signals about the same
# theme, coming from at least TERUGKEREND_MIN_BRONNEN different sources.
TERUGKEREND_MIN_SIGNALEN = 3
TERUGKEREND_MIN_BRONNEN = 2


def quarter_of(datum: datetime.date) -> int:
    return (datum.month - 1) // 3 + 1


@dataclass(frozen=True)
class Groep:
    """The signals of one theme in one wijk in one quarter."""

    wijk_id: int
    thema_id: int
    kwartaal: int
    signalen: int
    bronnen: int
    # The collective questions some of these signals are bundled into already.
    vraagstuk_ids: frozenset[int] = frozenset()

    @property
    def terugkerend(self) -> bool:
        return is_recurring(signalen=self.signalen, bronnen=self.bronnen)


def is_recurring(*, signalen: int, bronnen: int) -> bool:
    """The recurring rule (see TERUGKEREND_MIN_SIGNALEN and TERUGKEREND_MIN_BRONNEN)."""
    return signalen >= TERUGKEREND_MIN_SIGNALEN and bronnen >= TERUGKEREND_MIN_BRONNEN


def groups(signalen, year: int) -> dict[tuple[int, int, int], Groep]:
    """Per (wijk id, theme id, quarter) of ``year``: the number of signals and sources."""
    ids: dict[tuple[int, int, int], set[int]] = defaultdict(set)
    sources: dict[tuple[int, int, int], set[str]] = defaultdict(set)
    bundled: dict[tuple[int, int, int], set[int]] = defaultdict(set)
    rows = (
        signalen.filter(datum__year=year)
        .order_by()
        .values_list("pk", "datum", "wijk_id", "bron", "themas__id", "vraagstuk_id")
    )
    for pk, datum, wijk_id, bron, thema_id, vraagstuk_id in rows:
        if thema_id is None:
            continue
        key = (wijk_id, thema_id, quarter_of(datum))
        ids[key].add(pk)
        sources[key].add(bron)
        if vraagstuk_id is not None:
            bundled[key].add(vraagstuk_id)
    return {
        key: Groep(
            *key,
            signalen=len(ids[key]),
            bronnen=len(sources[key]),
            vraagstuk_ids=frozenset(bundled[key]),
        )
        for key in ids
    }


def recurring_groups(signalen, year: int) -> list[Groep]:
    """The recurring groups of ``year``, by quarter, wijk and theme."""
    return sorted(
        (group for group in groups(signalen, year).values() if group.terugkerend),
        key=lambda g: (g.kwartaal, g.wijk_id, g.thema_id),
    )


def _names(model, ids) -> dict[int, str]:
    return dict(model.objects.filter(pk__in=set(ids)).values_list("pk", "naam"))


def quarter_labels(year: int) -> list[str]:
    return [label for label, _start, _end in quarters(year)]


def overview(signalen, year: int, *, vraagstukken=None) -> dict:
    """Signals per theme per wijk per quarter of ``year``, recurring ones marked.

    ``{"jaar", "kwartalen": [4 labels], "wijken": [{"wijk", "wijk_id", "gebied",
    "rijen": [{"thema", "thema_id", "cellen": [{"kwartaal", "n", "bronnen",
    "terugkerend", "vraagstukken"}], "totaal"}], "totaal"}], "totaal", "terugkerend"}``

    A cell's ``vraagstukken`` are the collective questions its signals are bundled
    into already (``{"pk", "titel"}``, only those in ``vraagstukken``, the ones the
    reader may open), so a recurring cell links to its question instead of
    offering to bundle the same signals a second time.
    """
    found = groups(signalen, year)
    bundled_ids = set().union(*(group.vraagstuk_ids for group in found.values()))
    titels = (
        dict(vraagstukken.filter(pk__in=bundled_ids).values_list("pk", "titel"))
        if vraagstukken is not None and bundled_ids
        else {}
    )
    wijken = {
        wijk.pk: wijk
        for wijk in Wijk.objects.filter(pk__in={key[0] for key in found}).select_related("gebied")
    }
    thema_namen = _names(Thema, {key[1] for key in found})
    per_wijk: dict[int, dict[int, dict[int, Groep]]] = defaultdict(lambda: defaultdict(dict))
    for (wijk_id, thema_id, kwartaal), group in found.items():
        per_wijk[wijk_id][thema_id][kwartaal] = group
    totals_per_wijk = dict(
        signalen.filter(datum__year=year)
        .order_by()
        .values_list("wijk_id")
        .annotate(n=Count("pk", distinct=True))
    )
    result_wijken = []
    ordered = sorted(
        per_wijk,
        key=lambda pk: (wijken[pk].gebied.volgorde, wijken[pk].gebied.naam, wijken[pk].naam),
    )
    for wijk_id in ordered:
        rijen = []
        for thema_id in sorted(per_wijk[wijk_id], key=lambda pk: thema_namen[pk]):
            cells = []
            for kwartaal in range(1, 5):
                group = per_wijk[wijk_id][thema_id].get(kwartaal)
                cells.append(
                    {
                        "kwartaal": kwartaal,
                        "n": group.signalen if group else 0,
                        "bronnen": group.bronnen if group else 0,
                        "terugkerend": bool(group and group.terugkerend),
                        "gebundeld": bool(group and group.vraagstuk_ids),
                        "vraagstukken": [
                            {"pk": pk, "titel": titels[pk]}
                            for pk in sorted(group.vraagstuk_ids if group else ())
                            if pk in titels
                        ],
                    }
                )
            rijen.append(
                {
                    "thema": thema_namen[thema_id],
                    "thema_id": thema_id,
                    "cellen": cells,
                    "totaal": sum(cell["n"] for cell in cells),
                }
            )
        result_wijken.append(
            {
                "wijk": wijken[wijk_id].naam,
                "wijk_id": wijk_id,
                "gebied": wijken[wijk_id].gebied.naam,
                "rijen": rijen,
                "totaal": totals_per_wijk.get(wijk_id, 0),
            }
        )
    return {
        "jaar": year,
        "kwartalen": quarter_labels(year),
        "wijken": result_wijken,
        "totaal": sum(totals_per_wijk.values()),
        "terugkerend": sum(1 for group in found.values() if group.terugkerend),
    }


def per_theme_and_gebied(signalen, year: int) -> dict:
    """Signals of ``year`` per theme (rows) and gebied (columns)."""
    rows = (
        signalen.filter(datum__year=year)
        .order_by()
        .values_list("themas__id", "wijk__gebied_id")
        .annotate(n=Count("pk", distinct=True))
    )
    counts = {(thema_id, gebied_id): n for thema_id, gebied_id, n in rows if thema_id}
    gebieden = list(Gebied.objects.order_by("volgorde", "naam").values_list("pk", "naam"))
    thema_namen = _names(Thema, {thema_id for thema_id, _g in counts})
    per_gebied = dict(
        signalen.filter(datum__year=year)
        .order_by()
        .values_list("wijk__gebied_id")
        .annotate(n=Count("pk", distinct=True))
    )
    rijen = []
    for thema_id in sorted(thema_namen, key=lambda pk: thema_namen[pk]):
        aantallen = [counts.get((thema_id, gebied_id), 0) for gebied_id, _naam in gebieden]
        rijen.append({"thema": thema_namen[thema_id], "aantallen": aantallen})
    rijen.sort(key=lambda row: (-sum(row["aantallen"]), row["thema"]))
    for row in rijen:
        row["totaal"] = sum(row["aantallen"])
    return {
        "gebieden": [naam for _pk, naam in gebieden],
        "rijen": rijen,
        "totalen": [per_gebied.get(gebied_id, 0) for gebied_id, _naam in gebieden],
        "totaal": sum(per_gebied.values()),
    }


def _date(value: datetime.date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def vraagstukken_of_year(vraagstukken, year: int) -> list[dict]:
    """The collective questions that ran in ``year`` and what came of them."""
    found = (
        vraagstukken.active_in_year(year)
        .select_related("gebied")
        .prefetch_related("partners", "initiatieven", "themas")
        .annotate(
            n_signalen=Count("signalen", distinct=True),
            n_activiteiten=Count("activiteiten", distinct=True),
        )
        .order_by("gebied__volgorde", "gestart_op", "titel")
    )
    return [
        {
            "titel": vraagstuk.titel,
            "gebied": vraagstuk.gebied.naam,
            "themas": [thema.naam for thema in vraagstuk.themas.all()],
            "status": vraagstuk.status,
            "status_label": choice_label(VraagstukStatus, vraagstuk.status),
            "gestart_op": _date(vraagstuk.gestart_op),
            "afgerond_op": _date(vraagstuk.afgerond_op),
            "signalen": vraagstuk.n_signalen,
            "activiteiten": vraagstuk.n_activiteiten,
            "partners": [partner.naam for partner in vraagstuk.partners.all()],
            "initiatieven": [initiatief.naam for initiatief in vraagstuk.initiatieven.all()],
            "omschrijving": vraagstuk.omschrijving,
            "evaluatie": vraagstuk.evaluatie,
        }
        for vraagstuk in found
    ]


def contacts_per_quarter(contacten, year: int) -> dict:
    """Contacts with the buurtteam of ``year`` per kind (rows) and quarter (columns)."""
    counts = Counter(
        (soort, quarter_of(datum))
        for soort, datum in contacten.filter(datum__year=year).values_list("soort", "datum")
    )
    rijen = []
    for soort in ContactSoort:
        aantallen = [counts.get((soort.value, q), 0) for q in range(1, 5)]
        rijen.append({"soort": str(soort.label), "aantallen": aantallen, "totaal": sum(aantallen)})
    totalen = [sum(row["aantallen"][q] for row in rijen) for q in range(4)]
    return {
        "kwartalen": quarter_labels(year),
        "rijen": rijen,
        "totalen": totalen,
        "totaal": sum(totalen),
    }


def referrals(contacten, year: int) -> dict:
    """Referrals of ``year`` per direction (from, to) with their outcomes."""
    rows = (
        contacten.filter(datum__year=year, soort=ContactSoort.DOORVERWIJZING)
        .order_by()
        .values_list("verwezen_van", "verwezen_naar", "uitkomst")
        .annotate(n=Count("pk"))
    )
    per_direction: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for van, naar, uitkomst, n in rows:
        per_direction[(van, naar)][uitkomst] += n
    uitkomsten = list(Uitkomst)
    result = []
    for (van, naar), outcome_counts in sorted(
        per_direction.items(), key=lambda item: -sum(item[1].values())
    ):
        result.append(
            {
                "van": choice_label(Partij, van),
                "naar": choice_label(Partij, naar),
                "aantal": sum(outcome_counts.values()),
                "uitkomsten": [outcome_counts.get(u.value, 0) for u in uitkomsten],
            }
        )
    return {
        "uitkomsten": [str(u.label) for u in uitkomsten],
        "rijen": result,
        "totaal": sum(row["aantal"] for row in result),
    }


def report_section(year: int) -> dict:
    """The report section "Signalen en collectief werk" of ``year`` (all gebieden),
    as plain, JSON-serialisable data for the partial template
    ``signalen/report/signalen_en_collectief_werk.html``."""
    signalen = Signaal.objects.all()
    thema_namen = {}
    wijk_namen = {}
    recurring = recurring_groups(signalen, year)
    if recurring:
        thema_namen = _names(Thema, {g.thema_id for g in recurring})
        wijk_namen = _names(Wijk, {g.wijk_id for g in recurring})
    labels = quarter_labels(year)
    return {
        "jaar": year,
        "aantal_signalen": signalen.for_year(year).count(),
        "per_thema_gebied": per_theme_and_gebied(signalen, year),
        "terugkerend": [
            {
                "wijk": wijk_namen[g.wijk_id],
                "thema": thema_namen[g.thema_id],
                "kwartaal": labels[g.kwartaal - 1],
                "signalen": g.signalen,
                "bronnen": g.bronnen,
            }
            for g in recurring
        ],
        "regel": {"signalen": TERUGKEREND_MIN_SIGNALEN, "bronnen": TERUGKEREND_MIN_BRONNEN},
        "vraagstukken": vraagstukken_of_year(CollectiefVraagstuk.objects.all(), year),
        "contacten": contacts_per_quarter(BuurtteamContact.objects.all(), year),
        "doorverwijzingen": referrals(BuurtteamContact.objects.all(), year),
    }
