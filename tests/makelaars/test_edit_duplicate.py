"""Editing, duplicating and deleting an activity with its links and photos."""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from makelaars.models import Activiteit, ActiviteitFoto, ActiviteitLink
from makelaars.services import add_fotos
from tests.factories import ActiviteitFactory, OrganisatieFactory, ThemaFactory, png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def activiteit(makelaar, wijk_a, media_root):
    activiteit = ActiviteitFactory(
        titel="Wekelijkse inloop",
        datum=datetime.date(2024, 3, 4),
        wijk=wijk_a,
        soort="inloop",
        rol="verbinden",
        beschrijving="Elke maandag",
        bewoners_bereikt=12,
        bewoners_geactiveerd=1,
        cijfers="12 bezoekers",
        aangemaakt_door=makelaar,
        is_voorbeeld=True,
    )
    activiteit.themas.add(ThemaFactory(naam="Ontmoeting"))
    activiteit.partners.add(OrganisatieFactory(naam="Bibliotheek"))
    activiteit.medewerkers.add(makelaar.medewerker)
    ActiviteitLink.objects.create(activiteit=activiteit, url="https://example.org/inloop")
    add_fotos(
        activiteit=activiteit,
        files=[SimpleUploadedFile("inloop.png", png_bytes(), content_type="image/png")],
    )
    return activiteit


def edit_data(activiteit, **extra):
    link = activiteit.links.get()
    data = {
        "datum": activiteit.datum.isoformat(),
        "wijk": activiteit.wijk_id,
        "soort": activiteit.soort,
        "titel": activiteit.titel,
        "rol": activiteit.rol,
        "themas": [t.pk for t in activiteit.themas.all()],
        "medewerkers": [m.pk for m in activiteit.medewerkers.all()],
        "partners": [p.pk for p in activiteit.partners.all()],
        "bewoners_bereikt": activiteit.bewoners_bereikt,
        "links-TOTAL_FORMS": "2",
        "links-INITIAL_FORMS": "1",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "20",
        "links-0-id": link.pk,
        "links-0-activiteit": activiteit.pk,
        "links-0-url": link.url,
        "links-1-url": "",
        # The version the editor started from (lost-update protection).
        "version": activiteit.version,
    }
    data.update(extra)
    return data


def test_edit_changes_fields_links_and_removes_a_photo(makelaar, client_for, activiteit):
    foto = activiteit.fotos.get()
    path = foto.bestand.path
    data = edit_data(
        activiteit,
        titel="Wekelijkse inloop (aangepast)",
        **{"links-0-DELETE": "on", "links-1-url": "https://example.org/nieuw"},
    )
    data["fotos_verwijderen"] = [foto.pk]
    response = client_for(makelaar).post(
        reverse("makelaars:activiteit_update", args=[activiteit.pk]), data
    )
    assert response.status_code == 302, response.context["form"].errors
    activiteit.refresh_from_db()
    assert activiteit.titel == "Wekelijkse inloop (aangepast)"
    assert [link.url for link in activiteit.links.all()] == ["https://example.org/nieuw"]
    assert not ActiviteitFoto.objects.exists()
    # The author and the example flag set by a coordinator stay as they were.
    assert activiteit.aangemaakt_door == makelaar
    assert activiteit.is_voorbeeld is True
    assert path  # the file itself is removed after the commit (on_commit)


def test_edit_removes_photo_file_after_commit(
    makelaar, client_for, activiteit, django_capture_on_commit_callbacks
):
    foto = activiteit.fotos.get()
    data = edit_data(activiteit)
    data["fotos_verwijderen"] = [foto.pk]
    with django_capture_on_commit_callbacks(execute=True):
        client_for(makelaar).post(
            reverse("makelaars:activiteit_update", args=[activiteit.pk]), data
        )
    assert not foto.bestand.storage.exists(foto.bestand.name)


