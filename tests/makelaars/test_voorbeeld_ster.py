"""The report-example star: one tap for a coordinator, refused (403) for a broker."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from core.roles import Role
from makelaars.models import Activiteit
from tests.factories import ActiviteitFactory, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def activiteit(wijk_a, makelaar):
    activiteit = ActiviteitFactory(wijk=wijk_a, aangemaakt_door=makelaar, titel="Buurtsoep")
    activiteit.medewerkers.add(makelaar.medewerker)
    return activiteit


def url(activiteit) -> str:
    return reverse("makelaars:activiteit_voorbeeld", args=[activiteit.pk])


def test_a_coordinator_marks_and_unmarks_in_one_tap_with_htmx(client_for, coordinator, activiteit):
    client = client_for(coordinator)
    version = activiteit.version

    response = client.post(url(activiteit), {"voorbeeld": "1"}, HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    activiteit.refresh_from_db()
    assert activiteit.is_voorbeeld and activiteit.version == version + 1
    html = response.content.decode()
    assert html.lstrip().startswith("<button") and "<html" not in html  # just the star
    assert 'aria-pressed="true"' in html and 'name="voorbeeld" value="0"' in html

    response = client.post(url(activiteit), {"voorbeeld": "0"}, HTTP_HX_REQUEST="true")
    activiteit.refresh_from_db()
    assert not activiteit.is_voorbeeld
    assert 'aria-pressed="false"' in response.content.decode()


def test_without_javascript_the_star_returns_to_the_page(client_for, coordinator, activiteit):
    client = client_for(coordinator)
    back = reverse("pages:wijk_detail", args=[activiteit.wijk_id]) + "?jaar=2023"
    response = client.post(url(activiteit), {"voorbeeld": "1", "next": back})
    assert response.status_code == 302 and response["Location"] == back
    response = client.post(url(activiteit), {"voorbeeld": "0", "next": "https://evil.example/"})
    assert response["Location"] == activiteit.get_absolute_url()


def test_twice_the_same_tap_keeps_the_mark(client_for, coordinator, activiteit):
    client = client_for(coordinator)
    client.post(url(activiteit), {"voorbeeld": "1"})
    client.post(url(activiteit), {"voorbeeld": "1"})
    assert Activiteit.objects.get(pk=activiteit.pk).is_voorbeeld


def test_a_broker_gets_403_and_nothing_changes(client_for, makelaar, activiteit):
    client = client_for(makelaar)
    before = Activiteit.objects.filter(pk=activiteit.pk).values().get()

    for voorbeeld in ("1", "0"):
        response = client.post(url(activiteit), {"voorbeeld": voorbeeld}, HTTP_HX_REQUEST="true")
        assert response.status_code == 403

    assert Activiteit.objects.filter(pk=activiteit.pk).values().get() == before


def test_get_is_not_allowed(client_for, coordinator, activiteit):
    assert client_for(coordinator).get(url(activiteit)).status_code == 405


def test_stars_show_on_the_list_and_the_wijk_page(client_for, coordinator, makelaar, activiteit):
    activiteit.is_voorbeeld = True
    activiteit.save()
    wijk_page = reverse("pages:wijk_detail", args=[activiteit.wijk_id]) + "?jaar=2023"
    for page in (reverse("makelaars:activiteit_list"), wijk_page):
        html = client_for(coordinator).get(page).content.decode()
        assert f'data-testid="ster-{activiteit.pk}"' in html and 'aria-pressed="true"' in html
        # A broker sees the star, without the button.
        html = client_for(makelaar).get(page).content.decode()
        assert f'data-testid="ster-{activiteit.pk}"' in html and "aria-pressed" not in html


def test_each_user_taps_with_their_own_token_when_the_rows_come_from_the_cache(
    coordinator, activiteit
):
    """The list keeps its rendered rows for everyone with the same scope; the CSRF
    token is in the page's one ``ster-form``, outside them, so a second coordinator
    gets rows rendered for the first and still a token of their own."""
    second = make_user(Role.COORDINATOR, username="coordinator2")
    list_url = reverse("makelaars:activiteit_list")
    tokens = []
    for user in (coordinator, second):
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        html = client.get(list_url).content.decode()
        assert f'data-testid="ster-{activiteit.pk}"' in html and 'form="ster-form"' in html
        form = re.search(r'<form id="ster-form".*?</form>', html, re.S).group(0)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        tokens.append(token)
        wanted = "0" if Activiteit.objects.get(pk=activiteit.pk).is_voorbeeld else "1"
        response = client.post(
            url(activiteit),
            {"voorbeeld": wanted, "csrfmiddlewaretoken": token, "next": list_url},
        )
        assert response.status_code == 302 and response["Location"] == list_url
        assert Activiteit.objects.get(pk=activiteit.pk).is_voorbeeld == (wanted == "1")
    assert tokens[0] != tokens[1]
