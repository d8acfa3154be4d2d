"""Back office for the selection stage: rows scoped by candidates.access, changes via services.

A nomination's status is read-only here; the actions call nomination_transition for each row,
exactly as the portal's buttons do. Commissions and the reserve are in admin_commission.py.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from audit.models import AuditSource
from audit.services import personal_data_access_log
from candidates import (
    access,
    admin_commission,  # noqa: F401  (registers the commission's models)
)
from candidates.models import (
    Candidate,
    Document,
    Education,
    EligibilityCheck,
    Nomination,
    NominationStatus,
    ProfessionalDevelopment,
    StatusChange,
    WorkRecord,
)
from candidates.services.documents import document_mark_checked
from candidates.services.eligibility import eligibility_evaluate
from candidates.services.nominations import nomination_transition
from candidates.services.profiles import PROFILE_FIELDS, candidate_update
from core.admin_base import PolicyAdmin, ReadOnlyPolicyAdmin

S = NominationStatus


class ReadOnlyInline(admin.TabularInline):
    """Rows shown beside their parent and never edited here: the services own them."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        return list(self.fields)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return access.can_view_pipeline(request.user)

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class EducationInline(ReadOnlyInline):
    model = Education
    fields = ["level", "field", "speciality", "institution", "graduation_year"]


class ProfessionalDevelopmentInline(ReadOnlyInline):
    model = ProfessionalDevelopment
    fields = ["programme", "field", "hours", "year", "provider"]


class WorkRecordInline(ReadOnlyInline):
    model = WorkRecord
    fields = ["organization_name", "post", "kind", "started_on", "ended_on"]


class PersonalDataViewLogged:
    """Log a personal-data access each time a person's record is opened in the admin."""

    personal_data_purpose = ""

    def personal_data_subject(self, obj):
        return obj

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None
    ) -> HttpResponse:
        response = super().change_view(request, object_id, form_url, extra_context)
        original = getattr(response, "context_data", {}).get("original")
        if request.method == "GET" and response.status_code == 200 and original is not None:
            personal_data_access_log(
                actor=request.user,
                subject=self.personal_data_subject(original),
                purpose=self.personal_data_purpose,
                request=request,
            )
        return response


@admin.register(Candidate)
class CandidateAdmin(PersonalDataViewLogged, PolicyAdmin):
    name_accusative = "кандидата"
    visible_to = access.candidates_visible_to
    may_view = access.can_view_pipeline
    may_change = access.can_change_candidate_profile
    personal_data_purpose = "просмотр профиля кандидата в администрировании"

    list_display = ["full_name", "municipality", "organization", "position", "email", "phone"]
    list_select_related = ["municipality", "organization"]
    list_filter = [("municipality", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["last_name", "first_name", "middle_name", "email", "phone"]
    autocomplete_fields = ["municipality", "organization"]
    readonly_fields = ["user", "email", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["last_name", "first_name", "middle_name", "birth_date"]}),
        ("Контакты и учётная запись", {"fields": ["email", "phone", "user"]}),
        ("Место работы", {"fields": ["municipality", "organization", "position"]}),
        ("Даты", {"fields": ["created_at", "updated_at"]}),
    ]
    inlines = [EducationInline, ProfessionalDevelopmentInline, WorkRecordInline]
    list_per_page = 50

    @admin.display(description="ФИО", ordering="last_name")
    def full_name(self, candidate: Candidate) -> str:
        return candidate.full_name

    def has_add_permission(self, request: HttpRequest) -> bool:
        # A person enters through registration or nomination, which create the account too.
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Candidate, form, change: bool) -> None:
        # The form has already written its values onto obj; the service compares with the row.
        candidate_update(
            candidate=Candidate.objects.select_related("user").get(pk=obj.pk),
            actor=request.user,
            data={
                name: form.cleaned_data[name]
                for name in PROFILE_FIELDS
                if name in form.changed_data
            },
            request=request,
        )


