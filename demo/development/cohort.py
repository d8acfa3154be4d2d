"""The development stage's cohort: twelve reservists with finished assessments; a re-assessment."""

import datetime
import math
import random
from dataclasses import dataclass

from accounts.models import Role, User
from assessment.models import (
    Campaign,
    CampaignInstrument,
    CampaignStatus,
    CompetencyFramework,
    ExpertAssignment,
    Indicator,
    Instrument,
    InstrumentKind,
    Participant,
    PositionGroup,
    Response,
    Result,
    WorkSubmission,
)
from assessment.results.services.results import results_compute
from candidates.models import (
    Candidate,
    NominationSource,
    ReserveMembership,
)
from candidates.services.nominations import nomination_create
from demo.assessment.work import work_text
from demo.builders import DAY, Stamps, demo_account, ministry_user, moment
from demo.development.cohort_selection import apply_and_admit, include_by_order, restamp_history
from governance.selectors import regulation_in_force
from registry.models import Municipality, Organization, PositionKind


@dataclass(frozen=True)
class DemoReservist:
    last_name: str
    first_name: str
    middle_name: str
    municipality: str
    position: str
    started_days_ago: int
    plan: str  # the plan's state in the demo: "", draft, on_approval, approved, in_progress
    scores: tuple[tuple[str, int], ...] = ()  # fixed scores; the rest are drawn


# The demo «candidate» account is the first: a reservist working on an approved plan.
COHORT = [
    DemoReservist("Васильева", "Ольга", "Александровна", "город Оренбург", "director-general",
                  210, "in_progress", (("K02", 34), ("K05", 36), ("K06", 45), ("K08", 44))),
    DemoReservist("Кравченко", "Дмитрий", "Игоревич", "город Оренбург", "director-general",
                  150, "on_approval"),
    DemoReservist("Ахметова", "Гульнара", "Рашидовна", "город Оренбург", "head-preschool",
                  148, "in_progress"),
    DemoReservist("Соловьёва", "Ирина", "Викторовна", "город Оренбург", "deputy-preschool",
                  90, "draft", (("K02", 45), ("K06", 40))),
    DemoReservist("Никитина", "Елена", "Сергеевна", "город Оренбург", "director-vocational",
                  60, ""),
    DemoReservist("Белова", "Марина", "Олеговна", "город Орск", "director-general",
                  180, "in_progress"),
    DemoReservist("Захаров", "Павел", "Николаевич", "город Орск", "deputy-general",
                  120, "on_approval"),
    DemoReservist("Ермекова", "Айгуль", "Маратовна", "город Орск", "head-preschool",
                  100, "approved"),
    DemoReservist("Тимофеев", "Игорь", "Владимирович", "город Бузулук", "director-general",
                  160, "in_progress"),
    DemoReservist("Руденко", "Светлана", "Петровна", "город Бузулук", "director-additional",
                  45, ""),
    DemoReservist("Мельникова", "Анна", "Юрьевна", "Оренбургский муниципальный район",
                  "director-general", 130, "draft"),
    DemoReservist("Карпов", "Сергей", "Алексеевич", "Оренбургский муниципальный район",
                  "deputy-general", 75, "on_approval"),
]  # fmt: skip

# The post each reservist holds now, in the kind of organization they work in.
CURRENT_POSTS = {
    "general": "Заместитель директора по учебно-воспитательной работе",
    "preschool": "Старший воспитатель",
    "vocational": "Заместитель директора по учебно-производственной работе",
    "additional": "Заместитель директора по учебно-методической работе",
}

CAMPAIGN_NAME = "Комплексная оценка кандидатов в резерв 2026"
REASSESSMENT_NAME = "Повторная оценка резервистов 2026"


# The instruments of the development cohort's campaigns: the answers below are what they scored.
COHORT_WEIGHTS = {InstrumentKind.SELF_ASSESSMENT: 40, InstrumentKind.CASE: 60}
COHORT_EXPERTS = ("expert", "expert02")
# Only those at or above the pass mark reach the reserve (the Regulation's).
PASS_MARK = 60


