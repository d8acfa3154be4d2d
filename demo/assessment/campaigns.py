"""The demo campaigns: their instruments by the Regulation, their people and experts, their days."""

import datetime
import random

from accounts.models import Role, User
from assessment.campaigns.services.cohort import campaign_add_participants
from assessment.campaigns.services.setup import (
    CampaignSettings,
    InstrumentChoice,
    campaign_create,
    default_instrument_weights,
)
from assessment.campaigns.services.workflow import campaign_activate
from assessment.experts.services import expert_assign, expert_profile_save
from assessment.models import (
    Campaign,
    CampaignInstrument,
    CompetencyFramework,
    ExpertAssignment,
    FeedbackResponse,
    Instrument,
    InstrumentKind,
    Participant,
    Response,
    TestAttempt,
    WorkSubmission,
)
from candidates.models import Nomination, NominationStatus
from demo.builders import DAY, Stamps, candidates_workplaces, moment
from demo.selection.roster import ROSTER, DemoCandidate, email_of
from governance.selectors import regulation_in_force
from registry.models import Organization

K = InstrumentKind
# Who rates what: two experts per expert-rated instrument for every participant, assigned before
# the campaign starts (it does not start otherwise).
PANELS = {
    K.CASE: ("expert", "expert02"),
    K.INTERVIEW: ("expert", "expert03"),
    K.MANAGEMENT_PROJECT: ("expert02", "expert03"),
}
# The experts, as they sit on the commission (demo/selection/commission.py creates their accounts).
EXPERT_PLACES = {
    "expert": ("", "Доцент кафедры управления образованием ОГПУ"),
    "expert02": ("", "Проректор Института развития образования Оренбургской области"),
    "expert03": ("general", "Директор гимназии"),
}


def _instruments(
    framework: CompetencyFramework, deadlines: dict[str, datetime.date]
) -> list[InstrumentChoice]:
    """Return the framework's instruments with the Regulation's weights (none of weight 0)."""
    instruments = list(Instrument.objects.filter(framework=framework).order_by("kind", "pk"))
    weights = default_instrument_weights(instruments, regulation_in_force())
    return [
        InstrumentChoice(instrument, weights[instrument.pk], deadlines[instrument.kind])
        for instrument in instruments
        if weights[instrument.pk] > 0 and instrument.kind in deadlines
    ]


def campaign_start(
    name: str,
    framework: CompetencyFramework,
    *,
    starts: datetime.date,
    ends: datetime.date,
    deadlines: dict[str, datetime.date],
    nominations: list[Nomination],
    ministry: User,
    today: datetime.date,
    experts: dict[str, User],
) -> Campaign:
    """Create the campaign, add the people, assign every expert panel, then start it."""
    campaign = campaign_create(
        settings_=CampaignSettings(
            name=name,
            starts_on=starts,
            ends_on=ends,
            pass_threshold=regulation_in_force().pass_threshold,
            disagreement_threshold=1,
        ),
        instruments=_instruments(framework, deadlines),
        actor=ministry,
    )
    campaign_add_participants(
        campaign=campaign, nominations=nominations, actor=ministry, today=today
    )
    items = instruments_by_kind(campaign)
    for participant in Participant.objects.filter(campaign=campaign).order_by("pk"):
        for kind, usernames in PANELS.items():
            if kind not in items:
                continue
            for username in usernames:
                expert_assign(
                    participant=participant,
                    campaign_instrument=items[kind],
                    expert=experts[username],
                    actor=ministry,
                )
    return campaign_activate(campaign=campaign, actor=ministry)


def wave_nominations(wave: str) -> list[tuple[DemoCandidate, Nomination]]:
    """Return the wave's people with their nominations waiting in «оценка», in roster order."""
    people = {email_of(p): p for p in ROSTER if p.wave == wave}
    nominations = {
        n.candidate.email: n
        for n in Nomination.objects.filter(
            status=NominationStatus.ASSESSMENT, candidate__email__in=list(people)
        ).select_related("candidate", "position_kind")
    }
    return [(p, nominations[email]) for email, p in people.items() if email in nominations]


def instruments_by_kind(campaign: Campaign) -> dict[str, CampaignInstrument]:
    return {
        ci.instrument.kind: ci
        for ci in CampaignInstrument.objects.filter(campaign=campaign).select_related(
            "instrument", "campaign"
        )
    }


