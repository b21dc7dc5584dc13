"""The Buurtservice pages as the coordinator uses them: intake, waiting list,
planning, completing, cancelling, workers, capacity and the overview."""

import datetime
import re
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from buurtservice import services
from buurtservice.choices import KlusStatus
from buurtservice.models import Capaciteit, Klus, Uitvoerder
from tests.factories import (
    CapaciteitFactory,
    InzetFactory,
    KlusFactory,
    UitvoerderFactory,
    WijkFactory,
)

D = datetime.date
TODAY = D(2024, 3, 15)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2024, 3, 15, 10, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def bs_client(client, buurtservice_user):
    client.force_login(buurtservice_user)
    return client


def intake_data(wijk, **extra):
    return {
        "aanvraagdatum": "2024-03-15",
        "wijk": wijk.pk,
        "soort": "drempel",
        "verwijzer": "wmo",
        "omschrijving": "Drempel bij achterdeur",
        "aanvrager_naam": "Mevr. Pietersen",
        "aanvrager_adres": "Lindelaan 12",
        "aanvrager_telefoon": "0575-123456",
        **extra,
    }


def text(response) -> str:
    return response.content.decode()


def test_intake_form_defaults_to_today_and_explains_the_requester_fields(bs_client):
    response = bs_client.get(reverse("buurtservice:klus_create"))

    assert response.status_code == 200
    assert response.context["form"]["aanvraagdatum"].value() == TODAY
    assert "Alleen wat nodig is om de klus te doen" in text(response)


def test_intake_puts_the_job_at_the_bottom_of_the_waiting_list(bs_client, make_klus, wijk_a):
    older = make_klus(aanvraagdatum=D(2024, 1, 10), wijk=wijk_a)

    response = bs_client.post(reverse("buurtservice:klus_create"), intake_data(wijk_a))

    klus = Klus.objects.exclude(pk=older.pk).get()
    assert response.status_code == 302
    assert response.url.startswith(reverse("buurtservice:wachtlijst"))
    assert klus.status == KlusStatus.WACHTLIJST
    assert klus.aanvrager_adres == "Lindelaan 12"
    assert klus.statuswijzigingen.get().door.username == "buurtservice"
    page = bs_client.get(reverse("buurtservice:wachtlijst"))
    assert [k.pk for k in page.context["klussen"]] == [older.pk, klus.pk]
    assert page.context["lengte"] == 2
    assert page.context["mediaan"] == (TODAY - D(2024, 1, 10)).days / 2  # 65 and 0 days


def test_duplicate_intake_warns_and_needs_confirmation(bs_client, make_klus, wijk_a):
    make_klus(
        aanvraagdatum=D(2024, 3, 14),
        wijk=wijk_a,
        soort="drempel",
        aanvrager_naam="Iemand anders",
        aanvrager_adres="lindelaan 12",
    )

    response = bs_client.post(reverse("buurtservice:klus_create"), intake_data(wijk_a))

    assert response.status_code == 200
    assert Klus.objects.count() == 1
    assert "toch opslaan" in text(response)
    assert response.context["form"].duplicates

    response = bs_client.post(
        reverse("buurtservice:klus_create"), intake_data(wijk_a, toch_opslaan="on")
    )
    assert response.status_code == 302
    assert Klus.objects.count() == 2


def test_same_requester_another_kind_is_no_duplicate(bs_client, make_klus, wijk_a):
    make_klus(
        aanvraagdatum=D(2024, 3, 15), wijk=wijk_a, soort="tuin", aanvrager_adres="Lindelaan 12"
    )

    response = bs_client.post(reverse("buurtservice:klus_create"), intake_data(wijk_a))

    assert response.status_code == 302
    assert Klus.objects.count() == 2


def test_intake_in_the_future_is_refused(bs_client, wijk_a):
    response = bs_client.post(
        reverse("buurtservice:klus_create"), intake_data(wijk_a, aanvraagdatum="2024-03-16")
    )
    assert response.status_code == 200
    assert "De aanvraagdatum kan niet in de toekomst liggen." in text(response)
    assert not Klus.objects.exists()


