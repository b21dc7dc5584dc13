from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MetingenConfig(AppConfig):
    name = "metingen"
    verbose_name = _("Effects measured with residents")

    def ready(self):
        from audit.registry import register
        from core.datacache import track_app

        from .models import Duiding, Vragenlijst

        register("vragenlijst", Vragenlijst)
        register("duiding", Duiding)
        # Cached figures and stored draft PDFs follow every write (core.datacache).
        track_app(self, "metingen")
