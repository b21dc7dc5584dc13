"""Accounts: who may manage whose account, deactivating, ending sessions, account events.

**Nobody manages an account with more rights than their own.** Every page,
service and admin screen that changes an account (its name, e-mail, role,
active flag, password link, two-step login) asks :func:`manageable_accounts`
or :func:`can_manage_account`, which are one rule: the editor must be active,
and unless the editor is a superuser the account must not be a superuser and
must not hold a permission (through its roles or on its own) the editor lacks.
So a beheerder cannot edit, deactivate, reactivate, re-mail or reset a
superuser, and an editor with only a few rights cannot touch a beheerder. The
same comparison keeps an editor from giving a role beyond their own
(:func:`can_grant`). ``is_staff`` is not compared: it opens nothing in this app
(the Django admin checks ``is_superuser``).

A user is never deleted (activities keep ``aangemaakt_door``, the Medewerker
record stays for the report); an administrator deactivates them instead, which
also ends every session the person has open.
"""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def _permissions_of(user) -> QuerySet:
    """The permissions ``user`` holds through roles or on their own, active or not."""
    return Permission.objects.filter(Q(group__user=user) | Q(user=user))


def manageable_accounts(editor) -> QuerySet:
    """The accounts ``editor`` may change: none above the editor's own rights."""
    users = get_user_model()._default_manager.all()
    if editor is None or not editor.is_authenticated or not editor.is_active:
        return users.none()
    if editor.is_superuser:
        return users
    beyond = Permission.objects.exclude(pk__in=_permissions_of(editor).values("pk"))
    return (
        users.filter(is_superuser=False)
        .exclude(groups__permissions__in=beyond)
        .exclude(user_permissions__in=beyond)
    )


def can_manage_account(editor, account) -> bool:
    """Whether ``editor`` may change ``account`` (see :func:`manageable_accounts`)."""
    return manageable_accounts(editor).filter(pk=account.pk).exists()


def check_can_manage(editor, account) -> None:
    """Raise PermissionDenied (a 403) when ``editor`` may not change ``account``."""
    if not can_manage_account(editor, account):
        raise PermissionDenied(
            _("You cannot change this account: it has rights that you do not have.")
        )


def can_grant(editor, permissions: QuerySet) -> bool:
    """Whether every permission in ``permissions`` is one ``editor`` holds too."""
    if editor is None or not editor.is_authenticated or not editor.is_active:
        return False
    if editor.is_superuser:
        return True
    return not permissions.exclude(pk__in=_permissions_of(editor).values("pk")).exists()


def check_can_grant(editor, permissions: QuerySet) -> None:
    if not can_grant(editor, permissions):
        raise PermissionDenied(_("You cannot give a role with rights that you do not have."))


def end_sessions(*, user) -> int:
    """Log ``user`` out everywhere: delete every stored session of the account.

    An open browser then meets the login page at its next request, also when the
    account is reactivated later (core.sessions keeps the account of each session).
    """
    from .models import AccountSession

    count, _per_model = AccountSession.objects.filter(account_id=user.pk).delete()
    return count


def record_account_event(*, account, by, reason: str) -> None:
    """Write ``reason`` into ``account``'s audit trail, with ``by`` and the time.

    For what changes no field of the account (a two-step reset): the row is
    saved as it is stored, so its history gets a record that carries the reason.
    """
    stored = get_user_model()._default_manager.select_for_update().get(pk=account.pk)
    stored._history_user = by
    stored._change_reason = reason
    stored.save(update_fields=["is_active"])


@transaction.atomic
def deactivate_users(*, users, by) -> int:
    """Set ``is_active=False`` on ``users`` except ``by`` itself; returns the number changed.

    Accounts ``by`` may not manage are left as they are. Each user is saved on
    their own (not with one UPDATE), so the audit trail records every
    deactivation with ``by`` as the one who made it; their sessions end.
    """
    count = 0
    candidates = users.exclude(pk=by.pk).filter(is_active=True)
    candidates = candidates.filter(pk__in=manageable_accounts(by).values("pk"))
    for user in candidates.select_for_update():
        user.is_active = False
        user._history_user = by
        user.save(update_fields=["is_active"])
        end_sessions(user=user)
        logger.info("account %s deactivated by %s", user.pk, by.pk)
        count += 1
    return count
