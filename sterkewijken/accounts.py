"""Deactivating users: they can no longer log in, and everything they recorded stays.

A user is never deleted (activities keep ``aangemaakt_door``, the Medewerker record
stays for the report); an administrator deactivates them with the admin action
"Deactivate" on the user list, which ``install_user_actions`` adds to whatever
ModelAdmin is registered for the user model.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


def deactivate_users(*, users, by) -> int:
    """Set ``is_active=False`` on ``users`` except ``by`` itself; returns the number changed."""
    return users.exclude(pk=by.pk).filter(is_active=True).update(is_active=False)


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


def install_user_actions(site=admin.site) -> None:
    """Add the deactivate action to the registered user admin (after autodiscovery)."""
    model_admin = site._registry.get(get_user_model())
    if model_admin is None:
        return
    actions = list(model_admin.actions or [])
    if deactivate not in actions:
        model_admin.actions = [*actions, deactivate]
