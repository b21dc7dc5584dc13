"""Deactivating users: they can no longer log in, and everything they recorded stays.

A user is never deleted (activities keep ``aangemaakt_door``, the Medewerker record
stays for the report); an administrator deactivates them instead.
"""

from __future__ import annotations

from django.db import transaction


@transaction.atomic
def deactivate_users(*, users, by) -> int:
    """Set ``is_active=False`` on ``users`` except ``by`` itself; returns the number changed.

    Each user is saved on their own (not with one UPDATE), so the audit trail
    records every deactivation with ``by`` as the one who made it.
    """
    count = 0
    for user in users.exclude(pk=by.pk).filter(is_active=True).select_for_update():
        user.is_active = False
        user._history_user = by
        user.save(update_fields=["is_active"])
        count += 1
    return count
