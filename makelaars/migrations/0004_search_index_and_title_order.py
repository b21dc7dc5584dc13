"""The free-text search index (PostgreSQL only) and an index for sorting by title."""

from django.db import migrations, models

INDEX_NAME = "makelaars_act_search"
SEARCH_FIELDS = ("titel", "beschrijving", "opbrengst")


def _search_index():
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    # Exactly core.search.search_vector(SEARCH_FIELDS): the planner only uses the
    # index for the same expression.
    return GinIndex(SearchVector(*SEARCH_FIELDS, config="dutch"), name=INDEX_NAME)


def add_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("makelaars", "Activiteit"), _search_index())


def remove_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("makelaars", "Activiteit"), _search_index())


class Migration(migrations.Migration):
    dependencies = [
        ("makelaars", "0003_report_text_lengths"),
    ]

    operations = [
        migrations.RunPython(add_search_index, remove_search_index),
        migrations.AddIndex(
            model_name="activiteit",
            index=models.Index(fields=["titel", "id"], name="makelaars_act_titel_id"),
        ),
    ]
