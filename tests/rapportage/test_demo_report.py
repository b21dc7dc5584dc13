"""With the demo data, the 2023 report reproduces the structure and figures of seed 000."""

import re

import pytest
from django.core.management import call_command

from rapportage.models import Jaarrapportage

from .conftest import pdf_text


@pytest.mark.django_db
def test_demo_report_2023_reads_like_the_seed(tmp_path):
    call_command("demodata")
    rapportage = Jaarrapportage.objects.get(jaar=2023)
    output = tmp_path / "rapport-2023.pdf"
    call_command("jaarrapportage", "2023", output=str(output))
    text = pdf_text(output.read_bytes())

    # The seed's structure, in its order (after the table of contents).
    body = text[text.index("pagina 3 van") :]
    positions = [body.index(sectie.titel) for sectie in rapportage.secties.all()]
    assert positions == sorted(positions)
    for title in [
        "1. In elke wijk een sociaal makelaar",
        "3. Meer inzet vanuit Buurtservice (als collectief traject)",
        "Bijlage 1: Voorbeelden van de opbrengsten van het sociaal makelen per wijk",
        "Bijlage 2: samenvatting Plan Sterke Wijken",
    ]:
        assert title in body

    # Section 1: from 3 to 8 social brokers, the mbo pilot in Waterkwartier from 1 July.
    assert re.search(r"Van 3 eind 20\d\d naar 8 sociaal makelaars eind 2023", text)
    assert "In Waterkwartier is, naast het afgesproken aantal, als pilot vanaf 01-07-2023" in text
    # Section 3: 12 hours more from 1 March; the second half year's new people.
    assert "Per 1 maart 2023 is de capaciteit gewijzigd" in text
    assert "(verschil: 12)" in text
    second_half = body[body.index("Behaalde resultaten 2e halfjaar 2023") :]
    assert "AZC 8" in second_half
    assert "GelreWerkt 4" in second_half
    assert "HAN 2" in second_half
    assert "European Solidarity Corps 1" in second_half
    # Bijlage 1: examples grouped by gebied, in the gebied order of the seed.
    annex = body[body.index("Bijlage 1: Voorbeelden") :]
    assert annex.index("Waterkwartier") < annex.index("Zuidwijken – Warnsveld – Leesten")
    assert "Clean Up week" in annex
    # Bijlage 2: the indicators' targets beside the results computed from the record.
    assert re.search(r"eind 2023 8 8 ja", annex)
    assert re.search(r"12 12 ja", annex)
