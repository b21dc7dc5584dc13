from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignalenConfig(AppConfig):
    name = "signalen"
    verbose_name = _("Signals and collective work")

    def ready(self):
        from audit.registry import register

        from .models import BuurtteamContact, CollectiefVraagstuk, Signaal

        register("signaal", Signaal)
        register("vraagstuk", CollectiefVraagstuk)
        register("buurtteamcontact", BuurtteamContact)
