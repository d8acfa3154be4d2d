"""The access matrix: every view × every role × an object that role must not reach.

The URL configuration is walked; each URL name must have a rule in RULES (a new view without
one fails `test_every_view_has_a_rule`). A rule names the object the request is about (built
from the demo region, `World`) and the personas that may reach it; every other signed-in
persona must get 404 and an anonymous visitor the sign-in page (or 404 where the rule says).
The demo data is seeded once for the module; each request runs in a rolled-back test.
"""

import datetime
import io
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.models import User
from tests import two_factor
from tests.accounts.test_seed_demo import _restore, migrated_state  # noqa: F401 - fixture

ANONYMOUS = "anonymous"
ADMIN, MINISTRY, COORDINATOR, ORSK = "admin", "ministry", "coordinator", "coordinator-orsk"
EXPERT, MENTOR, CANDIDATE = "expert", "mentor", "candidate"
SIGNED_IN = (ADMIN, MINISTRY, COORDINATOR, ORSK, EXPERT, MENTOR, CANDIDATE)
REGION = frozenset({ADMIN, MINISTRY})
TERRITORY = REGION | {COORDINATOR, ORSK}
EVERYONE = frozenset(SIGNED_IN)
NOBODY: frozenset[str] = frozenset()
ELSEWHERE = "город Бузулук"  # neither demo coordinator's municipality


@dataclass(frozen=True)
class Rule:
    """Who may reach the view for the rule's object; everybody else gets `denied`."""

    reach: frozenset[str]
    kwargs: Callable[["World"], dict] | None = None
    method: str = "GET"
    denied: int = 404
    anonymous: str = "login"  # "login": redirected to sign in; "reach": public; or a status


COORDINATOR_MUNICIPALITY = "город Оренбург"  # the demo coordinator's (not Орск's)


class World:
    """Objects of the demo region, each one out of reach of some personas."""

    def __init__(self) -> None:
        from assessment.models import (
            CampaignInstrument,
            ExpertAssignment,
            Participant,
            RubricCriterion,
            TestAttempt,
        )
        from candidates.models import (
            AgendaItem,
            CommissionMeeting,
            Document,
            Education,
            EligibilityCheck,
            ReserveMembership,
        )
        from development.models import (
            Activity,
            DevelopmentPlan,
            MentoringSession,
            Mentorship,
            PlanItem,
        )
        from governance.models import DocumentTemplate, RegulationVersion
        from registry.models import Organization

        self.document = Document.objects.filter(nomination__municipality__name=ELSEWHERE).first()
        self.nomination = self.document.nomination
        self.check = EligibilityCheck.objects.filter(
            nomination__municipality__name=ELSEWHERE
        ).first()
        self.education = Education.objects.filter(candidate__municipality__name=ELSEWHERE).first()
        self.organization = Organization.objects.filter(municipality__name=ELSEWHERE).first()
        self.meeting = CommissionMeeting.objects.filter(status="planned").first()
        self.held_meeting = CommissionMeeting.objects.filter(status="held").first()
        self.item = AgendaItem.objects.filter(meeting=self.meeting).first()
        self.membership = ReserveMembership.objects.filter(municipality__name=ELSEWHERE).first()
        self.participant = Participant.objects.filter(
            candidate__municipality__name=ELSEWHERE
        ).first()
        self.campaign = self.participant.campaign
        self.instrument = CampaignInstrument.objects.filter(campaign=self.campaign).first()
        self.attempt = TestAttempt.objects.first()
        self.assignment = ExpertAssignment.objects.exclude(expert__username=EXPERT).first()
        self.criterion = RubricCriterion.objects.first()
        self.plan = DevelopmentPlan.objects.filter(membership__municipality__name=ELSEWHERE).first()
        self.plan_item = self.plan.items.first()
        # Only the demo candidate's plan (город Оренбург) holds evidence files.
        self.evidence_item = PlanItem.objects.exclude(completion_file="").first()
        self.pair = (
            Mentorship.objects.exclude(mentor__user__username=MENTOR)
            .filter(membership__municipality__name=ELSEWHERE)
            .first()
        )
        self.mentor = self.pair.mentor
        self.session = MentoringSession.objects.filter(mentorship=self.pair).first()
        self.activity = Activity.objects.first()
        self.version = RegulationVersion.objects.order_by("number").first()
        self.work_record = self.nomination.candidate.work_records.first()
        self.document_template = DocumentTemplate.objects.order_by("kind", "version").first()

        _onboarding_world(self)
        _orders_world(self)
        _work_world(self)
        _practice_world(self)
        _monitoring_world(self)


def _practice_world(world: "World") -> None:
    """Practice asked of a head no persona is, the bank's practice, a request for a talk."""
    from development.models import GoodPractice, PlanItem, SupportRequest

    asked = PlanItem.objects.exclude(practice_confirmer=None).exclude(
        practice_confirmer__username__in=SIGNED_IN
    )
    world.asked_item = asked.first()
    # The demo candidate's own practice in the bank: she may withdraw it, nobody else may.
    world.good_practice = GoodPractice.objects.get(
        item__plan__membership__candidate__user__username="candidate"
    )
    world.support = SupportRequest.objects.create(
        user=world.membership.candidate.user,
        municipality=world.membership.municipality,
        contact="+7 (3532) 00-00-00",
    )


def _work_world(world: "World") -> None:
    """A file of written work handed in by the participant out of reach (the demo has none)."""
    from assessment.models import WorkFile, WorkSubmission

    submission, _ = WorkSubmission.objects.get_or_create(
        participant=world.participant, campaign_instrument=world.instrument
    )
    world.work_file = WorkFile.objects.create(
        submission=submission,
        file="assessment/work/2026/11/kejs.pdf",
        original_name="Кейс.pdf",
        content_type="application/pdf",
        size=1,
        sha256="0" * 64,
    )


def _work_file(world: World) -> dict:
    return {**_participant_item(world), "pk": world.work_file.pk}


def _orders_world(world: "World") -> None:
    """The orders the demo has none of: an approval, an exclusion and an extension."""
    import datetime

    from candidates.models import MembershipEvent, ReserveMembership
    from governance.models import Order

    def order(kind: str, number: str) -> Order:
        return Order.objects.create(
            number=number,
            date=datetime.date(2026, 11, 2),
            kind=kind,
            title="Приказ для проверки доступа",
            signatory_name="Иванова А. П.",
            signatory_post="министр",
        )

    world.order = order("regulation", "М-1")
    world.exclusion_order = order("exclusion", "М-2")
    excluded = ReserveMembership.objects.exclude(pk=world.membership.pk).first()
    ReserveMembership.objects.filter(pk=excluded.pk).update(
        status="excluded", exclusion_ground="own_request", exclusion_order=world.exclusion_order
    )
    MembershipEvent.objects.create(
        membership=world.membership,
        action="extend",
        from_status="active",
        to_status="active",
        old_term_ends_on=world.membership.term_ends_on,
        new_term_ends_on=world.membership.term_ends_on + datetime.timedelta(days=365),
        order=order("extension", "М-3"),
        decision_item=world.held_meeting.agenda_items.first(),
    )


def _onboarding_world(world: "World") -> None:
    """The appointment stage's demo happens in город Оренбург (one vacancy in Орск)."""
    from onboarding.appointments.models import Appointment
    from onboarding.induction.models import InductionTemplate
    from onboarding.shortlists.models import Offer, ShortlistEntry
    from onboarding.vacancies.models import Vacancy
    from registry.models import Organization

    world.vacancy = Vacancy.objects.filter(
        organization__municipality__name=COORDINATOR_MUNICIPALITY, shortlist__isnull=False
    ).first()
    world.entry = ShortlistEntry.objects.filter(vacancy=world.vacancy).first()
    world.offer = Offer.objects.filter(status="offered").first()
    world.refused = Offer.objects.filter(status="refused").first()
    world.appointment = Appointment.objects.first()
    world.induction = world.appointment.induction_plan
    world.checkpoint = world.induction.checkpoints.first()
    world.task = world.checkpoint.tasks.first()
    world.template = InductionTemplate.objects.filter(tasks__isnull=False).first()
    world.forecast_organization = Organization.objects.filter(
        municipality__name=COORDINATOR_MUNICIPALITY
    ).first()


