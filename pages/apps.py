from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """Pages that combine the registers: role home pages, wijk and gebied pages."""

    name = "pages"
    verbose_name = _("Overview pages")
