"""``demodata`` can run any number of times without duplicating anything."""

import io

from django.apps import apps
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from buurtservice.models import Klus
from core.roles import Role, role_of
from makelaars.models import Activiteit

APPS = [
    "auth",
    "wijken",
    "makelaars",
    "initiatieven",
    "buurtservice",
    "signalen",
    "metingen",
    "rapportage",
]


def data_models(app: str) -> list:
    """The app's models without the audit trail's historical copies (they grow on every save)."""
    return [
        model
        for model in apps.get_app_config(app).get_models()
        if not model.__name__.startswith("Historical")
    ]


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for app in APPS
        for model in data_models(app)
    } | {
        # The automatically created many-to-many tables too.
        f"{model._meta.label}.{field.name}": field.remote_field.through.objects.count()
        for app in APPS
        for model in data_models(app)
        for field in model._meta.local_many_to_many
    }


def test_running_twice_leaves_identical_row_counts(db):
    # Also checks that the other modules' demo data were rolled back.
    assert not Activiteit.objects.exists()
    call_command("demodata", verbosity=0)
    first = row_counts()
    call_command("demodata", verbosity=0)
    second = row_counts()
    assert first == second
    # And the data are really there.
    assert first["makelaars.Activiteit"] > 60
    assert first["buurtservice.Klus"] > 80
    assert first["buurtservice.Inzet"] > 0
    assert first["initiatieven.StatusWijziging"] > 0


def test_second_run_restores_edited_demo_rows(db):
    call_command("demodata", verbosity=0)
    canyon = Activiteit.objects.get(titel="2e Canyon Skate Event")
    canyon.bewoners_bereikt = 1
    canyon.save()
    call_command("demodata", verbosity=0)
    assert Activiteit.objects.filter(titel="2e Canyon Skate Event").count() == 1
    assert Activiteit.objects.get(titel="2e Canyon Skate Event").bewoners_bereikt == 250


def test_generated_data_are_the_same_on_every_run(db):
    call_command("demodata", verbosity=0)
    before = list(Klus.objects.values_list("aanvraagdatum", "aanvrager_adres", "status"))
    call_command("demodata", verbosity=0)
    after = list(Klus.objects.values_list("aanvraagdatum", "aanvrager_adres", "status"))
    assert before == after


def test_command_does_a_bounded_amount_of_work(db, django_assert_max_num_queries):
    # Not a timed test (times vary with the machine): the number of queries,
    # about 6,100 on an empty database (one update_or_create per demo row, the
    # cached figures' tokens replaced once at the end), must not explode.
    with django_assert_max_num_queries(6500):
        call_command("demodata", verbosity=0)


def test_command_prints_one_login_per_role(db):
    out = io.StringIO()
    call_command("demodata", stdout=out)
    output = out.getvalue()
    for username, role in [
        ("makelaar", "Sociaal makelaar"),
        ("makelaar.zuid", "Sociaal makelaar"),
        ("buurtservice", "Buurtservice-coördinator"),
        ("coordinator", "Coördinator"),
        ("beheerder", "Beheerder"),
    ]:
        line = next(line for line in output.splitlines() if line.split()[:1] == [username])
        assert role in line
        assert "demo-wachtwoord" in line


def test_runs_on_a_database_without_role_groups(db):
    # A flushed database (after a transactional test) has lost the groups of the
    # roles data migration; demodata recreates them with their permissions.
    Group.objects.all().delete()
    call_command("demodata", verbosity=0)
    makelaar = User.objects.get(username="makelaar")
    assert role_of(makelaar) == Role.MAKELAAR
    assert makelaar.has_perm("makelaars.add_activiteit")
    assert not makelaar.has_perm("rapportage.view_jaarrapportage")
    assert User.objects.get(username="beheerder").has_perm("auth.change_user")
