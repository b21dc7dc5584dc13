"""No silent overwrite anywhere (issue 14, finding 5).

Every page that edits an existing record carries the version the editor started
from. Found from the URL configuration, like the fuzz, so a new edit form
cannot escape: two sessions open the same form, the first saves, the second is
refused with the Dutch conflict message (409) and changes nothing. The Django
admin (superusers; the only place for plan items and indicators) guards every
versioned record and the user accounts the same way.
"""

from __future__ import annotations

import datetime

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import override
from django.views.generic import CreateView

from core.concurrency import VersionedModel, stale_message
from core.mixins import VersionedFormViewMixin
from core.roles import Role
from core.versioned_admin import VersionedAdminMixin, VersionedInlineMixin
from metingen.models import Duiding
from rapportage.models import Indicator, Planonderdeel
from tests.factories import JaarrapportageFactory, make_user
from tests.fuzzing import ROLES, role_has_perms
from tests.trust.test_fuzz_forms import URL_KWARGS, URL_KWARGS_BY_ROLE, form_views

pytestmark = pytest.mark.django_db

# Form views that change an existing record without being an edit form of it:
# each is a single step whose service checks the record's state (a job that is
# done cannot be planned or cancelled again, a status change is a new row, a
# report is reopened only while it is final, a merge or delete removes the
# record), or an account page.
NOT_EDIT_FORMS = {
    "buurtservice:klus_plan",
    "buurtservice:klus_complete",
    "buurtservice:klus_cancel",
    "buurtservice:overzicht",
    "initiatieven:status_change",
    "signalen:vraagstuk_status",
    "wijken:organisatie_merge",
    "makelaars:activiteit_delete",
    "rapportage:sectie_delete",
    "rapportage:jaarrapportage_reopen",
    "signalen:signaal_delete",
    # Removals: the record goes (restorable from its history), nothing is overwritten.
    "buurtservice:klus_delete",
    "buurtservice:uitvoerder_delete",
    "initiatieven:initiatief_delete",
    "initiatieven:status_delete",
    "initiatieven:financiering_delete",
    "initiatieven:telling_delete",
    "metingen:vragenlijst_delete",
    "signalen:contact_delete",
    "signalen:vraagstuk_delete",
    # A state step: only a job that is done can be reopened.
    "buurtservice:klus_reopen",
    "metingen_public:invullen",
    "metingen:antwoordcodes",  # adds codes under a row lock; two sessions both get theirs
    "login",
    "password_change",
    "password_reset",
    "password_reset_confirm",
    "twofactor_setup",
    "twofactor_verify",
}


def _with_duiding(world) -> None:
    """An interpretation to edit (without one, the page writes the first)."""
    Duiding.objects.create(vragenlijst=world.vragenlijst, datum=world.today, herkenning="Ja.")


def _with_email(world) -> None:
    """An account needs an e-mail address to be saved from the staff page."""
    world.users["makelaar"].email = "makelaar@example.org"
    world.users["makelaar"].save()


# What an edit page needs beyond the small world before it edits something.
PREPARE = {"metingen:duiding": _with_duiding, "wijken:medewerker_update": _with_email}


def is_create(name: str, view_class) -> bool:
    return issubclass(view_class, CreateView) or name.endswith(("_create", "_duplicate"))


def edit_views() -> list[tuple[str, type]]:
    return [
        (name, view_class)
        for name, view_class, _needs in form_views()
        if not is_create(name, view_class) and name not in NOT_EDIT_FORMS
    ]


def test_every_edit_form_uses_the_version_guard():
    views = edit_views()
    assert len(views) >= 15, [name for name, _ in views]
    unguarded = [name for name, view in views if not issubclass(view, VersionedFormViewMixin)]
    assert not unguarded
    for name, view in views:
        model = getattr(view, "model", None)
        form_model = getattr(getattr(view.form_class, "_meta", None), "model", None)
        assert issubclass(model or form_model, VersionedModel), name


def _form_post(fuzz, page, path: str, *, versioned: bool = True) -> dict:
    """What the form on ``page`` posts as it was loaded, unchanged."""
    fields = fuzz.forms_of(page.content.decode(), path)
    data = {
        name: list(item.values) if item.multiple else list(item.values)[:1]
        for name, item in fields.items()
        if item.kind != "file" and name != "csrfmiddlewaretoken"
    }
    assert bool(data.get("version")) == versioned, f"version in the form on {path}?"
    return data


@pytest.mark.parametrize("name", [name for name, _view in edit_views()])
def test_two_sessions_editing_at_once_the_second_is_refused(name, world, clients, fuzz):
    view_class = dict(edit_views())[name]
    role = next(r for r in ROLES if role_has_perms(r, view_class.permission_required))
    kwargs_of = URL_KWARGS_BY_ROLE.get((name, role), URL_KWARGS.get(name))
    url = reverse(name, kwargs=kwargs_of(world) if kwargs_of else None)
    if name in PREPARE:
        PREPARE[name](world)
    first = clients[role]
    second = Client()
    second.force_login(world.users[role])

    # Both open the form at the same version.
    first_page, second_page = first.get(url), second.get(url)
    assert first_page.status_code == second_page.status_code == 200
    mine = _form_post(fuzz, first_page, url)
    theirs = _form_post(fuzz, second_page, url)
    assert mine["version"] == theirs["version"]
    record = first_page.context["form"].instance
    before = type(record)._base_manager.get(pk=record.pk).version

    saved = first.post(url, mine)
    assert saved.status_code == 302, saved.context["form"].errors if saved.context else saved
    refused = second.post(url, theirs)

    assert refused.status_code == 409
    with override("nl"):
        assert escape(stale_message(type(record))) in refused.content.decode()
    # One save only: the first one's.
    assert type(record)._base_manager.get(pk=record.pk).version == before + 1


