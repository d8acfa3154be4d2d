"""Move the competency model onto the new fields: functions by code, targets and people by post.

- the four generalised labour functions of 250н become rows (A–D) and each competency is linked
  to the one its old field named;
- each target of a position group (head / deputy) becomes a target of every post of that group,
  at the same level (the content migration then revises them post by post);
- each participant gets the post of the nomination or membership they were assessed for.
"""

from django.db import migrations

STANDARD = (
    "Профессиональный стандарт «Руководитель образовательной организации (управление дошкольной "
    "образовательной организацией и общеобразовательной организацией)», утверждён приказом "
    "Минтруда России от 19.04.2021 № 250н"
)
# The old field's values → (code, name) of the generalised labour function.
FUNCTIONS = {
    "education": ("A", "Управление образовательной деятельностью"),
    "administration": ("B", "Администрирование деятельности организации"),
    "development": ("C", "Управление развитием организации"),
    "relations": (
        "D",
        "Управление взаимодействием с участниками отношений в сфере образования и партнёрами",
    ),
}


def forward(apps, schema_editor):
    LabourFunction = apps.get_model("assessment", "LabourFunction")
    Competency = apps.get_model("assessment", "Competency")
    TargetLevel = apps.get_model("assessment", "TargetLevel")
    Participant = apps.get_model("assessment", "Participant")
    PositionKind = apps.get_model("registry", "PositionKind")

    functions = {}
    for order, (old, (code, name)) in enumerate(FUNCTIONS.items(), start=1):
        functions[old], _ = LabourFunction.objects.get_or_create(
            code=code, defaults={"name": name, "standard": STANDARD, "sort_order": order}
        )
    for competency in Competency.objects.all():
        function = functions.get(competency.labour_function)
        if function is not None:
            competency.labour_functions.add(function)

    posts = {
        "head": list(PositionKind.objects.filter(is_head=True)),
        "deputy": list(PositionKind.objects.filter(is_head=False)),
    }
    for target in TargetLevel.objects.filter(position_kind__isnull=True):
        TargetLevel.objects.bulk_create(
            TargetLevel(competency_id=target.competency_id, position_kind=post, level=target.level)
            for post in posts.get(target.position_group, [])
        )
        target.delete()

    for participant in Participant.objects.filter(position_kind__isnull=True).select_related(
        "nomination", "membership"
    ):
        source = participant.nomination or participant.membership
        participant.position_kind_id = source.position_kind_id
        participant.save(update_fields=["position_kind"])


def backward(apps, schema_editor):
    TargetLevel = apps.get_model("assessment", "TargetLevel")
    Competency = apps.get_model("assessment", "Competency")
    codes = {code: old for old, (code, _) in FUNCTIONS.items()}
    for competency in Competency.objects.prefetch_related("labour_functions"):
        first = competency.labour_functions.order_by("sort_order").first()
        if first is not None:
            competency.labour_function = codes.get(first.code, "")
            competency.save(update_fields=["labour_function"])
    # A head's and a deputy's target come back from one post of each group.
    seen = set()
    for target in TargetLevel.objects.select_related("position_kind").order_by(
        "position_kind__sort_order"
    ):
        group = "head" if target.position_kind.is_head else "deputy"
        key = (target.competency_id, group)
        if key in seen:
            target.delete()
            continue
        seen.add(key)
        target.position_group = group
        target.position_kind = None
        target.save(update_fields=["position_group", "position_kind"])


class Migration(migrations.Migration):
    dependencies = [
        ("assessment", "0007_toolkit_fields"),
        ("registry", "0003_more_position_kinds"),
    ]

    operations = [migrations.RunPython(forward, backward)]
