from django.db import models
from django.utils.translation import gettext_lazy as _


class KlusSoort(models.TextChoices):
    TUIN = "tuin", _("garden")
    DREMPEL = "drempel", _("threshold")
    BEUGELS = "beugels", _("grab rails")
    KLEIN_ONDERHOUD = "klein_onderhoud", _("minor maintenance")
    WMO_AANPASSING = "wmo_aanpassing", _("WMO adaptation")
    VERHUIZING = "verhuizing", _("moving help")
    ANDERS = "anders", _("other")


class Verwijzer(models.TextChoices):
    WMO = "wmo", _("WMO")
    WONINGCORPORATIE = "woningcorporatie", _("housing corporation")
    SOCIAAL_WERKER = "sociaal_werker", _("social worker")
    INWONER = "inwoner", _("resident")
    ANDERS = "anders", _("other")


class KlusStatus(models.TextChoices):
    AANGEMELD = "aangemeld", _("registered")
    WACHTLIJST = "wachtlijst", _("on the waiting list")
    INGEPLAND = "ingepland", _("planned")
    UITGEVOERD = "uitgevoerd", _("done")
    GEANNULEERD = "geannuleerd", _("cancelled")

    @classmethod
    def open(cls) -> list[str]:
        return [cls.AANGEMELD, cls.WACHTLIJST, cls.INGEPLAND]

    @classmethod
    def closed(cls) -> list[str]:
        return [cls.UITGEVOERD, cls.GEANNULEERD]


class UitvoerderSoort(models.TextChoices):
    DEELNEMER = "deelnemer", _("participant (work-experience place)")
    VRIJWILLIGER = "vrijwilliger", _("volunteer")
    STAGIAIR = "stagiair", _("intern")


class Herkomst(models.TextChoices):
    GELREWERKT = "gelrewerkt", _("GelreWerkt")
    AZC = "azc", _("AZC (asylum seekers' centre)")
    WIJK = "wijk", _("the neighbourhood")
    HAN = "han", _("HAN (university of applied sciences)")
    ESC = "esc", _("European Solidarity Corps")
    TACTUS = "tactus", _("Tactus")
    ANDERS = "anders", _("other")


class Uitstroom(models.TextChoices):
    BETAALD_WERK = "betaald_werk", _("paid work")
    OPLEIDING = "opleiding", _("education")
    ANDERS = "anders", _("other")
