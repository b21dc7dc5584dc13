from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BuurtserviceConfig(AppConfig):
    name = "buurtservice"
    verbose_name = _("Buurtservice")
