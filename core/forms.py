"""Form pieces shared by the apps."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from .numbers import dutch_number
from .widgets import DecimalInput

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

    ingelogd_blijven = forms.BooleanField(
        label=_("Stay logged in"),
        required=False,
        help_text=_(
            "Only on your own phone or computer: you stay logged in for a week. "
            "On a shared computer leave this empty; you are logged out when the "
            "browser closes."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))


# --- money and hours, typed the Dutch way -------------------------------------------

_NUMBER_TEXT = re.compile(r"^[+-]?[0-9.,]+$")


def parse_decimal(text: str) -> Decimal:
    """A number as a Dutch user types it, whatever the browser's language.

    "750,00", "750,-", "1.250,50", "1250.5", "750.00" and "€ 1.250" are all read
    as the amount meant: with both separators the last one is the decimal
    separator; a single dot followed by exactly three digits groups thousands
    ("1.250" is twelve hundred and fifty); otherwise a single dot or comma
    separates the decimals. Raises ValueError on anything else.
    """
    text = "".join(str(text).replace("€", "").split())
    if text.endswith((",-", ".-")):
        text = text[:-2]
    if not text or not _NUMBER_TEXT.match(text):
        raise ValueError(text)
    sign = ""
    if text[0] in "+-":
        sign, text = text[0], text[1:]
    last_comma, last_dot = text.rfind(","), text.rfind(".")
    if last_comma >= 0 and last_dot >= 0:
        decimal_sep = "," if last_comma > last_dot else "."
        thousands_sep = "." if decimal_sep == "," else ","
        whole, _sep, decimals = text.rpartition(decimal_sep)
        if decimal_sep in whole:
            raise ValueError(text)
        groups = whole.split(thousands_sep)
        if any(len(group) != 3 for group in groups[1:]) or not groups[0]:
            raise ValueError(text)
        whole = "".join(groups)
    elif last_comma >= 0 or last_dot >= 0:
        sep = "," if last_comma >= 0 else "."
        parts = text.split(sep)
        if len(parts) > 2 or (sep == "." and len(parts[1]) == 3):
            # "1.250.000" or "1.250": dots grouping thousands.
            if not parts[0] or any(len(group) != 3 for group in parts[1:]):
                raise ValueError(text)
            whole, decimals = "".join(parts), ""
        else:
            whole, decimals = parts
    else:
        whole, decimals = text, ""
    if not (whole or decimals) or not (whole + decimals).isdigit():
        raise ValueError(text)
    try:
        return Decimal(f"{sign}{whole or '0'}.{decimals or '0'}")
    except InvalidOperation as error:  # pragma: no cover - digits only by now
        raise ValueError(text) from error


class _TextNumberMixin:
    """A number field typed into a text input: no min/max/step attributes, which
    belong to number inputs (limits are checked on the server)."""

    def widget_attrs(self, widget):
        return {
            key: value
            for key, value in super().widget_attrs(widget).items()
            if key not in {"min", "max", "step"}
        }


class DutchDecimalField(_TextNumberMixin, forms.DecimalField):
    """Money or hours typed the Dutch way ("750,00", "1.250,50") and shown that way.

    A text input (never ``type=number``), read by :func:`parse_decimal`, so the
    same typing gives the same value in every browser. ``plausible_max``: a
    larger value is questioned once (see :class:`ImplausibleAmountMixin`).
    """

    widget = DecimalInput
    default_error_messages = {
        "invalid": _("Enter a number such as 750,00 (a comma before the cents)."),
    }

    def __init__(self, *, plausible_max: Decimal | int | None = None, **kwargs):
        self.plausible_max = Decimal(plausible_max) if plausible_max is not None else None
        kwargs.pop("localize", None)
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int):
            return Decimal(value)
        try:
            return parse_decimal(value)
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None

    def prepare_value(self, value):
        if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
            places = self.decimal_places if self.decimal_places is not None else 2
            return number_format(Decimal(value), places, use_l10n=True, force_grouping=False)
        return value


class DutchIntegerField(_TextNumberMixin, forms.IntegerField):
    """A count typed the Dutch way: "4250" and "4.250" are the same number.

    A text input with the phone's number keyboard (the dot is on it), read by
    :func:`parse_decimal`; a value with decimals ("4,25") is refused, as is
    anything that is no number. An existing value is shown grouped ("4.250").
    """

    widget = DecimalInput
    default_error_messages = {
        "invalid": _("Enter a whole number such as 4.250."),
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        try:
            number = parse_decimal(value)
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if number != number.to_integral_value():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return int(number)

    def prepare_value(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            return dutch_number(value)
        return value


def dutch_decimal_formfield(field, **kwargs):
    """``formfield_callback`` for ModelForms: every DecimalField the Dutch way."""
    from django.db import models

    if isinstance(field, models.DecimalField):
        return field.formfield(form_class=DutchDecimalField, **kwargs)
    return field.formfield(**kwargs)


class ImplausibleAmountMixin:
    """Questions a DutchDecimalField value above its ``plausible_max`` once.

    The first time, the form is refused with a Dutch message and a tick box
    "this amount is right" appears under the field; ticked, the value is saved.
    """

    CONFIRM_SUFFIX = "_klopt"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._questioned = [
            name
            for name, field in self.fields.items()
            if isinstance(field, DutchDecimalField) and field.plausible_max is not None
        ]
        order = []
        for name in self.fields:
            order.append(name)
            if name in self._questioned:
                order.append(name + self.CONFIRM_SUFFIX)
        for name in self._questioned:
            self.fields[name + self.CONFIRM_SUFFIX] = forms.BooleanField(
                label=_("Yes, this amount is right"),
                required=False,
                widget=forms.HiddenInput,
            )
        self.order_fields(order)

    def clean(self):
        cleaned = super().clean()
        for name in self._questioned:
            value = cleaned.get(name)
            field = self.fields[name]
            confirm = name + self.CONFIRM_SUFFIX
            if value is None or value <= field.plausible_max or cleaned.get(confirm):
                continue
            self.fields[confirm].widget = forms.CheckboxInput()
            self.add_error(
                name,
                ValidationError(
                    _(
                        "%(value)s is unusually high (more than %(max)s). Check the amount: "
                        "in 750,00 the comma separates the cents. If it is right, tick "
                        "the box below and save again."
                    ),
                    code="implausible",
                    params={
                        "value": number_format(value, 2, use_l10n=True, force_grouping=True),
                        "max": number_format(
                            field.plausible_max, 0, use_l10n=True, force_grouping=True
                        ),
                    },
                ),
            )
        return cleaned
