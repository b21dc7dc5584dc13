from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RapportageConfig(AppConfig):
    name = "rapportage"
    verbose_name = _("Reporting")

    def ready(self):
        from audit.registry import register
        from core.datacache import track_app

        from .models import Indicator, Jaarrapportage, Planonderdeel, Sectie
        from .services import ensure_restorable

        register("jaarrapportage", Jaarrapportage)
        # A final report's content is frozen: nothing deleted from it comes back.
        register("sectie", Sectie, before_restore=ensure_restorable)
        register("planonderdeel", Planonderdeel, before_restore=ensure_restorable)
        register("indicator", Indicator, before_restore=ensure_restorable)
        # A draft PDF is served again while nothing it shows has changed
        # (core.datacache); the PDF jobs themselves are no part of the report.
        track_app(self, "rapportage", exclude=("PdfOpdracht",))
