"""Residents see who asks; statements read as Dutch; the results chart tells its bars apart."""

from __future__ import annotations

import re

from django.urls import reverse

from metingen.library import statement_choices


def test_public_pages_name_the_organisation_and_its_phone_number_when_set(m, client, settings):
    settings.ORGANISATION_NAME = "Perspectief"
    settings.ORGANISATION_PHONE = ""
    m.vragenlijst.is_open = True
    m.vragenlijst.save()
    body = client.get(m.vragenlijst.get_public_path()).content.decode()
    sender = body.split('data-testid="afzender"')[1].split("</header>")[0]
    assert "Perspectief" in sender
    assert "tel:" not in sender

    settings.ORGANISATION_PHONE = "0575 123 456"
    body = client.get(m.vragenlijst.get_public_path()).content.decode()
    assert '<a href="tel:0575123456">0575 123 456</a>' in body
    assert "Vragen? Bel" in body
    bedankt = client.get(reverse("metingen_public:bedankt", args=[m.vragenlijst.token]))
    assert "Perspectief" in bedankt.content.decode()


def test_generated_statements_quote_the_initiatives_name():
    texts = [text for _key, _label, text in statement_choices("Creatieve ochtend")]
    assert "Door “Creatieve ochtend” ken ik meer mensen in de buurt." in texts
    assert not any("Door Creatieve ochtend" in text for text in texts)
    # A name already in quotes is not quoted twice.
    texts = [text for _key, _label, text in statement_choices("“De Mulderskamp”")]
    assert "Door “De Mulderskamp” ken ik meer mensen in de buurt." in texts


def test_results_chart_numbers_its_bars_and_lists_the_statements(m, answer, close, client):
    for _ in range(5):
        answer([5, 4, 2])
    close()
    client.force_login(m.coord)
    body = client.get(m.vragenlijst.get_absolute_url()).content.decode()
    svg = body[body.index("<svg") : body.index("</svg>")]
    labels = re.findall(r'text-anchor="middle" fill="#495057">([^<]*)</text>', svg)
    assert labels[-3:] == ["1", "2", "3"]
    assert "…" not in svg
    legend = body.split('data-testid="grafiek-legenda"')[1].split("</ol>")[0]
    items = re.findall(r"<li>([^<]*)</li>", legend)
    assert items == [s.tekst for s in m.stellingen]
