"""Every Dutch catalogue is complete: no untranslated and no fuzzy entries.

Source strings are English; the interface speaks Dutch, so an untranslated
msgid shows up in English and a fuzzy one is ignored by msgfmt altogether.
The project has one catalogue, ``locale/nl``: a second one could translate the
same message id differently, and only one of the two would ever be shown.
"""

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SKIP_DIRS = {".venv", "node_modules", ".git", "staticfiles", "var", "__pycache__"}
CATALOGUE_NAMES = {"django.po", "djangojs.po"}


def dutch_catalogues() -> list[Path]:
    found = []
    for dirpath, dirnames, filenames in os.walk(REPO_ROOT):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
        path = Path(dirpath)
        if path.parts[-3:] == ("locale", "nl", "LC_MESSAGES"):
            found.extend(path / name for name in sorted(filenames) if name in CATALOGUE_NAMES)
    return found


@dataclass
class Entry:
    lineno: int
    msgctxt: str | None = None
    msgid: str | None = None
    msgid_plural: str | None = None
    msgstrs: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None

    @property
    def untranslated(self) -> bool:
        return not self.msgstrs or any(s == "" for s in self.msgstrs)

    @property
    def label(self) -> str:
        text = "(header)" if self.is_header else repr(self.msgid)
        if self.msgctxt is not None:
            text += f" [context {self.msgctxt!r}]"
        return f"line {self.lineno}: {text}"


_PO_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b"}
_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")\s*$')


def _unquote(token: str, path: Path, lineno: int) -> str:
    if len(token) < 2 or not (token.startswith('"') and token.endswith('"')):
        raise ValueError(f"{path}:{lineno}: not a quoted PO string: {token!r}")
    return re.sub(r"\\(.)", lambda m: _PO_ESCAPES.get(m.group(1), "\\" + m.group(1)), token[1:-1])


def parse_po(path: Path) -> list[Entry]:
    """A small PO parser: enough to find untranslated and fuzzy entries.

    Handles multi-line strings, msgctxt, msgid_plural/msgstr[n], flags and
    obsolete (``#~``) entries.
    """
    entries: list[Entry] = []
    entry: Entry | None = None
    keyword: str | None = None  # the keyword a continuation line belongs to
    strings: dict[str, str] = {}

    def flush() -> None:
        nonlocal entry, keyword, strings
        if entry is not None and (entry.msgid is not None or entry.obsolete):
            entry.msgctxt = strings.get("msgctxt")
            entry.msgid_plural = strings.get("msgid_plural")
            msgstr_keys = sorted(
                (k for k in strings if k.startswith("msgstr")),
                key=lambda k: int(k[7:-1]) if "[" in k else 0,
            )
            entry.msgstrs = [strings[k] for k in msgstr_keys]
            entries.append(entry)
        entry, keyword, strings = None, None, {}

    def current(lineno: int) -> Entry:
        nonlocal entry
        if entry is None:
            entry = Entry(lineno=lineno)
        return entry

    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            flush()
            continue
        if line.startswith("#"):
            # A comment after the strings starts the next entry.
            if entry is not None and any(k.startswith("msgstr") for k in strings):
                flush()
            if line.startswith("#~"):
                current(lineno).obsolete = True
            elif line.startswith("#,"):
                current(lineno).flags.update(f.strip() for f in line[2:].split(",") if f.strip())
            continue
        match = _KEYWORD.match(line)
        if match:
            name, token = match.groups()
            starts_entry = name == "msgctxt" or (name == "msgid" and "msgctxt" not in strings)
            if starts_entry and entry is not None and "msgid" in strings:
                flush()
            e = current(lineno)
            strings[name] = _unquote(token, path, lineno)
            if name == "msgid":
                e.msgid = strings[name]
            keyword = name
            continue
        if line.startswith('"') and keyword is not None:
            strings[keyword] += _unquote(line, path, lineno)
            if keyword == "msgid":
                current(lineno).msgid = strings[keyword]
            continue
        raise ValueError(f"{path}:{lineno}: cannot parse PO line: {raw!r}")
    flush()
    return entries


