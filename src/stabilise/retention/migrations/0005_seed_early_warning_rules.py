from django.apps.registry import Apps
from django.db import migrations
from django.utils import timezone
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

# Issue 5's two examples, written out rather than imported: a migration must not change when
# the code does. The workforce lead changes or switches them off on the rules page.
RULES = (
    {"kind": "theme", "threshold": 3, "window_days": 60},
    {"kind": "destination", "threshold": 2, "window_days": 90},
)


def seed(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    rule = apps.get_model("retention", "EarlyWarningRule")
    # A migration's models send no history signals: the first version is written here.
    history = apps.get_model("retention", "HistoricalEarlyWarningRule")
    for values in RULES:
        if not rule.objects.filter(**values).exists():
            made = rule.objects.create(**values)
            history.objects.create(
                id=made.pk,
                **values,
                is_on=True,
                history_date=timezone.now(),
                history_type="+",
                history_change_reason="Issue 5's example, set up with Stabilise",
            )


def unseed(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    rule = apps.get_model("retention", "EarlyWarningRule")
    for values in RULES:
        rule.objects.filter(**values, warnings=None).delete()


class Migration(migrations.Migration):
    dependencies = [("retention", "0004_early_warnings")]
    operations = [migrations.RunPython(seed, unseed)]
