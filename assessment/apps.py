from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "assessment"
    verbose_name = "Оценка"

    def ready(self) -> None:
        from assessment.campaigns.enrolment import ENROLMENT
        from assessment.results.agenda_panels import agenda_result_panels, nomination_verdicts
        from candidates.extensions import (
            register_agenda_panel_provider,
            register_assessment_enrolment,
            register_assessment_verdict_provider,
        )

        register_agenda_panel_provider(agenda_result_panels)
        register_assessment_verdict_provider(nomination_verdicts)
        register_assessment_enrolment(ENROLMENT)
