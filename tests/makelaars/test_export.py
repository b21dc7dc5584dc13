"""Export of the filtered activity list to CSV and XLSX, for coordinators only."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from makelaars.exports import ActiviteitExporter
from tests.factories import ActiviteitFactory, InitiatiefFactory, OrganisatieFactory, ThemaFactory

pytestmark = pytest.mark.django_db

EXPORT = reverse("makelaars:activiteit_export")
HEADERS = [
    "Datum",
    "Titel",
    "Wijk",
    "Gebied",
    "Soort",
    "Rol",
    "Thema's",
    "Medewerkers",
    "Partners",
    "Initiatief",
    "Bereikte inwoners",
    "Geactiveerde inwoners",
    "Cijfers zoals gerapporteerd",
    "Beschrijving",
    "Opbrengst / effect",
    "Voorbeeld voor de jaarrapportage",
]


@pytest.fixture
def log(makelaar, wijk_a, wijk_b):
    tuin = ActiviteitFactory(
        titel="Geveltuinen",
        datum=datetime.date(2024, 2, 10),
        wijk=wijk_a,
        soort="evenement",
        rol="faciliteren",
        bewoners_bereikt=40,
        bewoners_geactiveerd=5,
        cijfers="ca. 40 bewoners",
        beschrijving='=HYPERLINK("http://evil")',
        opbrengst='Tien geveltuinen; "mooi"',
        initiatief=InitiatiefFactory(naam="Repair Café", wijk=wijk_a),
        is_voorbeeld=True,
    )
    tuin.themas.add(ThemaFactory(naam="Groen"), ThemaFactory(naam="Afval"))
    tuin.partners.add(OrganisatieFactory(naam="Ieder1"))
    tuin.medewerkers.add(makelaar.medewerker)
    ActiviteitFactory(titel="Zuid", datum=datetime.date(2023, 5, 1), wijk=wijk_b)
    return tuin


def read_csv(response):
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


def test_csv_has_dutch_headers_and_the_filtered_rows(coordinator, client_for, log, wijk_a):
    response = client_for(coordinator).get(EXPORT, {"format": "csv", "wijk": wijk_a.pk})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment;" in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0] == HEADERS
    assert len(rows) == 2
    row = dict(zip(HEADERS, rows[1], strict=True))
    assert row["Datum"] == "10-02-2024"
    assert row["Titel"] == "Geveltuinen"
    assert (row["Wijk"], row["Gebied"]) == ("Waterkwartier", "Waterkwartier")
    assert (row["Soort"], row["Rol"]) == ("evenement", "faciliteren")
    assert row["Thema's"] == "Afval, Groen"
    assert row["Medewerkers"] == "makelaar"
    assert row["Partners"] == "Ieder1"
    assert row["Initiatief"] == "Repair Café"
    assert (row["Bereikte inwoners"], row["Geactiveerde inwoners"]) == ("40", "5")
    assert row["Opbrengst / effect"] == 'Tien geveltuinen; "mooi"'
    assert row["Voorbeeld voor de jaarrapportage"] == "ja"
    # A formula typed in free text is exported as text.
    assert row["Beschrijving"] == '\'=HYPERLINK("http://evil")'


def test_csv_without_filters_holds_every_visible_activity(coordinator, client_for, log):
    rows = read_csv(client_for(coordinator).get(EXPORT, {"format": "csv"}))
    assert [r[1] for r in rows[1:]] == ["Geveltuinen", "Zuid"]


def test_xlsx_has_the_same_columns_and_real_dates(coordinator, client_for, log):
    response = client_for(coordinator).get(EXPORT, {"format": "xlsx", "periode": ""})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert len(rows) == 3
    first = dict(zip(HEADERS, rows[1], strict=True))
    assert first["Datum"].date() == datetime.date(2024, 2, 10)
    assert first["Bereikte inwoners"] == 40
    assert first["Beschrijving"] == '=HYPERLINK("http://evil")'
    assert sheet.cell(row=2, column=14).data_type == "s"
    assert rows[2][1] == "Zuid" and rows[2][10] is None


def test_export_columns_hold_no_personal_data():
    names = [str(c).lower() for c in ActiviteitExporter.columns]
    assert not any(word in " ".join(names) for word in ("adres", "telefoon", "e-mail", "naam"))


def test_brokers_get_403(makelaar, client_for, log):
    for fmt in ("csv", "xlsx"):
        assert client_for(makelaar).get(EXPORT, {"format": fmt}).status_code == 403


def test_export_links_only_for_coordinators(makelaar, coordinator, client_for, log):
    list_url = reverse("makelaars:activiteit_list")
    assert "export_links" not in client_for(makelaar).get(list_url).context
    response = client_for(coordinator).get(list_url, {"soort": "evenement", "page": "1"})
    links = dict(response.context["export_links"])
    assert links["CSV"] == f"{EXPORT}?soort=evenement&format=csv"
