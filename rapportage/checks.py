"""What weakens a report: the list the coordinator sees before making it final.

Each check returns the records concerned with a link to open them, so the
coordinator can repair the record (or knowingly accept it) before the figures
are frozen. The lists are capped (``LIMIT``) with the total count kept.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from buurtservice.models import Klus
from core.periods import month_end, month_labels, year_bounds
from core.roles import Role
from makelaars.models import Activiteit
from wijken.choices import Functie
from wijken.models import Gebied, Medewerker, Wijk

from .blocks import REGISTRY, repeated_placements, text_problems, unknown_keys
from .markdown import markdown_problem
from .models import Jaarrapportage
from .year_mentions import stale_mentions

LIMIT = 50


@dataclass
class Item:
    label: str
    url: str = ""
    detail: str = ""


@dataclass
class Check:
    key: str
    title: str
    explanation: str
    items: list[Item] = field(default_factory=list)
    total: int = 0

    @property
    def ok(self) -> bool:
        return self.total == 0


def _activity_item(activiteit: Activiteit, detail: str = "") -> Item:
    return Item(
        label=f"{activiteit.datum:%d-%m-%Y} · {activiteit.wijk.naam} · {activiteit.titel}",
        url=reverse("makelaars:activiteit_update", args=[activiteit.pk]),
        detail=detail,
    )


def activities_without_figures(year: int) -> Check:
    queryset = (
        Activiteit.objects.for_year(year)
        .filter(bewoners_bereikt__isnull=True, bewoners_geactiveerd__isnull=True, cijfers="")
        .select_related("wijk")
        .order_by("datum", "pk")
    )
    return Check(
        "zonder_cijfers",
        _("Activities without figures"),
        _("No residents reached or activated and no figures as reported: they count as 0."),
        [_activity_item(a) for a in queryset[:LIMIT]],
        queryset.count(),
    )


def examples_without_outcome(year: int) -> Check:
    queryset = (
        Activiteit.objects.for_year(year)
        .voorbeelden()
        .filter(opbrengst="")
        .select_related("wijk")
        .order_by("datum", "pk")
    )
    return Check(
        "voorbeeld_zonder_opbrengst",
        _("Report examples without an outcome"),
        _("Annex 1 shows what each example achieved; these do not say."),
        [_activity_item(a) for a in queryset[:LIMIT]],
        queryset.count(),
    )


def long_open_jobs(year: int) -> Check:
    _start, end = year_bounds(year)
    on = min(end, timezone.localdate())
    queryset = (
        Klus.objects.open_on(on)
        .filter(aanvraagdatum__lt=on - datetime.timedelta(days=365))
        .order_by("aanvraagdatum", "pk")
    )
    items = [
        Item(
            label=_("Job %(number)s, requested on %(date)s")
            % {"number": klus.pk, "date": f"{klus.aanvraagdatum:%d-%m-%Y}"},
            url=klus.get_absolute_url(),
        )
        for klus in queryset[:LIMIT]
    ]
    return Check(
        "klus_lang_open",
        _("Jobs open for longer than a year"),
        _("Still on the waiting list on %(date)s after more than a year: done or cancelled?")
        % {"date": f"{on:%d-%m-%Y}"},
        items,
        queryset.count(),
    )


def staff_without_gebied(year: int, *, user) -> Check:
    """Brokers (by function or by role) without a gebied; coordinators and the
    Buurtservice work in every gebied and have none by design."""
    start, end = year_bounds(year)
    queryset = (
        Medewerker.objects.filter(startdatum__lte=end, gebieden__isnull=True)
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=start))
        .filter(Q(functie__in=Functie.makelaars()) | Q(user__groups__name=Role.MAKELAAR.value))
        .distinct()
        .order_by("naam")
    )
    # The staff pages are the beheerder's (wijken:medewerker_update); others see the name.
    can_open = user.has_perms(("auth.change_user", "wijken.change_medewerker"))
    items = []
    for medewerker in queryset[:LIMIT]:
        url = reverse("wijken:medewerker_update", args=[medewerker.pk]) if can_open else ""
        items.append(
            Item(
                label=f"{medewerker.naam} ({medewerker.get_functie_display()})",
                url=url,
                detail="" if url else _("An administrator links staff to an area."),
            )
        )
    return Check(
        "medewerker_zonder_gebied",
        _("Staff without an area"),
        _("They count in no area's row of the tables."),
        items,
        queryset.count(),
    )


def months_without_registration(year: int) -> Check:
    start, end = year_bounds(year)
    seen = set(
        Activiteit.objects.filter(datum__gte=start, datum__lte=end)
        .values_list("wijk__gebied_id", "datum__month")
        .distinct()
        .order_by()
    )
    labels = month_labels()
    last_month = 12 if end <= timezone.localdate() else timezone.localdate().month
    items = []
    for gebied in Gebied.objects.order_by("volgorde", "naam"):
        for month in range(1, last_month + 1):
            if (gebied.pk, month) in seen:
                continue
            query = (
                f"?gebied={gebied.pk}&van={datetime.date(year, month, 1).isoformat()}"
                f"&tot={month_end(year, month).isoformat()}"
            )
            items.append(
                Item(
                    label=f"{gebied.naam}: {labels[month - 1]} {year}",
                    url=reverse("makelaars:activiteit_list") + query,
                )
            )
    return Check(
        "maand_zonder_registratie",
        _("Months without any registration per area"),
        _("Not a single activity was recorded: a real gap, or work that was not recorded?"),
        items[:LIMIT],
        len(items),
    )


def markdown_failures(rapportage: Jaarrapportage) -> Check:
    """Texts of the report and of its examples that cannot be rendered, and unknown blocks."""
    items = []
    problem = markdown_problem(rapportage.inleiding)
    if problem:
        items.append(
            Item(
                _("Introduction"),
                reverse("rapportage:jaarrapportage_update", args=[rapportage.pk]),
                problem,
            )
        )
    for sectie in rapportage.secties.all():
        url = reverse("rapportage:sectie_update", args=[sectie.pk])
        for problem in text_problems(sectie.tekst):
            items.append(Item(sectie.titel, url, problem))
        for key in unknown_keys(sectie.tekst):
            items.append(Item(sectie.titel, url, _("unknown block “%(key)s”") % {"key": key}))
    for item in rapportage.planonderdelen.all():
        url = reverse("rapportage:planonderdeel_update", args=[item.pk])
        for name in ("doel", "gewenst_resultaat", "startsituatie", "inzet_middelen"):
            problem = markdown_problem(getattr(item, name))
            if problem:
                items.append(Item(item.titel, url, problem))
    voorbeelden = (
        Activiteit.objects.for_year(rapportage.jaar)
        .voorbeelden()
        .select_related("wijk")
        .order_by("datum", "pk")
    )
    for activiteit in voorbeelden:
        for name in ("beschrijving", "opbrengst"):
            problem = markdown_problem(getattr(activiteit, name))
            if problem:
                items.append(_activity_item(activiteit, problem))
    return Check(
        "markdown",
        _("Texts that cannot be shown"),
        _(
            "In the report these texts show a placeholder instead: too long, nested too "
            "deeply or otherwise unreadable as Markdown."
        ),
        items[:LIMIT],
        len(items),
    )


def stale_years(rapportage: Jaarrapportage) -> Check:
    """Years in the report's titles and texts that belong to an earlier report."""
    mentions = stale_mentions(rapportage)
    return Check(
        "verouderd_jaar",
        _("Years from an earlier report"),
        _(
            "Titles and texts that name a year before %(comparison)s (other than the "
            "baseline year %(baseline)s), or that were copied unchanged from an earlier "
            "report and name its year. Does each still fit the report of %(year)s?"
        )
        % {
            "comparison": rapportage.jaar - 1,
            "baseline": rapportage.baseline_year,
            "year": rapportage.jaar,
        },
        [
            Item(mention.label, mention.url, f"{mention.year}: “{mention.context}”")
            for mention in mentions[:LIMIT]
        ],
        len(mentions),
    )


