from django.db import models
from django.utils.translation import gettext_lazy as _


class InitiatiefStatus(models.TextChoices):
    IDEE = "idee", _("idea")
    IN_VOORBEREIDING = "in_voorbereiding", _("in preparation")
    ACTIEF = "actief", _("active")
    ZELFSTANDIG = "zelfstandig", _("independent")
    GESTOPT = "gestopt", _("stopped")

    @classmethod
    def running(cls) -> list[str]:
        """The statuses of a running initiative: active or independent."""
        return [cls.ACTIEF, cls.ZELFSTANDIG]


class AanvraagStatus(models.TextChoices):
    AANGEVRAAGD = "aangevraagd", _("applied")
    TOEGEKEND = "toegekend", _("granted")
    AFGEWEZEN = "afgewezen", _("rejected")
