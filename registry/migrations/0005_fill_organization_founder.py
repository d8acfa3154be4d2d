"""Fill the founder of the organizations already in the registry from their names (data only).

The rules are copied here from registry/founders.py as they stood, so that this migration keeps
doing what it did when the rules later change. Organizations whose names tell nothing stay blank.
"""

import re

from django.db import migrations

_NAME_PREFIXES = (
    ("федеральное", "federal"),
    ("государственное", "regional"),
    ("областное", "regional"),
    ("муниципальное", "municipal"),
    ("частное", "private"),
    ("негосударственное", "private"),
    ("автономная некоммерческая", "private"),
    ("религиозная", "private"),
)
_ABBREVIATION = re.compile(r"^([А-ЯЁ]{2,})(?![а-яё])")
_ABBREVIATION_PREFIXES = (
    ("ФГ", "federal"),
    ("ФК", "federal"),
    ("АНО", "private"),
    ("АН", "private"),
    ("ЧОУ", "private"),
    ("ЧУ", "private"),
    ("ЧДОУ", "private"),
    ("ЧПОУ", "private"),
    ("НОУ", "private"),
    ("Г", "regional"),
    ("ОГ", "regional"),
    ("М", "municipal"),
)


def _founder(full_name: str, short_name: str) -> str:
    folded = " ".join(full_name.lower().replace("ё", "е").split())
    for prefix, code in _NAME_PREFIXES:
        if folded.startswith(prefix):
            return code
    match = _ABBREVIATION.match(short_name.strip())
    if match:
        for prefix, code in _ABBREVIATION_PREFIXES:
            if match.group(1).startswith(prefix):
                return code
    return ""


def fill(apps, schema_editor):
    Organization = apps.get_model("registry", "Organization")
    changed = []
    for organization in Organization.objects.filter(founder="").only(
        "pk", "full_name", "short_name", "founder"
    ).iterator(chunk_size=2000):
        founder = _founder(organization.full_name, organization.short_name)
        if founder:
            organization.founder = founder
            changed.append(organization)
        if len(changed) >= 2000:
            Organization.objects.bulk_update(changed, ["founder"])
            changed = []
    Organization.objects.bulk_update(changed, ["founder"])


class Migration(migrations.Migration):
    dependencies = [("registry", "0004_organization_founder")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
