"""The sociale kaart: partners per wijk and kind, what was done together, merging duplicates."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from audit.registry import history_url
from core.roles import Role
from tests.factories import (
    ActiviteitFactory,
    GebiedFactory,
    InitiatiefFactory,
    OrganisatieFactory,
    WijkFactory,
    make_user,
)
from wijken.models import Organisatie
from wijken.services import merge_organisaties

pytestmark = pytest.mark.django_db


@pytest.fixture
def kaart():
    gebied_a, gebied_b = GebiedFactory(naam="A"), GebiedFactory(naam="B")
    wijk_a = WijkFactory(naam="Waterkwartier", gebied=gebied_a)
    wijk_a2 = WijkFactory(naam="De Mars", gebied=gebied_a)
    wijk_b = WijkFactory(naam="Zuidwijken", gebied=gebied_b)
    broker = make_user(Role.MAKELAAR, gebied=gebied_a, username="mk")
    broker_b = make_user(Role.MAKELAAR, gebied=gebied_b, username="mk-b")
    ieder1 = OrganisatieFactory(naam="Ieder1", soort="woningcorporatie", contactpersoon="Joke")
    ieder1.wijken.add(wijk_a2)
    school = OrganisatieFactory(naam="Basisschool De Vlinder", soort="onderwijs")
    gelre = OrganisatieFactory(naam="GelreWerkt", soort="werk_en_inkomen")
    samen = ActiviteitFactory(wijk=wijk_a, titel="Schoonmaakactie", datum=datetime.date(2023, 4, 1))
    samen.partners.add(ieder1, school)
    ActiviteitFactory(
        wijk=wijk_a, titel="Buurtlunch", datum=datetime.date(2022, 9, 1)
    ).partners.add(ieder1)
    moestuin = InitiatiefFactory(naam="Moestuin Mars", wijk=wijk_b)
    moestuin.partners.add(gelre, ieder1)
    return locals()


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def names(response) -> list[str]:
    return [o.naam for o in response.context["organisaties"]]


def test_filter_per_wijk_finds_own_and_shared_wijken(kaart):
    client = client_for(kaart["broker"])
    url = reverse("pages:organisatie_list")
    # Works in De Mars by hand; shared an activity in Waterkwartier.
    assert names(client.get(url, {"wijk": kaart["wijk_a2"].pk})) == ["Ieder1"]
    assert names(client.get(url, {"wijk": kaart["wijk_a"].pk})) == [
        "Basisschool De Vlinder",
        "Ieder1",
    ]
    assert names(client.get(url, {"soort": "onderwijs"})) == ["Basisschool De Vlinder"]
    assert names(client.get(url, {"q": "joke"})) == ["Ieder1"]
    assert len(names(client.get(url))) == 3


def test_a_wijk_filter_uses_only_records_the_user_may_see(kaart):
    """Gebied B's initiative is hidden from a broker of gebied A, so is its partner there."""
    url = reverse("pages:organisatie_list")
    wijk_b = kaart["wijk_b"].pk
    assert names(client_for(kaart["broker"]).get(url, {"wijk": wijk_b})) == []
    assert names(client_for(kaart["broker_b"]).get(url, {"wijk": wijk_b})) == [
        "GelreWerkt",
        "Ieder1",
    ]


def test_organisation_page_lists_work_together_by_year(kaart):
    response = client_for(kaart["broker"]).get(kaart["ieder1"].get_absolute_url())
    assert response.status_code == 200
    years = [
        (y["year"], [a.titel for a in y["items"]])
        for y in response.context["activiteiten_per_jaar"]
    ]
    assert years == [(2023, ["Schoonmaakactie"]), (2022, ["Buurtlunch"])]
    assert response.context["initiatieven_per_jaar"] == []  # the initiative is in gebied B
    assert [w.naam for w in response.context["werkt_in"]] == ["De Mars"]
    assert [w.naam for w in response.context["samen_in"]] == ["Waterkwartier"]
    html = response.content.decode()
    assert "Joke" in html


def test_a_broker_adds_and_edits_an_organisation_but_cannot_merge(kaart):
    client = client_for(kaart["broker"])
    created = client.post(
        reverse("wijken:organisatie_create"),
        {
            "naam": "  Buurthuis   De Hanzehof ",
            "soort": "vrijwilligersorganisatie",
            "wijken": [str(kaart["wijk_a"].pk)],
            "telefoon": "0575 123456",
            "email": "info@hanzehof.example",
            "actief": "on",
        },
    )
    assert created.status_code == 302
    hanzehof = Organisatie.objects.get(naam="Buurthuis De Hanzehof")
    edited = client.post(
        reverse("wijken:organisatie_update", args=[hanzehof.pk]),
        {
            "naam": "Buurthuis De Hanzehof",
            "soort": "vrijwilligersorganisatie",
            "contactpersoon": "Ahmed",
            "actief": "on",
            "version": str(hanzehof.version),
        },
    )
    assert edited.status_code == 302
    hanzehof.refresh_from_db()
    assert hanzehof.contactpersoon == "Ahmed"
    assert list(hanzehof.wijken.all()) == []
    duplicate = client.post(
        reverse("wijken:organisatie_create"), {"naam": "ieder1", "soort": "anders"}
    )
    assert "al een organisatie met deze naam" in duplicate.content.decode()
    merge = reverse("wijken:organisatie_merge", args=[hanzehof.pk])
    assert client.post(merge, {"duplicate": kaart["school"].pk}).status_code == 403
    assert Organisatie.objects.filter(pk=kaart["school"].pk).exists()


def test_merging_moves_every_relation_and_is_audited(kaart):
    beheerder = make_user(Role.BEHEERDER, username="beheer")
    ieder1, gelre = kaart["ieder1"], kaart["gelre"]
    dubbel = OrganisatieFactory(naam="Ieder 1 (dubbel)", telefoon="0575 999000")
    dubbel.wijken.add(kaart["wijk_b"])
    kaart["samen"].partners.add(dubbel)  # already linked to Ieder1 too
    kaart["moestuin"].partners.remove(ieder1)
    kaart["moestuin"].partners.add(dubbel)
    extra = ActiviteitFactory(wijk=kaart["wijk_a"], titel="Alleen dubbel")
    extra.partners.add(dubbel)

    response = client_for(beheerder).post(
        reverse("wijken:organisatie_merge", args=[ieder1.pk]), {"duplicate": dubbel.pk}
    )

    assert response.status_code == 302
    assert not Organisatie.objects.filter(pk=dubbel.pk).exists()
    ieder1.refresh_from_db()
    assert sorted(a.titel for a in ieder1.activiteiten.all()) == [
        "Alleen dubbel",
        "Buurtlunch",
        "Schoonmaakactie",
    ]
    assert sorted(i.naam for i in ieder1.initiatieven.all()) == ["Moestuin Mars"]
    assert sorted(w.naam for w in ieder1.wijken.all()) == ["De Mars", "Zuidwijken"]
    assert ieder1.telefoon == "0575 999000"
    assert list(kaart["moestuin"].partners.order_by("naam")) == [gelre, ieder1]
    deleted = Organisatie.history.get(id=dubbel.pk, history_type="-")
    assert "Ieder1" in deleted.history_change_reason
    assert deleted.history_user == beheerder
    assert client_for(beheerder).get(history_url(ieder1)).status_code == 200


def test_an_organisation_cannot_be_merged_with_itself(kaart):
    with pytest.raises(ValueError):
        merge_organisaties(keep=kaart["ieder1"], duplicate=kaart["ieder1"])
