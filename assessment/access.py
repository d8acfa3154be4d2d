"""Who may see and do what in the assessment stage.

Every *_visible_to below scopes its rows through accounts.access.scope_by_role, the one place
that decides what the region, a coordinator's territory and a person's own rows are. Each
object-level question (can_view_result, can_rate_performance) asks its *_visible_to about the
one object, so the two cannot drift apart; tests/assessment/test_access_policy.py holds every
such pair against each other for a cast of users.

Two querysets are work lists rather than what a user may see: own_participations (the
candidate answers) and expert_assignments_of (the expert rates). They are the visibility scope
narrowed to the role that does the work, so that staff who may see a row never answer or rate
in someone's place.
"""

from django.db.models import Q, QuerySet

from accounts.access import (
    bound_municipality_id,
    has_role,
    is_region_wide,
    role_of,
    scope_by_role,
)
from accounts.models import Role, User
from assessment.models import (
    Campaign,
    CampaignStatus,
    ExpertAssignment,
    Participant,
    Result,
)
from candidates.access import nominations_visible_to

# --- Campaigns: the staff pages -------------------------------------------------------------


def can_manage_campaigns(user) -> bool:
    """Return whether the user may create campaigns, form cohorts, activate and close them."""
    return is_region_wide(user)


def can_view_campaigns(user) -> bool:
    """Return whether the user may open the staff pages of campaigns (list, progress, ranking)."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)


def staff_participants_visible_to(user) -> QuerySet[Participant]:
    """Return the participants the user may see on the staff pages: all, or a territory's."""
    return scope_by_role(Participant.objects.all(), user, municipality="municipality")


def campaigns_visible_to(user) -> QuerySet[Campaign]:
    """Return the campaigns the user may open: all for the ministry, their territory's for a
    coordinator."""
    # Scoped through the participants, a campaign would come once per participant: the scope
    # picks the ids, and each campaign is read once.
    scoped = scope_by_role(Campaign.objects.all(), user, municipality="participants__municipality")
    return Campaign.objects.filter(pk__in=scoped.values("pk"))


def campaign_participants_visible_to(user, campaign: Campaign) -> QuerySet[Participant]:
    """Return the campaign's participants the user may see on the staff pages."""
    return staff_participants_visible_to(user).filter(campaign=campaign)


def can_filter_by_municipality(user) -> bool:
    """Return whether the staff lists offer a municipality filter (a coordinator sees only one)."""
    return bound_municipality_id(user) is None


def territory_of(user) -> str:
    """Return the municipality the user's staff pages are limited to, or "" for the region."""
    return "" if is_region_wide(user) else str(user.municipality)


def can_remind(user) -> bool:
    """Return whether the user may send reminders to those who have not finished."""
    return is_region_wide(user)


def can_void_attempt(user) -> bool:
    """Return whether the user may void a test attempt so that it can be taken again."""
    return is_region_wide(user)


def can_recompute_results(user) -> bool:
    """Return whether the user may recompute a campaign's results."""
    return is_region_wide(user)


# --- Experts and calibration ----------------------------------------------------------------


def can_manage_experts(user) -> bool:
    """Return whether the user may keep expert profiles and assign experts to participants."""
    return is_region_wide(user)


def can_calibrate(user) -> bool:
    """Return whether the user may record agreed scores where experts disagree (panel chair)."""
    return is_region_wide(user)


def can_rate_as_expert(user) -> bool:
    """Return whether the user holds the expert's role: rates, and may be assigned to rate."""
    return has_role(user, Role.EXPERT)


def assignable_experts() -> QuerySet[User]:
    """Return the active accounts with the expert's role, whom the ministry may assign."""
    return User.objects.filter(role=Role.EXPERT, is_active=True)


def expert_assignments_visible_to(user) -> QuerySet[ExpertAssignment]:
    """Return the expert assignments the user may see: all, a territory's, or an expert's own."""
    return scope_by_role(
        ExpertAssignment.objects.all(),
        user,
        municipality="participant__municipality",
        own={Role.EXPERT: "expert"},
    )


def expert_assignments_of(user) -> QuerySet[ExpertAssignment]:
    """Return the assignments the user works on as an expert («Мои оценки»)."""
    if not can_rate_as_expert(user):
        return ExpertAssignment.objects.none()
    return expert_assignments_visible_to(user)


