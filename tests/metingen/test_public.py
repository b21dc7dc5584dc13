"""The public questionnaire: no login, nothing identifying stored, abuse held off."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import models
from django.test import Client
from django.urls import reverse

from metingen.models import Antwoord, Inzending, Verzoekteller
from metingen.services import issue_codes, set_open

ADDRESS = "203.0.113.77"


def url(m):
    return reverse("metingen_public:invullen", args=[m.vragenlijst.token])


def payload(m, values=(5, 4, 3), open_antwoord="Fijn dat het er is", code=None):
    """The form as a resident sends it, with a fresh answer code from a slip."""
    if code is None:
        code = issue_codes(vragenlijst=m.vragenlijst, aantal=1)[0] if m.vragenlijst.is_open else ""
    data = {f"s{s.pk}": str(v) for s, v in zip(m.stellingen, values, strict=True)}
    data["open_antwoord"] = open_antwoord
    data["website"] = ""
    data["code"] = code
    return data


def test_a_resident_answers_without_an_account(m):
    client = Client(REMOTE_ADDR=ADDRESS)
    page = client.get(url(m))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Door de huiskamer ken ik meer buren." in body
    assert body.count("<main") == 1
    response = client.post(url(m), payload(m))
    assert response.status_code == 302
    assert response["Location"] == reverse("metingen_public:bedankt", args=[m.vragenlijst.token])
    inzending = Inzending.objects.get()
    assert inzending.open_antwoord == "Fijn dat het er is"
    assert sorted(Antwoord.objects.values_list("waarde", flat=True)) == [3, 4, 5]
    assert client.get(response["Location"]).status_code == 200


def test_no_address_is_stored_anywhere(m):
    client = Client(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT="TestPhone/1.0")
    client.post(url(m), payload(m))
    assert Inzending.objects.count() == 1
    for model in apps.get_app_config("metingen").get_models():
        for obj in model._default_manager.all():
            for field in model._meta.concrete_fields:
                if isinstance(field, models.CharField | models.TextField):
                    value = str(getattr(obj, field.attname))
                    assert ADDRESS not in value and "TestPhone" not in value, (model, field)
    # The rate limit keeps a keyed hash, never the address.
    assert Verzoekteller.objects.get().sleutel != ADDRESS


def test_an_unknown_link_is_404(m):
    assert (
        Client().get(reverse("metingen_public:invullen", args=["bestaat-niet"])).status_code == 404
    )


def test_a_closed_questionnaire_gets_a_friendly_page(m):
    client = Client(REMOTE_ADDR=ADDRESS)
    client.get(url(m))  # the resident opened it before it closed
    set_open(vragenlijst=m.vragenlijst, is_open=False, today=m.vragenlijst.startdatum)
    page = client.get(url(m))
    assert page.status_code == 200
    assert 'data-testid="gesloten"' in page.content.decode()
    response = client.post(url(m), payload(m))
    assert response.status_code == 410
    assert "gesloten" in response.content.decode().lower()
    assert not Inzending.objects.exists()


def test_the_honeypot_looks_like_success_but_stores_nothing(m):
    data = payload(m)
    data["website"] = "http://spam.example"
    response = Client(REMOTE_ADDR=ADDRESS).post(url(m), data)
    assert response.status_code == 302
    assert not Inzending.objects.exists()


def test_the_rate_limit_per_address(m, settings):
    settings.METINGEN_RATE_LIMIT = 3
    settings.METINGEN_MAX_PER_APPARAAT = 100
    statuses = [Client(REMOTE_ADDR=ADDRESS).post(url(m), payload(m)).status_code for _ in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    assert Inzending.objects.count() == 3
    # Another address is not held back.
    assert Client(REMOTE_ADDR="198.51.100.9").post(url(m), payload(m)).status_code == 302


def test_the_rate_limit_counts_across_processes_in_the_database(m, settings):
    """Two clients (as two gunicorn workers would see them) share one counter row."""
    settings.METINGEN_RATE_LIMIT = 2
    from metingen.ratelimit import allow

    assert allow(ADDRESS) and allow(ADDRESS)
    assert not allow(ADDRESS)
    assert Verzoekteller.objects.get().aantal == 3


def test_a_device_answers_at_most_the_maximum(m, settings):
    settings.METINGEN_MAX_PER_APPARAAT = 2
    client = Client(REMOTE_ADDR=ADDRESS)
    assert client.post(url(m), payload(m)).status_code == 302
    assert client.post(url(m), payload(m)).status_code == 302
    third = client.post(url(m), payload(m))
    assert third.status_code == 429
    assert 'data-testid="al-ingevuld"' in third.content.decode()
    assert 'data-testid="al-ingevuld"' in client.get(url(m)).content.decode()
    assert Inzending.objects.count() == 2
    # A forged cookie is not trusted: it counts as a fresh device, not as zero answers.
    client.cookies[f"sw_vragenlijst_{m.vragenlijst.pk}"] = "0"
    assert client.post(url(m), payload(m)).status_code == 302


def test_csrf_is_required(m):
    client = Client(enforce_csrf_checks=True, REMOTE_ADDR=ADDRESS)
    assert client.post(url(m), payload(m)).status_code == 403
    assert not Inzending.objects.exists()


def test_the_page_runs_under_the_strict_csp(m):
    response = Client().get(url(m))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "<script" not in response.content.decode()


@pytest.mark.parametrize(
    ("values", "open_antwoord", "error"),
    [
        (("", "", ""), "", "Nog niets beantwoord"),
        ((5, 4, 3), "Bel me op 06-12345678", "telefoonnummer"),
        ((5, 4, 3), "Bel me op 06-12-34-56-78", "telefoonnummer"),
        ((5, 4, 3), "Groet, mevrouw Jansen, Dorpsstraat 12", "straat met huisnummer"),
        ((5, 4, 3), "jan.jansen[at]gmail.com", "e-mailadres"),
        ((9, 4, 3), "", "geldige keuze"),
    ],
)
def test_bad_answers_are_refused_in_dutch(m, values, open_antwoord, error):
    response = Client(REMOTE_ADDR=ADDRESS).post(url(m), payload(m, values, open_antwoord))
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Inzending.objects.exists()
