from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


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


class PdfSoort(models.TextChoices):
    """What a PDF job makes: a draft to read, or the final version to store."""

    CONCEPT = "concept", _("draft PDF")
    DEFINITIEF = "definitief", _("final version")


class PdfStatus(models.TextChoices):
    """The steps of a PDF job, in order; ``klaar`` and ``mislukt`` end it."""

    WACHTRIJ = "wachtrij", _("queued")
    CIJFERS = "cijfers", _("gathering the figures")
    OPMAAK = "opmaak", _("laying out the pages")
    SCHRIJVEN = "schrijven", _("writing the PDF")
    KLAAR = "klaar", pgettext_lazy("pdf job", "done")
    MISLUKT = "mislukt", _("failed")