def closed_campaign(
    *,
    name: str,
    framework: CompetencyFramework,
    starts_on: datetime.date,
    ends_on: datetime.date,
) -> Campaign:
    """Return the closed campaign of that name, created over those days with its instruments."""
    campaign, created = Campaign.objects.get_or_create(
        name=name,
        defaults={
            "framework": framework,
            "status": CampaignStatus.CLOSED,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "pass_threshold": regulation_in_force().pass_threshold,
        },
    )
    if created:
        for kind, weight in COHORT_WEIGHTS.items():
            CampaignInstrument.objects.create(
                campaign=campaign,
                instrument=Instrument.objects.filter(framework=framework, kind=kind)
                .order_by("pk")
                .first(),
                weight=weight,
                deadline=ends_on,
            )
    return campaign


def _ratings(score: float) -> tuple[int, int]:
    """Return two 1–4 ratings around the score's place on the scale (their mean approaches it)."""
    level = 1 + 3 * score / 100
    return max(1, min(4, math.floor(level))), max(1, min(4, math.ceil(level)))


def record_answers(participant: Participant, scores: dict[str, float], rng: random.Random) -> None:
    """Write the self-assessment and the two experts' case ratings that give about these scores.

    The result is then computed from them by the assessment's own scoring, so that a recomputation
    of the (closed) campaign gives the same numbers the pages show.
    """
    items = {
        ci.instrument.kind: ci
        for ci in CampaignInstrument.objects.filter(campaign=participant.campaign).select_related(
            "instrument"
        )
    }
    answered = moment(participant.campaign.ends_on - 3 * DAY, 18)
    self_ci = items[InstrumentKind.SELF_ASSESSMENT]
    answers = {}
    for indicator_id, code in Indicator.objects.filter(instrument=self_ci.instrument).values_list(
        "pk", "competency__code"
    ):
        low, high = _ratings(scores[code])
        answers[str(indicator_id)] = rng.choice((low, high)) if low != high else low
    Response.objects.create(
        participant=participant, campaign_instrument=self_ci, answers=answers, submitted_at=answered
    )
    case_ci = items[InstrumentKind.CASE]
    case = case_ci.instrument
    criteria = list(
        case.criteria_for(case.variant_for(participant.position_kind_id)).values_list(
            "pk", "competency__code"
        )
    )
    # The case's written answer, handed in the day before the experts rate it (its own random
    # stream, so the scores drawn from rng stay as they were).
    work = WorkSubmission.objects.create(
        participant=participant,
        campaign_instrument=case_ci,
        text=work_text(case_ci, random.Random(participant.pk), participant),  # noqa: S311
        submitted_at=answered,
    )
    WorkSubmission.objects.filter(pk=work.pk).update(saved_at=answered)  # saved_at is auto_now
    experts = list(User.objects.filter(username__in=COHORT_EXPERTS).order_by("username"))
    for number, expert in enumerate(experts):
        ExpertAssignment.objects.create(
            participant=participant,
            campaign_instrument=case_ci,
            expert=expert,
            no_conflict_declared_at=answered,
            scores={str(pk): _ratings(scores[code])[number % 2] for pk, code in criteria},
            submitted_at=answered + DAY,
        )


def _story_scores(framework, rng: random.Random, fixed: dict[str, int]) -> dict[str, float]:
    """Return the scores a reservist's answers aim at: the story's gaps, the rest drawn.

    Only candidates at or above the pass mark reach the reserve, so the drawn scores are drawn
    again, higher, until their mean clears it with a margin for the answers' rounding.
    """
    codes = list(framework.competencies.values_list("code", flat=True))
    low = 55 if fixed else 25
    while True:
        scores = {code: float(fixed.get(code, rng.randint(low, max(low, 95)))) for code in codes}
        if sum(scores.values()) / len(scores) >= PASS_MARK + 15 or low >= 100:
            return scores
        low += 5


