from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "governance"
    verbose_name = "Положение, дорожная карта и журнал"

    def ready(self) -> None:
        # The Regulation's admin lives in its own module beside governance/admin.py.
        from governance import admin_regulation  # noqa: F401
