"""Take the audit log's models into this app's state; their tables already exist.

governance's migration 0006 renamed the tables to audit_auditevent and audit_personaldataaccess,
so nothing is created here: the rows stay where they are.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("governance", "0006_audit_log_to_audit_app"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AuditEvent",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="когда"),
                        ),
                        ("action", models.CharField(max_length=100, verbose_name="действие")),
                        ("object_type", models.CharField(max_length=100, verbose_name="тип объекта")),
                        (
                            "object_id",
                            models.CharField(
                                blank=True, max_length=64, verbose_name="идентификатор объекта"
                            ),
                        ),
                        (
                            "object_repr",
                            models.CharField(blank=True, max_length=500, verbose_name="объект"),
                        ),
                        (
                            "changes",
                            models.JSONField(blank=True, default=dict, verbose_name="изменения"),
                        ),
                        (
                            "source",
                            models.CharField(
                                choices=[
                                    ("web", "веб-интерфейс"),
                                    ("admin", "администрирование"),
                                    ("import", "импорт"),
                                    ("command", "команда"),
                                ],
                                max_length=16,
                                verbose_name="источник",
                            ),
                        ),
                        (
                            "ip_address",
                            models.GenericIPAddressField(blank=True, null=True, verbose_name="IP-адрес"),
                        ),
                        (
                            "actor",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="кто",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "событие журнала аудита",
                        "verbose_name_plural": "журнал аудита",
                        "ordering": ["-created_at", "-id"],
                        "indexes": [
                            models.Index(
                                fields=["object_type", "object_id"],
                                name="governance_audit_object_idx",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="PersonalDataAccess",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "accessed_at",
                            models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="когда"),
                        ),
                        (
                            "subject_type",
                            models.CharField(max_length=100, verbose_name="чьи данные: тип"),
                        ),
                        (
                            "subject_id",
                            models.CharField(max_length=64, verbose_name="чьи данные: идентификатор"),
                        ),
                        ("subject_repr", models.CharField(max_length=500, verbose_name="чьи данные")),
                        ("purpose", models.CharField(max_length=200, verbose_name="что просмотрено")),
                        (
                            "ip_address",
                            models.GenericIPAddressField(blank=True, null=True, verbose_name="IP-адрес"),
                        ),
                        (
                            "user_agent",
                            models.CharField(blank=True, max_length=300, verbose_name="браузер"),
                        ),
                        (
                            "actor",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="кто",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "просмотр персональных данных",
                        "verbose_name_plural": "журнал доступа к персональным данным",
                        "ordering": ["-accessed_at", "-id"],
                        "indexes": [
                            models.Index(
                                fields=["subject_type", "subject_id"],
                                name="governance_pd_subject_idx",
                            )
                        ],
                    },
                ),
            ],
        ),
    ]
