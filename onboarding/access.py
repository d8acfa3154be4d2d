"""Who may see and do what in the appointment stage: one function per question.

Visibility. Every `x_visible_to(user)` is one call of accounts.access.scope_by_role: the region
for the ministry and administrators, a coordinator's municipality (where the organization
stands), and for the other roles their own rows — the reservist their offers and induction
plan, the adaptation mentor the plans they follow. Every `can_view_x(user, row)` asks the same
queryset about the row, so a page and a button never disagree.

Who acts. The founder appoints the head (273-ФЗ ст. 51 ч. 1): for a municipal organization the
municipality — in the portal its coordinator — and for a regional one the ministry. So the side
that «leads» a vacancy (shortlist, offers, attestation, the appointment, induction) is the
coordinator of the organization's municipality for municipal organizations and region-wide staff
for regional ones; the other side sees the vacancy and does not act on it. Federal and private
organizations are outside the region's reserve; an organization whose founder the registry does
not state has nobody to lead it until the registry says.
"""

from django.db.models import QuerySet

from accounts.access import (
    covers_municipality,
    has_role,
    is_region_wide,
    scope_by_role,
)
from accounts.models import Role
from onboarding.models import (
    Appointment,
    AppointmentStatus,
    InductionPlan,
    InductionStatus,
    Offer,
    OfferStatus,
    Vacancy,
    VacancyStatus,
)
from registry.models import Founder, Organization

# Founders whose heads the region's reserve is formed for.
RESERVE_FOUNDERS = (Founder.REGIONAL, Founder.MUNICIPAL)


# --- Rows the user may see -------------------------------------------------------------------


def vacancies_visible_to(user) -> QuerySet[Vacancy]:
    """Return the vacancies of the user's territory (staff only)."""
    return scope_by_role(Vacancy.objects.all(), user, municipality="organization__municipality")


def offers_visible_to(user) -> QuerySet[Offer]:
    """Return the offers of the user's territory, or the reservist's own."""
    return scope_by_role(
        Offer.objects.all(),
        user,
        municipality="vacancy__organization__municipality",
        own={Role.CANDIDATE: "membership__candidate__user"},
    )


def appointments_visible_to(user) -> QuerySet[Appointment]:
    """Return the appointments of the user's territory (staff only)."""
    return scope_by_role(
        Appointment.objects.all(), user, municipality="vacancy__organization__municipality"
    )


def induction_plans_visible_to(user) -> QuerySet[InductionPlan]:
    """Return the induction plans: the territory's, the new head's own, the mentor's mentees'."""
    return scope_by_role(
        InductionPlan.objects.all(),
        user,
        municipality="appointment__vacancy__organization__municipality",
        own={
            Role.CANDIDATE: "appointment__membership__candidate__user",
            Role.MENTOR: "mentor__user",
        },
    )


def _holds(visible: QuerySet, row) -> bool:
    return visible.filter(pk=row.pk).exists()


def can_view_vacancy(user, vacancy: Vacancy) -> bool:
    """Return whether the user may open the vacancy."""
    return _holds(vacancies_visible_to(user), vacancy)


def can_view_offer(user, offer: Offer) -> bool:
    """Return whether the user may open the offer."""
    return _holds(offers_visible_to(user), offer)


def can_view_appointment(user, appointment: Appointment) -> bool:
    """Return whether the user may open the appointment."""
    return _holds(appointments_visible_to(user), appointment)


def can_view_induction_plan(user, plan: InductionPlan) -> bool:
    """Return whether the user may open the induction plan."""
    return _holds(induction_plans_visible_to(user), plan)


# --- Pages by role ---------------------------------------------------------------------------


def can_view_vacancies(user) -> bool:
    """Return whether the user has the staff pages: vacancies, forecast, coverage, appointments."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)


def works_region_wide(user) -> bool:
    """Return whether the user's lists span the region (a municipality column and filter)."""
    return is_region_wide(user)


def can_view_own_offers(user) -> bool:
    """Return whether the user has «Назначение» of a reservist: offers and the induction plan."""
    return has_role(user, Role.CANDIDATE)


def can_view_mentored_inductions(user) -> bool:
    """Return whether the user has the list of new heads they mentor as adaptation mentor."""
    return has_role(user, Role.MENTOR)


def can_edit_induction_templates(user) -> bool:
    """Return whether the user keeps the templates of the induction plan (the ministry)."""
    return is_region_wide(user)


# --- Who leads a vacancy: the founder's side -------------------------------------------------


def appointing_side(organization: Organization) -> str:
    """Return who appoints the organization's head: "municipal", "regional" or ""."""
    if organization.founder == Founder.MUNICIPAL:
        return "municipal"
    if organization.founder == Founder.REGIONAL:
        return "regional"
    return ""


