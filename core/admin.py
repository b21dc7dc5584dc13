"""The user admin (superusers only): Django's, plus "deactivate" instead of delete.

Least privilege: the Django admin opens for superusers only (created on the
server with ``manage.py createsuperuser``); a beheerder works in the app. Should
the admin ever open to other staff again, the checks below still keep them from
granting superuser status or single permissions, changing what a role may do,
or touching an account with rights beyond their own (core.accounts' rule, the
same as on the app's staff pages).
"""

import hashlib
import json

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .accounts import (
    can_grant,
    can_manage_account,
    deactivate_users,
    end_sessions,
    manageable_accounts,
)
from .concurrency import stale_message

User = get_user_model()

# Fields only a superuser may see change in the user form.
SUPERUSER_ONLY_FIELDS = ("is_superuser", "user_permissions")


@admin.action(description=_("Deactivate (keeps their records)"), permissions=["change"])
def deactivate(modeladmin, request, queryset):
    count = deactivate_users(users=queryset, by=request.user)
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d user has been deactivated; their records stay.",
            "%(count)d users have been deactivated; their records stay.",
            count,
        )
        % {"count": count},
        messages.SUCCESS,
    )


def superusers_only(request) -> bool:
    """The Django admin is for superusers; a beheerder manages everything in the app."""
    return request.user.is_active and request.user.is_superuser


admin.site.has_permission = superusers_only


# Permission names are stored in English when the permission is created
# ("Can add activity"); the admin shows them in Dutch from the model's meta.
ACTIONS = {"view": _("view"), "add": _("add"), "change": _("change"), "delete": _("delete")}


def permission_label(permission) -> str:
    model = permission.content_type.model_class()
    if model is None:
        return str(permission)
    opts = model._meta
    action, _sep, rest = permission.codename.partition("_")
    if action in ACTIONS and rest == opts.model_name:
        what = ACTIONS[action]
    else:
        what = dict(opts.permissions).get(permission.codename, permission.name)
    return f"{capfirst(opts.verbose_name)} | {what}"


class DutchPermissionsMixin:
    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name in ("permissions", "user_permissions") and field is not None:
            field.label_from_instance = permission_label
        return field


STATE = "stored_state"


def user_state(user) -> str:
    """A digest of everything the user form can change, as stored now.

    ``auth.User`` has no version field; this digest plays its part. Inside a
    transaction the row is locked (PostgreSQL) until the save commits, so two
    saves cannot both pass the check; SQLite's IMMEDIATE transactions already
    queue them.
    """
    users = User._base_manager.filter(pk=user.pk)
    if transaction.get_connection().in_atomic_block:
        users = users.select_for_update()
    stored = users.values(
        "username", "first_name", "last_name", "email", "password",
        "is_active", "is_staff", "is_superuser",
    ).first()  # fmt: skip
    if stored is None:
        return ""
    stored["groups"] = sorted(user.groups.values_list("pk", flat=True))
    stored["user_permissions"] = sorted(user.user_permissions.values_list("pk", flat=True))
    return hashlib.sha256(json.dumps(stored, sort_keys=True).encode()).hexdigest()


class GuardedUserChangeForm(UserChangeForm):
    """Django's user form that refuses to overwrite a change saved in the meantime
    (the same Dutch message as every versioned form of the app)."""

    stored_state = forms.CharField(widget=forms.HiddenInput, required=False)
    # Who fills the form in (set per request by the admin): no role beyond their own.
    editor = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[STATE].initial = user_state(self.instance)

    def clean_groups(self):
        groups = self.cleaned_data.get("groups")
        if self.editor is not None and groups is not None:
            permissions = Permission.objects.filter(group__in=groups)
            if not can_grant(self.editor, permissions):
                raise forms.ValidationError(
                    _("You cannot give a role with rights that you do not have."),
                    code="role_beyond_editor",
                )
        return groups

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is not None and cleaned.get(STATE) != user_state(self.instance):
            self.add_error(None, forms.ValidationError(stale_message(User), code="stale"))
        return cleaned


class SterkeWijkenUserAdmin(DutchPermissionsMixin, UserAdmin):
    actions = [*(UserAdmin.actions or []), deactivate]
    form = GuardedUserChangeForm

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None:
            (name, options), *rest = fieldsets
            fieldsets = [(name, {**options, "fields": (*options["fields"], STATE)}), *rest]
        if request.user.is_superuser:
            return fieldsets
        return [
            (name, {**options, "fields": _without(options["fields"], SUPERUSER_ONLY_FIELDS)})
            for name, options in fieldsets
        ]

    def get_form(self, request, obj=None, **kwargs):
        # A fresh form class per request, so the editor is this request's user.
        form = super().get_form(request, obj, **kwargs)
        form.editor = request.user
        return form

    def get_queryset(self, request):
        users = super().get_queryset(request)
        return users.filter(pk__in=manageable_accounts(request.user).values("pk"))

    def has_change_permission(self, request, obj=None):
        if obj is not None and not can_manage_account(request.user, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not can_manage_account(request.user, obj):
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "is_active" in form.changed_data and not obj.is_active:
            # Deactivated here rather than with the action: the sessions end all the same.
            end_sessions(user=obj)


def _without(fields, names) -> tuple:
    return tuple(field for field in fields if field not in names)


class SterkeWijkenGroupAdmin(DutchPermissionsMixin, GroupAdmin):
    """Roles are defined in code (core.roles); only a superuser changes them here."""

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


admin.site.unregister(User)
admin.site.register(User, SterkeWijkenUserAdmin)
admin.site.unregister(Group)
admin.site.register(Group, SterkeWijkenGroupAdmin)