def test_waiting_list_filters_by_wijk_and_kind(bs_client, make_klus, wijk_a, wijk_b):
    tuin_noord = make_klus(aanvraagdatum=D(2024, 3, 1), wijk=wijk_a, soort="tuin")
    make_klus(aanvraagdatum=D(2024, 3, 2), wijk=wijk_a, soort="beugels")
    make_klus(aanvraagdatum=D(2024, 3, 3), wijk=wijk_b, soort="tuin")
    KlusFactory(
        aanvraagdatum=D(2024, 3, 1),
        wijk=wijk_a,
        soort="tuin",
        status=KlusStatus.UITGEVOERD,
        uitgevoerd_op=D(2024, 3, 5),
    )

    response = bs_client.get(
        reverse("buurtservice:wachtlijst"), {"wijk": wijk_a.pk, "soort": "tuin"}
    )

    assert [k.pk for k in response.context["klussen"]] == [tuin_noord.pk]
    assert response.context["lengte"] == 1
    assert response.context["mediaan"] == 14
    assert 'data-testid="wacht-dagen"' in text(response)


def test_a_long_waiting_list_comes_in_pages_with_places_and_whole_list_figures(
    bs_client, make_klus, wijk_a, wijk_b
):
    # 30 waiting jobs, requested on 1..30 January; the median of 30 is between
    # the 15th and 16th request (waited 60 and 59 days on 15 March).
    jobs = [
        make_klus(aanvraagdatum=D(2024, 1, day), wijk=wijk_a if day % 2 else wijk_b)
        for day in range(1, 31)
    ]
    url = reverse("buurtservice:wachtlijst")

    first = bs_client.get(url)
    second = bs_client.get(url, {"page": 2})

    assert [k.pk for k in first.context["klussen"]] == [k.pk for k in jobs[:25]]
    assert [k.pk for k in second.context["klussen"]] == [k.pk for k in jobs[25:]]
    for page in (first, second):
        assert page.context["lengte"] == 30
        assert page.context["mediaan"] == 59.5
    places = re.findall(r'data-testid="wachtlijst-plaats">(\d+)\.<', text(second))
    assert places == ["26", "27", "28", "29", "30"]
    assert 'start="26"' in text(second)
    assert "Pagina 2 van 2" in text(second)

    # The selection's figures are its own, not the whole list's.
    selection = bs_client.get(url, {"wijk": wijk_a.pk})
    assert selection.context["lengte"] == 15
    assert selection.context["mediaan"] == (TODAY - D(2024, 1, 15)).days


def test_a_new_job_leads_to_the_waiting_list_page_that_shows_it(bs_client, make_klus, wijk_a):
    for day in range(1, 28):
        make_klus(aanvraagdatum=D(2024, 1, day), wijk=wijk_a)

    response = bs_client.post(reverse("buurtservice:klus_create"), intake_data(wijk_a))

    klus = Klus.objects.get(aanvrager_adres="Lindelaan 12")
    assert response.url == reverse("buurtservice:wachtlijst") + f"?page=2#klus-{klus.pk}"
    page = bs_client.get(response.url.split("#")[0])
    assert page.context["klussen"][-1] == klus
    assert page.context["klussen"][-1].plaats == 28
    assert page.context["lengte"] == 28


