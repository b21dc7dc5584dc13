"""Exports of the signals (no personal data: signals hold none)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from core.exports import BaseExporter
from core.models import choice_label

from .choices import Bron
from .selectors import groups, quarter_of


class SignaalExporter(BaseExporter):
    identifier = "signalen"
    verbose_name = _("Signals")
    columns = [
        _("Date"),
        _("Quarter"),
        _("Area"),
        _("District"),
        _("Themes"),
        _("Source"),
        _("Short description"),
        _("Recurring"),
        _("Collective question"),
    ]

    def rows(self, queryset):
        signalen = list(
            queryset.select_related("wijk__gebied", "vraagstuk").prefetch_related("themas")
        )
        recurring = {}
        for year in {signaal.datum.year for signaal in signalen}:
            for key, group in groups(queryset, year).items():
                recurring[(year, *key)] = group.terugkerend
        for signaal in signalen:
            quarter = quarter_of(signaal.datum)
            themas = list(signaal.themas.all())
            yield [
                signaal.datum,
                f"{signaal.datum.year}-Q{quarter}",
                signaal.wijk.gebied.naam,
                signaal.wijk.naam,
                ", ".join(thema.naam for thema in themas),
                choice_label(Bron, signaal.bron),
                signaal.omschrijving,
                any(
                    recurring.get((signaal.datum.year, signaal.wijk_id, thema.pk, quarter))
                    for thema in themas
                ),
                signaal.vraagstuk.titel if signaal.vraagstuk else "",
            ]
