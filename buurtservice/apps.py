from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BuurtserviceConfig(AppConfig):
    name = "buurtservice"
    verbose_name = _("Buurtservice")

    def ready(self):
        from audit.registry import register
        from core.datacache import track

        from .models import Capaciteit, Inzet, Klus, KlusStatusWijziging, Uitvoerder

        register("klus", Klus)
        register("uitvoerder", Uitvoerder)
        register("inzet", Inzet)
        # Cached counts of the lists (core.datacache).
        track(Klus, "klussen")
        track(KlusStatusWijziging, "klussen")
        track(Uitvoerder, "uitvoerders")
        track(Inzet, "uitvoerders")
        track(Capaciteit, "uitvoerders")