def leads_for(user, organization: Organization) -> bool:
    """Return whether the user acts for the organization's founder in the portal."""
    side = appointing_side(organization)
    if side == "municipal":
        return has_role(user, Role.MUNICIPAL) and covers_municipality(
            user, organization.municipality_id
        )
    if side == "regional":
        return is_region_wide(user)
    return False


def can_enter_vacancy(user, organization: Organization) -> bool:
    """Return whether the user may record a vacancy of the organization.

    The ministry records vacancies anywhere in the region (it runs the forecast); a coordinator
    records those of the municipal organizations of their municipality.
    """
    if organization.founder not in RESERVE_FOUNDERS:
        return False
    if is_region_wide(user):
        return True
    return leads_for(user, organization)


def organizations_for_vacancies(user) -> QuerySet[Organization]:
    """Return the active organizations the user may record a vacancy of."""
    organizations = scope_by_role(
        Organization.objects.filter(is_active=True), user, municipality="municipality"
    )
    if is_region_wide(user):
        return organizations.filter(founder__in=RESERVE_FOUNDERS)
    if has_role(user, Role.MUNICIPAL):
        return organizations.filter(founder=Founder.MUNICIPAL)
    return organizations.none()


def can_lead_vacancy(user, vacancy: Vacancy) -> bool:
    """Return whether the user leads the vacancy: shortlist, offers, appointment, closing."""
    return leads_for(user, vacancy.organization)


def can_build_shortlist(user, vacancy: Vacancy) -> bool:
    """Return whether the user may (re)build the shortlist now."""
    building = (VacancyStatus.OPEN, VacancyStatus.SHORTLISTED)
    return vacancy.status in building and can_lead_vacancy(user, vacancy)


def can_close_vacancy(user, vacancy: Vacancy) -> bool:
    """Return whether the user may close the vacancy with a reason."""
    return vacancy.is_open and can_lead_vacancy(user, vacancy)


def can_make_offer(user, vacancy: Vacancy) -> bool:
    """Return whether the user may offer the post to someone on the shortlist."""
    return vacancy.status == VacancyStatus.SHORTLISTED and can_lead_vacancy(user, vacancy)


def can_withdraw_offer(user, offer: Offer) -> bool:
    """Return whether the user may withdraw an offer still waiting for an answer."""
    return offer.status == OfferStatus.OFFERED and can_lead_vacancy(user, offer.vacancy)


def is_own_offer(user, offer: Offer) -> bool:
    """Return whether the offer was made to the signed-in reservist."""
    return has_role(user, Role.CANDIDATE) and offer.membership.candidate.user_id == user.pk


def can_answer_offer(user, offer: Offer) -> bool:
    """Return whether the user may accept or refuse the offer: the reservist, while it waits."""
    return offer.status == OfferStatus.OFFERED and is_own_offer(user, offer)


def can_propose_exclusion(user, vacancy: Vacancy) -> bool:
    """Return whether the user may confirm the exclusion that repeated refusals propose.

    The exclusion itself is the selection stage's (candidates.services.membership), which the
    ministry decides; the reserve is regional.
    """
    return is_region_wide(user)


def can_record_appointment(user, appointment: Appointment) -> bool:
    """Return whether the user may record the attestation and the founder's order."""
    return appointment.status == AppointmentStatus.PREPARING and can_lead_vacancy(
        user, appointment.vacancy
    )


def can_download_order(user, appointment: Appointment) -> bool:
    """Return whether the user may download the founder's order (the appointment's viewers)."""
    return can_view_appointment(user, appointment)


# --- Induction -------------------------------------------------------------------------------


def can_manage_induction(user, plan: InductionPlan) -> bool:
    """Return whether the user runs the plan: the mentor, checkpoints, the probation's outcome."""
    return plan.status == InductionStatus.ACTIVE and can_lead_vacancy(
        user, plan.appointment.vacancy
    )


def is_new_head_of(user, plan: InductionPlan) -> bool:
    """Return whether the plan is the signed-in new head's own."""
    return (
        has_role(user, Role.CANDIDATE) and plan.appointment.membership.candidate.user_id == user.pk
    )


def is_adaptation_mentor_of(user, plan: InductionPlan) -> bool:
    """Return whether the user is the plan's adaptation mentor."""
    return (
        has_role(user, Role.MENTOR) and plan.mentor is not None and plan.mentor.user_id == user.pk
    )


def can_mark_task(user, plan: InductionPlan) -> bool:
    """Return whether the user may mark the plan's tasks done: the new head or the staff."""
    active = plan.status == InductionStatus.ACTIVE
    return active and (is_new_head_of(user, plan) or can_manage_induction(user, plan))


def can_review_checkpoint(user, plan: InductionPlan) -> bool:
    """Return whether the user may mark a checkpoint passed: the staff or the adaptation mentor."""
    active = plan.status == InductionStatus.ACTIVE
    return active and (can_manage_induction(user, plan) or is_adaptation_mentor_of(user, plan))
