from django.contrib import admin
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from core.versioned_admin import VersionedAdminMixin, VersionedInlineMixin

from .models import Deelnametelling, Financieringsaanvraag, Initiatief, StatusWijziging


class StatusWijzigingInline(admin.TabularInline):
    model = StatusWijziging
    extra = 0


class FinancieringInline(VersionedInlineMixin, admin.TabularInline):
    model = Financieringsaanvraag
    extra = 0


class TellingInline(VersionedInlineMixin, admin.TabularInline):
    model = Deelnametelling
    extra = 0


@admin.register(Initiatief)
class InitiatiefAdmin(VersionedAdminMixin, SimpleHistoryAdmin):
    list_display = ["naam", "wijk", "status", "aantal_initiatiefnemers"]
    list_filter = ["status", "wijk__gebied", "wijk", "themas"]
    search_fields = ["naam", "omschrijving", "doelgroep"]
    list_select_related = ["wijk"]
    autocomplete_fields = ["wijk", "ondersteuners", "partners"]
    filter_horizontal = ["themas"]
    inlines = [StatusWijzigingInline, FinancieringInline, TellingInline]
    # The current status follows the dated history (edit the status changes below).
    readonly_fields = ["status"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        initiatief = form.instance
        if not initiatief.statuswijzigingen.exists():
            StatusWijziging.objects.create(
                initiatief=initiatief,
                status=initiatief.status,
                datum=timezone.localdate(),
                door=request.user,
            )
        initiatief.sync_status_from_history()


@admin.register(Financieringsaanvraag)
class FinancieringsaanvraagAdmin(VersionedAdminMixin, SimpleHistoryAdmin):
    list_display = ["fonds", "initiatief", "bedrag", "aangevraagd_op", "status"]
    list_filter = ["status", "fonds"]
    search_fields = ["fonds", "initiatief__naam"]
    date_hierarchy = "aangevraagd_op"
