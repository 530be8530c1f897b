from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

# Written out rather than imported: a migration must not change when the code does.
THEMES = (
    "Caseload",
    "Working hours",
    "Supervision and support",
    "Management",
    "Pay",
    "Agency pay",
    "Progression",
    "Training",
    "Office and equipment",
    "IT and case recording",
    "Travel and geography",
    "Wellbeing and stress",
    "Personal or family",
    "Retirement",
    "Different kind of work",
)


def seed(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    theme = apps.get_model("retention", "Theme")
    for position, name in enumerate(THEMES, start=1):
        theme.objects.get_or_create(name=name, defaults={"position": position})


def unseed(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    apps.get_model("retention", "Theme").objects.filter(name__in=THEMES, cited=None).delete()


class Migration(migrations.Migration):
    dependencies = [("retention", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
