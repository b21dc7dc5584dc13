from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.versioned_admin import VersionedAdminMixin, VersionedInlineMixin

from .models import Gebied, Medewerker, Organisatie, Thema, Wijk


class WijkInline(VersionedInlineMixin, admin.TabularInline):
    model = Wijk
    extra = 0
    fields = ["naam", "cbs_code", "inwoners"]


@admin.register(Gebied)
class GebiedAdmin(VersionedAdminMixin, admin.ModelAdmin):
    list_display = ["naam", "volgorde"]
    list_editable = ["volgorde"]
    search_fields = ["naam"]
    inlines = [WijkInline]


@admin.register(Wijk)
class WijkAdmin(VersionedAdminMixin, admin.ModelAdmin):
    list_display = ["naam", "gebied", "cbs_code", "inwoners"]
    list_filter = ["gebied"]
    search_fields = ["naam", "cbs_code"]
    list_select_related = ["gebied"]


@admin.register(Thema)
class ThemaAdmin(VersionedAdminMixin, admin.ModelAdmin):
    list_display = ["naam", "actief"]
    list_filter = ["actief"]
    search_fields = ["naam"]


@admin.register(Organisatie)
class OrganisatieAdmin(VersionedAdminMixin, admin.ModelAdmin):
    list_display = ["naam", "soort", "actief"]
    list_filter = ["soort", "actief"]
    search_fields = ["naam", "notities"]


@admin.register(Medewerker)
class MedewerkerAdmin(VersionedAdminMixin, SimpleHistoryAdmin):
    list_display = [
        "naam",
        "functie",
        "uren_per_week",
        "startdatum",
        "einddatum",
        "is_pilot",
        "user",
    ]
    list_filter = ["functie", "gebieden", "is_pilot"]
    search_fields = ["naam", "user__username", "notities"]
    filter_horizontal = ["gebieden"]
    autocomplete_fields = ["user", "standaard_wijk"]
    date_hierarchy = "startdatum"
