from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SterkeWijkenConfig(AppConfig):
    name = "sterkewijken"
    verbose_name = _("Sterke Wijken")