# --- the Django admin ------------------------------------------------------------------


def test_every_versioned_record_is_guarded_in_the_admin():
    for model, model_admin in admin.site._registry.items():
        if issubclass(model, VersionedModel):
            assert isinstance(model_admin, VersionedAdminMixin), model.__name__
        for inline in model_admin.inlines:
            if issubclass(inline.model, VersionedModel):
                assert issubclass(inline, VersionedInlineMixin), inline.__name__


@pytest.fixture
def superusers():
    """Two superusers (the admin is for superusers only), each in a session of their own."""
    result = []
    for name in ("root", "toor"):
        client = Client()
        client.force_login(User.objects.create_superuser(name, password="Wachtwoord-4711!"))
        result.append(client)
    return result


def admin_post(response) -> dict:
    """What the admin's change form would post as it was loaded (all inline rows too)."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for field in management:
            data[field.html_name] = field.value()
        forms += formset.forms
    for form in forms:
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            if value is True:
                value = "on"
            if isinstance(value, list | tuple):
                value = [getattr(item, "pk", item) for item in value]
            if isinstance(value, datetime.datetime):
                # The admin's date and time inputs.
                value = timezone.localtime(value)
                data[f"{field.html_name}_0"] = value.date().isoformat()
                data[f"{field.html_name}_1"] = value.strftime("%H:%M:%S")
                continue
            data[field.html_name] = value
    return data


def test_a_plan_item_and_its_indicators_are_not_overwritten_in_the_admin(superusers):
    item = Planonderdeel.objects.create(
        rapportage=JaarrapportageFactory(jaar=2023), titel="Eenzaamheid", doel="Start"
    )
    indicator = Indicator.objects.create(
        planonderdeel=item, naam="Bereikte bewoners", streefwaarde=100, meting="bewoners_bereikt"
    )
    url = reverse("admin:rapportage_planonderdeel_change", args=[item.pk])
    first, second = superusers
    mine, theirs = admin_post(first.get(url)), admin_post(second.get(url))
    assert str(mine["version"]) == str(theirs["version"]) == str(item.version)
    row = next(key for key in mine if key.endswith("-streefwaarde"))

    mine.update(doel="Eerste", **{row: "120"})
    assert first.post(url, mine).status_code == 302
    theirs.update(doel="Tweede", **{row: "80"})
    refused = second.post(url, theirs)

    assert refused.status_code == 200
    html = refused.content.decode()
    with override("nl"):
        assert escape(stale_message(Planonderdeel)) in html
    item.refresh_from_db()
    indicator.refresh_from_db()
    assert (item.doel, indicator.streefwaarde) == ("Eerste", 120)


def test_an_indicator_changed_meanwhile_is_not_overwritten_from_its_row(superusers):
    item = Planonderdeel.objects.create(rapportage=JaarrapportageFactory(jaar=2023), titel="Groen")
    indicator = Indicator.objects.create(
        planonderdeel=item, naam="Geveltuinen", streefwaarde=10, meting="bewoners_bereikt"
    )
    url = reverse("admin:rapportage_planonderdeel_change", args=[item.pk])
    first = superusers[0]
    stale = admin_post(first.get(url))
    # Someone changes the indicator elsewhere in the meantime.
    indicator.streefwaarde = 12
    indicator.save()
    row = next(key for key in stale if key.endswith("-streefwaarde"))
    stale[row] = "5"
    refused = first.post(url, stale)
    assert refused.status_code == 200
    with override("nl"):
        assert escape(stale_message(Indicator)) in refused.content.decode()
    indicator.refresh_from_db()
    assert indicator.streefwaarde == 12


def test_a_user_account_is_not_overwritten_in_the_admin(superusers):
    user = make_user(Role.MAKELAAR, username="wisselaar")
    url = reverse("admin:auth_user_change", args=[user.pk])
    first, second = superusers
    mine, theirs = admin_post(first.get(url)), admin_post(second.get(url))
    assert mine["stored_state"] and mine["stored_state"] == theirs["stored_state"]

    # The first makes the broker a coordinator; the second, from the old page,
    # only meant to correct the e-mail address but would put the old role back.
    mine["groups"] = [Group.objects.get(name=Role.COORDINATOR.value).pk]
    saved = first.post(url, mine)
    assert saved.status_code == 302, saved.context["adminform"].form.errors
    theirs["email"] = "nieuw@example.org"
    refused = second.post(url, theirs)

    assert refused.status_code == 200
    with override("nl"):
        assert escape(stale_message(User)) in refused.content.decode()
    user.refresh_from_db()
    assert [group.name for group in user.groups.all()] == [Role.COORDINATOR.value]
    assert user.email != "nieuw@example.org"


def test_two_first_interpretations_at_once_the_second_is_refused(world, clients, fuzz):
    """Opened before there was an interpretation: the one written second does not
    replace the first."""
    url = reverse("metingen:duiding", args=[world.vragenlijst.pk])
    first = clients["coordinator"]
    second = Client()
    second.force_login(world.users["coordinator"])
    mine = _form_post(fuzz, first.get(url), url, versioned=False)
    theirs = _form_post(fuzz, second.get(url), url, versioned=False)
    mine["herkenning"], theirs["herkenning"] = ["Eerste duiding"], ["Tweede duiding"]

    assert first.post(url, mine).status_code == 302
    refused = second.post(url, theirs)

    # Refused (the form now belongs to an existing record: reload), never saved.
    assert refused.status_code in (200, 409)
    assert refused.context["form"].non_field_errors()
    assert Duiding.objects.get(vragenlijst=world.vragenlijst).herkenning == "Eerste duiding"
