"""Who reaches which page: every URL of the project against every role.

The URL patterns are read from the URL configuration, so a new page without an
entry in EXPECTED fails ``test_every_url_has_an_expectation``. Each role opens
every page about objects of gebied A:

- anonymous: redirected to the login page;
- an allowed role: 200 on GET (405 on GET of a POST-only action), 200 or a
  redirect (not to the login page) on POST;
- any other role: 403 when its role lacks the page's permission, 404 when it has
  the permission but the object is not its own (gebied B's broker); a GET of a
  POST-only action may also be a 405, which reveals nothing. Never 200, never a
  500. Anonymous visitors and refused roles are also refused a POST to every page,
  read-only ones included.

A superuser reaches every page a beheerder reaches. The account pages are tried
once more with a superuser (who also has a staff record) as their target
(ON_A_SUPERUSER): only a superuser may act on a superuser's account.

The Django admin is checked separately: only superusers reach it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest
from django.contrib import admin
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone

from buurtservice import services as buurtservice_services
from buurtservice.choices import KlusStatus
from core.models import ExportOpdracht, ExportStatus
from core.roles import Role
from initiatieven.models import Deelnametelling, StatusWijziging
from makelaars.models import Activiteit, ActiviteitFoto
from rapportage.choices import PdfSoort, PdfStatus
from rapportage.models import Indicator, PdfOpdracht, RapportVersie
from tests.factories import (
    ActiviteitFactory,
    BuurtteamContactFactory,
    CapaciteitFactory,
    CollectiefVraagstukFactory,
    FinancieringsaanvraagFactory,
    InitiatiefFactory,
    JaarrapportageFactory,
    KlusFactory,
    MedewerkerFactory,
    OrganisatieFactory,
    PlanonderdeelFactory,
    SectieFactory,
    SignaalFactory,
    StellingFactory,
    ThemaFactory,
    UitvoerderFactory,
    VragenlijstFactory,
    make_user,
    png_bytes,
)
from tests.fuzzing import role_has_perms

pytestmark = pytest.mark.django_db

ANON = "anonymous"
MK_A = "broker of gebied A"
MK_B = "broker of gebied B"
BS = "Buurtservice coordinator"
COORD = "coordinator"
ADMIN = "admin"
NO_ROLE = "user without a role"
GONE = "deactivated broker of gebied A"  # logged in, then deactivated: treated as anonymous
SUPER = "superuser"  # allowed wherever ADMIN is (see judge)
ROLES = [ANON, MK_A, MK_B, BS, COORD, ADMIN, NO_ROLE, GONE, SUPER]

EVERYONE = frozenset({MK_A, MK_B, BS, COORD, ADMIN, NO_ROLE})
LOGGED_IN = frozenset({MK_A, MK_B, BS, COORD, ADMIN})
BROKERS_AND_UP = frozenset({MK_A, MK_B, COORD, ADMIN})
GEBIED_A = frozenset({MK_A, COORD, ADMIN})
KLUS_READERS_A = frozenset({MK_A, BS, COORD, ADMIN})
BUURTSERVICE = frozenset({BS, COORD, ADMIN})
COORDINATION = frozenset({COORD, ADMIN})
ADMINS = frozenset({ADMIN})

# URL prefixes outside the matrix: the admin (test_admin_* below) and Django's
# own login/password pages (public by design), and the health endpoints (public
# by design, nothing personal: tests/foundation/test_health.py).
EXCLUDED_PREFIXES = ("admin/", "accounts/", "_healthz/")


@dataclass(frozen=True)
class Page:
    """Who may open a page; ``kwargs`` names the object of gebied A per URL argument."""

    allowed: frozenset[str]
    kwargs: dict[str, str] = field(default_factory=dict)
    post: bool = False  # a mutating view: also POSTed to
    get: bool = True  # False: a POST-only action (GET gives 405 to allowed roles)
    data: dict[str, str] = field(default_factory=dict)  # POST body
    public: bool = False  # no login needed: anonymous visitors are allowed too


PK = "pk"


def pk(obj: str) -> dict[str, str]:
    return {PK: obj}


class Lit(str):
    """A URL argument given literally, not as the name of an object of gebied A."""


EXPECTED: dict[str, Page] = {
    "pages:home": Page(EVERYONE),
    "privacy": Page(EVERYONE),
    # the audit trail: coordinators and admins read it; admins restore deleted records
    "audit:geschiedenis": Page(COORDINATION, {"model": Lit("activiteit"), PK: "activiteit"}),
    "audit:verwijderd": Page(frozenset({ADMIN})),
    "audit:herstellen": Page(
        frozenset({ADMIN}),
        {"model": Lit("activiteit"), "history_id": "verwijderde_activiteit"},
        post=True,
        get=False,
    ),
    # wijken: reference data, every member of staff reads it
    "pages:wijk_list": Page(LOGGED_IN),
    "pages:gebied_detail": Page(LOGGED_IN, pk("gebied")),
    "pages:wijk_detail": Page(LOGGED_IN, pk("wijk")),
    # the sociale kaart: every member of staff reads and edits it; admins merge
    "pages:organisatie_list": Page(LOGGED_IN),
    "pages:organisatie_detail": Page(LOGGED_IN, pk("organisatie")),
    "wijken:organisatie_create": Page(LOGGED_IN, post=True),
    "wijken:organisatie_update": Page(LOGGED_IN, pk("organisatie"), post=True),
    "wijken:organisatie_merge": Page(ADMINS, pk("organisatie"), post=True),
    # administration in the app: staff and accounts, areas, districts, themes
    "wijken:beheer": Page(ADMINS),
    "wijken:medewerker_list": Page(ADMINS),
    "wijken:medewerker_create": Page(ADMINS, post=True),
    "wijken:medewerker_update": Page(ADMINS, pk("medewerker"), post=True),
    "wijken:medewerker_deactivate": Page(ADMINS, pk("medewerker"), post=True, get=False),
    "wijken:medewerker_reactivate": Page(ADMINS, pk("medewerker"), post=True, get=False),
    "wijken:medewerker_password_link": Page(ADMINS, pk("medewerker"), post=True, get=False),
    "wijken:gebied_list": Page(ADMINS),
    "wijken:gebied_create": Page(ADMINS, post=True),
    "wijken:gebied_update": Page(ADMINS, pk("gebied"), post=True),
    "wijken:wijk_list": Page(ADMINS),
    "wijken:wijk_create": Page(ADMINS, post=True),
    "wijken:wijk_update": Page(ADMINS, pk("wijk"), post=True),
    "wijken:thema_list": Page(ADMINS),
    "wijken:thema_create": Page(ADMINS, post=True),
    "wijken:thema_update": Page(ADMINS, pk("thema"), post=True),
    # activities
    "makelaars:activiteit_list": Page(BROKERS_AND_UP),
    "makelaars:activiteit_create": Page(BROKERS_AND_UP, post=True),
    "makelaars:activiteit_export": Page(COORDINATION),
    "makelaars:activiteit_filter_options": Page(BROKERS_AND_UP),
    "makelaars:mijn_cijfers": Page(BROKERS_AND_UP),
    "makelaars:activiteit_voorbeeld": Page(
        COORDINATION, pk("activiteit"), post=True, get=False, data={"voorbeeld": "1"}
    ),
    "makelaars:activiteit_detail": Page(GEBIED_A, pk("activiteit")),
    "makelaars:activiteit_update": Page(GEBIED_A, pk("activiteit"), post=True),
    "makelaars:activiteit_delete": Page(GEBIED_A, pk("activiteit"), post=True),
    "makelaars:activiteit_duplicate": Page(GEBIED_A, pk("activiteit"), post=True),
    # initiatives
    "initiatieven:initiatief_list": Page(BROKERS_AND_UP),
    "initiatieven:initiatief_create": Page(BROKERS_AND_UP, post=True),
    "initiatieven:initiatief_export": Page(COORDINATION),
    "initiatieven:initiatief_filter_options": Page(BROKERS_AND_UP),
    "initiatieven:initiatief_detail": Page(GEBIED_A, pk("initiatief")),
    "initiatieven:initiatief_update": Page(GEBIED_A, pk("initiatief"), post=True),
    "initiatieven:veranderverhaal_update": Page(GEBIED_A, pk("initiatief"), post=True),
    "initiatieven:status_change": Page(GEBIED_A, pk("initiatief"), post=True),
    "initiatieven:financiering_create": Page(GEBIED_A, pk("initiatief"), post=True),
    "initiatieven:financiering_update": Page(
        GEBIED_A, {PK: "initiatief", "fid": "financiering"}, post=True
    ),
    "initiatieven:telling_create": Page(GEBIED_A, pk("initiatief"), post=True),
    # corrections: who may edit a record may remove it (restorable from its history)
    "initiatieven:initiatief_delete": Page(GEBIED_A, pk("initiatief"), post=True),
    "initiatieven:status_delete": Page(
        GEBIED_A, {PK: "initiatief", "sid": "status_stap"}, post=True
    ),
    "initiatieven:financiering_delete": Page(
        GEBIED_A, {PK: "initiatief", "fid": "financiering"}, post=True
    ),
    "initiatieven:telling_update": Page(GEBIED_A, {PK: "initiatief", "tid": "telling"}, post=True),
    "initiatieven:telling_delete": Page(GEBIED_A, {PK: "initiatief", "tid": "telling"}, post=True),
    # Buurtservice
    "buurtservice:wachtlijst": Page(BUURTSERVICE),
    "buurtservice:wachtlijst_export": Page(BUURTSERVICE),
    "buurtservice:klus_list": Page(LOGGED_IN),
    "buurtservice:klus_export": Page(BUURTSERVICE),
    "buurtservice:klus_create": Page(BUURTSERVICE, post=True),
    "buurtservice:klus_detail": Page(KLUS_READERS_A, pk("klus")),
    "buurtservice:klus_update": Page(BUURTSERVICE, pk("klus"), post=True),
    "buurtservice:klus_plan": Page(BUURTSERVICE, pk("klus"), post=True),
    "buurtservice:klus_complete": Page(BUURTSERVICE, pk("klus_gepland"), post=True),
    "buurtservice:klus_cancel": Page(BUURTSERVICE, pk("klus"), post=True),
    "buurtservice:klus_reopen": Page(
        BUURTSERVICE, pk("klus_gedaan"), post=True, data={"reden": "Matrix"}
    ),
    "buurtservice:klus_correct": Page(BUURTSERVICE, pk("klus_gedaan"), post=True),
    "buurtservice:klus_delete": Page(BUURTSERVICE, pk("klus"), post=True),
    "buurtservice:uitvoerder_list": Page(BUURTSERVICE),
    "buurtservice:uitvoerder_export": Page(BUURTSERVICE),
    "buurtservice:uitvoerder_create": Page(BUURTSERVICE, post=True),
    "buurtservice:uitvoerder_detail": Page(BUURTSERVICE, pk("uitvoerder")),
    "buurtservice:uitvoerder_update": Page(BUURTSERVICE, pk("uitvoerder"), post=True),
    "buurtservice:uitvoerder_delete": Page(BUURTSERVICE, pk("uitvoerder"), post=True),
    "buurtservice:capaciteit_list": Page(BUURTSERVICE),
    "buurtservice:capaciteit_create": Page(BUURTSERVICE, post=True),
    "buurtservice:capaciteit_update": Page(BUURTSERVICE, pk("capaciteit"), post=True),
    "buurtservice:overzicht": Page(BUURTSERVICE),
    "buurtservice:overzicht_export": Page(BUURTSERVICE),
    # the yearly report
    "rapportage:jaarrapportage_list": Page(COORDINATION),
    "rapportage:jaarrapportage_create": Page(COORDINATION, post=True),
    "rapportage:jaarrapportage_detail": Page(COORDINATION, pk("rapportage")),
    "rapportage:jaarrapportage_update": Page(COORDINATION, pk("rapportage"), post=True),
    "rapportage:jaarrapportage_pdf": Page(COORDINATION, pk("rapportage")),
    "rapportage:pdf_create": Page(COORDINATION, pk("rapportage"), post=True, get=False),
    "rapportage:pdf_opdracht": Page(COORDINATION, pk("pdf_opdracht")),
    "rapportage:pdf_opdracht_download": Page(COORDINATION, pk("pdf_opdracht")),
    "rapportage:jaarrapportage_finalize": Page(
        COORDINATION, pk("rapportage"), post=True, get=False
    ),
    "rapportage:jaarrapportage_check": Page(COORDINATION, pk("rapportage")),
    "rapportage:jaarrapportage_reopen": Page(
        COORDINATION, pk("rapportage"), post=True, data={"reden": "Matrix"}
    ),
    "rapportage:plan": Page(COORDINATION, pk("rapportage")),
    "rapportage:planonderdeel_create": Page(COORDINATION, pk("rapportage"), post=True),
    "rapportage:planonderdeel_update": Page(COORDINATION, pk("planonderdeel"), post=True),
    "rapportage:planonderdeel_delete": Page(COORDINATION, pk("planonderdeel"), post=True),
    "rapportage:indicator_create": Page(COORDINATION, pk("planonderdeel"), post=True),
    "rapportage:indicator_update": Page(COORDINATION, pk("indicator"), post=True),
    "rapportage:indicator_delete": Page(COORDINATION, pk("indicator"), post=True),
    "rapportage:sectie_create": Page(COORDINATION, pk("rapportage"), post=True),
    "rapportage:sectie_update": Page(COORDINATION, pk("sectie"), post=True),
    "rapportage:sectie_delete": Page(COORDINATION, pk("sectie"), post=True),
    "rapportage:sectie_voorbeeld": Page(
        COORDINATION, pk("sectie"), post=True, get=False, data={"tekst": "Tekst."}
    ),
    "rapportage:sectie_move": Page(
        COORDINATION, pk("sectie"), post=True, get=False, data={"direction": "down"}
    ),
    "rapportage:versie_download": Page(COORDINATION, pk("versie")),
    # signals, collective questions and contacts with the buurtteam
    "signalen:signaal_list": Page(LOGGED_IN),
    "signalen:signaal_create": Page(LOGGED_IN, post=True),
    "signalen:signaal_update": Page(GEBIED_A, pk("signaal"), post=True),
    "signalen:signaal_delete": Page(GEBIED_A, pk("signaal"), post=True),
    "signalen:overzicht": Page(BROKERS_AND_UP),
    "signalen:overzicht_gebied": Page(GEBIED_A, pk("gebied")),
    "signalen:signaal_export": Page(BROKERS_AND_UP),
    "signalen:signaal_export_gebied": Page(GEBIED_A, pk("gebied")),
    "signalen:vraagstuk_list": Page(BROKERS_AND_UP),
    "signalen:vraagstuk_create": Page(BROKERS_AND_UP, post=True),
    "signalen:vraagstuk_detail": Page(GEBIED_A, pk("vraagstuk")),
    "signalen:vraagstuk_update": Page(GEBIED_A, pk("vraagstuk"), post=True),
    "signalen:vraagstuk_delete": Page(GEBIED_A, pk("vraagstuk"), post=True),
    "signalen:vraagstuk_status": Page(GEBIED_A, pk("vraagstuk"), post=True),
    "signalen:contact_list": Page(BROKERS_AND_UP),
    "signalen:contact_create": Page(BROKERS_AND_UP, post=True),
    "signalen:contact_update": Page(GEBIED_A, pk("contact"), post=True),
    "signalen:contact_delete": Page(GEBIED_A, pk("contact"), post=True),
    # measurements with residents: staff pages, and the public questionnaire
    "metingen:vragenlijst_list": Page(BROKERS_AND_UP),
    "metingen:vragenlijst_create": Page(GEBIED_A, pk("initiatief"), post=True),
    "metingen:vragenlijst_detail": Page(GEBIED_A, pk("vragenlijst")),
    "metingen:vragenlijst_update": Page(GEBIED_A, pk("vragenlijst"), post=True),
    "metingen:vragenlijst_delete": Page(GEBIED_A, pk("vragenlijst"), post=True),
    "metingen:vragenlijst_open": Page(
        GEBIED_A, pk("vragenlijst"), post=True, get=False, data={"open": "0"}
    ),
    "metingen:antwoordcodes": Page(GEBIED_A, pk("vragenlijst"), post=True, data={"aantal": "2"}),
    "metingen:duiding": Page(GEBIED_A, pk("vragenlijst"), post=True),
    "metingen:resultaten_export": Page(GEBIED_A, pk("vragenlijst")),
    "metingen:poster_pdf": Page(GEBIED_A, pk("vragenlijst")),
    "metingen:kaart_pdf": Page(GEBIED_A, pk("vragenlijst")),
    "metingen_public:invullen": Page(
        EVERYONE, {"token": "vragenlijst_token"}, post=True, public=True
    ),
    "metingen_public:bedankt": Page(EVERYONE, {"token": "vragenlijst_token"}, public=True),
    # uploaded files: a photo goes with its activity (the report PDF: test_media.py)
    "pages:media": Page(GEBIED_A, {"path": "foto_pad"}),
    # two-step login: one's own overview; beheerders reset a colleague's lost device
    # (the steps after the password live under accounts/, tests/trust/test_twofactor.py)
    "twofactor_overview": Page(EVERYONE),
    "twofactor_reset_list": Page(frozenset({ADMIN})),
    "twofactor_reset": Page(frozenset({ADMIN}), pk("collega"), post=True, get=False),
    # a large export made by the worker: only the user who asked for it
    "export_opdracht": Page(frozenset({COORD}), pk("export_opdracht")),
    "export_download": Page(frozenset({COORD}), pk("export_opdracht")),
}

# The pages that change an account, with a superuser who has a staff record as the
# target: a beheerder gets the 404 of a record outside their scope (core.accounts).
SUPERUSERS = frozenset({SUPER})
ON_A_SUPERUSER: dict[str, Page] = {
    "wijken:medewerker_update": Page(SUPERUSERS, pk("medewerker_super"), post=True),
    "wijken:medewerker_deactivate": Page(SUPERUSERS, pk("medewerker_super"), post=True, get=False),
    "wijken:medewerker_reactivate": Page(SUPERUSERS, pk("medewerker_super"), post=True, get=False),
    "wijken:medewerker_password_link": Page(
        SUPERUSERS, pk("medewerker_super"), post=True, get=False
    ),
    "twofactor_reset": Page(SUPERUSERS, pk("superuser_doel"), post=True, get=False),
}
# What identifies an account page in EXPECTED: its object is a staff record or a colleague.
ACCOUNT_OBJECTS = frozenset({"medewerker", "collega"})


def project_url_names(patterns=None, prefix: str = "", namespace: str = "") -> dict[str, str]:
    """``{qualified name: route}`` of every URL pattern outside EXCLUDED_PREFIXES.

    Unnamed patterns are reported as ``<unnamed: route>`` so they fail too.
    """
    if patterns is None:
        patterns = get_resolver().url_patterns
    found: dict[str, str] = {}
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(EXCLUDED_PREFIXES):
            continue
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found.update(project_url_names(entry.url_patterns, route, inner))
        elif isinstance(entry, URLPattern):
            name = f"{namespace}{entry.name}" if entry.name else f"<unnamed: {route}>"
            found[name] = route
    return found


def test_every_url_has_an_expectation():
    names = project_url_names()
    missing = sorted(set(names) - set(EXPECTED))
    stale = sorted(set(EXPECTED) - set(names))
    assert not missing, f"URL patterns without an entry in EXPECTED: {missing}"
    assert not stale, f"EXPECTED names URLs that no longer exist: {stale}"


def test_the_walk_sees_the_apps_and_skips_the_admin():
    names = project_url_names()
    assert "makelaars:activiteit_detail" in names
    assert "rapportage:versie_download" in names
    assert not any(name.startswith("admin:") for name in names)
    assert "login" not in names


# --- the objects and users of the matrix ----------------------------------------


@pytest.fixture
def matrix(
    media_root,
    gebied_a,
    wijk_a,
    makelaar,
    makelaar_b,
    buurtservice_user,
    coordinator,
    beheerder,
):
    """One object of each kind in gebied A, and a user per role (the shared world,
    plus a user without a role and a broker who has left)."""
    users = {
        MK_A: makelaar,
        MK_B: makelaar_b,
        BS: buurtservice_user,
        COORD: coordinator,
        ADMIN: beheerder,
        NO_ROLE: make_user(None, username="zonder-rol"),
        GONE: make_user(Role.MAKELAAR, gebied=gebied_a, username="vertrokken"),
        SUPER: make_superuser("super"),
    }
    superuser_doel = make_superuser("super-doel")
    superuser_doel.email = "super-doel@example.org"
    superuser_doel.save()
    medewerker_super = MedewerkerFactory(
        user=superuser_doel, naam="Super Doel", gebieden=[gebied_a]
    )

    activiteit = ActiviteitFactory(
        wijk=wijk_a, aangemaakt_door=users[MK_A], titel="Geheime activiteit van A"
    )
    foto = ActiviteitFoto.objects.create(
        activiteit=activiteit, bestand=ContentFile(png_bytes(), name="buurtlunch.png")
    )
    initiatief = InitiatiefFactory(
        wijk=wijk_a,
        naam="Geheim initiatief van A",
        directe_effecten="Bewoners kennen elkaar beter.",
    )
    weg = ActiviteitFactory(wijk=wijk_a, aangemaakt_door=users[MK_A], titel="Weggegooid")
    weg_pk = weg.pk
    weg.delete()
    verwijderd = Activiteit.history.get(id=weg_pk, history_type="-")
    financiering = FinancieringsaanvraagFactory(initiatief=initiatief)
    status_stap = StatusWijziging.objects.create(
        initiatief=initiatief, status="idee", datum=datetime.date(2023, 1, 5)
    )
    StatusWijziging.objects.create(
        initiatief=initiatief, status="actief", datum=datetime.date(2023, 2, 5)
    )
    telling = Deelnametelling.objects.create(
        initiatief=initiatief, datum=datetime.date(2023, 5, 1), vrijwilligers=3, deelnemers=20
    )
    klus = KlusFactory(
        wijk=wijk_a,
        status=KlusStatus.WACHTLIJST,
        omschrijving="Geheime klus van A",
        aanvrager_naam="Aanvrager Verborgenaam",
        aanvrager_adres="Verborgenstraat 9",
        aanvrager_telefoon="0575-999999",
    )
    uitvoerder = UitvoerderFactory()
    gepland = KlusFactory(wijk=wijk_a, status=KlusStatus.WACHTLIJST)
    buurtservice_services.plan_klus(
        klus=gepland,
        datum=datetime.date(2023, 3, 1),
        uitvoerders=[uitvoerder],
        door=users[BS],
        today=datetime.date(2023, 2, 20),
    )
    gedaan = KlusFactory(wijk=wijk_a, status=KlusStatus.WACHTLIJST)
    buurtservice_services.plan_klus(
        klus=gedaan,
        datum=datetime.date(2023, 3, 1),
        uitvoerders=[uitvoerder],
        door=users[BS],
        today=datetime.date(2023, 2, 20),
    )
    buurtservice_services.complete_klus(
        klus=gedaan,
        datum=datetime.date(2023, 3, 1),
        uren={uitvoerder.pk: 2},
        door=users[BS],
        today=datetime.date(2023, 3, 1),
    )
    capaciteit = CapaciteitFactory()
    organisatie = OrganisatieFactory(naam="Buurtpartner A")
    organisatie.wijken.add(wijk_a)
    activiteit.partners.add(organisatie)
    thema = ThemaFactory(naam="Groen")
    rapportage = JaarrapportageFactory(jaar=2023)
    sectie = SectieFactory(rapportage=rapportage)
    SectieFactory(rapportage=rapportage)
    planonderdeel = PlanonderdeelFactory(rapportage=rapportage)
    indicator = Indicator.objects.create(
        planonderdeel=planonderdeel, naam="Matrix", meting="activiteiten", streefwaarde=1
    )
    versie = RapportVersie.objects.create(
        rapportage=rapportage,
        versie=1,
        pdf=ContentFile(b"%PDF-1.4\n%%EOF\n", name="v1.pdf"),
        definitief_op=timezone.now(),
        definitief_door=users[COORD],
    )
    pdf_opdracht = PdfOpdracht.objects.create(
        rapportage=rapportage, soort=PdfSoort.DEFINITIEF, status=PdfStatus.KLAAR, versie=versie
    )
    export_opdracht = ExportOpdracht.objects.create(
        aangevraagd_door=users[COORD],
        naam="Activiteiten",
        view="makelaars.views.ActiviteitExportView",
        pad="/activiteiten/export/",
        formaat="csv",
        status=ExportStatus.KLAAR,
        bestand=ContentFile(b"Datum;Titel\r\n", name="activiteiten.csv"),
        bestandsnaam="activiteiten.csv",
    )
    signaal = SignaalFactory(
        wijk=wijk_a, aangemaakt_door=users[MK_A], omschrijving="Geheim signaal van A"
    )
    vraagstuk = CollectiefVraagstukFactory(gebied=gebied_a, titel="Geheim vraagstuk van A")
    contact = BuurtteamContactFactory(gebied=gebied_a, aangemaakt_door=users[MK_A])
    vragenlijst = VragenlijstFactory(initiatief=initiatief)
    StellingFactory(vragenlijst=vragenlijst)
    objects = SimpleNamespace(
        signaal=signaal,
        vraagstuk=vraagstuk,
        contact=contact,
        vragenlijst=vragenlijst,
        vragenlijst_token=vragenlijst.token,
        gebied=gebied_a,
        wijk=wijk_a,
        activiteit=activiteit,
        initiatief=initiatief,
        financiering=financiering,
        telling=telling,
        status_stap=status_stap,
        klus_gedaan=gedaan,
        klus=klus,
        klus_gepland=gepland,
        uitvoerder=uitvoerder,
        capaciteit=capaciteit,
        organisatie=organisatie,
        thema=thema,
        medewerker=users[MK_A].medewerker,
        rapportage=rapportage,
        sectie=sectie,
        planonderdeel=planonderdeel,
        indicator=indicator,
        versie=versie,
        pdf_opdracht=pdf_opdracht,
        export_opdracht=export_opdracht,
        foto_pad=foto.bestand.name,
        verwijderde_activiteit=SimpleNamespace(pk=verwijderd.history_id),
        collega=users[MK_A],
        medewerker_super=medewerker_super,
        superuser_doel=superuser_doel,
    )
    return SimpleNamespace(users=users, objects=objects)


def make_superuser(username: str):
    user = make_user(None, username=username)
    user.is_staff = user.is_superuser = True
    user.save()
    return user


def forbidden_texts(matrix, role: str) -> list[str]:
    """Texts of gebied A a role must never be shown, on any page it may open."""
    objects = matrix.objects
    requester = [
        objects.klus.aanvrager_naam,
        objects.klus.aanvrager_adres,
        objects.klus.aanvrager_telefoon,
    ]
    if role == MK_A:
        return requester  # brokers see the job, never who asked for it
    if role == BS:
        return [objects.signaal.omschrijving, objects.vraagstuk.titel]
    if role in (MK_B, NO_ROLE):
        return [
            *requester,
            objects.activiteit.titel,
            objects.initiatief.naam,
            objects.klus.omschrijving,
            objects.signaal.omschrijving,
            objects.vraagstuk.titel,
        ]
    return []


def client_as(matrix, role: str) -> Client:
    client = Client(raise_request_exception=False)
    if role != ANON:
        client.force_login(matrix.users[role])
    if role == GONE:
        matrix.users[GONE].is_active = False
        matrix.users[GONE].save()
    return client


def url_for(name: str, page: Page, objects) -> str:
    kwargs = {}
    for arg, obj in page.kwargs.items():
        value = obj if isinstance(obj, Lit) else getattr(objects, obj)
        kwargs[arg] = value if isinstance(value, str) else value.pk
    return reverse(name, kwargs=kwargs)


def request_undone(client: Client, method: str, url: str, data: dict):
    """One request whose database changes are rolled back, so pages see the same matrix."""
    with transaction.atomic():
        response = getattr(client, method)(url, data)
        transaction.set_rollback(True)
    return response


def is_login_redirect(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("login"))


# The role (tests/fuzzing.py's names) whose rights each user of the matrix has.
RIGHTS_OF = {
    MK_A: "makelaar",
    MK_B: "makelaar",
    BS: "buurtservice",
    COORD: "coordinator",
    ADMIN: "beheerder",
}


# Pages that answer everyone refused with 404: an uploaded file, or another user's
# export job, does not reveal that it exists.
HIDDEN_WHEN_REFUSED = {"pages:media", "export_opdracht", "export_download"}


def refusal_for(role: str, name: str, url: str) -> int:
    """403 for a role without the page's permission; 404 for one that has it but
    may not see this object (it is not in its gebied)."""
    if name in HIDDEN_WHEN_REFUSED:
        return 404
    view_class = getattr(resolve(url).func, "view_class", None)
    permission = getattr(view_class, "permission_required", None)
    if role in RIGHTS_OF and permission and role_has_perms(RIGHTS_OF[role], permission):
        return 404
    return 403


def allowed_roles(page: Page) -> frozenset[str]:
    """The roles that may open ``page``: a superuser wherever a beheerder may."""
    return page.allowed | SUPERUSERS if ADMIN in page.allowed else page.allowed


def judge(role: str, name: str, page: Page, method: str, response, url: str) -> str | None:
    """What is wrong with ``response`` (None when it is as expected)."""
    status = response.status_code
    if status >= 500:
        return f"server error {status}"
    if role in (ANON, GONE) and not page.public:
        return None if is_login_redirect(response) else f"{status} instead of the login redirect"
    if role in allowed_roles(page) or page.public:
        if method == "get":
            wanted = 200 if page.get else 405
            return None if status == wanted else f"{status} instead of {wanted}"
        if status == 200 or (status == 302 and not is_login_redirect(response)):
            return None
        return f"{status} instead of 200 or a redirect"
    wanted = refusal_for(role, name, url)
    if status == wanted:
        return None
    # A GET of a POST-only action, or a POST to a read-only page: the method is
    # refused before anything is looked up, which reveals nothing either.
    method_refused = not page.get if method == "get" else not page.post
    if status == 405 and method_refused:
        return None
    return f"{status} instead of {wanted} for a role that is not allowed"


@pytest.mark.parametrize("role", ROLES)
def test_every_page_for_every_role(matrix, role):
    client = client_as(matrix, role)
    forbidden = forbidden_texts(matrix, role)
    problems = []
    for name, page in sorted(EXPECTED.items()):
        url = url_for(name, page, matrix.objects)
        refused = role not in allowed_roles(page) and not page.public
        for method in ("get", "post") if page.post or refused else ("get",):
            response = request_undone(client, method, url, page.data if method == "post" else {})
            problem = judge(role, name, page, method, response, url)
            if problem:
                problems.append(f"{method.upper()} {name} ({url}): {problem}")
            # A public page shows what it was made public for (the questionnaire's
            # initiative); the leak check is about staff pages. Exports stream
            # their rows: their body is checked too.
            if response.status_code == 200 and not page.public:
                raw = (
                    b"".join(response.streaming_content) if response.streaming else response.content
                )
                body = raw.decode("utf-8", errors="replace")
                problems += [
                    f"{method.upper()} {name} ({url}): shows {text!r}"
                    for text in forbidden
                    if text in body
                ]
    assert not problems, f"{role}:\n" + "\n".join(problems)


def test_every_account_page_is_tried_on_a_superuser():
    account_pages = {
        name for name, page in EXPECTED.items() if ACCOUNT_OBJECTS & set(page.kwargs.values())
    }
    assert account_pages == set(ON_A_SUPERUSER)


@pytest.mark.parametrize("role", ROLES)
def test_account_pages_on_a_superuser(matrix, role):
    client = client_as(matrix, role)
    problems = []
    for name, page in sorted(ON_A_SUPERUSER.items()):
        url = url_for(name, page, matrix.objects)
        for method in ("get", "post"):
            response = request_undone(client, method, url, {})
            problem = judge(role, name, page, method, response, url)
            if problem:
                problems.append(f"{method.upper()} {name} ({url}): {problem}")
    doel = matrix.objects.superuser_doel
    doel.refresh_from_db()
    assert doel.is_active and doel.email == "super-doel@example.org"
    assert not problems, f"{role}:\n" + "\n".join(problems)


def test_post_by_a_refused_role_changes_nothing(matrix):
    """A broker of gebied B posting to gebied A's activity leaves it as it was."""
    activiteit = matrix.objects.activiteit
    titel = activiteit.titel
    client = client_as(matrix, MK_B)
    url = reverse("makelaars:activiteit_update", args=[activiteit.pk])
    response = client.post(url, {"titel": "Overschreven", "datum": "2023-06-01"})
    assert response.status_code == 404
    activiteit.refresh_from_db()
    assert activiteit.titel == titel


