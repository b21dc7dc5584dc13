"""The four roles of the app, as auth groups with their permissions.

Groups are created and kept in sync after every ``migrate`` (core's
post_migrate handler calls ``sync_roles``): change the definitions here and
migrate. What a role may *see* of another gebied is decided by the visibility
querysets (``visible_to``), not by these permissions alone.
"""

from __future__ import annotations

import enum

from django.utils.translation import gettext_lazy as _


class Role(enum.StrEnum):
    MAKELAAR = "Sociaal makelaar"
    BUURTSERVICE = "Buurtservice-coördinator"
    COORDINATOR = "Coördinator"
    BEHEERDER = "Beheerder"

    @property
    def label(self) -> str:
        return str(ROLE_LABELS[self])


ROLE_LABELS = {
    Role.MAKELAAR: _("Social broker"),
    Role.BUURTSERVICE: _("Buurtservice coordinator"),
    Role.COORDINATOR: _("Coordinator"),
    Role.BEHEERDER: _("Administrator"),
}

# Most specific first: a user's primary role is the first group they are in.
ROLE_PRECEDENCE = [Role.BEHEERDER, Role.COORDINATOR, Role.BUURTSERVICE, Role.MAKELAAR]

_READ_REFERENCE = [
    "wijken.view_gebied",
    "wijken.view_wijk",
    "wijken.view_thema",
    "wijken.view_organisatie",
    "wijken.view_medewerker",
    "wijken.add_organisatie",
    # Brokers and colleagues keep the sociale kaart up to date together.
    "wijken.change_organisatie",
]


# The waiting list, the period overview and the exports of the Buurtservice lists.
_BUURTSERVICE_PAGES = [
    "buurtservice.view_wachtlijst",
    "buurtservice.export_wachtlijst",
    "buurtservice.export_klus",
    "buurtservice.export_uitvoerder",
    "buurtservice.view_overzicht",
    "buurtservice.export_overzicht",
]


def _crud(app: str, *models: str) -> list[str]:
    return [
        f"{app}.{action}_{model}"
        for model in models
        for action in ("view", "add", "change", "delete")
    ]


# Brokers and coordinators: signals, collective questions, buurtteam contacts.
_SIGNALEN_WORK = [
    *_crud("signalen", "signaal", "buurtteamcontact"),
    "signalen.view_collectiefvraagstuk",
    "signalen.add_collectiefvraagstuk",
    "signalen.change_collectiefvraagstuk",
    "signalen.view_vraagstukstatuswijziging",
    "signalen.add_vraagstukstatuswijziging",
]
# Brokers and coordinators: questionnaires for residents, their results and duiding.
_METINGEN_WORK = [
    "metingen.view_vragenlijst",
    "metingen.add_vragenlijst",
    "metingen.change_vragenlijst",
    *_crud("metingen", "stelling", "duiding"),
    "metingen.view_inzending",
]


