"""Two-factor login for the roles that see personal data.

A Buurtservice coordinator, coordinator, beheerder or superuser logs in with a
password and then a six-digit code from an authenticator app (TOTP, django-otp's
``TOTPDevice``), or one of ten single-use backup codes (``StaticDevice``). On the
first login they set the app up from a QR code. For brokers it is optional:
once they set it up, they are asked for a code too. A beheerder resets a
colleague's lost device (``reset_devices``); the colleague then sets it up anew.

Wrong codes count as failed logins for the lockout (django-axes): five wrong
passwords or codes in a row lock the user name out from that address. The
count is reset only by a complete login, so a known password does not buy
fresh guesses at the code.

In development ``TWO_FACTOR_DEMO_EXEMPT`` (on by default) lets the demo
accounts in without setting up an app; production refuses the setting.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.roles import Role

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


def unconfirmed_device(user) -> TOTPDevice:
    """The app being set up: made once, kept until confirmed (the QR stays the same)."""
    device = totp_device(user, confirmed=False)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
    return device


@transaction.atomic
def confirm_device(*, device: TOTPDevice) -> list[str]:
    """Make ``device`` the user's app and give them new backup codes (returned once)."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_backup_codes(user=device.user)


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


@transaction.atomic
def reset_devices(*, user) -> int:
    """Remove ``user``'s app and backup codes (a lost phone); they set it up anew."""
    totp, _ = TOTPDevice.objects.filter(user=user).delete()
    static, _ = StaticDevice.objects.filter(user=user).delete()
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
