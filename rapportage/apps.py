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
        register_pdf_housekeeping()


def register_pdf_housekeeping() -> None:
    """PDF jobs of stopped workers fail; old drafts and job rows go (rapportage.jobs)."""
    from core.jobs import register_housekeeping

    from .jobs import fail_stopped_pdf_jobs, prune_pdf_jobs

    register_housekeeping("pdf_jobs_stopped", fail_stopped_pdf_jobs)
    register_housekeeping("pdf_jobs_pruned", prune_pdf_jobs)
