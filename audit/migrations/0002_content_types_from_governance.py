"""Move the two models' content types (and so their permissions) from governance to audit.

Without this, an existing installation would keep stale governance content types beside new
audit ones, and removing the stale ones would take their permissions with them.
"""

from django.db import migrations

MODELS = ["auditevent", "personaldataaccess"]


def relabel(apps, schema_editor, *, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    taken = set(ContentType.objects.filter(app_label=target).values_list("model", flat=True))
    ContentType.objects.filter(app_label=source, model__in=MODELS).exclude(
        model__in=taken
    ).update(app_label=target)


def forwards(apps, schema_editor) -> None:
    relabel(apps, schema_editor, source="governance", target="audit")


def backwards(apps, schema_editor) -> None:
    relabel(apps, schema_editor, source="audit", target="governance")


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
