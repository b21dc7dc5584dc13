"""A refused form lists its errors at its top, each linked to its field.

Every page of the permission matrix that a beheerder (who may open them all) or a
visitor of a public page can open is read, each of its POST forms with fields is
sent with those fields left empty, and a form that comes back refused (status 200
or 409 instead of a redirect) must carry the error summary. The summary itself is
checked on forms of each kind: fields, choices, formsets, hidden and non-field
errors.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin

from django import forms

from core.templatetags.error_summary import error_items
from tests.trust.test_permission_matrix import (
    ADMIN,
    ANON,
    EXPECTED,
    client_as,
    matrix,  # noqa: F401 - the fixture, shared with the permission matrix
    request_undone,
    url_for,
)

SUMMARY = "data-error-summary"


class _PostForms(HTMLParser):
    """The POST forms of a page: their address, hidden values and whether they
    have a field a person fills in."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            post = (attrs.get("method") or "").lower() == "post"
            self._form = {"action": attrs.get("action") or "", "hidden": {}, "fields": False}
            if post:
                self.forms.append(self._form)
        elif self._form is not None and attrs.get("name"):
            kind = (attrs.get("type") or "").lower()
            if tag == "input" and kind == "hidden":
                self._form["hidden"][attrs["name"]] = attrs.get("value") or ""
            elif tag in ("input", "select", "textarea") and kind not in ("submit", "button"):
                self._form["fields"] = True

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def post_forms(html: str) -> list[dict]:
    parser = _PostForms()
    parser.feed(html)
    return [form for form in parser.forms if form["fields"]]


def refused_forms_without_summary(client, urls: list[str]) -> tuple[list[str], int]:
    """Pages whose refused form has no summary, and how many refused forms were seen."""
    missing, refused = [], 0
    for url in urls:
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        for form in post_forms(response.content.decode()):
            target = urljoin(url, form["action"]) if form["action"] else url
            answer = request_undone(client, "post", target, form["hidden"])
            if answer.status_code not in (200, 409):
                continue  # saved, or sent elsewhere: nothing was refused
            refused += 1
            if SUMMARY not in answer.content.decode():
                missing.append(f"{url} → POST {target}")
    return missing, refused


def test_every_refused_form_starts_with_its_error_summary(matrix):  # noqa: F811
    admin = client_as(matrix, ADMIN)
    urls = [
        url_for(name, page, matrix.objects)
        for name, page in sorted(EXPECTED.items())
        if ADMIN in page.allowed and page.get
    ]
    missing, refused = refused_forms_without_summary(admin, urls)
    public = [
        url_for(name, page, matrix.objects)
        for name, page in sorted(EXPECTED.items())
        if page.public and page.get
    ]
    more, public_refused = refused_forms_without_summary(client_as(matrix, ANON), public)
    assert refused >= 20 and public_refused >= 1, (refused, public_refused)
    assert not missing + more, "refused forms without an error summary:\n" + "\n".join(
        missing + more
    )


class _Example(forms.Form):
    naam = forms.CharField(label="Naam")
    soort = forms.ChoiceField(
        label="Soort", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect
    )
    versie = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self):
        raise forms.ValidationError("Dit past niet bij elkaar.")


def test_the_summary_links_each_error_to_its_field_and_lists_the_rest():
    form = _Example(data={"voorbeeld-naam": "", "voorbeeld-versie": "x"}, prefix="voorbeeld")
    links = forms.formset_factory(forms.Form, extra=0)
    items = error_items(form, None, _Example(), links(data={"form-TOTAL_FORMS": "x"}))
    assert [(item.get("label", ""), str(item["message"]), item["anchor"]) for item in items] == [
        ("", "Dit past niet bij elkaar.", ""),
        ("Naam", "Dit veld is verplicht.", "id_voorbeeld-naam"),
        # a group of radio buttons: the link goes to its first choice
        ("Soort", "Dit veld is verplicht.", "id_voorbeeld-soort_0"),
        # a hidden field has nothing to focus: its error is listed without a link
        ("", "Voer een geheel getal in.", ""),
        # a formset's own errors (here: a tampered management form)
        ("", items[4]["message"], ""),
    ]
    assert "ManagementForm" in str(items[4]["message"])
