"""Login, the role-dependent home page and navigation."""

import pytest
from django.urls import reverse
from django.utils import timezone

from core.roles import Role
from tests.factories import ActiviteitFactory, make_user

pytestmark = pytest.mark.django_db


def test_login_page_is_dutch(client):
    response = client.get(reverse("login"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl">' in html
    assert "Inloggen" in html
    assert "Gebruikersnaam" in html and "Wachtwoord" in html


def test_wrong_password_gives_a_dutch_error(client):
    make_user(Role.MAKELAAR, username="anna")
    response = client.post(reverse("login"), {"username": "anna", "password": "fout"})
    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.content.decode()


def test_home_requires_login(client):
    response = client.get(reverse("pages:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("role", "template"),
    [
        (Role.MAKELAAR, "pages/home/makelaar.html"),
        (Role.BUURTSERVICE, "pages/home/buurtservice.html"),
        (Role.COORDINATOR, "pages/home/coordinator.html"),
        (Role.BEHEERDER, "pages/home/beheerder.html"),
        (None, "pages/home/geen_rol.html"),
    ],
)
def test_home_page_per_role(client, gebied_a, role, template):
    client.force_login(make_user(role, gebied=gebied_a, username="iemand"))
    response = client.get(reverse("pages:home"))
    assert response.status_code == 200
    assert template in [t.name for t in response.templates]


def test_broker_home_lists_own_recent_activities_only(client, makelaar, wijk_a):
    broker = makelaar
    mine = ActiviteitFactory(wijk=wijk_a, aangemaakt_door=broker, titel="Mijn buurtkoffie")
    ActiviteitFactory(wijk=wijk_a, titel="Van een collega")
    client.force_login(broker)
    response = client.get(reverse("pages:home"))
    assert list(response.context["recent_activiteiten"]) == [mine]
    assert "Mijn buurtkoffie" in response.content.decode()
    assert "Van een collega" not in response.content.decode()


def test_coordinator_home_shows_figures_per_gebied(client, coordinator, wijk_a):
    from django.utils import timezone

    year = timezone.localdate().year
    ActiviteitFactory(wijk=wijk_a, datum=timezone.localdate(), bewoners_bereikt=40)
    ActiviteitFactory(wijk=wijk_a, datum=timezone.localdate(), bewoners_bereikt=2)
    ActiviteitFactory(wijk=wijk_a, datum=timezone.localdate().replace(year=year - 1))
    client.force_login(coordinator)
    response = client.get(reverse("pages:home"))
    [row] = response.context["activiteiten"]["per_gebied"]
    assert (row["gebied"], row["activiteiten"], row["bereikt"]) == ("Waterkwartier", 2, 42)


def test_navigation_depends_on_role(client, buurtservice_user):
    client.force_login(buurtservice_user)
    labels = [str(item["label"]) for item in client.get(reverse("pages:home")).context["nav_items"]]
    assert "Activiteiten" not in labels
    assert "Rapportages" not in labels


def test_logout_is_a_post_and_lands_on_login(client, makelaar):
    client.force_login(makelaar)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    assert client.get(reverse("pages:home")).status_code == 302


def test_coordinator_chooses_the_year_of_the_figures(client, coordinator, wijk_a):
    import datetime

    ActiviteitFactory(wijk=wijk_a, datum=datetime.date(2023, 5, 1), bewoners_bereikt=7)
    client.force_login(coordinator)
    response = client.get(reverse("pages:home"), {"jaar": "2023"})
    [row] = response.context["activiteiten"]["per_gebied"]
    assert (response.context["year"], row["activiteiten"], row["bereikt"]) == (2023, 1, 7)
    assert 2023 in response.context["years"]
    assert 'href="?jaar=2023"' in response.content.decode()
    # Nonsense falls back to the default instead of failing: the latest year with
    # data, as this year has none.
    for bad in ["abc", "1850", "99999"]:
        assert client.get(reverse("pages:home"), {"jaar": bad}).context["year"] == 2023
    this_year = timezone.localdate().year
    ActiviteitFactory(wijk=wijk_a, datum=datetime.date(this_year, 1, 1))
    assert client.get(reverse("pages:home"), {"jaar": "abc"}).context["year"] == this_year


def test_password_reset_mails_a_link_to_a_known_user(client, mailoutbox):
    user = make_user(Role.MAKELAAR, username="anna")
    user.email = "anna@example.org"
    user.save()
    response = client.post(reverse("password_reset"), {"email": "anna@example.org"})
    assert response.status_code == 302
    [mail] = mailoutbox
    assert mail.to == ["anna@example.org"]
    assert "/accounts/reset/" in mail.body


def test_overlong_user_name_is_refused_by_the_login_form(client):
    from axes.models import AccessAttempt

    response = client.post(reverse("login"), {"username": "x" * 300, "password": "fout"})
    assert response.status_code == 200
    assert "niet meer dan 150 tekens" in response.content.decode()
    assert not AccessAttempt.objects.exists()
