"""Report pages: who may open them, editing sections, lost updates, final reports."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from core.roles import Role
from rapportage.choices import RapportStatus, SectieSoort
from rapportage.models import Jaarrapportage, RapportVersie, Sectie
from rapportage.report import DEFAULT_SECTIONS
from tests.factories import JaarrapportageFactory, SectieFactory, make_user

D = datetime.date


@pytest.fixture
def rapportage(db):
    return JaarrapportageFactory(jaar=2023)


@pytest.fixture
def sectie(rapportage):
    return SectieFactory(rapportage=rapportage, soort=SectieSoort.VRIJ, tekst="Oude tekst")


def report_urls(rapportage, sectie, versie=None):
    """(method, url) of every report page."""
    urls = [
        ("get", reverse("rapportage:jaarrapportage_list")),
        ("get", reverse("rapportage:jaarrapportage_create")),
        ("get", reverse("rapportage:jaarrapportage_detail", args=[rapportage.pk])),
        ("get", reverse("rapportage:jaarrapportage_update", args=[rapportage.pk])),
        ("get", reverse("rapportage:jaarrapportage_pdf", args=[rapportage.pk])),
        ("post", reverse("rapportage:jaarrapportage_finalize", args=[rapportage.pk])),
        ("post", reverse("rapportage:jaarrapportage_reopen", args=[rapportage.pk])),
        ("get", reverse("rapportage:sectie_create", args=[rapportage.pk])),
        ("get", reverse("rapportage:sectie_update", args=[sectie.pk])),
        ("get", reverse("rapportage:sectie_delete", args=[sectie.pk])),
        ("post", reverse("rapportage:sectie_move", args=[sectie.pk])),
    ]
    if versie is not None:
        urls.append(("get", reverse("rapportage:versie_download", args=[versie.pk])))
    return urls


@pytest.fixture
def versie(rapportage):
    return RapportVersie.objects.create(
        rapportage=rapportage,
        versie=1,
        pdf="rapportages/2023/v1-test.pdf",
        definitief_op=datetime.datetime(2023, 12, 20, tzinfo=datetime.UTC),
    )


def test_anonymous_users_go_to_the_login_page(client, rapportage, sectie, versie):
    for method, url in report_urls(rapportage, sectie, versie):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("login")), url


@pytest.mark.parametrize("user", ["makelaar", "buurtservice_user"])
def test_brokers_and_buurtservice_get_403_on_every_report_url(
    client, request, rapportage, sectie, versie, user
):
    client.force_login(request.getfixturevalue(user))
    for method, url in report_urls(rapportage, sectie, versie):
        assert getattr(client, method)(url).status_code == 403, url
    rapportage.refresh_from_db()
    assert rapportage.status == RapportStatus.CONCEPT


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.BEHEERDER])
def test_coordinator_and_admin_see_the_list_and_preview(client, rapportage, role):
    client.force_login(make_user(role))
    assert client.get(reverse("rapportage:jaarrapportage_list")).status_code == 200
    response = client.get(rapportage.get_absolute_url())
    assert response.status_code == 200
    assert reverse("rapportage:jaarrapportage_pdf", args=[rapportage.pk]).encode() in (
        response.content
    )


def test_unknown_report_is_404(client, coordinator):
    client.force_login(coordinator)
    url = reverse("rapportage:jaarrapportage_detail", args=[999])
    assert client.get(url).status_code == 404


@time_machine.travel(D(2024, 6, 1), tick=False)
def test_create_report_with_default_sections_in_seed_order(client, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("rapportage:jaarrapportage_create"),
        {"jaar": 2024, "titel": "", "versiedatum": "2024-12-01"},
    )
    rapportage = Jaarrapportage.objects.get(jaar=2024)
    assert response.status_code == 302
    assert response.url == rapportage.get_absolute_url()
    assert rapportage.titel  # the default title
    soorten = list(rapportage.secties.values_list("soort", flat=True))
    assert soorten == [soort for soort, _title in DEFAULT_SECTIONS]


def test_create_refuses_a_second_report_for_the_same_year(client, coordinator, rapportage):
    client.force_login(coordinator)
    response = client.post(
        reverse("rapportage:jaarrapportage_create"),
        {"jaar": 2023, "titel": "Nog een", "versiedatum": "2023-12-01"},
    )
    assert response.status_code == 200
    assert Jaarrapportage.objects.filter(jaar=2023).count() == 1


def test_edit_section_raises_its_version(client, coordinator, sectie):
    client.force_login(coordinator)
    url = reverse("rapportage:sectie_update", args=[sectie.pk])
    response = client.post(url, {"titel": "Nieuw", "tekst": "Nieuwe **tekst**", "version": 1})
    assert response.status_code == 302
    sectie.refresh_from_db()
    assert (sectie.titel, sectie.tekst, sectie.version) == ("Nieuw", "Nieuwe **tekst**", 2)
    preview = client.get(sectie.rapportage.get_absolute_url())
    assert b"Nieuwe <strong>tekst</strong>" in preview.content


def test_lost_update_is_refused_with_a_clear_message(client, coordinator, sectie):
    client.force_login(coordinator)
    other = make_user(Role.COORDINATOR, username="collega")
    url = reverse("rapportage:sectie_update", args=[sectie.pk])
    # Both open the editor at version 1; the colleague saves first.
    client.force_login(other)
    assert (
        client.post(url, {"titel": "T", "tekst": "Tekst van collega", "version": 1}).status_code
        == 302
    )
    client.force_login(coordinator)
    response = client.post(url, {"titel": "T", "tekst": "Mijn tekst", "version": 1})
    assert response.status_code == 409
    assert "Iemand anders heeft" in response.content.decode()
    # The user's own text stays in the form; the stored text is shown to compare.
    assert response.context["form"]["tekst"].value() == "Mijn tekst"
    assert b"Tekst van collega" in response.content
    sectie.refresh_from_db()
    assert sectie.tekst == "Tekst van collega"
    assert sectie.version == 2


def test_sections_move_and_delete(client, coordinator, rapportage):
    first = SectieFactory(rapportage=rapportage, volgorde=1)
    second = SectieFactory(rapportage=rapportage, volgorde=2)
    client.force_login(coordinator)
    client.post(reverse("rapportage:sectie_move", args=[second.pk]), {"direction": "up"})
    assert list(rapportage.secties.values_list("pk", flat=True)) == [second.pk, first.pk]
    client.post(reverse("rapportage:sectie_move", args=[second.pk]), {"direction": "up"})
    assert list(rapportage.secties.values_list("pk", flat=True)) == [second.pk, first.pk]
    response = client.post(reverse("rapportage:sectie_delete", args=[first.pk]))
    assert response.status_code == 302
    assert list(rapportage.secties.values_list("pk", flat=True)) == [second.pk]


def test_add_section_at_the_end(client, coordinator, sectie):
    client.force_login(coordinator)
    response = client.post(
        reverse("rapportage:sectie_create", args=[sectie.rapportage.pk]),
        {"soort": SectieSoort.VRIJ, "titel": "Dankwoord", "tekst": "Dank!"},
    )
    assert response.status_code == 302
    assert list(sectie.rapportage.secties.values_list("titel", flat=True))[-1] == "Dankwoord"


def test_a_final_report_cannot_be_edited_until_reopened(client, coordinator, rapportage, sectie):
    rapportage.status = RapportStatus.DEFINITIEF
    rapportage.save()
    client.force_login(coordinator)
    url = reverse("rapportage:sectie_update", args=[sectie.pk])
    response = client.post(url, {"titel": "X", "tekst": "Gewijzigd", "version": 1}, follow=True)
    assert "definitief" in response.content.decode()
    sectie.refresh_from_db()
    assert sectie.tekst == "Oude tekst"
    for name, args in [
        ("rapportage:sectie_delete", [sectie.pk]),
        ("rapportage:sectie_create", [rapportage.pk]),
        ("rapportage:jaarrapportage_update", [rapportage.pk]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 302
    client.post(reverse("rapportage:sectie_delete", args=[sectie.pk]))
    assert Sectie.objects.filter(pk=sectie.pk).exists()
    # Reopening (with a reason) makes it editable again.
    client.post(
        reverse("rapportage:jaarrapportage_reopen", args=[rapportage.pk]),
        {"reden": "Een tikfout in hoofdstuk 2."},
    )
    rapportage.refresh_from_db()
    assert rapportage.status == RapportStatus.CONCEPT
    client.post(url, {"titel": "X", "tekst": "Gewijzigd", "version": 1})
    sectie.refresh_from_db()
    assert sectie.tekst == "Gewijzigd"


def test_update_title_and_introduction(client, coordinator, rapportage):
    client.force_login(coordinator)
    response = client.post(
        reverse("rapportage:jaarrapportage_update", args=[rapportage.pk]),
        {
            "titel": "Nieuwe titel",
            "versiedatum": "2023-12-15",
            "inleiding": "Hallo *wereld*",
            "version": rapportage.version,
        },
    )
    assert response.status_code == 302
    rapportage.refresh_from_db()
    assert rapportage.titel == "Nieuwe titel"
    assert rapportage.versiedatum == D(2023, 12, 15)
    assert b"Hallo <em>wereld</em>" in client.get(rapportage.get_absolute_url()).content


def test_unsafe_markdown_in_a_section_is_neutralised_in_the_preview(client, coordinator, sectie):
    sectie.tekst = (
        "<script>alert('x')</script> [klik](javascript:alert(1)) "
        '<img src="x" onerror="alert(2)"> <a href="https://ok.nl" onclick="evil()">ok</a>'
    )
    sectie.save()
    client.force_login(coordinator)
    html = client.get(sectie.rapportage.get_absolute_url()).content.decode()
    narrative = html.split('class="report-narrative')[1].split("</div>")[0]
    assert "<script" not in narrative
    assert "javascript:" not in narrative
    assert "onerror" not in narrative
    assert "onclick" not in narrative
    assert 'href="https://ok.nl"' in narrative


def test_preview_of_an_empty_year_says_so_per_section(client, coordinator):
    client.force_login(coordinator)
    next_year = timezone.localdate().year + 1
    client.post(
        reverse("rapportage:jaarrapportage_create"),
        {"jaar": next_year, "titel": "Leeg jaar", "versiedatum": f"{next_year}-12-01"},
    )
    rapportage = Jaarrapportage.objects.get(jaar=next_year)
    response = client.get(rapportage.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count("Geen gegevens over dit jaar") >= 5


def test_admin_offers_the_known_indicator_measures(admin_client, year_data):
    url = reverse("admin:rapportage_planonderdeel_change", args=[year_data["plan"].pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<option value="buurtservice_extra_uren"' in html
    assert '<option value="makelaars_eind_jaar" selected>' in html


def test_preview_needs_a_fixed_number_of_queries(
    client, coordinator, year_data, django_assert_max_num_queries
):
    client.force_login(coordinator)
    url = year_data["rapportage"].get_absolute_url()
    client.get(url)  # warm caches (permissions, session)
    # The page with this year's and last year's figures (signals and measurements
    # included), plus one query for the two-step login check (has this user an app?).
    with django_assert_max_num_queries(84):
        assert client.get(url).status_code == 200


def test_a_save_elsewhere_also_blocks_an_editor_with_the_old_version(client, coordinator, sectie):
    sectie.tekst = "Gewijzigd in het beheer"
    sectie.save()
    assert sectie.version == 2
    client.force_login(coordinator)
    url = reverse("rapportage:sectie_update", args=[sectie.pk])
    response = client.post(url, {"titel": "T", "tekst": "Oud formulier", "version": 1})
    assert response.status_code == 409
    sectie.refresh_from_db()
    assert sectie.tekst == "Gewijzigd in het beheer"
