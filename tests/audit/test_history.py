"""The audit trail: who created, changed or deleted what, and restoring deleted records."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from buurtservice.models import Klus
from makelaars.models import Activiteit
from rapportage.models import Sectie
from tests.factories import (
    ActiviteitFactory,
    InitiatiefFactory,
    JaarrapportageFactory,
    KlusFactory,
    SectieFactory,
    UitvoerderFactory,
)

from .conftest import activiteit_data

pytestmark = pytest.mark.django_db


def history_url(key: str, pk: int) -> str:
    return reverse("audit:geschiedenis", args=[key, pk])


def create_change_delete(client_for, makelaar, coordinator, wijk_a, thema) -> int:
    """A broker records an activity, a coordinator edits it, the broker deletes it."""
    broker = client_for(makelaar)
    response = broker.post(
        reverse("makelaars:activiteit_create"),
        activiteit_data(wijk_a, titel="Oude titel", themas=[thema.pk], bewoners_bereikt="20"),
    )
    assert response.status_code == 302
    activiteit = Activiteit.objects.get()
    response = client_for(coordinator).post(
        reverse("makelaars:activiteit_update", args=[activiteit.pk]),
        activiteit_data(
            wijk_a,
            titel="Nieuwe titel",
            themas=[thema.pk],
            bewoners_bereikt="35",
            medewerkers=[makelaar.medewerker.pk],
            version=activiteit.version,
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    pk = activiteit.pk
    response = broker.post(reverse("makelaars:activiteit_delete", args=[pk]))
    assert response.status_code == 302
    assert not Activiteit.objects.filter(pk=pk).exists()
    return pk


def test_create_change_and_delete_are_recorded_with_the_user(
    client_for, makelaar, coordinator, wijk_a, thema
):
    pk = create_change_delete(client_for, makelaar, coordinator, wijk_a, thema)

    records = list(Activiteit.history.filter(id=pk).order_by("history_date", "history_id"))
    assert records[0].history_type == "+"
    assert records[0].history_user == makelaar
    assert records[0].titel == "Oude titel"
    assert records[-1].history_type == "-"
    assert records[-1].history_user == makelaar
    changes = [r for r in records if r.history_type == "~" and r.history_user == coordinator]
    assert changes, [(r.history_type, r.history_user) for r in records]
    assert {r.titel for r in changes} == {"Nieuwe titel"}
    # The links to themes and staff are part of the records (for restoring).
    before_deletion = records[-2]
    assert [row.thema_id for row in before_deletion.themas.all()] == [thema.pk]
    assert [row.medewerker_id for row in before_deletion.medewerkers.all()] == [
        makelaar.medewerker.pk
    ]


def test_history_page_shows_who_changed_what_with_old_and_new_values(
    client_for, makelaar, coordinator, wijk_a, thema
):
    activiteit = ActiviteitFactory(wijk=wijk_a, titel="Oude titel", bewoners_bereikt=20)
    client = client_for(coordinator)
    response = client.post(
        reverse("makelaars:activiteit_update", args=[activiteit.pk]),
        activiteit_data(
            wijk_a, titel="Nieuwe titel", bewoners_bereikt="35", version=activiteit.version
        ),
    )
    assert response.status_code == 302

    response = client.get(history_url("activiteit", activiteit.pk))
    assert response.status_code == 200
    entries = response.context["entries"]
    newest = entries[0]
    assert newest.kind == "Gewijzigd"
    assert newest.user == "Carla Coördinator"
    changed = {change.label: (change.old, change.new) for change in newest.changes}
    assert changed["Titel"] == ("Oude titel", "Nieuwe titel")
    assert changed["Bereikte inwoners"] == ("20", "35")
    assert entries[-1].kind == "Aangemaakt"
    html = response.content.decode()
    for text in ("Geschiedenis", "Oude titel", "Nieuwe titel", "Carla Coördinator"):
        assert text in html


def test_history_shows_choice_labels_and_links_by_name(client_for, coordinator, wijk_a, thema):
    activiteit = ActiviteitFactory(wijk=wijk_a)
    client = client_for(coordinator)
    client.post(
        reverse("makelaars:activiteit_update", args=[activiteit.pk]),
        activiteit_data(wijk_a, rol="verbinden", themas=[thema.pk], version=activiteit.version),
    )
    entries = client.get(history_url("activiteit", activiteit.pk)).context["entries"]
    changes = {c.label: (c.old, c.new) for e in entries if e.kind == "Gewijzigd" for c in e.changes}
    assert changes["Thema's"] == ("—", "Ontmoeting")
    assert changes["Rol"][1] == str(Activiteit(rol="verbinden").get_rol_display())
    assert changes["Titel"] == (activiteit.titel, "Buurtbarbecue")


@pytest.mark.parametrize(
    "key,factory",
    [
        ("initiatief", InitiatiefFactory),
        ("klus", KlusFactory),
        ("uitvoerder", UitvoerderFactory),
        ("jaarrapportage", JaarrapportageFactory),
        ("sectie", SectieFactory),
    ],
)
def test_every_audited_kind_has_a_history_page(client_for, coordinator, key, factory):
    obj = factory()
    response = client_for(coordinator).get(history_url(key, obj.pk))
    assert response.status_code == 200
    assert response.context["entries"][0].kind == "Aangemaakt"


def test_brokers_and_buurtservice_are_refused_the_history(
    client, client_for, makelaar, buurtservice_user, wijk_a
):
    activiteit = ActiviteitFactory(wijk=wijk_a, aangemaakt_door=makelaar)
    url = history_url("activiteit", activiteit.pk)
    assert client_for(makelaar).get(url).status_code == 403
    assert client_for(buurtservice_user).get(url).status_code == 403
    response = client.get(url)
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert client_for(makelaar).get(reverse("audit:verwijderd")).status_code == 403


def test_unknown_kind_or_object_is_404(client_for, coordinator):
    client = client_for(coordinator)
    assert client.get(history_url("wachtwoord", 1)).status_code == 404
    assert client.get(history_url("activiteit", 999999)).status_code == 404


def test_detail_pages_link_the_history_for_coordinators_only(
    client_for, makelaar, coordinator, wijk_a
):
    activiteit = ActiviteitFactory(wijk=wijk_a, aangemaakt_door=makelaar)
    detail = activiteit.get_absolute_url()
    assert (
        history_url("activiteit", activiteit.pk)
        in client_for(coordinator).get(detail).content.decode()
    )
    assert (
        'data-testid="geschiedenis-link"' not in client_for(makelaar).get(detail).content.decode()
    )
    klus = KlusFactory(wijk=wijk_a)
    html = client_for(coordinator).get(klus.get_absolute_url()).content.decode()
    assert history_url("klus", klus.pk) in html
    uitvoerder = UitvoerderFactory()
    html = client_for(coordinator).get(uitvoerder.get_absolute_url()).content.decode()
    assert history_url("uitvoerder", uitvoerder.pk) in html
    initiatief = InitiatiefFactory(wijk=wijk_a)
    html = client_for(coordinator).get(initiatief.get_absolute_url()).content.decode()
    assert history_url("initiatief", initiatief.pk) in html
    sectie = SectieFactory()
    html = client_for(coordinator).get(reverse("rapportage:sectie_update", args=[sectie.pk]))
    assert history_url("sectie", sectie.pk) in html.content.decode()


def test_admin_restores_a_deleted_activity_with_its_fields_and_links(
    client_for, makelaar, coordinator, beheerder, wijk_a, thema
):
    pk = create_change_delete(client_for, makelaar, coordinator, wijk_a, thema)
    admin = client_for(beheerder)

    listing = admin.get(reverse("audit:verwijderd"))
    assert listing.status_code == 200
    [item] = [d for d in listing.context["deleted"] if d.model_key == "activiteit"]
    assert item.title.endswith("Nieuwe titel")
    deletion = item.record

    # A coordinator may read the history but not restore.
    restore_url = reverse("audit:herstellen", args=["activiteit", deletion.history_id])
    assert client_for(coordinator).post(restore_url).status_code == 403
    assert not Activiteit.objects.filter(pk=pk).exists()

    response = admin.post(restore_url)
    assert response.status_code == 302
    activiteit = Activiteit.objects.get(pk=pk)
    assert (activiteit.titel, activiteit.wijk, activiteit.bewoners_bereikt) == (
        "Nieuwe titel",
        wijk_a,
        35,
    )
    assert list(activiteit.themas.all()) == [thema]
    assert list(activiteit.medewerkers.all()) == [makelaar.medewerker]
    restored = Activiteit.history.filter(id=pk).latest()
    assert (restored.history_user, restored.history_change_reason) == (beheerder, "restored")
    # It is no longer offered, and restoring twice is refused without an error page.
    assert not [d for d in admin.get(reverse("audit:verwijderd")).context["deleted"]]
    assert admin.post(restore_url).status_code == 302
    assert Activiteit.objects.filter(pk=pk).count() == 1


def test_history_page_of_a_deleted_record_offers_restore_to_admins(
    client_for, coordinator, beheerder, wijk_a
):
    activiteit = ActiviteitFactory(wijk=wijk_a, titel="Weg")
    pk = activiteit.pk
    activiteit.delete()
    url = history_url("activiteit", pk)
    assert "Herstellen" in client_for(beheerder).get(url).content.decode()
    response = client_for(coordinator).get(url)
    assert response.status_code == 200
    assert "Deze gegevens zijn verwijderd" in response.content.decode()
    assert "Herstellen" not in response.content.decode()


def test_klus_history_keeps_no_requester_data(client_for, coordinator, buurtservice_user, wijk_a):
    klus = KlusFactory(
        wijk=wijk_a,
        aanvrager_naam="Geheime Naam",
        aanvrager_adres="Verborgen Straat 9",
        aanvrager_telefoon="0612345678",
    )
    response = client_for(buurtservice_user).post(
        reverse("buurtservice:klus_update", args=[klus.pk]),
        {
            "aanvraagdatum": klus.aanvraagdatum.isoformat(),
            "wijk": wijk_a.pk,
            "soort": klus.soort,
            "verwijzer": klus.verwijzer,
            "omschrijving": "Heg snoeien",
            "aanvrager_naam": "Andere Naam",
            "aanvrager_adres": "Nieuwe Straat 1",
            "aanvrager_telefoon": "0687654321",
            "version": klus.version,
        },
    )
    assert response.status_code == 302
    historical = Klus.history.model
    field_names = {f.name for f in historical._meta.get_fields()}
    assert not field_names & {"aanvrager_naam", "aanvrager_adres", "aanvrager_telefoon"}
    assert Klus.history.filter(id=klus.pk).count() == 2
    html = client_for(coordinator).get(history_url("klus", klus.pk)).content.decode()
    assert "Heg snoeien" in html
    for secret in ("Geheime", "Verborgen", "0612345678", "Andere Naam", "Nieuwe Straat"):
        assert secret not in html


def test_section_edit_and_user_changes_are_recorded(client_for, coordinator, makelaar):
    sectie = SectieFactory(titel="Inleiding", tekst="Oud")
    response = client_for(coordinator).post(
        reverse("rapportage:sectie_update", args=[sectie.pk]),
        {"titel": "Inleiding", "tekst": "Nieuw", "version": sectie.version},
    )
    assert response.status_code == 302
    latest = Sectie.history.filter(id=sectie.pk).latest()
    assert (latest.tekst, latest.history_user) == ("Nieuw", coordinator)

    makelaar.is_active = False
    makelaar.save()
    record = User.history.filter(id=makelaar.pk).latest()
    assert record.is_active is False
    assert not hasattr(record, "password")
    entries = client_for(coordinator).get(history_url("user", makelaar.pk)).context["entries"]
    changes = {c.label: (c.old, c.new) for c in entries[0].changes}
    assert changes["Actief"] == ("ja", "nee")


def test_nothing_deleted_from_a_final_report_is_restored_into_it(client_for, beheerder):
    from rapportage.choices import RapportStatus
    from rapportage.models import Indicator, Planonderdeel
    from tests.factories import PlanonderdeelFactory

    rapportage = JaarrapportageFactory(jaar=2023)
    sectie = SectieFactory(rapportage=rapportage, titel="Zomeractiviteiten")
    blijvend = PlanonderdeelFactory(rapportage=rapportage, titel="Blijvend plan")
    plan = PlanonderdeelFactory(rapportage=rapportage, titel="Geschrapt plan")
    indicator = Indicator.objects.create(
        planonderdeel=blijvend, naam="Wachtlijst", meting="wachtlijst_eind", streefwaarde=5
    )
    deleted = {
        "sectie": (Sectie, sectie.pk),
        "planonderdeel": (Planonderdeel, plan.pk),
        "indicator": (Indicator, indicator.pk),
    }
    for obj in (sectie, plan, indicator):
        obj.delete()
    rapportage.status = RapportStatus.DEFINITIEF
    rapportage.save()
    admin = client_for(beheerder)

    for key, (model, pk) in deleted.items():
        deletion = model.history.get(id=pk, history_type="-")
        response = admin.post(
            reverse("audit:herstellen", args=[key, deletion.history_id]), follow=True
        )
        assert response.status_code == 200
        text = " ".join(str(m) for m in response.context["messages"])
        assert "definitieve rapportage" in text and "niet in worden teruggezet" in text, text
        assert "Heropen de rapportage" in text
        assert not model.objects.filter(pk=pk).exists()

    # Reopened as a draft, the deleted parts can come back.
    rapportage.status = RapportStatus.CONCEPT
    rapportage.save()
    for key, (model, pk) in deleted.items():
        deletion = model.history.get(id=pk, history_type="-")
        response = admin.post(reverse("audit:herstellen", args=[key, deletion.history_id]))
        assert response.status_code == 302
        assert model.objects.filter(pk=pk).exists(), key
