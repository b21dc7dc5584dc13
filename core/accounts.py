"""Deactivating users: they can no longer log in, and everything they recorded stays.

A user is never deleted (activities keep ``aangemaakt_door``, the Medewerker record
stays for the report); an administrator deactivates them instead.
"""

from __future__ import annotations


def deactivate_users(*, users, by) -> int:
    """Set ``is_active=False`` on ``users`` except ``by`` itself; returns the number changed."""
    return users.exclude(pk=by.pk).filter(is_active=True).update(is_active=False)
