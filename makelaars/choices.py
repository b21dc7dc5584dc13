from django.db import models
from django.utils.translation import gettext_lazy as _


class ActiviteitSoort(models.TextChoices):
    BIJEENKOMST = "bijeenkomst", _("meeting")
    DEUR_AAN_DEUR = "deur_aan_deur", _("home visit / door to door")
    EVENEMENT = "evenement", _("event")
    ONDERSTEUNING_INITIATIEF = "ondersteuning_initiatief", _("support of an initiative")
    VERBINDING = "verbinding", _("connection made")
    SIGNALERING = "signalering", _("signal")
    OVERLEG = "overleg", _("consultation")
    INLOOP = "inloop", _("drop-in / office hours")
    ANDERS = "anders", _("other")


class Rol(models.TextChoices):
    VERBINDEN = "verbinden", _("connecting")
    FACILITEREN = "faciliteren", _("facilitating")
    ARRANGEREN = "arrangeren", _("arranging")
    INITIEREN = "initieren", _("initiating")
    SIGNALEREN = "signaleren", _("signalling")
