"""A guard against personal data in free text that must not hold any.

Signals, referral notes and residents' open answers are written without
personal data. :func:`personal_data_in` says which kinds of personal data a
text seems to hold; :func:`refuse_personal_data` is the form validator that
refuses it with a Dutch explanation naming the kind (never repeating what was
found). Ordinary text — dates, times, amounts, years, counts, street and wijk
names without a house number — passes.

The text is first brought into one form, so that what a resident types with a
phone keyboard, a copy from WhatsApp or a deliberate trick reads the same:
Unicode NFKC (full-width digits and ＠ become 0-9 and @), every invisible
formatting character (zero-width space, soft hyphen, ...) removed, digits of
other scripts made 0-9, and ``[at]``, ``(at)``, ``[dot]``, ``(punt)`` and the
like made ``@`` and ``.``.

The rules, documented so that a refusal can be explained:

- phone number: what the phonenumbers library (Google's libphonenumber) finds in
  the text for the Netherlands in any grouping (06-12-34-56-78, 06.12.34.56.78,
  +31 6 ..., 0031 ..., (0575) 51 23 45), written with a leading 0 or +; it
  counts when the library calls it a valid number, or when it holds 10 to 13
  digits and starts with 06, 00 or +.
  Dates and times are taken out first ("01-03-2023 10:30" is no number), and
  numbers of organisations (0800, 0900, 088) are not personal and pass;
- e-mail address: something@domain.tld;
- postcode with house number: four digits (not starting with 0) and two
  letters, then a house number: "7201 AB 12", "7201ab12", "7201ab, 3a";
- street with house number: a word ending in a Dutch street suffix (straat,
  weg, laan, plein, ...) followed by a house number, unless the number is a
  count ("Dorpsstraat 12 bewoners"), a year, a time or a share;
- BSN: nine digits (spaces, dots or dashes between them allowed) that pass the
  elfproef;
- name: a title or form of address (mevrouw, meneer, mevr., mw., dhr., mr.,
  de heer, familie) followed by a capitalised word, also after "van der" and
  the like.
"""

from __future__ import annotations

import re
import unicodedata

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.nl import bsn

PHONE = "phone"
EMAIL = "email"
POSTCODE = "postcode"
ADDRESS = "address"
BSN = "bsn"
NAME = "name"

MIN_PHONE_DIGITS = 10
MAX_PHONE_DIGITS = 13
# Numbers of organisations and services, not of a person.
_SERVICE_NUMBERS = {
    phonenumbers.PhoneNumberType.TOLL_FREE,
    phonenumbers.PhoneNumberType.PREMIUM_RATE,
    phonenumbers.PhoneNumberType.SHARED_COST,
    phonenumbers.PhoneNumberType.UAN,
}

