"""Recording an activity: defaults, required fields, bad input, nothing half-saved."""

import datetime
import io
import re

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from makelaars.models import Activiteit, ActiviteitFoto, ActiviteitLink
from tests.factories import InitiatiefFactory, OrganisatieFactory, ThemaFactory, png_bytes

pytestmark = pytest.mark.django_db

CREATE = reverse("makelaars:activiteit_create")
TODAY = datetime.date(2024, 5, 15)


def form_data(wijk_obj, **extra):
    data = {
        "datum": TODAY.isoformat(),
        "wijk": str(wijk_obj.pk),
        "soort": "bijeenkomst",
        "titel": "Buurtkoffie in het Waterkwartier",
        "links-TOTAL_FORMS": "1",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "20",
        "links-0-url": "",
        "links-0-omschrijving": "",
    }
    data.update(extra)
    return data


@time_machine.travel(datetime.datetime(2024, 5, 15, 10, 0), tick=False)
def test_new_form_has_sensible_defaults(makelaar, client_for, wijk_a):
    response = client_for(makelaar).get(CREATE)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["datum"] == TODAY
    assert form.initial["wijk"] == makelaar.medewerker.standaard_wijk_id == wijk_a.pk
    assert form.initial["medewerkers"] == [makelaar.medewerker.pk]
    html = response.content.decode()
    assert 'type="date"' in html
    # A text box with the number keyboard, so "1.250" can be typed the Dutch way.
    assert re.search(r'<input type="text" name="bewoners_bereikt"[^>]*inputmode="decimal"', html)
    # Brokers cannot mark report examples.
    assert "is_voorbeeld" not in form.fields


@time_machine.travel(datetime.datetime(2024, 5, 15, 10, 0), tick=False)
def test_only_required_fields_saves_and_records_author(makelaar, client_for, wijk_a):
    response = client_for(makelaar).post(CREATE, form_data(wijk_a))
    activiteit = Activiteit.objects.get()
    assert response.status_code == 302
    assert response.url == activiteit.get_absolute_url()
    assert activiteit.aangemaakt_door == makelaar
    assert activiteit.datum == TODAY
    assert activiteit.wijk == wijk_a
    assert activiteit.bewoners_bereikt is None


@time_machine.travel(datetime.datetime(2024, 5, 15, 10, 0), tick=False)
def test_all_optional_fields_with_new_partner_link_and_photo(
    makelaar, collega, client_for, wijk_a, media_root
):
    thema = ThemaFactory(naam="Eenzaamheid")
    bestaande = OrganisatieFactory(naam="Ieder1")
    initiatief = InitiatiefFactory(naam="Repair Café", wijk=wijk_a)
    foto = SimpleUploadedFile("koffie.png", png_bytes(), content_type="image/png")
    data = form_data(
        wijk_a,
        beschrijving="Koffie met buren",
        opbrengst="Drie nieuwe vrijwilligers",
        rol="verbinden",
        themas=[str(thema.pk)],
        medewerkers=[str(makelaar.medewerker.pk), str(collega.medewerker.pk)],
        partners=[str(bestaande.pk)],
        nieuwe_partner="  Buurthuis   De Stoep ",
        initiatief=str(initiatief.pk),
        bewoners_bereikt="25",
        bewoners_geactiveerd="3",
        cijfers="20-25 bezoekers",
        **{"links-0-url": "https://example.org/nieuws", "links-0-omschrijving": "Krant"},
    )
    data["fotos"] = [foto]
    response = client_for(makelaar).post(CREATE, data)
    assert response.status_code == 302, response.context["form"].errors
    activiteit = Activiteit.objects.get()
    assert sorted(p.naam for p in activiteit.partners.all()) == ["Buurthuis De Stoep", "Ieder1"]
    assert set(activiteit.medewerkers.all()) == {makelaar.medewerker, collega.medewerker}
    assert list(activiteit.themas.all()) == [thema]
    assert activiteit.initiatief == initiatief
    assert (activiteit.bewoners_bereikt, activiteit.bewoners_geactiveerd) == (25, 3)
    assert activiteit.links.get().url == "https://example.org/nieuws"
    stored = activiteit.fotos.get()
    assert stored.bestand.name.startswith("activiteiten/2024/05/")
    # Stored re-encoded, not as uploaded: the same picture, under a name that says PNG.
    assert stored.bestand.name.endswith("/koffie.png")
    with (
        Image.open(media_root / stored.bestand.name) as saved,
        Image.open(io.BytesIO(png_bytes())) as sent,
    ):
        assert saved.format == "PNG"
        assert saved.convert("RGB").tobytes() == sent.convert("RGB").tobytes()


def test_existing_partner_name_is_reused_ignoring_case(makelaar, client_for, wijk_a):
    ieder1 = OrganisatieFactory(naam="Ieder1")
    response = client_for(makelaar).post(
        CREATE, form_data(wijk_a, nieuwe_partner="IEDER1", datum=datetime.date.today())
    )
    assert response.status_code == 302
    assert list(Activiteit.objects.get().partners.all()) == [ieder1]


def _refused(response):
    assert response.status_code == 200
    assert Activiteit.objects.count() == 0
    return response.context["form"]