def test_plan_complete_through_the_pages(bs_client, make_klus, wijk_a, uitvoerders):
    klus = make_klus(aanvraagdatum=D(2024, 3, 1), wijk=wijk_a)
    a, b = uitvoerders

    response = bs_client.post(
        reverse("buurtservice:klus_plan", args=[klus.pk]),
        {"datum": "2024-03-14", "uitvoerders": [a.pk, b.pk]},
    )
    assert response.status_code == 302
    klus.refresh_from_db()
    assert klus.status == KlusStatus.INGEPLAND

    form_page = bs_client.get(reverse("buurtservice:klus_complete", args=[klus.pk]))
    assert f'name="uren_{a.pk}"' in text(form_page)
    response = bs_client.post(
        reverse("buurtservice:klus_complete", args=[klus.pk]),
        {"datum": "2024-03-14", f"uren_{a.pk}": "3,5", f"uren_{b.pk}": "2"},
    )
    assert response.status_code == 302
    klus.refresh_from_db()
    assert klus.status == KlusStatus.UITGEVOERD
    assert sorted(klus.inzet.values_list("uren", flat=True)) == [Decimal("2"), Decimal("3.5")]


def test_bad_hours_are_refused_with_a_dutch_message(
    bs_client, make_klus, wijk_a, uitvoerders, buurtservice_user
):
    klus = make_klus(aanvraagdatum=D(2024, 3, 1), wijk=wijk_a)
    services.plan_klus(
        klus=klus, datum=D(2024, 3, 14), uitvoerders=uitvoerders, door=buurtservice_user
    )
    a, b = uitvoerders

    response = bs_client.post(
        reverse("buurtservice:klus_complete", args=[klus.pk]),
        {"datum": "2024-03-13", f"uren_{a.pk}": "0", f"uren_{b.pk}": "25"},
    )

    assert response.status_code == 200
    # Beside each of the two fields, and again in the error summary at the top.
    assert text(response).count("meer dan 0 en hoogstens 24") == 4
    summary = text(response).split("data-error-summary")[1].split("</ul>")[0]
    assert summary.count("meer dan 0 en hoogstens 24") == 2
    klus.refresh_from_db()
    assert klus.status == KlusStatus.INGEPLAND
    # The date is checked by the service once the hours are right.
    response = bs_client.post(
        reverse("buurtservice:klus_complete", args=[klus.pk]),
        {"datum": "2024-02-29", f"uren_{a.pk}": "1", f"uren_{b.pk}": "1"},
    )
    assert "aanvraagdatum (01-03-2024)" in text(response)
    assert not klus.inzet.exclude(uren=None).exists()


def test_planning_too_far_back_is_refused_on_the_page(bs_client, make_klus, wijk_a, uitvoerders):
    klus = make_klus(aanvraagdatum=D(2024, 1, 1), wijk=wijk_a)

    response = bs_client.post(
        reverse("buurtservice:klus_plan", args=[klus.pk]),
        {"datum": "2024-03-01", "uitvoerders": [uitvoerders[0].pk]},
    )

    assert response.status_code == 200
    assert "niet meer dan een week in het verleden" in text(response)
    assert Klus.objects.get(pk=klus.pk).status == KlusStatus.WACHTLIJST


def test_forged_worker_id_is_refused(bs_client, make_klus, wijk_a):
    klus = make_klus(aanvraagdatum=D(2024, 3, 1), wijk=wijk_a)

    response = bs_client.post(
        reverse("buurtservice:klus_plan", args=[klus.pk]),
        {"datum": "2024-03-15", "uitvoerders": ["99999", "abc"]},
    )

    assert response.status_code == 200
    assert Klus.objects.get(pk=klus.pk).status == KlusStatus.WACHTLIJST


def test_cancel_asks_for_a_reason(bs_client, make_klus, wijk_a):
    klus = make_klus(aanvraagdatum=D(2024, 3, 1), wijk=wijk_a)
    url = reverse("buurtservice:klus_cancel", args=[klus.pk])

    response = bs_client.post(url, {"reden": "", "datum": "2024-03-15"})
    assert "Geef de reden van annuleren op." in text(response)
    assert Klus.objects.get(pk=klus.pk).status == KlusStatus.WACHTLIJST

    response = bs_client.post(url, {"reden": "Bewoner verhuisd", "datum": "2024-03-15"})
    assert response.status_code == 302
    assert Klus.objects.get(pk=klus.pk).status == KlusStatus.GEANNULEERD


