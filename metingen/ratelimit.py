"""A rate limit per address for the public questionnaire, kept in the database.

Why the database: the app runs in several gunicorn processes, and no shared
cache is configured (Django's default cache lives inside one process, so each
worker would count on its own and the limit would multiply by the number of
workers). The database is already shared by all of them and transactional, so
one counter row per address and time window is counted exactly, with one
UPDATE ... SET aantal = aantal + 1. A shared cache (Redis, Memcached) would do
too, but is one more service to run for a handful of answers a day.

What is kept must not lead back to a resident. An address hashed with a fixed
secret can be recovered by hashing every IPv4 address (there are only four
billion) and then matched, by count and time, to the newest answers. So:

- the address is hashed with a random salt of the day (``Dagzout``), drawn from
  the operating system, not derived from the secret key; the salt of an earlier
  day is deleted, and with it any way to try addresses against older rows;
- a counter row holds the hash, the start of its window and a count, nothing else;
- rows of a window that has ended are deleted by the next request, and by
  ``manage.py metingen_opruimen`` (run it every few minutes from cron or a
  systemd timer) when no request comes.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import Dagzout, Verzoekteller

# At most this many answers per address per window (a community centre's wifi
# may carry a whole meeting, so not too few). Settings can change both.
DEFAULT_LIMIT = 30
DEFAULT_WINDOW_SECONDS = 600
SALT_BYTES = 32


def limit_and_window() -> tuple[int, int]:
    return (
        getattr(settings, "METINGEN_RATE_LIMIT", DEFAULT_LIMIT),
        getattr(settings, "METINGEN_RATE_WINDOW_SECONDS", DEFAULT_WINDOW_SECONDS),
    )


def window_start(now: datetime.datetime) -> datetime.datetime:
    _limit, window_seconds = limit_and_window()
    start = int(now.timestamp()) // window_seconds * window_seconds
    return datetime.datetime.fromtimestamp(start, tz=datetime.UTC)


def salt_of(day: datetime.date) -> bytes:
    """The random salt of ``day``, made by whichever process needs it first."""
    found = Dagzout.objects.filter(dag=day).values_list("zout", flat=True).first()
    if found is None:
        try:
            with transaction.atomic():
                Dagzout.objects.create(dag=day, zout=secrets.token_hex(SALT_BYTES))
        except IntegrityError:  # another process made it just now
            pass
        found = Dagzout.objects.values_list("zout", flat=True).get(dag=day)
    return bytes.fromhex(found)


def address_key(address: str | None, *, day: datetime.date) -> str:
    return hmac.new(salt_of(day), (address or "unknown").encode(), hashlib.sha256).hexdigest()


def prune(*, now=None) -> None:
    """Delete the counters of ended windows and the salts of earlier days."""
    now = now or timezone.now()
    Verzoekteller.objects.filter(venster__lt=window_start(now)).delete()
    Dagzout.objects.filter(dag__lt=timezone.localdate(now)).delete()


@transaction.atomic
def allow(address: str | None, *, now=None) -> bool:
    """Count one attempt from ``address``; False once the window's limit is passed."""
    limit, _window_seconds = limit_and_window()
    now = now or timezone.now()
    prune(now=now)
    window = window_start(now)
    key = address_key(address, day=timezone.localdate(now))
    updated = Verzoekteller.objects.filter(sleutel=key, venster=window).update(
        aantal=F("aantal") + 1
    )
    if not updated:
        try:
            with transaction.atomic():
                Verzoekteller.objects.create(sleutel=key, venster=window, aantal=1)
        except IntegrityError:  # another process created it just now
            Verzoekteller.objects.filter(sleutel=key, venster=window).update(aantal=F("aantal") + 1)
    count = Verzoekteller.objects.filter(sleutel=key, venster=window).values_list(
        "aantal", flat=True
    )[0]
    return count <= limit
