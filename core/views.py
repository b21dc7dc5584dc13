"""Pages of the app shell that belong to no register: privacy statement, password reset."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import render
from django.views.generic import TemplateView

from .forms import LoginForm


class PrivacyView(LoginRequiredMixin, TemplateView):
    """What the app stores about whom, who sees it and how long (AVG)."""

    template_name = "core/privacy.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["retention_months"] = settings.BUURTSERVICE_RETENTION_MONTHS
        return context


class LoginView(auth_views.LoginView):
    """Django's login; "stay logged in" keeps the session for SESSION_REMEMBER_AGE.

    Unticked, the session ends when the browser closes (SESSION_EXPIRE_AT_BROWSER_CLOSE).
    """

    authentication_form = LoginForm

    def form_valid(self, form):
        response = super().form_valid(form)
        if form.cleaned_data.get("ingelogd_blijven"):
            self.request.session.set_expiry(settings.SESSION_REMEMBER_AGE)
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's view; the logged-in user (if any) is read before the password changes.

    The audit trail asks for ``request.user`` while the new password is saved.
    Read only then, Django finds the session's password hash stale and flushes
    the session, and the view's own ``del session[...]`` raises KeyError: a 500
    for a user who opens their own reset link while logged in.
    """

    def form_valid(self, form):
        _ = self.request.user.is_authenticated  # evaluate the lazy user now
        return super().form_valid(form)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the Dutch "form expired" page in the app's layout."""
    return render(request, "403_csrf.html", status=403)
