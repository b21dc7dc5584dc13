"""Exports of the initiatives register (see core.exports for the pattern).

No names of residents: the initiators are exported as a number only.
"""

from __future__ import annotations

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from core.exports import BaseExporter, chunks_with_names
from core.models import choice_label

from .choices import InitiatiefStatus
from .models import Initiatief


class InitiatiefExporter(BaseExporter):
    identifier = "initiatieven"
    verbose_name = _("Initiatives")
    columns = [
        _("Name"),
        _("District"),
        _("Area"),
        _("Status"),
        _("Status since"),
        _("Themes"),
        _("Number of initiators"),
        _("Supporting staff"),
        _("Partners"),
    ]

    def rows(self, queryset):
        values = (
            queryset.prefetch_related(None)
            .annotate(sinds=Max("statuswijzigingen__datum"))
            .order_by("naam", "pk")
            .values_list(
                "pk",
                "naam",
                "wijk__naam",
                "wijk__gebied__naam",
                "status",
                "sinds",
                "aantal_initiatiefnemers",
            )
        )
        relations = {
            "themas": Initiatief.themas,
            "ondersteuners": Initiatief.ondersteuners,
            "partners": Initiatief.partners,
        }
        for chunk, names in chunks_with_names(values, relations):
            themas, ondersteuners, partners = (names[key] for key in relations)
            for pk, naam, wijk, gebied, status, sinds, aantal in chunk:
                yield [
                    naam,
                    wijk,
                    gebied,
                    choice_label(InitiatiefStatus, status),
                    sinds,
                    themas.get(pk, ""),
                    aantal,
                    ondersteuners.get(pk, ""),
                    partners.get(pk, ""),
                ]
