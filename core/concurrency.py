"""Protection against lost updates: a version number per record.

Every save of an existing record raises its ``version``. An edit form carries
the version the editor started from in a hidden field; when the stored version
is different by the time the form is posted, someone else saved the record in
the meantime and the edit is refused (the user's input stays in the form).

The check happens twice: in the form (so the user gets a normal form error) and
once more in ``save()`` inside the write transaction, with a conditional UPDATE
that locks the row, so two truly simultaneous saves cannot both pass.
"""

from __future__ import annotations

from django import forms
from django.db import models, router, transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

MAX_VERSION = 2**31 - 1


class VersionConflict(Exception):
    """The record was saved by someone else since the editor loaded it."""


def stale_message(model: type[models.Model]) -> str:
    return gettext(
        "Someone else has changed this record (%(thing)s) in the meantime. Your changes have "
        "not been saved: copy them, reload the page and try again."
    ) % {"thing": model._meta.verbose_name}


class VersionedModel(models.Model):
    """Adds ``version``, raised on every full save of an existing record.

    Partial saves (``update_fields``) do not count: they are targeted writes of
    fields no edit form shows (e.g. a status change or the order of sections).
    Set ``expected_version`` (see :meth:`expect_version`) before saving to have
    the save refused with :class:`VersionConflict` when the stored version differs.
    """

    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        editable=False,
        help_text=_("Raised on every save; protects against overwriting someone else's edit."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is None or self._state.adding or kwargs.get("update_fields"):
            super().save(*args, **kwargs)
            return
        expected = getattr(self, "_expected_version", None)
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        with transaction.atomic(using=using):
            if expected is not None:
                # A no-op UPDATE that only matches the expected version: it locks
                # the row (PostgreSQL and SQLite alike) until this save commits.
                claimed = (
                    type(self)
                    ._base_manager.using(using)
                    .filter(pk=self.pk, version=expected)
                    .update(version=expected)
                )
                if not claimed:
                    raise VersionConflict()
                self.version = expected
            self.version += 1
            super().save(*args, **kwargs)
        self._expected_version = None

    def expect_version(self, version: int | None) -> None:
        """Refuse the next save unless the stored version is still ``version``."""
        self._expected_version = version


class VersionedFormMixin:
    """For a ModelForm of a :class:`VersionedModel`: a hidden ``version`` field.

    Only when editing an existing record. A missing or garbled version is a
    form error, as is a version that is no longer the stored one.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["version"] = forms.CharField(
                widget=forms.HiddenInput, required=False, initial=self.instance.version
            )

    def clean(self):
        cleaned = super().clean()
        if "version" not in self.fields:
            return cleaned
        raw = (cleaned.get("version") or "").strip()
        try:
            version = int(raw)
        except ValueError:
            version = None
        if version is None or not 1 <= version <= MAX_VERSION:
            self.add_error(
                None,
                forms.ValidationError(
                    gettext("This form was sent incomplete. Reload the page and try again."),
                    code="version_missing",
                ),
            )
            cleaned.pop("version", None)
            return cleaned
        model = type(self.instance)
        stored = (
            model._base_manager.filter(pk=self.instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if stored != version:
            self.add_error(None, forms.ValidationError(stale_message(model), code="stale"))
        cleaned["version"] = version
        self.instance.expect_version(version)
        return cleaned

    def add_conflict_error(self) -> None:
        """For a view that caught :class:`VersionConflict` while saving."""
        self.add_error(
            None, forms.ValidationError(stale_message(type(self.instance)), code="stale")
        )
