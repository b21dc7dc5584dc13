"""Exports of the social brokers' log (see core.exports for the pattern)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.exports import BaseExporter, chunks_with_names
from core.models import choice_label

from .choices import ActiviteitSoort, Rol
from .models import Activiteit


class ActiviteitExporter(BaseExporter):
    """The (filtered) activity log. Only work records: activities hold no residents'
    personal data beyond the free text the brokers wrote.

    Plain values are read in chunks, with three queries per chunk for the names
    of themes, staff and partners, so 100,000 rows stay fast.
    """

    identifier = "activiteiten"
    verbose_name = _("Activities")
    columns = [
        _("Date"),
        _("Title"),
        _("District"),
        _("Area"),
        _("Kind"),
        _("Role"),
        _("Themes"),
        _("Staff"),
        _("Partners"),
        _("Initiative"),
        _("Residents reached"),
        _("Residents activated"),
        _("Figures as reported"),
        pgettext_lazy("activity", "Description"),
        _("Outcome / effect"),
        _("Report example"),
    ]

    def rows(self, queryset):
        values = queryset.values_list(
            "pk",
            "datum",
            "titel",
            "wijk__naam",
            "wijk__gebied__naam",
            "soort",
            "rol",
            "initiatief__naam",
            "bewoners_bereikt",
            "bewoners_geactiveerd",
            "cijfers",
            "beschrijving",
            "opbrengst",
            "is_voorbeeld",
        )
        relations = {
            "themas": Activiteit.themas,
            "medewerkers": Activiteit.medewerkers,
            "partners": Activiteit.partners,
        }
        for chunk, names in chunks_with_names(values, relations):
            themas, medewerkers, partners = (names[key] for key in relations)
            for pk, datum, titel, wijk, gebied, soort, rol, initiatief, *rest in chunk:
                yield [
                    datum,
                    titel,
                    wijk,
                    gebied,
                    choice_label(ActiviteitSoort, soort),
                    choice_label(Rol, rol),
                    themas.get(pk, ""),
                    medewerkers.get(pk, ""),
                    partners.get(pk, ""),
                    initiatief or "",
                    *rest,
                ]
