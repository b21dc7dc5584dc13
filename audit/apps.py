from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """The audit trail: history pages and restoring deleted records.

    Which models are audited is not known here: each app registers its own in its
    ``AppConfig.ready()`` (see ``audit.registry.register``).
    """

    name = "audit"
    verbose_name = _("Audit trail")

    def ready(self):
        from django.contrib.auth.models import User

        from .registry import register

        register("user", User)
