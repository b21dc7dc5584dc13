"""Writes of the administration pages and the sociale kaart.

Staff members and their accounts are created and changed here, never through
the Django admin: a beheerder gives a person a user name, e-mail, one role and
the gebieden they work in. Nobody is deleted: accounts are deactivated and
their records stay. Duplicate partner organisations are merged into one.

Every write to an account checks ``core.accounts``' rule itself (not only the
page that calls it): nobody changes an account with rights beyond their own,
nor gives a role beyond their own (PermissionDenied, a 403).
"""

from __future__ import annotations

import datetime
import logging
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.db import models, transaction
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext

from core.accounts import check_can_grant, check_can_manage, deactivate_users, end_sessions
from core.roles import Role

from .models import Gebied, Medewerker, Organisatie, Wijk

User = get_user_model()
logger = logging.getLogger(__name__)


def _split_name(naam: str) -> tuple[str, str]:
    first, _sep, last = naam.strip().partition(" ")
    return first[:150], last.strip()[:150]


def set_role(*, user, role: Role | None, by) -> None:
    """Make ``role`` the user's only role group (no role: none of them)."""
    role_groups = Group.objects.filter(name__in=[r.value for r in Role])
    if role is not None:
        group = Group.objects.get(name=role.value)
        check_can_grant(by, group.permissions.all())
    user.groups.remove(*role_groups)
    if role is not None:
        user.groups.add(group)
    user.__dict__.pop("_role_names_cache", None)


def _save_account(
    *, user, naam: str, username: str, email: str, role: Role | None, by
) -> models.Model:
    first, last = _split_name(naam)
    if user is None:
        user = User(username=username, email=email, first_name=first, last_name=last)
        # No password until the person sets one through the link.
        user.set_unusable_password()
        user.save()
    else:
        user.username, user.email = username, email
        user.first_name, user.last_name = first, last
        user.save(update_fields=["username", "email", "first_name", "last_name"])
    set_role(user=user, role=role, by=by)
    return user


@transaction.atomic
def save_medewerker(
    *,
    medewerker: Medewerker | None,
    naam: str,
    functie: str,
    uren_per_week: Decimal,
    startdatum: datetime.date,
    einddatum: datetime.date | None,
    gebieden: list[Gebied],
    standaard_wijk: Wijk | None = None,
    is_pilot: bool = False,
    notities: str = "",
    username: str = "",
    email: str = "",
    role: Role | None = None,
    account=None,
    expected_version: int | None = None,
    by,
) -> Medewerker:
    """Create (``medewerker=None``) or change a staff member and their account.

    With a ``username`` the person gets (or keeps) an account with that name,
    e-mail and ``role``; ``account`` is an existing account without staff record
    to link. ``expected_version`` guards against overwriting someone else's edit
    (VersionConflict). ``by`` may not change a record whose account has rights
    beyond their own (its e-mail would let them take the account over), nor
    give a role beyond their own: PermissionDenied.
    """
    medewerker = medewerker or Medewerker()
    user = medewerker.user or account
    if user is not None:
        check_can_manage(by, user)
    if username:
        user = _save_account(user=user, naam=naam, username=username, email=email, role=role, by=by)
    medewerker.user = user
    medewerker.naam = naam
    medewerker.functie = functie
    medewerker.uren_per_week = uren_per_week
    medewerker.startdatum = startdatum
    medewerker.einddatum = einddatum
    medewerker.standaard_wijk = standaard_wijk
    medewerker.is_pilot = is_pilot
    medewerker.notities = notities
    if expected_version is not None:
        medewerker.expect_version(expected_version)
    medewerker.full_clean(exclude=["user", "gebieden"])
    medewerker.save()
    medewerker.gebieden.set(gebieden)
    return medewerker


@transaction.atomic
def set_account_active(*, user, active: bool, by) -> bool:
    """Deactivate (the person can no longer log in; records stay) or reactivate.

    Nobody deactivates their own account, and nobody (re)activates an account
    with rights beyond their own (PermissionDenied). Returns whether anything changed.
    """
    check_can_manage(by, user)
    if not active:
        return bool(deactivate_users(users=User._default_manager.filter(pk=user.pk), by=by))
    account = User._default_manager.select_for_update().filter(pk=user.pk, is_active=False).first()
    if account is None:
        return False
    # Saved (not updated) so the audit trail records the reactivation and by whom.
    account.is_active = True
    account._history_user = by
    account.save(update_fields=["is_active"])
    # Whatever ended the account before, a session from then does not come back.
    end_sessions(user=account)
    logger.info("account %s reactivated by %s", account.pk, by.pk)
    return True


