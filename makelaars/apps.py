from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MakelaarsConfig(AppConfig):
    name = "makelaars"
    verbose_name = _("Social brokers")

    def ready(self):
        from audit.registry import register
        from core.datacache import track

        from .models import Activiteit, ActiviteitFoto, ActiviteitLink

        register("activiteit", Activiteit)
        # Cached totals and counts of the list and area pages (core.datacache).
        track(Activiteit, "activiteiten", m2m=("themas", "medewerkers", "partners"))
        track(ActiviteitLink, "activiteiten")
        track(ActiviteitFoto, "activiteiten")
