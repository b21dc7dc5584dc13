from django.db import models
from django.utils.translation import gettext_lazy as _


class InitiatiefStatus(models.TextChoices):
    IDEE = "idee", _("idea")
    IN_VOORBEREIDING = "in_voorbereiding", _("in preparation")
    ACTIEF = "actief", _("active")
    ZELFSTANDIG = "zelfstandig", _("independent")
    GESTOPT = "gestopt", _("stopped")


class AanvraagStatus(models.TextChoices):
    AANGEVRAAGD = "aangevraagd", _("applied")
    TOEGEKEND = "toegekend", _("granted")
    AFGEWEZEN = "afgewezen", _("rejected")
