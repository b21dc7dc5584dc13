from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from .roles import role_of

SUPERUSER = "__superuser__"  # a permission only superusers pass


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    permission: str


@dataclass(frozen=True)
class NavGroup:
    label: str
    items: tuple[NavItem, ...]


# The main menu, grouped by task so it fits one row on a desktop and one column on
# a phone. Everyone sees the same groups, minus the items they may not open; a
# group with one item left is a plain link; items whose page does not exist are
# left out.
NAVIGATION = (
    NavGroup(
        _("Registration"),
        (
            NavItem(_("Activities"), "makelaars:activiteit_list", "makelaars.view_activiteit"),
            NavItem(_("My figures"), "makelaars:mijn_cijfers", "makelaars.add_activiteit"),
            NavItem(
                _("Initiatives"), "initiatieven:initiatief_list", "initiatieven.view_initiatief"
            ),
        ),
    ),
    NavGroup(
        _("Districts"),
        (
            NavItem(_("Districts and areas"), "pages:wijk_list", "wijken.view_wijk"),
            NavItem(_("Sociale kaart"), "pages:organisatie_list", "wijken.view_organisatie"),
        ),
    ),
    NavGroup(
        _("Signals and measurements"),
        (
            NavItem(_("Signals"), "signalen:signaal_list", "signalen.view_signaal"),
            NavItem(
                _("Collective questions"),
                "signalen:vraagstuk_list",
                "signalen.view_collectiefvraagstuk",
            ),
            NavItem(_("Buurtteam"), "signalen:contact_list", "signalen.view_buurtteamcontact"),
            NavItem(_("Measurements"), "metingen:vragenlijst_list", "metingen.view_vragenlijst"),
        ),
    ),
    NavGroup(
        _("Buurtservice"),
        (
            NavItem(_("Waiting list"), "buurtservice:wachtlijst", "buurtservice.view_wachtlijst"),
            NavItem(_("All jobs"), "buurtservice:klus_list", "buurtservice.view_klus"),
            NavItem(_("Workers"), "buurtservice:uitvoerder_list", "buurtservice.view_uitvoerder"),
            NavItem(_("Capacity"), "buurtservice:capaciteit_list", "buurtservice.view_capaciteit"),
            NavItem(
                _("Buurtservice overview"), "buurtservice:overzicht", "buurtservice.view_overzicht"
            ),
        ),
    ),
    NavGroup(
        _("Reporting"),
        (
            NavItem(
                _("Reports"), "rapportage:jaarrapportage_list", "rapportage.view_jaarrapportage"
            ),
        ),
    ),
    NavGroup(
        _("Administration"),
        (
            NavItem(_("Administration overview"), "wijken:beheer", "auth.change_user"),
            NavItem(_("Two-step login of colleagues"), "twofactor_reset_list", "auth.change_user"),
            NavItem(_("Django admin"), "admin:index", SUPERUSER),
        ),
    ),
)


def _may_open(user, item: NavItem) -> bool:
    if item.permission == SUPERUSER:
        return user.is_superuser
    return user.has_perm(item.permission)


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    groups = []
    for group in NAVIGATION:
        items = []
        for item in group.items:
            if not _may_open(user, item):
                continue
            try:
                url = reverse(item.url_name)
            except NoReverseMatch:
                continue
            items.append({"label": item.label, "url": url, "active": False})
        if items:
            groups.append({"label": group.label, "items": items, "active": False})
    flat = [item for group in groups for item in group["items"]]
    # The item whose address is the longest start of this page's is the current one
    # (so "/buurtservice/klussen/" is "All jobs", not the waiting list at "/buurtservice/").
    current = max(
        (item for item in flat if request.path.startswith(item["url"])),
        key=lambda item: len(item["url"]),
        default=None,
    )
    if current is not None:
        current["active"] = True
        for group in groups:
            group["active"] = any(item is current for item in group["items"])
    role = role_of(user)
    return {
        "nav_groups": groups,
        "nav_items": flat,
        "user_role": role,
        "user_role_label": role.label if role else "",
    }
