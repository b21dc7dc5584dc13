"""Sends a user who still owes the second factor to the code or set-up page."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse

from . import pending_step

# Pages a half-logged-in user may open: the steps themselves, logging out, privacy.
OPEN_PAGES = frozenset(
    {
        "twofactor_verify",
        "twofactor_setup",
        "twofactor_backup_codes",
        "logout",
        "login",
        "privacy",
        "javascript-catalog",
        # The health endpoints (core.health): public, nothing personal.
        "healthz",
        "healthz_live",
        "healthz_ready",
    }
)
STEP_PAGES = {"verify": "twofactor_verify", "setup": "twofactor_setup"}


class TwoFactorMiddleware:
    """After ``django_otp.middleware.OTPMiddleware``: nothing but the next step until done."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            step = pending_step(user)
            if step is not None and not self.is_open(request):
                target = reverse(STEP_PAGES[step])
                if request.method == "GET":
                    target += "?" + urlencode({"next": request.get_full_path()})
                return HttpResponseRedirect(target)
        return self.get_response(request)

    @staticmethod
    def is_open(request) -> bool:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        return match.view_name in OPEN_PAGES