def report_checks(rapportage: Jaarrapportage | None, *, year: int, user) -> list[Check]:
    """Every check of ``year``, in the order of the check page.

    Without a report for the year (not created yet) its texts are not checked.
    """
    return [
        *([markdown_failures(rapportage)] if rapportage is not None else []),
        *([stale_years(rapportage)] if rapportage is not None else []),
        activities_without_figures(year),
        examples_without_outcome(year),
        long_open_jobs(year),
        staff_without_gebied(year, user=user),
        months_without_registration(year),
        *([blocks_placed_twice(rapportage)] if rapportage is not None else []),
        wijken_without_inhabitants(user=user),
    ]


def blocks_placed_twice(rapportage: Jaarrapportage) -> Check:
    """Blocks whose placeholder stands more than once in the report (the PDF shows the first)."""
    items, earlier = [], []
    for sectie in rapportage.secties.all():
        url = reverse("rapportage:sectie_update", args=[sectie.pk])
        for key, title in repeated_placements(sectie.tekst, earlier):
            detail = (
                _("“%(block)s” also stands in “%(section)s”")
                if title
                else _("“%(block)s” stands twice in this section")
            ) % {"block": REGISTRY[key].label, "section": title}
            items.append(Item(sectie.titel, url, detail))
        earlier.append((sectie.titel, sectie.tekst))
    return Check(
        "blocks_twice",
        _("Blocks placed twice"),
        _("A block stands in one place of the report; remove the second placeholder line."),
        items[:LIMIT],
        len(items),
    )


def wijken_without_inhabitants(*, user) -> Check:
    """Wijken without a number of inhabitants: the report shows "unknown" and no rate per 1,000.

    Each links to the district's edit page for whoever may change it (a beheerder).
    """
    queryset = Wijk.objects.filter(inwoners__isnull=True).select_related("gebied")
    queryset = queryset.order_by("gebied__volgorde", "gebied__naam", "naam")
    may_edit = user.has_perm("wijken.change_wijk")
    items = [
        Item(
            f"{wijk.naam} ({wijk.gebied.naam})",
            reverse("wijken:wijk_update", args=[wijk.pk]) if may_edit else "",
        )
        for wijk in queryset[:LIMIT]
    ]
    return Check(
        "inwoners",
        _("Districts without a number of inhabitants"),
        _(
            "The report shows “unknown” for their inhabitants and no residents reached per "
            "1,000 inhabitants; a beheerder enters the number on the district's page."
        ),
        items,
        queryset.count(),
    )
