"""The message after resetting a colleague's two-step login fits their role: a broker
(for whom it is optional) is not told they must set an app up again."""

from __future__ import annotations

import pytest
from django.urls import reverse

from core.roles import Role
from tests.factories import make_user
from tests.trust.test_twofactor import verified_client

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def enforced(settings):
    settings.TWO_FACTOR_DEMO_EXEMPT = False


def reset_message(admin, colleague) -> str:
    verified_client(colleague)
    response = admin.post(reverse("twofactor_reset", args=[colleague.pk]), follow=True)
    return response.content.decode()


def test_a_brokers_reset_says_it_is_off_and_optional():
    admin = verified_client(make_user(Role.BEHEERDER, username="beheer"))
    html = reset_message(admin, make_user(Role.MAKELAAR, username="mk"))
    assert "staat nu uit" in html
    assert "is hersteld: bij de volgende keer inloggen" not in html


def test_a_coordinators_reset_says_they_set_it_up_at_the_next_login():
    admin = verified_client(make_user(Role.BEHEERDER, username="beheer"))
    html = reset_message(admin, make_user(Role.COORDINATOR, username="coord"))
    assert "staat nu uit" not in html
    assert "is hersteld: bij de volgende keer inloggen" in html
