"""Counts are typed and shown the Dutch way: "4.250" is four thousand two hundred
and fifty, in a form and on a page."""

from decimal import Decimal

import pytest
from django import forms
from django.template import Context, Template

from core.forms import DutchIntegerField
from core.numbers import dutch_number
from wijken.forms import WijkForm


class _CountForm(forms.Form):
    aantal = DutchIntegerField(min_value=0, max_value=1_000_000, required=False)


@pytest.mark.parametrize(
    ("typed", "value"),
    [("4.250", 4250), ("4250", 4250), (" 12 ", 12), ("1.000.000", 1_000_000), ("", None)],
)
def test_a_count_is_read_the_dutch_way(typed, value):
    form = _CountForm(data={"aantal": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["aantal"] == value


@pytest.mark.parametrize("typed", ["4,25", "4.25", "vier", "-3", "1.000.001"])
def test_a_count_with_decimals_or_out_of_range_is_refused(typed):
    form = _CountForm(data={"aantal": typed})
    assert not form.is_valid()


def test_a_saved_count_is_shown_grouped_in_a_text_box():
    html = str(_CountForm(initial={"aantal": 4250})["aantal"])
    assert 'value="4.250"' in html and 'type="text"' in html and 'inputmode="decimal"' in html


def test_the_beheerder_types_inhabitants_with_a_thousands_dot(gebied_a):
    form = WijkForm(
        data={"naam": "De Hoven", "gebied": gebied_a.pk, "cbs_code": "", "inwoners": "4.250"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["inwoners"] == 4250
    too_many = WijkForm(data={"naam": "X", "gebied": gebied_a.pk, "inwoners": "1.000.001"})
    assert "inwoners" in too_many.errors


@pytest.mark.parametrize(
    ("value", "decimals", "shown"),
    [
        (1458, None, "1.458"),
        (1652, None, "1.652"),
        (Decimal("36.0"), 1, "36,0"),
        (36.0, None, "36"),
        (Decimal("1250.5"), 2, "1.250,50"),
        (0, None, "0"),
        (None, None, ""),
        ("0301", None, "0301"),  # text, such as a code, stays as it is
    ],
)
def test_figures_are_written_the_dutch_way(value, decimals, shown):
    assert dutch_number(value, decimals) == shown
    template = Template(
        "{% load numbers %}{{ value|number" + (f":{decimals}" if decimals else "") + " }}"
    )
    assert template.render(Context({"value": value})) == shown