def test_refused_edit_changes_nothing(makelaar, client_for, activiteit):
    data = edit_data(activiteit, titel="Nieuwe titel", bewoners_bereikt="-1")
    response = client_for(makelaar).post(
        reverse("makelaars:activiteit_update", args=[activiteit.pk]), data
    )
    assert response.status_code == 200
    activiteit.refresh_from_db()
    assert activiteit.titel == "Wekelijkse inloop"
    assert 'value="Nieuwe titel"' in response.content.decode()


@time_machine.travel(datetime.datetime(2024, 5, 15, 10, 0), tick=False)
def test_duplicate_copies_everything_but_the_date(makelaar, client_for, activiteit):
    client = client_for(makelaar)
    url = reverse("makelaars:activiteit_duplicate", args=[activiteit.pk])
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["datum"] == datetime.date(2024, 5, 15)
    assert form.initial["titel"] == "Wekelijkse inloop"
    assert form.initial["themas"] == [t.pk for t in activiteit.themas.all()]
    assert form.initial["partners"] == [p.pk for p in activiteit.partners.all()]
    assert form.initial["cijfers"] == "12 bezoekers"
    links = response.context["links"]
    assert links.forms[0].initial["url"] == "https://example.org/inloop"

    # Submitting the pre-filled form creates a second, independent activity.
    data = {
        "datum": "2024-05-15",
        "wijk": activiteit.wijk_id,
        "soort": "inloop",
        "titel": "Wekelijkse inloop",
        "rol": "verbinden",
        "themas": form.initial["themas"],
        "partners": form.initial["partners"],
        "medewerkers": form.initial["medewerkers"],
        "links-TOTAL_FORMS": "2",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "20",
        "links-0-url": "https://example.org/inloop",
        "links-1-url": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    copy = Activiteit.objects.exclude(pk=activiteit.pk).get()
    assert copy.datum == datetime.date(2024, 5, 15)
    assert copy.aangemaakt_door == makelaar
    assert copy.is_voorbeeld is False
    assert [link.url for link in copy.links.all()] == ["https://example.org/inloop"]
    assert copy.fotos.count() == 0
    assert set(copy.partners.all()) == set(activiteit.partners.all())
    # The original is untouched.
    assert activiteit.links.count() == 1 and activiteit.fotos.count() == 1


def test_delete_removes_links_photos_and_files(
    makelaar, client_for, activiteit, django_capture_on_commit_callbacks
):
    foto = activiteit.fotos.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(makelaar).post(
            reverse("makelaars:activiteit_delete", args=[activiteit.pk])
        )
    assert response.status_code == 302
    assert not Activiteit.objects.exists()
    assert not ActiviteitLink.objects.exists() and not ActiviteitFoto.objects.exists()
    assert not foto.bestand.storage.exists(foto.bestand.name)


def test_detail_shows_everything(makelaar, client_for, activiteit, django_assert_max_num_queries):
    client = client_for(makelaar)
    with django_assert_max_num_queries(16):
        response = client.get(activiteit.get_absolute_url())
    html = response.content.decode()
    for text in ("Wekelijkse inloop", "Ontmoeting", "Bibliotheek", "https://example.org/inloop"):
        assert text in html
    assert activiteit.fotos.get().bestand.url in html
    assert "Voorbeeld voor de jaarrapportage" in html


def test_coordinator_marks_and_unmarks_a_report_example(coordinator, client_for, activiteit):
    client = client_for(coordinator)
    url = reverse("makelaars:activiteit_update", args=[activiteit.pk])
    assert "is_voorbeeld" in client.get(url).context["form"].fields
    response = client.post(url, edit_data(activiteit))  # checkbox left empty
    assert response.status_code == 302, response.context["form"].errors
    activiteit.refresh_from_db()
    assert activiteit.is_voorbeeld is False
    client.post(url, edit_data(activiteit, is_voorbeeld="on"))
    activiteit.refresh_from_db()
    assert activiteit.is_voorbeeld is True
    # The coordinator's edit does not make them the author.
    assert activiteit.aangemaakt_door.username == "makelaar"
