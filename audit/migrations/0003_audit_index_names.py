"""Name the audit log's indexes after the app that now holds them."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_content_types_from_governance"),
    ]

    operations = [
        migrations.RenameIndex(
            model_name="auditevent",
            new_name="audit_event_object_idx",
            old_name="governance_audit_object_idx",
        ),
        migrations.RenameIndex(
            model_name="personaldataaccess",
            new_name="audit_pd_subject_idx",
            old_name="governance_pd_subject_idx",
        ),
    ]
