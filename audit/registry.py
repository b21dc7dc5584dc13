"""Which models have an audit trail, filled by each app in its ``AppConfig.ready()``.

    from audit.registry import register
    register("activiteit", Activiteit)

The key is the model's name in the history URLs (``/geschiedenis/<key>/<pk>/``).
The audit app itself imports no app of ours: it only knows what was registered.
An app whose records may not always come back (a section of a final report, say)
registers ``before_restore``: called with the record about to be restored, it
raises ``ValidationError`` (Dutch) to refuse.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import models
from django.urls import reverse

# The URL key of every audited model.
AUDITED: dict[str, type[models.Model]] = {}
# What must hold before a deleted record of the model is restored.
RESTORE_CHECKS: dict[type[models.Model], Callable[[models.Model], None]] = {}
# Reading the history of a record: coordinators and admins.
READ_PERMISSION = "wijken.view_all_gebieden"


def register(
    key: str,
    model: type[models.Model],
    *,
    before_restore: Callable[[models.Model], None] | None = None,
) -> None:
    """Show ``model``'s history (it must have ``history = HistoricalRecords()``)."""
    if not hasattr(model, "history"):
        raise TypeError(f"{model.__name__} has no HistoricalRecords")
    existing = AUDITED.setdefault(key, model)
    if existing is not model:
        raise ValueError(f"audit key {key!r} is taken by {existing.__name__}")
    if before_restore is not None:
        RESTORE_CHECKS[model] = before_restore


def key_of(model: type[models.Model]) -> str:
    return next(key for key, audited in AUDITED.items() if audited is model)


def is_audited(obj) -> bool:
    return type(obj) in AUDITED.values()


def history_url(obj: models.Model) -> str:
    return reverse("audit:geschiedenis", args=[key_of(type(obj)), obj.pk])
