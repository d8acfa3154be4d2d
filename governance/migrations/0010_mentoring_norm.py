"""Give every version of the Regulation the mentoring norm it lacked (36 hours a year per pair).

Until now the norm was a constant of the mentoring pages (36 hours) while the programme's
modules said 12 hours a year; the Regulation holds it from here, and both read it there. The
versions made before keep their number in the history: the norm in force until now is added
to each of them, so that any version can still be read whole.
"""

from django.db import migrations

NORM = 36


def forward(apps, schema_editor):
    RegulationVersion = apps.get_model("governance", "RegulationVersion")
    for version in RegulationVersion.objects.all():
        if "mentoring_hours_per_year" not in version.parameters:
            version.parameters["mentoring_hours_per_year"] = NORM
            version.save(update_fields=["parameters"])


def backward(apps, schema_editor):
    RegulationVersion = apps.get_model("governance", "RegulationVersion")
    for version in RegulationVersion.objects.all():
        if version.parameters.pop("mentoring_hours_per_year", None) is not None:
            version.save(update_fields=["parameters"])


class Migration(migrations.Migration):
    dependencies = [("governance", "0009_consent_texts_152fz")]

    operations = [migrations.RunPython(forward, backward)]
