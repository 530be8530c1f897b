import secrets

from django.db import migrations, models
from django.utils import timezone


def first_version(apps, schema_editor):
    DataChange = apps.get_model("figures", "DataChange")
    DataChange.objects.create(token=secrets.token_hex(16), changed_at=timezone.now())


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="DataChange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("token", models.CharField(max_length=32)),
                ("changed_at", models.DateTimeField()),
            ],
        ),
        migrations.CreateModel(
            name="CachedFigures",
            fields=[
                (
                    "cache_key",
                    models.CharField(max_length=255, primary_key=True, serialize=False),
                ),
                ("value", models.TextField()),
                ("expires", models.DateTimeField(db_index=True)),
            ],
            options={"db_table": "figures_cache"},
        ),
        migrations.RunPython(first_version, migrations.RunPython.noop),
    ]
