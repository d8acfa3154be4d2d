"""Propose the gender and case forms of every person's name already in the database."""

from django.db import migrations

from core.names import CASES, name_forms


def fill(apps, schema_editor):
    Candidate = apps.get_model("candidates", "Candidate")
    for candidate in Candidate.objects.filter(name_genitive="").iterator(chunk_size=500):
        forms = name_forms(
            last_name=candidate.last_name,
            first_name=candidate.first_name,
            middle_name=candidate.middle_name,
        )
        candidate.gender = forms.gender
        for case in CASES:
            setattr(candidate, f"name_{case}", getattr(forms, case))
        candidate.save(update_fields=["gender", *(f"name_{case}" for case in CASES)])


class Migration(migrations.Migration):
    dependencies = [("candidates", "0003_candidate_name_forms")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
