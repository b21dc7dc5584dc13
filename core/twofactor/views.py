"""The pages of two-factor login: the code, setting up the app, backup codes,
one's own overview, and resetting a colleague's lost device (beheerders)."""

from __future__ import annotations

import base64

import segno
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_credentials
from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.contrib.auth.signals import user_login_failed
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.accounts import manageable_accounts
from core.auth import lockout_response

from . import (
    backup_codes_left,
    confirm_setup,
    has_device,
    new_backup_codes,
    new_setup_key,
    pending_step,
    required_for,
    reset_devices,
    setup_device,
    totp_device,
    verify_code,
)

SESSION_NEW_CODES = "twofactor_new_codes"
# The secret of the app being set up in this session (and nowhere else) until confirmed.
SESSION_SETUP_KEY = "twofactor_setup_key"
RESET_PERMISSION = "auth.change_user"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


def _next_url(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _credentials(user) -> dict:
    return get_credentials(user.get_username())


def reset_failed_logins(request, user) -> None:
    """A complete login clears the user's failed attempts from this address."""
    AxesProxyHandler.update_request(request)
    AxesProxyHandler.get_implementation().reset_user_attempts(request, _credentials(user))


def _complete_login(request, device) -> None:
    user = request.user
    request.session.cycle_key()  # new rights, new session key
    otp_login(request, device)
    reset_failed_logins(request, user)


class VerifyView(LoginRequiredMixin, FormView):
    """Step two of logging in: the code from the app, or a backup code."""

    template_name = "twofactor/verify.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            step = pending_step(request.user)
            if step is None:
                return HttpResponseRedirect(_next_url(request, reverse("pages:home")))
            if step == "setup":
                return HttpResponseRedirect(reverse("twofactor_setup"))
            if AxesProxyHandler.is_locked(request, _credentials(request.user)):
                return self.locked_out(request)
        return super().dispatch(request, *args, **kwargs)

    def locked_out(self, request):
        credentials = _credentials(request.user)
        logout(request)
        return lockout_response(request, credentials=credentials)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, next=_next_url(self.request, ""))

    def form_valid(self, form):
        user = self.request.user
        device = verify_code(user, form.cleaned_data["code"])
        if device is None:
            user_login_failed.send(
                sender=__name__, credentials=_credentials(user), request=self.request
            )
            if getattr(self.request, "axes_locked_out", False):
                return self.locked_out(self.request)
            form.add_error("code", _("This code is not right. Try the current code again."))
            return self.form_invalid(form)
        _complete_login(self.request, device)
        if device.persistent_id.startswith("otp_static"):
            messages.warning(
                self.request,
                _("You used a backup code; %(left)d are left.") % {"left": backup_codes_left(user)},
            )
        return HttpResponseRedirect(_next_url(self.request, reverse("pages:home")))


def qr_svg(text: str) -> str:
    """The QR code of ``text`` as inline SVG markup (no script, no external file)."""
    return segno.make(text, error="m").svg_inline(scale=4, border=2, dark="#000", light="#fff")


