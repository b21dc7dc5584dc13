"""In a phone-sized browser: the demo Buurtservice coordinator takes in a job, plans it
with two workers, completes it with hours, and the overview changes accordingly; a
broker of that gebied can open the job but never sees the requester's address."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from buurtservice.models import Klus
from core.periods import period_code_for

PASSWORD = "demo-wachtwoord"
ADDRESS = "Testlaan 7"


def figure(page, testid: str) -> Decimal:
    text = page.get_by_test_id(testid).inner_text().strip()
    return Decimal(text.replace(".", "").replace(",", "."))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_coordinator_runs_a_job_through_and_broker_sees_no_address(page, live_server, login):
    call_command("demodata", verbosity=0)
    login(page, live_server, "buurtservice", PASSWORD)

    # This quarter, named: with only demo data (2023) the page opens on that year.
    overzicht = (
        f"{live_server.url}/buurtservice/overzicht/?periode={period_code_for(timezone.localdate())}"
    )
    page.goto(overzicht)
    done_before = figure(page, "jobs-done")
    hours_before = figure(page, "hours-worked")

    # Intake.
    page.goto(f"{live_server.url}/buurtservice/")
    length_before = int(page.get_by_test_id("wachtlijst-lengte").inner_text())
    page.get_by_role("link", name="Nieuwe klus").first.click()

    def field(name):
        return page.locator(f"#id_{name}")

    field("wijk").select_option(label="Waterkwartier")
    field("soort").select_option(label="beugels")
    field("verwijzer").select_option(label="WMO")
    field("omschrijving").fill("Twee beugels in de badkamer")
    field("aanvrager_naam").fill("Mevr. Testpersoon")
    field("aanvrager_adres").fill(ADDRESS)
    field("aanvrager_telefoon").fill("0575-111222")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()

    # It is at the bottom of the waiting list.
    klus = Klus.objects.latest("pk")
    assert page.url.split("#")[0].endswith("/buurtservice/")
    assert int(page.get_by_test_id("wachtlijst-lengte").inner_text()) == length_before + 1
    items = page.get_by_test_id("wachtlijst-item")
    assert items.last.get_attribute("id") == f"klus-{klus.pk}"

    # Plan it with two workers (the date defaults to today).
    items.last.get_by_role("link").click()
    page.get_by_role("link", name="Inplannen").click()
    workers = page.locator('input[name="uitvoerders"]')
    workers.nth(0).check()
    workers.nth(1).check()
    page.get_by_role("button", name="Inplannen").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("klus-status").inner_text() == "ingepland"
    assert page.get_by_test_id("inzet").locator("li").count() == 2

    # Complete it with hours per worker.
    page.get_by_role("link", name="Afronden").click()
    hours = page.locator('input[name^="uren_"]')
    assert hours.count() == 2
    hours.nth(0).fill("3,5")
    hours.nth(1).fill("2")
    page.get_by_role("button", name="Uitgevoerd").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("klus-status").inner_text() == "uitgevoerd"
    assert "3,5 uur" in page.get_by_test_id("inzet").inner_text()

    # The overview of this quarter shows one more job done and the hours.
    page.goto(overzicht)
    assert figure(page, "jobs-done") == done_before + 1
    assert figure(page, "hours-worked") == hours_before + Decimal("5.5")

    # The broker of Waterkwartier can open the job, but never sees the address.
    page.context.clear_cookies()
    login(page, live_server, "makelaar", PASSWORD)
    for path in ("/", "/buurtservice/klussen/", klus.get_absolute_url()):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert ADDRESS not in page.content(), path
        assert "Mevr. Testpersoon" not in page.content(), path
    assert "Twee beugels in de badkamer" in page.content()  # the job itself is visible
    response = page.goto(f"{live_server.url}/buurtservice/")
    assert response.status == 403
