from django.apps import AppConfig


class OnboardingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "onboarding"
    verbose_name = "Назначение и адаптация"

    def ready(self) -> None:
        from development.extensions import register_induction_links_provider
        from onboarding.induction.links import induction_links_for

        register_induction_links_provider(induction_links_for)
