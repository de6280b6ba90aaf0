"""Version 1 of each summary form's sections; on PostgreSQL a GIN index over the search vectors."""

from django.db import migrations


def create_structures(apps, schema_editor):
    from apps.publications.structures import DEFAULTS

    SummaryStructure = apps.get_model("publications", "SummaryStructure")
    for form, sections in DEFAULTS.items():
        if not SummaryStructure.objects.filter(form=form).exists():
            SummaryStructure.objects.create(form=form, number=1, sections=sections)


def create_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS publications_search_vector_gin "
            "ON publications_searchentry USING GIN (vector)"
        )


def drop_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS publications_search_vector_gin")


class Migration(migrations.Migration):
    dependencies = [("publications", "0001_initial")]

    operations = [
        migrations.RunPython(create_structures, migrations.RunPython.noop),
        migrations.RunPython(create_gin_index, drop_gin_index),
    ]
