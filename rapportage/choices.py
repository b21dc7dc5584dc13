from django.db import models
from django.utils.translation import gettext_lazy as _


class RapportStatus(models.TextChoices):
    CONCEPT = "concept", _("draft")
    DEFINITIEF = "definitief", _("final")


class SectieSoort(models.TextChoices):
    """What a section shows besides its narrative: the blocks that belong to it."""

    KERNCIJFERS = "kerncijfers", _("Key figures")
    SOCIAAL_MAKELAARS = "sociaal_makelaars", _("A social broker in every district")
    VRIJWILLIGERSWERK = "vrijwilligerswerk", _("Stimulating volunteering")
    BUURTSERVICE = "buurtservice", _("More Buurtservice capacity")
    VISIE = "visie", _("A worked-out vision on strong districts")
    CIJFERS = "cijfers", _("Figures overview")
    VOORBEELDEN = "voorbeelden", _("Annex: examples per district")
    PLAN = "plan", _("Annex: plan summary")
    VERANTWOORDING = "verantwoording", _("Annex: what the figures count")
    VRIJ = "vrij", _("Free text")


class Richting(models.TextChoices):
    """How a result is judged against its target."""

    HOGER = "hoger", _("higher is better")
    LAGER = "lager", _("lower is better")
    PRECIES = "precies", _("exactly")
