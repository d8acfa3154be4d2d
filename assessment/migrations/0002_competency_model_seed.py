"""Load the ten competencies of DESIGN.md §6 with level descriptors and target levels."""

import json
from pathlib import Path

from django.db import migrations

# The seed lives in fixtures/; a later edit there reaches only new databases — the ministry
# edits the model of a running portal in the portal itself.
SEED = json.loads(
    (Path(__file__).resolve().parents[2] / "fixtures" / "competency_model.json").read_text(
        encoding="utf-8"
    )
)


def load(apps, schema_editor):
    Framework = apps.get_model("assessment", "CompetencyFramework")
    Competency = apps.get_model("assessment", "Competency")
    Level = apps.get_model("assessment", "CompetencyLevel")
    Target = apps.get_model("assessment", "TargetLevel")
    if Framework.objects.filter(version=SEED["version"]).exists():
        return
    framework = Framework.objects.create(version=SEED["version"], name=SEED["name"], is_current=True)
    for order, item in enumerate(SEED["competencies"], start=1):
        competency = Competency.objects.create(
            framework=framework,
            code=item["code"],
            name=item["name"],
            description=item["description"],
            labour_function=item["labour_function"],
            sort_order=order,
        )
        Level.objects.bulk_create(
            Level(
                competency=competency,
                level=number,
                title=SEED["levels"][str(number)],
                descriptor=text,
            )
            for number, text in enumerate(item["levels"], start=1)
        )
        Target.objects.bulk_create(
            Target(competency=competency, position_group=group, level=level)
            for group, level in item["targets"].items()
        )


def unload(apps, schema_editor):
    apps.get_model("assessment", "CompetencyFramework").objects.filter(
        version=SEED["version"], campaigns__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("assessment", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
