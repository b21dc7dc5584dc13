"""Lost updates: an edit based on a version someone else has since changed is refused.

Every page that edits a versioned record handles a conflict the same way: the
Dutch conflict message on the form, what the user typed kept, status 409, and
nothing overwritten; a conflict only the write itself sees is no 500 either.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext, override

from buurtservice.models import Capaciteit, Klus, Uitvoerder
from core.concurrency import VersionConflict, stale_message
from initiatieven.models import Financieringsaanvraag, Initiatief
from makelaars.models import Activiteit
from rapportage.models import Jaarrapportage, Sectie
from tests.factories import (
    ActiviteitFactory,
    CapaciteitFactory,
    FinancieringsaanvraagFactory,
    InitiatiefFactory,
    JaarrapportageFactory,
    KlusFactory,
    SectieFactory,
    UitvoerderFactory,
)

from .conftest import activiteit_data

pytestmark = pytest.mark.django_db


def stale(model) -> str:
    """The refusal as the page shows it (Dutch, HTML-escaped)."""
    message = stale_message(model)
    assert message.startswith("Iemand anders heeft")
    return escape(message)


def incomplete() -> str:
    message = gettext("This form was sent incomplete. Reload the page and try again.")
    assert "formulier" in message
    return escape(message)


# Each case: (the record, its edit URL, the post for a value of ``field``, ``field``).


def _activiteit(wijk_a, makelaar):
    obj = ActiviteitFactory(wijk=wijk_a, titel="Start", aangemaakt_door=makelaar)
    url = reverse("makelaars:activiteit_update", args=[obj.pk])
    return obj, url, lambda titel: activiteit_data(wijk_a, titel=titel), "titel"


def _initiatief(wijk_a, makelaar):
    obj = InitiatiefFactory(wijk=wijk_a, naam="Start")
    url = reverse("initiatieven:initiatief_update", args=[obj.pk])
    return obj, url, lambda naam: {"naam": naam, "wijk": wijk_a.pk}, "naam"


def _veranderverhaal(wijk_a, makelaar):
    obj = InitiatiefFactory(wijk=wijk_a, naam="Moestuin", doelgroep="Start")
    url = reverse("initiatieven:veranderverhaal_update", args=[obj.pk])
    return obj, url, lambda tekst: {"doelgroep": tekst}, "doelgroep"


def _financiering(wijk_a, makelaar):
    obj = FinancieringsaanvraagFactory(
        initiatief=InitiatiefFactory(wijk=wijk_a), fonds="Start", bedrag=500
    )
    url = reverse("initiatieven:financiering_update", args=[obj.initiatief_id, obj.pk])

    def data(fonds):
        return {
            "fonds": fonds,
            "bedrag": "500",
            "aangevraagd_op": obj.aangevraagd_op.isoformat(),
            "status": obj.status,
        }

    return obj, url, data, "fonds"


def _klus(wijk_a, makelaar):
    obj = KlusFactory(wijk=wijk_a, omschrijving="Start")
    url = reverse("buurtservice:klus_update", args=[obj.pk])

    def data(omschrijving):
        return {
            "aanvraagdatum": obj.aanvraagdatum.isoformat(),
            "wijk": wijk_a.pk,
            "soort": obj.soort,
            "verwijzer": obj.verwijzer,
            "omschrijving": omschrijving,
            "aanvrager_naam": obj.aanvrager_naam,
            "aanvrager_adres": obj.aanvrager_adres,
            "toch_opslaan": "on",
        }

    return obj, url, data, "omschrijving"


def _uitvoerder(wijk_a, makelaar):
    obj = UitvoerderFactory(naam="Start")
    url = reverse("buurtservice:uitvoerder_update", args=[obj.pk])

    def data(naam):
        return {
            "naam": naam,
            "soort": obj.soort,
            "herkomst": obj.herkomst,
            "startdatum": obj.startdatum.isoformat(),
        }

    return obj, url, data, "naam"


def _capaciteit(wijk_a, makelaar):
    obj = CapaciteitFactory(omschrijving="Start", startdatum=datetime.date(2023, 1, 1))
    url = reverse("buurtservice:capaciteit_update", args=[obj.pk])

    def data(omschrijving):
        return {"uren_per_week": "24", "startdatum": "2023-01-01", "omschrijving": omschrijving}

    return obj, url, data, "omschrijving"


def _jaarrapportage(wijk_a, makelaar):
    obj = JaarrapportageFactory(jaar=2023, titel="Start")
    url = reverse("rapportage:jaarrapportage_update", args=[obj.pk])

    def data(titel):
        return {"titel": titel, "versiedatum": "2023-12-15", "inleiding": ""}

    return obj, url, data, "titel"


def _sectie(wijk_a, makelaar):
    obj = SectieFactory(titel="Start", tekst="Tekst")
    url = reverse("rapportage:sectie_update", args=[obj.pk])
    return obj, url, lambda titel: {"titel": titel, "tekst": "Tekst"}, "titel"


CASES = {
    "activiteit": _activiteit,
    "initiatief": _initiatief,
    "veranderverhaal": _veranderverhaal,
    "financiering": _financiering,
    "klus": _klus,
    "uitvoerder": _uitvoerder,
    "capaciteit": _capaciteit,
    "jaarrapportage": _jaarrapportage,
    "sectie": _sectie,
}


@pytest.fixture
def editors(client_for, coordinator, beheerder):
    """Two people who may edit everything: a coordinator and an admin."""
    return client_for(coordinator), client_for(beheerder)


@pytest.mark.parametrize("kind", CASES)
def test_second_edit_from_the_same_version_is_refused(kind, editors, wijk_a, makelaar):
    obj, url, data, field = CASES[kind](wijk_a, makelaar)
    first, second = editors
    # Both open the form at the same version.
    version = first.get(url).context["form"]["version"].value()
    assert second.get(url).context["form"]["version"].value() == version == obj.version

    response = first.post(url, {**data("Eerste wijziging"), "version": version})
    assert response.status_code == 302, response.context["form"].errors
    response = second.post(url, {**data("Tweede wijziging"), "version": version})

    assert response.status_code == 409
    html = response.content.decode()
    with override("nl"):
        assert stale(type(obj)) in html
    # What the second editor typed is still in the form, to copy from.
    assert response.context["form"][field].value() == "Tweede wijziging"
    obj.refresh_from_db()
    assert getattr(obj, field) == "Eerste wijziging"
    assert obj.version == version + 1


@pytest.mark.parametrize("kind", CASES)
def test_a_conflict_only_the_write_sees_is_the_same_message(
    kind, editors, wijk_a, makelaar, monkeypatch
):
    """Both saves passed the form check; the write itself refuses the second: the user
    gets the conflict message (409), never a 500."""
    obj, url, data, field = CASES[kind](wijk_a, makelaar)
    client, _other = editors
    model = type(obj)

    def racing_save(self, *args, **kwargs):
        raise VersionConflict()

    monkeypatch.setattr(model, "save", racing_save)
    response = client.post(url, {**data("Mijn wijziging"), "version": obj.version})
    monkeypatch.undo()
    assert response.status_code == 409
    with override("nl"):
        assert stale(model) in response.content.decode()
    assert response.context["form"][field].value() == "Mijn wijziging"
    obj.refresh_from_db()
    assert getattr(obj, field) == "Start"


@pytest.mark.parametrize("kind", CASES)
def test_a_normal_edit_works_and_raises_the_version(kind, editors, wijk_a, makelaar):
    obj, url, data, field = CASES[kind](wijk_a, makelaar)
    client, _other = editors
    response = client.post(url, {**data("Gewijzigd"), "version": obj.version})
    assert response.status_code == 302, response.context["form"].errors
    before = obj.version
    obj.refresh_from_db()
    assert (getattr(obj, field), obj.version) == ("Gewijzigd", before + 1)
    # Editing on from the new version works again.
    response = client.post(url, {**data("Nog eens"), "version": obj.version})
    assert response.status_code == 302


@pytest.mark.parametrize("kind", CASES)
@pytest.mark.parametrize("version", [None, "", "abc", "-1", "0", "1.5", "9" * 30, "\x00", "1e3"])
def test_missing_or_garbage_version_is_a_form_error(kind, version, editors, wijk_a, makelaar):
    obj, url, data, field = CASES[kind](wijk_a, makelaar)
    client, _other = editors
    post = data("Gewijzigd")
    if version is not None:
        post["version"] = version
    response = client.post(url, post)
    assert response.status_code == 200
    with override("nl"):
        assert incomplete() in response.content.decode()
    obj.refresh_from_db()
    assert getattr(obj, field) == "Start"


def test_a_future_version_is_refused_too(editors, wijk_a, makelaar):
    obj, url, data, field = _activiteit(wijk_a, makelaar)
    client, _other = editors
    response = client.post(url, {**data("X"), "version": obj.version + 5})
    with override("nl"):
        assert stale(Activiteit) in response.content.decode()


VERSIONED = [
    Activiteit,
    Initiatief,
    Financieringsaanvraag,
    Klus,
    Uitvoerder,
    Capaciteit,
    Jaarrapportage,
    Sectie,
]


@pytest.mark.parametrize("model", VERSIONED)
def test_save_refuses_a_stale_version_even_after_the_form_check(model, wijk_a):
    """Two saves that both passed the form check: the write itself refuses the second."""
    factory = {
        Activiteit: lambda: ActiviteitFactory(wijk=wijk_a),
        Initiatief: lambda: InitiatiefFactory(wijk=wijk_a),
        Financieringsaanvraag: lambda: FinancieringsaanvraagFactory(
            initiatief=InitiatiefFactory(wijk=wijk_a)
        ),
        Klus: lambda: KlusFactory(wijk=wijk_a),
        Uitvoerder: UitvoerderFactory,
        Capaciteit: CapaciteitFactory,
        Jaarrapportage: lambda: JaarrapportageFactory(jaar=2023),
        Sectie: SectieFactory,
    }[model]
    obj = factory()
    mine, theirs = model.objects.get(pk=obj.pk), model.objects.get(pk=obj.pk)
    theirs.expect_version(1)
    theirs.save()
    mine.expect_version(1)
    with pytest.raises(VersionConflict):
        mine.save()
    assert model.objects.get(pk=obj.pk).version == 2
    # A save without an expected version (e.g. in the admin) still raises it.
    fresh = model.objects.get(pk=obj.pk)
    fresh.save()
    assert model.objects.get(pk=obj.pk).version == 3


def test_a_section_conflict_also_shows_the_stored_text(editors):
    sectie = SectieFactory(titel="Start", tekst="Oude tekst")
    url = reverse("rapportage:sectie_update", args=[sectie.pk])
    first, second = editors
    first.post(url, {"titel": "Start", "tekst": "Tekst van de collega", "version": 1})
    response = second.post(url, {"titel": "Start", "tekst": "Mijn tekst", "version": 1})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Mijn tekst" in html  # the user's own text, in the form
    assert "Tekst van de collega" in html  # the stored text, to compare
