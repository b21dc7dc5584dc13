"""The interface says "je" to everyone: no formal "u"/"uw" in the Dutch catalogue or
in templates, and the small wording slips stay out of the pages."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import (
    ActiviteitFactory,
    FinancieringsaanvraagFactory,
    GebiedFactory,
    InitiatiefFactory,
    WijkFactory,
)
from tests.test_translations import load_entries

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po"
# "u", "uw", "uzelf" as words (not "u" inside "uur" or "€ u").
FORMAL = re.compile(r"(?<![\w\-])(?:[Uu]|[Uu]w|[Uu]zelf)(?![\w\-])")
SKIP_DIRS = {".venv", "node_modules", ".git", "var", "staticfiles", "tests"}


def test_the_dutch_catalogue_never_says_u():
    formal = [
        (entry.lineno, text)
        for entry in load_entries(CATALOGUE)
        if not entry.is_header
        for text in entry.msgstrs
        if FORMAL.search(text)
    ]
    assert formal == []


def test_no_template_says_u():
    found = []
    for path in ROOT.rglob("*.html"):
        if SKIP_DIRS & set(path.relative_to(ROOT).parts):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            # Dutch words outside the translation tags (English sources never match).
            if FORMAL.search(re.sub(r"\{[%{].*?[%}]\}", "", line)) and re.search(
                r"\b(je|de|het|een|niet|bent|kunt|hebt)\b", line
            ):
                found.append(f"{path.relative_to(ROOT)}:{number}")
    assert found == []


@pytest.mark.django_db
def test_pages_avoid_the_wording_slips(client, coordinator):
    gebied = GebiedFactory(naam="Waterkwartier")
    wijk = WijkFactory(naam="Waterkwartier", gebied=gebied)
    activiteit = ActiviteitFactory(wijk=wijk, datum=datetime.date(2023, 5, 1))
    initiatief = InitiatiefFactory(wijk=wijk, status="idee")
    FinancieringsaanvraagFactory(
        initiatief=initiatief, status="aangevraagd", aangevraagd_op=datetime.date(2023, 6, 1)
    )
    client.force_login(coordinator)

    detail = client.get(activiteit.get_absolute_url()).content.decode()
    assert "Waterkwartier (Waterkwartier)" not in detail

    delete = client.get(reverse("makelaars:activiteit_delete", args=[activiteit.pk]))
    text = delete.content.decode()
    assert "niet ongedaan" not in text and "geschiedenis terugzetten" in text

    page = client.get(initiatief.get_absolute_url()).content.decode()
    assert not re.search(r"aangevraagd\s*</span>\s*<span[^>]*>\s*aangevraagd", page, re.I)
    assert "ingediend 01-06-2023" in page
    assert ">idee<" not in page and ">Idee<" in page

    overview = client.get(reverse("buurtservice:overzicht")).content.decode()
    assert "Eigen data" not in overview and "Eigen periode" in overview
