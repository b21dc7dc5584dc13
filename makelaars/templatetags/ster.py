"""``{% ster activiteit %}``: the report-example star of one activity.

For a user who may mark examples it is a toggle button (``aria-pressed``) that
htmx posts in place; without JavaScript it submits the page's one ``ster-form``
(``makelaars/_ster_form.html``: the CSRF token and the way back). Others see a
filled star on an example and nothing otherwise. Built in Python: the activity
list shows 25 of them, and through a template include they cost more than the
rest of the row.
"""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from makelaars.forms import MARK_VOORBEELD

register = template.Library()


def star(user, activiteit) -> SafeString:
    marked = activiteit.is_voorbeeld
    if user.has_perm(MARK_VOORBEELD):
        url = reverse("makelaars:activiteit_voorbeeld", args=[activiteit.pk])
        wanted = "0" if marked else "1"
        return format_html(
            '<button type="submit" form="ster-form" formaction="{url}" name="voorbeeld" '
            'value="{wanted}" hx-post="{url}" hx-vals=\'{{"voorbeeld": "{wanted}"}}\' '
            'hx-include="#ster-form" hx-swap="outerHTML" class="btn btn-link ster-toggle{cls}" '
            'aria-pressed="{pressed}" data-testid="ster-{pk}"><i class="bi {icon}" '
            'aria-hidden="true"></i><span class="visually-hidden">{label}</span></button>',
            url=url,
            wanted=wanted,
            cls=" is-voorbeeld" if marked else "",
            pressed="true" if marked else "false",
            pk=activiteit.pk,
            icon="bi-star-fill" if marked else "bi-star",
            label=_("Report example: %(titel)s") % {"titel": activiteit.titel},
        )
    if marked:
        return format_html(
            '<span class="ster is-voorbeeld" data-testid="ster-{pk}"><i class="bi bi-star-fill" '
            'aria-hidden="true" title="{label}"></i><span class="visually-hidden">{label}</span>'
            "</span>",
            pk=activiteit.pk,
            label=_("Report example"),
        )
    return SafeString("")


@register.simple_tag(takes_context=True)
def ster(context, activiteit) -> SafeString:
    return star(context["request"].user, activiteit)
