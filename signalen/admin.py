from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.versioned_admin import VersionedAdminMixin

from .models import BuurtteamContact, CollectiefVraagstuk, Signaal, VraagstukStatusWijziging


@admin.register(Signaal)
class SignaalAdmin(VersionedAdminMixin, SimpleHistoryAdmin):
    list_display = ["datum", "wijk", "bron", "omschrijving"]
    list_filter = ["bron", "wijk__gebied"]
    date_hierarchy = "datum"
    autocomplete_fields = []
    raw_id_fields = ["vraagstuk", "aangemaakt_door"]


class StatusInline(admin.TabularInline):
    model = VraagstukStatusWijziging
    extra = 0
    raw_id_fields = ["door"]


@admin.register(CollectiefVraagstuk)
class CollectiefVraagstukAdmin(VersionedAdminMixin, SimpleHistoryAdmin):
    list_display = ["titel", "gebied", "status", "gestart_op", "afgerond_op"]
    list_filter = ["status", "gebied"]
    filter_horizontal = ["themas", "partners"]
    raw_id_fields = ["activiteiten", "initiatieven", "aangemaakt_door"]
    inlines = [StatusInline]


@admin.register(BuurtteamContact)
class BuurtteamContactAdmin(VersionedAdminMixin, SimpleHistoryAdmin):
    list_display = ["datum", "gebied", "soort", "verwezen_van", "verwezen_naar", "uitkomst"]
    list_filter = ["soort", "gebied", "uitkomst"]
    date_hierarchy = "datum"
    raw_id_fields = ["aangemaakt_door"]
