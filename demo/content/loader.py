"""Write the demo data (the 2023 situation of seed 000) to the database.

Every row is looked up by a natural key (get_or_create / update_or_create),
so running this twice changes nothing the second time. Everything runs in one
transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.apps import apps as django_apps
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, User
from django.db import transaction

from buurtservice.models import Capaciteit, Inzet, Klus, KlusStatusWijziging, Uitvoerder
from core.datacache import deferred_bumps
from core.roles import sync_roles
from initiatieven.models import (
    Deelnametelling,
    Financieringsaanvraag,
    Initiatief,
    StatusWijziging,
)
from makelaars.models import Activiteit, ActiviteitLink
from rapportage.choices import RapportStatus
from rapportage.models import Indicator, Jaarrapportage, Planonderdeel, Sectie
from wijken.models import Gebied, Medewerker, Organisatie, Thema, Wijk

from . import activiteiten as activiteiten_data
from . import buurtservice as buurtservice_data
from . import initiatieven as initiatieven_data
from . import mensen, referentie, voorbeelden
from . import metingen as metingen_data
from . import rapportage as rapportage_data
from . import signalen as signalen_data


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    password: str
    naam: str
    created: bool


class _Context:
    """Lookups by natural key of what has been written so far."""

    def __init__(self) -> None:
        self.gebieden: dict[str, Gebied] = {}
        self.wijken: dict[str, Wijk] = {}
        self.themas: dict[str, Thema] = {}
        self.organisaties: dict[str, Organisatie] = {}
        self.medewerkers: dict[str, Medewerker] = {}
        self.users: dict[str, User] = {}  # by username
        self.user_of_medewerker: dict[str, User] = {}  # by medewerker key
        self.initiatieven: dict[str, Initiatief] = {}

    def user_for(self, medewerker_keys: list[str]) -> User | None:
        for key in medewerker_keys:
            if key in self.user_of_medewerker:
                return self.user_of_medewerker[key]
        return None


@transaction.atomic
def load() -> list[DemoLogin]:
    """Build or refresh all demo data; return the demo logins."""
    ctx = _Context()
    # A flushed database (e.g. after a transactional test) may lack the groups.
    sync_roles(django_apps)
    # Thousands of saves: each cached figure's token is replaced once, at the end.
    with deferred_bumps():
        _load_referentie(ctx)
        logins = _load_mensen(ctx)
        _load_initiatieven(ctx)
        _load_voorbeelden(ctx)
        _load_activiteiten(ctx)
        _load_buurtservice(ctx)
        signalen_data.load(ctx)
        metingen_data.load(ctx)
        _load_rapportage()
    return logins


def _load_referentie(ctx: _Context) -> None:
    for naam, volgorde, wijken in referentie.GEBIEDEN:
        gebied, _ = Gebied.objects.update_or_create(naam=naam, defaults={"volgorde": volgorde})
        ctx.gebieden[naam] = gebied
        for wijk_naam in wijken:
            wijk, _ = Wijk.objects.update_or_create(naam=wijk_naam, defaults={"gebied": gebied})
            ctx.wijken[wijk_naam] = wijk
    for naam in referentie.THEMAS:
        ctx.themas[naam], _ = Thema.objects.get_or_create(naam=naam)
    for naam, soort, notities in referentie.ORGANISATIES:
        ctx.organisaties[naam], _ = Organisatie.objects.update_or_create(
            naam=naam, defaults={"soort": soort, "notities": notities}
        )


def _load_mensen(ctx: _Context) -> list[DemoLogin]:
    """The demo accounts and staff.

    Only missing accounts are created (with the demo password and their role).
    An account that exists already, demo or not, keeps its password, groups,
    staff flag and links: demodata never hands out rights or resets a password.
    """
    # One hash for all new demo users keeps the command fast.
    password_hash = make_password(mensen.PASSWORD)
    logins = []
    new_accounts: set[User] = set()
    for data in mensen.USERS:
        user, created = User.objects.get_or_create(
            username=data.username,
            defaults={
                "first_name": data.first_name,
                "last_name": data.last_name,
                "email": f"{data.username}@demo.invalid",
                "is_staff": data.is_staff,
                "is_active": True,
                "password": password_hash,
            },
        )
        if created:
            user.groups.set([Group.objects.get(name=data.role.value)])
            new_accounts.add(user)
        ctx.users[data.username] = user
        if data.medewerker:
            ctx.user_of_medewerker[data.medewerker] = user
        logins.append(
            DemoLogin(
                data.username,
                data.role.value,
                mensen.PASSWORD if created else "",
                f"{data.first_name} {data.last_name}",
                created,
            )
        )

    for key, data in mensen.MEDEWERKERS.items():
        defaults = {
            "functie": data.functie,
            "uren_per_week": Decimal(data.uren),
            "startdatum": data.start,
            "einddatum": data.eind,
            "standaard_wijk": ctx.wijken[data.standaard_wijk] if data.standaard_wijk else None,
            "is_pilot": data.is_pilot,
            "notities": data.notities,
        }
        # A staff record decides which gebieden its account sees: only a new
        # account is linked to one.
        user = ctx.user_of_medewerker.get(key)
        if user in new_accounts:
            defaults["user"] = user
        medewerker, _ = Medewerker.objects.update_or_create(naam=data.naam, defaults=defaults)
        medewerker.gebieden.set([ctx.gebieden[g] for g in data.gebieden])
        ctx.medewerkers[key] = medewerker
    return logins


def _load_initiatieven(ctx: _Context) -> None:
    for key, data in initiatieven_data.INITIATIEVEN.items():
        initiatief, _ = Initiatief.objects.update_or_create(
            naam=data.naam,
            wijk=ctx.wijken[data.wijk],
            defaults={
                "omschrijving": data.omschrijving,
                "status": data.historie[-1][0],
                "initiatiefnemers": data.initiatiefnemers,
                "aantal_initiatiefnemers": data.aantal_initiatiefnemers,
                "doelgroep": data.doelgroep,
                "aanpak": data.aanpak,
                "directe_effecten": data.directe_effecten,
                "indirecte_bijdrage": data.indirecte_bijdrage,
            },
        )
        initiatief.themas.set([ctx.themas[t] for t in data.themas])
        initiatief.ondersteuners.set([ctx.medewerkers[m] for m in data.ondersteuners])
        initiatief.partners.set([ctx.organisaties[p] for p in data.partners])
        door = ctx.user_for(data.ondersteuners) or ctx.users["coordinator"]
        for status, datum, toelichting in data.historie:
            StatusWijziging.objects.update_or_create(
                initiatief=initiatief,
                status=status,
                datum=datum,
                defaults={"door": door, "toelichting": toelichting},
            )
        for aanvraag in data.aanvragen:
            Financieringsaanvraag.objects.update_or_create(
                initiatief=initiatief,
                fonds=aanvraag.fonds,
                defaults={
                    "bedrag": Decimal(aanvraag.bedrag),
                    "aangevraagd_op": aanvraag.aangevraagd_op,
                    "besluit_op": aanvraag.besluit_op,
                    "status": aanvraag.status,
                },
            )
        for datum, vrijwilligers, deelnemers in data.tellingen:
            Deelnametelling.objects.update_or_create(
                initiatief=initiatief,
                datum=datum,
                defaults={"vrijwilligers": vrijwilligers, "deelnemers": deelnemers},
            )
        ctx.initiatieven[key] = initiatief


def _save_activiteit(
    ctx: _Context,
    *,
    titel: str,
    wijk: str,
    datum,
    medewerkers: list[str],
    themas,
    partners,
    defaults: dict,
) -> Activiteit:
    activiteit, _ = Activiteit.objects.update_or_create(
        titel=titel,
        wijk=ctx.wijken[wijk],
        datum=datum,
        defaults={**defaults, "aangemaakt_door": ctx.user_for(medewerkers)},
    )
    activiteit.medewerkers.set([ctx.medewerkers[m] for m in medewerkers])
    activiteit.themas.set([ctx.themas[t] for t in themas])
    activiteit.partners.set([ctx.organisaties[p] for p in partners])
    return activiteit


def _load_voorbeelden(ctx: _Context) -> None:
    for data in voorbeelden.VOORBEELDEN:
        activiteit = _save_activiteit(
            ctx,
            titel=data.titel,
            wijk=data.wijk,
            datum=data.datum,
            medewerkers=data.medewerkers,
            themas=data.themas,
            partners=data.partners,
            defaults={
                "soort": data.soort,
                "rol": data.rol,
                "initiatief": ctx.initiatieven[data.initiatief] if data.initiatief else None,
                "bewoners_bereikt": data.bewoners_bereikt,
                "bewoners_geactiveerd": data.bewoners_geactiveerd,
                "cijfers": data.cijfers,
                "beschrijving": data.beschrijving,
                "opbrengst": data.opbrengst,
                "is_voorbeeld": True,
            },
        )
        for url, omschrijving in data.links:
            ActiviteitLink.objects.update_or_create(
                activiteit=activiteit, url=url, defaults={"omschrijving": omschrijving}
            )


def _load_activiteiten(ctx: _Context) -> None:
    for data in activiteiten_data.generate():
        _save_activiteit(
            ctx,
            titel=data.titel,
            wijk=data.wijk,
            datum=data.datum,
            medewerkers=data.medewerkers,
            themas=data.themas,
            partners=data.partners,
            defaults={
                "soort": data.soort,
                "rol": data.rol,
                "bewoners_bereikt": data.bewoners_bereikt,
                "bewoners_geactiveerd": data.bewoners_geactiveerd,
                "beschrijving": data.beschrijving,
                "is_voorbeeld": False,
            },
        )


def _load_buurtservice(ctx: _Context) -> None:
    for uren, start, eind, omschrijving in buurtservice_data.CAPACITEIT:
        Capaciteit.objects.update_or_create(
            startdatum=start,
            defaults={
                "uren_per_week": Decimal(uren),
                "einddatum": eind,
                "omschrijving": omschrijving,
            },
        )
    uitvoerders = {}
    for data in buurtservice_data.UITVOERDERS:
        uitvoerders[data.naam], _ = Uitvoerder.objects.update_or_create(
            naam=data.naam,
            defaults={
                "soort": data.soort,
                "herkomst": data.herkomst,
                "startdatum": data.start,
                "einddatum": data.eind,
                "uitstroom": data.uitstroom,
                "notities": data.notities,
            },
        )
    door = ctx.users["buurtservice"]
    # Status changes and assignments are many small rows: compare with what exists in
    # one query each and write the missing ones in bulk.
    existing_history = set(KlusStatusWijziging.objects.values_list("klus_id", "status", "datum"))
    existing_inzet = {
        (klus_id, uitvoerder_id): (pk, uren)
        for pk, klus_id, uitvoerder_id, uren in Inzet.objects.values_list(
            "pk", "klus_id", "uitvoerder_id", "uren"
        )
    }
    new_history: list[KlusStatusWijziging] = []
    new_inzet: list[Inzet] = []
    for data in buurtservice_data.generate():
        klus, _ = Klus.objects.update_or_create(
            aanvraagdatum=data.aanvraagdatum,
            aanvrager_adres=data.aanvrager_adres,
            defaults={
                "wijk": ctx.wijken[data.wijk],
                "soort": data.soort,
                "verwijzer": data.verwijzer,
                "omschrijving": data.omschrijving,
                "status": data.status,
                "aanvrager_naam": data.aanvrager_naam,
                "gepland_op": data.gepland_op,
                "uitgevoerd_op": data.uitgevoerd_op,
                "geannuleerd_op": data.geannuleerd_op,
                "annuleringsreden": data.annuleringsreden,
            },
        )
        for status, datum in data.historie:
            if (klus.pk, status, datum) not in existing_history:
                new_history.append(
                    KlusStatusWijziging(klus=klus, status=status, datum=datum, door=door)
                )
        for naam, uren in data.inzet:
            uitvoerder = uitvoerders[naam]
            found = existing_inzet.get((klus.pk, uitvoerder.pk))
            if found is None:
                new_inzet.append(Inzet(klus=klus, uitvoerder=uitvoerder, uren=uren))
            elif found[1] != uren:
                Inzet.objects.filter(pk=found[0]).update(uren=uren)
    KlusStatusWijziging.objects.bulk_create(new_history)
    Inzet.objects.bulk_create(new_inzet)


def _load_rapportage() -> None:
    data = rapportage_data
    rapport, _ = Jaarrapportage.objects.update_or_create(
        jaar=data.JAAR,
        defaults={
            "titel": data.TITEL,
            "versiedatum": data.VERSIEDATUM,
            "inleiding": data.INLEIDING,
            "basisjaar": data.BASISJAAR,
        },
        create_defaults={
            "titel": data.TITEL,
            "versiedatum": data.VERSIEDATUM,
            "inleiding": data.INLEIDING,
            "basisjaar": data.BASISJAAR,
            "status": RapportStatus.CONCEPT,
        },
    )
    for volgorde, (soort, titel, tekst) in enumerate(data.SECTIES, start=1):
        Sectie.objects.update_or_create(
            rapportage=rapport,
            soort=soort,
            defaults={"titel": titel, "tekst": tekst, "volgorde": volgorde * 10},
        )
    for volgorde, item in enumerate(data.PLANONDERDELEN, start=1):
        titel, doel, gewenst, start, middelen, indicatoren = item
        onderdeel, _ = Planonderdeel.objects.update_or_create(
            rapportage=rapport,
            volgorde=volgorde,
            defaults={
                "titel": titel,
                "doel": doel,
                "gewenst_resultaat": gewenst,
                "startsituatie": start,
                "inzet_middelen": middelen,
            },
        )
        for naam, streefwaarde, meting, richting, eenheid, waarde, bron in indicatoren:
            Indicator.objects.update_or_create(
                planonderdeel=onderdeel,
                naam=naam,
                defaults={
                    "meting": meting,
                    "streefwaarde": Decimal(streefwaarde),
                    "richting": richting,
                    "eenheid": eenheid,
                    "handmatige_waarde": None if waarde is None else Decimal(waarde),
                    "bron": bron,
                },
            )
