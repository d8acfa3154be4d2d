"""Load the pairs of bordering municipalities of the Orenburg region from the fixture.

fixtures/municipality_neighbours.json lists only pairs whose shared border we could confirm;
the doubtful ones are in its "left_out" list with the reason and are not loaded. Names that
are not in the registry are skipped, so a renamed municipality never breaks the migration.
"""

import json
from pathlib import Path

from django.db import migrations

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "municipality_neighbours.json"


def load(apps, schema_editor):
    Municipality = apps.get_model("registry", "Municipality")
    NeighbourPair = apps.get_model("development", "NeighbourPair")
    pairs = json.loads(FIXTURE.read_text(encoding="utf-8"))["pairs"]
    ids = dict(Municipality.objects.values_list("name", "pk"))
    for first_name, second_name in pairs:
        if first_name not in ids or second_name not in ids:
            continue
        low, high = sorted((ids[first_name], ids[second_name]))
        NeighbourPair.objects.get_or_create(first_id=low, second_id=high)


def unload(apps, schema_editor):
    apps.get_model("development", "NeighbourPair").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("development", "0003_mentorship_end_reason"),
        ("registry", "0002_load_municipalities"),
    ]

    operations = [migrations.RunPython(load, unload)]
