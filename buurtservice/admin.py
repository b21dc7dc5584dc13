from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.versioned_admin import VersionedAdminMixin

from .models import Capaciteit, Inzet, Klus, KlusStatusWijziging, Uitvoerder


class InzetInline(admin.TabularInline):
    model = Inzet
    extra = 0
    autocomplete_fields = ["uitvoerder"]


class StatusInline(admin.TabularInline):
    model = KlusStatusWijziging
    extra = 0


@admin.register(Klus)
class KlusAdmin(VersionedAdminMixin, SimpleHistoryAdmin):
    list_display = [
        "aanvraagdatum",
        "soort",
        "wijk",
        "verwijzer",
        "status",
        "gepland_op",
        "uitgevoerd_op",
    ]
    list_filter = ["status", "soort", "verwijzer", "wijk__gebied", "wijk"]
    search_fields = ["omschrijving"]
    date_hierarchy = "aanvraagdatum"
    list_select_related = ["wijk"]
    inlines = [InzetInline, StatusInline]


@admin.register(Uitvoerder)
class UitvoerderAdmin(VersionedAdminMixin, SimpleHistoryAdmin):
    list_display = ["naam", "soort", "herkomst", "startdatum", "einddatum", "uitstroom"]
    list_filter = ["soort", "herkomst", "uitstroom"]
    search_fields = ["naam"]
    date_hierarchy = "startdatum"


@admin.register(Capaciteit)
class CapaciteitAdmin(VersionedAdminMixin, admin.ModelAdmin):
    list_display = ["uren_per_week", "startdatum", "einddatum", "omschrijving"]
