from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The bottom layer: shared building blocks that import no other app of ours."""

    name = "core"
    verbose_name = _("Sterke Wijken")

    def ready(self):
        from .roles import sync_roles_after_migrate

        # The roles are defined in code (core.roles) and brought in line with it
        # after every migrate, also after a test database flush.
        post_migrate.connect(sync_roles_after_migrate, sender=self)
