from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from .roles import role_of

# (label, url name, permission needed); items whose page does not exist are left out.
NAVIGATION = [
    (_("Activities"), "makelaars:activiteit_list", "makelaars.view_activiteit"),
    (_("My figures"), "makelaars:mijn_cijfers", "makelaars.add_activiteit"),
    (_("Districts"), "pages:wijk_list", "wijken.view_wijk"),
    (_("Initiatives"), "initiatieven:initiatief_list", "initiatieven.view_initiatief"),
    (_("Signals"), "signalen:signaal_list", "signalen.view_signaal"),
    (_("Collective questions"), "signalen:vraagstuk_list", "signalen.view_collectiefvraagstuk"),
    (_("Buurtteam"), "signalen:contact_list", "signalen.view_buurtteamcontact"),
    (_("Measurements"), "metingen:vragenlijst_list", "metingen.view_vragenlijst"),
    (_("Waiting list"), "buurtservice:wachtlijst", "buurtservice.view_wachtlijst"),
    (_("All jobs"), "buurtservice:klus_list", "buurtservice.view_klus"),
    (_("Workers"), "buurtservice:uitvoerder_list", "buurtservice.view_uitvoerder"),
    (_("Capacity"), "buurtservice:capaciteit_list", "buurtservice.view_capaciteit"),
    (_("Buurtservice overview"), "buurtservice:overzicht", "buurtservice.view_overzicht"),
    (_("Reports"), "rapportage:jaarrapportage_list", "rapportage.view_jaarrapportage"),
    (_("Sociale kaart"), "pages:organisatie_list", "wijken.view_organisatie"),
    (_("Administration"), "wijken:beheer", "auth.change_user"),
]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    items = []
    for label, url_name, perm in NAVIGATION:
        if not user.has_perm(perm):
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        items.append({"label": label, "url": url, "active": False})
    # The item whose address is the longest start of this page's is the current one
    # (so "/buurtservice/klussen/" is "All jobs", not the waiting list at "/buurtservice/").
    current = max(
        (item for item in items if request.path.startswith(item["url"])),
        key=lambda item: len(item["url"]),
        default=None,
    )
    if current is not None:
        current["active"] = True
    role = role_of(user)
    return {"nav_items": items, "user_role": role, "user_role_label": role.label if role else ""}
