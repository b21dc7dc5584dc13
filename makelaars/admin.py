from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Activiteit, ActiviteitFoto, ActiviteitLink


class LinkInline(admin.TabularInline):
    model = ActiviteitLink
    extra = 0


class FotoInline(admin.TabularInline):
    model = ActiviteitFoto
    extra = 0


@admin.register(Activiteit)
class ActiviteitAdmin(SimpleHistoryAdmin):
    list_display = ["datum", "titel", "wijk", "soort", "rol", "bewoners_bereikt", "is_voorbeeld"]
    list_filter = ["soort", "rol", "is_voorbeeld", "wijk__gebied", "wijk", "themas"]
    search_fields = ["titel", "beschrijving", "opbrengst"]
    date_hierarchy = "datum"
    list_select_related = ["wijk"]
    autocomplete_fields = ["wijk", "initiatief", "partners", "medewerkers"]
    filter_horizontal = ["themas"]
    inlines = [LinkInline, FotoInline]
