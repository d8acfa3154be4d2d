"""Reopen the items marked done on the reservist's word alone (0009 then requires a confirmation).

Until now an item was «выполнено» once the reservist described the practice themselves. From
here only someone who saw it (the mentor, the head of the organization, the internship's tutor)
confirms it. Items done before are set back to «выполняется» with their evidence kept: the
reservist sends the practice to someone for confirmation. A plan completed by such items goes
back to «выполняется», with the reason in its history.
"""

from django.db import migrations

REASON = (
    "Применение в практике теперь подтверждает наставник, руководитель организации или тьютор "
    "стажировки: пункты, отмеченные выполненными без такого подтверждения, возвращены в работу."
)


def reopen(apps, schema_editor):
    PlanItem = apps.get_model("development", "PlanItem")
    DevelopmentPlan = apps.get_model("development", "DevelopmentPlan")
    PlanStatusChange = apps.get_model("development", "PlanStatusChange")
    done = PlanItem.objects.filter(status="done").exclude(practice_status="confirmed")
    plan_ids = set(done.values_list("plan_id", flat=True))
    done.update(status="in_progress", completed_at=None)
    for plan in DevelopmentPlan.objects.filter(pk__in=plan_ids, status="completed"):
        plan.status = "in_progress"
        plan.save(update_fields=["status"])
        PlanStatusChange.objects.create(
            plan=plan, from_status="completed", to_status="in_progress", reason=REASON
        )


class Migration(migrations.Migration):
    dependencies = [("development", "0008_practice_confirmation")]

    operations = [
        migrations.RunPython(reopen, migrations.RunPython.noop),
    ]
