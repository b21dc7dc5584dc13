"""The rate-limit rows of the public questionnaire cannot be traced back to an address:
hashed with a random salt of the day that is deleted afterwards, and deleted
themselves once their window has ended."""

from __future__ import annotations

import datetime
import hashlib
import hmac

from django.core.management import call_command

from metingen import ratelimit
from metingen.models import Dagzout, Verzoekteller

ADDRESS = "203.0.113.77"
NOON = datetime.datetime(2024, 3, 12, 12, 0, tzinfo=datetime.UTC)


def stored_keys() -> set[str]:
    return set(Verzoekteller.objects.values_list("sleutel", flat=True))


def test_the_key_is_not_a_hash_with_the_secret_key(db, settings):
    assert ratelimit.allow(ADDRESS, now=NOON)
    with_secret = hmac.new(settings.SECRET_KEY.encode(), ADDRESS.encode(), hashlib.sha256)
    assert stored_keys() and with_secret.hexdigest() not in stored_keys()
    assert all(ADDRESS not in key for key in stored_keys())


def test_the_salt_is_random_not_derived_from_the_secret_key(db):
    """Same secret key, same address, same day: once the salt is gone the key differs."""
    ratelimit.allow(ADDRESS, now=NOON)
    first = stored_keys()
    Dagzout.objects.all().delete()
    Verzoekteller.objects.all().delete()
    ratelimit.allow(ADDRESS, now=NOON)
    assert stored_keys() and stored_keys().isdisjoint(first)


def test_a_new_day_has_a_new_salt_and_the_old_one_is_deleted(db):
    ratelimit.allow(ADDRESS, now=NOON)
    today = stored_keys()
    ratelimit.allow(ADDRESS, now=NOON + datetime.timedelta(days=1))
    assert stored_keys().isdisjoint(today)
    assert list(Dagzout.objects.values_list("dag", flat=True)) == [datetime.date(2024, 3, 13)]


def test_a_window_that_ended_is_deleted_by_the_next_request(db):
    ratelimit.allow(ADDRESS, now=NOON)
    ratelimit.allow("198.51.100.9", now=NOON + datetime.timedelta(minutes=10))
    assert Verzoekteller.objects.count() == 1
    assert Verzoekteller.objects.get().venster == NOON + datetime.timedelta(minutes=10)


def test_the_cleanup_command_deletes_ended_windows_without_any_request(db, time_machine):
    time_machine.move_to(NOON, tick=False)
    ratelimit.allow(ADDRESS)
    call_command("metingen_opruimen")
    assert Verzoekteller.objects.count() == 1  # its window is still running
    time_machine.move_to(NOON + datetime.timedelta(minutes=10), tick=False)
    call_command("metingen_opruimen")
    assert not Verzoekteller.objects.exists()


def test_the_limit_still_counts_within_a_window(db, settings):
    settings.METINGEN_RATE_LIMIT = 2
    results = [ratelimit.allow(ADDRESS, now=NOON + datetime.timedelta(seconds=s)) for s in range(3)]
    assert results == [True, True, False]
    assert Verzoekteller.objects.get().aantal == 3
