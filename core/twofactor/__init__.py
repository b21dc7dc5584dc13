"""Two-factor login for the roles that see personal data.

A Buurtservice coordinator, coordinator, beheerder or superuser logs in with a
password and then a six-digit code from an authenticator app (TOTP, django-otp's
``TOTPDevice``), or one of ten single-use backup codes (``StaticDevice``). On the
first login they set the app up from a QR code. For brokers it is optional:
once they set it up, they are asked for a code too. A beheerder resets a
colleague's lost device (``reset_devices``); the colleague then sets it up anew.

The secret of an app being set up exists only in the session that set-up page
was shown in (``new_setup_key``), until the code typed there confirms it: an
unconfirmed device in the database would show the same secret to every session
of the account, and whoever saw it once would hold a valid second factor after
the person confirmed it.

Wrong codes count as failed logins for the lockout (django-axes): five wrong
passwords or codes in a row lock the user name out from that address. The
count is reset only by a complete login, so a known password does not buy
fresh guesses at the code.

In development ``TWO_FACTOR_DEMO_EXEMPT`` (on by default) lets the demo
accounts in without setting up an app; production refuses the setting.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from core.accounts import check_can_manage, end_sessions, record_account_event
from core.roles import Role

logger = logging.getLogger(__name__)

# The roles that see residents' personal data.
REQUIRED_ROLES = frozenset({Role.BUURTSERVICE, Role.COORDINATOR, Role.BEHEERDER})
BACKUP_CODES = 10
TOTP_NAME = "app"
BACKUP_NAME = "reservecodes"


def required_for(user) -> bool:
    """Whether ``user`` must log in with a second factor (by role)."""
    if user.is_superuser:
        return True
    names = {group.name for group in user.groups.all()}
    return any(role.value in names for role in REQUIRED_ROLES)


def totp_device(user, *, confirmed: bool | None = True) -> TOTPDevice | None:
    devices = TOTPDevice.objects.filter(user=user)
    if confirmed is not None:
        devices = devices.filter(confirmed=confirmed)
    return devices.order_by("pk").first()


def has_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_step(user) -> str | None:
    """What a logged-in user must still do: "verify", "setup" or nothing (None)."""
    if not user.is_authenticated:
        return None
    if getattr(user, "is_verified", None) and user.is_verified():
        return None
    if has_device(user):
        return "verify"
    if not settings.TWO_FACTOR_DEMO_EXEMPT and required_for(user):
        return "setup"
    return None


def fully_logged_in(user) -> bool:
    return user.is_authenticated and pending_step(user) is None


def new_setup_key() -> str:
    """A fresh random secret (hex) for one set-up attempt; the caller keeps it in the session."""
    return random_hex(20)


def setup_device(user, key: str) -> TOTPDevice:
    """The app being set up with ``key``, not saved: for its QR code and secret."""
    return TOTPDevice(user=user, name=TOTP_NAME, key=key, confirmed=False)


@transaction.atomic
def confirm_setup(*, user, key: str, code: str) -> tuple[TOTPDevice, list[str]] | None:
    """When ``code`` is the current code for ``key``: save it as the user's only app
    and give new backup codes (returned once). A wrong code saves nothing: None."""
    code = "".join(code.split())
    device = setup_device(user, key)
    if not (code.isdigit() and len(code) == device.digits):
        return None
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if not totp.verify(int(code), device.tolerance):
        return None
    # The code just typed cannot be used again to log in.
    device.last_t = totp.t()
    device.confirmed = True
    # Two sessions confirming at once: one after the other, the last one's app stays.
    get_user_model()._default_manager.select_for_update().get(pk=user.pk)
    TOTPDevice.objects.filter(user=user).delete()
    device.save()
    return device, new_backup_codes(user=user)


@transaction.atomic
def new_backup_codes(*, user) -> list[str]:
    """Replace the user's backup codes by ``BACKUP_CODES`` new ones; returned only now."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


# Recorded in the account's audit trail (translated where it is shown).
RESET_REASON = gettext_noop("Two-step login reset")


@transaction.atomic
def reset_devices(*, user, by) -> int:
    """Remove ``user``'s app and backup codes (a lost phone); they set it up anew.

    ``by`` must be allowed to manage the account (core.accounts) and cannot reset
    their own. Every session of the account ends, so a session opened before the
    reset (on a lost phone, say) cannot set up a new app without the password.
    The reset is in the account's audit trail and the log (user ids only).
    """
    check_can_manage(by, user)
    if user.pk == by.pk:
        raise PermissionDenied(_("You cannot reset your own two-step login."))
    totp, _deleted = TOTPDevice.objects.filter(user=user).delete()
    static, _deleted = StaticDevice.objects.filter(user=user).delete()
    end_sessions(user=user)
    record_account_event(account=user, by=by, reason=RESET_REASON)
    logger.info("two-step login of account %s reset by %s", user.pk, by.pk)
    return totp + static


def verify_code(user, code: str):
    """The device that accepts ``code`` (the app's code or an unused backup code), or None.

    django-otp's own throttle is off (settings): the lockout counts wrong codes
    like wrong passwords, see ``core.twofactor.views.VerifyView``.
    """
    code = "".join(code.split())
    device = totp_device(user)
    if device is None or not code:
        return None
    with transaction.atomic():
        if code.isdigit() and len(code) == device.digits:
            locked = TOTPDevice.objects.select_for_update().get(pk=device.pk)
            return locked if locked.verify_token(code) else None
        for backup in StaticDevice.objects.select_for_update().filter(user=user, confirmed=True):
            if backup.verify_token(code.lower()):
                return backup
    return None


def second_factor_follows(user) -> bool:
    """At the password step: will this user be asked for a code (or to set up an app)?"""
    return has_device(user) or (not settings.TWO_FACTOR_DEMO_EXEMPT and required_for(user))


def reset_lockout_after_login(sender, request, user, **kwargs) -> None:
    """user_logged_in: a login without a second step is complete, so clear the
    failed attempts; with a second step they are cleared once the code is right."""
    if request is None or second_factor_follows(user):
        return
    from .views import reset_failed_logins

    reset_failed_logins(request, user)