def participants_by_email(campaign: Campaign) -> dict[str, Participant]:
    """Return the campaign's participants by their candidate's e-mail."""
    return {
        p.candidate.email: p
        for p in Participant.objects.filter(campaign=campaign).select_related(
            "candidate__user", "campaign", "nomination"
        )
    }


def experts_at_work(ministry: User) -> dict[str, User]:
    """Return the experts by username with their places of work recorded."""
    experts = {u.username: u for u in User.objects.filter(username__in=EXPERT_PLACES)}
    taken = candidates_workplaces()
    for username, user in experts.items():
        if user.role != Role.EXPERT or hasattr(user, "expert_profile"):
            continue
        kind, position = EXPERT_PLACES[username]
        organization = None
        if kind:
            organization = (
                Organization.objects.filter(
                    municipality__name="город Оренбург", kind=kind, is_active=True
                )
                .exclude(pk__in=taken)
                .order_by("-inn")
                .first()
            )
        expert_profile_save(user=user, organization=organization, position=position, actor=ministry)
    return experts


# --- Moving the record back to its days ------------------------------------------------------


def moment_within(
    day: datetime.date, rng: random.Random, hours: tuple[int, int] = (9, 18)
) -> datetime.datetime:
    return moment(day, rng.randint(*hours), rng.randint(0, 59))


def backdate_answers(
    campaign: Campaign,
    today: datetime.date,
    rng: random.Random,
    windows: dict[str, tuple[int, int] | None],
) -> None:
    """Put the campaign's answers on days inside the windows {what: (first, last) days}."""

    def day(what: str) -> datetime.date:
        first, last = windows[what]
        return today + rng.randint(first, last) * DAY

    stamps = Stamps()
    Participant.objects.filter(campaign=campaign).update(added_at=moment(campaign.starts_on, 9, 30))
    for pk, submitted in (
        Response.objects.filter(participant__campaign=campaign)
        .order_by("pk")
        .values_list("pk", "submitted_at")
    ):
        when = moment_within(day("self"), rng, (17, 22))
        stamps.add(Response, pk, saved_at=when, submitted_at=when if submitted else None)
    for attempt in TestAttempt.objects.filter(participant__campaign=campaign).order_by("pk"):
        started = moment_within(day("test"), rng, (10, 17))
        spent = datetime.timedelta(minutes=rng.randint(17, 28))
        stamps.add(
            TestAttempt,
            attempt.pk,
            started_at=started,
            deadline_at=started + (attempt.deadline_at - attempt.started_at),
            submitted_at=started + spent if attempt.submitted_at else None,
        )
    for pk in (
        FeedbackResponse.objects.filter(participant__campaign=campaign)
        .order_by("pk")
        .values_list("pk", flat=True)
    ):
        stamps.add(FeedbackResponse, pk, submitted_on=day("feedback"))
    for work in (
        WorkSubmission.objects.filter(participant__campaign=campaign)
        .select_related("campaign_instrument")
        .order_by("pk")
    ):
        # Handed in a week or two before the deadline, and before any expert rated it.
        deadline = work.campaign_instrument.deadline
        handed = moment_within(min(deadline - rng.randint(9, 14) * DAY, today - 6 * DAY), rng)
        if work.submitted_at is None:
            handed = moment_within(today - DAY, rng)
        stamps.add(
            WorkSubmission,
            work.pk,
            saved_at=handed,
            submitted_at=handed if work.submitted_at else None,
        )
    for assignment in (
        ExpertAssignment.objects.filter(participant__campaign=campaign)
        .select_related("campaign_instrument")
        .order_by("pk")
    ):
        if assignment.no_conflict_declared_at is None:
            continue
        # Rated within the window, or (without one) in the nine days before the deadline.
        deadline = assignment.campaign_instrument.deadline
        rated = day("rated") if windows.get("rated") else deadline - rng.randint(0, 8) * DAY
        rated = min(rated, deadline)
        declared = moment_within(min(day("declared"), rated - DAY), rng)
        saved = declared + datetime.timedelta(hours=1)
        if assignment.submitted_at:
            saved = moment_within(rated, rng)
        stamps.add(
            ExpertAssignment,
            assignment.pk,
            no_conflict_declared_at=declared,
            saved_at=saved,
            submitted_at=saved if assignment.submitted_at else None,
        )
    stamps.apply()
