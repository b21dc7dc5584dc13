"""Authentication backends.

Failed logins are counted by django-axes (5 wrong passwords for a user name from
one IP address lock that pair out for 30 minutes, see settings). Its backend
needs the request; a call to ``authenticate`` without one (the test client's
``login()``, a management command) has no IP address to count and is not a login
through a form, so the lockout check is skipped there and ModelBackend decides.
"""

from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


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


def client_ip(request) -> str | None:
    """The address failed logins are counted for (AXES_CLIENT_IP_CALLABLE).

    With ``TRUSTED_PROXY_COUNT`` proxies in front, each appends the address it got
    the request from to X-Forwarded-For, so the client is the entry that many
    places from the end; anything before it may be forged by the client.
    """
    from django.conf import settings

    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if count > 0 and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR")
