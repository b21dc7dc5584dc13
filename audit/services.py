"""Restoring a deleted record from its audit trail (admins only)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from simple_history.utils import get_m2m_reverse_field_name

from .registry import RESTORE_CHECKS

RESTORE_REASON = "restored"


class RestoreConflict(Exception):
    pass


@transaction.atomic
def restore_deleted(*, model: type[models.Model], history_id: int) -> models.Model:
    """Bring a deleted record back as it was, with its many-to-many links when recorded."""
    record = get_object_or_404(model.history.filter(history_type="-"), history_id=history_id)
    pk = getattr(record, model._meta.pk.attname)
    if model._base_manager.filter(pk=pk).exists():
        raise RestoreConflict(_("This record exists again; it was restored before."))
    obj = record.instance
    check = RESTORE_CHECKS.get(model)
    if check is not None:
        try:
            check(obj)
        except ValidationError as error:
            raise RestoreConflict(" ".join(error.messages)) from error
    obj._change_reason = RESTORE_REASON
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as error:
        raise RestoreConflict(
            _("This record cannot be restored: something it belongs to has been deleted too.")
        ) from error
    # The deletion record has no links (they are removed first); the state before has.
    before = record.prev_record
    for m2m in getattr(record, "_history_m2m_fields", []):
        if before is None:
            break
        target = get_m2m_reverse_field_name(m2m)
        ids = [getattr(row, f"{target}_id") for row in getattr(before, m2m.name).all()]
        existing = m2m.related_model._base_manager.filter(pk__in=ids)
        getattr(obj, m2m.name).set(existing)
    return obj
