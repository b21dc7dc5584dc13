from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BuurtserviceConfig(AppConfig):
    name = "buurtservice"
    verbose_name = _("Buurtservice")

    def ready(self):
        from audit.registry import register

        from .models import Klus, Uitvoerder

        register("klus", Klus)
        register("uitvoerder", Uitvoerder)