# --- Results and the talent review ----------------------------------------------------------


def result_participants_visible_to(user) -> QuerySet[Participant]:
    """Return the participants whose results the user may open.

    The region, a coordinator's municipality, a person's own, and for a member of a selection
    commission the nominations on its agenda: the commission decides on them with the result.
    """
    on_their_agenda = nominations_visible_to(user).values("pk")
    return scope_by_role(
        Participant.objects.all(),
        user,
        municipality="municipality",
        own={Role.CANDIDATE: "candidate__user", Role.EXPERT: Q(nomination__in=on_their_agenda)},
    )


def result_is_shown_to(user, participant: Participant) -> bool:
    """Return whether the user may read the visible result now: the person assessed only once the
    campaign is finished (until then it is «оценка ещё не завершена»); everyone else at once."""
    if participant.candidate.user_id == getattr(user, "pk", None):
        return participant.campaign.status == CampaignStatus.CLOSED
    return True


def is_own_result(user, participant: Participant) -> bool:
    """Return whether the result is the user's own (no access to log, no staff tools)."""
    return participant.candidate.user_id == getattr(user, "pk", None)


def results_visible_to(user) -> QuerySet[Result]:
    """Return the results the user may see."""
    return Result.objects.filter(participant__in=result_participants_visible_to(user))


def can_view_result(user, participant: Participant) -> bool:
    """Return whether the user may open the participant's result."""
    return result_participants_visible_to(user).filter(pk=participant.pk).exists()


def shows_expert_names(user) -> bool:
    """Return whether result pages name the experts (staff) or number them (the candidate)."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)


def can_complete_participant(user) -> bool:
    """Return whether the user may finish a participant's assessment and pass it on."""
    return is_region_wide(user)


def can_view_talent_review(user) -> bool:
    """Return whether the user may open the 9-box talent review."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)


def talent_participants_visible_to(user) -> QuerySet[Participant]:
    """Return the participants the user may place on the 9-box: all, or their municipality's."""
    return staff_participants_visible_to(user)


def can_rate_performance(user, participant: Participant) -> bool:
    """Return whether the user may rate the person's current work results and add notes:
    whoever may open the person on the 9-box."""
    return talent_participants_visible_to(user).filter(pk=participant.pk).exists()


# --- The competency model and the back office -----------------------------------------------


def can_view_competency_model(user) -> bool:
    """Return whether the user may read the competency model with its targets (everyone signed in).

    The model is what everyone is assessed against: candidates read it before they answer.
    """
    return role_of(user) is not None


def can_edit_competency_model(user) -> bool:
    """Return whether the user may edit the competency model and the instruments."""
    return is_region_wide(user)


def can_manage_question_bank(user) -> bool:
    """Return whether the user may import questions into the knowledge-test bank."""
    return is_region_wide(user)


def can_view_assessment_admin(user) -> bool:
    """Return whether the user may look through assessment records in the admin."""
    return is_region_wide(user)


def reference_rows_visible_to(user, model) -> QuerySet:
    """Return the rows of the competency model, the instruments or the expert profiles the user
    may look through in the back office: they belong to no territory, so the region's, whole."""
    return scope_by_role(model.objects.all(), user)


def participant_records_visible_to(user, model) -> QuerySet:
    """Return the rows of a participant's record (answers, attempts, invitations, calibrations)
    the user may look through."""
    return scope_by_role(model.objects.all(), user, municipality="participant__municipality")


def candidate_records_visible_to(user, model) -> QuerySet:
    """Return the rows kept about a person (performance ratings, calibration notes, declared
    relations) the user may look through."""
    return scope_by_role(model.objects.all(), user, municipality="candidate__municipality")


# --- The participant's own assessment -------------------------------------------------------


def can_view_own_assessment(user) -> bool:
    """Return whether the user has the «Моя оценка» page (candidates and reservists)."""
    return has_role(user, Role.CANDIDATE)


def own_participations(user) -> QuerySet[Participant]:
    """Return the candidate's own participations in campaigns that have started."""
    if not can_view_own_assessment(user):
        return Participant.objects.none()
    return result_participants_visible_to(user).exclude(campaign__status=CampaignStatus.DRAFT)
