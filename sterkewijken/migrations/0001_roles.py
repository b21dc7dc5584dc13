from django.db import migrations

from sterkewijken.roles import sync_roles


class Migration(migrations.Migration):
    """Create the role groups (sociaal makelaar, Buurtservice-coördinator,
    coördinator, beheerder) with their permissions."""

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wijken", "0001_initial"),
        ("makelaars", "0001_initial"),
        ("initiatieven", "0001_initial"),
        ("buurtservice", "0001_initial"),
        ("rapportage", "0001_initial"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