@time_machine.travel(datetime.datetime(2024, 5, 15, 10, 0), tick=False)
@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("datum", "2026-01-01", "meer dan een jaar in de toekomst"),
        ("datum", "1999-12-31", "vóór 2000"),
        ("datum", "gisteren", "geldige datum"),
        ("bewoners_bereikt", "-3", "minstens 0"),
        ("bewoners_bereikt", "1000000", "100000"),
        ("titel", "x" * 201, "niet meer dan 200 tekens"),
        ("soort", "toveren", "geldige keuze"),
    ],
)
def test_bad_input_gets_a_dutch_message(makelaar, client_for, wijk_a, field, value, message):
    response = client_for(makelaar).post(CREATE, form_data(wijk_a, **{field: value}))
    form = _refused(response)
    assert message in " ".join(form.errors[field])


@time_machine.travel(datetime.datetime(2024, 5, 15, 10, 0), tick=False)
def test_date_one_year_ahead_is_still_allowed(makelaar, client_for, wijk_a):
    response = client_for(makelaar).post(CREATE, form_data(wijk_a, datum="2025-05-15"))
    assert response.status_code == 302


def test_missing_required_fields_are_named(makelaar, client_for, wijk_a):
    response = client_for(makelaar).post(
        CREATE, form_data(wijk_a, datum="", wijk="", soort="", titel="")
    )
    form = _refused(response)
    assert set(form.errors) == {"datum", "wijk", "soort", "titel"}
    assert form.errors["titel"] == ["Dit veld is verplicht."]


def test_activated_cannot_exceed_reached(makelaar, client_for, wijk_a):
    response = client_for(makelaar).post(
        CREATE,
        form_data(
            wijk_a, datum=datetime.date.today(), bewoners_bereikt="2", bewoners_geactiveerd="5"
        ),
    )
    form = _refused(response)
    assert "niet meer zijn dan" in form.errors["bewoners_geactiveerd"][0]


def test_forged_wijk_of_another_gebied_is_refused(makelaar, client_for, wijk_b):
    response = client_for(makelaar).post(CREATE, form_data(wijk_b, datum=datetime.date.today()))
    form = _refused(response)
    assert "niet in jouw gebied" in form.errors["wijk"][0]


def test_forged_initiative_of_another_gebied_is_refused(makelaar, client_for, wijk_a, wijk_b):
    elders = InitiatiefFactory(wijk=wijk_b)
    response = client_for(makelaar).post(
        CREATE, form_data(wijk_a, datum=datetime.date.today(), initiatief=str(elders.pk))
    )
    form = _refused(response)
    assert "geldige keuze" in form.errors["initiatief"][0]


def test_non_image_upload_is_refused_and_nothing_is_saved(makelaar, client_for, wijk_a, media_root):
    nep = SimpleUploadedFile("foto.png", b"%PDF-1.4 not an image", content_type="image/png")
    data = form_data(
        wijk_a,
        datum=datetime.date.today(),
        nieuwe_partner="Nieuwe Partner",
        **{"links-0-url": "https://example.org/a"},
    )
    data["fotos"] = [nep]
    response = client_for(makelaar).post(CREATE, data)
    form = _refused(response)
    assert "geen afbeelding" in form.errors["fotos"][0]
    assert ActiviteitFoto.objects.count() == ActiviteitLink.objects.count() == 0
    from wijken.models import Organisatie

    assert not Organisatie.objects.filter(naam="Nieuwe Partner").exists()
    # What the user typed is kept.
    html = response.content.decode()
    assert "Buurtkoffie in het Waterkwartier" in html
    assert "https://example.org/a" in html
    assert 'value="Nieuwe Partner"' in html


def test_too_large_image_is_refused(makelaar, client_for, wijk_a, settings, media_root):
    settings.MAX_UPLOAD_SIZE = 50
    groot = SimpleUploadedFile("groot.png", png_bytes(size=(64, 64)), content_type="image/png")
    data = form_data(wijk_a, datum=datetime.date.today())
    data["fotos"] = [groot]
    form = _refused(client_for(makelaar).post(CREATE, data))
    assert "te groot" in form.errors["fotos"][0]


def test_bad_link_is_refused(makelaar, client_for, wijk_a):
    response = client_for(makelaar).post(
        CREATE, form_data(wijk_a, datum=datetime.date.today(), **{"links-0-url": "geen url"})
    )
    assert response.status_code == 200
    assert Activiteit.objects.count() == 0
    assert response.context["links"].errors[0]["url"]


def test_coordinator_can_mark_report_example(coordinator, client_for, wijk_b):
    response = client_for(coordinator).post(
        CREATE, form_data(wijk_b, datum=datetime.date.today(), is_voorbeeld="on")
    )
    assert response.status_code == 302
    assert Activiteit.objects.get().is_voorbeeld is True


def test_broker_cannot_sneak_in_report_example(makelaar, client_for, wijk_a):
    client_for(makelaar).post(
        CREATE, form_data(wijk_a, datum=datetime.date.today(), is_voorbeeld="on")
    )
    assert Activiteit.objects.get().is_voorbeeld is False


def test_the_new_form_offers_what_was_added_since_and_only_the_brokers_own(
    makelaar, client_for, wijk_a, wijk_b
):
    """The option lists of a new activity are cached, yet follow every change."""
    client = client_for(makelaar)
    url = reverse("makelaars:activiteit_create")
    before = client.get(url).content.decode()
    assert "Buurtvereniging De Linde" not in before

    OrganisatieFactory(naam="Buurtvereniging De Linde")
    InitiatiefFactory(naam="Moestuin Noord", wijk=wijk_a)
    InitiatiefFactory(naam="Moestuin van B", wijk=wijk_b)
    page = client.get(url).content.decode()

    assert "Buurtvereniging De Linde" in page
    assert "Moestuin Noord" in page
    assert "Moestuin van B" not in page  # another gebied's initiative
    assert wijk_b.naam not in page
