"""The user admin (superusers only): Django's, plus "deactivate" instead of delete.

Least privilege: the Django admin opens for superusers only (created on the
server with ``manage.py createsuperuser``); a beheerder works in the app. Should
the admin ever open to other staff again, the checks below still keep them from
granting superuser status or single permissions, changing what a role may do,
or touching a superuser's account.
"""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .accounts import deactivate_users

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


class SterkeWijkenUserAdmin(DutchPermissionsMixin, UserAdmin):
    actions = [*(UserAdmin.actions or []), deactivate]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        return [
            (name, {**options, "fields": _without(options["fields"], SUPERUSER_ONLY_FIELDS)})
            for name, options in fieldsets
        ]

    def get_queryset(self, request):
        users = super().get_queryset(request)
        if request.user.is_superuser:
            return users
        return users.filter(is_superuser=False)

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)


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
