"""Every export (CSV and XLSX): Dutch headers, the rows of the page's filters, its own
permission, never a requester's personal data, and no formulas from typed text."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from buurtservice.choices import KlusStatus, UitvoerderSoort
from initiatieven.choices import InitiatiefStatus
from tests.factories import (
    ActiviteitFactory,
    CapaciteitFactory,
    InitiatiefFactory,
    InzetFactory,
    KlusFactory,
    UitvoerderFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date
REQUESTER = ("Mevr. Verborgenaam", "Geheimstraat 7", "0575-123987")
FORMULA = '=HYPERLINK("http://evil")'

# URL name -> (who may export, the Dutch header row)
EXPORTS = {
    "makelaars:activiteit_export": ("coordinator", None),
    "initiatieven:initiatief_export": (
        "coordinator",
        [
            "Naam",
            "Wijk",
            "Gebied",
            "Status",
            "Status sinds",
            "Thema's",
            "Aantal initiatiefnemers",
            "Ondersteunende medewerkers",
            "Partners",
        ],
    ),
    "buurtservice:wachtlijst_export": (
        "buurtservice_user",
        ["Aanvraagdatum", "Wijk", "Gebied", "Soort", "Verwijzer", "Status", "Dagen gewacht"],
    ),
    "buurtservice:klus_export": (
        "buurtservice_user",
        [
            "Aanvraagdatum",
            "Wijk",
            "Gebied",
            "Soort",
            "Verwijzer",
            "Status",
            "Gepland op",
            "Uitgevoerd op",
            "Geannuleerd op",
            "Uren",
            "Uitvoerders",
        ],
    ),
    "buurtservice:uitvoerder_export": (
        "buurtservice_user",
        ["Naam", "Soort", "Herkomst", "Startdatum", "Einddatum", "Uitstroom", "Klussen"],
    ),
    "buurtservice:overzicht_export": ("buurtservice_user", ["Cijfer", "Aantal"]),
}


@pytest.fixture
def record(wijk_a, wijk_b, makelaar):
    """Jobs with a requester (also typed into their free text), workers, an
    initiative with first names of its initiators, an activity."""
    naam, adres, telefoon = REQUESTER
    requester = {"aanvrager_naam": naam, "aanvrager_adres": adres, "aanvrager_telefoon": telefoon}
    open_job = KlusFactory(
        wijk=wijk_a,
        status=KlusStatus.WACHTLIJST,
        aanvraagdatum=D(2024, 3, 1),
        omschrijving=f"Heg van {naam} snoeien",
        **requester,
    )
    KlusFactory(
        wijk=wijk_b, status=KlusStatus.WACHTLIJST, aanvraagdatum=D(2024, 3, 2), soort="drempel"
    )
    done = KlusFactory(
        wijk=wijk_a,
        status=KlusStatus.UITGEVOERD,
        aanvraagdatum=D(2024, 2, 1),
        gepland_op=D(2024, 2, 10),
        uitgevoerd_op=D(2024, 2, 10),
        **requester,
    )
    KlusFactory(
        wijk=wijk_a,
        status=KlusStatus.GEANNULEERD,
        aanvraagdatum=D(2024, 2, 1),
        geannuleerd_op=D(2024, 2, 3),
        annuleringsreden=f"{naam} is verhuisd naar {adres}",
        **requester,
    )
    ahmed = UitvoerderFactory(
        naam="Ahmed", soort=UitvoerderSoort.VRIJWILLIGER, startdatum=D(2024, 1, 15)
    )
    UitvoerderFactory(naam=FORMULA, soort=UitvoerderSoort.STAGIAIR, startdatum=D(2024, 4, 1))
    InzetFactory(klus=done, uitvoerder=ahmed, uren=3)
    CapaciteitFactory(uren_per_week=24, startdatum=D(2024, 1, 1))
    InitiatiefFactory(
        naam="Moestuin", wijk=wijk_a, status=InitiatiefStatus.ACTIEF, initiatiefnemers="Anna, Mo"
    )
    InitiatiefFactory(naam=FORMULA, wijk=wijk_b, status=InitiatiefStatus.IDEE)
    ActiviteitFactory(wijk=wijk_a, datum=D(2024, 3, 3), titel="Buurtkoffie")
    return {"open": open_job}


def read_csv(response) -> list[list[str]]:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


def read_xlsx(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(b"".join(response.streaming_content))).active


def export(client, name: str, fmt: str = "csv", **query):
    return client.get(reverse(name), {"format": fmt, "periode": "2024", **query})


@pytest.fixture
def exporter_of(request, client_for):
    def client(name: str):
        return client_for(request.getfixturevalue(EXPORTS[name][0]))

    return client


@pytest.mark.parametrize("name", [n for n, (_who, header) in EXPORTS.items() if header])
def test_dutch_headers_in_csv_and_xlsx(name, record, exporter_of):
    client = exporter_of(name)
    header = EXPORTS[name][1]
    assert read_csv(export(client, name))[0] == header
    sheet = read_xlsx(export(client, name, "xlsx"))
    assert [cell.value for cell in next(sheet.iter_rows(max_row=1))] == header


@pytest.mark.parametrize("name", EXPORTS)
def test_other_roles_are_refused(name, record, client_for, makelaar, client):
    assert client_for(makelaar).get(reverse(name), {"format": "csv"}).status_code == 403
    anonymous = client.get(reverse(name), {"format": "csv"})
    assert anonymous.status_code == 302 and reverse("login") in anonymous["Location"]


def test_buurtservice_exports_are_not_for_coordinators_of_activities_only(
    record, client_for, buurtservice_user, coordinator
):
    """Each export has its own permission: the Buurtservice role exports its lists,
    not the activity log or the initiatives."""
    client = client_for(buurtservice_user)
    for name in ("makelaars:activiteit_export", "initiatieven:initiatief_export"):
        assert client.get(reverse(name), {"format": "csv"}).status_code == 403
    assert buurtservice_user.has_perm("buurtservice.export_klus")
    assert coordinator.has_perm("buurtservice.export_klus")


@pytest.mark.parametrize("name", EXPORTS)
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_no_requester_data_in_any_export(name, fmt, record, client_for, coordinator):
    response = export(client_for(coordinator), name, fmt)
    if fmt == "csv":
        text = "\n".join(";".join(row) for row in read_csv(response))
    else:
        sheet = read_xlsx(response)
        text = "\n".join(
            ";".join(str(value) for value in row if value is not None)
            for row in sheet.iter_rows(values_only=True)
        )
    assert len(text.splitlines()) > 1  # there is something to look in
    for secret in (*REQUESTER, "Verborgenaam", "Anna, Mo"):
        assert secret not in text, f"{secret!r} in {name}"


def test_rows_follow_the_page_filters(record, client_for, buurtservice_user, coordinator, wijk_a):
    bs = client_for(buurtservice_user)
    rows = read_csv(export(bs, "buurtservice:wachtlijst_export", wijk=wijk_a.pk))
    assert [row[1] for row in rows[1:]] == ["Waterkwartier"]
    rows = read_csv(export(bs, "buurtservice:wachtlijst_export", soort="drempel"))
    assert [row[1] for row in rows[1:]] == ["Zuidwijken"]

    rows = read_csv(export(bs, "buurtservice:klus_export", status="uitgevoerd"))
    [done] = rows[1:]
    assert done[5:] == ["uitgevoerd", "10-02-2024", "10-02-2024", "", "3,0", "Ahmed"]
    assert len(read_csv(export(bs, "buurtservice:klus_export"))) == 5  # header + 4 jobs

    rows = read_csv(export(bs, "buurtservice:uitvoerder_export", soort="vrijwilliger"))
    assert [row[:2] for row in rows[1:]] == [["Ahmed", "vrijwilliger"]]
    assert rows[1][-1] == "1"  # one job

    figures = dict(read_csv(export(bs, "buurtservice:overzicht_export", periode="2024-Q1"))[1:])
    assert figures["Periode"] == "Q1 2024"
    assert figures["Aangevraagde klussen"] == "4"
    assert figures["Uitgevoerde klussen"] == "1"
    assert figures["Nieuwe uitvoerders"] == "1"  # the intern starts in April
    h2 = dict(read_csv(export(bs, "buurtservice:overzicht_export", periode="2024-H1"))[1:])
    assert h2["Nieuwe uitvoerders"] == "2"

    rows = read_csv(
        export(client_for(coordinator), "initiatieven:initiatief_export", status="actief")
    )
    assert [row[:4] for row in rows[1:]] == [
        ["Moestuin", "Waterkwartier", "Waterkwartier", "actief"]
    ]


def test_an_invalid_period_goes_back_to_the_overview(record, client_for, buurtservice_user):
    response = client_for(buurtservice_user).get(
        reverse("buurtservice:overzicht_export"), {"periode": "2024-Q9", "format": "csv"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("buurtservice:overzicht"))


@pytest.mark.parametrize(
    ("name", "column"),
    [("buurtservice:uitvoerder_export", 0), ("initiatieven:initiatief_export", 0)],
)
def test_typed_formulas_stay_text(name, column, record, client_for, coordinator):
    client = client_for(coordinator)
    rows = read_csv(export(client, name))
    assert "'" + FORMULA in [row[column] for row in rows[1:]]
    sheet = read_xlsx(export(client, name, "xlsx"))
    cells = [row[column] for row in sheet.iter_rows(min_row=2)]
    formula = next(cell for cell in cells if cell.value == FORMULA)
    assert formula.data_type == "s"


@pytest.mark.parametrize(
    ("list_name", "user", "export_name"),
    [
        ("buurtservice:wachtlijst", "buurtservice_user", "buurtservice:wachtlijst_export"),
        ("buurtservice:klus_list", "buurtservice_user", "buurtservice:klus_export"),
        ("buurtservice:uitvoerder_list", "buurtservice_user", "buurtservice:uitvoerder_export"),
        ("buurtservice:overzicht", "buurtservice_user", "buurtservice:overzicht_export"),
        ("initiatieven:initiatief_list", "coordinator", "initiatieven:initiatief_export"),
        ("makelaars:activiteit_list", "coordinator", "makelaars:activiteit_export"),
    ],
)
def test_pages_link_their_export_with_their_filters(
    list_name, user, export_name, record, request, client_for, makelaar
):
    client = client_for(request.getfixturevalue(user))
    response = client.get(reverse(list_name), {"periode": "2024", "page": "1"})
    links = dict(response.context["export_links"])
    assert links["CSV"] == f"{reverse(export_name)}?periode=2024&format=csv"
    assert links["Excel"] == f"{reverse(export_name)}?periode=2024&format=xlsx"
    assert 'data-testid="export-csv"' in response.content.decode()
    # A broker may open some of these pages, but gets no export links.
    other = client_for(makelaar).get(reverse(list_name))
    if other.status_code == 200:
        assert "export_links" not in other.context
