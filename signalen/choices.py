from django.db import models
from django.utils.translation import gettext_lazy as _


class Bron(models.TextChoices):
    """Where a signal came from."""

    INWONER = "inwoner", _("resident")
    PARTNER = "partner", _("partner organisation")
    EIGEN_WAARNEMING = "eigen_waarneming", _("own observation")
    BUURTTEAM = "buurtteam", _("buurtteam / wijkteam")
    GEMEENTE = "gemeente", _("municipality")
    BUURTSERVICE = "buurtservice", _("Buurtservice")
    ANDERS = "anders", _("other")


class VraagstukStatus(models.TextChoices):
    """The route from signal to collective answer, in the four steps of seed 004."""

    VERKENNEN = "verkennen", _("exploring")
    WERKGROEP = "werkgroep", _("working group")
    UITVOERING = "uitvoering", _("in progress")
    EVALUATIE = "evaluatie", _("evaluating")
    AFGEROND = "afgerond", _("completed")


class ContactSoort(models.TextChoices):
    """Kinds of contact between social brokers and the buurtteam (seed 003)."""

    KENNISMAKING = "kennismaking", _("introduction")
    CASUISTIEK = "casuistiek", _("case consultation")
    WIJKSIGNALERING = "wijksignalering", _("district signals shared")
    DOORVERWIJZING = "doorverwijzing", _("referral")


class Partij(models.TextChoices):
    """Who refers to whom (never the resident)."""

    MAKELAAR = "makelaar", _("social broker")
    BUURTTEAM = "buurtteam", _("buurtteam / wijkteam")
    BUURTSERVICE = "buurtservice", _("Buurtservice")
    INITIATIEF = "initiatief", _("resident initiative")
    PARTNER = "partner", _("partner organisation")


class Uitkomst(models.TextChoices):
    """What came of a referral."""

    LOPEND = "lopend", _("pending")
    AANGESLOTEN = "aangesloten", _("taken up")
    NIET_AANGESLOTEN = "niet_aangesloten", _("not taken up")
    ONBEKEND = "onbekend", _("unknown")
