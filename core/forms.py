"""Form pieces shared by the apps."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EARLIEST_DATE = datetime.date(2000, 1, 1)
# Dates further ahead than this are typing errors (or forged).
DAYS_AHEAD = 366


def latest_plausible_date() -> datetime.date:
    """The last date :func:`refuse_implausible_date` accepts (for a date picker's ``max``)."""
    return timezone.localdate() + datetime.timedelta(days=DAYS_AHEAD)


def refuse_implausible_date(
    value: datetime.date | None, *, days_ahead: int | None = DAYS_AHEAD
) -> datetime.date | None:
    """A date before 2000 or more than a year ahead is a typing error (or forged).

    ``days_ahead=None`` leaves the future to the caller.
    """
    if value is None:
        return value
    if value < EARLIEST_DATE:
        raise ValidationError(_("This date is before 2000; check the year."), code="far_past")
    if days_ahead is not None and value > timezone.localdate() + datetime.timedelta(
        days=days_ahead
    ):
        raise ValidationError(_("This date is more than a year in the future."), code="far_future")
    return value


def model_data(form: forms.ModelForm) -> dict:
    """The cleaned values of a ModelForm's model fields: the plain data a service takes.

    Fields the form left out for this user (e.g. a permission-bound one) are absent.
    """
    return {name: form.cleaned_data[name] for name in form._meta.fields if name in form.fields}


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: on a field when the form has it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


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


class LoginForm(AuthenticationForm):
    """Django's login form, refusing a user name longer than any account can have.

    Django only sets the field's ``max_length`` after construction, so no
    validator checks it; an over-long name then reached the lockout records
    (varchar 255) and failed on PostgreSQL.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))
