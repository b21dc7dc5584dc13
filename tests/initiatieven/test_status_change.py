"""Status changes: only through the status form, dated, by whom, in the history."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from initiatieven.choices import InitiatiefStatus
from initiatieven.models import StatusWijziging
from initiatieven.services import change_status

FROZEN = datetime.datetime(2023, 6, 15, 10, 0, tzinfo=datetime.UTC)


@pytest.mark.django_db
def test_service_records_change_and_updates_current_status(initiatief_a, makelaar):
    wijziging = change_status(
        initiatief=initiatief_a,
        status=InitiatiefStatus.ACTIEF,
        datum=datetime.date(2023, 3, 1),
        door=makelaar,
        toelichting="Eerste tuindag",
    )
    initiatief_a.refresh_from_db()
    assert initiatief_a.status == "actief"
    assert wijziging.door == makelaar
    assert wijziging.datum == datetime.date(2023, 3, 1)
    assert list(initiatief_a.statuswijzigingen.values_list("status", flat=True)) == [
        "idee",
        "actief",
    ]


@pytest.mark.django_db
def test_service_keeps_status_of_latest_dated_change(initiatief_a, makelaar):
    change_status(
        initiatief=initiatief_a, status="actief", datum=datetime.date(2023, 5, 1), door=None
    )
    # Recorded later, but dated earlier: the current status stays "actief".
    change_status(
        initiatief=initiatief_a,
        status="in_voorbereiding",
        datum=datetime.date(2023, 2, 1),
        door=makelaar,
    )
    initiatief_a.refresh_from_db()
    assert initiatief_a.status == "actief"
    assert initiatief_a.statuswijzigingen.count() == 3


@pytest.mark.django_db
def test_service_refuses_unknown_status(initiatief_a):
    with pytest.raises(ValidationError):
        change_status(
            initiatief=initiatief_a, status="verdwenen", datum=datetime.date(2023, 5, 1), door=None
        )
    assert StatusWijziging.objects.filter(initiatief=initiatief_a).count() == 1


@time_machine.travel(FROZEN, tick=False)
@pytest.mark.django_db
def test_status_form_changes_status_and_shows_history(client, initiatief_a, makelaar):
    makelaar.first_name, makelaar.last_name = "Sanne", "de Vries"
    makelaar.save()
    client.force_login(makelaar)
    url = reverse("initiatieven:status_change", args=[initiatief_a.pk])

    form_page = client.get(url)
    assert form_page.context["form"]["datum"].initial == datetime.date(2023, 6, 15)

    response = client.post(url, {"status": "actief", "datum": "2023-06-14", "toelichting": "Start"})
    assert response.status_code == 302
    initiatief_a.refresh_from_db()
    assert initiatief_a.status == "actief"
    latest = initiatief_a.statuswijzigingen.order_by("-datum").first()
    assert (latest.status, latest.datum, latest.door) == (
        "actief",
        datetime.date(2023, 6, 14),
        makelaar,
    )

    detail = client.get(initiatief_a.get_absolute_url())
    history = detail.content.decode()
    assert "14 juni 2023" in history
    assert "Sanne de Vries" in history
    assert "Start" in history


@time_machine.travel(FROZEN, tick=False)
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"status": "verdwenen", "datum": "2023-06-01"}, "status", "geldige keuze"),
        ({"status": "idee", "datum": "2023-06-01"}, "status", "geldige keuze"),
        ({"status": "actief", "datum": "2023-06-16"}, "datum", "toekomst"),
        ({"status": "actief", "datum": "2023-01-09"}, "datum", "vóór de laatste"),
        ({"status": "actief", "datum": "gisteren"}, "datum", "geldige datum"),
    ],
)
def test_status_form_refuses_impossible_values(
    client, initiatief_a, makelaar, data, field, message
):
    client.force_login(makelaar)
    response = client.post(reverse("initiatieven:status_change", args=[initiatief_a.pk]), data)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    initiatief_a.refresh_from_db()
    assert initiatief_a.status == "idee"
    assert initiatief_a.statuswijzigingen.count() == 1


@pytest.mark.django_db
def test_edit_form_cannot_change_status(client, initiatief_a, makelaar):
    client.force_login(makelaar)
    url = reverse("initiatieven:initiatief_update", args=[initiatief_a.pk])
    response = client.post(
        url,
        {
            "naam": initiatief_a.naam,
            "wijk": initiatief_a.wijk_id,
            "status": "gestopt",
            "version": initiatief_a.version,
        },
    )
    assert response.status_code == 302
    initiatief_a.refresh_from_db()
    assert initiatief_a.status == "idee"
    assert initiatief_a.statuswijzigingen.count() == 1


@pytest.mark.django_db
def test_database_refuses_unknown_status(initiatief_a):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        StatusWijziging.objects.create(initiatief=initiatief_a, status="x", datum="2023-01-01")
    initiatief_a.status = "verdwenen"
    with pytest.raises(IntegrityError), transaction.atomic():
        initiatief_a.save()


@pytest.mark.django_db
def test_admin_keeps_status_in_line_with_history(client, wijk_a):
    from django.contrib.auth.models import User

    from initiatieven.models import Initiatief

    admin = User.objects.create_superuser("root", "root@example.org", "geheim-wachtwoord-123")
    client.force_login(admin)
    data = {"naam": "Via beheer", "wijk": wijk_a.pk}
    for prefix in ("statuswijzigingen", "financieringsaanvragen", "tellingen"):
        data[f"{prefix}-TOTAL_FORMS"] = "1" if prefix == "statuswijzigingen" else "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    data.update(
        {
            "statuswijzigingen-0-status": "actief",
            "statuswijzigingen-0-datum": "2023-04-01",
            "statuswijzigingen-0-toelichting": "",
        }
    )
    response = client.post(reverse("admin:initiatieven_initiatief_add"), data)
    assert response.status_code == 302, response.context["errors"]
    initiatief = Initiatief.objects.get(naam="Via beheer")
    assert initiatief.status == "actief"
