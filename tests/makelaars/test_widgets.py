"""The fast select widgets produce the same options as Django's, escaped."""

import re

from django import forms

from core.widgets import FastSelect, FastSelectMultiple

CHOICES = [("", "– alle –"), ("1", "Ieder1"), ("2", '<b>"Ons Huis"</b> & co'), ("3", "Café")]


def normalise(html: str) -> str:
    html = re.sub(r">\s+<", "><", str(html).strip())
    return html.replace("&#x27;", "&#39;")


def test_select_renders_like_django():
    for value in ("2", "", None):
        fast = FastSelect(choices=CHOICES, attrs={"class": "form-select", "id": "id_p"})
        plain = forms.Select(choices=CHOICES, attrs={"class": "form-select", "id": "id_p"})
        assert normalise(fast.render("partner", value)) == normalise(plain.render("partner", value))


def test_select_multiple_renders_like_django():
    fast = FastSelectMultiple(choices=CHOICES, attrs={"size": 6})
    plain = forms.SelectMultiple(choices=CHOICES, attrs={"size": 6})
    html = fast.render("partners", ["1", "3"])
    assert normalise(html) == normalise(plain.render("partners", ["1", "3"]))
    assert " multiple" in html
    assert html.count(" selected") == 2


def test_labels_are_escaped():
    html = FastSelect(choices=CHOICES).render("partner", None)
    assert "<b>" not in html
    assert "&lt;b&gt;&quot;Ons Huis&quot;&lt;/b&gt; &amp; co" in html
