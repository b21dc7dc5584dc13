"""Exports of the Buurtservice lists and overview (see core.exports for the pattern).

Work records only: never a requester's name, address or phone, and no free
text (a description or a reason for cancelling might hold personal details).
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.exports import BaseExporter, chunks_with_names
from core.models import choice_label

from .choices import Herkomst, KlusSoort, KlusStatus, Uitstroom, UitvoerderSoort, Verwijzer
from .models import Klus

ONE_DECIMAL = Decimal("0.1")
_JOB_FIELDS = ("pk", "aanvraagdatum", "wijk__naam", "wijk__gebied__naam", "soort", "verwijzer")


def _job_cells(row) -> list:
    _pk, aanvraagdatum, wijk, gebied, soort, verwijzer, *_rest = row
    return [
        aanvraagdatum,
        wijk,
        gebied,
        choice_label(KlusSoort, soort),
        choice_label(Verwijzer, verwijzer),
    ]


_JOB_COLUMNS = [_("Request date"), _("District"), _("Area"), _("Kind"), _("Referred by")]


class WachtlijstExporter(BaseExporter):
    """The open jobs in request order, with the days waited until today."""

    identifier = "wachtlijst"
    verbose_name = _("Waiting list")
    columns = [*_JOB_COLUMNS, _("Status"), _("Days waited")]

    def rows(self, queryset):
        today = timezone.localdate()
        jobs = queryset.prefetch_related(None).select_related("wijk__gebied")
        for klus in jobs.iterator(chunk_size=2000):
            yield [
                klus.aanvraagdatum,
                klus.wijk.naam,
                klus.wijk.gebied.naam,
                choice_label(KlusSoort, klus.soort),
                choice_label(Verwijzer, klus.verwijzer),
                choice_label(KlusStatus, klus.status),
                klus.days_waited(today),
            ]


class KlusExporter(BaseExporter):
    """Jobs with their dates, hours and workers."""

    identifier = "klussen"
    verbose_name = _("Jobs")
    columns = [
        *_JOB_COLUMNS,
        _("Status"),
        _("Planned for"),
        _("Done on"),
        _("Cancelled on"),
        _("Hours"),
        _("Workers"),
    ]

    def rows(self, queryset):
        values = (
            queryset.prefetch_related(None)
            .annotate(uren_totaal=Sum("inzet__uren"))
            .values_list(
                *_JOB_FIELDS,
                "status",
                "gepland_op",
                "uitgevoerd_op",
                "geannuleerd_op",
                "uren_totaal",
            )
        )
        for chunk, names in chunks_with_names(values, {"uitvoerders": Klus.uitvoerders}):
            workers = names["uitvoerders"]
            for row in chunk:
                status, gepland, uitgevoerd, geannuleerd, uren = row[len(_JOB_FIELDS) :]
                yield [
                    *_job_cells(row),
                    choice_label(KlusStatus, status),
                    gepland,
                    uitgevoerd,
                    geannuleerd,
                    None if uren is None else Decimal(uren).quantize(ONE_DECIMAL),
                    workers.get(row[0], ""),
                ]


class UitvoerderExporter(BaseExporter):
    """Workers: who, what kind, from where, since and until when, where they went."""

    identifier = "uitvoerders"
    verbose_name = _("Workers")
    columns = [
        _("Name"),
        _("Kind"),
        _("Origin"),
        _("Start date"),
        _("End date"),
        _("Outflow"),
        _("Jobs"),
    ]

    def rows(self, queryset):
        values = queryset.prefetch_related(None).values_list(
            "naam", "soort", "herkomst", "startdatum", "einddatum", "uitstroom", "aantal_klussen"
        )
        for naam, soort, herkomst, start, eind, uitstroom, klussen in values.iterator(
            chunk_size=2000
        ):
            yield [
                naam,
                choice_label(UitvoerderSoort, soort),
                choice_label(Herkomst, herkomst),
                start,
                eind,
                choice_label(Uitstroom, uitstroom) if uitstroom else "",
                klussen,
            ]


class OverzichtExporter(BaseExporter):
    """The figures of one period (``buurtservice.selectors.period_overview`` plus its
    ``label``), one figure a row."""

    identifier = "buurtservice-overzicht"
    verbose_name = _("Buurtservice overview")
    columns = [_("Figure"), _("Number")]

    def rows(self, figures: dict):
        yield [gettext("Period"), figures["label"]]
        yield [gettext("From"), figures["start"]]
        yield [gettext("To"), figures["end"]]
        yield [gettext("Jobs requested"), figures["jobs_requested"]]
        yield [gettext("Jobs done"), figures["jobs_done"]]
        yield [gettext("Jobs cancelled"), figures["jobs_cancelled"]]
        yield [gettext("Hours worked"), figures["hours_worked"]]
        yield [gettext("Open jobs at the start of the period"), figures["waiting_start"]]
        if figures.get("running"):
            yield [gettext("Measured at the end on"), figures["measured_end"]]
        yield [gettext("Open jobs at the end of the period"), figures["waiting_end"]]
        yield [
            gettext("Median waiting time at the start of the period (days)"),
            figures["median_wait_days_start"],
        ]
        yield [
            gettext("Median waiting time at the end of the period (days)"),
            figures["median_wait_days_end"],
        ]
        yield [gettext("Capacity at the start of the period"), figures["capacity_start"]]
        yield [gettext("Capacity at the end of the period"), figures["capacity_end"]]
        for row in figures["new_workers"]:
            label = gettext("New workers: %(kind)s, %(origin)s") % {
                "kind": row["soort_label"],
                "origin": row["herkomst_label"],
            }
            yield [label, row["aantal"]]
        yield [gettext("New workers"), figures["new_workers_total"]]
        for row in figures["outflow_rows"]:
            yield [gettext("Outflow: %(outflow)s") % {"outflow": row["label"]}, row["aantal"]]
        yield [gettext("Outflow"), figures["outflow_total"]]
