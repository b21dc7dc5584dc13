"""Form pieces shared by the apps."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

# The ids a database can hold (64-bit signed integers).
MIN_ID, MAX_ID = -(2**63), 2**63 - 1


class IdsChoiceField(forms.ModelMultipleChoiceField):
    """A multiple choice of objects that refuses ids no database can hold.

    Django looks the chosen ids up with ``pk IN (...)``; on SQLite a number
    beyond 64 bits raises OverflowError there (a 500) instead of "not a valid
    choice". Such an id is refused as invalid before the query.
    """

    def _check_values(self, value):
        if isinstance(value, list | tuple):
            for pk in value:
                try:
                    number = int(pk)
                except (TypeError, ValueError):
                    continue  # Django refuses it as not a valid id
                if not MIN_ID <= number <= MAX_ID:
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": pk},
                    )
        return super()._check_values(value)