def test_closed_job_pages_refuse_replanning(bs_client, wijk_a):
    klus = KlusFactory(
        wijk=wijk_a,
        aanvraagdatum=D(2024, 3, 1),
        status=KlusStatus.UITGEVOERD,
        uitgevoerd_op=D(2024, 3, 2),
    )

    response = bs_client.get(reverse("buurtservice:klus_plan", args=[klus.pk]), follow=True)

    assert "kan niet opnieuw worden ingepland" in text(response)
    response = bs_client.post(
        reverse("buurtservice:klus_plan", args=[klus.pk]),
        {"datum": "2024-03-15", "uitvoerders": []},
    )
    assert Klus.objects.get(pk=klus.pk).gepland_op is None


def test_detail_shows_history_and_workers(
    bs_client, make_klus, wijk_a, uitvoerders, buurtservice_user
):
    klus = make_klus(aanvraagdatum=D(2024, 3, 1), wijk=wijk_a)
    services.plan_klus(
        klus=klus, datum=D(2024, 3, 20), uitvoerders=uitvoerders, door=buurtservice_user
    )

    response = bs_client.get(klus.get_absolute_url())

    body = text(response)
    assert "Ahmed" in body and "Bea" in body
    assert "ingepland" in body.lower()
    assert "Dorpsstraat 1" in body  # the coordinator sees the address


def test_editing_a_job_keeps_dates_consistent(bs_client, wijk_a):
    klus = KlusFactory(
        wijk=wijk_a,
        aanvraagdatum=D(2024, 3, 1),
        status=KlusStatus.UITGEVOERD,
        uitgevoerd_op=D(2024, 3, 2),
    )
    data = intake_data(wijk_a, aanvraagdatum="2024-03-10")

    response = bs_client.post(reverse("buurtservice:klus_update", args=[klus.pk]), data)

    assert response.status_code == 200
    assert "niet na de uitvoerdatum" in text(response)


def test_worker_outflow_needs_an_end_date(bs_client):
    url = reverse("buurtservice:uitvoerder_create")
    data = {
        "naam": "Eva",
        "soort": "vrijwilliger",
        "herkomst": "azc",
        "startdatum": "2024-01-01",
        "uitstroom": "betaald_werk",
    }

    response = bs_client.post(url, data)
    assert response.status_code == 200
    assert "Vul de einddatum in" in text(response)

    response = bs_client.post(url, {**data, "einddatum": "2023-12-01"})
    assert "De einddatum kan niet voor de startdatum liggen." in text(response)
    assert not Uitvoerder.objects.exists()

    response = bs_client.post(url, {**data, "einddatum": "2024-03-01"})
    assert response.status_code == 302
    assert Uitvoerder.objects.get().uitstroom == "betaald_werk"


def test_worker_pages(bs_client):
    eva = UitvoerderFactory(naam="Eva", startdatum=D(2024, 1, 1))
    InzetFactory(
        uitvoerder=eva,
        uren=Decimal("4"),
        klus=KlusFactory(status=KlusStatus.UITGEVOERD, uitgevoerd_op=D(2024, 2, 2)),
    )

    assert "Eva" in text(bs_client.get(reverse("buurtservice:uitvoerder_list")))
    detail = bs_client.get(reverse("buurtservice:uitvoerder_detail", args=[eva.pk]))
    assert detail.context["uren_totaal"] == Decimal("4")
    response = bs_client.post(
        reverse("buurtservice:uitvoerder_update", args=[eva.pk]),
        {
            "naam": "Eva B.",
            "soort": "stagiair",
            "herkomst": "han",
            "startdatum": "2024-01-01",
            "version": eva.version,
        },
    )
    assert response.status_code == 302
    assert Uitvoerder.objects.get(pk=eva.pk).naam == "Eva B."


