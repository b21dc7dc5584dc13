"""Who sees which records: everything for coordinators, their own gebied for others.

Registers scope their querysets with :class:`GebiedScopedQuerySet`; views load
every object through ``visible_to(user)`` or ``editable_by(user)`` (404 outside).
The gebieden of a user are read through the relation user → medewerker →
gebieden, so this module imports no app.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import models

VIEW_ALL_GEBIEDEN = "wijken.view_all_gebieden"


def is_staff_user(user) -> bool:
    """A logged-in, active account (every role's starting point)."""
    return bool(user.is_authenticated and user.is_active)


def sees_all_gebieden(user) -> bool:
    """Coordinators and admins see every gebied; everyone else only their own."""
    return is_staff_user(user) and user.has_perm(VIEW_ALL_GEBIEDEN)


def gebied_ids_for(user) -> list[int]:
    """The ids of the gebieden a user works in.

    Kept on the user object for the request, and in the data cache until staff or
    gebieden change (core.datacache: the "wijken" data key).
    """
    if not user.is_authenticated:
        return []
    ids = getattr(user, "_gebied_ids_cache", None)
    if ids is None:
        from .datacache import cached  # datacache builds on this module

        ids = cached(
            "gebied_ids",
            keys=("wijken",),
            parts=[user.pk],
            compute=lambda: _gebied_ids(user.pk),
            request=user,
        )
        user._gebied_ids_cache = ids
    return ids


def _gebied_ids(user_pk: int) -> list[int]:
    return sorted(
        {
            pk
            for pk in get_user_model()
            ._default_manager.filter(pk=user_pk)
            .values_list("medewerker__gebieden", flat=True)
            if pk is not None
        }
    )


class GebiedScopedQuerySet(models.QuerySet):
    """``visible_to(user)``: all for coordinators, the user's gebieden for the rest.

    Subclasses name the permission that lets a role see the register at all
    (``view_permission``) and the path from the record to its gebied.
    """

    view_permission: str = ""
    gebied_path = "wijk__gebied"

    def sees_everything(self, user) -> bool:
        return sees_all_gebieden(user)

    def cache_scope(self, user) -> str:
        """Who sees the same rows of ``visible_to(user)``: what is computed from them
        and cached (a year picker's years, a count) is shared under this key. A
        queryset whose rows also depend on the user themself includes the user."""
        from .datacache import scope_key  # datacache builds on this module

        return scope_key(user)

    def visible_to(self, user):
        if not is_staff_user(user):
            return self.none()
        if self.view_permission and not user.has_perm(self.view_permission):
            return self.none()
        if self.sees_everything(user):
            return self
        return self.filter(**{f"{self.gebied_path}_id__in": gebied_ids_for(user)})

    def in_gebied(self, gebied):
        return self.filter(**{self.gebied_path: gebied})


class ReferenceQuerySet(models.QuerySet):
    """Reference data (gebieden, wijken, colleagues, the sociale kaart): every member
    of staff may read all of it."""

    def visible_to(self, user):
        return self if is_staff_user(user) else self.none()
