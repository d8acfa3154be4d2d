"""URL routes of the selection stage: applicant side."""

from django.urls import path, register_converter

from candidates.views import applicant, applicant_consent, applicant_sections, documents


class RecordSectionConverter:
    """Match the name of one of the profile's record sections."""

    regex = "|".join(applicant_sections.SECTIONS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(RecordSectionConverter, "record_section")

urlpatterns = [
    path("apply/", applicant.register, name="applicant_register"),
    path("apply/sent/", applicant.register_sent, name="applicant_register_sent"),
    path(
        "apply/confirm/<uidb64>/<token>/",
        applicant.activate,
        name="applicant_activate",
    ),
    path("my/", applicant.nominations, name="applicant_nominations"),
    path("my/<int:pk>/", applicant.nomination_detail, name="applicant_nomination"),
    path("my/<int:pk>/submit/", applicant.nomination_submit, name="applicant_submit"),
    path("my/<int:pk>/profile/", applicant.profile, name="applicant_profile"),
    path("my/<int:pk>/consent/", applicant_consent.consent, name="applicant_consent"),
    path(
        "my/<int:pk>/consent/withdraw/",
        applicant_consent.consent_withdraw,
        name="applicant_consent_withdraw",
    ),
    path("my/<int:pk>/documents/", applicant_sections.documents, name="applicant_documents"),
    path(
        "my/<int:pk>/documents/<int:document_pk>/delete/",
        applicant_sections.document_delete,
        name="applicant_document_delete",
    ),
    *(
        path(
            f"my/<int:pk>/{key}/",
            applicant_sections.record_list,
            {"section": key},
            name=f"applicant_{key}",
        )
        for key in applicant_sections.SECTIONS
    ),
    path(
        "my/<int:pk>/<record_section:section>/<int:record_pk>/",
        applicant_sections.record_edit,
        name="applicant_record_edit",
    ),
    path(
        "my/<int:pk>/<record_section:section>/<int:record_pk>/delete/",
        applicant_sections.record_delete,
        name="applicant_record_delete",
    ),
    path("documents/<int:pk>/download/", documents.document_download, name="document_download"),
]