def send_password_link(*, user, domain: str, use_https: bool, by) -> None:
    """Mail ``user`` a link to set their password (Django's reset mechanism).

    Works for a new account without a usable password too, which Django's own
    reset form would silently skip. ``by`` must be allowed to manage ``user``.
    """
    check_can_manage(by, user)
    context = {
        "email": user.email,
        "domain": domain,
        "site_name": "Sterke Wijken",
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": "https" if use_https else "http",
    }
    PasswordResetForm().send_mail(
        "registration/password_set_subject.txt",
        "registration/password_set_email.txt",
        context,
        None,
        user.email,
    )


# --- the sociale kaart ------------------------------------------------------------


@transaction.atomic
def merge_organisaties(*, keep: Organisatie, duplicate: Organisatie, by=None) -> Organisatie:
    """Move every relation of ``duplicate`` to ``keep``, then delete the duplicate.

    Every relation to an organisation is found through the model's meta data, so
    a register that links organisations later is merged too, without this app
    importing it. Both steps are in the audit trail: ``keep`` gets a note and a
    history record, the duplicate's deletion carries the reason.
    """
    if keep.pk == duplicate.pk:
        raise ValueError("an organisation cannot be merged with itself")
    for relation in Organisatie._meta.related_objects:
        if relation.many_to_many:
            through = relation.through
            source = relation.field.m2m_reverse_field_name()  # the column to us
            owner = relation.field.m2m_field_name()  # the column to the other side
            already = through._default_manager.filter(**{source: keep}).values(owner)
            rows = through._default_manager.filter(**{source: duplicate})
            rows.filter(**{f"{owner}__in": already}).delete()
            rows.update(**{source: keep})
        elif relation.one_to_many and not relation.related_model.__name__.startswith("Historical"):
            relation.related_model._default_manager.filter(
                **{relation.field.name: duplicate}
            ).update(**{relation.field.name: keep})
    keep.wijken.add(*duplicate.wijken.all())
    for name in ("contactpersoon", "telefoon", "email", "website"):
        if not getattr(keep, name):
            setattr(keep, name, getattr(duplicate, name))
    today = timezone.localdate().strftime("%d-%m-%Y")
    note = gettext("Merged with the duplicate “%(naam)s” on %(date)s.") % {
        "naam": duplicate.naam,
        "date": today,
    }
    keep.notities = f"{keep.notities}\n{note}".strip()
    if duplicate.notities:
        keep.notities = f"{keep.notities}\n{duplicate.notities}"
    keep._change_reason = note
    keep.save()
    duplicate._change_reason = gettext("Merged into “%(naam)s”.") % {"naam": keep.naam}
    duplicate.delete()
    return keep


@transaction.atomic
def save_organisatie(
    *,
    organisatie: Organisatie | None,
    values: dict,
    wijken: list[Wijk],
    expected_version: int | None = None,
) -> Organisatie:
    """Create or change an organisation on the sociale kaart."""
    organisatie = organisatie or Organisatie()
    for name, value in values.items():
        setattr(organisatie, name, value)
    if expected_version is not None:
        organisatie.expect_version(expected_version)
    organisatie.save()
    organisatie.wijken.set(wijken)
    return organisatie


@transaction.atomic
def set_inhabitants_from_cbs(*, counts: dict[str, int]) -> list[Wijk]:
    """Set the inhabitants of every wijk whose CBS code is in ``counts``; the changed wijken.

    Saved one by one (not ``update()``), so each change has its version and history.
    """
    changed = []
    for wijk in Wijk.objects.exclude(cbs_code="").order_by("naam"):
        count = counts.get(wijk.cbs_code.upper())
        if count is not None and wijk.inwoners != count:
            wijk.inwoners = count
            wijk.save()
            changed.append(wijk)
    return changed


@transaction.atomic
def end_employment(*, medewerker: Medewerker, einddatum: datetime.date, by) -> Medewerker:
    """Deactivate the account of ``medewerker`` and end their staff record on
    ``einddatum``: an open staff period would keep counting the person as staff."""
    if medewerker.user_id is not None:
        set_account_active(user=medewerker.user, active=False, by=by)
    medewerker = Medewerker.objects.select_for_update().get(pk=medewerker.pk)
    if medewerker.einddatum != einddatum:
        medewerker.einddatum = einddatum
        medewerker._history_user = by
        medewerker.full_clean(exclude=["user", "gebieden"])
        medewerker.save()
    return medewerker
