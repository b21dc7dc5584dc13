"""Which models have an audit trail, filled by each app in its ``AppConfig.ready()``.

    from audit.registry import register
    register("activiteit", Activiteit)

The key is the model's name in the history URLs (``/geschiedenis/<key>/<pk>/``).
The audit app itself imports no app of ours: it only knows what was registered.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse

# The URL key of every audited model.
AUDITED: dict[str, type[models.Model]] = {}
# Reading the history of a record: coordinators and admins.
READ_PERMISSION = "wijken.view_all_gebieden"


def register(key: str, model: type[models.Model]) -> None:
    """Show ``model``'s history (it must have ``history = HistoricalRecords()``)."""
    if not hasattr(model, "history"):
        raise TypeError(f"{model.__name__} has no HistoricalRecords")
    existing = AUDITED.setdefault(key, model)
    if existing is not model:
        raise ValueError(f"audit key {key!r} is taken by {existing.__name__}")


def key_of(model: type[models.Model]) -> str:
    return next(key for key, audited in AUDITED.items() if audited is model)


def is_audited(obj) -> bool:
    return type(obj) in AUDITED.values()


def history_url(obj: models.Model) -> str:
    return reverse("audit:geschiedenis", args=[key_of(type(obj)), obj.pk])
