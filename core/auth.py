"""Authentication backends.

Failed logins are counted by django-axes (5 wrong passwords for a user name from
one IP address lock that pair out for 30 minutes, see settings). Its backend
needs the request; a call to ``authenticate`` without one (the test client's
``login()``, a management command) has no IP address to count and is not a login
through a form, so the lockout check is skipped there and ModelBackend decides.
"""

import ipaddress

from axes.backends import AxesStandaloneBackend
from django.contrib.auth.backends import ModelBackend


class LockoutBackend(AxesStandaloneBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class CachedPermissionsBackend(ModelBackend):
    """Django's ModelBackend, with each user's permissions kept in the data cache
    (core.datacache, key "auth") instead of two queries on every request.

    Any change to a user (active or not, superuser), their groups or permissions, or
    a group's permissions, gives "auth" a new token (core.apps tracks them), so
    every process reads the new permissions on its next request.
    """

    def get_all_permissions(self, user_obj, obj=None):
        if obj is not None or not user_obj.is_active or user_obj.is_anonymous:
            return super().get_all_permissions(user_obj, obj)
        if not hasattr(user_obj, "_perm_cache"):
            from .datacache import cached

            user_obj._perm_cache = cached(
                "auth:permissions",
                keys=("auth",),
                parts=[user_obj.pk],
                compute=lambda: set(ModelBackend.get_all_permissions(self, user_obj)),
                request=user_obj,
            )
        return user_obj._perm_cache


def lockout_response(request, original_response=None, credentials=None):
    """The Dutch lockout page (AXES_LOCKOUT_CALLABLE): how long to wait, whom to ask."""
    from axes.helpers import get_cool_off, get_failure_limit
    from django.conf import settings
    from django.shortcuts import render

    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "cooloff_minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
    }
    return render(request, "axes/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


def _networks(values) -> list:
    return [ipaddress.ip_network(value, strict=False) for value in values]


def _address(value: str):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _trusted(address, networks) -> bool:
    return address is not None and any(address in network for network in networks)


def client_ip(request) -> str | None:
    """The address failed logins are counted for (AXES_CLIENT_IP_CALLABLE).

    ``REMOTE_ADDR``, unless the request comes from one of ``TRUSTED_PROXIES``.
    Only then is X-Forwarded-For read: each proxy appends the address it got the
    request from, so walking it from the right, the first address that is not a
    trusted proxy is the client; anything left of it may be forged. Without
    trusted proxies (the default) the header is ignored whatever it says.
    """
    from django.conf import settings

    remote = request.META.get("REMOTE_ADDR")
    networks = _networks(getattr(settings, "TRUSTED_PROXIES", []))
    if not networks or not _trusted(_address(remote or ""), networks):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    client = remote
    for hop in reversed([hop for hop in forwarded.split(",") if hop.strip()]):
        address = _address(hop)
        if address is None:
            # Garbage a trusted proxy passed on: the chain ends at the last good hop.
            break
        client = str(address)
        if not _trusted(address, networks):
            break
    return client
