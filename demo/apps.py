from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo data (``manage.py demodata``): the 2023 situation of seed 000. Never in production."""

    name = "demo"
    verbose_name = _("Demo data")
