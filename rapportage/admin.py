"""The admin of reports: read-only for a final report and everything in it.

A final report is frozen (its version holds what the PDF shows); changing it
goes through "Reopen" in the app, which records who reopened it and why. The
admin therefore refuses to change or delete a final report, its sections, plan
items and indicators, and never edits a stored version.
"""

from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.versioned_admin import VersionedAdminForm, VersionedAdminMixin, VersionedInlineMixin

from .choices import RapportStatus
from .models import Indicator, Jaarrapportage, Planonderdeel, RapportVersie, Sectie
from .selectors import measure_choices


def _is_final(rapportage) -> bool:
    return rapportage is not None and rapportage.pk is not None and rapportage.is_definitief


class NoBulkDeleteMixin:
    """The list's "delete selected" skips the per-object check; a final report must not go."""

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions


class FinalReadOnlyInline:
    """Inlines of a report: no add, change or delete while the report is final."""

    def _final(self, obj) -> bool:
        return _is_final(obj)

    def has_add_permission(self, request, obj=None):
        return not self._final(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not self._final(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._final(obj) and super().has_delete_permission(request, obj)


class SectieInline(FinalReadOnlyInline, VersionedInlineMixin, admin.StackedInline):
    model = Sectie
    extra = 0


class PlanonderdeelInline(FinalReadOnlyInline, VersionedInlineMixin, admin.StackedInline):
    model = Planonderdeel
    extra = 0


class VersieInline(admin.TabularInline):
    model = RapportVersie
    extra = 0
    fields = [
        "versie",
        "pdf",
        "definitief_op",
        "definitief_door",
        "heropend_op",
        "heropend_door",
        "heropend_reden",
    ]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Jaarrapportage)
class JaarrapportageAdmin(NoBulkDeleteMixin, VersionedAdminMixin, SimpleHistoryAdmin):
    list_display = ["jaar", "titel", "status", "versiedatum"]
    list_filter = ["status"]
    search_fields = ["titel"]
    inlines = [SectieInline, PlanonderdeelInline, VersieInline]

    def has_change_permission(self, request, obj=None):
        return not _is_final(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _is_final(obj) and super().has_delete_permission(request, obj)


class IndicatorForm(VersionedAdminForm):
    """Offers the computed figures the report knows (selectors.INDICATOR_MEASURES)."""

    class Meta:
        model = Indicator
        fields = [
            "naam",
            "meting",
            "handmatige_waarde",
            "bron",
            "eenheid",
            "streefwaarde",
            "richting",
        ]

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

    def _final(self, obj) -> bool:
        return obj is not None and _is_final(obj.rapportage)

    def has_add_permission(self, request, obj=None):
        return not self._final(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not self._final(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._final(obj) and super().has_delete_permission(request, obj)


@admin.register(Planonderdeel)
class PlanonderdeelAdmin(NoBulkDeleteMixin, VersionedAdminMixin, admin.ModelAdmin):
    list_display = ["titel", "rapportage", "volgorde"]
    list_filter = ["rapportage"]
    search_fields = ["titel", "doel"]
    inlines = [IndicatorInline]

    def has_change_permission(self, request, obj=None):
        return not (obj and _is_final(obj.rapportage)) and super().has_change_permission(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        return not (obj and _is_final(obj.rapportage)) and super().has_delete_permission(
            request, obj
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "rapportage":
            # New plan items only for draft reports.
            kwargs["queryset"] = Jaarrapportage.objects.filter(status=RapportStatus.CONCEPT)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
