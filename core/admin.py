"""The user admin (superusers only): Django's, plus "deactivate" instead of delete."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .accounts import deactivate_users

User = get_user_model()


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


class SterkeWijkenGroupAdmin(DutchPermissionsMixin, GroupAdmin):
    pass


admin.site.unregister(User)
admin.site.register(User, SterkeWijkenUserAdmin)
admin.site.unregister(Group)
admin.site.register(Group, SterkeWijkenGroupAdmin)
