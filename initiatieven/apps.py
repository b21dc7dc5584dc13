from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiatievenConfig(AppConfig):
    name = "initiatieven"
    verbose_name = _("Resident initiatives")

    def ready(self):
        from audit.registry import register
        from core.datacache import track

        from .models import Deelnametelling, Financieringsaanvraag, Initiatief, StatusWijziging

        register("initiatief", Initiatief)
        register("financieringsaanvraag", Financieringsaanvraag)
        register("telling", Deelnametelling)
        # A restored status step may be the latest again: the status follows it.
        register(
            "statuswijziging",
            StatusWijziging,
            after_restore=lambda wijziging: wijziging.initiatief.sync_status_from_history(),
        )
        # Cached counts and figures of the list and area pages (core.datacache).
        track(Initiatief, "initiatieven", m2m=("themas", "ondersteuners"))
        for model in (StatusWijziging, Financieringsaanvraag, Deelnametelling):
            track(model, "initiatieven")