class StatusChangeInline(ReadOnlyInline):
    model = StatusChange
    fields = ["created_at", "from_status", "to_status", "actor", "reason"]


class DocumentInline(ReadOnlyInline):
    model = Document
    fields = ["kind", "original_name", "content_type", "size", "uploaded_at", "is_checked"]


class EligibilityCheckInline(ReadOnlyInline):
    model = EligibilityCheck
    fields = [
        "evaluated_at",
        "regulation",
        "is_eligible",
        "override_eligible",
        "override_reason",
        "override_author",
    ]

    @admin.display(description="Редакция Положения")
    def regulation(self, check: EligibilityCheck) -> str:
        return str(check.regulation_version)

    @admin.display(description="Кто принял решение")
    def override_author(self, check: EligibilityCheck) -> str:
        return str(check.override_by or "—")


def _transition_action(target: NominationStatus, description: str):
    def action(modeladmin, request: HttpRequest, queryset: QuerySet) -> None:
        modeladmin.transition_selected(request, queryset, target)

    action.__name__ = f"move_to_{target.value}"
    return admin.action(description=description, permissions=["review"])(action)


@admin.register(Nomination)
class NominationAdmin(PersonalDataViewLogged, PolicyAdmin):
    name_accusative = "заявку"
    visible_to = access.pipeline_nominations_visible_to
    may_view = access.can_view_pipeline
    personal_data_purpose = "просмотр заявки в кадровый резерв в администрировании"

    list_display = [
        "candidate",
        "position_kind",
        "municipality",
        "source",
        "status",
        "status_changed_at",
        "created_at",
    ]
    list_select_related = ["candidate", "position_kind", "municipality"]
    list_filter = [
        "status",
        "source",
        "position_kind",
        ("municipality", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = [
        "candidate__last_name",
        "candidate__first_name",
        "candidate__middle_name",
        "candidate__email",
    ]
    date_hierarchy = "created_at"
    readonly_fields = ["portal_link"]
    fields = [
        "portal_link",
        "candidate",
        "position_kind",
        "municipality",
        "source",
        "nominated_by",
        "motivation",
        "status",
        "status_changed_at",
        "submitted_at",
        "return_reason",
        "created_at",
    ]
    inlines = [StatusChangeInline, DocumentInline, EligibilityCheckInline]
    list_per_page = 50
    actions = [
        _transition_action(S.DOCUMENT_CHECK, "Принять на проверку документов"),
        _transition_action(S.ASSESSMENT, "Направить на оценку"),
        _transition_action(S.COMMISSION_REVIEW, "Передать на рассмотрение комиссии"),
        "evaluate_eligibility",
    ]

    def personal_data_subject(self, nomination: Nomination) -> Candidate:
        return nomination.candidate

    @admin.display(description="На портале")
    def portal_link(self, nomination: Nomination) -> str:
        url = reverse("candidates:staff_nomination", args=[nomination.pk])
        return format_html('<a href="{}">Открыть страницу заявки</a>', url)

    def has_review_permission(self, request: HttpRequest) -> bool:
        return access.can_review_nominations(request.user)

    def transition_selected(
        self, request: HttpRequest, queryset: QuerySet, target: NominationStatus
    ) -> None:
        """Move each selected nomination through the service and report row by row."""
        moved = []
        for nomination in queryset.select_related("candidate", "position_kind"):
            if not access.can_review_nomination(request.user, nomination):
                self.message_user(request, f"{nomination}: нет права.", messages.ERROR)
                continue
            try:
                nomination_transition(
                    nomination=nomination,
                    to_status=target,
                    actor=request.user,
                    source=AuditSource.ADMIN,
                    request=request,
                )
            except ValidationError as error:
                self.message_user(
                    request, f"{nomination}: {' '.join(error.messages)}", messages.ERROR
                )
            else:
                moved.append(str(nomination))
        if moved:
            self.message_user(
                request,
                f"В статус «{target.label}» переведено заявок: {len(moved)} ({'; '.join(moved)}).",
                messages.SUCCESS,
            )

    @admin.action(description="Проверить соответствие требованиям", permissions=["review"])
    def evaluate_eligibility(self, request: HttpRequest, queryset: QuerySet) -> None:
        """Run the eligibility check of each selected nomination by the rules in force."""
        for nomination in queryset.select_related("candidate", "position_kind"):
            if not access.can_evaluate_eligibility(request.user, nomination):
                self.message_user(request, f"{nomination}: нет права.", messages.ERROR)
                continue
            check = eligibility_evaluate(nomination=nomination, actor=request.user, request=request)
            verdict = "соответствует" if check.is_eligible else "не соответствует"
            self.message_user(request, f"{nomination}: {verdict} требованиям.", messages.INFO)


@admin.register(StatusChange)
class StatusChangeAdmin(ReadOnlyPolicyAdmin):
    name_accusative = "смену статуса"
    may_view = access.can_view_pipeline
    list_display = ["nomination", "from_status", "to_status", "actor", "created_at"]
    list_select_related = ["nomination__candidate", "nomination__position_kind", "actor"]
    list_filter = ["to_status"]
    search_fields = ["nomination__candidate__last_name", "reason"]
    date_hierarchy = "created_at"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return access.nomination_records_visible_to(request.user, StatusChange)


@admin.register(Document)
class DocumentAdmin(ReadOnlyPolicyAdmin):
    name_accusative = "документ"
    may_view = access.can_view_pipeline
    list_display = ["nomination", "kind", "original_name", "size", "uploaded_at", "is_checked"]
    list_select_related = ["nomination__candidate", "nomination__position_kind"]
    list_filter = ["kind", "is_checked"]
    search_fields = ["nomination__candidate__last_name", "original_name"]
    exclude = ["file", "sha256"]
    actions = ["mark_checked"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return access.nomination_records_visible_to(request.user, Document)

    def has_review_permission(self, request: HttpRequest) -> bool:
        return access.can_review_nominations(request.user)

    @admin.action(description="Отметить проверенными", permissions=["review"])
    def mark_checked(self, request: HttpRequest, queryset: QuerySet) -> None:
        """Mark each selected document as checked through the service."""
        marked = 0
        for document in queryset.select_related("nomination"):
            if not access.can_check_documents(request.user, document.nomination):
                self.message_user(request, f"{document}: нет права.", messages.ERROR)
                continue
            document_mark_checked(document=document, actor=request.user, request=request)
            marked += 1
        self.message_user(request, f"Отмечено проверенными: {marked}.", messages.SUCCESS)


@admin.register(EligibilityCheck)
class EligibilityCheckAdmin(ReadOnlyPolicyAdmin):
    """A check's verdict and every route's conditions, as the explanation reads."""

    name_accusative = "проверку соответствия требованиям"
    may_view = access.can_view_pipeline
    list_display = ["nomination", "evaluated_at", "is_eligible", "override_eligible"]
    list_select_related = ["nomination__candidate", "nomination__position_kind"]
    list_filter = ["is_eligible", "override_eligible"]
    search_fields = ["nomination__candidate__last_name"]
    exclude = ["results"]
    readonly_fields = ["results_display"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return access.nomination_records_visible_to(request.user, EligibilityCheck)

    @admin.display(description="результаты по правилам")
    def results_display(self, check: EligibilityCheck) -> str:
        routes = [
            format_html(
                "<p><strong>{}</strong> — {}</p><ul>{}</ul>",
                route.get("title", ""),
                "выполнено" if route.get("passed") else "не выполнено",
                format_html_join(
                    "",
                    "<li>{} {}</li>",
                    (
                        ("✓" if condition.get("passed") else "✗", condition.get("text", ""))
                        for condition in route.get("conditions", [])
                    ),
                ),
            )
            for route in check.results or []
        ]
        return format_html_join("", "{}", ((route,) for route in routes)) or "—"
