"""Free-text search: every word must match; PostgreSQL uses Dutch full-text search."""

import pytest
from django.db import connection
from django.urls import reverse

from core.search import search_words, text_search
from initiatieven.models import Initiatief
from makelaars.models import Activiteit
from tests.factories import ActiviteitFactory, InitiatiefFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def log(wijk_a):
    return {
        "koffie": ActiviteitFactory(
            wijk=wijk_a, titel="Koffieochtend", beschrijving="In de moestuin achter het buurthuis"
        ),
        "tuin": ActiviteitFactory(wijk=wijk_a, titel="Moestuin opgeknapt", opbrengst="Tien bakken"),
        "overleg": ActiviteitFactory(wijk=wijk_a, titel="Overleg school", beschrijving="Jongeren"),
    }


def found(text):
    queryset = text_search(Activiteit.objects.all(), ("titel", "beschrijving", "opbrengst"), text)
    return set(queryset.values_list("titel", flat=True))


def test_every_word_must_match_in_some_field(log):
    assert found("koffie moestuin") == {"Koffieochtend"}
    assert found("moestuin") == {"Koffieochtend", "Moestuin opgeknapt"}
    assert found("MOESTUIN bakken") == {"Moestuin opgeknapt"}
    assert found("jongeren school") == {"Overleg school"}
    assert found("fietsenstalling") == set()


def test_blank_and_punctuation(log):
    assert len(found("   ")) == 3
    assert found("%%") == set()
    assert search_words("koffie, moestuin! (2023)") == ["koffie", "moestuin", "2023"]


def test_the_list_searches_the_same_way(log, client_for, makelaar):
    response = client_for(makelaar).get(reverse("makelaars:activiteit_list"), {"q": "koffie tuin"})
    titles = {a.titel for a in response.context["activiteiten"]}
    # "tuin" is inside "moestuin": SQLite finds it, PostgreSQL matches whole words
    # and their beginnings only.
    if connection.vendor == "postgresql":
        assert titles == set()
    else:
        assert titles == {"Koffieochtend"}
    response = client_for(makelaar).get(reverse("makelaars:activiteit_list"), {"q": "koffie"})
    assert {a.titel for a in response.context["activiteiten"]} == {"Koffieochtend"}


def test_initiatives_search_by_words(wijk_a):
    InitiatiefFactory(wijk=wijk_a, naam="Repair Café", doelgroep="bewoners met weinig geld")
    InitiatiefFactory(wijk=wijk_a, naam="Geveltuinen", omschrijving="Groen in de straat")
    assert [i.naam for i in Initiatief.objects.search("groen straat")] == ["Geveltuinen"]
    assert [i.naam for i in Initiatief.objects.search("repair geld")] == ["Repair Café"]


def test_the_search_index_exists_on_postgresql_only():
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, Activiteit._meta.db_table)
    has_index = "makelaars_act_search" in indexes
    assert has_index == (connection.vendor == "postgresql")
