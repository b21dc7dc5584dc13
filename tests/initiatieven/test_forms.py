"""Create/edit, veranderverhaal, funding and count forms: what is saved and what is refused."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from initiatieven.forms import VERANDERVERHAAL_MAX_LENGTH
from initiatieven.models import Deelnametelling, Financieringsaanvraag, Initiatief
from tests.factories import FinancieringsaanvraagFactory, MedewerkerFactory, ThemaFactory

FROZEN = datetime.datetime(2023, 6, 15, 10, 0, tzinfo=datetime.UTC)
TODAY = datetime.date(2023, 6, 15)


def _errors(response, field) -> str:
    return " ".join(response.context["form"].errors.get(field, []))


# --- create and edit ---------------------------------------------------------------------


@time_machine.travel(FROZEN, tick=False)
@pytest.mark.django_db
def test_create_saves_initiative_with_initial_status(client, wijk_a, makelaar):
    thema = ThemaFactory(naam="Groen")
    client.force_login(makelaar)
    url = reverse("initiatieven:initiatief_create")
    assert client.get(url).context["form"]["wijk"].initial == wijk_a.pk

    response = client.post(
        url,
        {
            "naam": "Buurtmoestuin",
            "wijk": wijk_a.pk,
            "omschrijving": "Samen tuinieren",
            "themas": [thema.pk],
            "initiatiefnemers": "Anna,  Mo,Jan Willem",
            "ondersteuners": [makelaar.medewerker.pk],
            "begin_status": "in_voorbereiding",
            "status_datum": "2023-06-01",
        },
    )
    assert response.status_code == 302
    initiatief = Initiatief.objects.get(naam="Buurtmoestuin")
    assert response.url == initiatief.get_absolute_url()
    assert initiatief.status == "in_voorbereiding"
    assert initiatief.initiatiefnemers == "Anna, Mo, Jan Willem"
    assert list(initiatief.themas.all()) == [thema]
    assert list(initiatief.ondersteuners.all()) == [makelaar.medewerker]
    [wijziging] = initiatief.statuswijzigingen.all()
    assert (wijziging.status, wijziging.datum, wijziging.door) == (
        "in_voorbereiding",
        datetime.date(2023, 6, 1),
        makelaar,
    )


@pytest.mark.django_db
def test_create_refuses_wijk_of_other_gebied(client, wijk_a, wijk_b, makelaar):
    client.force_login(makelaar)
    response = client.post(
        reverse("initiatieven:initiatief_create"),
        {"naam": "Elders", "wijk": wijk_b.pk, "begin_status": "idee", "status_datum": "2023-01-01"},
    )
    assert response.status_code == 200
    assert "geldige keuze" in _errors(response, "wijk")
    assert not Initiatief.objects.filter(naam="Elders").exists()


@pytest.mark.django_db
def test_create_refuses_forged_ids_and_bad_status(client, wijk_a, makelaar):
    client.force_login(makelaar)
    response = client.post(
        reverse("initiatieven:initiatief_create"),
        {
            "naam": "Vervalst",
            "wijk": 99999,
            "ondersteuners": [99999],
            "themas": ["abc"],
            "begin_status": "opgeheven",
            "status_datum": "2023-01-01",
        },
    )
    assert response.status_code == 200
    for field in ("wijk", "ondersteuners", "themas", "begin_status"):
        assert _errors(response, field), field
    assert not Initiatief.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("names", "count", "field", "message"),
    [
        ("Anna de Vries", "", "initiatiefnemers", "alleen voornamen"),
        ("Mo, A. Jansen", "", "initiatiefnemers", "alleen voornamen"),
        ("Anna Maria van Dijk", "", "initiatiefnemers", "alleen voornamen"),
        (", ".join(f"Naam{i}" for i in range(13)), "", "initiatiefnemers", "aantal"),
        ("Anna, Mo, Kees", "2", "aantal_initiatiefnemers", "kleiner"),
        ("", "-1", "aantal_initiatiefnemers", "0"),
    ],
)
def test_initiators_are_first_names_or_a_count(
    client, wijk_a, makelaar, names, count, field, message
):
    client.force_login(makelaar)
    response = client.post(
        reverse("initiatieven:initiatief_create"),
        {
            "naam": "Privacy",
            "wijk": wijk_a.pk,
            "initiatiefnemers": names,
            "aantal_initiatiefnemers": count,
            "begin_status": "idee",
            "status_datum": "2023-01-01",
        },
    )
    assert response.status_code == 200
    assert message in _errors(response, field)
    assert not Initiatief.objects.filter(naam="Privacy").exists()


@pytest.mark.django_db
def test_duplicate_name_in_same_wijk_is_a_form_error(client, initiatief_a, makelaar):
    client.force_login(makelaar)
    response = client.post(
        reverse("initiatieven:initiatief_create"),
        {
            "naam": initiatief_a.naam,
            "wijk": initiatief_a.wijk_id,
            "begin_status": "idee",
            "status_datum": "2023-01-01",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert Initiatief.objects.filter(naam=initiatief_a.naam).count() == 1


@time_machine.travel(FROZEN, tick=False)
@pytest.mark.django_db
def test_create_refuses_future_status_date(client, wijk_a, makelaar):
    client.force_login(makelaar)
    response = client.post(
        reverse("initiatieven:initiatief_create"),
        {"naam": "Later", "wijk": wijk_a.pk, "begin_status": "idee", "status_datum": "2023-06-16"},
    )
    assert "toekomst" in _errors(response, "status_datum")
    assert not Initiatief.objects.exists()


@pytest.mark.django_db
def test_edit_keeps_inactive_supporter_and_saves_changes(client, initiatief_a, makelaar):
    former = MedewerkerFactory(naam="Oud-collega", einddatum=datetime.date(2021, 1, 1))
    initiatief_a.ondersteuners.add(former)
    client.force_login(makelaar)
    url = reverse("initiatieven:initiatief_update", args=[initiatief_a.pk])
    assert former in client.get(url).context["form"].fields["ondersteuners"].queryset
    response = client.post(
        url,
        {
            "naam": "Moestuin Waterkwartier",
            "wijk": initiatief_a.wijk_id,
            "omschrijving": "Nieuw",
            "ondersteuners": [former.pk, makelaar.medewerker.pk],
            "aantal_initiatiefnemers": "4",
            "version": initiatief_a.version,
        },
    )
    assert response.status_code == 302
    initiatief_a.refresh_from_db()
    assert initiatief_a.omschrijving == "Nieuw"
    assert initiatief_a.aantal_initiatiefnemers == 4
    assert set(initiatief_a.ondersteuners.all()) == {former, makelaar.medewerker}


# --- veranderverhaal -----------------------------------------------------------------------


@pytest.mark.django_db
def test_veranderverhaal_saves_the_four_blocks_and_shows_them(client, initiatief_a, makelaar):
    client.force_login(makelaar)
    url = reverse("initiatieven:veranderverhaal_update", args=[initiatief_a.pk])
    data = {
        "doelgroep": "Bewoners van het Waterkwartier",
        "aanpak": "- Samen tuinieren\n- Oogstfeest",
        "directe_effecten": "Verbondenheid\nEmpowerment",
        "indirecte_bijdrage": "Meer sociale cohesie in de wijk",
        "version": initiatief_a.version,
    }
    response = client.post(url, data)
    assert response.status_code == 302
    initiatief_a.refresh_from_db()
    for field, value in data.items():
        if field != "version":
            assert getattr(initiatief_a, field) == value

    html = client.get(initiatief_a.get_absolute_url()).content.decode()
    for block in ("doelgroep", "aanpak", "directe_effecten", "indirecte_bijdrage"):
        assert f'data-block="{block}"' in html
    # Bullet marks are stripped; each line becomes an item.
    assert "<li>Samen tuinieren</li>" in html
    assert "<li>Empowerment</li>" in html


@pytest.mark.django_db
def test_veranderverhaal_refuses_over_long_input(client, initiatief_a, makelaar):
    client.force_login(makelaar)
    url = reverse("initiatieven:veranderverhaal_update", args=[initiatief_a.pk])
    response = client.post(
        url,
        {
            "doelgroep": "Buren",
            "aanpak": "x" * (VERANDERVERHAAL_MAX_LENGTH + 1),
            "directe_effecten": "",
            "indirecte_bijdrage": "",
        },
    )
    assert response.status_code == 200
    assert str(VERANDERVERHAAL_MAX_LENGTH) in _errors(response, "aanpak")
    initiatief_a.refresh_from_db()
    assert initiatief_a.doelgroep == ""  # nothing half-saved
    assert initiatief_a.aanpak == ""


# --- funding applications ------------------------------------------------------------------


@time_machine.travel(FROZEN, tick=False)
@pytest.mark.django_db
def test_funding_application_is_saved(client, initiatief_a, makelaar):
    client.force_login(makelaar)
    url = reverse("initiatieven:financiering_create", args=[initiatief_a.pk])
    assert client.get(url).context["form"]["aangevraagd_op"].initial == TODAY
    response = client.post(
        url,
        {
            "fonds": "Wensfonds",
            "bedrag": "750.50",
            "aangevraagd_op": "2023-03-01",
            "status": "toegekend",
            "besluit_op": "2023-04-01",
        },
    )
    assert response.status_code == 302
    aanvraag = initiatief_a.financieringsaanvragen.get()
    assert aanvraag.bedrag == Decimal("750.50")
    assert aanvraag.status == "toegekend"
    html = client.get(initiatief_a.get_absolute_url()).content.decode()
    assert "Wensfonds" in html
    assert "750,50" in html


@pytest.mark.django_db
def test_funding_application_can_be_updated(client, initiatief_a, makelaar):
    aanvraag = FinancieringsaanvraagFactory(initiatief=initiatief_a, bedrag=500)
    client.force_login(makelaar)
    url = reverse("initiatieven:financiering_update", args=[initiatief_a.pk, aanvraag.pk])
    response = client.post(
        url,
        {
            "fonds": "Wensfonds",
            "bedrag": "500",
            "aangevraagd_op": "2023-03-01",
            "status": "afgewezen",
            "besluit_op": "2023-03-20",
            "version": aanvraag.version,
        },
    )
    assert response.status_code == 302
    aanvraag.refresh_from_db()
    assert (aanvraag.status, aanvraag.besluit_op) == ("afgewezen", datetime.date(2023, 3, 20))


@time_machine.travel(FROZEN, tick=False)
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"bedrag": "-10"}, "bedrag", "meer dan € 0"),
        ({"bedrag": "0"}, "bedrag", "meer dan € 0"),
        ({"bedrag": "veel"}, "bedrag", "getal"),
        (
            {"status": "toegekend", "besluit_op": "2023-02-01"},
            "besluit_op",
            "vóór de aanvraagdatum",
        ),
        ({"status": "toegekend", "besluit_op": ""}, "besluit_op", "datum van het besluit"),
        ({"besluit_op": "2023-04-01"}, "status", "toegekend of afgewezen"),
        ({"aangevraagd_op": "2024-07-01"}, "aangevraagd_op", "meer dan een jaar"),
        ({"aangevraagd_op": "1923-03-01"}, "aangevraagd_op", "vóór 2000"),
        ({"status": "toegekend", "besluit_op": "2023-06-20"}, "besluit_op", "toekomst"),
        ({"status": "betaald"}, "status", "geldige keuze"),
    ],
)
def test_funding_application_refuses_bad_input(
    client, initiatief_a, makelaar, changes, field, message
):
    client.force_login(makelaar)
    data = {
        "fonds": "Wensfonds",
        "bedrag": "100",
        "aangevraagd_op": "2023-03-01",
        "status": "aangevraagd",
        "besluit_op": "",
        **changes,
    }
    response = client.post(
        reverse("initiatieven:financiering_create", args=[initiatief_a.pk]), data
    )
    assert response.status_code == 200
    assert message in _errors(response, field)
    assert not Financieringsaanvraag.objects.exists()


# --- counts ---------------------------------------------------------------------------------


@time_machine.travel(FROZEN, tick=False)
@pytest.mark.django_db
def test_count_is_saved_and_shown(client, initiatief_a, makelaar):
    client.force_login(makelaar)
    url = reverse("initiatieven:telling_create", args=[initiatief_a.pk])
    response = client.post(url, {"datum": "2023-06-01", "vrijwilligers": "7", "deelnemers": "40"})
    assert response.status_code == 302
    telling = initiatief_a.tellingen.get()
    assert (telling.vrijwilligers, telling.deelnemers) == (7, 40)


@time_machine.travel(FROZEN, tick=False)
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"datum": "2023-05-01", "vrijwilligers": "3", "deelnemers": "9"},
            "datum",
            "al een telling",
        ),
        ({"datum": "2023-06-16", "vrijwilligers": "3", "deelnemers": "9"}, "datum", "toekomst"),
        ({"datum": "2025-06-16", "vrijwilligers": "3", "deelnemers": "9"}, "datum", "jaar"),
        ({"datum": "0203-06-01", "vrijwilligers": "3", "deelnemers": "9"}, "datum", "vóór 2000"),
        ({"datum": "2023-06-01", "vrijwilligers": "-1", "deelnemers": "9"}, "vrijwilligers", "0"),
        ({"datum": "", "vrijwilligers": "3", "deelnemers": "9"}, "datum", "verplicht"),
    ],
)
def test_count_refuses_bad_input(client, initiatief_a, makelaar, data, field, message):
    Deelnametelling.objects.create(
        initiatief=initiatief_a, datum=datetime.date(2023, 5, 1), vrijwilligers=2, deelnemers=5
    )
    client.force_login(makelaar)
    response = client.post(reverse("initiatieven:telling_create", args=[initiatief_a.pk]), data)
    assert response.status_code == 200
    assert message in _errors(response, field)
    assert initiatief_a.tellingen.count() == 1


@time_machine.travel(FROZEN, tick=False)
@pytest.mark.django_db
def test_same_day_count_for_another_initiative_is_fine(client, initiatief_a, wijk_a, makelaar):
    other = Initiatief.objects.create(naam="Ander initiatief", wijk=wijk_a)
    Deelnametelling.objects.create(initiatief=other, datum=datetime.date(2023, 5, 1))
    client.force_login(makelaar)
    response = client.post(
        reverse("initiatieven:telling_create", args=[initiatief_a.pk]),
        {"datum": "2023-05-01", "vrijwilligers": "1", "deelnemers": "2"},
    )
    assert response.status_code == 302
    assert Deelnametelling.objects.count() == 2
