"""Every figure on every page reads as Dutch: "1.458", "36,0", "1 okt".

Each demo role walks the app from its start page, following every link inside
it, at most a few pages of each kind (a URL name with the names of its query
parameters); the visible text of each page is searched for a figure written the
English way. What is not a figure is left alone, see ``NOT_FIGURES``.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import Resolver404, resolve
from pypdf import PdfReader

from rapportage.models import Jaarrapportage
from rapportage.services import build_final_pdf
from wijken.models import Wijk

pytestmark = pytest.mark.usefixtures("demo")

ROLES = ["makelaar", "buurtservice", "coordinator", "beheerder"]
PAGES_PER_KIND = 3
# Links not followed: they change something, download a file, or leave the app.
SKIP = re.compile(r"/(export|pdf|logout|admin)\b|\.(pdf|csv|xlsx|jpg|png)$|/accounts/")

# A run of four or more digits without a thousands separator, a decimal point
# where Dutch writes a comma, and a month abbreviation with a capital after a day.
UNGROUPED = re.compile(r"(?<![\w.,:/-])\d{4,}(?![\w]|[.,]\d)")
DECIMAL_POINT = re.compile(r"(?<![\w.,])\d+\.\d{1,2}(?![\w.,]|\.\d)")
CAPITAL_MONTH = re.compile(r"\b\d{1,2} (Jan|Feb|Mrt|Apr|Mei|Jun|Jul|Aug|Sep|Okt|Nov|Dec)\b")

# Four or more digits that are not figures, removed before the search:
NOT_FIGURES = [
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),  # an ISO date
    re.compile(r"\b\d{1,2}-\d{1,2}-\d{4}\b"),  # a Dutch short date
    re.compile(r"\b\d{4} ?[A-Z]{2}\b"),  # a postcode: 7201 AB
    re.compile(r"(\+31|\b0)[\d -]{8,13}\d\b"),  # a phone number: 0575 123456, 06-12345678
    re.compile(r"(#|\bnr\.? ?|\bnummer )\d+", re.IGNORECASE),  # an id: #1234, nr. 1234
    re.compile(r"(?<![\d.,])(19[5-9]\d|20\d\d)(?![\d]|[.,]\d)"),  # a year, 1950 to 2099
    re.compile(r"/ ?\d+/"),  # an id in a web address (the PDF may break the line after a /)
]


class _VisibleText(HTMLParser):
    """The text a person reads (not scripts, styles or the head) and the links."""

    HIDDEN = {"script", "style", "head", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self._hidden += 1
        if tag == "a" and dict(attrs).get("href"):
            self.links.append(dict(attrs)["href"])

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def english_figures(text: str) -> list[str]:
    """The figures in ``text`` not written the Dutch way, each with some context."""
    for pattern in NOT_FIGURES:
        text = pattern.sub(" ", text)
    found = []
    for pattern in (UNGROUPED, DECIMAL_POINT, CAPITAL_MONTH):
        for match in pattern.finditer(text):
            start, end = max(0, match.start() - 30), match.end() + 30
            found.append(" ".join(text[start:end].split()))
    return found


def kind_of(url: str) -> str | None:
    parts = urlsplit(url)
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None
    return f"{match.view_name}?{','.join(sorted({k for k, _ in parse_qsl(parts.query)}))}"


def walk(client: Client) -> tuple[dict[str, list[str]], int]:
    """{url: figures written the English way} of every page reached, and the count."""
    problems, seen, kinds = {}, set(), Counter()
    queue = ["/"]
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        parser = _VisibleText()
        parser.feed(response.content.decode())
        found = english_figures(" ".join(parser.parts))
        if found:
            problems[url] = found
        for href in parser.links:
            target = urljoin(url, href).split("#")[0]
            parts = urlsplit(target)
            if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            kind = kind_of(target)
            if kind is None or SKIP.search(parts.path) or target in seen:
                continue
            if kinds[kind] >= PAGES_PER_KIND:
                continue
            kinds[kind] += 1
            queue.append(target)
    return problems, len(seen)


@pytest.mark.parametrize("username", ROLES)
def test_no_page_shows_a_figure_the_english_way(username):
    # The demo leaves the inhabitants empty; a beheerder fills them in.
    for number, wijk in enumerate(Wijk.objects.order_by("pk")):
        wijk.inwoners = 4250 + number * 1111
        wijk.save()
    client = Client()
    client.force_login(User.objects.get(username=username))
    problems, pages = walk(client)
    assert pages >= 20, pages
    assert not problems, f"{username}: {len(problems)} pages\n" + "\n".join(
        f"{url}: {found}" for url, found in problems.items()
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Totaal 1458 bereikte inwoners", ["Totaal 1458 bereikte inwoners"]),
        ("36.0 uur/week", ["36.0 uur/week"]),
        ("1 Okt", ["1 Okt"]),
        ("Totaal 1.458, 36,0 uur/week, 1 okt", []),
        ("Cijfers 2023, op 07-12-2026 en 2023-12-31, 7201 AB, bel 0575 123456", []),
        ("Klus #1234 of nr. 1234, 4 juli", []),
        ("€ 1.250,50 en 12.345 en 1.234.567", []),
        ("zie nieuws/ 470990/live-muziek", []),
    ],
)
def test_the_search_finds_english_figures_and_leaves_the_rest(text, found):
    assert english_figures(text) == found


def test_the_report_pdf_shows_no_figure_the_english_way():
    for number, wijk in enumerate(Wijk.objects.order_by("pk")):
        wijk.inwoners = 4250 + number * 1111
        wijk.save()
    final = build_final_pdf(rapportage=Jaarrapportage.objects.get(jaar=2023))
    reader = PdfReader(io.BytesIO(final.pdf))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "1.458" in text  # the residents reached in 2023, as the start page shows them
    assert not english_figures(text)
