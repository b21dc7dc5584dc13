"""Small presentation helpers for the initiatives pages."""

from __future__ import annotations

import re

from django import template

from initiatieven.choices import AanvraagStatus, InitiatiefStatus

register = template.Library()

STATUS_BADGES = {
    InitiatiefStatus.IDEE: "text-bg-light border",
    InitiatiefStatus.IN_VOORBEREIDING: "text-bg-info",
    InitiatiefStatus.ACTIEF: "text-bg-success",
    InitiatiefStatus.ZELFSTANDIG: "text-bg-primary",
    InitiatiefStatus.GESTOPT: "text-bg-secondary",
    AanvraagStatus.AANGEVRAAGD: "text-bg-warning",
    AanvraagStatus.TOEGEKEND: "text-bg-success",
    AanvraagStatus.AFGEWEZEN: "text-bg-secondary",
}

_BULLET = re.compile(r"^\s*(?:[-*•★]|\d+[.)])\s*")


@register.filter
def status_badge(value: str) -> str:
    """The Bootstrap badge classes for an initiative or application status."""
    return STATUS_BADGES.get(value, "text-bg-light border")


@register.filter
def bullet_lines(text: str) -> list[str]:
    """The non-empty lines of ``text``, without leading bullet marks."""
    return [_BULLET.sub("", line).strip() for line in (text or "").splitlines() if line.strip()]
