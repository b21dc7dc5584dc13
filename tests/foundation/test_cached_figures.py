"""Cached totals and counts follow every write, also one made by another process."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from core.datacache import all_versions, bump, deferred_bumps
from core.models import DataVersion
from makelaars.models import Activiteit
from tests.factories import ActiviteitFactory, OrganisatieFactory, WijkFactory

pytestmark = pytest.mark.django_db

LIST = reverse("makelaars:activiteit_list")


def totals(client, **params):
    return client.get(LIST, params).context["totals"]


def test_totals_follow_saves_deletes_and_links(client_for, makelaar, wijk_a):
    client = client_for(makelaar)
    first = ActiviteitFactory(wijk=wijk_a, datum=timezone.localdate(), bewoners_bereikt=10)
    assert totals(client)["aantal"] == 1
    assert totals(client)["aantal"] == 1  # from the cache now

    ActiviteitFactory(wijk=wijk_a, datum=timezone.localdate(), bewoners_bereikt=5)
    assert totals(client) == {"aantal": 2, "bereikt": 15, "geactiveerd": 0}

    first.bewoners_bereikt = 20
    first.save()
    assert totals(client)["bereikt"] == 25

    partner = OrganisatieFactory()
    assert totals(client, partner=partner.pk)["aantal"] == 0
    first.partners.add(partner)
    assert totals(client, partner=partner.pk)["aantal"] == 1

    first.delete()
    assert totals(client)["aantal"] == 1


def test_a_write_by_another_process_is_seen(client_for, makelaar, wijk_a):
    """Another gunicorn worker or machine writes (no signal in this process): it
    changes the token in the database, so this process's cached entry is missed."""
    client = client_for(makelaar)
    ActiviteitFactory(wijk=wijk_a)
    assert totals(client)["aantal"] == 1
    Activiteit.objects.bulk_create([Activiteit(wijk=wijk_a, datum="2023-05-01", titel="Elders")])
    assert totals(client)["aantal"] == 1  # no signal: this process cannot know yet
    DataVersion.objects.filter(key="activiteiten").update(token="set-by-another-worker")
    assert totals(client)["aantal"] == 2


def test_deferred_bumps_replace_each_token_once_at_the_end(client_for, makelaar, wijk_a):
    client = client_for(makelaar)
    assert totals(client)["aantal"] == 0
    bump("activiteiten")
    before = DataVersion.objects.get(key="activiteiten").token
    with deferred_bumps():
        for _ in range(3):
            ActiviteitFactory(wijk=wijk_a)
        with deferred_bumps():  # nested blocks leave the bump to the outer one
            ActiviteitFactory(wijk=wijk_a)
        assert DataVersion.objects.get(key="activiteiten").token == before
    assert DataVersion.objects.get(key="activiteiten").token != before
    assert totals(client)["aantal"] == 4


def test_scopes_do_not_share_figures(client_for, makelaar, makelaar_b, coordinator, wijk_a, wijk_b):
    ActiviteitFactory(wijk=wijk_a)
    ActiviteitFactory(wijk=wijk_b)
    ActiviteitFactory(wijk=wijk_b)
    assert totals(client_for(makelaar))["aantal"] == 1
    assert totals(client_for(makelaar_b))["aantal"] == 2
    assert totals(client_for(coordinator))["aantal"] == 3


def test_tokens_are_new_on_every_bump_and_read_in_one_query(django_assert_num_queries):
    bump("proef")
    before = all_versions()["proef"]
    bump("proef")
    with django_assert_num_queries(1):
        after = all_versions()
    assert after["proef"] != before
    cache.clear()


def test_the_cached_filter_panel_follows_the_query_and_the_data(client_for, coordinator, gebied_a):
    client = client_for(coordinator)
    first = client.get(LIST, {"q": "koffie"}).content.decode()
    assert 'value="koffie"' in first
    # Another query is another panel, though the data did not change.
    other = client.get(LIST, {"q": "moestuin"}).content.decode()
    assert 'value="moestuin"' in other and 'value="koffie"' not in other
    # A new wijk is offered at once (its save replaced the "wijken" token).
    assert "Nieuwe Hoven" not in client.get(LIST, {"q": "koffie"}).content.decode()
    WijkFactory(naam="Nieuwe Hoven", gebied=gebied_a)
    assert "Nieuwe Hoven" in client.get(LIST, {"q": "koffie"}).content.decode()
