"""Inhabitants per wijk imported from a CBS table of wijken en buurten (CSV)."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from tests.factories import GebiedFactory, WijkFactory
from wijken.cbs import inhabitants_per_district

STATLINE = (
    '"ID";"WijkenEnBuurten";"Gemeentenaam_1";"SoortRegio_2";"Codering_3";"AantalInwoners_5"\n'
    '1;"Zutphen";"Zutphen";"Gemeente";"GM0301";"48.500"\n'
    '2;"Waterkwartier";"Zutphen";"Wijk";"WK030101";"4.250"\n'
    '3;"Buurt in Waterkwartier";"Zutphen";"Buurt";"BU03010101";"1.200"\n'
    '4;"Leesten";"Zutphen";"Wijk";"WK030105";"."\n'
)
KWB = "gwb_code,regio,a_inw\nWK030101,Waterkwartier,4310\nWK030102,Centrum,6020\n"


def test_both_cbs_shapes_are_read_and_only_districts_with_a_value_count():
    assert inhabitants_per_district(STATLINE) == {"WK030101": 4250}
    assert inhabitants_per_district(KWB) == {"WK030101": 4310, "WK030102": 6020}


@pytest.mark.django_db
def test_command_sets_inhabitants_by_cbs_code(tmp_path):
    gebied = GebiedFactory(naam="Noord")
    water = WijkFactory(naam="Waterkwartier", gebied=gebied, cbs_code="WK030101")
    leesten = WijkFactory(naam="Leesten", gebied=gebied, cbs_code="WK030105", inwoners=3900)
    zonder = WijkFactory(naam="Nieuwbouw", gebied=gebied)
    path = tmp_path / "kwb.csv"
    path.write_bytes(("\ufeff" + STATLINE).encode())

    call_command("importeer_inwoners", str(path))

    water.refresh_from_db()
    leesten.refresh_from_db()
    zonder.refresh_from_db()
    assert water.inwoners == 4250
    assert water.version == 2  # saved as a change of its own, with its history
    assert leesten.inwoners == 3900  # a missing CBS value never overwrites a known one
    assert zonder.inwoners is None


@pytest.mark.django_db
def test_command_refuses_a_file_that_is_no_cbs_table(tmp_path):
    path = tmp_path / "iets.csv"
    path.write_text("naam;aantal\nWaterkwartier;12\n")
    with pytest.raises(CommandError, match="Geen CBS-tabel"):
        call_command("importeer_inwoners", str(path))
