from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignalenConfig(AppConfig):
    name = "signalen"
    verbose_name = _("Signals and collective work")

    def ready(self):
        from audit.registry import register
        from core.datacache import track_app

        from .models import BuurtteamContact, CollectiefVraagstuk, Signaal

        register("signaal", Signaal)
        register("vraagstuk", CollectiefVraagstuk)
        register("buurtteamcontact", BuurtteamContact)
        # Cached figures and stored draft PDFs follow every write (core.datacache).
        track_app(self, "signalen")
