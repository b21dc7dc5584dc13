"""``{% submission_token %}``: the hidden one-time token of a create form (core.onetime)."""

from django import template
from django.utils.html import format_html

from core.onetime import FIELD

register = template.Library()


@register.simple_tag(takes_context=True)
def submission_token(context) -> str:
    token = context.get(FIELD)
    if not token:
        return ""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, token)
