"""Bad input in query strings: every list and every page that reads its URL.

The lists (ListView and FilterView) are found in the URL configuration, plus
the pages known to read query parameters (figures per year or period, the
export's format). Each role opens them with random and hostile values for the
filters the page offers, unknown keys, and ``page``/``sort`` values that make
no sense. Never a 500, and a GET writes nothing.
"""

from __future__ import annotations

import os

import pytest
from django.urls import reverse
from django.views.generic.list import MultipleObjectMixin
from django_filters.views import FilterMixin
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.fuzzing import ANONYMOUS, HOSTILE_TEXT, ROLES, run_fuzz, url_patterns

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10"))
DENIED_EXAMPLES = 2

# Pages that are no list but read their query string, with their URL arguments.
QUERY_PAGES = {
    "pages:home": None,
    "buurtservice:overzicht": None,
    "buurtservice:overzicht_export": None,
    "makelaars:activiteit_export": None,
    "initiatieven:initiatief_export": None,
    # the JSON options of the filter panels (``?veld=``)
    "makelaars:activiteit_filter_options": None,
    "initiatieven:initiatief_filter_options": None,
    "pages:wijk_detail": lambda w: {"pk": w.wijk_a.pk},
    "pages:gebied_detail": lambda w: {"pk": w.gebied_a.pk},
    "signalen:overzicht": None,
    "signalen:signaal_export": None,
    "signalen:overzicht_gebied": lambda w: {"pk": w.gebied_a.pk},
    "signalen:signaal_export_gebied": lambda w: {"pk": w.gebied_a.pk},
    "metingen:resultaten_export": lambda w: {"pk": w.vragenlijst.pk},
}
# Keys some page of the project reads, tried on every page.
COMMON_KEYS = [
    "page",
    "sort",
    "format",
    "periode",
    "jaar",
    "start",
    "end",
    "q",
    "van",
    "tot",
    "wijk",
    "gebied",
    "status",
    "soort",
    "veld",
]
PAGE_VALUES = ["0", "-1", "1", "2", "999999", "abc", "1e3", "last", "", "9" * 30, "1.5"]
SORT_VALUES = ["-datum", "titel", "--titel", "-", "nonexistent", "__class__", "pk;DROP", "wijk"]
SPECIAL = {
    "page": PAGE_VALUES,
    "sort": SORT_VALUES,
    "format": ["csv", "xlsx", "pdf", "CSV", "../csv", ""],
    "periode": ["2023", "2023-Q1", "2023-Q5", "2023-H3", "0-Q1", "99999-Q1", "maand", "jaar"],
    "jaar": ["2023", "1999", "0", "-1", "2101", "99999999999999999999", "twee"],
}


def list_pages() -> list[tuple[str, type, bool]]:
    """(URL name, view class, needs URL arguments) of every list and query page."""
    found = {}
    for name, pattern in url_patterns():
        view_class = getattr(pattern.callback, "view_class", None)
        if view_class is None or name.startswith("admin:"):
            continue
        if issubclass(view_class, MultipleObjectMixin | FilterMixin) or name in QUERY_PAGES:
            found.setdefault(name, (name, view_class, bool(pattern.pattern.converters)))
    return sorted(found.values(), key=lambda item: item[0])


CASES = [
    pytest.param(name, role, id=f"{name}-{role}")
    for name, _view_class, needs_kwargs in list_pages()
    if not needs_kwargs or QUERY_PAGES.get(name)
    for role in ROLES
]


def test_every_list_is_fuzzed():
    pages = list_pages()
    names = [name for name, *_ in pages]
    assert len(pages) >= 10, names
    assert set(QUERY_PAGES) <= set(names), set(QUERY_PAGES) - set(names)
    missing = [name for name, _cls, needs in pages if needs and not QUERY_PAGES.get(name)]
    assert not missing, f"the fuzz does not know which object these pages show: {missing}"


def _query(fields, forged_ids, fuzz):
    """A strategy for one query string: a few keys with valid or hostile values."""
    keys = sorted(set(fields) | set(COMMON_KEYS) | {"onbekend", "x[]", "__proto__"})
    hostile = fuzz.hostile_values(forged_ids)

    def values_for(key):
        options = [o for o in getattr(fields.get(key), "options", []) if o]
        choices = [st.sampled_from(HOSTILE_TEXT), hostile]
        if options:
            choices.append(st.sampled_from(options))
        if key in SPECIAL:
            choices.append(st.sampled_from(SPECIAL[key]))
        return st.one_of(*choices)

    @st.composite
    def query(draw):
        chosen = draw(st.lists(st.sampled_from(keys), min_size=1, max_size=5, unique=True))
        result = {}
        for key in chosen:
            value = draw(values_for(key))
            if value is fuzz.OMIT:
                continue
            result[key] = value
        return result

    return query()


@pytest.fixture
def world(world_of_module, db):
    """Built once for this module: a GET writes nothing (and is checked for it)."""
    return world_of_module


@pytest.mark.parametrize(("name", "role"), CASES)
def test_hostile_query_strings_never_500(name, role, world, clients, fuzz, request):
    kwargs_for = QUERY_PAGES.get(name)
    url = reverse(name, kwargs=kwargs_for(world) if kwargs_for else None)
    client = clients[role]
    page = client.get(url)
    assert page.status_code != 500, fuzz.response_info(page)
    allowed = page.status_code == 200
    if not allowed:
        assert page.status_code in (302, 403, 404), page.status_code
    html = page.content.decode() if allowed and not page.streaming else ""
    fields = fuzz.forms_of(html, url, method="get")

    @settings(
        max_examples=EXAMPLES if allowed else DENIED_EXAMPLES,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.reuse, Phase.generate],
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(query=_query(fields, world.forged_ids, fuzz))
    def get_hostile(query):
        response = client.get(url, query)
        assert response.status_code != 500, fuzz.response_info(response)
        if response.streaming:
            b"".join(response.streaming_content)  # an export fails while it streams
        if allowed:
            assert response.status_code in (200, 302, 400, 404), response.status_code
        else:
            assert response.status_code in (302, 403, 404), response.status_code
        assert fuzz.written(before, fuzz.snapshot()) == []

    # A GET that wrote something fails at once, so one snapshot serves all examples.
    before = fuzz.snapshot()
    run_fuzz(get_hostile, request.node.nodeid)


def test_anonymous_is_sent_to_login_whatever_the_query(world, clients):
    client = clients[ANONYMOUS]
    for name, _cls, needs in list_pages():
        if name == "pages:home" or (needs and not QUERY_PAGES.get(name)):
            continue
        kwargs_for = QUERY_PAGES.get(name)
        url = reverse(name, kwargs=kwargs_for(world) if kwargs_for else None)
        response = client.get(url, {"page": "-1", "sort": "'; DROP TABLE", "q": "\x00"})
        assert response.status_code == 302, (name, response.status_code)
        assert "/accounts/login/" in response.url
