from django.contrib import admin

from .models import Indicator, Jaarrapportage, Planonderdeel, RapportVersie, Sectie


class SectieInline(admin.StackedInline):
    model = Sectie
    extra = 0


class PlanonderdeelInline(admin.StackedInline):
    model = Planonderdeel
    extra = 0


class VersieInline(admin.TabularInline):
    model = RapportVersie
    extra = 0
    readonly_fields = ["versie", "pdf", "definitief_op", "definitief_door"]
    exclude = ["cijfers"]
    can_delete = False


@admin.register(Jaarrapportage)
class JaarrapportageAdmin(admin.ModelAdmin):
    list_display = ["jaar", "titel", "status", "versiedatum"]
    list_filter = ["status"]
    search_fields = ["titel"]
    inlines = [SectieInline, PlanonderdeelInline, VersieInline]


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0


@admin.register(Planonderdeel)
class PlanonderdeelAdmin(admin.ModelAdmin):
    list_display = ["titel", "rapportage", "volgorde"]
    list_filter = ["rapportage"]
    search_fields = ["titel", "doel"]
    inlines = [IndicatorInline]
