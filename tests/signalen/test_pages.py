"""Who sees which signals, the overview per gebied, and the route of a question."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

from core.roles import Role
from signalen.choices import Bron, ContactSoort, VraagstukStatus
from signalen.models import BuurtteamContact, CollectiefVraagstuk, Signaal
from tests.factories import CollectiefVraagstukFactory, SignaalFactory, make_user

D = datetime.date


def test_a_broker_sees_the_signals_of_their_gebied_buurtservice_its_own(w, client):
    van_a = SignaalFactory(wijk=w.wijk_a, omschrijving="Signaal uit A", aangemaakt_door=w.mk_a)
    van_b = SignaalFactory(wijk=w.wijk_b, omschrijving="Signaal uit B", aangemaakt_door=w.mk_b)
    van_bs = SignaalFactory(wijk=w.wijk_b, omschrijving="Signaal van BS", aangemaakt_door=w.bs)
    expected = {
        w.mk_a: {van_a},
        w.mk_b: {van_b, van_bs},
        w.bs: {van_bs},
        w.coord: {van_a, van_b, van_bs},
    }
    for user, visible in expected.items():
        assert set(Signaal.objects.visible_to(user)) == visible, user
        client.force_login(user)
        body = client.get(reverse("signalen:signaal_list"), {"jaar": 2023}).content.decode()
        for signaal in (van_a, van_b, van_bs):
            assert (signaal.omschrijving in body) == (signaal in visible), (user, signaal)


def test_only_the_recorder_and_coordinators_edit_a_signal(w, client):
    signaal = SignaalFactory(wijk=w.wijk_a, aangemaakt_door=w.bs)
    url = reverse("signalen:signaal_update", args=[signaal.pk])
    client.force_login(w.mk_a)  # sees it (own gebied), did not record it
    assert client.get(url).status_code == 404
    for user in (w.bs, w.coord):
        client.force_login(user)
        assert client.get(url).status_code == 200


def test_the_overview_of_another_gebied_is_404_for_a_broker(w, client):
    client.force_login(w.mk_a)
    assert client.get(reverse("signalen:overzicht_gebied", args=[w.gebied_b.pk])).status_code == 404
    assert client.get(reverse("signalen:overzicht_gebied", args=[w.gebied_a.pk])).status_code == 200


def test_the_overview_marks_recurring_themes_and_links_to_bundling(w, client):
    for day, bron in ((3, Bron.INWONER), (10, Bron.BUURTTEAM), (17, Bron.INWONER)):
        SignaalFactory(datum=D(2023, 2, day), wijk=w.wijk_a, bron=bron, themas=[w.geld])
    client.force_login(w.mk_a)
    response = client.get(reverse("signalen:overzicht"), {"jaar": 2023})
    body = response.content.decode()
    assert body.count('data-testid="terugkerend"') == 1
    bundle = (
        f"{reverse('signalen:vraagstuk_create')}?wijk={w.wijk_a.pk}&amp;thema={w.geld.pk}"
        "&amp;jaar=2023&amp;kwartaal=1"
    )
    assert bundle in body
    page = client.get(bundle.replace("&amp;", "&"))
    assert page.status_code == 200
    assert sorted(page.context["form"].initial["signalen"]) == sorted(
        Signaal.objects.values_list("pk", flat=True)
    )


def test_the_export_lists_the_filtered_signals(w, client):
    SignaalFactory(datum=D(2023, 2, 3), wijk=w.wijk_a, themas=[w.geld], omschrijving="Over geld")
    SignaalFactory(datum=D(2023, 2, 3), wijk=w.wijk_a, themas=[w.groen], omschrijving="Over groen")
    client.force_login(w.coord)
    response = client.get(
        reverse("signalen:signaal_export"), {"jaar": 2023, "thema": w.geld.pk, "format": "csv"}
    )
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Over geld" in text and "Over groen" not in text


def test_a_question_follows_the_route_and_needs_an_evaluation_to_complete(w, client):
    vraagstuk = CollectiefVraagstukFactory(gebied=w.gebied_a, gestart_op=D(2023, 3, 1))
    url = reverse("signalen:vraagstuk_status", args=[vraagstuk.pk])
    client.force_login(w.mk_a)
    step = {"status": VraagstukStatus.WERKGROEP, "datum": "2023-04-01", "toelichting": ""}
    assert client.post(url, step).status_code == 302
    refused = client.post(url, {**step, "status": VraagstukStatus.AFGEROND, "datum": "2023-12-01"})
    assert refused.status_code == 200
    assert "korte evaluatie" in refused.content.decode()
    done = {
        **step,
        "status": VraagstukStatus.AFGEROND,
        "datum": "2023-12-01",
        "evaluatie": "Het werkte; de bibliotheek neemt het over.",
    }
    assert client.post(url, done).status_code == 302
    vraagstuk.refresh_from_db()
    assert vraagstuk.status == VraagstukStatus.AFGEROND
    assert vraagstuk.afgerond_op == D(2023, 12, 1)
    assert list(vraagstuk.statuswijzigingen.values_list("status", "datum")) == [
        (VraagstukStatus.WERKGROEP, D(2023, 4, 1)),
        (VraagstukStatus.AFGEROND, D(2023, 12, 1)),
    ]
    client.force_login(w.mk_b)
    assert client.post(url, step).status_code == 404


def test_a_question_bundles_signals_of_its_own_gebied_only(w, client):
    eigen = SignaalFactory(wijk=w.wijk_a, datum=D.today())
    client.force_login(w.coord)
    response = client.post(
        reverse("signalen:vraagstuk_create"),
        {
            "titel": "Samen rondkomen",
            "gebied": w.gebied_b.pk,
            "gestart_op": D.today().isoformat(),
            "omschrijving": "",
            "signalen": [eigen.pk],
        },
    )
    assert response.status_code == 200
    assert not CollectiefVraagstuk.objects.exists()
    response = client.post(
        reverse("signalen:vraagstuk_create"),
        {
            "titel": "Samen rondkomen",
            "gebied": w.gebied_a.pk,
            "gestart_op": D.today().isoformat(),
            "omschrijving": "",
            "signalen": [eigen.pk],
        },
    )
    assert response.status_code == 302
    vraagstuk = CollectiefVraagstuk.objects.get()
    assert list(vraagstuk.signalen.all()) == [eigen]
    assert vraagstuk.statuswijzigingen.get().status == VraagstukStatus.VERKENNEN


def test_a_referral_records_parties_and_outcome_never_a_resident(w, client):
    client.force_login(w.mk_a)
    url = reverse("signalen:contact_create")
    base = {"datum": "2023-05-01", "gebied": w.gebied_a.pk, "soort": ContactSoort.DOORVERWIJZING}
    refused = client.post(url, {**base, "verwezen_van": "buurtteam", "verwezen_naar": "buurtteam"})
    assert refused.status_code == 200
    assert not BuurtteamContact.objects.exists()
    with_phone = client.post(
        url,
        {
            **base,
            "verwezen_van": "buurtteam",
            "verwezen_naar": "initiatief",
            "uitkomst": "aangesloten",
            "notitie": "Bewoner bereikbaar op 06-12345678",
        },
    )
    assert with_phone.status_code == 200
    assert "telefoonnummer" in with_phone.content.decode()
    ok = client.post(
        url,
        {
            **base,
            "verwezen_van": "buurtteam",
            "verwezen_naar": "initiatief",
            "uitkomst": "aangesloten",
        },
    )
    assert ok.status_code == 302
    contact = BuurtteamContact.objects.get()
    assert (contact.verwezen_van, contact.verwezen_naar, contact.uitkomst) == (
        "buurtteam",
        "initiatief",
        "aangesloten",
    )
    field_names = {f.name for f in BuurtteamContact._meta.get_fields()}
    assert not field_names & {"naam", "bewoner", "adres", "telefoon", "email"}


def test_the_year_picker_offers_each_user_the_years_of_their_own_signals(w, client):
    """Everyone also sees the signals they recorded themselves, so two users with the
    same rights and gebieden can see different years: the picker's cached years must
    not pass from one to the other."""
    bs2 = make_user(Role.BUURTSERVICE, username="bs2")
    mk_a2 = make_user(Role.MAKELAAR, gebied=w.gebied_a, username="mk-a2")
    SignaalFactory(datum=D(2021, 4, 1), wijk=w.wijk_b, aangemaakt_door=w.bs)
    SignaalFactory(datum=D(2022, 4, 1), wijk=w.wijk_b, aangemaakt_door=bs2)
    SignaalFactory(datum=D(2019, 4, 1), wijk=w.wijk_b, aangemaakt_door=mk_a2)
    SignaalFactory(datum=D(2023, 4, 1), wijk=w.wijk_a, aangemaakt_door=w.mk_a)
    own_years = {
        w.bs: {2021},
        bs2: {2022},
        w.mk_a: {2023},  # gebied A's signals
        mk_a2: {2019, 2023},  # gebied A's and their own in gebied B
    }
    pages = [reverse("signalen:signaal_list"), reverse("signalen:overzicht")]
    for url in pages:
        for user, expected in own_years.items():
            if url != pages[0] and user in (w.bs, bs2):
                continue  # the overview is for brokers and up
            client.force_login(user)
            response = client.get(url)
            offered = set(response.context["years"]) - {timezone.localdate().year}
            assert offered == expected, (url, user)
            assert response.context["year"] == max(expected), (url, user)