# --- the Django admin: superusers only -----------------------------------------


@pytest.mark.parametrize("role", [ANON, MK_A, BS, COORD, ADMIN, NO_ROLE, GONE])
def test_admin_is_for_superusers_only(matrix, role):
    """A beheerder (even with is_staff) manages everything in the app, not in the admin."""
    response = client_as(matrix, role).get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_admin_pages_open_for_a_superuser(matrix):
    """Every model's list and add page, and the change page of gebied A's objects: no 500."""
    superuser = matrix.users[SUPER]
    client = Client(raise_request_exception=False)
    client.force_login(superuser)
    assert client.get(reverse("admin:index")).status_code == 200
    objects = vars(matrix.objects)
    problems = []
    for model, _model_admin in admin.site._registry.items():
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls = [reverse(f"{prefix}_changelist"), reverse(f"{prefix}_add")]
        urls += [
            reverse(f"{prefix}_change", args=[obj.pk])
            for obj in objects.values()
            if type(obj) is model
        ]
        for url in urls:
            status = client.get(url).status_code
            if status not in (200, 403):
                problems.append(f"{url}: {status}")
    assert not problems, "\n".join(problems)


def test_forbidden_texts_are_on_the_pages_of_those_who_may_see_them(matrix):
    """The leak check can fail: the coordinator does see gebied A's texts, and
    whoever runs the Buurtservice sees who asked for a job."""
    objects = matrix.objects
    requester = [
        objects.klus.aanvrager_naam,
        objects.klus.aanvrager_adres,
        objects.klus.aanvrager_telefoon,
    ]
    klus_url = reverse("buurtservice:klus_detail", args=[objects.klus.pk])
    for role in (BS, COORD, ADMIN):
        body = client_as(matrix, role).get(klus_url).content.decode()
        assert all(text in body for text in requester), role
    client = client_as(matrix, COORD)
    activiteit = client.get(reverse("makelaars:activiteit_detail", args=[objects.activiteit.pk]))
    assert objects.activiteit.titel in activiteit.content.decode()


@pytest.mark.parametrize("method", ["delete", "put", "patch"])
def test_methods_no_form_sends_are_refused_on_every_page(matrix, method):
    """The app's forms send GET and POST only. DELETE, PUT and PATCH are answered
    405 by every page (for a user who may open it), never a 500 or a change."""
    client = client_as(matrix, ADMIN)
    problems = []
    for name, page in sorted(EXPECTED.items()):
        url = url_for(name, page, matrix.objects)
        status = request_undone(client, method, url, {}).status_code
        if status != 405:
            problems.append(f"{method.upper()} {name} ({url}): {status}")
    assert not problems, "\n".join(problems)
