from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.versioned_admin import VersionedAdminMixin

from .models import Duiding, Stelling, Vragenlijst


class StellingInline(admin.TabularInline):
    model = Stelling
    extra = 0


@admin.register(Vragenlijst)
class VragenlijstAdmin(VersionedAdminMixin, SimpleHistoryAdmin):
    list_display = ["titel", "initiatief", "startdatum", "is_open"]
    list_filter = ["is_open"]
    raw_id_fields = ["initiatief", "aangemaakt_door"]
    # Opened and closed on the questionnaire's own page only, where a questionnaire
    # whose results are visible stays closed (metingen.services.set_open).
    readonly_fields = ["is_open", "gesloten_op"]
    inlines = [StellingInline]


@admin.register(Duiding)
class DuidingAdmin(VersionedAdminMixin, SimpleHistoryAdmin):
    list_display = ["vragenlijst", "datum"]
    raw_id_fields = ["vragenlijst"]
