from django.contrib import admin

from .models import Deelnametelling, Financieringsaanvraag, Initiatief, StatusWijziging


class StatusWijzigingInline(admin.TabularInline):
    model = StatusWijziging
    extra = 0


class FinancieringInline(admin.TabularInline):
    model = Financieringsaanvraag
    extra = 0


class TellingInline(admin.TabularInline):
    model = Deelnametelling
    extra = 0


@admin.register(Initiatief)
class InitiatiefAdmin(admin.ModelAdmin):
    list_display = ["naam", "wijk", "status", "aantal_initiatiefnemers"]
    list_filter = ["status", "wijk__gebied", "wijk", "themas"]
    search_fields = ["naam", "omschrijving", "doelgroep"]
    list_select_related = ["wijk"]
    autocomplete_fields = ["wijk", "ondersteuners", "partners"]
    filter_horizontal = ["themas"]
    inlines = [StatusWijzigingInline, FinancieringInline, TellingInline]


@admin.register(Financieringsaanvraag)
class FinancieringsaanvraagAdmin(admin.ModelAdmin):
    list_display = ["fonds", "initiatief", "bedrag", "aangevraagd_op", "status"]
    list_filter = ["status", "fonds"]
    search_fields = ["fonds", "initiatief__naam"]
    date_hierarchy = "aangevraagd_op"
