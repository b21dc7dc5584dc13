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
    inlines = [StellingInline]


@admin.register(Duiding)
class DuidingAdmin(VersionedAdminMixin, SimpleHistoryAdmin):
    list_display = ["vragenlijst", "datum"]
    raw_id_fields = ["vragenlijst"]
