"""Publish consent texts with everything 152-ФЗ, ст. 9 ч. 4 requires, as the next versions.

Whoever consented to an earlier version is asked to accept the new one at their next visit.
"""

from django.db import migrations
from django.db.models import Max

from governance.consent_texts import PERSONAL_DATA, WELLBEING


def publish(apps, schema_editor):
    ConsentText = apps.get_model("governance", "ConsentText")
    for purpose, text in (("personal_data", PERSONAL_DATA), ("wellbeing", WELLBEING)):
        if ConsentText.objects.filter(purpose=purpose, text=text).exists():
            continue
        top = ConsentText.objects.filter(purpose=purpose).aggregate(top=Max("version"))["top"]
        ConsentText.objects.filter(purpose=purpose, in_force=True).update(in_force=False)
        ConsentText.objects.create(purpose=purpose, version=(top or 0) + 1, text=text, in_force=True)


class Migration(migrations.Migration):
    dependencies = [("governance", "0008_regulation_legal_fidelity")]

    operations = [migrations.RunPython(publish, migrations.RunPython.noop)]
