"""Plan items and indicators: managed by the coordinator in the app, judged by direction."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from core.roles import Role
from rapportage.choices import RapportStatus, Richting
from rapportage.models import Indicator, Planonderdeel
from rapportage.selectors import indicator_resultaten, is_achieved, report_figures
from tests.factories import GebiedFactory, PlanonderdeelFactory, make_user

from .conftest import pdf_text, report_pdf


@pytest.mark.parametrize(
    ("resultaat", "streefwaarde", "richting", "behaald"),
    [
        (8, 8, Richting.HOGER, True),
        (9, 8, Richting.HOGER, True),
        (7, 8, Richting.HOGER, False),
        (7, 5, Richting.LAGER, False),  # a waiting list of 7 against a target of 5
        (5, 5, Richting.LAGER, True),
        (3, 5, Richting.LAGER, True),
        (12, 12, Richting.PRECIES, True),
        (12.5, 12, Richting.PRECIES, False),
        (11, 12, Richting.PRECIES, False),
        (None, 12, Richting.HOGER, None),
    ],
)
def test_achieved_follows_the_direction(resultaat, streefwaarde, richting, behaald):
    assert is_achieved(resultaat, Decimal(streefwaarde), richting) is behaald


def indicator_post(**overrides) -> dict:
    data = {
        "naam": "Wachtlijst eind van het jaar",
        "meting": "wachtlijst_eind",
        "handmatige_waarde": "",
        "bron": "",
        "eenheid": "klussen",
        "streefwaarde": "5",
        "richting": Richting.LAGER,
    }
    return {**data, **overrides}


@pytest.fixture
def plan3(year_data):
    return PlanonderdeelFactory(
        rapportage=year_data["rapportage"],
        volgorde=3,
        titel="3. Meer inzet vanuit Buurtservice",
    )


def test_coordinator_adds_a_lower_is_better_indicator_and_sees_it_judged(
    client, coordinator, plan3
):
    client.force_login(coordinator)
    rapportage = plan3.rapportage
    page = client.get(reverse("rapportage:plan", args=[rapportage.pk]))
    assert page.status_code == 200
    assert reverse("rapportage:indicator_create", args=[plan3.pk]) in page.content.decode()

    url = reverse("rapportage:indicator_create", args=[plan3.pk])
    form = client.get(url).content.decode()
    assert "Wachtlijst aan het eind van het jaar" in form  # offered among the app's figures
    assert "lager is beter" in form
    response = client.post(url, indicator_post())
    assert response.status_code == 302
    indicator = Indicator.objects.get(planonderdeel=plan3)
    assert (indicator.richting, indicator.streefwaarde) == (Richting.LAGER, 5)

    # Two jobs wait at the end of 2023: at most 5 is achieved; at most 1 is not.
    [result] = [
        r
        for r in indicator_resultaten(rapportage, report_figures(rapportage))
        if r["id"] == indicator.pk
    ]
    assert (result["resultaat"], result["behaald"]) == (2, True)
    edit = reverse("rapportage:indicator_update", args=[indicator.pk])
    response = client.post(edit, indicator_post(streefwaarde="1", version=indicator.version))
    assert response.status_code == 302
    pdf = report_pdf(client, rapportage)
    text = pdf_text(pdf)
    assert "Streefwaarden en resultaten: 3. Meer inzet vanuit Buurtservice" in text
    assert "Wachtlijst eind van het jaar (klussen) lager is beter 1 2 nee" in text


@pytest.mark.parametrize(
    ("typed", "stored", "message"),
    [
        ("12,5", Decimal("12.5"), None),
        ("1.250", Decimal(1250), None),
        ("-3", None, "Een streefwaarde of resultaat is nul of meer."),
        ("1.000.001", None, "Dit getal is te groot: hoogstens 1.000.000."),
        ("twaalf", None, "Vul een getal in zoals 750,00"),
    ],
)
def test_targets_are_typed_the_dutch_way_and_kept_plausible(
    client, coordinator, plan3, typed, stored, message
):
    client.force_login(coordinator)
    url = reverse("rapportage:indicator_create", args=[plan3.pk])
    response = client.post(url, indicator_post(streefwaarde=typed))
    indicator = Indicator.objects.filter(planonderdeel=plan3).first()
    if message is None:
        assert response.status_code == 302
        assert indicator.streefwaarde == stored
        edit = client.get(reverse("rapportage:indicator_update", args=[indicator.pk]))
        assert f'value="{typed if "," in typed else "1250,00"}' in edit.content.decode()
    else:
        assert response.status_code == 200
        assert message in response.content.decode()
        assert indicator is None


def test_a_result_entered_by_hand_needs_its_source(client, coordinator, plan3):
    client.force_login(coordinator)
    url = reverse("rapportage:indicator_create", args=[plan3.pk])
    response = client.post(url, indicator_post(meting="", handmatige_waarde="3", bron=""))
    assert response.status_code == 200
    assert (
        "Geef aan waar een met de hand ingevoerd resultaat vandaan komt."
        in response.content.decode()
    )
    assert not Indicator.objects.filter(planonderdeel=plan3).exists()
    response = client.post(
        url,
        indicator_post(
            naam="Tevreden deelnemers",
            meting="",
            handmatige_waarde="3",
            bron="Enquête oktober 2023",
            richting=Richting.HOGER,
            streefwaarde="2",
        ),
    )
    assert response.status_code == 302
    [result] = indicator_resultaten(plan3.rapportage, report_figures(plan3.rapportage))[-1:]
    assert (result["resultaat"], result["bron"], result["behaald"]) == (
        3,
        "Enquête oktober 2023",
        True,
    )


def test_plan_items_are_created_edited_and_removed_in_the_app(client, coordinator, year_data):
    client.force_login(coordinator)
    rapportage = year_data["rapportage"]
    response = client.post(
        reverse("rapportage:planonderdeel_create", args=[rapportage.pk]),
        {"titel": "5. Nieuw onderdeel", "doel": "Meer ontmoeting.", "volgorde": ""},
    )
    assert response.status_code == 302
    item = Planonderdeel.objects.get(titel="5. Nieuw onderdeel")
    assert item.volgorde == 1  # after the fixture's plan item (0)
    edit = reverse("rapportage:planonderdeel_update", args=[item.pk])
    response = client.post(edit, {"titel": "5. Anders", "doel": "", "version": item.version})
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.titel, item.version) == ("5. Anders", 2)
    response = client.post(reverse("rapportage:planonderdeel_delete", args=[item.pk]))
    assert response.status_code == 302
    assert not Planonderdeel.objects.filter(pk=item.pk).exists()


def test_two_editors_of_one_indicator_get_the_conflict_message(client, coordinator, plan3):
    indicator = Indicator.objects.create(
        planonderdeel=plan3, naam="Wachtlijst", meting="wachtlijst_eind", streefwaarde=5
    )
    url = reverse("rapportage:indicator_update", args=[indicator.pk])
    colleague = make_user(Role.COORDINATOR, username="collega")
    client.force_login(colleague)
    assert client.post(url, indicator_post(streefwaarde="4", version=1)).status_code == 302
    client.force_login(coordinator)
    response = client.post(url, indicator_post(streefwaarde="6", version=1))
    assert response.status_code == 409
    assert "iemand anders" in response.content.decode().lower()
    assert 'value="6"' in response.content.decode()  # what was typed is kept
    indicator.refresh_from_db()
    assert indicator.streefwaarde == 4


def test_plan_items_of_a_final_report_cannot_be_changed_in_the_app(client, coordinator, plan3):
    rapportage = plan3.rapportage
    rapportage.status = RapportStatus.DEFINITIEF
    rapportage.save()
    client.force_login(coordinator)
    page = client.get(reverse("rapportage:plan", args=[rapportage.pk])).content.decode()
    assert reverse("rapportage:planonderdeel_update", args=[plan3.pk]) not in page
    for name in ("planonderdeel_update", "indicator_create"):
        assert client.post(reverse(f"rapportage:{name}", args=[plan3.pk]), {}).status_code == 404
    response = client.post(
        reverse("rapportage:planonderdeel_create", args=[rapportage.pk]), {"titel": "Nee"}
    )
    assert response.status_code == 302
    assert not Planonderdeel.objects.filter(titel="Nee").exists()


@pytest.mark.parametrize("role", [Role.MAKELAAR, Role.BUURTSERVICE])
def test_brokers_and_buurtservice_cannot_open_the_plan(client, plan3, role):
    client.force_login(make_user(role, gebied=GebiedFactory()))
    for url in [
        reverse("rapportage:plan", args=[plan3.rapportage_id]),
        reverse("rapportage:planonderdeel_update", args=[plan3.pk]),
        reverse("rapportage:indicator_create", args=[plan3.pk]),
    ]:
        assert client.get(url).status_code == 403