# Dates (with a 4-digit year, ISO, or a 2-digit year that no further digits follow)
# and times are taken out before phone numbers are looked for: "01-03-2023 10:30"
# would otherwise read as one run of ten digits, while "06-12-34-56-78" stays whole.
_DATE_OR_TIME = re.compile(
    r"(?<![\d./:-])(?:"
    r"\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d\d"
    r"|(?:19|20)\d\d-\d{1,2}-\d{1,2}"
    r"|\d{1,2}[-/.]\d{1,2}[-/.]\d\d(?![-/. ]?\d)"
    r"|(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*uur)?(?![-/.:]?\d)"
    r")(?![\d])"
)
_AT = re.compile(
    r"\s*(?:[\[({<]\s*(?:at|apenstaart(?:je)?)\s*[\])}>]|(?<=\w)\(a\)(?=\w)|\sapenstaartje\s)\s*",
    re.IGNORECASE,
)
_DOT = re.compile(r"\s*[\[({<]\s*(?:dot|punt)\s*[\])}>]\s*", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+\s?@\s?[\w-]+(?:\.[\w-]+)+")
_POSTCODE_NUMBER = re.compile(
    # Not a quantity with its unit: "1500kg, 3 zakken", "2000 KM 5 keer".
    r"(?<!\d)[1-9]\d{3}(?!\s?(?i:kg|km|cm|mm|ml|cl|dl|mg|kb|mb|gb|kw|pk)(?![A-Za-z]))"
    r"(?:\s?[A-Z]{2}|[A-Za-z]{2})(?![A-Za-z])"
    r"\s*,?\s*(?:nr\.?\s*|huisnummer\s*)?\d{1,5}(?!\d)"
)
# Not "haven", "kamp" or "veen": wijken are named so too (Noorderhaven, Mulderskamp).
STREET_SUFFIXES = (
    "straat",
    "weg",
    "laan",
    "plein",
    "singel",
    "kade",
    "dijk",
    "hof",
    "pad",
    "steeg",
    "gracht",
    "dreef",
    "park",
    "markt",
    "wal",
    "baan",
    "boulevard",
    "allee",
    "straatweg",
    "wetering",
)
# After a street name, a number followed by one of these is a count, not a house number.
COUNT_WORDS = (
    "bewoners?|mensen|personen|gezinn?en|gezin|huishoudens?|kinderen|kind|jongeren|ouderen"
    "|woningen|huizen|flats?|portieken|keer|jaar|jaren|dagen|dag|weken|week|maanden|maand"
    "|uur|minuten|meldingen|melding|deelnemers|vrijwilligers|buren|procent|euro|km|meter"
    "|kramen|plekken|bomen|auto'?s|fietsen|stuks?|klachten"
)
_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_STREET_NUMBER = re.compile(
    # "Dorpsstraat", or a suffix as a word of its own after a capitalised one: "Oude Gracht".
    r"(?<![\w-])(?:[^\W\d_]{2,}(?:" + "|".join(STREET_SUFFIXES) + r")"
    rf"|(?-i:[{_UPPER}][{_LOWER}]+\s+(?:"
    + "|".join(suffix.capitalize() for suffix in STREET_SUFFIXES)
    + r")))"
    r"\s+(?:nr\.?\s*)?(?!(?:19|20)\d\d(?!\d))\d{1,4}"
    r"(?![\d%]|[.,:]\d|\s*(?:%|(?:" + COUNT_WORDS + r")\b))",
    re.IGNORECASE,
)
_BSN_CANDIDATE = re.compile(r"(?<!\d)(?<!\d[ .\-])\d(?:[ .\-]?\d){8}(?!\d|[ .\-]\d)")
_NAME_WITH_TITLE = re.compile(
    r"(?<![\w.])(?i:mevrouw|meneer|mevr\.?|mw\.?|mvr\.?|dhr\.?|mr\.?|de\s+heer|familie|fam\.?)"
    r"\s*(?:(?i:van|de|der|den|het|ten|ter|te|'t|v\.d\.)\s+)*"
    rf"(?:[{_UPPER}]\.\s*)*[{_UPPER}][{_LOWER}]"
)

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
    ADDRESS: _(
        "This text seems to contain an address (street with house number). Leave out "
        "personal data: name the street without a house number, or the neighbourhood."
    ),
    BSN: _(
        "This text seems to contain a citizen service number (BSN). A BSN never belongs "
        "here: leave it out."
    ),
    NAME: _(
        "This text seems to contain a name (a form of address such as mevrouw or meneer "
        "followed by a name). Leave out personal data: write, say, 'a resident' instead."
    ),
}


def normalise(text: str) -> str:
    """``text`` as the rules read it (see the module's docstring)."""
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = unicodedata.normalize("NFKC", text)
    text = "".join(
        str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch for ch in text
    )
    text = _AT.sub("@", text)
    return _DOT.sub(".", text)


def _is_personal_phone(match: phonenumbers.PhoneNumberMatch) -> bool:
    raw = match.raw_string.lstrip("( ")
    if not raw.startswith(("0", "+")):
        return False  # a figure such as "342 999 657", not a number anyone dials
    number = match.number
    if phonenumbers.number_type(number) in _SERVICE_NUMBERS:
        return False
    if phonenumbers.is_valid_number(number):
        return True
    # Not valid, yet written like a mobile or an international number.
    digits = re.sub(r"\D", "", raw)
    return raw.startswith(("06", "+", "00")) and MIN_PHONE_DIGITS <= len(digits) <= MAX_PHONE_DIGITS


def _has_phone(text: str) -> bool:
    matches = phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.POSSIBLE)
    return any(_is_personal_phone(match) for match in matches)


def _has_bsn(text: str) -> bool:
    return any(bsn.is_valid(m.group()) for m in _BSN_CANDIDATE.finditer(text))


def personal_data_in(text: str | None) -> list[str]:
    """The kinds of personal data (PHONE, EMAIL, POSTCODE, ADDRESS, BSN, NAME)
    ``text`` seems to hold, in that order."""
    if not text:
        return []
    text = normalise(text)
    found = []
    without_email = _EMAIL.sub(" ", text)
    if without_email != text:
        found.append(EMAIL)
    if _has_phone(_DATE_OR_TIME.sub(" ", without_email)):
        found.append(PHONE)
    if _POSTCODE_NUMBER.search(without_email):
        found.append(POSTCODE)
    if _STREET_NUMBER.search(without_email):
        found.append(ADDRESS)
    if _has_bsn(without_email):
        found.append(BSN)
    if _NAME_WITH_TITLE.search(without_email):
        found.append(NAME)
    return found


def refuse_personal_data(value: str | None) -> None:
    """Form and model validator: a ValidationError per kind of personal data found."""
    kinds = personal_data_in(value)
    if kinds:
        raise ValidationError(
            [ValidationError(MESSAGES[kind], code=f"personal_data_{kind}") for kind in kinds]
        )
