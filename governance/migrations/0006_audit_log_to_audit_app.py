"""Hand the audit log's two tables to the audit app, keeping every row.

The tables are renamed to the audit app's names here; the models then leave governance's state
without touching the database, and audit's first migration takes them into its own state.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0005_consent_texts"),
    ]

    operations = [
        migrations.AlterModelTable(name="auditevent", table="audit_auditevent"),
        migrations.AlterModelTable(name="personaldataaccess", table="audit_personaldataaccess"),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="AuditEvent"),
                migrations.DeleteModel(name="PersonalDataAccess"),
            ],
        ),
    ]