def _monitoring_world(world: "World") -> None:
    """A roadmap item, a half-yearly report elsewhere (not a demo mentee's), a stranger's notice."""
    from accounts.models import Notification
    from governance.models import RoadmapItem
    from monitoring.models import HalfYearReport
    from registry.models import Municipality

    world.roadmap_item = RoadmapItem.objects.order_by("number").first()
    from candidates.models import ReserveMembership

    # A reservist of a third municipality whom no demo persona mentors or is.
    membership = (
        ReserveMembership.objects.filter(municipality__name=ELSEWHERE)
        .exclude(mentorships__mentor__user__username=MENTOR)
        .exclude(candidate__user__username=CANDIDATE)
        .first()
    )
    world.report = HalfYearReport.objects.create(
        membership=membership,
        due_on=datetime.date(2026, 7, 1),
        period_start=datetime.date(2025, 12, 11),
        status="submitted",
        done="Прошёл курс.",
    )
    world.elsewhere = Municipality.objects.get(name=ELSEWHERE)
    stranger = User.objects.exclude(username__in=SIGNED_IN).filter(is_active=True).first()
    world.notification = Notification.objects.create(
        user=stranger, text="Чужое уведомление", kind="test", url="/"
    )


def _pk(attribute: str, name: str = "pk") -> Callable[[World], dict]:
    return lambda world: {name: getattr(world, attribute).pk}


def _participant_item(world: World) -> dict:
    return {"participant_pk": world.participant.pk, "item_pk": world.instrument.pk}


def _plan_item(world: World) -> dict:
    return {"pk": world.plan.pk, "item_pk": world.plan_item.pk}


KWARGS: dict[str, Callable[[World], dict]] = {
    "accounts:notification_open": _pk("notification"),
    "roadmap:item": _pk("roadmap_item"),
    "monitoring:indicator": lambda w: {"code": "reserve_size"},
    "monitoring:strategic_summary_file": lambda w: {"fmt": "xlsx"},
    "monitoring:municipal_report": lambda w: {
        "pk": w.elsewhere.pk,
        "year": 2026,
        "half": 1,
        "fmt": "xlsx",
    },
    "monitoring:annual_report": lambda w: {"year": 2026, "fmt": "xlsx"},
    "monitoring:report_begin": lambda w: {
        "membership_pk": w.membership.pk,
        "due_on": w.report.due_on.isoformat(),
    },
    "monitoring:report": _pk("report"),
    "accounts:password_reset_confirm": lambda w: {"uidb64": "MTIz", "token": "set-password"},
    "registry:organization_detail": _pk("organization"),
    "candidates:applicant_nomination": _pk("nomination"),
    "candidates:applicant_submit": _pk("nomination"),
    "candidates:applicant_profile": _pk("nomination"),
    "candidates:applicant_consent": _pk("nomination"),
    "candidates:applicant_consent_withdraw": _pk("nomination"),
    "candidates:applicant_documents": _pk("nomination"),
    "candidates:applicant_document_delete": lambda w: {
        "pk": w.nomination.pk,
        "document_pk": w.document.pk,
    },
    "candidates:applicant_education": _pk("nomination"),
    "candidates:applicant_dpo": _pk("nomination"),
    "candidates:applicant_work": _pk("nomination"),
    "candidates:applicant_record_edit": lambda w: {
        "pk": w.education.candidate.nominations.first().pk,
        "section": "education",
        "record_pk": w.education.pk,
    },
    "candidates:applicant_record_delete": lambda w: {
        "pk": w.education.candidate.nominations.first().pk,
        "section": "education",
        "record_pk": w.education.pk,
    },
    "candidates:document_download": _pk("document"),
    "candidates:staff_nomination": _pk("nomination"),
    "candidates:staff_nomination_transition": _pk("nomination"),
    "candidates:staff_document_check": lambda w: {
        "pk": w.nomination.pk,
        "document_pk": w.document.pk,
    },
    "candidates:staff_eligibility_check": _pk("nomination"),
    "candidates:staff_eligibility_override": lambda w: {
        "pk": w.check.nomination_id,
        "check_pk": w.check.pk,
    },
    "candidates:staff_municipal_decide": _pk("nomination"),
    "candidates:staff_work_verify": lambda w: {
        "pk": w.nomination.pk,
        "record_pk": w.work_record.pk,
    },
    "candidates:staff_document_disqualifying": lambda w: {
        "pk": w.nomination.pk,
        "document_pk": w.document.pk,
    },
    "candidates:staff_refuse_below_pass_mark": _pk("nomination"),
    "candidates:staff_name_forms": _pk("nomination"),
    "candidates:meeting_detail": _pk("meeting"),
    "candidates:agenda_add": _pk("meeting"),
    "candidates:agenda_add_extension": _pk("meeting"),
    "candidates:meeting_open": _pk("meeting"),
    "candidates:meeting_attendance": _pk("meeting"),
    "candidates:meeting_close": _pk("meeting"),
    "candidates:meeting_protocol_docx": _pk("held_meeting"),
    "candidates:meeting_order_record": _pk("held_meeting"),
    "candidates:meeting_order_docx": _pk("held_meeting"),
    "candidates:meeting_extension_order_record": _pk("held_meeting"),
    "candidates:meeting_extension_order_docx": _pk("held_meeting"),
    "candidates:exclusion_order_docx": _pk("exclusion_order"),
    "candidates:agenda_vote": _pk("item"),
    "candidates:agenda_decide": _pk("item"),
    "candidates:membership_detail": _pk("membership"),
    "candidates:membership_exclude": _pk("membership"),
    "candidates:membership_extension_propose": _pk("membership"),
    "assessment:self_assessment": _participant_item,
    "assessment:self_assessment_autosave": _participant_item,
    "assessment:test": _participant_item,
    "assessment:test_start": _participant_item,
    "assessment:test_save": _participant_item,
    "assessment:test_submit": _participant_item,
    "assessment:feedback": _participant_item,
    "assessment:task": _participant_item,
    "assessment:feedback_form": lambda w: {"token": "no-such-invitation"},
    "assessment:work_save": _participant_item,
    "development:practice_review": _pk("asked_item", "item_pk"),
    "development:practice_confirm": _pk("asked_item", "item_pk"),
    "development:practice_return": _pk("asked_item", "item_pk"),
    "development:completion_confirm": _pk("asked_item", "item_pk"),
    "development:practice_detail": _pk("good_practice"),
    "development:practice_bank_review": _pk("good_practice"),
    "development:practice_withdraw": _pk("good_practice"),
    "development:practice_propose": _pk("plan_item", "item_pk"),
    "development:support_request_done": _pk("support"),
    "assessment:work_autosave": _participant_item,
    "assessment:work_file_upload": _participant_item,
    "assessment:work_file_download": _work_file,
    "assessment:work_file_delete": _work_file,
    "assessment:expert_work_file": lambda w: {"pk": w.assignment.pk, "file_pk": w.work_file.pk},
    "assessment:campaign_progress": _pk("campaign"),
    "assessment:campaign_edit": _pk("campaign"),
    "assessment:campaign_cohort": _pk("campaign"),
    "assessment:participant_remove": lambda w: {
        "pk": w.campaign.pk,
        "participant_pk": w.participant.pk,
    },
    "assessment:campaign_status": lambda w: {"pk": w.campaign.pk, "action": "close"},
    "assessment:campaign_remind": _pk("campaign"),
    "assessment:campaign_recompute": _pk("campaign"),
    "assessment:test_attempt_void": lambda w: {
        "pk": w.attempt.participant.campaign_id,
        "attempt_pk": w.attempt.pk,
    },
    "assessment:campaign_ranking": _pk("campaign"),
    "assessment:campaign_ranking_export": _pk("campaign"),
    "assessment:campaign_experts": _pk("campaign"),
    "assessment:expert_assign": lambda w: {
        "pk": w.campaign.pk,
        "participant_pk": w.participant.pk,
        "ci_pk": w.instrument.pk,
    },
    "assessment:expert_unassign": lambda w: {
        "pk": w.assignment.participant.campaign_id,
        "assignment_pk": w.assignment.pk,
    },
    "assessment:calibration": _pk("campaign"),
    "assessment:calibration_decide": lambda w: {
        "pk": w.campaign.pk,
        "participant_pk": w.participant.pk,
        "ci_pk": w.instrument.pk,
        "criterion_pk": w.criterion.pk,
    },
    "assessment:expert_assignment": _pk("assignment"),
    "assessment:expert_declare": _pk("assignment"),
    "assessment:expert_rate": _pk("assignment"),
    "assessment:result_detail": _pk("participant"),
    "assessment:result_evidence": lambda w: {"pk": w.participant.pk, "ci_pk": w.instrument.pk},
    "assessment:result_download": _pk("participant"),
    "assessment:result_complete": _pk("participant"),
    "assessment:talent_person": _pk("participant"),
    "assessment:talent_rate": _pk("participant"),
    "assessment:talent_note": _pk("participant"),
    "development:activity_detail": _pk("activity"),
    "development:plan_generate_for": _pk("membership", "membership_pk"),
    "development:plan_detail": _pk("plan"),
    "development:plan_submit": _pk("plan"),
    "development:plan_approve": _pk("plan"),
    "development:plan_return": _pk("plan"),
    "development:plan_start": _pk("plan"),
    "development:plan_close": _pk("plan"),
    "development:item_add": _pk("plan"),
    "development:item_detail": _plan_item,
    "development:item_redate": _plan_item,
    "development:item_remove": _plan_item,
    "development:item_start": _plan_item,
    "development:item_completion": _plan_item,
    "development:item_practice": _plan_item,
    "development:evidence_download": lambda w: {
        "pk": w.evidence_item.plan_id,
        "item_pk": w.evidence_item.pk,
        "kind": "completion",
    },
    "development:mentor_detail": _pk("mentor"),
    "development:mentor_edit": _pk("mentor"),
    "development:match_detail": _pk("membership"),
    "development:match_propose": _pk("membership"),
    "development:pair_detail": _pk("pair"),
    "development:pair_confirm": _pk("pair"),
    "development:pair_end": _pk("pair"),
    "development:session_create": _pk("pair"),
    "development:session_edit": _pk("session"),
    "development:session_answer": _pk("session"),
    "governance:version_detail": lambda w: {"number": w.version.number},
    "governance:version_document": lambda w: {"number": w.version.number},
    "governance:order_document": _pk("order"),
    "governance:template_detail": lambda w: {"code": w.document_template.kind},
    "governance:template_download": lambda w: {
        "code": w.document_template.kind,
        "version": w.document_template.version,
    },
    "governance:template_restore": lambda w: {
        "code": w.document_template.kind,
        "version": w.document_template.version,
    },
    "onboarding:appointment_detail": _pk("appointment"),
    "onboarding:attestation": _pk("appointment"),
    "onboarding:appointment_order": _pk("appointment"),
    "onboarding:appointment_make": _pk("appointment"),
    "onboarding:appointment_cancel": _pk("appointment"),
    "onboarding:order_download": _pk("appointment"),
    "onboarding:induction_detail": _pk("induction"),
    "onboarding:induction_task": lambda w: {"pk": w.induction.pk, "task_pk": w.task.pk},
    "onboarding:induction_checkpoint": lambda w: {
        "pk": w.induction.pk,
        "checkpoint_pk": w.checkpoint.pk,
    },
    "onboarding:induction_mentor": _pk("induction"),
    "onboarding:induction_probation": _pk("induction"),
    "onboarding:induction_template": lambda w: {"kind": w.template.organization_kind},
    "onboarding:induction_template_task": lambda w: {
        "kind": w.template.organization_kind,
        "task_pk": w.template.tasks.first().pk,
    },
    "onboarding:induction_template_task_delete": lambda w: {
        "kind": w.template.organization_kind,
        "task_pk": w.template.tasks.first().pk,
    },
    "onboarding:shortlist_build": _pk("vacancy"),
    "onboarding:shortlist_move": lambda w: {"pk": w.vacancy.pk, "entry_pk": w.entry.pk},
    "onboarding:offer_make": lambda w: {"pk": w.vacancy.pk, "entry_pk": w.entry.pk},
    "onboarding:refusals_exclusion": lambda w: {
        "pk": w.refused.vacancy_id,
        "membership_pk": w.refused.membership_id,
    },
    "onboarding:offer_withdraw": _pk("offer"),
    "onboarding:offer_answer": _pk("offer"),
    "onboarding:vacancy_detail": _pk("vacancy"),
    "onboarding:vacancy_close": _pk("vacancy"),
    "onboarding:forecast_vacancy": _pk("forecast_organization"),
}