def reservist_add(
    person: DemoReservist,
    number: int,
    *,
    campaign: Campaign,
    today,
    rng,
    protocol: str,
    order_number: str,
    stamps: Stamps,
) -> ReserveMembership | None:
    """Add a reservist who came through selection, the commission and the ministry's order."""
    # Demo reservists other than «candidate» do not sign in.
    username = "candidate" if number == 0 else f"reservist{number:02d}"
    user = demo_account(
        username=username,
        role=Role.CANDIDATE,
        names=(person.last_name, person.first_name, person.middle_name),
        email=f"reservist{number:02d}@obr56.example",
    )
    if Candidate.objects.filter(user=user).exists():
        return None
    municipality = Municipality.objects.get(name=person.municipality)
    position = PositionKind.objects.get(code=person.position)
    # A workplace that fits the post of the reserve: a school for a school's director, and so on.
    fitting = Organization.objects.filter(
        municipality=municipality, is_active=True, kind__in=position.organization_kinds or [""]
    ).order_by("inn")
    organization = fitting[number % 5 : number % 5 + 1].first() or fitting.first()
    candidate = Candidate.objects.create(
        user=user,
        last_name=person.last_name,
        first_name=person.first_name,
        middle_name=person.middle_name,
        email=user.email or f"{user.username}@obr56.example",
        phone=f"+7 (922) 555-{10 + number:02d}-{20 + number:02d}",
        municipality=municipality,
        organization=organization,
        position=CURRENT_POSTS.get(
            organization.kind if organization else "", CURRENT_POSTS["general"]
        ),
        birth_date=datetime.date(1978 + number, 1 + number % 12, 10 + number),
    )
    started = today - datetime.timedelta(days=person.started_days_ago)
    ministry = ministry_user()
    nomination = nomination_create(
        candidate=candidate,
        position_kind=position,
        municipality=municipality,
        source=NominationSource.MUNICIPAL_AUTHORITY,
        actor=ministry,
    )
    apply_and_admit(nomination, number=number, started=started, ministry=ministry, stamps=stamps)
    participant = Participant.objects.create(
        campaign=campaign,
        candidate=candidate,
        nomination=nomination,
        position_group=PositionGroup.HEAD if position.is_head else PositionGroup.DEPUTY,
        position_kind=position,
        municipality=municipality,
    )
    record_answers(participant, _story_scores(campaign.framework, rng, dict(person.scores)), rng)
    results_compute(campaign=campaign)
    Participant.objects.filter(pk=participant.pk).update(
        completed_at=datetime.datetime.combine(
            started - 20 * DAY, datetime.time(12), tzinfo=datetime.UTC
        )
    )
    membership = include_by_order(
        nomination,
        category="operational" if number % 3 else "prospective",
        readiness="within_year" if number % 3 else "within_two_years",
        started=started,
        protocol=protocol,
        order_number=order_number,
        ministry=ministry,
        stamps=stamps,
    )
    restamp_history(nomination, started, stamps)
    return membership


def reassess(membership: ReserveMembership, today: datetime.date, rng: random.Random) -> bool:
    """Add a finished re-assessment in which the earlier gaps grew, for the report's growth."""
    earlier = (
        Result.objects.filter(participant__candidate=membership.candidate)
        .select_related("participant__campaign__framework")
        .order_by("-participant__completed_at")
        .first()
    )
    if earlier is None or not earlier.gaps:
        return False
    campaign = closed_campaign(
        name=REASSESSMENT_NAME,
        framework=earlier.participant.campaign.framework,
        starts_on=today - 40 * DAY,
        ends_on=today - 10 * DAY,
    )
    participant = Participant.objects.create(
        campaign=campaign,
        candidate=membership.candidate,
        membership=membership,
        position_group=earlier.participant.position_group,
        position_kind=membership.position_kind,
        municipality=membership.municipality,
        completed_at=datetime.datetime.combine(today - 12 * DAY, datetime.time(12), datetime.UTC),
    )
    gap_codes = {gap["code"] for gap in earlier.gaps}
    scores = {
        code: min(100.0, float(score) + (18.0 if code in gap_codes else 2.0))
        for code, score in earlier.competency_scores.items()
    }
    record_answers(participant, scores, rng)
    results_compute(campaign=campaign)
    return True
