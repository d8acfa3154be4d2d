"""The autumn wave: the running campaign, brought to its middle."""

import datetime
import random

from accounts.models import User
from assessment.models import CompetencyFramework, ExpertAssignment, InstrumentKind
from assessment.participation.services.work import work_save_draft
from assessment.results.services.results import results_compute
from audit.models import AuditSource
from demo.assessment.answers import (
    answer_feedback,
    answer_self_assessment,
    content_of,
    invite_colleagues,
    person_level,
    rate,
    take_test,
)
from demo.assessment.applicant import give_applicant_a_login
from demo.assessment.campaigns import (
    backdate_answers,
    campaign_start,
    experts_at_work,
    instruments_by_kind,
    participants_by_email,
    wave_nominations,
)
from demo.assessment.work import work_text
from demo.builders import DAY
from demo.selection.roster import AUTUMN_WAVE_STARTED_DAYS_AGO, email_of

K = InstrumentKind
AUTUMN_NAME = "Оценка кандидатов 2026 (осень)"

# Each instrument's deadline, in days from today.
AUTUMN_DEADLINES = {
    K.SELF_ASSESSMENT: 5,
    K.FEEDBACK_360: 12,
    K.KNOWLEDGE_TEST: 9,
    K.CASE: 19,
    K.INTERVIEW: 23,
    K.MANAGEMENT_PROJECT: 26,
}
AUTUMN_ENDS = 28


def seed_autumn(
    *, rng: random.Random, today: datetime.date, ministry: User, framework: CompetencyFramework
) -> list[str]:
    """Start the autumn campaign and bring it to the middle: answers, tests, experts at work."""
    wave = wave_nominations("autumn")
    if not wave:
        return []
    experts = experts_at_work(ministry)
    campaign = campaign_start(
        AUTUMN_NAME,
        framework,
        starts=today - AUTUMN_WAVE_STARTED_DAYS_AGO * DAY,
        ends=today + AUTUMN_ENDS * DAY,
        deadlines={kind: today + days * DAY for kind, days in AUTUMN_DEADLINES.items()},
        nominations=[n for _, n in wave],
        ministry=ministry,
        today=today,
        experts=experts,
    )
    items = instruments_by_kind(campaign)
    people = list(participants_by_email(campaign).values())
    people.sort(key=lambda p: [email_of(x) for x, _ in wave].index(p.candidate.email))
    content = content_of(framework)
    levels = {p.pk: person_level(None, rng) for p in people}
    plan = [
        (
            people[0],
            items[K.FEEDBACK_360],
            {"superior": (1, 1), "peer": (4, 3), "subordinate": (4, 4)},
        ),
        (
            people[1],
            items[K.FEEDBACK_360],
            {"superior": (1, 0), "peer": (3, 3), "subordinate": (3, 3)},
        ),
        (people[2], items[K.FEEDBACK_360], {"peer": (3, 0)}),
    ]
    invited = invite_colleagues(plan, rng)
    e1, e2, e3 = experts["expert"], experts["expert02"], experts["expert03"]
    # (participant, instrument, expert, how far, disagrees with the previous expert)
    panels = [
        (0, K.CASE, e1, "submitted", False),
        (0, K.CASE, e2, "submitted", False),
        (0, K.INTERVIEW, e1, "assigned", False),
        (0, K.INTERVIEW, e3, "declared", False),
        (1, K.CASE, e1, "submitted", False),
        (1, K.CASE, e2, "submitted", True),  # awaits the ministry's calibration
        (2, K.CASE, e2, "submitted", False),
        (2, K.CASE, e1, "draft", False),
        (3, K.CASE, e2, "submitted", False),
        (3, K.CASE, e1, "assigned", False),
        (4, K.INTERVIEW, e3, "submitted", False),
        (4, K.INTERVIEW, e1, "assigned", False),
        (5, K.INTERVIEW, e1, "assigned", False),
        (5, K.INTERVIEW, e3, "assigned", False),
    ]
    feedback = answer_feedback(invited, items[K.FEEDBACK_360], levels, rng, content)
    for number, participant in enumerate(people):
        level = levels[participant.pk]
        if number < 6:
            answer_self_assessment(
                participant, items[K.SELF_ASSESSMENT], level, rng, content, complete=number < 4
            )
        if number in (0, 1, 2, 4):
            take_test(participant, items[K.KNOWLEDGE_TEST], level, rng, content)
    previous = None
    for number, kind, expert, state, disagrees in panels:
        participant = people[number]
        same_panel = previous is not None and (
            previous.participant_id,
            previous.campaign_instrument_id,
        ) == (participant.pk, items[kind].pk)
        previous = rate(
            participant,
            items[kind],
            expert,
            ministry=ministry,
            level=levels[participant.pk],
            rng=rng,
            content=content,
            state=state,
            paired=previous if same_panel else None,
            disagree=disagrees,
        )
    # One more case is being written: a draft the experts cannot see yet.
    work_save_draft(
        participant=people[4],
        campaign_instrument=items[K.CASE],
        text=work_text(items[K.CASE], rng, people[4]),
        actor=people[4].candidate.user,
    )
    backdate_answers(
        campaign,
        today,
        rng,
        {
            "self": (-12, -2),
            "test": (-10, -3),
            "feedback": (-9, -1),
            "declared": (-8, -5),
            "rated": (-4, -1),
        },
    )
    results_compute(campaign=campaign, actor=ministry, source=AuditSource.COMMAND)
    give_applicant_a_login()
    pending = ExpertAssignment.objects.filter(
        participant__campaign=campaign, expert=e1, submitted_at=None
    ).count()
    return [
        f"«{AUTUMN_NAME}»: участников {len(people)}, ответов 360° {feedback}, "
        f"ждут оценки эксперта «expert»: {pending}."
    ]
