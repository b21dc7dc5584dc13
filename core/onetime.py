"""Create forms that save once, however often they are sent.

A double click, a second tap on a slow phone connection or the browser's
"send again" used to make two records. Every create form now carries a random
one-time token (a hidden field). The first request that brings it claims it
by inserting a ``FormSubmission`` row in the same transaction that saves the
record; a second request with the same token finds the token taken (on
PostgreSQL it waits for the first to commit, on SQLite the IMMEDIATE
transaction queues it) and is sent to what the first one saved, with a
message, instead of saving again. A refused form (invalid input) releases the
token, so the corrected form can be sent with it. A request without a token
(not from one of our forms) is handled as before.

In the browser, ``static/js/submit-once.js`` also disables a form's
buttons after the first submit.
"""

from __future__ import annotations

import datetime
import re
import secrets

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import FormSubmission

FIELD = "submission_token"
TOKEN_PATTERN = re.compile(r"^[0-9a-f]{32}$")
# Tokens are kept this long: enough for any "send again".
KEEP = datetime.timedelta(days=2)


def new_token() -> str:
    return secrets.token_hex(16)


def posted_token(request) -> str | None:
    token = request.POST.get(FIELD, "")
    return token if TOKEN_PATTERN.match(token) else None


class AlreadySubmitted(Exception):
    pass


def claim(*, token: str, user) -> FormSubmission:
    """Take ``token`` for this request; ``AlreadySubmitted`` when it was used before.

    Must run inside the transaction that saves the record.
    """
    try:
        with transaction.atomic():
            return FormSubmission.objects.create(token=token, user=user)
    except IntegrityError:
        raise AlreadySubmitted from None


def forget_old_tokens() -> None:
    FormSubmission.objects.filter(created_at__lt=timezone.now() - KEEP).delete()


class OneTimeSubmitMixin:
    """For create views: the form carries a one-time token and saves once.

    Put it before the view class that defines ``post``. The template renders
    the token with ``{% submission_token %}`` inside its ``<form>`` (forms that
    draw their own ``<form>`` tag through a crispy helper get it added there).
    """

    def get_submission_token(self) -> str:
        if not hasattr(self, "_submission_token"):
            posted = posted_token(self.request) if self.request.method == "POST" else None
            self._submission_token = posted or new_token()
        return self._submission_token

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        helper = getattr(form, "helper", None)
        if helper is not None and helper.form_tag:
            from crispy_forms.layout import Hidden

            helper.inputs = [i for i in helper.inputs if getattr(i, "name", None) != FIELD]
            helper.add_input(Hidden(FIELD, self.get_submission_token()))
        return form

    def get_context_data(self, **kwargs):
        kwargs.setdefault(FIELD, self.get_submission_token())
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        token = posted_token(request)
        if token is None:
            return super().post(request, *args, **kwargs)
        try:
            with transaction.atomic():
                submission = claim(token=token, user=request.user)
                response = super().post(request, *args, **kwargs)
                if isinstance(response, HttpResponseRedirect):
                    submission.result_url = response["Location"][:500]
                    submission.save(update_fields=["result_url"])
                else:
                    # Refused: nothing was saved; the token may be used again.
                    transaction.set_rollback(True)
        except AlreadySubmitted:
            return self.already_submitted(token)
        if isinstance(response, HttpResponseRedirect):
            forget_old_tokens()
        return response

    def already_submitted(self, token: str):
        earlier = FormSubmission.objects.filter(token=token, user=self.request.user).first()
        messages.info(
            self.request,
            _("This form had already been sent: it was saved once, not twice."),
        )
        if earlier is not None and earlier.result_url:
            return HttpResponseRedirect(earlier.result_url)
        return HttpResponseRedirect(self.request.get_full_path())
