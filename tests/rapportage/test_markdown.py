"""Narratives are Markdown, rendered to safe HTML (python-markdown + nh3 allow-list)."""

import pytest
from django.template import Context, Template

from rapportage.markdown import render_markdown


def test_paragraphs_bullets_links_bold_and_italic():
    html = render_markdown(
        "Eerste alinea met **vet** en *schuin*.\n\n"
        "- een\n- twee\n\n"
        "Zie [het artikel](https://www.contactzutphen.nl/nieuws/1)."
    )
    assert "<p>Eerste alinea met <strong>vet</strong> en <em>schuin</em>.</p>" in html
    assert "<ul>\n<li>een</li>\n<li>twee</li>\n</ul>" in html
    assert '<a href="https://www.contactzutphen.nl/nieuws/1" rel="noopener noreferrer">' in html


def test_bare_web_addresses_become_links():
    html = render_markdown("Meer info via https://www.berkelstroom.nl/canyon-jam/ en verder.")
    assert '<a href="https://www.berkelstroom.nl/canyon-jam/"' in html


@pytest.mark.parametrize(
    ("source", "forbidden"),
    [
        ("<script>alert('x')</script>", ["<script", "alert("]),
        ("<style>body{display:none}</style>", ["<style", "display:none"]),
        ('<img src="x" onerror="alert(1)">', ["onerror", "<img"]),
        ('<a href="https://ok.nl" onclick="steal()">ok</a>', ["onclick", "steal"]),
        ("[klik](javascript:alert(1))", ["javascript:"]),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', ["javascript:", "JaVaScRiPt"]),
        ('<a href="data:text/html,<script>alert(1)</script>">x</a>', ["data:", "<script"]),
        ('<iframe src="https://evil.example"></iframe>', ["<iframe"]),
        ('<p style="position:fixed">x</p>', ["style="]),
    ],
)
def test_unsafe_markup_is_neutralised(source, forbidden):
    html = render_markdown(f"Tekst {source} einde")
    for needle in forbidden:
        assert needle not in html
    assert "einde" in html


def test_empty_text_renders_nothing():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""


def test_template_filter_marks_output_safe_and_escapes_nothing_twice():
    template = Template("{% load rapportage_tags %}{{ tekst|markdown }}")
    html = template.render(Context({"tekst": "A & B **C** <script>x()</script>"}))
    assert html == "<p>A &amp; B <strong>C</strong> </p>"


# --- hostile input (issue 14, finding 1): limits before python-markdown runs ---

NESTED_300 = "".join("    " * level + "- niveau\n" for level in range(300))  # 180 kB
BRACKETS = "[" * 20000


@pytest.mark.parametrize("payload", [NESTED_300, BRACKETS], ids=["nested-300", "brackets-20000"])
def test_hostile_markdown_becomes_a_placeholder_quickly(payload):
    import time

    from rapportage.markdown import markdown_problem

    started = time.monotonic()
    html = render_markdown(payload)
    elapsed = time.monotonic() - started
    assert "report-markdown-error" in html
    assert "Deze tekst kan niet worden getoond" in html
    assert "niveau" not in html and "[[[" not in html
    assert markdown_problem(payload)
    # Far below the minute python-markdown needs for the brackets (a sanity bound,
    # not a benchmark: the limits make the work linear in the text).
    assert elapsed < 5


def test_a_recursion_error_inside_python_markdown_is_caught(monkeypatch):
    import markdown as markdown_lib

    from rapportage.markdown import MarkdownError, markdown_to_html

    def explode(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(markdown_lib, "markdown", explode)
    with pytest.raises(MarkdownError):
        markdown_to_html("gewone tekst")
    assert "report-markdown-error" in render_markdown("gewone tekst")


@pytest.mark.parametrize(
    "text",
    [
        "- een\n  - twee\n    - drie\n      - vier",
        "> citaat\n>> dieper",
        "1. In elke wijk\n2. Vrijwilligerswerk\n3. Buurtservice",
        "Zie [één](https://a.nl), [twee](https://b.nl) en [drie](https://c.nl).",
    ],
)
def test_ordinary_nesting_and_links_stay_within_the_limits(text):
    from rapportage.markdown import markdown_problem

    assert markdown_problem(text) is None
    assert "report-markdown-error" not in render_markdown(text)


def test_limits_are_counted_from_the_text():
    from rapportage.markdown import MAX_BRACKETS, MAX_DEPTH, markdown_problem, nesting_depth

    assert nesting_depth("- " * (MAX_DEPTH + 1) + "x") == MAX_DEPTH + 1
    assert nesting_depth("  " * MAX_DEPTH + "- x") == MAX_DEPTH + 1
    assert markdown_problem("- " * MAX_DEPTH + "x") is None
    assert markdown_problem("- " * (MAX_DEPTH + 1) + "x")
    assert markdown_problem("[" * MAX_BRACKETS) is None
    assert markdown_problem("[" * (MAX_BRACKETS + 1))


def test_nesting_is_measured_in_the_sanitised_html_whatever_made_it():
    from rapportage.markdown import MAX_HTML_DEPTH, html_depth, markdown_problem

    assert html_depth("<p>a<br>b</p><ul><li><em>c</em></li></ul><hr>") == 3
    assert markdown_problem("<blockquote>" * MAX_HTML_DEPTH + "x") is None
    assert markdown_problem("<blockquote>" * (MAX_HTML_DEPTH + 1) + "x")
    assert markdown_problem(">" * (MAX_HTML_DEPTH + 1) + "x")  # no space after the marks
    assert markdown_problem("**" * (MAX_HTML_DEPTH + 1) + "x" + "**" * (MAX_HTML_DEPTH + 1))


def test_characters_no_font_draws_are_left_out():
    html = render_markdown("a\x01b\x1bc\x7fd\ue000e &#0; f\U0010ffff g\u0301 h\u00adi")
    assert html == "<p>abcde  f g\u0301 h\u00adi</p>"
