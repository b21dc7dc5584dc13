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
