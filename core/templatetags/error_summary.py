"""``{% error_summary form links %}``: the list of a refused form's errors at its top.

A refused form that only marks its fields is easily taken for a form that did
nothing, above all on a phone where the marked field lies screens below. The
summary names every error, each a link to its field (the GOV.UK and NL Design
System error summary), and static/js/error-summary.js gives it the focus.
Crispy forms' own error block (templates/bootstrap5/errors.html) renders it, so
every ``{{ form|crispy }}`` has one; forms laid out field by field include it.
"""

from __future__ import annotations

from django import forms, template
from django.forms.utils import pretty_name
from django.forms.widgets import ChoiceWidget

register = template.Library()


def _anchor(bound: forms.BoundField) -> str:
    """The id of the element a link to this field should focus."""
    widget = bound.field.widget
    if widget.is_hidden:
        return ""
    if isinstance(widget, ChoiceWidget) and widget.input_type in ("radio", "checkbox"):
        # A group of choices: its first one, if it offers any.
        return f"{bound.auto_id}_0" if bound.subwidgets else ""
    return bound.id_for_label or bound.auto_id or ""


def _form_errors(form: forms.BaseForm) -> list[dict]:
    items = [{"message": error, "anchor": ""} for error in form.non_field_errors()]
    for name, errors in form.errors.items():
        if name == forms.forms.NON_FIELD_ERRORS or name not in form.fields:
            continue
        bound = form[name]
        label = bound.label or pretty_name(name)
        anchor = _anchor(bound)
        for error in errors:
            items.append({"label": label if anchor else "", "message": error, "anchor": anchor})
    return items


def error_items(*forms_or_formsets) -> list[dict]:
    """Every error of the given forms and formsets, in the order of their fields."""
    items = []
    for thing in forms_or_formsets:
        if thing is None or not getattr(thing, "is_bound", False):
            continue
        if isinstance(thing, forms.BaseFormSet):
            items += [{"message": error, "anchor": ""} for error in thing.non_form_errors()]
            for form in thing.forms:
                items += _form_errors(form)
        else:
            items += _form_errors(thing)
    return items


@register.inclusion_tag("core/_error_summary.html")
def error_summary(*forms_or_formsets) -> dict:
    return {"errors": error_items(*forms_or_formsets)}
