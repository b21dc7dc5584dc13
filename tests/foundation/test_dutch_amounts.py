"""Money and hours are read the Dutch way, whatever the browser's language."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from buurtservice.forms import CapaciteitForm, HoursField
from core.forms import DutchDecimalField, parse_decimal
from initiatieven.forms import FinancieringsaanvraagForm
from tests.factories import InitiatiefFactory
from wijken.forms import MedewerkerForm


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("750,00", Decimal("750.00")),
        ("1.250,50", Decimal("1250.50")),
        ("750.00", Decimal("750.00")),
        ("750", Decimal("750")),
        ("750,-", Decimal("750")),
        ("€ 1.250", Decimal("1250")),
        ("1,250.50", Decimal("1250.50")),
        ("1.250.000", Decimal("1250000")),
        ("3,5", Decimal("3.5")),
        ("3.5", Decimal("3.5")),
        (" 12 ", Decimal("12")),
    ],
)
def test_typed_numbers_are_read_as_meant(typed, value):
    assert parse_decimal(typed) == value


@pytest.mark.parametrize("typed", ["abc", "1,2,3", "1.2.3", "12,5.0", "1.25,0.0", "", "€", "--3"])
def test_nonsense_is_refused(typed):
    with pytest.raises(ValueError):
        parse_decimal(typed)


def test_field_shows_its_value_the_dutch_way_in_a_text_input():
    field = DutchDecimalField(max_digits=10, decimal_places=2)
    html = field.widget.render("bedrag", field.prepare_value(Decimal("1250.5")))
    assert 'value="1250,50"' in html
    assert 'type="text"' in html and 'inputmode="decimal"' in html
    assert "step" not in html


def test_field_refuses_text_with_a_dutch_message():
    field = DutchDecimalField(max_digits=10, decimal_places=2)
    with pytest.raises(Exception) as error:
        field.clean("zevenhonderd")
    assert "750,00" in str(error.value.messages)


def aanvraag_data(bedrag: str, **extra) -> dict:
    return {
        "fonds": "Wensfonds",
        "bedrag": bedrag,
        "aangevraagd_op": "2023-03-01",
        "status": "aangevraagd",
        **extra,
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "value"),
    [("750,00", Decimal("750")), ("1.250,50", Decimal("1250.50")), ("750.00", Decimal("750"))],
)
def test_funding_form_reads_the_amount_as_meant(typed, value):
    form = FinancieringsaanvraagForm(data=aanvraag_data(typed))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["bedrag"] == value


@pytest.mark.django_db
def test_an_implausible_amount_is_questioned_once(client, wijk_a, makelaar):
    initiatief_a = InitiatiefFactory(wijk=wijk_a)
    client.force_login(makelaar)
    url = reverse("initiatieven:financiering_create", args=[initiatief_a.pk])
    response = client.post(url, aanvraag_data("75000"))
    assert response.status_code == 200
    assert not initiatief_a.financieringsaanvragen.exists()
    html = response.content.decode()
    assert "75.000,00 is ongewoon hoog" in html
    assert 'name="bedrag_klopt"' in html and 'type="checkbox"' in html
    assert 'value="75000"' in html  # what was typed is kept

    response = client.post(url, aanvraag_data("75000", bedrag_klopt="on"))
    assert response.status_code == 302
    assert initiatief_a.financieringsaanvragen.get().bedrag == Decimal("75000")


@pytest.mark.django_db
def test_a_plausible_amount_needs_no_confirmation():
    form = FinancieringsaanvraagForm(data=aanvraag_data("20.000"))
    assert form.is_valid(), form.errors
    assert 'type="hidden"' in str(form["bedrag_klopt"])


def test_job_hours_read_the_dutch_way():
    field = HoursField(label="uren")
    assert field.clean("2,5") == Decimal("2.5")
    assert field.clean("2.5") == Decimal("2.5")
    with pytest.raises(Exception, match="24"):
        field.clean("25")


@pytest.mark.django_db
def test_hours_per_week_read_the_dutch_way():
    capaciteit = CapaciteitForm(
        data={"uren_per_week": "12,5", "startdatum": "2023-01-01", "omschrijving": ""}
    )
    assert capaciteit.is_valid(), capaciteit.errors
    assert capaciteit.cleaned_data["uren_per_week"] == Decimal("12.5")

    medewerker = MedewerkerForm(data={"uren_per_week": "61"})
    assert not medewerker.is_valid()
    assert "uren_per_week" in medewerker.errors
    medewerker = MedewerkerForm(
        data={
            "naam": "Fenna",
            "functie": "sociaal_makelaar",
            "uren_per_week": "28,5",
            "startdatum": datetime.date(2023, 1, 1).isoformat(),
        }
    )
    medewerker.is_valid()
    assert "uren_per_week" not in medewerker.errors
    assert medewerker.cleaned_data["uren_per_week"] == Decimal("28.5")
