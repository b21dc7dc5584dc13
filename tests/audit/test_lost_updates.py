"""Lost updates: an edit based on a version someone else has since changed is refused."""

import pytest
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext, override

from buurtservice.models import Klus, Uitvoerder
from core.concurrency import VersionConflict, stale_message
from initiatieven.models import Initiatief
from makelaars.models import Activiteit
from tests.factories import (
    ActiviteitFactory,
    InitiatiefFactory,
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


def _activiteit(wijk, makelaar):
    obj = ActiviteitFactory(wijk=wijk, titel="Start", aangemaakt_door=makelaar)
    url = reverse("makelaars:activiteit_update", args=[obj.pk])
    return obj, url, lambda titel: activiteit_data(wijk, titel=titel), "titel"


def _initiatief(wijk, makelaar):
    obj = InitiatiefFactory(wijk=wijk, naam="Start")
    url = reverse("initiatieven:initiatief_update", args=[obj.pk])
    return obj, url, lambda naam: {"naam": naam, "wijk": wijk.pk}, "naam"


def _veranderverhaal(wijk, makelaar):
    obj = InitiatiefFactory(wijk=wijk, naam="Moestuin", doelgroep="Start")
    url = reverse("initiatieven:veranderverhaal_update", args=[obj.pk])
    return obj, url, lambda tekst: {"doelgroep": tekst}, "doelgroep"


def _klus(wijk, makelaar):
    obj = KlusFactory(wijk=wijk, omschrijving="Start")
    url = reverse("buurtservice:klus_update", args=[obj.pk])

    def data(omschrijving):
        return {
            "aanvraagdatum": obj.aanvraagdatum.isoformat(),
            "wijk": wijk.pk,
            "soort": obj.soort,
            "verwijzer": obj.verwijzer,
            "omschrijving": omschrijving,
            "aanvrager_naam": obj.aanvrager_naam,
            "aanvrager_adres": obj.aanvrager_adres,
            "toch_opslaan": "on",
        }

    return obj, url, data, "omschrijving"


def _uitvoerder(wijk, makelaar):
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


CASES = {
    "activiteit": _activiteit,
    "initiatief": _initiatief,
    "veranderverhaal": _veranderverhaal,
    "klus": _klus,
    "uitvoerder": _uitvoerder,
}


@pytest.fixture
def editors(client_for, coordinator, beheerder):
    """Two people who may edit everything: a coordinator and an admin."""
    return client_for(coordinator), client_for(beheerder)


@pytest.mark.parametrize("kind", CASES)
def test_second_edit_from_the_same_version_is_refused(kind, editors, wijk, makelaar):
    obj, url, data, field = CASES[kind](wijk, makelaar)
    first, second = editors
    # Both open the form at the same version.
    version = first.get(url).context["form"]["version"].value()
    assert second.get(url).context["form"]["version"].value() == version == obj.version

    response = first.post(url, {**data("Eerste wijziging"), "version": version})
    assert response.status_code == 302, response.context["form"].errors
    response = second.post(url, {**data("Tweede wijziging"), "version": version})

    assert response.status_code == 200
    html = response.content.decode()
    with override("nl"):
        assert stale(type(obj)) in html
    # What the second editor typed is still in the form, to copy from.
    assert response.context["form"][field].value() == "Tweede wijziging"
    obj.refresh_from_db()
    assert getattr(obj, field) == "Eerste wijziging"
    assert obj.version == version + 1


@pytest.mark.parametrize("kind", CASES)
def test_a_normal_edit_works_and_raises_the_version(kind, editors, wijk, makelaar):
    obj, url, data, field = CASES[kind](wijk, makelaar)
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
def test_missing_or_garbage_version_is_a_form_error(kind, version, editors, wijk, makelaar):
    obj, url, data, field = CASES[kind](wijk, makelaar)
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


def test_a_future_version_is_refused_too(editors, wijk, makelaar):
    obj, url, data, field = _activiteit(wijk, makelaar)
    client, _other = editors
    response = client.post(url, {**data("X"), "version": obj.version + 5})
    with override("nl"):
        assert stale(Activiteit) in response.content.decode()


@pytest.mark.parametrize("model", [Activiteit, Initiatief, Klus, Uitvoerder])
def test_save_refuses_a_stale_version_even_after_the_form_check(model, wijk):
    """Two saves that both passed the form check: the write itself refuses the second."""
    factory = {
        Activiteit: lambda: ActiviteitFactory(wijk=wijk),
        Initiatief: lambda: InitiatiefFactory(wijk=wijk),
        Klus: lambda: KlusFactory(wijk=wijk),
        Uitvoerder: UitvoerderFactory,
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


def test_conflict_in_the_write_is_shown_as_a_form_error(editors, wijk, makelaar, monkeypatch):
    """The race the form check cannot see: the save raises, the user gets the message."""
    obj, url, data, field = _activiteit(wijk, makelaar)
    client, _other = editors

    def racing_save(self, *args, **kwargs):
        raise VersionConflict()

    monkeypatch.setattr(Activiteit, "save", racing_save)
    response = client.post(url, {**data("Mijn wijziging"), "version": obj.version})
    assert response.status_code == 200
    with override("nl"):
        assert stale(Activiteit) in response.content.decode()
    monkeypatch.undo()
    obj.refresh_from_db()
    assert obj.titel == "Start"


@pytest.mark.parametrize("version", [None, "abc", "0", "9" * 30, "1.5"])
def test_report_section_refuses_a_missing_or_garbage_version(version, editors):
    sectie = SectieFactory(tekst="Start")
    client, _other = editors
    post = {"titel": sectie.titel, "tekst": "Gewijzigd"}
    if version is not None:
        post["version"] = version
    response = client.post(reverse("rapportage:sectie_update", args=[sectie.pk]), post)
    assert response.status_code == 200
    assert "version" in response.context["form"].errors
    sectie.refresh_from_db()
    assert sectie.tekst == "Start"
