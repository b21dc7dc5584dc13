from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RapportageConfig(AppConfig):
    name = "rapportage"
    verbose_name = _("Reporting")

    def ready(self):
        from audit.registry import register

        from .models import Jaarrapportage, Sectie

        register("jaarrapportage", Jaarrapportage)
        register("sectie", Sectie)
