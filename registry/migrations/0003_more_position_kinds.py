"""Add the posts the region's order on the reserve also covers (data only)."""

from django.db import migrations

# code, name, is_head, organization kinds, place in the list
NEW_POSITION_KINDS = [
    (
        "deputy-additional",
        "Заместитель директора организации дополнительного образования",
        False,
        ["additional"],
        6,
    ),
    (
        "head-municipal-authority",
        "Руководитель муниципального органа управления в сфере образования",
        True,
        [],
        9,
    ),
]
# The order of the existing posts once the new ones stand beside their kin.
SORT_ORDER = {
    "director-general": 1,
    "deputy-general": 2,
    "head-preschool": 3,
    "deputy-preschool": 4,
    "director-additional": 5,
    "deputy-additional": 6,
    "director-vocational": 7,
    "deputy-vocational": 8,
    "head-municipal-authority": 9,
}


def load(apps, schema_editor):
    PositionKind = apps.get_model("registry", "PositionKind")
    for code, name, is_head, kinds, order in NEW_POSITION_KINDS:
        PositionKind.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "is_head": is_head,
                "organization_kinds": kinds,
                "sort_order": order,
            },
        )
    for code, order in SORT_ORDER.items():
        PositionKind.objects.filter(code=code).update(sort_order=order)


def unload(apps, schema_editor):
    codes = [code for code, *_ in NEW_POSITION_KINDS]
    apps.get_model("registry", "PositionKind").objects.filter(code__in=codes).delete()


class Migration(migrations.Migration):
    dependencies = [("registry", "0002_load_municipalities")]

    operations = [migrations.RunPython(load, unload)]
