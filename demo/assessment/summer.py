"""The summer wave: a whole campaign, calibrated, completed, decided by the commission, reviewed."""

import datetime
import random

from accounts.models import Role, User
from assessment.campaigns.services.workflow import campaign_close
from assessment.experts.services import calibration_decide
from assessment.models import (
    CalibrationDecision,
    Campaign,
    CampaignInstrument,
    CompetencyFramework,
    ExpertAssignment,
    FeedbackInvitation,
    InstrumentKind,
    Participant,
    RubricCriterion,
)
from assessment.results.services.results import participant_complete, results_compute
from assessment.results.services.talent import performance_rate, talent_note_add
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
from demo.assessment.campaigns import (
    PANELS,
    backdate_answers,
    campaign_start,
    experts_at_work,
    instruments_by_kind,
    moment_within,
    participants_by_email,
    wave_nominations,
)
from demo.builders import DAY, moment, restamp_last_change
from demo.selection.commission import seed_meetings
from demo.selection.roster import SUMMER_WAVE_STARTED_DAYS_AGO, email_of

K = InstrumentKind
SUMMER_NAME = "Оценка кандидатов 2026 (лето)"

# Each instrument's deadline, in days from today, as it was.
SUMMER_DEADLINES = {
    K.SELF_ASSESSMENT: -130,
    K.FEEDBACK_360: -120,
    K.KNOWLEDGE_TEST: -115,
    K.CASE: -100,
    K.INTERVIEW: -90,
    K.MANAGEMENT_PROJECT: -85,
}
SUMMER_ENDS = -80
SUMMER_COMPLETED = -76  # the held meeting's people were completed then
SUMMER_CALIBRATED = -24  # the experts' disagreements were settled then
SUMMER_LATE_COMPLETED = -21  # and the rest completed, for the next meeting

# Who rates what in the summer: the panels every campaign assigns before it starts.
SUMMER_PANELS = PANELS
# The summer people whose experts disagreed on the case by two points: calibrated later.
DISAGREED = ("Коваленко", "Медведева")

PERFORMANCE = {
    # surname: (rating, basis)
    "Прохорова": (
        3,
        "Руководит переходом школы на обновлённые ФГОС: средний балл ОГЭ по математике вырос "
        "с 3,6 до 4,1; школа — победитель регионального конкурса программ развития.",
    ),
    "Лысенко": (
        2,
        "Детский сад выполняет муниципальное задание в полном объёме, предписаний надзорных "
        "органов нет; новые проекты пока не запускала.",
    ),
    "Панова": (
        3,
        "Руководит методической работой школы: три педагога стали победителями муниципальных "
        "конкурсов, школа — пилотная площадка по функциональной грамотности.",
    ),
    "Куликов": (
        1,
        "Результаты ГИА в школе снизились второй год подряд, текучесть кадров 18 %; план "
        "устранения замечаний Рособрнадзора выполнен частично.",
    ),
    "Гусева": (
        2,
        "Воспитательная работа школы на хорошем уровне: снижение правонарушений, рост охвата "
        "дополнительным образованием до 78 %.",
    ),
    "Рахимова": (
        3,
        "Сельская школа под её методическим руководством вошла в число лучших по ВПР в районе; "
        "ведёт сетевой проект с колледжем.",
    ),
    "Медведева": (
        2,
        "Методическая работа в детском саду организована, аттестация педагогов проходит без "
        "замечаний; инициативы — в рамках плана.",
    ),
}
TALENT_NOTES = {
    "Прохорова": "Готова к назначению: предложить в шорт-лист на должность директора школы, где "
    "контракт руководителя истекает в 2027 году.",
    "Куликов": "Балл оценки выше порога, но результативность ниже ожиданий: школа в сложном "
    "контексте. Назначить наставника и вернуться к оценке через полгода.",
}


def seed_summer(
    *, rng: random.Random, today: datetime.date, ministry: User, framework: CompetencyFramework
) -> list[str]:
    """Run the summer campaign from start to finish, complete it and let the commission meet."""
    wave = wave_nominations("summer")
    if not wave:
        return []
    people = {email_of(p): p for p, _ in wave}
    experts = experts_at_work(ministry)
    open_until = today + DAY  # every instrument open while the demo answers, moved back after
    campaign = campaign_start(
        SUMMER_NAME,
        framework,
        starts=today - SUMMER_WAVE_STARTED_DAYS_AGO * DAY,
        ends=open_until,
        deadlines=dict.fromkeys(SUMMER_DEADLINES, open_until),
        nominations=[n for _, n in wave],
        ministry=ministry,
        today=today,
        experts=experts,
    )
    items = instruments_by_kind(campaign)
    participants = participants_by_email(campaign)
    content = content_of(framework)
    levels = {p.pk: person_level(people[email], rng) for email, p in participants.items()}
    plan = [
        (
            participant,
            items[K.FEEDBACK_360],
            {"peer": (3, 3), **({"subordinate": (3, 3)} if number % 3 == 0 else {})},
        )
        for number, participant in enumerate(participants.values())
    ]
    invited = invite_colleagues(plan, rng)
    feedback = answer_feedback(invited, items[K.FEEDBACK_360], levels, rng, content)
    for email, participant in participants.items():
        level = levels[participant.pk]
        answer_self_assessment(participant, items[K.SELF_ASSESSMENT], level, rng, content)
        take_test(participant, items[K.KNOWLEDGE_TEST], level, rng, content)
        for kind, panel in SUMMER_PANELS.items():
            first = None
            for username in panel:
                first = rate(
                    participant,
                    items[kind],
                    experts[username],
                    ministry=ministry,
                    level=level,
                    rng=rng,
                    content=content,
                    paired=first,
                    disagree=people[email].last_name in DISAGREED and kind == K.CASE,
                )
    # campaign_close computes the results before the status changes, while the 360° answers do
    # not count yet; so they are computed once more after it, as the ministry's «Пересчитать».
    campaign = campaign_close(campaign=campaign, actor=ministry)
    calibrated = _calibrate(campaign, items[K.CASE], ministry)
    results_compute(campaign=campaign, actor=ministry, source=AuditSource.COMMAND)
    for email, participant in participants.items():
        late = people[email].story == "review"
        completed = moment_within(
            today + (SUMMER_LATE_COMPLETED if late else SUMMER_COMPLETED) * DAY, rng
        )
        participant_complete(participant=participant, actor=ministry)
        restamp_last_change(participant.nomination, completed)
        Participant.objects.filter(pk=participant.pk).update(completed_at=completed)
    _backdate_summer(campaign, today, rng)
    lines = [
        f"«{SUMMER_NAME}»: участников {len(participants)}, ответов 360° {feedback}, "
        f"калибровок {calibrated}; все оценены и переданы комиссии."
    ]
    lines += [f"Отбор: {line}" for line in seed_meetings(rng=rng, today=today)]
    lines.append(_talent_review(campaign, ministry))
    return lines


