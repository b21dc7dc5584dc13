"""No English text hides in the markup: every aria-label goes through translation."""

import re
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
APPS = [
    "core",
    "audit",
    "wijken",
    "makelaars",
    "initiatieven",
    "buurtservice",
    "signalen",
    "metingen",
    "rapportage",
    "pages",
]


def test_aria_labels_are_translated():
    literal = re.compile(r'aria-label="(?!\{)([^"]*)"')
    found = [
        f"{path.relative_to(REPO_ROOT)}: {match}"
        for folder in [REPO_ROOT / "templates", *(REPO_ROOT / app / "templates" for app in APPS)]
        for path in sorted(folder.rglob("*.html"))
        for match in literal.findall(path.read_text())
    ]
    assert not found, "aria-labels that no translation reaches:\n" + "\n".join(found)