def test_overlapping_capacity_is_refused(bs_client):
    CapaciteitFactory(uren_per_week=24, startdatum=D(2023, 1, 1), einddatum=D(2023, 2, 28))
    url = reverse("buurtservice:capaciteit_create")

    response = bs_client.post(url, {"uren_per_week": "36", "startdatum": "2023-02-01"})
    assert response.status_code == 200
    assert "overlapt met" in text(response)

    response = bs_client.post(
        url, {"uren_per_week": "36", "startdatum": "2023-03-01", "einddatum": "2023-02-01"}
    )
    assert "De einddatum kan niet voor de startdatum liggen." in text(response)

    response = bs_client.post(url, {"uren_per_week": "36", "startdatum": "2023-03-01"})
    assert response.status_code == 302
    assert Capaciteit.objects.count() == 2
    assert "36" in text(bs_client.get(reverse("buurtservice:capaciteit_list")))


def test_editing_a_capacity_period_does_not_overlap_itself(bs_client):
    periode = CapaciteitFactory(uren_per_week=24, startdatum=D(2023, 1, 1))

    response = bs_client.post(
        reverse("buurtservice:capaciteit_update", args=[periode.pk]),
        {
            "uren_per_week": "24",
            "startdatum": "2023-01-01",
            "einddatum": "2023-02-28",
            "version": periode.version,
        },
    )

    assert response.status_code == 302
    assert Capaciteit.objects.get().einddatum == D(2023, 2, 28)


def test_overview_defaults_to_the_current_quarter(bs_client, wijk_a):
    KlusFactory(wijk=wijk_a, aanvraagdatum=D(2024, 1, 5))
    KlusFactory(wijk=wijk_a, aanvraagdatum=D(2023, 12, 5))

    response = bs_client.get(reverse("buurtservice:overzicht"))

    assert response.status_code == 200
    assert response.context["figures"]["start"] == D(2024, 1, 1)
    assert response.context["figures"]["jobs_requested"] == 1
    assert re.search(r'data-testid="jobs-requested">\s*1<', text(response))


def test_overview_opens_on_the_latest_year_with_jobs_when_this_year_has_none(bs_client, wijk_a):
    KlusFactory(wijk=wijk_a, aanvraagdatum=D(2022, 5, 5))
    KlusFactory(wijk=wijk_a, aanvraagdatum=D(2023, 12, 5))

    response = bs_client.get(reverse("buurtservice:overzicht"))

    figures = response.context["figures"]
    assert (figures["start"], figures["end"]) == (D(2023, 1, 1), D(2023, 12, 31))
    assert figures["jobs_requested"] == 1


def test_overview_for_a_half_year_and_own_dates(bs_client, wijk_a):
    KlusFactory(wijk=wijk_a, aanvraagdatum=D(2023, 8, 5))

    response = bs_client.get(reverse("buurtservice:overzicht"), {"periode": "2023-H2"})
    assert response.context["figures"]["jobs_requested"] == 1
    assert "2e halfjaar 2023" in text(response)

    response = bs_client.get(
        reverse("buurtservice:overzicht"), {"start": "2023-08-06", "end": "2023-12-31"}
    )
    assert response.context["figures"]["jobs_requested"] == 0


@pytest.mark.parametrize(
    "params",
    [
        {"periode": "2023-H7"},
        {"start": "2023-05-01"},
        {"start": "x", "end": "y"},
        {"start": "2023-05-01", "end": "2023-04-01"},
    ],
)
def test_overview_with_bad_period_shows_a_message(bs_client, params):
    response = bs_client.get(reverse("buurtservice:overzicht"), params)

    assert response.status_code == 200
    assert "figures" not in response.context
    assert response.context["form"].errors


