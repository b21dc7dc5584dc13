import datetime
from decimal import Decimal

from django import template
from django.utils.formats import date_format, number_format

from rapportage.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """Render Markdown written by a coordinator as sanitised HTML."""
    return render_markdown(text)


@register.filter
def isodate(value, fmt="j F Y"):
    """Format an ISO date string from the figures (``2023-12-31``) as a Dutch date."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return date_format(value, fmt)


@register.filter
def num(value):
    """A figure with a Dutch decimal comma; whole numbers without decimals."""
    if value is None or value == "":
        return "–"
    if isinstance(value, float | Decimal) and value == int(value):
        value = int(value)
    if isinstance(value, float | Decimal):
        return number_format(value, decimal_pos=1)
    return number_format(value, force_grouping=True)
