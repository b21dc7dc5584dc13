"""Checks shared by the correction tests: a removal leaves a history row with who
removed it, and a beheerder brings the record back from the audit pages."""

from __future__ import annotations

from django.urls import reverse


def assert_removed_by(model, pk: int, user) -> object:
    """``model``'s record ``pk`` is gone and its deletion row names ``user``."""
    assert not model._base_manager.filter(pk=pk).exists()
    deletion = model.history.filter(id=pk, history_type="-").latest()
    assert deletion.history_user == user
    return deletion


def restore_as(client, key: str, deletion) -> None:
    """Restore a deleted record through the audit page, as the logged-in ``client``."""
    response = client.post(reverse("audit:herstellen", args=[key, deletion.history_id]))
    assert response.status_code == 302
