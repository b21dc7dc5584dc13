"""The user admin (superusers only): Django's, plus "deactivate" instead of delete."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
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


class SterkeWijkenUserAdmin(UserAdmin):
    actions = [*(UserAdmin.actions or []), deactivate]


admin.site.unregister(User)
admin.site.register(User, SterkeWijkenUserAdmin)