RULES: dict[str, Rule] = {
    # The appointment stage: its demo objects are in город Оренбург (Орск's coordinator is out).
    "onboarding:vacancy_list": Rule(reach=TERRITORY, kwargs=KWARGS.get("onboarding:vacancy_list")),
    "onboarding:vacancy_create": Rule(
        reach=TERRITORY, kwargs=KWARGS.get("onboarding:vacancy_create")
    ),
    "onboarding:vacancy_detail": Rule(
        reach=REGION | {COORDINATOR}, kwargs=KWARGS.get("onboarding:vacancy_detail")
    ),
    "onboarding:vacancy_close": Rule(
        reach=NOBODY, kwargs=KWARGS.get("onboarding:vacancy_close"), method="POST"
    ),
    "onboarding:forecast": Rule(reach=TERRITORY, kwargs=KWARGS.get("onboarding:forecast")),
    "onboarding:forecast_vacancy": Rule(
        reach=REGION, kwargs=KWARGS.get("onboarding:forecast_vacancy"), method="POST"
    ),
    "onboarding:coverage": Rule(reach=TERRITORY, kwargs=KWARGS.get("onboarding:coverage")),
    "onboarding:shortlist_build": Rule(
        reach=NOBODY, kwargs=KWARGS.get("onboarding:shortlist_build"), method="POST"
    ),
    "onboarding:shortlist_move": Rule(
        reach=NOBODY, kwargs=KWARGS.get("onboarding:shortlist_move"), method="POST"
    ),
    "onboarding:offer_make": Rule(
        reach=NOBODY, kwargs=KWARGS.get("onboarding:offer_make"), method="POST"
    ),
    "onboarding:refusals_exclusion": Rule(
        reach=NOBODY, kwargs=KWARGS.get("onboarding:refusals_exclusion")
    ),
    "onboarding:offer_withdraw": Rule(
        reach=frozenset({COORDINATOR}),
        kwargs=KWARGS.get("onboarding:offer_withdraw"),
        method="POST",
    ),
    "onboarding:my_onboarding": Rule(
        reach=frozenset({CANDIDATE}), kwargs=KWARGS.get("onboarding:my_onboarding")
    ),
    "onboarding:offer_answer": Rule(
        reach=frozenset({CANDIDATE}), kwargs=KWARGS.get("onboarding:offer_answer")
    ),
    "onboarding:relocation": Rule(
        reach=frozenset({CANDIDATE}), kwargs=KWARGS.get("onboarding:relocation"), method="POST"
    ),
    "onboarding:appointment_list": Rule(
        reach=TERRITORY, kwargs=KWARGS.get("onboarding:appointment_list")
    ),
    "onboarding:appointment_detail": Rule(
        reach=REGION | {COORDINATOR}, kwargs=KWARGS.get("onboarding:appointment_detail")
    ),
    "onboarding:attestation": Rule(
        reach=NOBODY, kwargs=KWARGS.get("onboarding:attestation"), method="POST"
    ),
    "onboarding:appointment_order": Rule(
        reach=NOBODY, kwargs=KWARGS.get("onboarding:appointment_order"), method="POST"
    ),
    "onboarding:appointment_make": Rule(
        reach=NOBODY, kwargs=KWARGS.get("onboarding:appointment_make"), method="POST"
    ),
    "onboarding:appointment_cancel": Rule(
        reach=NOBODY, kwargs=KWARGS.get("onboarding:appointment_cancel"), method="POST"
    ),
    "onboarding:order_download": Rule(
        reach=REGION | {COORDINATOR}, kwargs=KWARGS.get("onboarding:order_download")
    ),
    "onboarding:induction_list": Rule(
        reach=TERRITORY | {MENTOR}, kwargs=KWARGS.get("onboarding:induction_list")
    ),
    "onboarding:my_induction": Rule(
        reach=frozenset({CANDIDATE}), kwargs=KWARGS.get("onboarding:my_induction")
    ),
    "onboarding:induction_detail": Rule(
        reach=REGION | {COORDINATOR}, kwargs=KWARGS.get("onboarding:induction_detail")
    ),
    "onboarding:induction_task": Rule(
        reach=REGION, kwargs=KWARGS.get("onboarding:induction_task"), method="POST"
    ),
    "onboarding:induction_checkpoint": Rule(
        reach=REGION, kwargs=KWARGS.get("onboarding:induction_checkpoint"), method="POST"
    ),
    "onboarding:induction_mentor": Rule(
        reach=REGION, kwargs=KWARGS.get("onboarding:induction_mentor"), method="POST"
    ),
    "onboarding:induction_probation": Rule(
        reach=REGION, kwargs=KWARGS.get("onboarding:induction_probation"), method="POST"
    ),
    "onboarding:induction_templates": Rule(
        reach=REGION, kwargs=KWARGS.get("onboarding:induction_templates")
    ),
    "onboarding:induction_template": Rule(
        reach=REGION, kwargs=KWARGS.get("onboarding:induction_template")
    ),
    "onboarding:induction_template_task": Rule(
        reach=REGION, kwargs=KWARGS.get("onboarding:induction_template_task")
    ),
    "onboarding:induction_template_task_delete": Rule(
        reach=frozenset({ADMIN}),
        kwargs=KWARGS.get("onboarding:induction_template_task_delete"),
        method="POST",
    ),
    "home": Rule(reach=EVERYONE, kwargs=KWARGS.get("home")),
    "accounts:login": Rule(reach=EVERYONE, kwargs=KWARGS.get("accounts:login"), anonymous="reach"),
    "accounts:logout": Rule(reach=EVERYONE, kwargs=KWARGS.get("accounts:logout"), method="POST"),
    "accounts:two_factor": Rule(
        reach=TERRITORY | {EXPERT}, kwargs=KWARGS.get("accounts:two_factor")
    ),
    "accounts:two_factor_setup": Rule(
        reach=TERRITORY | {EXPERT}, kwargs=KWARGS.get("accounts:two_factor_setup")
    ),
    "accounts:two_factor_backup_codes": Rule(
        reach=TERRITORY | {EXPERT},
        kwargs=KWARGS.get("accounts:two_factor_backup_codes"),
        method="POST",
    ),
    "accounts:password_change": Rule(reach=EVERYONE, kwargs=KWARGS.get("accounts:password_change")),
    "accounts:password_change_done": Rule(
        reach=EVERYONE, kwargs=KWARGS.get("accounts:password_change_done")
    ),
    "accounts:password_reset": Rule(
        reach=EVERYONE, kwargs=KWARGS.get("accounts:password_reset"), anonymous="reach"
    ),
    "accounts:password_reset_done": Rule(
        reach=EVERYONE, kwargs=KWARGS.get("accounts:password_reset_done"), anonymous="reach"
    ),
    "accounts:password_reset_confirm": Rule(
        reach=EVERYONE, kwargs=KWARGS.get("accounts:password_reset_confirm"), anonymous="reach"
    ),
    "accounts:password_reset_complete": Rule(
        reach=EVERYONE, kwargs=KWARGS.get("accounts:password_reset_complete"), anonymous="reach"
    ),
    "accounts:home_admin": Rule(reach=frozenset({ADMIN}), kwargs=KWARGS.get("accounts:home_admin")),
    "accounts:home_ministry": Rule(
        reach=frozenset({MINISTRY}), kwargs=KWARGS.get("accounts:home_ministry")
    ),
    "accounts:home_municipal": Rule(
        reach=frozenset({COORDINATOR, ORSK}), kwargs=KWARGS.get("accounts:home_municipal")
    ),
    "accounts:home_expert": Rule(
        reach=frozenset({EXPERT}), kwargs=KWARGS.get("accounts:home_expert")
    ),
    "accounts:home_mentor": Rule(
        reach=frozenset({MENTOR}), kwargs=KWARGS.get("accounts:home_mentor")
    ),
    "accounts:home_candidate": Rule(
        reach=frozenset({CANDIDATE}), kwargs=KWARGS.get("accounts:home_candidate")
    ),
    "registry:organization_list": Rule(
        reach=TERRITORY, kwargs=KWARGS.get("registry:organization_list")
    ),
    "registry:organization_export": Rule(
        reach=TERRITORY, kwargs=KWARGS.get("registry:organization_export")
    ),
    # The organization picker's suggestions: whoever fills forms that name an organization.
    "registry:organization_lookup": Rule(reach=TERRITORY | {CANDIDATE}),
    "registry:organization_detail": Rule(
        reach=REGION, kwargs=KWARGS.get("registry:organization_detail")
    ),
    # Without a registration in the session: back to the form, for everyone.
    "candidates:applicant_register_sent": Rule(reach=EVERYONE, anonymous="reach"),
    # A link that is not one: the same refusal for everyone.
    "candidates:applicant_activate": Rule(
        reach=NOBODY,
        kwargs=lambda world: {"uidb64": "MTIz", "token": "not-a-token"},
        denied=400,
        anonymous="400",
    ),
    "candidates:applicant_register": Rule(
        reach=EVERYONE, kwargs=KWARGS.get("candidates:applicant_register"), anonymous="reach"
    ),
    "candidates:applicant_nominations": Rule(
        reach=frozenset({CANDIDATE}), kwargs=KWARGS.get("candidates:applicant_nominations")
    ),
    "candidates:applicant_nomination": Rule(
        reach=NOBODY, kwargs=KWARGS.get("candidates:applicant_nomination")
    ),
    "candidates:applicant_submit": Rule(
        reach=NOBODY, kwargs=KWARGS.get("candidates:applicant_submit"), method="POST"
    ),
    "candidates:applicant_profile": Rule(
        reach=NOBODY, kwargs=KWARGS.get("candidates:applicant_profile")
    ),
    "candidates:applicant_consent": Rule(
        reach=NOBODY, kwargs=KWARGS.get("candidates:applicant_consent")
    ),
    "candidates:applicant_consent_withdraw": Rule(
        reach=NOBODY, kwargs=KWARGS.get("candidates:applicant_consent_withdraw")
    ),
    "candidates:applicant_documents": Rule(
        reach=NOBODY, kwargs=KWARGS.get("candidates:applicant_documents")
    ),
    "candidates:applicant_document_delete": Rule(
        reach=NOBODY, kwargs=KWARGS.get("candidates:applicant_document_delete"), method="POST"
    ),
    "candidates:applicant_education": Rule(
        reach=NOBODY, kwargs=KWARGS.get("candidates:applicant_education")
    ),
    "candidates:applicant_dpo": Rule(reach=NOBODY, kwargs=KWARGS.get("candidates:applicant_dpo")),
    "candidates:applicant_work": Rule(reach=NOBODY, kwargs=KWARGS.get("candidates:applicant_work")),
    "candidates:applicant_record_edit": Rule(
        reach=NOBODY, kwargs=KWARGS.get("candidates:applicant_record_edit")
    ),
    "candidates:applicant_record_delete": Rule(
        reach=NOBODY, kwargs=KWARGS.get("candidates:applicant_record_delete"), method="POST"
    ),
    "candidates:document_download": Rule(
        reach=REGION, kwargs=KWARGS.get("candidates:document_download")
    ),
    "candidates:pipeline": Rule(reach=TERRITORY, kwargs=KWARGS.get("candidates:pipeline")),
    "candidates:pipeline_export": Rule(
        reach=TERRITORY, kwargs=KWARGS.get("candidates:pipeline_export")
    ),
    "candidates:staff_nomination": Rule(
        reach=REGION, kwargs=KWARGS.get("candidates:staff_nomination")
    ),
    "candidates:staff_nomination_transition": Rule(
        reach=REGION, kwargs=KWARGS.get("candidates:staff_nomination_transition"), method="POST"
    ),
    "candidates:staff_document_check": Rule(
        reach=REGION, kwargs=KWARGS.get("candidates:staff_document_check"), method="POST"
    ),
    "candidates:staff_eligibility_check": Rule(
        reach=REGION, kwargs=KWARGS.get("candidates:staff_eligibility_check"), method="POST"
    ),
    "candidates:staff_eligibility_override": Rule(
        reach=REGION, kwargs=KWARGS.get("candidates:staff_eligibility_override"), method="POST"
    ),
    # The municipality's согласование: only the coordinator of the nomination's municipality
    # (Бузулук here: neither demo coordinator), never the ministry.
    "candidates:staff_municipal_decide": Rule(
        reach=NOBODY, kwargs=KWARGS.get("candidates:staff_municipal_decide"), method="POST"
    ),
    "candidates:staff_work_verify": Rule(
        reach=REGION, kwargs=KWARGS.get("candidates:staff_work_verify"), method="POST"
    ),
    "candidates:staff_document_disqualifying": Rule(
        reach=REGION, kwargs=KWARGS.get("candidates:staff_document_disqualifying"), method="POST"
    ),
    "candidates:staff_refuse_below_pass_mark": Rule(
        reach=REGION, kwargs=KWARGS.get("candidates:staff_refuse_below_pass_mark"), method="POST"
    ),
    "candidates:staff_name_forms": Rule(
        reach=REGION, kwargs=KWARGS.get("candidates:staff_name_forms"), method="POST"
    ),
    "candidates:nominate": Rule(reach=TERRITORY, kwargs=KWARGS.get("candidates:nominate")),
    "candidates:bulk_nominate": Rule(
        reach=TERRITORY, kwargs=KWARGS.get("candidates:bulk_nominate")
    ),
    "candidates:bulk_nominate_template": Rule(
        reach=TERRITORY, kwargs=KWARGS.get("candidates:bulk_nominate_template")
    ),
    "candidates:bulk_nominate_confirm": Rule(
        reach=TERRITORY, kwargs=KWARGS.get("candidates:bulk_nominate_confirm"), method="POST"
    ),
    "candidates:commission_list": Rule(
        reach=REGION | {EXPERT}, kwargs=KWARGS.get("candidates:commission_list")
    ),
    "candidates:meeting_list": Rule(
        reach=REGION | {EXPERT}, kwargs=KWARGS.get("candidates:meeting_list")
    ),
    "candidates:meeting_create": Rule(
        reach=REGION, kwargs=KWARGS.get("candidates:meeting_create"), method="POST"
    ),
    "candidates:meeting_detail": Rule(
        reach=REGION | {EXPERT}, kwargs=KWARGS.get("candidates:meeting_detail")
    ),
    "candidates:agenda_add": Rule(
        reach=REGION, kwargs=KWARGS.get("candidates:agenda_add"), method="POST"
    ),
    "candidates:agenda_add_extension": Rule(
        reach=REGION, kwargs=KWARGS.get("candidates:agenda_add_extension"), method="POST"
    ),
    "candidates:meeting_open": Rule(
        reach=NOBODY, kwargs=KWARGS.get("candidates:meeting_open"), method="POST"
    ),
    "candidates:meeting_attendance": Rule(
        reach=NOBODY, kwargs=KWARGS.get("candidates:meeting_attendance"), method="POST"
    ),
    "candidates:meeting_close": Rule(
        reach=frozenset({MINISTRY}), kwargs=KWARGS.get("candidates:meeting_close"), method="POST"
    ),
    "candidates:meeting_protocol_docx": Rule(
        reach=REGION | {EXPERT}, kwargs=KWARGS.get("candidates:meeting_protocol_docx")
    ),
    "candidates:meeting_order_record": Rule(
        reach=REGION, kwargs=KWARGS.get("candidates:meeting_order_record"), method="POST"
    ),
    "candidates:meeting_order_docx": Rule(
        reach=REGION, kwargs=KWARGS.get("candidates:meeting_order_docx")
    ),
    "candidates:meeting_extension_order_record": Rule(
        reach=REGION, kwargs=KWARGS.get("candidates:meeting_extension_order_record"), method="POST"
    ),
    "candidates:meeting_extension_order_docx": Rule(
        reach=REGION, kwargs=KWARGS.get("candidates:meeting_extension_order_docx")
    ),
    "candidates:exclusion_order_docx": Rule(
        reach=REGION, kwargs=KWARGS.get("candidates:exclusion_order_docx")
    ),
    # Only members vote: the demo ministry specialist chairs the commission, the expert sits.
    "candidates:agenda_vote": Rule(
        reach=frozenset({MINISTRY, EXPERT}),
        kwargs=KWARGS.get("candidates:agenda_vote"),
        method="POST",
    ),
    "candidates:agenda_decide": Rule(
        reach=frozenset({MINISTRY}), kwargs=KWARGS.get("candidates:agenda_decide"), method="POST"
    ),
    "candidates:membership_list": Rule(
        reach=TERRITORY, kwargs=KWARGS.get("candidates:membership_list")
    ),
    "candidates:membership_detail": Rule(
        reach=REGION, kwargs=KWARGS.get("candidates:membership_detail")
    ),
    "candidates:membership_exclude": Rule(
        reach=REGION, kwargs=KWARGS.get("candidates:membership_exclude"), method="POST"
    ),
    "candidates:membership_extension_propose": Rule(
        reach=REGION, kwargs=KWARGS.get("candidates:membership_extension_propose"), method="POST"
    ),
    "assessment:my_assessment": Rule(
        reach=frozenset({CANDIDATE}), kwargs=KWARGS.get("assessment:my_assessment")
    ),
    "assessment:self_assessment": Rule(
        reach=NOBODY, kwargs=KWARGS.get("assessment:self_assessment")
    ),
    "assessment:self_assessment_autosave": Rule(
        reach=NOBODY, kwargs=KWARGS.get("assessment:self_assessment_autosave"), method="POST"
    ),
    "assessment:test": Rule(reach=NOBODY, kwargs=KWARGS.get("assessment:test")),
    "assessment:test_start": Rule(
        reach=NOBODY, kwargs=KWARGS.get("assessment:test_start"), method="POST"
    ),
    "assessment:test_save": Rule(
        reach=NOBODY, kwargs=KWARGS.get("assessment:test_save"), method="POST"
    ),
    "assessment:test_submit": Rule(
        reach=NOBODY, kwargs=KWARGS.get("assessment:test_submit"), method="POST"
    ),
    "assessment:feedback": Rule(reach=NOBODY, kwargs=KWARGS.get("assessment:feedback")),
    "assessment:task": Rule(reach=NOBODY, kwargs=KWARGS.get("assessment:task")),
    "assessment:feedback_thanks": Rule(
        reach=EVERYONE, kwargs=KWARGS.get("assessment:feedback_thanks"), anonymous="reach"
    ),
    "assessment:feedback_form": Rule(
        reach=NOBODY, kwargs=KWARGS.get("assessment:feedback_form"), anonymous="404"
    ),
    # Written work: only the participant themself (the demo candidate is not this one).
    "assessment:work_save": Rule(
        reach=NOBODY, kwargs=KWARGS.get("assessment:work_save"), method="POST"
    ),
    "assessment:work_autosave": Rule(
        reach=NOBODY, kwargs=KWARGS.get("assessment:work_autosave"), method="POST"
    ),
    "assessment:work_file_upload": Rule(
        reach=NOBODY, kwargs=KWARGS.get("assessment:work_file_upload"), method="POST"
    ),
    "assessment:work_file_download": Rule(
        reach=NOBODY, kwargs=KWARGS.get("assessment:work_file_download")
    ),
    "assessment:work_file_delete": Rule(
        reach=NOBODY, kwargs=KWARGS.get("assessment:work_file_delete"), method="POST"
    ),
    # Only the expert of the assignment (not the demo expert's), after the declaration.
    "assessment:expert_work_file": Rule(
        reach=NOBODY, kwargs=KWARGS.get("assessment:expert_work_file")
    ),
    "assessment:bank_import": Rule(reach=REGION, kwargs=KWARGS.get("assessment:bank_import")),
    "assessment:bank_import_confirm": Rule(
        reach=REGION, kwargs=KWARGS.get("assessment:bank_import_confirm"), method="POST"
    ),
    "assessment:bank_template": Rule(reach=REGION, kwargs=KWARGS.get("assessment:bank_template")),
    "assessment:campaign_list": Rule(
        reach=TERRITORY, kwargs=KWARGS.get("assessment:campaign_list")
    ),
    "assessment:campaign_create": Rule(
        reach=REGION, kwargs=KWARGS.get("assessment:campaign_create")
    ),
    "assessment:campaign_progress": Rule(
        reach=TERRITORY, kwargs=KWARGS.get("assessment:campaign_progress")
    ),
    "assessment:campaign_edit": Rule(reach=REGION, kwargs=KWARGS.get("assessment:campaign_edit")),
    "assessment:campaign_cohort": Rule(
        reach=REGION, kwargs=KWARGS.get("assessment:campaign_cohort")
    ),
    "assessment:participant_remove": Rule(
        reach=REGION, kwargs=KWARGS.get("assessment:participant_remove"), method="POST"
    ),
    "assessment:campaign_status": Rule(
        reach=REGION, kwargs=KWARGS.get("assessment:campaign_status"), method="POST"
    ),
    "assessment:campaign_remind": Rule(
        reach=REGION, kwargs=KWARGS.get("assessment:campaign_remind"), method="POST"
    ),
    "assessment:campaign_recompute": Rule(
        reach=REGION, kwargs=KWARGS.get("assessment:campaign_recompute"), method="POST"
    ),
    "assessment:test_attempt_void": Rule(
        reach=REGION, kwargs=KWARGS.get("assessment:test_attempt_void"), method="POST"
    ),
    "assessment:campaign_ranking": Rule(
        reach=TERRITORY, kwargs=KWARGS.get("assessment:campaign_ranking")
    ),
    "assessment:campaign_ranking_export": Rule(
        reach=TERRITORY, kwargs=KWARGS.get("assessment:campaign_ranking_export")
    ),
    "assessment:campaign_experts": Rule(
        reach=REGION, kwargs=KWARGS.get("assessment:campaign_experts")
    ),
    "assessment:expert_assign": Rule(
        reach=REGION, kwargs=KWARGS.get("assessment:expert_assign"), method="POST"
    ),
    "assessment:expert_unassign": Rule(
        reach=REGION, kwargs=KWARGS.get("assessment:expert_unassign"), method="POST"
    ),
    "assessment:calibration": Rule(reach=REGION, kwargs=KWARGS.get("assessment:calibration")),
    "assessment:calibration_decide": Rule(
        reach=REGION, kwargs=KWARGS.get("assessment:calibration_decide"), method="POST"
    ),
    "assessment:expert_profiles": Rule(
        reach=REGION, kwargs=KWARGS.get("assessment:expert_profiles")
    ),
    "assessment:expert_home": Rule(
        reach=frozenset({EXPERT}), kwargs=KWARGS.get("assessment:expert_home")
    ),
    "assessment:expert_assignment": Rule(
        reach=NOBODY, kwargs=KWARGS.get("assessment:expert_assignment")
    ),
    "assessment:expert_declare": Rule(
        reach=NOBODY, kwargs=KWARGS.get("assessment:expert_declare"), method="POST"
    ),
    "assessment:expert_rate": Rule(
        reach=NOBODY, kwargs=KWARGS.get("assessment:expert_rate"), method="POST"
    ),
    "assessment:result_detail": Rule(reach=REGION, kwargs=KWARGS.get("assessment:result_detail")),
    "assessment:result_evidence": Rule(
        reach=REGION, kwargs=KWARGS.get("assessment:result_evidence")
    ),
    "assessment:result_download": Rule(
        reach=REGION, kwargs=KWARGS.get("assessment:result_download")
    ),
    "assessment:result_complete": Rule(
        reach=REGION, kwargs=KWARGS.get("assessment:result_complete"), method="POST"
    ),
    "assessment:talent_review": Rule(
        reach=TERRITORY, kwargs=KWARGS.get("assessment:talent_review")
    ),
    "assessment:talent_person": Rule(reach=REGION, kwargs=KWARGS.get("assessment:talent_person")),
    "assessment:talent_rate": Rule(
        reach=REGION, kwargs=KWARGS.get("assessment:talent_rate"), method="POST"
    ),
    "assessment:talent_note": Rule(
        reach=REGION, kwargs=KWARGS.get("assessment:talent_note"), method="POST"
    ),
    "development:programme": Rule(reach=EVERYONE, kwargs=KWARGS.get("development:programme")),
    "development:programme_download": Rule(
        reach=EVERYONE, kwargs=KWARGS.get("development:programme_download")
    ),
    "development:catalogue": Rule(
        reach=TERRITORY | {MENTOR, CANDIDATE}, kwargs=KWARGS.get("development:catalogue")
    ),
    "development:activity_detail": Rule(
        reach=TERRITORY | {MENTOR, CANDIDATE}, kwargs=KWARGS.get("development:activity_detail")
    ),
    "development:catalogue_import": Rule(
        reach=REGION, kwargs=KWARGS.get("development:catalogue_import")
    ),
    "development:catalogue_import_confirm": Rule(
        reach=REGION, kwargs=KWARGS.get("development:catalogue_import_confirm"), method="POST"
    ),
    "development:catalogue_template": Rule(
        reach=REGION, kwargs=KWARGS.get("development:catalogue_template")
    ),
    "development:my_plan": Rule(
        reach=frozenset({CANDIDATE}), kwargs=KWARGS.get("development:my_plan")
    ),
    "development:my_plan_generate": Rule(
        reach=frozenset({CANDIDATE}),
        kwargs=KWARGS.get("development:my_plan_generate"),
        method="POST",
    ),
    "development:plan_list": Rule(
        reach=TERRITORY | {MENTOR}, kwargs=KWARGS.get("development:plan_list")
    ),
    "development:overdue_list": Rule(
        reach=TERRITORY, kwargs=KWARGS.get("development:overdue_list")
    ),
    "development:plan_generate_for": Rule(
        reach=REGION, kwargs=KWARGS.get("development:plan_generate_for"), method="POST"
    ),
    "development:plan_detail": Rule(reach=REGION, kwargs=KWARGS.get("development:plan_detail")),
    "development:plan_submit": Rule(
        reach=NOBODY, kwargs=KWARGS.get("development:plan_submit"), method="POST"
    ),
    "development:plan_approve": Rule(
        reach=NOBODY, kwargs=KWARGS.get("development:plan_approve"), method="POST"
    ),
    "development:plan_return": Rule(
        reach=NOBODY, kwargs=KWARGS.get("development:plan_return"), method="POST"
    ),
    "development:plan_start": Rule(
        reach=NOBODY, kwargs=KWARGS.get("development:plan_start"), method="POST"
    ),
    "development:plan_close": Rule(
        reach=REGION, kwargs=KWARGS.get("development:plan_close"), method="POST"
    ),
    "development:item_add": Rule(reach=NOBODY, kwargs=KWARGS.get("development:item_add")),
    "development:item_detail": Rule(reach=REGION, kwargs=KWARGS.get("development:item_detail")),
    "development:item_redate": Rule(
        reach=NOBODY, kwargs=KWARGS.get("development:item_redate"), method="POST"
    ),
    "development:item_remove": Rule(
        reach=NOBODY, kwargs=KWARGS.get("development:item_remove"), method="POST"
    ),
    "development:item_start": Rule(
        reach=NOBODY, kwargs=KWARGS.get("development:item_start"), method="POST"
    ),
    "development:item_completion": Rule(
        reach=NOBODY, kwargs=KWARGS.get("development:item_completion"), method="POST"
    ),
    "development:item_practice": Rule(
        reach=NOBODY, kwargs=KWARGS.get("development:item_practice"), method="POST"
    ),
    # The demo candidate's own evidence: their coordinator and mentor see it, not Orsk's.
    "development:evidence_download": Rule(
        reach=REGION | {COORDINATOR, MENTOR, CANDIDATE},
        kwargs=KWARGS.get("development:evidence_download"),
    ),
    "development:mentor_list": Rule(reach=TERRITORY, kwargs=KWARGS.get("development:mentor_list")),
    "development:mentor_create": Rule(
        reach=TERRITORY, kwargs=KWARGS.get("development:mentor_create")
    ),
    "development:mentor_detail": Rule(reach=REGION, kwargs=KWARGS.get("development:mentor_detail")),
    "development:mentor_edit": Rule(reach=REGION, kwargs=KWARGS.get("development:mentor_edit")),
    "development:mentor_profile": Rule(
        reach=frozenset({MENTOR}), kwargs=KWARGS.get("development:mentor_profile")
    ),
    "development:match_list": Rule(reach=TERRITORY, kwargs=KWARGS.get("development:match_list")),
    "development:match_detail": Rule(reach=REGION, kwargs=KWARGS.get("development:match_detail")),
    "development:match_propose": Rule(
        reach=REGION, kwargs=KWARGS.get("development:match_propose"), method="POST"
    ),
    "development:matching_bulk": Rule(
        reach=TERRITORY, kwargs=KWARGS.get("development:matching_bulk")
    ),
    "development:pair_list": Rule(reach=TERRITORY, kwargs=KWARGS.get("development:pair_list")),
    "development:pair_detail": Rule(reach=REGION, kwargs=KWARGS.get("development:pair_detail")),
    "development:pair_confirm": Rule(
        reach=REGION, kwargs=KWARGS.get("development:pair_confirm"), method="POST"
    ),
    "development:pair_end": Rule(
        reach=REGION, kwargs=KWARGS.get("development:pair_end"), method="POST"
    ),
    "development:session_create": Rule(
        reach=NOBODY, kwargs=KWARGS.get("development:session_create")
    ),
    "development:session_edit": Rule(reach=NOBODY, kwargs=KWARGS.get("development:session_edit")),
    "development:session_answer": Rule(
        reach=NOBODY, kwargs=KWARGS.get("development:session_answer")
    ),
    "development:mentor_mentees": Rule(
        reach=frozenset({MENTOR}), kwargs=KWARGS.get("development:mentor_mentees")
    ),
    "development:my_mentor": Rule(
        reach=frozenset({CANDIDATE}), kwargs=KWARGS.get("development:my_mentor")
    ),
    "development:mentor_effectiveness": Rule(
        reach=TERRITORY, kwargs=KWARGS.get("development:mentor_effectiveness")
    ),
    "development:mentor_effectiveness_export": Rule(
        reach=TERRITORY, kwargs=KWARGS.get("development:mentor_effectiveness_export")
    ),
    "development:wellbeing": Rule(
        reach=frozenset({MENTOR, CANDIDATE}), kwargs=KWARGS.get("development:wellbeing")
    ),
    "development:wellbeing_consent": Rule(
        reach=frozenset({MENTOR, CANDIDATE}),
        kwargs=KWARGS.get("development:wellbeing_consent"),
        method="POST",
    ),
    "development:wellbeing_answer": Rule(
        reach=frozenset({MENTOR, CANDIDATE}),
        kwargs=KWARGS.get("development:wellbeing_answer"),
        method="POST",
    ),
    "development:wellbeing_withdraw": Rule(
        reach=frozenset({MENTOR, CANDIDATE}),
        kwargs=KWARGS.get("development:wellbeing_withdraw"),
        method="POST",
    ),
    "development:wellbeing_aggregates": Rule(
        reach=TERRITORY, kwargs=KWARGS.get("development:wellbeing_aggregates")
    ),
    # Confirmation of practice: mentors and experts have the page; an item only its named
    # confirmer (here a head who is none of the personas) opens and decides.
    "development:practice_requests": Rule(
        reach=frozenset({MENTOR, EXPERT}), kwargs=KWARGS.get("development:practice_requests")
    ),
    "development:practice_review": Rule(
        reach=NOBODY, kwargs=KWARGS.get("development:practice_review")
    ),
    "development:practice_confirm": Rule(
        reach=NOBODY, kwargs=KWARGS.get("development:practice_confirm"), method="POST"
    ),
    "development:practice_return": Rule(
        reach=NOBODY, kwargs=KWARGS.get("development:practice_return"), method="POST"
    ),
    "development:completion_confirm": Rule(
        reach=NOBODY, kwargs=KWARGS.get("development:completion_confirm"), method="POST"
    ),
    # The bank: everyone reads the published practice; the ministry reviews; its author (the
    # demo candidate) withdraws; only a confirmed item's author proposes.
    "development:practice_bank": Rule(
        reach=EVERYONE, kwargs=KWARGS.get("development:practice_bank")
    ),
    "development:practice_detail": Rule(
        reach=EVERYONE, kwargs=KWARGS.get("development:practice_detail")
    ),
    "development:practice_bank_review": Rule(
        reach=REGION, kwargs=KWARGS.get("development:practice_bank_review"), method="POST"
    ),
    "development:practice_withdraw": Rule(
        reach=frozenset({CANDIDATE}),
        kwargs=KWARGS.get("development:practice_withdraw"),
        method="POST",
    ),
    "development:practice_propose": Rule(
        reach=NOBODY, kwargs=KWARGS.get("development:practice_propose")
    ),
    "development:wellbeing_support": Rule(
        reach=frozenset({MENTOR, CANDIDATE}),
        kwargs=KWARGS.get("development:wellbeing_support"),
        method="POST",
    ),
    "development:support_requests": Rule(
        reach=TERRITORY, kwargs=KWARGS.get("development:support_requests")
    ),
    "development:support_request_done": Rule(
        reach=REGION, kwargs=KWARGS.get("development:support_request_done"), method="POST"
    ),
    "assessment:competency_model": Rule(
        reach=EVERYONE, kwargs=KWARGS.get("assessment:competency_model")
    ),
    "governance:regulation": Rule(reach=EVERYONE, kwargs=KWARGS.get("governance:regulation")),
    "governance:document": Rule(reach=EVERYONE, kwargs=KWARGS.get("governance:document")),
    "governance:version_list": Rule(reach=EVERYONE, kwargs=KWARGS.get("governance:version_list")),
    "governance:version_create": Rule(reach=REGION, kwargs=KWARGS.get("governance:version_create")),
    "governance:version_detail": Rule(
        reach=EVERYONE, kwargs=KWARGS.get("governance:version_detail")
    ),
    "governance:version_document": Rule(
        reach=EVERYONE, kwargs=KWARGS.get("governance:version_document")
    ),
    # A newly published consent text is accepted by whoever is signed in.
    "governance:consent_renew": Rule(reach=EVERYONE, kwargs=KWARGS.get("governance:consent_renew")),
    "governance:consent_texts": Rule(reach=REGION, kwargs=KWARGS.get("governance:consent_texts")),
    "governance:order_list": Rule(reach=REGION, kwargs=KWARGS.get("governance:order_list")),
    "governance:order_document": Rule(reach=REGION, kwargs=KWARGS.get("governance:order_document")),
    "governance:template_list": Rule(reach=REGION, kwargs=KWARGS.get("governance:template_list")),
    "governance:template_detail": Rule(
        reach=REGION, kwargs=KWARGS.get("governance:template_detail")
    ),
    "governance:template_download": Rule(
        reach=REGION, kwargs=KWARGS.get("governance:template_download")
    ),
    "governance:template_restore": Rule(
        reach=REGION, kwargs=KWARGS.get("governance:template_restore"), method="POST"
    ),
    # Notifications: each person's own list; a stranger's notification is nobody else's.
    "accounts:notifications": Rule(reach=EVERYONE),
    "accounts:notifications_read": Rule(reach=EVERYONE, method="POST"),
    "accounts:notification_open": Rule(
        reach=NOBODY, kwargs=KWARGS.get("accounts:notification_open"), method="POST"
    ),
    # The roadmap: read by the ministry and coordinators, changed by the ministry.
    "roadmap:roadmap": Rule(reach=TERRITORY),
    "roadmap:item": Rule(reach=TERRITORY, kwargs=KWARGS.get("roadmap:item")),
    "roadmap:export": Rule(reach=TERRITORY),
    "roadmap:document": Rule(reach=TERRITORY),
    "roadmap:template": Rule(reach=REGION),
    "roadmap:import": Rule(reach=REGION),
    "roadmap:import_confirm": Rule(reach=REGION, method="POST"),
    # Monitoring: the territory's figures; the region's documents for the ministry only.
    "monitoring:indicators": Rule(reach=TERRITORY),
    "monitoring:indicator_export": Rule(reach=TERRITORY),
    "monitoring:indicator": Rule(reach=TERRITORY, kwargs=KWARGS.get("monitoring:indicator")),
    "monitoring:strategic_summary": Rule(reach=REGION),
    "monitoring:strategic_summary_file": Rule(
        reach=REGION, kwargs=KWARGS.get("monitoring:strategic_summary_file")
    ),
    "monitoring:report_documents": Rule(reach=TERRITORY),
    "monitoring:municipal_report": Rule(
        reach=REGION, kwargs=KWARGS.get("monitoring:municipal_report")
    ),
    "monitoring:annual_report": Rule(reach=REGION, kwargs=KWARGS.get("monitoring:annual_report")),
    "monitoring:my_reports": Rule(reach=frozenset({CANDIDATE})),
    "monitoring:report_begin": Rule(
        reach=NOBODY, kwargs=KWARGS.get("monitoring:report_begin"), method="POST"
    ),
    "monitoring:report": Rule(reach=REGION, kwargs=KWARGS.get("monitoring:report")),
    "monitoring:report_list": Rule(reach=TERRITORY),
    "monitoring:mentee_reports": Rule(reach=frozenset({MENTOR})),
}