def test_lists_use_a_constant_number_of_queries(
    bs_client, wijk_a, wijk_b, django_assert_max_num_queries
):
    for day in range(1, 21):
        klus = KlusFactory(
            wijk=wijk_a if day % 2 else wijk_b,
            aanvraagdatum=D(2024, 1, day),
            status=KlusStatus.WACHTLIJST,
        )
        InzetFactory(klus=klus)
    urls = [
        reverse("buurtservice:wachtlijst"),
        reverse("buurtservice:klus_list"),
        reverse("buurtservice:uitvoerder_list"),
        reverse("buurtservice:capaciteit_list"),
        reverse("buurtservice:overzicht"),
    ]
    for url in urls:
        # 13: one of them is the two-step login's check for the user's app (per request).
        with django_assert_max_num_queries(13):
            response = bs_client.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize(
    ("periode", "previous", "following"),
    [
        ("2023-H2", "2023-H1", "2024-H1"),
        ("2024-Q1", "2023-Q4", "2024-Q2"),
        ("2023", "2022", "2024"),
    ],
)
def test_overview_links_to_the_neighbouring_periods(bs_client, periode, previous, following):
    response = bs_client.get(reverse("buurtservice:overzicht"), {"periode": periode})

    assert (response.context["previous_code"], response.context["next_code"]) == (
        previous,
        following,
    )
    assert f"?periode={previous}" in text(response)


def test_implausible_capacity_is_refused_with_a_dutch_message(bs_client):
    url = reverse("buurtservice:capaciteit_create")
    response = bs_client.post(url, {"uren_per_week": "9999", "startdatum": "2023-03-01"})
    assert response.status_code == 200
    assert "Zorg ervoor dat deze waarde hoogstens 1000 is." in text(response)
    assert not Capaciteit.objects.exists()


def test_a_job_is_done_through_the_page_before_its_planned_date(
    bs_client, make_klus, wijk_a, uitvoerders
):
    klus = make_klus(aanvraagdatum=D(2024, 3, 1), wijk=wijk_a)
    a, b = uitvoerders
    services.plan_klus(klus=klus, datum=D(2024, 4, 2), uitvoerders=uitvoerders, door=None)

    response = bs_client.post(
        reverse("buurtservice:klus_complete", args=[klus.pk]),
        {"datum": "2024-03-12", f"uren_{a.pk}": "1,5", f"uren_{b.pk}": "2"},
    )

    assert response.status_code == 302
    klus.refresh_from_db()
    assert (klus.status, klus.uitgevoerd_op, klus.gepland_op) == (
        KlusStatus.UITGEVOERD,
        D(2024, 3, 12),
        D(2024, 4, 2),
    )
    assert sorted(klus.inzet.values_list("uren", flat=True)) == [Decimal("1.5"), Decimal("2")]


def test_the_main_menu_reaches_every_buurtservice_page(bs_client):
    html = text(bs_client.get(reverse("buurtservice:klus_list")))
    menu = html.split('id="mainnav"')[1].split('id="usermenu"')[0]
    for name in ("wachtlijst", "klus_list", "uitvoerder_list", "capaciteit_list", "overzicht"):
        assert f'href="{reverse(f"buurtservice:{name}")}"' in menu, name
    # Only the page's own item is current, not the waiting list whose address starts it.
    assert menu.count('aria-current="page"') == 1
    assert re.search(r'href="/buurtservice/klussen/" aria-current="page">Alle klussen<', menu)
    # The sub-menu wraps on a phone instead of hiding items off-screen.
    assert "flex-wrap" in html.split('aria-label="Buurtservice"')[0].rsplit("<nav", 1)[1]


def test_the_jobs_filter_panel_opens_for_a_filter_not_for_a_page_and_follows_the_wijken(
    bs_client, make_klus, wijk_a, gebied_a
):
    for day in range(1, 31):
        make_klus(aanvraagdatum=D(2024, 1, day), wijk=wijk_a)
    url = reverse("buurtservice:klus_list")

    assert '<details class="mb-3">' in text(bs_client.get(url, {"page": 2}))
    assert '<details class="mb-3" open>' in text(bs_client.get(url, {"status": "wachtlijst"}))
    assert "Hoogkamp-Oost" not in text(bs_client.get(url))
    WijkFactory(naam="Hoogkamp-Oost", gebied=gebied_a)
    assert "Hoogkamp-Oost" in text(bs_client.get(url))
