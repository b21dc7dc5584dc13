from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SterkeWijkenConfig(AppConfig):
    name = "sterkewijken"
    verbose_name = _("Sterke Wijken")

    def ready(self):
        from .accounts import install_user_actions
        from .roles import sync_roles_after_migrate

        post_migrate.connect(sync_roles_after_migrate, sender=self)
        # The admin registered its models already (admin's ready runs first).
        install_user_actions()
