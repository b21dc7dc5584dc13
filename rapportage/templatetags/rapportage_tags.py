import datetime
import re
from decimal import Decimal

from django import template
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.numbers import dutch_number
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
def getitem(mapping, key):
    try:
        return mapping[key]
    except (KeyError, IndexError, TypeError):
        return None


@register.filter
def num(value):
    """A figure with a Dutch decimal comma; whole numbers without decimals."""
    if value is None or value == "":
        return "–"
    if isinstance(value, float | Decimal) and value != int(value):
        return dutch_number(value, 1)
    return dutch_number(value)


@register.filter
def num1(value):
    """A figure with one decimal, Dutch style ("12,5")."""
    if value is None or value == "":
        return "–"
    return dutch_number(Decimal(str(value)), 1)


@register.filter
def registered(value):
    """A figure, or "no registration" where nothing was recorded (None)."""
    if value is None:
        return _("no registration")
    return num(value)


@register.filter
def signed(value):
    """A difference with its sign: "+3", "−2" (a real minus sign), "0"; "–" when unknown."""
    if value is None or value == "":
        return "–"
    number = Decimal(str(value))
    if number == 0:
        return "0"
    shown = num(abs(number) if number == int(number) else float(abs(number)))
    return f"+{shown}" if number > 0 else f"\u2212{shown}"


SOURCE_LABELS = {
    "makelaars": gettext_lazy("Staff (social brokers)"),
    "activiteiten": gettext_lazy("Activities"),
    "initiatieven": gettext_lazy("Resident initiatives"),
    "klussen": gettext_lazy("Buurtservice jobs"),
    "uitvoerders": gettext_lazy("Buurtservice volunteers and workers"),
    "signalen": gettext_lazy("Signals and collective questions"),
    "contacten": gettext_lazy("Contacts with the buurtteam"),
    "metingen": gettext_lazy("Questionnaires for residents"),
}


@register.filter
def source_label(key):
    return str(SOURCE_LABELS.get(key, key))


@register.filter
def row_of(rows, gebied_id):
    """The row of ``gebied_id`` in a list of per-gebied rows (None when absent)."""
    return next((row for row in rows or [] if row.get("gebied_id") == gebied_id), None)


@register.filter
def row_of_status(rows, status):
    return next((row for row in rows or [] if row.get("status") == status), None)


def _mentions(text: str, number) -> bool:
    return bool(re.search(rf"(?<![\d.,]){int(number)}(?![\d]|[.,]\d)", text or ""))


@register.filter
def example_figures(voorbeeld: dict) -> list[dict]:
    """The figure line of a report example: each figure with its own label, none twice.

    The free-text figures come first ("In figures: 250–300 visitors"); a counted
    figure (residents reached or activated) is left out when the free text already
    names that number.
    """
    parts = []
    text = (voorbeeld.get("cijfers") or "").strip()
    if text:
        parts.append({"label": _("In figures"), "value": text})
    for key, label in (
        ("bewoners_bereikt", _("residents reached")),
        ("bewoners_geactiveerd", _("residents activated")),
    ):
        value = voorbeeld.get(key)
        if value and not _mentions(text, value):
            parts.append({"label": capfirst(label) if not parts else label, "value": num(value)})
    return parts


@register.filter
def months_without_registration(activiteiten: dict) -> list[dict]:
    """Per gebied, the months in which not a single activity was recorded."""
    maanden = activiteiten.get("maanden", [])
    gaps = []
    for row in activiteiten.get("per_gebied", []):
        empty = [maanden[i] for i, n in enumerate(row.get("per_maand", [])) if not n]
        if empty:
            gaps.append({"gebied": row["gebied"], "maanden": empty})
    return gaps


@register.filter
def css_string(value) -> str:
    """``value`` safe inside a double-quoted CSS string (the page footer's content)."""
    text = str(value or "")
    return "".join(ch if ch.isalnum() or ch in " ,.–-:()" else f"\\{ord(ch):x} " for ch in text)
