"""The bad-input fuzz's tools: the URL patterns and who may use them, a parser
for the forms of a rendered page, hostile values for hypothesis, a snapshot of
every project table (to tell "nothing was written" from "this was written") and
the run's seed.

Every run draws other examples: the seed changes per run, is printed in pytest's
header and on a failure, and ``FUZZ_SEED=<seed>`` replays that run's examples.
``FUZZ_EXAMPLES`` sets the number of examples per form or list (by count, so a
busy machine makes a run slower, never shallower).
"""

from __future__ import annotations

import datetime
import hashlib
import os
import random
import traceback
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.apps import apps
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import strategies as st

from core.roles import ADMIN_APPS, ROLE_PERMISSIONS, Role, wanted_permissions

SEED_VARIABLE = "FUZZ_SEED"


def run_seed() -> int:
    """This run's seed: ``FUZZ_SEED`` when given, else a new one.

    Chosen once in the main pytest process and kept in the environment, so the
    xdist workers it starts afterwards use the same one."""
    if not os.environ.get(SEED_VARIABLE):
        os.environ[SEED_VARIABLE] = str(random.SystemRandom().randrange(10**9))
    return int(os.environ[SEED_VARIABLE])


def seed_for(nodeid: str) -> int:
    """A seed of its own for each test, derived from the run's seed: the examples of
    one test do not change when other tests are added or deselected."""
    digest = hashlib.sha256(f"{run_seed()}:{nodeid}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def replay_note(nodeid: str) -> str:
    return f"fuzz seed {run_seed()}: replay with {SEED_VARIABLE}={run_seed()} pytest '{nodeid}'"


def run_fuzz(test, nodeid: str) -> None:
    """Run a hypothesis test with this test's seed; a failure names the seed."""
    from hypothesis import seed

    try:
        seed(seed_for(nodeid))(test)()
    except BaseException as error:
        error.add_note(replay_note(nodeid))
        raise


PROJECT_APPS = (
    "wijken",
    "makelaars",
    "initiatieven",
    "buurtservice",
    "signalen",
    "metingen",
    "rapportage",
)

# The roles the fuzz logs in as; "anoniem" is nobody logged in.
ROLES = {
    "makelaar": Role.MAKELAAR,
    "buurtservice": Role.BUURTSERVICE,
    "coordinator": Role.COORDINATOR,
    "beheerder": Role.BEHEERDER,
}
ANONYMOUS = "anoniem"


def role_has_perms(role_name: str, permissions) -> bool:
    """Whether a role holds ``permissions`` by core/roles.py (no database needed)."""
    if role_name == ANONYMOUS:
        return False
    if isinstance(permissions, str):
        permissions = (permissions,)
    role = ROLES[role_name]
    if ROLE_PERMISSIONS[role] == ["__all__"]:
        return all(perm.split(".", 1)[0] in ADMIN_APPS for perm in permissions)
    wanted = wanted_permissions(role)
    return all(tuple(perm.split(".", 1)) in wanted for perm in permissions)


def _walk(resolver: URLResolver, namespace: str = ""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}{pattern.namespace}:"
            yield from _walk(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", pattern


def url_patterns():
    """(qualified URL name, pattern) of every named URL of the project."""
    return _walk(get_resolver())


# =============================================================================
# Reading the forms of a page
# =============================================================================


@dataclass
class FormField:
    name: str
    kind: str  # input type, "select" or "textarea"
    values: list[str] = field(default_factory=list)  # what a browser would submit now
    options: list[str] = field(default_factory=list)  # select options / checkbox values
    multiple: bool = False


@dataclass
class ParsedForm:
    method: str
    action: str
    fields: dict[str, FormField] = field(default_factory=dict)


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[ParsedForm] = []
        self._form: ParsedForm | None = None
        self._select: FormField | None = None
        self._option: dict | None = None
        self._textarea: FormField | None = None

    def _field(self, name: str, kind: str) -> FormField:
        existing = self._form.fields.get(name)
        if existing is None:
            existing = self._form.fields[name] = FormField(name=name, kind=kind)
        return existing

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = ParsedForm(
                method=(attrs.get("method") or "get").lower(), action=attrs.get("action") or ""
            )
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind == "text" and attrs.get("inputmode") == "decimal":
                kind = "number"  # money and hours: text inputs read as numbers (DutchDecimalField)
            if kind in ("submit", "button", "image", "reset"):
                return
            item = self._field(name, kind)
            value = attrs.get("value")
            if kind in ("checkbox", "radio"):
                item.options.append(value if value is not None else "on")
                item.multiple = item.multiple or kind == "checkbox"
                if "checked" in attrs:
                    item.values.append(value if value is not None else "on")
            elif kind != "file":
                item.values.append(value or "")
        elif tag == "select" and name:
            self._select = self._field(name, "select")
            self._select.multiple = "multiple" in attrs
        elif tag == "option" and self._select is not None:
            self._option = {
                "value": attrs.get("value"),
                "selected": "selected" in attrs,
                "text": "",
            }
        elif tag == "textarea" and name:
            self._textarea = self._field(name, "textarea")
            self._textarea.values.append("")

    def handle_data(self, data):
        if self._option is not None:
            self._option["text"] += data
        elif self._textarea is not None:
            self._textarea.values[-1] += data

    def _close_option(self):
        if self._option is not None and self._select is not None:
            value = self._option["value"]
            if value is None:
                value = self._option["text"].strip()
            self._select.options.append(value)
            if self._option["selected"]:
                self._select.values.append(value)
        self._option = None

    def handle_endtag(self, tag):
        if tag == "option":
            self._close_option()
        elif tag == "select":
            self._close_option()
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self._form = None


def forms_of(html: str, path: str, *, method: str | None = None) -> dict[str, FormField]:
    """The fields of the forms on a page that submit to ``path`` (merged)."""
    parser = _FormParser()
    parser.feed(html)
    result: dict[str, FormField] = {}
    for form in parser.forms:
        target = urlsplit(urljoin(path, form.action)).path if form.action else path
        if target != path or (method and form.method != method):
            continue
        result.update(form.fields)
    return result


def baseline(fields: dict[str, FormField], today: datetime.date) -> dict[str, list[str]]:
    """Plausible values for every field: what the page holds, and a filler where
    it holds nothing, so a fuzzed post differs from a valid one in a few fields."""
    fillers = {
        "date": today.isoformat(),
        "number": "1",
        "email": "fuzz@example.org",
        "url": "https://example.org/fuzz",
        "tel": "0575 123456",
        "password": "Fuzz-wachtwoord-4711",
    }
    data: dict[str, list[str]] = {}
    for name, item in fields.items():
        values = [v for v in item.values]
        if item.kind == "file":
            continue
        if item.kind == "hidden":
            data[name] = values[:1]
            continue
        if item.kind in ("checkbox", "radio"):
            if values:
                data[name] = values
            elif item.kind == "radio" and item.options:
                data[name] = item.options[:1]  # a choice of chips: one is picked
            continue
        if item.kind == "select" and not any(values):
            choices = [o for o in item.options if o]
            values = choices[:1]
        if not any(values) and name.endswith("jaar"):
            values = ["2020"]  # a year, e.g. the base year of a report
        if not any(values):
            values = [fillers.get(item.kind, "Fuzz tekst")]
        data[name] = values if item.multiple else values[:1]
    return data


# =============================================================================
# Hostile values
# =============================================================================

HOSTILE_TEXT = [
    "",
    " ",
    "\x00",
    "naam\x00met nul",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "'; DROP TABLE makelaars_activiteit; --",
    "' OR '1'='1",
    "{{ 7|add:7 }}{% debug %}",
    "%s%s%s%n",
    "../../../../etc/passwd",
    "x" * 10_000,
    "😀" * 300,
    "\u202eTLR\u202c tekst",
    "مرحبا بالعالم",
    "\r\n\r\nSet-Cookie: x=y",
    "\ufeff",
    "None",
    "null",
    "true",
    "[]",
    '=HYPERLINK("http://evil")',
]
HOSTILE_NUMBERS = [
    "-1",
    "0",
    "-0",
    "1e309",
    "-1e309",
    "1e-400",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "99999999999999999999999999999",
    str(2**31),
    str(2**63),
    str(-(2**63) - 1),
    "1.5",
    "1,5",
    "0.05",
    "99.95",
    "0x1F",
    "1_000",
    "١٢",
    "１２",
    " 7 ",
]
HOSTILE_DATES = [
    "2023-02-30",
    "2023-13-01",
    "99999-01-01",
    "0001-01-01",
    "0000-00-00",
    "1900-01-01",
    "1999-12-31",
    "9999-12-31",
    "2100-01-01",
    "31-12-2023",
    "2023/01/01",
    "2023-1-1",
    "gisteren",
    "2023-06-01T12:00:00",
]

OMIT = object()  # a key that is left out of the post altogether


def hostile_values(forged_ids: list[int]) -> st.SearchStrategy:
    """One hostile value (a string), a list of them, or OMIT."""
    scalar = st.one_of(
        st.sampled_from(HOSTILE_TEXT),
        st.sampled_from(HOSTILE_NUMBERS),
        st.sampled_from(HOSTILE_DATES),
        st.sampled_from([str(pk) for pk in forged_ids]),
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        st.dates(min_value=datetime.date(1, 1, 1)).map(lambda d: d.isoformat()),
        st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40),
    )
    return st.one_of(
        scalar,
        st.lists(scalar, min_size=2, max_size=4),
        st.just(OMIT),
    )


@st.composite
def fuzzed_post(draw, base: dict[str, list[str]], forged_ids: list[int], unknown: bool = True):
    """``base`` with up to four of its fields (or unknown keys) made hostile."""
    data = {name: list(values) for name, values in base.items()}
    names = sorted(base)
    hostile = hostile_values(forged_ids)
    if names:
        chosen = draw(st.lists(st.sampled_from(names), max_size=min(4, len(names)), unique=True))
    else:
        chosen = []
    if unknown and draw(st.booleans()):
        chosen.append(draw(st.sampled_from(["id", "pk", "status", "aangemaakt_door", "x\x00"])))
    for name in chosen:
        value = draw(hostile)
        if value is OMIT:
            data.pop(name, None)
        else:
            data[name] = value if isinstance(value, list) else [value]
    return data


# =============================================================================
# What was written: a snapshot of every project table
# =============================================================================


def project_models() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in PROJECT_APPS
    ]


def snapshot() -> dict[tuple[str, object], tuple]:
    """Every row of every project table, keyed by (model label, pk)."""
    rows = {}
    for model in project_models():
        names = [f.attname for f in model._meta.concrete_fields]
        for row in model._default_manager.order_by().values_list(*names):
            rows[(model._meta.label, row[names.index(model._meta.pk.attname)])] = row
    return rows


def written(before: dict, after: dict) -> list[tuple[str, object]]:
    """Rows that are new or changed (deleted rows are not garbage)."""
    return [key for key, row in after.items() if before.get(key) != row]


def response_info(response) -> str:
    """The traceback of a 500 (the test client keeps it), for the failure message."""
    exc_info = getattr(response, "exc_info", None)
    if exc_info:
        return "".join(traceback.format_exception(*exc_info))
    return ""