def _discover() -> list[tuple[str, str]]:
    """Return (URL name, pattern) of every view of the portal but Django's admin."""

    def walk(resolver: URLResolver, namespace: str) -> list[tuple[str, str]]:
        found = []
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                if entry.namespace == "admin":
                    continue
                inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                found += walk(entry, inner)
            elif isinstance(entry, URLPattern) and entry.name:
                found.append((f"{namespace}{entry.name}", str(entry.pattern)))
        return found

    return walk(get_resolver(), "")


@pytest.fixture(scope="module")
def world(migrated_state, django_db_blocker):  # noqa: F811 - the fixture imported above
    """Seed the demo region once; give back the objects the rules are about."""
    with django_db_blocker.unblock():
        call_command("seed_demo", stdout=io.StringIO())
        yield World()
        _restore(migrated_state)


def test_every_view_has_a_rule():
    missing = [name for name, _ in _discover() if name not in RULES]

    assert missing == [], "add a rule to tests/test_access_matrix.py for each new view"


def _expected(rule: Rule, persona: str) -> str:
    if persona == ANONYMOUS:
        return rule.anonymous
    return "reach" if persona in rule.reach else str(rule.denied)


def _observed(response, persona: str) -> str:
    status = response.status_code
    if persona == ANONYMOUS and status == 302 and "/accounts/login/" in response["Location"]:
        return "login"
    return str(status)


