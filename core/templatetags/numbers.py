"""``{{ value|number }}`` and ``{{ value|number:1 }}``: a figure written the Dutch
way (core.numbers.dutch_number): "1.458", "36,0"."""

from django import template

from core.numbers import dutch_number

register = template.Library()


@register.filter
def number(value, decimals=None):
    return dutch_number(value, None if decimals in (None, "") else int(decimals))
