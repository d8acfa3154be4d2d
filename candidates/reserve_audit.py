"""The Regulation's checks over the reserve as it stands: what an audit of the records would find.

Every reservist must have a commission decision and the ministry's order (their term counting
from it), a finished assessment at or above the pass mark, a category that agrees with the
readiness, a workplace that fits the post of the reserve, the required documents checked,
a standing consent and an eligibility check that admits them. Run by `manage.py audit_reserve`
and by the test over the demo data.
"""

from dataclasses import dataclass
from itertools import pairwise

from django.db.models import Prefetch, QuerySet

from candidates.extensions import assessment_verdicts
from candidates.models import (
    Decision,
    EligibilityCheck,
    MembershipStatus,
    Nomination,
    NominationStatus,
    ReserveMembership,
    StatusChange,
)
from governance.consent import consent_active
from governance.models import ConsentPurpose
from governance.regulation import Regulation

IN_RESERVE = (MembershipStatus.ACTIVE, MembershipStatus.PENDING_ORDER)


@dataclass(frozen=True)
class Violation:
    subject: str
    problem: str

    def __str__(self) -> str:
        return f"{self.subject}: {self.problem}"


def _membership_problems(membership: ReserveMembership, regulation: Regulation, verdict) -> list:
    problems = []
    item = membership.decision_item
    if item is None or item.decision != Decision.INCLUDE:
        problems.append("нет решения комиссии о включении")
    if membership.status == MembershipStatus.ACTIVE:
        order = membership.inclusion_order
        if order is None:
            problems.append("нет приказа о включении")
        elif membership.started_on != order.date:
            problems.append(
                f"«В резерве с» {membership.started_on:%d.%m.%Y} не совпадает с датой приказа "
                f"{order.date:%d.%m.%Y}"
            )
        elif item is not None and order.date < item.meeting.date:
            problems.append("приказ издан раньше решения комиссии")
        if membership.started_on and not membership.extensions:
            expected = regulation.term_end(membership.started_on)
            if membership.term_ends_on != expected:
                problems.append(f"срок пребывания не {expected:%d.%m.%Y} по Положению")
    if not verdict.finished:
        problems.append("нет завершённой комплексной оценки")
    elif verdict.below(regulation.pass_threshold):
        problems.append(f"{verdict.summary} — ниже проходного")
    if problem := regulation.terms_problem(membership.category, membership.readiness):
        problems.append(problem)
    candidate, position = membership.candidate, membership.position_kind
    kinds = position.organization_kinds or []
    if kinds and (candidate.organization is None or candidate.organization.kind not in kinds):
        problems.append(f"место работы не относится к организациям для должности «{position}»")
    return problems


def _nomination_problems(nomination: Nomination, regulation: Regulation) -> list:
    problems = []
    documents = list(nomination.documents.all())
    present = {document.kind for document in documents if document.is_checked}
    missing = [kind for kind in regulation.required_documents if kind not in present]
    if missing:
        problems.append(f"нет проверенных документов: {', '.join(missing)}")
    if any(document.is_disqualifying for document in documents):
        problems.append("справка о судимости препятствует допуску")
    if consent_active(nomination.candidate.user, ConsentPurpose.PERSONAL_DATA) is None:
        problems.append("нет действующего согласия на обработку персональных данных")
    checks = list(nomination.eligibility_checks.all())
    if not checks or not checks[0].final_eligible:
        problems.append("нет проверки соответствия требованиям, которая допускает кандидата")
    if nomination.status != NominationStatus.INCLUDED:
        problems.append(f"заявка в статусе «{nomination.get_status_display()}»")
    return problems


def _history_problems(nomination: Nomination) -> list:
    """Return where the nomination's dates (as the pipeline export shows them) leave its history."""
    changes = list(nomination.status_changes.all())
    if not changes:
        return ["нет истории статусов"]
    problems = []
    if nomination.status_changed_at != changes[-1].created_at:
        problems.append("дата статуса в выгрузке не совпадает с историей")
    submitted = [c.created_at for c in changes if c.to_status == NominationStatus.SUBMITTED]
    if submitted and nomination.submitted_at != submitted[-1]:
        problems.append("дата подачи в выгрузке не совпадает с историей")
    if any(later.created_at < earlier.created_at for earlier, later in pairwise(changes)):
        problems.append("история статусов идёт не по порядку")
    return problems


def reserve_violations(
    memberships: QuerySet[ReserveMembership],
    nominations: QuerySet[Nomination],
    regulation: Regulation,
) -> list[Violation]:
    """Return every violation of the Regulation among the memberships and the nominations."""
    checks = EligibilityCheck.objects.order_by("-evaluated_at", "-id")
    rows = list(
        memberships.filter(status__in=IN_RESERVE)
        .select_related(
            "candidate__organization",
            "candidate__user",
            "position_kind",
            "inclusion_order",
            "decision_item__meeting",
            "nomination__candidate__user",
        )
        .prefetch_related(
            "nomination__documents", Prefetch("nomination__eligibility_checks", queryset=checks)
        )
    )
    verdicts = assessment_verdicts([m.nomination_id for m in rows], regulation.pass_threshold)
    violations = []
    for membership in rows:
        subject = f"{membership.candidate.full_name} ({membership.position_kind})"
        problems = _membership_problems(membership, regulation, verdicts[membership.nomination_id])
        problems += _nomination_problems(membership.nomination, regulation)
        violations += [Violation(subject, problem) for problem in problems]
    changes = StatusChange.objects.order_by("created_at", "id")
    for nomination in nominations.select_related("candidate").prefetch_related(
        Prefetch("status_changes", queryset=changes)
    ):
        subject = f"{nomination.candidate.full_name}, заявка № {nomination.pk}"
        violations += [Violation(subject, p) for p in _history_problems(nomination)]
    return violations
