"""Every create form saves once, however often it is sent (issue 14, finding 10).

The server side: a one-time token in each create form (core.onetime); the
browser side: submit-once.js disables the buttons after the first click. The
simultaneous double click is in test_races.py; here the structure and the
sequential cases.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.views.generic import CreateView

from core.onetime import FIELD, OneTimeSubmitMixin
from makelaars.models import Activiteit
from tests.fuzzing import ROLES, role_has_perms
from tests.trust.test_fuzz_forms import URL_KWARGS, form_views

TOKEN = re.compile(rf'name="{FIELD}"\s+value="([0-9a-f]{{32}})"')


def create_views() -> list[tuple[str, type]]:
    return [
        (name, view_class)
        for name, view_class, _needs in form_views()
        if issubclass(view_class, CreateView) or name.endswith(("_create", "_duplicate"))
    ]


def test_every_create_form_uses_the_one_time_token():
    views = create_views()
    assert len(views) >= 9, [name for name, _ in views]
    missing = [name for name, view in views if not issubclass(view, OneTimeSubmitMixin)]
    assert not missing


@pytest.mark.django_db
@pytest.mark.parametrize("name", [name for name, _view in create_views()])
def test_every_create_page_renders_its_token(name, world, clients):
    view_class = dict(create_views())[name]
    role = next(r for r in ROLES if role_has_perms(r, view_class.permission_required))
    kwargs = URL_KWARGS[name](world) if name in URL_KWARGS else {}
    page = clients[role].get(reverse(name, kwargs=kwargs))
    assert page.status_code == 200
    html = page.content.decode()
    tokens = TOKEN.findall(html)
    assert len(tokens) == 1, name
    form = html[: html.index(tokens[0])].rsplit("<form", 1)[-1]
    assert 'method="post"' in form, name


@pytest.fixture
def makelaar_client(world, clients):
    return clients["makelaar"]


def activity(world, **extra) -> dict:
    return {
        "datum": datetime.date.today().isoformat(),
        "wijk": str(world.wijk_a.pk),
        "soort": "bijeenkomst",
        "titel": "Buurtsoep",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "20",
        **extra,
    }


@pytest.mark.django_db
def test_a_refused_form_keeps_its_token_and_a_second_send_saves_nothing(world, makelaar_client):
    url = reverse("makelaars:activiteit_create")
    before = Activiteit.objects.count()
    token = TOKEN.search(makelaar_client.get(url).content.decode()).group(1)

    refused = makelaar_client.post(url, activity(world, titel="", **{FIELD: token}))
    assert refused.status_code == 200
    assert TOKEN.search(refused.content.decode()).group(1) == token  # the same form

    first = makelaar_client.post(url, activity(world, **{FIELD: token}))
    assert first.status_code == 302
    saved = Activiteit.objects.latest("pk")
    assert first["Location"] == saved.get_absolute_url()

    second = makelaar_client.post(url, activity(world, **{FIELD: token}), follow=True)
    assert Activiteit.objects.count() == before + 1
    assert second.redirect_chain[0][0] == saved.get_absolute_url()
    assert "al verstuurd" in second.content.decode()


@pytest.mark.django_db
def test_a_new_form_gets_a_new_token(world, makelaar_client):
    url = reverse("makelaars:activiteit_create")
    first = TOKEN.search(makelaar_client.get(url).content.decode()).group(1)
    second = TOKEN.search(makelaar_client.get(url).content.decode()).group(1)
    assert first != second
    makelaar_client.post(url, activity(world, **{FIELD: first}))
    makelaar_client.post(url, activity(world, **{FIELD: second}))
    assert Activiteit.objects.filter(titel="Buurtsoep").count() == 2


@pytest.mark.django_db
def test_a_token_is_not_someone_elses(world, clients):
    url = reverse("makelaars:activiteit_create")
    token = TOKEN.search(clients["makelaar"].get(url).content.decode()).group(1)
    clients["makelaar"].post(url, activity(world, **{FIELD: token}))
    # The coordinator sending the same token is not sent to the broker's record.
    response = clients["coordinator"].post(url, activity(world, **{FIELD: token}))
    assert response.status_code == 302
    assert response["Location"] == url
