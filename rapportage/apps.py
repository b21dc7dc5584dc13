from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RapportageConfig(AppConfig):
    name = "rapportage"
    verbose_name = _("Reporting")

    def ready(self):
        from audit.registry import register

        from .models import Indicator, Jaarrapportage, Planonderdeel, Sectie

        register("jaarrapportage", Jaarrapportage)
        register("sectie", Sectie)
        register("planonderdeel", Planonderdeel)
        register("indicator", Indicator)
