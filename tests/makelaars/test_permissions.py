"""Who may see, edit, delete and copy which activity, beyond the permission matrix
(tests/trust/test_permission_matrix.py: every page against every role, 403 or 404)."""

import pytest
from django.urls import reverse

from makelaars.models import Activiteit
from tests.factories import ActiviteitFactory

pytestmark = pytest.mark.django_db

PAGES = ["activiteit_detail", "activiteit_update", "activiteit_delete", "activiteit_duplicate"]


@pytest.fixture
def eigen(makelaar, wijk_a):
    """An activity the broker recorded themselves."""
    return ActiviteitFactory(wijk=wijk_a, aangemaakt_door=makelaar, titel="Eigen activiteit")


@pytest.fixture
def van_collega(collega, wijk_a):
    """An activity of a colleague in the same gebied, without the broker."""
    return ActiviteitFactory(wijk=wijk_a, aangemaakt_door=collega, titel="Van een collega")


def url(name, activiteit):
    return reverse(f"makelaars:{name}", args=[activiteit.pk])


def test_broker_of_another_gebied_cannot_post_an_edit(makelaar_b, client_for, eigen):
    response = client_for(makelaar_b).post(url("activiteit_update", eigen), {"titel": "Gekaapt"})
    assert response.status_code == 404
    eigen.refresh_from_db()
    assert eigen.titel == "Eigen activiteit"


def test_broker_of_another_gebied_does_not_see_it_in_the_list(makelaar_b, client_for, eigen):
    response = client_for(makelaar_b).get(reverse("makelaars:activiteit_list"))
    assert response.status_code == 200
    assert list(response.context["activiteiten"]) == []
    assert response.context["totals"]["aantal"] == 0


def test_broker_sees_but_cannot_edit_a_colleagues_activity(makelaar, client_for, van_collega):
    client = client_for(makelaar)
    detail = client.get(url("activiteit_detail", van_collega))
    assert detail.status_code == 200
    assert detail.context["can_edit"] is False
    assert url("activiteit_update", van_collega) not in detail.content.decode()
    assert client.get(url("activiteit_update", van_collega)).status_code == 404
    assert client.post(url("activiteit_delete", van_collega)).status_code == 404
    assert Activiteit.objects.filter(pk=van_collega.pk).exists()
    # Copying it as a new activity of their own is fine.
    assert client.get(url("activiteit_duplicate", van_collega)).status_code == 200


def test_broker_edits_an_activity_they_took_part_in(makelaar, client_for, van_collega):
    van_collega.medewerkers.add(makelaar.medewerker)
    client = client_for(makelaar)
    assert client.get(url("activiteit_detail", van_collega)).context["can_edit"] is True
    assert client.get(url("activiteit_update", van_collega)).status_code == 200


def test_coordinator_edits_and_deletes_everything(coordinator, client_for, eigen, van_collega):
    client = client_for(coordinator)
    for activiteit in (eigen, van_collega):
        assert client.get(url("activiteit_update", activiteit)).status_code == 200
    response = client.post(url("activiteit_delete", van_collega))
    assert response.status_code == 302
    assert not Activiteit.objects.filter(pk=van_collega.pk).exists()


def test_delete_asks_for_confirmation_first(makelaar, client_for, eigen):
    client = client_for(makelaar)
    response = client.get(url("activiteit_delete", eigen))
    assert response.status_code == 200
    assert "Ja, verwijderen" in response.content.decode()
    assert Activiteit.objects.filter(pk=eigen.pk).exists()
    assert client.post(url("activiteit_delete", eigen)).status_code == 302
    assert not Activiteit.objects.filter(pk=eigen.pk).exists()


def test_unknown_ids_are_404(makelaar, client_for):
    client = client_for(makelaar)
    assert client.get("/activiteiten/999999/").status_code == 404
    assert client.get("/activiteiten/999999/bewerken/").status_code == 404
    assert client.get("/activiteiten/abc/").status_code == 404


def test_bad_page_and_export_format_are_404_not_500(coordinator, client_for, eigen):
    client = client_for(coordinator)
    assert client.get(reverse("makelaars:activiteit_list") + "?page=99").status_code == 404
    assert client.get(reverse("makelaars:activiteit_list") + "?page=x").status_code == 404
    export = reverse("makelaars:activiteit_export")
    assert client.get(export + "?format=pdf").status_code == 404


def test_garbage_filters_do_not_break_the_list(makelaar, client_for, eigen):
    response = client_for(makelaar).get(
        reverse("makelaars:activiteit_list"),
        {"van": "gisteren", "wijk": "abc", "thema": "999", "sort": "wachtwoord", "periode": "x"},
    )
    assert response.status_code == 200
    assert response.context["filter"].form.errors