@pytest.fixture(scope="module")
def clients(world, django_db_blocker) -> dict:
    """Return a client per persona, signed in once for the module (anonymous: not signed in)."""
    from django.test import Client

    signed_in = {ANONYMOUS: Client(raise_request_exception=False)}
    with django_db_blocker.unblock():
        for user in User.objects.filter(username__in=SIGNED_IN):
            client = Client(raise_request_exception=False)
            # The autouse fixture that does this for tests is not active in a module fixture.
            two_factor.force_login(client, user)
            signed_in[user.username] = client
    return signed_in


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(RULES))
def test_the_view_refuses_whoever_may_not_reach_its_object(clients, world, name):
    rule = RULES[name]
    url = reverse(name, kwargs=rule.kwargs(world) if rule.kwargs else None)
    wrong = []
    # One persona that may reach the object shows the rule's object is right; the others who
    # may are not asked (their pages, exports among them, are the slow part).
    reaching = [persona for persona in SIGNED_IN if persona in rule.reach][:1]
    refused = [persona for persona in SIGNED_IN if persona not in rule.reach]
    for persona in (ANONYMOUS, *reaching, *refused):
        client = clients[persona]
        session = client.cookies.get(settings.SESSION_COOKIE_NAME)
        response = client.get(url) if rule.method == "GET" else client.post(url, {})
        if session is not None:  # signing out or a new key: the test's rollback undoes them
            client.cookies[settings.SESSION_COOKIE_NAME] = session.value
        expected, observed = _expected(rule, persona), _observed(response, persona)
        if expected == "reach":
            if response.status_code in (403, 404) or response.status_code >= 500:
                wrong.append(f"{persona}: expected to reach, got {observed}")
        elif observed != expected:
            wrong.append(f"{persona}: expected {expected}, got {observed}")

    assert wrong == [], f"{rule.method} {url}"
