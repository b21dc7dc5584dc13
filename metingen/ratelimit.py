"""A rate limit per address for the public questionnaire, kept in the database.

Why the database: the app runs in several gunicorn processes, and no shared
cache is configured (Django's default cache lives inside one process, so each
worker would count on its own and the limit would multiply by the number of
workers). The database is already shared by all of them and transactional, so
one counter row per address and time window is counted exactly, with one
UPDATE ... SET aantal = aantal + 1. A shared cache (Redis, Memcached) would do
too, but is one more service to run for a handful of answers a day.

The address is stored only as an HMAC with the secret key (it cannot be read
back), never together with an answer, and windows older than the previous one
are deleted when a new window starts.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import Verzoekteller

# At most this many answers per address per window (a community centre's wifi
# may carry a whole meeting, so not too few). Settings can change both.
DEFAULT_LIMIT = 30
DEFAULT_WINDOW_SECONDS = 600


def limit_and_window() -> tuple[int, int]:
    return (
        getattr(settings, "METINGEN_RATE_LIMIT", DEFAULT_LIMIT),
        getattr(settings, "METINGEN_RATE_WINDOW_SECONDS", DEFAULT_WINDOW_SECONDS),
    )


def address_key(address: str | None) -> str:
    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, (address or "unknown").encode(), hashlib.sha256).hexdigest()


@transaction.atomic
def allow(address: str | None, *, now=None) -> bool:
    """Count one attempt from ``address``; False once the window's limit is passed."""
    limit, window_seconds = limit_and_window()
    now = now or timezone.now()
    start = int(now.timestamp()) // window_seconds * window_seconds
    window = datetime.datetime.fromtimestamp(start, tz=datetime.UTC)
    key = address_key(address)
    updated = Verzoekteller.objects.filter(sleutel=key, venster=window).update(
        aantal=F("aantal") + 1
    )
    if not updated:
        try:
            with transaction.atomic():
                Verzoekteller.objects.create(sleutel=key, venster=window, aantal=1)
        except IntegrityError:  # another process created it just now
            Verzoekteller.objects.filter(sleutel=key, venster=window).update(aantal=F("aantal") + 1)
        else:
            previous = window - datetime.timedelta(seconds=window_seconds)
            Verzoekteller.objects.filter(venster__lt=previous).delete()
    count = Verzoekteller.objects.filter(sleutel=key, venster=window).values_list(
        "aantal", flat=True
    )[0]
    return count <= limit