def load_entries(path: Path) -> list[Entry]:
    """Entries of a catalogue, read with polib when it is installed."""
    try:
        import polib
    except ImportError:
        return parse_po(path)
    po = polib.pofile(str(path))
    entries = []
    if po.metadata_is_fuzzy:
        entries.append(Entry(lineno=1, msgid="", msgstrs=["header"], flags={"fuzzy"}))
    for e in po:
        msgstrs = (
            [e.msgstr_plural[k] for k in sorted(e.msgstr_plural)] if e.msgid_plural else [e.msgstr]
        )
        entries.append(
            Entry(
                lineno=e.linenum,
                msgctxt=e.msgctxt,
                msgid=e.msgid,
                msgid_plural=e.msgid_plural or None,
                msgstrs=msgstrs,
                flags=set(e.flags),
                obsolete=e.obsolete,
            )
        )
    return entries


def test_project_has_a_dutch_catalogue():
    assert (REPO_ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po").is_file(), (
        "locale/nl/LC_MESSAGES/django.po is missing: run "
        "`.venv/bin/python manage.py makemessages -l nl --ignore=.venv --ignore=node_modules`"
    )


def test_there_is_one_catalogue_for_the_whole_project():
    """One django.po; djangojs.po beside it only fills in the admin's JavaScript."""
    folder = REPO_ROOT / "locale" / "nl" / "LC_MESSAGES"
    assert dutch_catalogues() == [folder / "django.po", folder / "djangojs.po"], (
        "every translation belongs in locale/nl; remove the app's own locale folder"
    )


@pytest.mark.parametrize(
    "catalogue", dutch_catalogues(), ids=lambda p: str(p.relative_to(REPO_ROOT))
)
def test_dutch_catalogue_is_complete(catalogue: Path):
    entries = [e for e in load_entries(catalogue) if not e.obsolete]
    untranslated = [e.label for e in entries if e.untranslated and not e.is_header]
    fuzzy = [e.label for e in entries if "fuzzy" in e.flags]

    problems = []
    if untranslated:
        problems.append(f"{len(untranslated)} untranslated:\n  " + "\n  ".join(untranslated))
    if fuzzy:
        problems.append(
            f"{len(fuzzy)} fuzzy (remove '#, fuzzy' once checked):\n  " + "\n  ".join(fuzzy)
        )
    assert not problems, f"{catalogue.relative_to(REPO_ROOT)}:\n" + "\n".join(problems)


# --- the parser itself -------------------------------------------------------

SAMPLE_PO = r"""# Dutch translations.
#, fuzzy
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

#: wijken/models.py:10
msgid "Neighbourhood"
msgstr "Wijk"

#, python-format
msgid ""
"A long text "
"over two lines with a \"quote\""
msgstr ""

msgctxt "month"
msgid "May"
msgstr "mei"
#, fuzzy, python-format
msgid "%(count)s job"
msgid_plural "%(count)s jobs"
msgstr[0] "%(count)s klus"
msgstr[1] ""

#~ msgid "Old"
#~ msgstr ""
"""


def test_parser_reads_entries_flags_plurals_and_continuations(tmp_path):
    path = tmp_path / "django.po"
    path.write_text(SAMPLE_PO, encoding="utf-8")

    entries = parse_po(path)

    assert [e.msgid for e in entries] == [
        "",
        "Neighbourhood",
        'A long text over two lines with a "quote"',
        "May",
        "%(count)s job",
        None,
    ]
    header, wijk, long_text, may, jobs, old = entries
    assert header.is_header and "fuzzy" in header.flags and not header.untranslated
    assert wijk.msgstrs == ["Wijk"] and not wijk.untranslated
    assert long_text.untranslated and long_text.flags == {"python-format"}
    assert may.msgctxt == "month" and not may.untranslated and not may.flags
    assert jobs.msgid_plural == "%(count)s jobs" and jobs.msgstrs == ["%(count)s klus", ""]
    assert jobs.untranslated and "fuzzy" in jobs.flags
    assert old.obsolete