def grouped(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


class SetupView(LoginRequiredMixin, FormView):
    """Set up the authenticator app: scan the QR code, type the code it shows."""

    template_name = "twofactor/setup.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and has_device(request.user):
            # Replacing an app goes through a reset by a beheerder.
            if pending_step(request.user) == "verify":
                return HttpResponseRedirect(reverse("twofactor_verify"))
            return HttpResponseRedirect(reverse("twofactor_overview"))
        return super().dispatch(request, *args, **kwargs)

    def setup_key(self) -> str:
        """This session's secret: made at the first visit, kept while the code is wrong."""
        key = self.request.session.get(SESSION_SETUP_KEY)
        if not key:
            key = self.request.session[SESSION_SETUP_KEY] = new_setup_key()
        return key

    def get_context_data(self, **kwargs):
        device = setup_device(self.request.user, self.setup_key())
        secret = base64.b32encode(device.bin_key).decode().rstrip("=")
        return super().get_context_data(
            **kwargs,
            qr=mark_safe(qr_svg(device.config_url)),  # noqa: S308 - segno's own markup
            secret=grouped(secret),
            required=required_for(self.request.user),
            next=_next_url(self.request, ""),
        )

    def form_valid(self, form):
        confirmed = confirm_setup(
            user=self.request.user, key=self.setup_key(), code=form.cleaned_data["code"]
        )
        if confirmed is None:
            form.add_error(
                "code", _("This code is not right. Check the time on your phone and try again.")
            )
            return self.form_invalid(form)
        device, codes = confirmed
        del self.request.session[SESSION_SETUP_KEY]
        _complete_login(self.request, device)
        self.request.session[SESSION_NEW_CODES] = codes
        messages.success(self.request, _("Two-step login is set up."))
        target = reverse("twofactor_backup_codes")
        following = _next_url(self.request, "")
        if following:
            target += "?" + "next=" + following
        return HttpResponseRedirect(target)


class BackupCodesView(LoginRequiredMixin, TemplateView):
    """New backup codes, shown once."""

    template_name = "twofactor/backup_codes.html"

    def get(self, request, *args, **kwargs):
        codes = request.session.pop(SESSION_NEW_CODES, None)
        if not codes:
            return HttpResponseRedirect(reverse("twofactor_overview"))
        context = self.get_context_data(codes=codes, next=_next_url(request, reverse("pages:home")))
        response = self.render_to_response(context)
        response["Cache-Control"] = "no-store"
        return response


class OverviewView(LoginRequiredMixin, TemplateView):
    """One's own two-step login: set up or not, backup codes left, new backup codes."""

    template_name = "twofactor/overview.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            **kwargs,
            device=totp_device(user),
            required=required_for(user),
            codes_left=backup_codes_left(user),
        )

    def post(self, request, *args, **kwargs):
        """New backup codes (the old ones stop working)."""
        if not (has_device(request.user) and request.user.is_verified()):
            messages.error(request, _("Set up two-step login first."))
            return HttpResponseRedirect(reverse("twofactor_overview"))
        request.session[SESSION_NEW_CODES] = new_backup_codes(user=request.user)
        return HttpResponseRedirect(reverse("twofactor_backup_codes"))


def resettable_users(user):
    """Whose devices ``user`` may reset: colleagues whose account they may manage
    (core.accounts: a superuser's only by a superuser), never their own."""
    return manageable_accounts(user).exclude(pk=user.pk)


class ResetListView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    """Beheerders: who has set up two-step login; reset a lost device."""

    permission_required = RESET_PERMISSION
    template_name = "twofactor/reset_list.html"

    def get_context_data(self, **kwargs):
        users = (
            resettable_users(self.request.user)
            .filter(is_active=True)
            .prefetch_related("groups")
            .order_by("username")
        )
        with_app = set(
            TOTPDevice.objects.filter(confirmed=True, user__in=users).values_list(
                "user_id", flat=True
            )
        )
        rows = [
            {"user": user, "has_app": user.pk in with_app, "required": required_for(user)}
            for user in users
        ]
        return super().get_context_data(**kwargs, rows=rows)


class ResetView(LoginRequiredMixin, PermissionRequiredMixin, View):
    """POST: remove a colleague's app and backup codes; they set it up at their next login."""

    permission_required = RESET_PERMISSION
    http_method_names = ["post"]

    def post(self, request, pk):
        colleague = get_object_or_404(resettable_users(request.user), pk=pk)
        reset_devices(user=colleague, by=request.user)
        name = colleague.get_full_name() or colleague.get_username()
        if required_for(colleague):
            message = _(
                "Two-step login of %(name)s has been reset: they set up their app again at "
                "their next login."
            )
        else:
            # Their role does not need it: nothing is asked of them at their next login.
            message = _(
                "Two-step login of %(name)s has been reset and is off now; their role does "
                "not need it. They can switch it on again themselves."
            )
        messages.success(request, message % {"name": name})
        return HttpResponseRedirect(reverse("twofactor_reset_list"))
