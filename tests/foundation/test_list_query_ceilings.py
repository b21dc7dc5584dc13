"""Every list and area page stays within 8 SQL queries once its figures are cached,
and within a fixed ceiling on the first request, whatever the number of rows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from django.utils import timezone

from buurtservice.models import Uitvoerder
from initiatieven.models import Initiatief
from makelaars.models import Activiteit
from tests.factories import (
    ActiviteitFactory,
    InitiatiefFactory,
    InzetFactory,
    KlusFactory,
    OrganisatieFactory,
    ThemaFactory,
    UitvoerderFactory,
)
from wijken.models import Wijk

pytestmark = pytest.mark.django_db

# The floor (session, user, the user's permissions in two queries, their role) is 5.
WARM_CEILING = 8
COLD_CEILING = 16


@pytest.fixture
def rows(wijk_a, wijk_b, makelaar):
    today = timezone.localdate()
    for index in range(30):
        wijk = wijk_a if index % 2 else wijk_b
        activiteit = ActiviteitFactory(wijk=wijk, datum=today, bewoners_bereikt=index)
        activiteit.partners.add(OrganisatieFactory())
        activiteit.themas.add(ThemaFactory())
        activiteit.medewerkers.add(makelaar.medewerker)
        initiatief = InitiatiefFactory(wijk=wijk, status="actief")
        initiatief.themas.add(ThemaFactory())
        initiatief.ondersteuners.add(makelaar.medewerker)
        klus = KlusFactory(wijk=wijk, aanvraagdatum=today - datetime.timedelta(days=index))
        InzetFactory(klus=klus, uitvoerder=UitvoerderFactory())


def pages(wijk_a, gebied_a):
    return [
        ("makelaars:activiteit_list", {}, {}),
        ("makelaars:activiteit_list", {}, {"q": "Activiteit", "sort": "titel"}),
        ("makelaars:activiteit_list", {}, {"periode": "jaar", "wijk": str(wijk_a.pk)}),
        ("initiatieven:initiatief_list", {}, {}),
        ("initiatieven:initiatief_list", {}, {"q": "Initiatief"}),
        ("buurtservice:klus_list", {}, {}),
        ("buurtservice:wachtlijst", {}, {}),
        ("buurtservice:uitvoerder_list", {}, {}),
        ("pages:wijk_list", {}, {}),
        ("pages:wijk_detail", {"pk": wijk_a.pk}, {}),
        ("pages:gebied_detail", {"pk": gebied_a.pk}, {}),
    ]


@pytest.mark.parametrize("who", ["makelaar", "coordinator"])
def test_lists_within_the_query_ceilings(
    who, request, rows, wijk_a, gebied_a, client_for, django_assert_max_num_queries
):
    user = request.getfixturevalue(who)
    client = client_for(user)
    for name, kwargs, params in pages(wijk_a, gebied_a):
        url = reverse(name, kwargs=kwargs)
        if not user.has_perm(resolve(url).func.view_class.permission_required):
            continue  # e.g. the waiting list is Buurtservice's
        with django_assert_max_num_queries(COLD_CEILING):
            first = client.get(url, params)
        assert first.status_code == 200, url
        with django_assert_max_num_queries(WARM_CEILING):
            again = client.get(url, params)
        assert again.status_code == 200, url


def test_the_filter_panel_carries_no_long_option_lists(makelaar, client_for, wijk_a):
    partners = [OrganisatieFactory(naam=f"Partner {index}") for index in range(20)]
    chosen = partners[3]
    response = client_for(makelaar).get(
        reverse("makelaars:activiteit_list"), {"partner": chosen.pk}
    )
    html = response.content.decode()
    assert "Partner 7" not in html
    # The chosen partner stays visible and selected; the rest comes from the endpoint.
    assert f'<option value="{chosen.pk}" selected>Partner 3</option>' in html
    assert f'data-options-url="{reverse("makelaars:activiteit_filter_options")}"' in html
    assert "js/lazy-options" in html


def test_the_paginator_reuses_the_counted_totals(makelaar, client_for, wijk_a):
    for _index in range(30):
        ActiviteitFactory(wijk=wijk_a)
    client = client_for(makelaar)
    response = client.get(reverse("makelaars:activiteit_list"), {"page": 2})
    assert response.context["paginator"].count == response.context["totals"]["aantal"] == 30
    assert len(response.context["activiteiten"]) == 5
    # No COUNT(*) of its own: the only aggregate is the totals query.
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("makelaars:activiteit_list"), {"page": 2, "soort": "overleg"})
    counting = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
    assert len(counting) == 1, counting


def rename_first(model, ordering: tuple[str, ...], field: str, text: str):
    """A change to the first row a list shows: its ``field`` becomes ``text``."""

    def change():
        row = model.objects.order_by(*ordering).first()
        setattr(row, field, text)
        row.save()

    return change


def rename_the_wijken():
    for wijk in Wijk.objects.all():
        wijk.naam = f"Hernoemd {wijk.pk}"
        wijk.save()


# (list, its table, a change to what its first rows show, that change as the rows
# show it: the filter panel lists the wijken too, as options)
ROW_CACHED_LISTS = [
    (
        "makelaars:activiteit_list",
        "makelaars_activiteit",
        rename_first(Activiteit, ("-datum", "-pk"), "titel", "Veranderde titel"),
        "Veranderde titel",
    ),
    (
        "initiatieven:initiatief_list",
        "initiatieven_initiatief",
        rename_first(Initiatief, ("naam", "pk"), "naam", "Aaa veranderd"),  # stays first
        "Aaa veranderd",
    ),
    ("buurtservice:klus_list", "buurtservice_klus", rename_the_wijken, "<td>Hernoemd"),
    ("buurtservice:wachtlijst", "buurtservice_klus", rename_the_wijken, "· Hernoemd"),
    (
        "buurtservice:uitvoerder_list",
        "buurtservice_uitvoerder",
        rename_first(Uitvoerder, ("naam", "pk"), "naam", "Aaa veranderd"),
        "Aaa veranderd",
    ),
]


@pytest.mark.parametrize(
    ("name", "table", "change", "shown"), ROW_CACHED_LISTS, ids=[r[0] for r in ROW_CACHED_LISTS]
)
def test_a_list_keeps_its_rows_until_they_change(
    name, table, change, shown, rows, coordinator, buurtservice_user, client_for
):
    """The second request of a page takes its rendered rows from the cache, without
    a query on the list's table; a change to what they show is on the next request."""
    user = buurtservice_user if name == "buurtservice:wachtlijst" else coordinator
    client = client_for(user)
    url = reverse(name)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert not [q["sql"] for q in queries.captured_queries if f'"{table}"' in q["sql"]]

    change()
    assert shown in client.get(url).content.decode()
