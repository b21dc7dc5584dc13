from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WijkenConfig(AppConfig):
    name = "wijken"
    verbose_name = _("Districts and staff")

    def ready(self):
        from audit.registry import register
        from core.datacache import track

        from .models import Gebied, Medewerker, Organisatie, Thema, Wijk

        register("medewerker", Medewerker)
        register("organisatie", Organisatie)
        # Every cached figure and option list also depends on the reference data.
        for model in (Gebied, Wijk, Thema, Organisatie):
            track(model, "wijken")
        track(Medewerker, "wijken", m2m=("gebieden",))
