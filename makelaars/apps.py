from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MakelaarsConfig(AppConfig):
    name = "makelaars"
    verbose_name = _("Social brokers")

    def ready(self):
        from audit.registry import register

        from .models import Activiteit

        register("activiteit", Activiteit)
