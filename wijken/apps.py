from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WijkenConfig(AppConfig):
    name = "wijken"
    verbose_name = _("Districts and staff")

    def ready(self):
        from audit.registry import register

        from .models import Medewerker, Organisatie

        register("medewerker", Medewerker)
        register("organisatie", Organisatie)
