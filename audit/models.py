"""The audit trail of user accounts: who gave or took whose rights, and when.

django.contrib.auth is not ours, so its history table lives in this app's
migrations. Recorded: every change of the account's fields (active, staff,
superuser, name, ...) and of its roles (groups) and permissions, with the user
who made it. Not recorded: password hashes, login times, and the save Django
makes at every successful login (only failed logins are kept, by django-axes,
for the lockout; see the privacy page).
"""

from __future__ import annotations

import simple_history
from django.contrib.auth.models import User
from simple_history.models import HistoricalRecords

# Saves of only these fields write no history row (a login sets last_login).
UNRECORDED_SAVES = frozenset({"last_login"})


class UserHistoricalRecords(HistoricalRecords):
    """History of users that skips login saves and follows role changes from both sides."""

    def post_save(self, instance, created, using=None, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields and frozenset(update_fields) <= UNRECORDED_SAVES:
            return
        super().post_save(instance, created, using=using, **kwargs)

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs):
        if not reverse:
            super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)
            return
        # Changed from the other side (``group.user_set.add(user)``): ``instance``
        # is the group; record each user whose roles changed.
        if action == "pre_clear":
            instance._users_before_clear = list(instance.user_set.all())
            return
        if action == "post_clear":
            users = getattr(instance, "_users_before_clear", [])
        elif action in ("post_add", "post_remove"):
            users = User.objects.filter(pk__in=pk_set or [])
        else:
            return
        for user in users:
            super().m2m_changed(user, action, attr, None, False, **kwargs)


simple_history.register(
    User,
    app="audit",
    records_class=UserHistoricalRecords,
    excluded_fields=["password", "last_login"],
    m2m_fields=["groups", "user_permissions"],
)