def _calibrate(campaign: Campaign, item: CampaignInstrument, ministry: User) -> int:
    """Settle the experts' disagreements on the case with the chair's agreed scores."""
    decided = 0
    for participant in Participant.objects.filter(
        campaign=campaign, candidate__last_name__in=DISAGREED
    ).order_by("pk"):
        assignments = list(
            ExpertAssignment.objects.filter(participant=participant, campaign_instrument=item)
        )
        for criterion in RubricCriterion.objects.filter(instrument=item.instrument).order_by("pk"):
            given = [a.scores.get(str(criterion.pk)) for a in assignments]
            if None in given or max(given) - min(given) <= campaign.disagreement_threshold:
                continue
            calibration_decide(
                participant=participant,
                campaign_instrument=item,
                criterion=criterion,
                agreed_score=round(sum(given) / len(given)),
                reason="Разобрано на заседании экспертной группы: решение кейса верное по сути, "
                "но без оценки рисков; согласована средняя оценка.",
                actor=ministry,
            )
            decided += 1
    return decided


def _talent_review(campaign: Campaign, ministry: User) -> str:
    """Rate the work results of most of the campaign's people; note two of them."""
    coordinators = {
        u.municipality_id: u
        for u in User.objects.filter(
            role=Role.MUNICIPAL, username__in=("coordinator", "coordinator-orsk")
        )
    }
    rated = 0
    for participant in (
        Participant.objects.filter(campaign=campaign)
        .select_related("candidate", "campaign")
        .order_by("candidate__last_name")
    ):
        rating = PERFORMANCE.get(participant.candidate.last_name)
        if rating is None:
            continue
        performance_rate(
            participant=participant,
            rating=rating[0],
            basis=rating[1],
            actor=coordinators.get(participant.municipality_id, ministry),
        )
        rated += 1
    for participant in Participant.objects.filter(
        campaign=campaign, candidate__last_name__in=TALENT_NOTES
    ).select_related("candidate", "campaign"):
        talent_note_add(
            participant=participant,
            note=TALENT_NOTES[participant.candidate.last_name],
            actor=ministry,
        )
    return f"Талант-ревью: оценок результативности {rated}, заметок калибровки {len(TALENT_NOTES)}."


def _backdate_summer(campaign: Campaign, today: datetime.date, rng: random.Random) -> None:
    """Put the finished summer campaign's calendar and answers back into the summer."""
    Campaign.objects.filter(pk=campaign.pk).update(ends_on=today + SUMMER_ENDS * DAY)
    CampaignInstrument.objects.bulk_update(
        [
            CampaignInstrument(pk=pk, deadline=today + SUMMER_DEADLINES[kind] * DAY)
            for pk, kind in CampaignInstrument.objects.filter(campaign=campaign).values_list(
                "pk", "instrument__kind"
            )
        ],
        ["deadline"],
    )
    invited = today + (SUMMER_DEADLINES[K.FEEDBACK_360] - 18) * DAY
    FeedbackInvitation.objects.filter(participant__campaign=campaign).update(
        created_at=moment(invited, 18, 0),
        expires_at=moment(today + (SUMMER_DEADLINES[K.FEEDBACK_360] + 1) * DAY, 0, 0),
    )
    FeedbackInvitation.objects.filter(participant__campaign=campaign).exclude(used_at=None).update(
        used_at=moment(invited + 5 * DAY, 0, 0)
    )
    backdate_answers(
        campaign,
        today,
        rng,
        {
            "self": (SUMMER_DEADLINES[K.SELF_ASSESSMENT] - 12, SUMMER_DEADLINES[K.SELF_ASSESSMENT]),
            "test": (SUMMER_DEADLINES[K.KNOWLEDGE_TEST] - 8, SUMMER_DEADLINES[K.KNOWLEDGE_TEST]),
            "feedback": (SUMMER_DEADLINES[K.FEEDBACK_360] - 17, SUMMER_DEADLINES[K.FEEDBACK_360]),
            "declared": (SUMMER_DEADLINES[K.CASE] - 12, SUMMER_DEADLINES[K.CASE] - 9),
            "rated": None,  # before each instrument's deadline
        },
    )
    CalibrationDecision.objects.filter(participant__campaign=campaign).update(
        decided_at=moment(today + SUMMER_CALIBRATED * DAY, 11, 0)
    )
