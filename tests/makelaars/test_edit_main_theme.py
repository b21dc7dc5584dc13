"""The edit form has the main theme of the create form, filled in with the one chosen."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from makelaars.models import Activiteit
from tests.factories import ThemaFactory
from tests.makelaars.test_activiteit_form import form_data

pytestmark = pytest.mark.django_db


@time_machine.travel(datetime.datetime(2024, 5, 15, 10, 0), tick=False)
def test_the_main_theme_is_kept_and_can_be_changed_when_editing(makelaar, client_for, wijk_a):
    eenzaamheid, groen = ThemaFactory(naam="Eenzaamheid"), ThemaFactory(naam="Groen")
    client = client_for(makelaar)
    response = client.post(
        reverse("makelaars:activiteit_create"), form_data(wijk_a, hoofdthema=eenzaamheid.pk)
    )
    assert response.status_code == 302
    activiteit = Activiteit.objects.get()
    assert activiteit.hoofdthema == eenzaamheid
    assert list(activiteit.themas.all()) == [eenzaamheid]

    url = reverse("makelaars:activiteit_update", args=[activiteit.pk])
    form = client.get(url).context["form"]
    assert "hoofdthema" in form.fields
    assert form["hoofdthema"].value() == eenzaamheid.pk

    response = client.post(
        url,
        form_data(
            wijk_a,
            hoofdthema=groen.pk,
            themas=[eenzaamheid.pk],
            version=activiteit.version,
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    activiteit.refresh_from_db()
    assert activiteit.hoofdthema == groen
    assert set(activiteit.themas.all()) == {eenzaamheid, groen}
