from django.db import models
from django.utils.translation import gettext_lazy as _


class Schaal(models.IntegerChoices):
    """The five-point scale of every statement."""

    HELEMAAL_ONEENS = 1, _("strongly disagree")
    ONEENS = 2, _("disagree")
    NEUTRAAL = 3, _("neither agree nor disagree")
    EENS = 4, _("agree")
    HELEMAAL_EENS = 5, _("strongly agree")

    @classmethod
    def agreeing(cls) -> list[int]:
        """The answers that count as agreeing: agree and strongly agree."""
        return [cls.EENS, cls.HELEMAAL_EENS]
