"""A guard against personal data in free text that must not hold any.

Signals, referral notes and residents' open answers are written without
personal data. :func:`personal_data_in` finds text that looks like a phone
number, an e-mail address or a postcode with a house number;
:func:`refuse_personal_data` is the form validator that refuses it with a Dutch
explanation. Ordinary text, dates, years and amounts pass.

The rules, deliberately simple and documented so a refusal can be explained:

- phone number: a run of digits (with spaces, dashes, dots, slashes or
  brackets between them) that starts with ``0`` or ``+`` and holds 9 to 13
  digits; dates such as 01-03-2023 are taken out first;
- e-mail address: something@domain.tld;
- postcode with house number: four digits (not starting with 0) and two
  letters (capitals, or lower case written against the digits), followed by a
  house number: "7201 AB 12", "7201ab, 3a".
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PHONE = "phone"
EMAIL = "email"
POSTCODE = "postcode"

_DATE = re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})\b")
_NUMBER_RUN = re.compile(r"(?<![\w+])[+(]?\d[\d\s().\-/]*\d")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_POSTCODE_NUMBER = re.compile(
    r"\b[1-9]\d{3}(?:\s?[A-Z]{2}|[a-z]{2})\b\s*,?\s*(?:nr\.?\s*)?\d{1,5}\s?[a-zA-Z]?\b"
)
MIN_PHONE_DIGITS = 9
MAX_PHONE_DIGITS = 13

MESSAGES = {
    PHONE: _(
        "This text seems to contain a phone number. Leave out personal data: no phone "
        "numbers, e-mail addresses or addresses."
    ),
    EMAIL: _(
        "This text seems to contain an e-mail address. Leave out personal data: no phone "
        "numbers, e-mail addresses or addresses."
    ),
    POSTCODE: _(
        "This text seems to contain an address (postcode with house number). Leave out "
        "personal data: describe the street or the neighbourhood instead."
    ),
}


def _looks_like_phone(run: str) -> bool:
    digits = re.sub(r"\D", "", run)
    starts_right = run.startswith("+") or run.lstrip("(").startswith("0")
    return starts_right and MIN_PHONE_DIGITS <= len(digits) <= MAX_PHONE_DIGITS


def personal_data_in(text: str | None) -> list[str]:
    """The kinds of personal data (PHONE, EMAIL, POSTCODE) ``text`` seems to hold."""
    if not text:
        return []
    found = []
    without_email = _EMAIL.sub(" ", text)
    if without_email != text:
        found.append(EMAIL)
    without_dates = _DATE.sub(" ", without_email)
    if any(_looks_like_phone(m.group()) for m in _NUMBER_RUN.finditer(without_dates)):
        found.append(PHONE)
    if _POSTCODE_NUMBER.search(without_email):
        found.append(POSTCODE)
    return found


def refuse_personal_data(value: str | None) -> None:
    """Form and model validator: a ValidationError per kind of personal data found."""
    kinds = personal_data_in(value)
    if kinds:
        raise ValidationError(
            [ValidationError(MESSAGES[kind], code=f"personal_data_{kind}") for kind in kinds]
        )
