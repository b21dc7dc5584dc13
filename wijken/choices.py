from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisatieSoort(models.TextChoices):
    GEMEENTE = "gemeente", _("municipality")
    WONINGCORPORATIE = "woningcorporatie", _("housing corporation")
    WERK_EN_INKOMEN = "werk_en_inkomen", _("work and income (e.g. GelreWerkt)")
    ONDERWIJS = "onderwijs", _("school or education")
    ONDERNEMER = "ondernemer", _("business")
    FONDS = "fonds", _("fund")
    VRIJWILLIGERSORGANISATIE = "vrijwilligersorganisatie", _("volunteer organisation")
    ZORG_WELZIJN = "zorg_welzijn", _("care and welfare")
    BEWONERSGROEP = "bewonersgroep", _("residents' group")
    ANDERS = "anders", _("other")


class Functie(models.TextChoices):
    SOCIAAL_MAKELAAR = "sociaal_makelaar", _("social broker")
    MBO_SOCIAAL_MAKELAAR = "mbo_sociaal_makelaar", _("social broker (mbo)")
    COORDINATOR = "coordinator", _("coordinator")
    BUURTSERVICE = "buurtservice", _("Buurtservice staff")
    SOCIAAL_WERKER = "sociaal_werker", _("social worker")
    ANDERS = "anders", _("other")

    @classmethod
    def makelaars(cls) -> list[str]:
        return [cls.SOCIAAL_MAKELAAR, cls.MBO_SOCIAAL_MAKELAAR]
