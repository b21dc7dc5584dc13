"""A demo broker records, finds, edits and copies activities on a 360 px phone screen."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from PIL import Image

from initiatieven.models import Initiatief
from makelaars.models import Activiteit
from wijken.models import Organisatie

DEMO_PASSWORD = "demo-wachtwoord"

# No serialized_rollback: the role groups come back after every flush through
# post_migrate (core.roles.sync_roles_after_migrate); reloading the
# serialized ones on top of them broke this test after another transactional one.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("demodata", verbosity=0)


@pytest.fixture
def tiny_png(tmp_path):
    path = tmp_path / "buurtlunch.png"
    Image.new("RGB", (8, 8), (30, 120, 60)).save(path, format="PNG")
    return path


def submit(page):
    with page.expect_navigation():
        page.get_by_test_id("opslaan").click()
    page.wait_for_load_state()


def test_broker_records_finds_edits_and_duplicates(demo, page, live_server, login, tiny_png):
    today = timezone.localdate()
    partner = Organisatie.objects.order_by("naam").first()
    initiatief = Initiatief.objects.filter(wijk__naam="Waterkwartier").order_by("naam").first()
    assert partner is not None and initiatief is not None

    login(page, live_server, "makelaar", DEMO_PASSWORD)

    # 1. Only the required fields: date, wijk and participant are already filled in.
    page.get_by_test_id("nieuwe-activiteit").click()
    page.wait_for_load_state()
    assert page.locator('[name="datum"]').input_value() == today.isoformat()
    assert page.locator('[name="wijk"] option:checked').inner_text() == "Waterkwartier"
    page.get_by_test_id("snel-deel").get_by_text("bijeenkomst", exact=True).click()
    page.get_by_label("Titel").fill("Browsertest buurtkoffie")
    submit(page)
    assert page.get_by_test_id("activiteit-titel").inner_text() == "Browsertest buurtkoffie"
    assert "De activiteit is opgeslagen." in page.content()
    koffie = Activiteit.objects.get(titel="Browsertest buurtkoffie")
    assert koffie.datum == today and koffie.wijk.naam == "Waterkwartier"

    # 2. With partners (one from the list, one new), an initiative and a photo.
    page.goto(live_server.url + "/activiteiten/nieuw/")
    page.get_by_test_id("snel-deel").get_by_text("evenement", exact=True).click()
    page.get_by_label("Titel").fill("Browsertest buurtlunch")
    page.get_by_test_id("meer-details").locator("summary").click()
    page.locator('[name="partners"]').select_option(label=partner.naam)
    page.get_by_label("Nieuwe partner").fill("Browsertest Buurthuis")
    page.locator('[name="initiatief"]').select_option(value=str(initiatief.pk))
    page.get_by_label("Bereikte inwoners").fill("30")
    page.get_by_label("Geactiveerde inwoners").fill("4")
    page.locator('[name="fotos"]').set_input_files(str(tiny_png))
    submit(page)
    assert page.get_by_test_id("activiteit-titel").inner_text() == "Browsertest buurtlunch"
    partners_text = page.get_by_test_id("partners").inner_text()
    assert partner.naam in partners_text and "Browsertest Buurthuis" in partners_text
    assert page.get_by_test_id("initiatief").inner_text() == initiatief.naam
    photo = page.get_by_test_id("fotos").locator("img")
    assert photo.count() == 1
    assert photo.evaluate("img => img.complete && img.naturalWidth") == 8
    lunch = Activiteit.objects.get(titel="Browsertest buurtlunch")
    lunch_url = live_server.url + lunch.get_absolute_url()

    # 3. Find both through the filters; then only the lunch by its partner.
    page.goto(live_server.url + "/activiteiten/")
    page.get_by_test_id("filters").locator("summary").click()
    page.get_by_label("Zoeken").fill("browsertest")
    page.get_by_label("Periode").select_option(label="deze maand")
    with page.expect_navigation():
        page.get_by_test_id("filter-submit").click()
    assert "q=browsertest" in page.url and "periode=maand" in page.url
    rows = page.get_by_test_id("activiteiten").locator("tbody tr")
    assert sorted(rows.locator("td a").all_inner_texts()) == [
        "Browsertest buurtkoffie",
        "Browsertest buurtlunch",
    ]
    assert page.get_by_test_id("total-aantal").inner_text() == "2"
    assert page.get_by_test_id("total-bereikt").inner_text() == "30"
    page.get_by_label("Partner").select_option(label="Browsertest Buurthuis")
    with page.expect_navigation():
        page.get_by_test_id("filter-submit").click()
    assert rows.locator("td a").all_inner_texts() == ["Browsertest buurtlunch"]

    # 4. Edit the coffee morning.
    page.goto(live_server.url + koffie.get_absolute_url())
    page.get_by_test_id("bewerken").click()
    page.wait_for_load_state()
    page.get_by_label("Titel").fill("Browsertest buurtkoffie (verplaatst)")
    submit(page)
    assert page.get_by_test_id("activiteit-titel").inner_text() == (
        "Browsertest buurtkoffie (verplaatst)"
    )

    # 5. Duplicate the lunch: everything but the date is copied.
    page.goto(lunch_url)
    page.get_by_test_id("dupliceer").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("duplicate-note").is_visible()
    assert page.get_by_label("Titel").input_value() == "Browsertest buurtlunch"
    assert page.locator('[name="datum"]').input_value() == today.isoformat()
    submit(page)
    assert Activiteit.objects.filter(titel="Browsertest buurtlunch").count() == 2
    copy = Activiteit.objects.filter(titel="Browsertest buurtlunch").latest("pk")
    assert copy.pk != lunch.pk
    assert copy.initiatief == initiatief
    assert {p.naam for p in copy.partners.all()} == {partner.naam, "Browsertest Buurthuis"}
    assert (copy.bewoners_bereikt, copy.bewoners_geactiveerd) == (30, 4)
    assert copy.fotos.count() == 0

    # Nothing of this needed a sideways scroll on the phone.
    page.goto(live_server.url + "/activiteiten/nieuw/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    # 6. A broker of another gebied can neither open nor edit them.
    other = page.context.browser.new_context(viewport={"width": 360, "height": 740})
    try:
        zuid = other.new_page()
        login(zuid, live_server, "makelaar.zuid", DEMO_PASSWORD)
        for activiteit in (koffie, lunch):
            for suffix in ("", "bewerken/"):
                response = zuid.goto(live_server.url + activiteit.get_absolute_url() + suffix)
                assert response.status == 404, (activiteit, suffix)
    finally:
        other.close()


def test_broker_of_another_gebied_cannot_open_or_edit(demo, page, live_server, login):
    eigen = Activiteit.objects.create(
        titel="Browsertest Waterkwartier",
        datum=datetime.date.today(),
        wijk=Initiatief.objects.filter(wijk__naam="Waterkwartier").first().wijk,
        soort="overleg",
    )
    login(page, live_server, "makelaar.zuid", DEMO_PASSWORD)
    for path in ("", "bewerken/", "verwijderen/", "dupliceer/"):
        response = page.goto(live_server.url + eigen.get_absolute_url() + path)
        assert response.status == 404, path
    page.goto(live_server.url + "/activiteiten/?q=Browsertest")
    assert page.get_by_test_id("geen-activiteiten").is_visible()
    assert not re.search("Browsertest Waterkwartier", page.content())
