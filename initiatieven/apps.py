from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiatievenConfig(AppConfig):
    name = "initiatieven"
    verbose_name = _("Resident initiatives")

    def ready(self):
        from audit.registry import register

        from .models import Financieringsaanvraag, Initiatief

        register("initiatief", Initiatief)
        register("financieringsaanvraag", Financieringsaanvraag)
