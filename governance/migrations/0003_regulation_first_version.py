"""Put the first version of the Regulation, with the defaults of DESIGN.md §5, in force."""

import datetime

from django.db import migrations

from governance.regulation import DEFAULT_PARAMETERS


def create(apps, schema_editor):
    RegulationVersion = apps.get_model("governance", "RegulationVersion")
    if not RegulationVersion.objects.exists():
        RegulationVersion.objects.create(
            number=1,
            in_force=True,
            effective_from=datetime.date(2026, 9, 1),
            parameters=DEFAULT_PARAMETERS,
            reason="Первоначальная редакция Положения.",
        )


def remove(apps, schema_editor):
    apps.get_model("governance", "RegulationVersion").objects.filter(number=1).delete()


class Migration(migrations.Migration):
    dependencies = [("governance", "0002_regulation_version")]

    operations = [migrations.RunPython(create, remove)]
