"""factory_boy factories for the whole domain, plus users per role."""

from __future__ import annotations

import datetime
import io

import factory
from django.contrib.auth.models import Group, User
from PIL import Image

from buurtservice.choices import Herkomst, KlusSoort, KlusStatus, UitvoerderSoort, Verwijzer
from buurtservice.models import Capaciteit, Inzet, Klus, KlusStatusWijziging, Uitvoerder
from core.roles import Role
from initiatieven.models import Financieringsaanvraag, Initiatief
from makelaars.choices import ActiviteitSoort
from makelaars.models import Activiteit
from metingen.models import Stelling, Vragenlijst
from rapportage.models import Jaarrapportage, Planonderdeel, Sectie
from signalen.choices import Bron, ContactSoort
from signalen.models import BuurtteamContact, CollectiefVraagstuk, Signaal
from wijken.choices import Functie
from wijken.models import Gebied, Medewerker, Organisatie, Thema, Wijk


class GebiedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gebied
        django_get_or_create = ["naam"]

    naam = factory.Sequence(lambda n: f"Gebied {n}")


class WijkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wijk
        django_get_or_create = ["naam"]

    naam = factory.Sequence(lambda n: f"Wijk {n}")
    gebied = factory.SubFactory(GebiedFactory)


class ThemaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thema
        django_get_or_create = ["naam"]

    naam = factory.Sequence(lambda n: f"Thema {n}")


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie
        django_get_or_create = ["naam"]

    naam = factory.Sequence(lambda n: f"Organisatie {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Sequence(lambda n: f"Voornaam{n}")
    password = factory.PostGenerationMethodCall("set_password", "geheim-wachtwoord-123")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=Role(extracted).value))
        if create:
            self.save()


class MedewerkerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Medewerker
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Medewerker {n}")
    functie = Functie.SOCIAAL_MAKELAAR
    uren_per_week = 24
    startdatum = datetime.date(2020, 1, 1)

    @factory.post_generation
    def gebieden(self, create, extracted, **kwargs):
        if create and extracted:
            self.gebieden.set(extracted)


def make_user(
    role: Role | None, *, gebied: Gebied | None = None, username: str | None = None
) -> User:
    """A user with ``role``; brokers get a Medewerker record in ``gebied``."""
    kwargs = {"username": username} if username else {}
    user = UserFactory(role=role, **kwargs)
    if gebied is not None:
        medewerker = MedewerkerFactory(user=user, naam=user.username, gebieden=[gebied])
        medewerker.standaard_wijk = gebied.wijken.first()
        medewerker.save()
    return user


class InitiatiefFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiatief

    naam = factory.Sequence(lambda n: f"Initiatief {n}")
    wijk = factory.SubFactory(WijkFactory)


class FinancieringsaanvraagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Financieringsaanvraag

    initiatief = factory.SubFactory(InitiatiefFactory)
    fonds = "Wensfonds"
    bedrag = 500
    aangevraagd_op = datetime.date(2023, 3, 1)


class ActiviteitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activiteit

    datum = datetime.date(2023, 6, 1)
    titel = factory.Sequence(lambda n: f"Activiteit {n}")
    wijk = factory.SubFactory(WijkFactory)
    soort = ActiviteitSoort.BIJEENKOMST


class UitvoerderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Uitvoerder

    naam = factory.Sequence(lambda n: f"Uitvoerder {n}")
    soort = UitvoerderSoort.VRIJWILLIGER
    herkomst = Herkomst.WIJK
    startdatum = datetime.date(2023, 1, 1)


class KlusFactory(factory.django.DjangoModelFactory):
    """A job with what every job has: the status change of its intake, dated on the
    request date (``intake=False`` leaves it out)."""

    class Meta:
        model = Klus
        skip_postgeneration_save = True

    aanvraagdatum = datetime.date(2023, 2, 1)
    wijk = factory.SubFactory(WijkFactory)
    soort = KlusSoort.TUIN
    verwijzer = Verwijzer.INWONER
    aanvrager_naam = "J. Jansen"
    aanvrager_adres = "Dorpsstraat 1"

    @factory.post_generation
    def intake(klus, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        # Taken in by the app: straight onto the waiting list (``aangemeld``: by other means).
        status = (
            KlusStatus.AANGEMELD if klus.status == KlusStatus.AANGEMELD else KlusStatus.WACHTLIJST
        )
        KlusStatusWijziging.objects.create(klus=klus, status=status, datum=klus.aanvraagdatum)


class InzetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inzet

    klus = factory.SubFactory(KlusFactory)
    uitvoerder = factory.SubFactory(UitvoerderFactory)


class CapaciteitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Capaciteit

    uren_per_week = 24
    startdatum = datetime.date(2023, 1, 1)


class JaarrapportageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Jaarrapportage
        django_get_or_create = ["jaar"]

    jaar = 2023
    titel = factory.LazyAttribute(lambda o: f"Jaarrapportage Sterke Wijken {o.jaar}")
    versiedatum = factory.LazyAttribute(lambda o: datetime.date(o.jaar, 12, 1))


class SectieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sectie

    rapportage = factory.SubFactory(JaarrapportageFactory)
    soort = "vrij"
    titel = factory.Sequence(lambda n: f"Sectie {n}")


class PlanonderdeelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Planonderdeel

    rapportage = factory.SubFactory(JaarrapportageFactory)
    titel = factory.Sequence(lambda n: f"Planonderdeel {n}")


class SignaalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signaal
        skip_postgeneration_save = True

    datum = datetime.date(2023, 2, 1)
    wijk = factory.SubFactory(WijkFactory)
    bron = Bron.INWONER
    omschrijving = factory.Sequence(lambda n: f"Signaal {n} over de buurt")

    @factory.post_generation
    def themas(self, create, extracted, **kwargs):
        if create and extracted:
            self.themas.set(extracted)


class CollectiefVraagstukFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CollectiefVraagstuk

    titel = factory.Sequence(lambda n: f"Vraagstuk {n}")
    gebied = factory.SubFactory(GebiedFactory)
    gestart_op = datetime.date(2023, 4, 1)


class BuurtteamContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BuurtteamContact

    datum = datetime.date(2023, 3, 1)
    gebied = factory.SubFactory(GebiedFactory)
    soort = ContactSoort.KENNISMAKING


class VragenlijstFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vragenlijst

    initiatief = factory.SubFactory(
        InitiatiefFactory, directe_effecten="Bewoners voelen zich verbonden met elkaar."
    )
    titel = factory.Sequence(lambda n: f"Vragenlijst {n}")
    open_vraag = "Wat wil je nog kwijt?"
    startdatum = datetime.date(2023, 5, 1)


class StellingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stelling

    vragenlijst = factory.SubFactory(VragenlijstFactory)
    tekst = factory.Sequence(lambda n: f"Stelling {n}")
    volgorde = factory.Sequence(lambda n: n)


def png_bytes(size=(4, 4), colour=(200, 30, 30)) -> bytes:
    """A small valid PNG image (for photo uploads)."""
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()