ROLE_PERMISSIONS: dict[Role, list[str]] = {
    Role.MAKELAAR: [
        *_READ_REFERENCE,
        *_crud("makelaars", "activiteit", "activiteitlink", "activiteitfoto"),
        *_crud("initiatieven", "financieringsaanvraag", "deelnametelling"),
        "initiatieven.view_initiatief",
        "initiatieven.add_initiatief",
        "initiatieven.change_initiatief",
        # Who may edit a record may remove it: the history keeps it restorable.
        "initiatieven.delete_initiatief",
        "initiatieven.view_statuswijziging",
        "initiatieven.add_statuswijziging",
        "initiatieven.delete_statuswijziging",
        "buurtservice.view_klus",
        *_SIGNALEN_WORK,
        "signalen.delete_collectiefvraagstuk",
        *_METINGEN_WORK,
        "metingen.delete_vragenlijst",
    ],
    Role.BUURTSERVICE: [
        *_READ_REFERENCE,
        # Buurtservice records what it notices on the job; it sees its own signals.
        "signalen.view_signaal",
        "signalen.add_signaal",
        "signalen.change_signaal",
        "signalen.delete_signaal",
        *_crud("buurtservice", "klus", "klusstatuswijziging", "uitvoerder", "inzet", "capaciteit"),
        "buurtservice.view_aanvragergegevens",
        *_BUURTSERVICE_PAGES,
    ],
    Role.COORDINATOR: [
        *_READ_REFERENCE,
        "wijken.view_all_gebieden",
        *_crud("makelaars", "activiteit", "activiteitlink", "activiteitfoto"),
        "makelaars.mark_voorbeeld",
        "makelaars.export_activiteit",
        *_crud(
            "initiatieven",
            "initiatief",
            "statuswijziging",
            "financieringsaanvraag",
            "deelnametelling",
        ),
        "initiatieven.export_initiatief",
        *_crud("buurtservice", "klus", "klusstatuswijziging", "uitvoerder", "inzet", "capaciteit"),
        "buurtservice.view_aanvragergegevens",
        *_BUURTSERVICE_PAGES,
        *_crud(
            "rapportage", "jaarrapportage", "sectie", "planonderdeel", "indicator", "rapportversie"
        ),
        "rapportage.finalize_jaarrapportage",
        "rapportage.reopen_jaarrapportage",
        *_SIGNALEN_WORK,
        "signalen.delete_collectiefvraagstuk",
        *_METINGEN_WORK,
        "metingen.delete_vragenlijst",
    ],
    # Admins get every permission of the project's apps and user management.
    Role.BEHEERDER: ["__all__"],
}

ADMIN_APPS = [
    "wijken",
    "makelaars",
    "initiatieven",
    "buurtservice",
    "signalen",
    "metingen",
    "rapportage",
    "auth",
]


def wanted_permissions(role: Role) -> set[tuple[str, str]]:
    """(app_label, codename) pairs a role should have; admins: see ADMIN_APPS."""
    return {tuple(code.split(".", 1)) for code in ROLE_PERMISSIONS[role]}


def _create_all_permissions(apps) -> None:
    """Permissions are normally created after all migrations ran; make sure
    they exist now, for every app (historical app configs have no models module)."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        historical = getattr(app_config, "models_module", None) is None
        if historical:
            app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        if historical:
            app_config.models_module = None


def sync_roles_after_migrate(sender, **kwargs) -> None:
    """post_migrate: keep the groups in place, also after a test database flush."""
    from django.apps import apps

    sync_roles(apps)


def sync_roles(apps, schema_editor=None) -> None:
    """Create the role groups and set their permissions (idempotent).

    Runs inside migrations, so a permission that a later migration introduces
    may not exist yet: it is left out here and added when that migration calls
    this again. tests/foundation/test_roles.py checks the end result.
    """
    _create_all_permissions(apps)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role in Role:
        group, _created = Group.objects.get_or_create(name=role.value)
        if ROLE_PERMISSIONS[role] == ["__all__"]:
            perms = Permission.objects.filter(content_type__app_label__in=ADMIN_APPS)
        else:
            wanted = wanted_permissions(role)
            perms = [
                perm
                for perm in Permission.objects.filter(
                    content_type__app_label__in={app for app, _c in wanted}
                ).select_related("content_type")
                if (perm.content_type.app_label, perm.codename) in wanted
            ]
        group.permissions.set(perms)


def role_of(user) -> Role | None:
    """The primary role of a user (the most powerful group they are in)."""
    if not user.is_authenticated:
        return None
    names = getattr(user, "_role_names_cache", None)
    if names is None:
        from .datacache import cached

        names = cached(
            "auth:groups",
            keys=("auth",),
            parts=[user.pk],
            compute=lambda: set(user.groups.values_list("name", flat=True)),
            request=user,
        )
        user._role_names_cache = names
    for role in ROLE_PRECEDENCE:
        if role.value in names:
            return role
    if user.is_superuser:
        return Role.BEHEERDER
    return None
