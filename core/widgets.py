"""Select widgets that render their options in Python.

Django renders every <option> through a template; with hundreds of partners on
the sociale kaart that dominated the time of the activity list and form. These
produce the same HTML, escaped the same way, in a fraction of the time.
"""

from __future__ import annotations

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe


class FastSelectMixin:
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [format_html('<select name="{}"{}>', widget["name"], flatatt(widget["attrs"]))]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(format_html('<optgroup label="{}">', group_name))
            for option in options:
                parts.append(
                    format_html(
                        '<option value="{}"{}>{}</option>',
                        option["value"],
                        flatatt(option["attrs"]),
                        option["label"],
                    )
                )
            if group_name:
                parts.append("</optgroup>")
        parts.append("</select>")
        return mark_safe("".join(parts))  # every part above went through format_html


class FastSelect(FastSelectMixin, forms.Select):
    pass


class FastSelectMultiple(FastSelectMixin, forms.SelectMultiple):
    pass


class DateInput(forms.DateInput):
    """The one date widget: the browser's date picker, ISO value (what it sends)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class LazySelect(FastSelectMixin, forms.Select):
    """A select of a long list whose options are fetched when its panel opens.

    The page carries only the empty choice and the current one; the script
    ``js/lazy-options.js`` fills in the rest from ``options_url`` (JSON, see
    :class:`core.filters.FilterOptionsView`) the first time the surrounding
    ``<details>`` opens. Use with :class:`core.filters.LazyModelChoiceFilter`.
    """

    def __init__(self, attrs=None, *, options_url):
        super().__init__(attrs)
        self.options_url = options_url

    def get_context(self, name, value, attrs):
        attrs = {
            **(attrs or {}),
            "data-options-url": str(self.options_url),
            "data-options-key": name,
        }
        return super().get_context(name, value, attrs)

    def optgroups(self, name, value, attrs=None):
        field = getattr(self.choices, "field", None)
        options = []
        if field is not None and field.empty_label is not None:
            options.append(("", field.empty_label))
        for current in value:
            label = self._label(field, current) if current else None
            if label is not None:
                options.append((current, label))
        return [
            (
                None,
                [self.create_option(name, option, label, option in value, index, attrs=attrs)],
                index,
            )
            for index, (option, label) in enumerate(options)
        ]

    @staticmethod
    def _label(field, value: str) -> str | None:
        if field is None:
            return None
        found = getattr(field, "found", None)
        if found is None or str(found.pk) != str(value):
            try:
                found = field.queryset.filter(pk=value).first()
            except (ValueError, TypeError):
                found = None
        return field.label_from_instance(found) if found is not None else None


class DecimalInput(forms.TextInput):
    """Money and hours: a text box with the phone's number keyboard.

    Not ``type=number``: a browser set to English reads "750,00" in a number input
    as 75000 (or refuses it), while Dutch users type the comma. The server reads
    the text the Dutch way (core.forms.DutchDecimalField).
    """

    def __init__(self, attrs=None):
        super().__init__(attrs={"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})
