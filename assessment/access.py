"""Who may see and do what in the assessment stage."""

from django.db.models import QuerySet

from accounts.access import (
    bound_municipality_id,
    covers_municipality,
    has_role,
    is_region_wide,
    role_of,
    scope_by_role,
)
from accounts.models import Role
from assessment.models import (
    Campaign,
    ExpertAssignment,
    Participant,
    Result,
)

# --- Staff: campaigns, progress, experts, results, talent review ----------------------------


def can_manage_campaigns(user) -> bool:
    """Return whether the user may create campaigns, form cohorts, activate and close them."""
    return is_region_wide(user)


def can_view_campaigns(user) -> bool:
    """Return whether the user may open the staff pages of campaigns (list, progress, ranking)."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)


def campaigns_visible_to(user) -> QuerySet[Campaign]:
    """Return the campaigns the user may open: all for the ministry, their territory's for a
    coordinator."""
    campaigns = Campaign.objects.all()
    if is_region_wide(user):
        return campaigns
    municipality_id = bound_municipality_id(user)
    if municipality_id is not None:
        return campaigns.filter(participants__municipality_id=municipality_id).distinct()
    return campaigns.none()


def campaign_participants_visible_to(user, campaign: Campaign) -> QuerySet[Participant]:
    """Return the campaign's participants the user may see on the staff pages."""
    participants = Participant.objects.filter(campaign=campaign)
    if is_region_wide(user):
        return participants
    municipality_id = bound_municipality_id(user)
    if municipality_id is not None:
        return participants.filter(municipality_id=municipality_id)
    return participants.none()


def can_remind(user) -> bool:
    """Return whether the user may send reminders to those who have not finished."""
    return is_region_wide(user)


def can_manage_experts(user) -> bool:
    """Return whether the user may keep expert profiles and assign experts to participants."""
    return is_region_wide(user)


def can_calibrate(user) -> bool:
    """Return whether the user may record agreed scores where experts disagree (panel chair)."""
    return is_region_wide(user)


def can_recompute_results(user) -> bool:
    """Return whether the user may recompute a campaign's results."""
    return is_region_wide(user)


def can_complete_participant(user) -> bool:
    """Return whether the user may finish a participant's assessment and pass it on."""
    return is_region_wide(user)


def can_rate_as_expert(user) -> bool:
    """Return whether the user has the expert's pages («Мои оценки»)."""
    return has_role(user, Role.EXPERT)


def expert_assignments_of(user) -> QuerySet[ExpertAssignment]:
    """Return the assignments the user works on as an expert."""
    if not can_rate_as_expert(user):
        return ExpertAssignment.objects.none()
    return ExpertAssignment.objects.filter(expert=user)


def result_participants_visible_to(user) -> QuerySet[Participant]:
    """Return the participants whose results the user may open."""
    return scope_by_role(
        Participant.objects.all(),
        user,
        municipality="municipality",
        own={Role.CANDIDATE: "candidate__user"},
    )


def results_visible_to(user) -> QuerySet[Result]:
    """Return the results the user may see."""
    return Result.objects.filter(participant__in=result_participants_visible_to(user))


def can_view_result(user, participant: Participant) -> bool:
    """Return whether the user may open the participant's result."""
    role = role_of(user)
    if role is None:
        return False
    if role == Role.CANDIDATE:
        return participant.candidate.user_id == user.pk
    if role == Role.MUNICIPAL or is_region_wide(user):
        return covers_municipality(user, participant.municipality_id)
    return False


def shows_expert_names(user) -> bool:
    """Return whether result pages name the experts (staff) or number them (the candidate)."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)


def can_view_talent_review(user) -> bool:
    """Return whether the user may open the 9-box talent review."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)


def talent_participants_visible_to(user) -> QuerySet[Participant]:
    """Return the participants the user may place on the 9-box: all, or their municipality's."""
    if not can_view_talent_review(user):
        return Participant.objects.none()
    participants = Participant.objects.all()
    municipality_id = bound_municipality_id(user)
    if municipality_id is not None:
        return participants.filter(municipality_id=municipality_id)
    return participants


def can_rate_performance(user, participant: Participant) -> bool:
    """Return whether the user may rate the person's current work results and add notes."""
    return can_view_talent_review(user) and covers_municipality(user, participant.municipality_id)


def can_edit_competency_model(user) -> bool:
    """Return whether the user may edit the competency model and the instruments."""
    return is_region_wide(user)


def can_view_assessment_admin(user) -> bool:
    """Return whether the user may look through assessment records in the admin."""
    return is_region_wide(user)


# --- Participant: own assessment, the test bank, attempt resets -----------------------------


def own_participations(user) -> QuerySet[Participant]:
    """Return the candidate's own participations in campaigns that have started."""
    from assessment.models import CampaignStatus

    if not has_role(user, Role.CANDIDATE):
        return Participant.objects.none()
    return Participant.objects.filter(candidate__user=user).exclude(
        campaign__status=CampaignStatus.DRAFT
    )


def can_view_own_assessment(user) -> bool:
    """Return whether the user has the «Моя оценка» page (candidates and reservists)."""
    return has_role(user, Role.CANDIDATE)


def can_manage_question_bank(user) -> bool:
    """Return whether the user may import questions into the knowledge-test bank."""
    return is_region_wide(user)


def can_void_attempt(user) -> bool:
    """Return whether the user may void a test attempt so that it can be taken again."""
    return is_region_wide(user)
