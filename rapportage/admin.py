from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.versioned_admin import VersionedAdminForm, VersionedAdminMixin, VersionedInlineMixin

from .models import Indicator, Jaarrapportage, Planonderdeel, RapportVersie, Sectie
from .selectors import measure_choices


class SectieInline(VersionedInlineMixin, admin.StackedInline):
    model = Sectie
    extra = 0


class PlanonderdeelInline(VersionedInlineMixin, admin.StackedInline):
    model = Planonderdeel
    extra = 0


class VersieInline(admin.TabularInline):
    model = RapportVersie
    extra = 0
    readonly_fields = ["versie", "pdf", "definitief_op", "definitief_door"]
    exclude = ["cijfers"]
    can_delete = False


@admin.register(Jaarrapportage)
class JaarrapportageAdmin(VersionedAdminMixin, SimpleHistoryAdmin):
    list_display = ["jaar", "titel", "status", "versiedatum"]
    list_filter = ["status"]
    search_fields = ["titel"]
    inlines = [SectieInline, PlanonderdeelInline, VersieInline]


class IndicatorForm(VersionedAdminForm):
    """Offers the computed figures the report knows (selectors.INDICATOR_MEASURES)."""

    class Meta:
        model = Indicator
        fields = ["naam", "streefwaarde", "meting"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = measure_choices()
        current = self.initial.get("meting")
        if current and current not in dict(choices):
            choices.append((current, current))
        self.fields["meting"].widget = forms.Select(choices=[("", "---------"), *choices])


class IndicatorInline(VersionedInlineMixin, admin.TabularInline):
    model = Indicator
    form = IndicatorForm
    extra = 0


@admin.register(Planonderdeel)
class PlanonderdeelAdmin(VersionedAdminMixin, admin.ModelAdmin):
    list_display = ["titel", "rapportage", "volgorde"]
    list_filter = ["rapportage"]
    search_fields = ["titel", "doel"]
    inlines = [IndicatorInline]
