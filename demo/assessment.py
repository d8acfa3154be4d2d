"""Demo data of the assessment stage: the summer wave assessed and decided, the autumn one running.

Called by `manage.py seed_demo` after the selection stage's demo (demo/selection.py), whose
nominations in «оценка» it takes:
- the summer wave goes through a whole campaign, «Оценка кандидатов 2026 (лето)»: self-assessment,
  360° feedback, the knowledge test and two experts on the case, the interview and the project;
  two disagreements of experts are calibrated; the participants are completed, which passes their
  nominations to the commission, and the selection stage's demo then holds its meetings
  (demo.selection.seed_meetings). The talent review rates most of them and notes two;
- the autumn wave is the running campaign «Оценка кандидатов 2026 (осень)»: some self-assessments
  sent or in draft, some tests taken, 360° answers for two people, the demo expert with a second
  expert on cases and interviews — some rated, some waiting for the demo expert.

Everything is written through the services at today's date, while the instruments are open;
the summer campaign's calendar and the answers' timestamps are then moved back to the summer.
Colleagues answer 360° by the personal link mailed to them: the demo reads it from the letter
(sent at once to an in-memory mailbox, see _invitations).
Deterministic for a given generator and day; a second run adds nothing.
"""

import datetime
import random
import re
from dataclasses import dataclass

from django.core import mail
from django.db import transaction
from django.test.utils import override_settings

from accounts.models import Role, User
from assessment.models import (
    CalibrationDecision,
    Campaign,
    CampaignInstrument,
    CompetencyFramework,
    ExpertAssignment,
    FeedbackInvitation,
    FeedbackResponse,
    Indicator,
    Instrument,
    InstrumentKind,
    Participant,
    Question,
    Response,
    RubricCriterion,
    TestAttempt,
)
from assessment.services.campaigns import (
    CampaignSettings,
    InstrumentChoice,
    campaign_activate,
    campaign_add_participants,
    campaign_close,
    campaign_create,
    default_instrument_weights,
)
from assessment.services.experts import (
    calibration_decide,
    expert_assign,
    expert_declare,
    expert_profile_save,
    expert_rating_save,
)
from assessment.services.feedback import feedback_submit, invitation_create
from assessment.services.results import participant_complete, results_compute
from assessment.services.self_assessment import response_save_draft, response_submit
from assessment.services.talent import performance_rate, talent_note_add
from assessment.services.testing import attempt_start, attempt_submit
from audit.models import AuditSource
from candidates.models import Candidate, Nomination, NominationStatus
from demo import selection
from governance.selectors import regulation_in_force
from registry.models import Organization

DAY = datetime.timedelta(days=1)
LOCMEM_EMAIL = "django.core.mail.backends.locmem.EmailBackend"
SUMMER_NAME = "Оценка кандидатов 2026 (лето)"
AUTUMN_NAME = "Оценка кандидатов 2026 (осень)"
K = InstrumentKind

# Each instrument's deadline, in days from today: the summer's as they were, the autumn's ahead.
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
AUTUMN_DEADLINES = {
    K.SELF_ASSESSMENT: 5,
    K.FEEDBACK_360: 12,
    K.KNOWLEDGE_TEST: 9,
    K.CASE: 19,
    K.INTERVIEW: 23,
    K.MANAGEMENT_PROJECT: 26,
}
AUTUMN_ENDS = 28

# The experts, as they sit on the commission (demo/selection.py creates their accounts).
EXPERT_PLACES = {
    "expert": ("", "Доцент кафедры управления образованием ОГПУ"),
    "expert02": ("", "Проректор Института развития образования Оренбургской области"),
    "expert03": ("general", "Директор гимназии"),
}
# Who rates what in the summer: two experts per expert-rated instrument.
SUMMER_PANELS = {
    K.CASE: ("expert", "expert02"),
    K.INTERVIEW: ("expert", "expert03"),
    K.MANAGEMENT_PROJECT: ("expert02", "expert03"),
}
# The summer people whose experts disagreed on the case by two points: calibrated later.
DISAGREED = ("Коваленко", "Медведева")

COLLEAGUES = [
    ("Петрова", "Ирина", "Сергеевна"),
    ("Волков", "Андрей", "Николаевич"),
    ("Семёнова", "Ольга", "Петровна"),
    ("Николаев", "Сергей", "Иванович"),
    ("Егорова", "Марина", "Владимировна"),
    ("Алексеева", "Татьяна", "Юрьевна"),
    ("Баранов", "Павел", "Олегович"),
    ("Крылова", "Надежда", "Викторовна"),
    ("Козлов", "Дмитрий", "Александрович"),
    ("Фролова", "Людмила", "Ивановна"),
    ("Соловьёва", "Анастасия", "Игоревна"),
    ("Лаптев", "Геннадий", "Фёдорович"),
]
FEEDBACK_COMMENTS = [
    "Умеет объединить коллектив вокруг общей задачи, всегда открыта к диалогу.",
    "Чёткие и понятные поручения, помогает молодым учителям.",
    "Хотелось бы больше внимания к планированию на длинный срок.",
    "Держит слово, решения принимает взвешенно.",
    "",
    "",
]
EXPERT_COMMENTS = {
    K.CASE: [
        "Решение кейса системное: видит причины, предлагает измеримые шаги.",
        "Хорошее знание нормативной базы; слабее — работа с конфликтом в коллективе.",
    ],
    K.INTERVIEW: [
        "Уверенно отвечает на вопросы о команде и качестве; финансы — на базовом уровне.",
        "Примеры из собственной практики убедительны, выводы из ошибок сделаны.",
    ],
    K.MANAGEMENT_PROJECT: [
        "Проект реалистичен, риски описаны; не хватает показателей результата.",
        "Проект опирается на данные школы; ресурсное обеспечение расписано по годам.",
    ],
}
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


# --- Answers ------------------------------------------------------------------------------


def _level_of(person: selection.DemoCandidate | None, rng: random.Random) -> float:
    """Return the person's level on the 1–4 scale: from the story's score, or drawn."""
    if person is not None and person.score:
        return 1 + 3 * person.score / 100
    return rng.uniform(2.2, 3.6)


def _rating(level: float, rng: random.Random, spread: float = 0.5) -> int:
    return max(1, min(4, round(level + rng.gauss(0, spread))))


def _ratings(indicator_ids: list[int], level: float, rng: random.Random) -> dict[str, int]:
    return {str(pk): _rating(level, rng) for pk in indicator_ids}


@dataclass
class Content:
    """What the instruments ask, loaded once."""

    indicators: dict[int, list[int]]  # instrument id -> indicator ids
    criteria: dict[int, list[int]]  # instrument id -> criterion ids
    correct: dict[int, list[int]]  # question id -> correct choice ids
    wrong: dict[int, list[int]]  # question id -> wrong choice ids


def _content(framework: CompetencyFramework) -> Content:
    content = Content({}, {}, {}, {})
    for pk, instrument_id in Indicator.objects.filter(instrument__framework=framework).values_list(
        "pk", "instrument_id"
    ):
        content.indicators.setdefault(instrument_id, []).append(pk)
    for pk, instrument_id in (
        RubricCriterion.objects.filter(instrument__framework=framework)
        .order_by("pk")
        .values_list("pk", "instrument_id")
    ):
        content.criteria.setdefault(instrument_id, []).append(pk)
    for question in Question.objects.filter(instrument__framework=framework).prefetch_related(
        "choices"
    ):
        for choice in question.choices.all():
            bucket = content.correct if choice.is_correct else content.wrong
            bucket.setdefault(question.pk, []).append(choice.pk)
    return content


def _test_answers(
    attempt: TestAttempt, level: float, rng: random.Random, content: Content
) -> dict[str, list[int]]:
    chance = max(0.1, min(0.97, (level - 1) / 3 + rng.gauss(0, 0.04)))
    answers = {}
    for question_id in attempt.question_ids:
        correct = content.correct.get(question_id, [])
        wrong = content.wrong.get(question_id, [])
        if rng.random() < chance or not wrong:
            answers[str(question_id)] = sorted(correct)
        else:
            answers[str(question_id)] = [rng.choice(wrong)]
    return answers


# --- Campaigns --------------------------------------------------------------------------------


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


def _campaign(
    name: str,
    framework: CompetencyFramework,
    *,
    starts: datetime.date,
    ends: datetime.date,
    deadlines: dict[str, datetime.date],
    nominations: list[Nomination],
    ministry: User,
    today: datetime.date,
) -> Campaign:
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
    return campaign_activate(campaign=campaign, actor=ministry)


def _wave(wave: str) -> list[tuple[selection.DemoCandidate, Nomination]]:
    """Return the wave's people with their nominations waiting in «оценка», in roster order."""
    people = {selection.email_of(p): p for p in selection.ROSTER if p.wave == wave}
    nominations = {
        n.candidate.email: n
        for n in Nomination.objects.filter(
            status=NominationStatus.ASSESSMENT, candidate__email__in=list(people)
        ).select_related("candidate", "position_kind")
    }
    return [(p, nominations[email]) for email, p in people.items() if email in nominations]


def _by_kind(campaign: Campaign) -> dict[str, CampaignInstrument]:
    return {
        ci.instrument.kind: ci
        for ci in CampaignInstrument.objects.filter(campaign=campaign).select_related(
            "instrument", "campaign"
        )
    }


def _participants(campaign: Campaign) -> dict[str, Participant]:
    """Return the campaign's participants by their candidate's e-mail."""
    return {
        p.candidate.email: p
        for p in Participant.objects.filter(campaign=campaign).select_related(
            "candidate__user", "campaign", "nomination"
        )
    }


def _experts(ministry: User) -> dict[str, User]:
    """Return the experts by username with their places of work recorded."""
    experts = {u.username: u for u in User.objects.filter(username__in=EXPERT_PLACES)}
    taken = set(Candidate.objects.exclude(organization=None).values_list("organization", flat=True))
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


# --- 360° feedback ----------------------------------------------------------------------------


@dataclass
class Invited:
    participant: Participant
    relation: str
    email: str
    answers: bool  # whether the colleague answers in the demo
    token: str = ""  # from the link in the letter


def _invite(
    participant: Participant,
    item: CampaignInstrument,
    groups: dict[str, tuple[int, int]],
    rng: random.Random,
) -> list[Invited]:
    """Invite colleagues by groups {relation: (invited, answering)} as the participant does."""
    invited = []
    names = rng.sample(COLLEAGUES, sum(count for count, _ in groups.values()))
    for relation, (count, answering) in groups.items():
        for number in range(count):
            last_name, first_name, middle_name = names.pop()
            email = (
                f"{selection.translit(last_name).lower()}.{participant.pk}{len(invited)}"
                "@school56.example"
            )
            invitation_create(
                participant=participant,
                campaign_instrument=item,
                respondent_name=f"{last_name} {first_name} {middle_name}",
                respondent_email=email,
                relation=relation,
                actor=participant.candidate.user,
            )
            invited.append(Invited(participant, relation, email, number < answering))
    return invited


def _mailed_links(first: int) -> dict[str, str]:
    """Return {recipient: link token} of the invitations mailed since the outbox's index."""
    outbox = getattr(mail, "outbox", [])
    links = {}
    for message in outbox[first:]:
        found = re.search(r"/assessment/feedback/([\w-]+)/", message.body)
        if found:
            links[message.to[0]] = found.group(1)
    del outbox[first:]
    return links


def _invitations(
    plan: list[tuple[Participant, CampaignInstrument, dict[str, tuple[int, int]]]],
    rng: random.Random,
) -> list[Invited]:
    """Invite the colleagues and read each one's link from the letter they get.

    The letters go out when the invitation commits; inside the demo's transaction they wait in
    the connection's on-commit queue, so they are sent from there at once (as Django's
    captureOnCommitCallbacks(execute=True) does), to an in-memory mailbox.
    """
    connection = transaction.get_connection()
    with override_settings(EMAIL_BACKEND=LOCMEM_EMAIL):
        first_letter = len(getattr(mail, "outbox", []))
        queued = len(connection.run_on_commit)
        invited = [
            person
            for participant, item, groups in plan
            for person in _invite(participant, item, groups, rng)
        ]
        letters = connection.run_on_commit[queued:]
        del connection.run_on_commit[queued:]
        for _savepoints, send, _robust in letters:
            send()
        links = _mailed_links(first_letter)
    for person in invited:
        person.token = links.get(person.email, "")
    return invited


def _answer_feedback(
    invited: list[Invited],
    item: CampaignInstrument,
    level_of: dict[int, float],
    rng: random.Random,
    content: Content,
) -> int:
    """Answer as the colleagues who do, each by the link from their letter."""
    indicator_ids = content.indicators[item.instrument_id]
    answered = 0
    for person in invited:
        if not person.answers or not person.token:
            continue
        participant = person.participant
        feedback_submit(
            token=person.token,
            answers=_ratings(indicator_ids, level_of[participant.pk], rng),
            comment=rng.choice(FEEDBACK_COMMENTS),
        )
        answered += 1
    return answered


# --- The participant's own instruments and the experts -------------------------------------


def _self_assessment(
    participant: Participant,
    item: CampaignInstrument,
    level: float,
    rng: random.Random,
    content: Content,
    *,
    complete: bool = True,
) -> Response:
    indicator_ids = content.indicators[item.instrument_id]
    answers = _ratings(indicator_ids, min(4.0, level + 0.3), rng)
    user = participant.candidate.user
    if not complete:
        draft = dict(list(answers.items())[: len(answers) // 2])
        return response_save_draft(
            participant=participant, campaign_instrument=item, answers=draft, actor=user
        )
    return response_submit(
        participant=participant, campaign_instrument=item, answers=answers, actor=user
    )


def _test(
    participant: Participant,
    item: CampaignInstrument,
    level: float,
    rng: random.Random,
    content: Content,
) -> TestAttempt:
    user = participant.candidate.user
    attempt = attempt_start(participant=participant, campaign_instrument=item, actor=user, rng=rng)
    return attempt_submit(
        attempt=attempt, answers=_test_answers(attempt, level, rng, content), actor=user
    )


def _rate(
    participant: Participant,
    item: CampaignInstrument,
    expert: User,
    *,
    ministry: User,
    level: float,
    rng: random.Random,
    content: Content,
    state: str = "submitted",
    paired: ExpertAssignment | None = None,
    disagree: bool = False,
) -> ExpertAssignment:
    """Assign the expert and take the assignment as far as the state: assigned, declared,
    draft or submitted. Paired with another expert who rated, the scores stay within a point of
    theirs — except, to disagree, on the second criterion, two points away (for calibration)."""
    assignment = expert_assign(
        participant=participant, campaign_instrument=item, expert=expert, actor=ministry
    )
    if state == "assigned":
        return assignment
    assignment = expert_declare(assignment=assignment, actor=expert, no_conflict=True)
    if state == "declared":
        return assignment
    criteria = content.criteria[item.instrument_id]
    scores = {pk: _rating(level, rng, 0.35) for pk in criteria}
    if paired is not None and paired.submitted_at is not None:
        theirs = {pk: paired.scores[str(pk)] for pk in criteria}
        scores = {pk: max(1, min(4, theirs[pk] + rng.choice((-1, 0, 0, 1)))) for pk in criteria}
        if disagree:
            second = criteria[1]
            scores[second] = theirs[second] - 2 if theirs[second] >= 3 else theirs[second] + 2
    if state == "draft":
        scores = dict(list(scores.items())[:2])
    return expert_rating_save(
        assignment=assignment,
        scores=scores,
        comment=rng.choice(EXPERT_COMMENTS[item.instrument.kind]) if state == "submitted" else "",
        submit=state == "submitted",
        actor=expert,
    )


# --- Moving the record back to its days ------------------------------------------------------


def _when(
    day: datetime.date, rng: random.Random, hours: tuple[int, int] = (9, 18)
) -> datetime.datetime:
    return selection.moment(day, rng.randint(*hours), rng.randint(0, 59))


def _backdate_answers(
    campaign: Campaign,
    today: datetime.date,
    rng: random.Random,
    windows: dict[str, tuple[int, int] | None],
) -> None:
    """Put the campaign's answers on days inside the windows {what: (first, last) days}."""

    def day(what: str) -> datetime.date:
        first, last = windows[what]
        return today + rng.randint(first, last) * DAY

    stamps = selection.Stamps()
    Participant.objects.filter(campaign=campaign).update(
        added_at=selection.moment(campaign.starts_on, 9, 30)
    )
    for pk, submitted in (
        Response.objects.filter(participant__campaign=campaign)
        .order_by("pk")
        .values_list("pk", "submitted_at")
    ):
        when = _when(day("self"), rng, (17, 22))
        stamps.add(Response, pk, saved_at=when, submitted_at=when if submitted else None)
    for attempt in TestAttempt.objects.filter(participant__campaign=campaign).order_by("pk"):
        started = _when(day("test"), rng, (10, 17))
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
        declared = _when(min(day("declared"), rated - DAY), rng)
        saved = declared + datetime.timedelta(hours=1)
        if assignment.submitted_at:
            saved = _when(rated, rng)
        stamps.add(
            ExpertAssignment,
            assignment.pk,
            no_conflict_declared_at=declared,
            saved_at=saved,
            submitted_at=saved if assignment.submitted_at else None,
        )
    stamps.apply()


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
        created_at=selection.moment(invited, 18, 0),
        expires_at=selection.moment(today + (SUMMER_DEADLINES[K.FEEDBACK_360] + 1) * DAY, 0, 0),
    )
    FeedbackInvitation.objects.filter(participant__campaign=campaign).exclude(used_at=None).update(
        used_at=selection.moment(invited + 5 * DAY, 0, 0)
    )
    _backdate_answers(
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
        decided_at=selection.moment(today + SUMMER_CALIBRATED * DAY, 11, 0)
    )


# --- The summer wave --------------------------------------------------------------------------


def seed_summer(
    *, rng: random.Random, today: datetime.date, ministry: User, framework: CompetencyFramework
) -> list[str]:
    """Run the summer campaign from start to finish, complete it and let the commission meet."""
    wave = _wave("summer")
    if not wave:
        return []
    people = {selection.email_of(p): p for p, _ in wave}
    experts = _experts(ministry)
    open_until = today + DAY  # every instrument open while the demo answers, moved back after
    campaign = _campaign(
        SUMMER_NAME,
        framework,
        starts=today - selection.SUMMER_WAVE_STARTED_DAYS_AGO * DAY,
        ends=open_until,
        deadlines=dict.fromkeys(SUMMER_DEADLINES, open_until),
        nominations=[n for _, n in wave],
        ministry=ministry,
        today=today,
    )
    items = _by_kind(campaign)
    participants = _participants(campaign)
    content = _content(framework)
    levels = {p.pk: _level_of(people[email], rng) for email, p in participants.items()}
    plan = [
        (
            participant,
            items[K.FEEDBACK_360],
            {"peer": (3, 3), **({"subordinate": (3, 3)} if number % 3 == 0 else {})},
        )
        for number, participant in enumerate(participants.values())
    ]
    invited = _invitations(plan, rng)
    feedback = _answer_feedback(invited, items[K.FEEDBACK_360], levels, rng, content)
    for email, participant in participants.items():
        level = levels[participant.pk]
        _self_assessment(participant, items[K.SELF_ASSESSMENT], level, rng, content)
        _test(participant, items[K.KNOWLEDGE_TEST], level, rng, content)
        for kind, panel in SUMMER_PANELS.items():
            first = None
            for username in panel:
                first = _rate(
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
        completed = _when(today + (SUMMER_LATE_COMPLETED if late else SUMMER_COMPLETED) * DAY, rng)
        participant_complete(participant=participant, actor=ministry)
        selection.restamp_last_change(participant.nomination, completed)
        Participant.objects.filter(pk=participant.pk).update(completed_at=completed)
    _backdate_summer(campaign, today, rng)
    lines = [
        f"«{SUMMER_NAME}»: участников {len(participants)}, ответов 360° {feedback}, "
        f"калибровок {calibrated}; все оценены и переданы комиссии."
    ]
    lines += [f"Отбор: {line}" for line in selection.seed_meetings(rng=rng, today=today)]
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


# --- The autumn wave --------------------------------------------------------------------------


def seed_autumn(
    *, rng: random.Random, today: datetime.date, ministry: User, framework: CompetencyFramework
) -> list[str]:
    """Start the autumn campaign and bring it to the middle: answers, tests, experts at work."""
    wave = _wave("autumn")
    if not wave:
        return []
    experts = _experts(ministry)
    campaign = _campaign(
        AUTUMN_NAME,
        framework,
        starts=today - selection.AUTUMN_WAVE_STARTED_DAYS_AGO * DAY,
        ends=today + AUTUMN_ENDS * DAY,
        deadlines={kind: today + days * DAY for kind, days in AUTUMN_DEADLINES.items()},
        nominations=[n for _, n in wave],
        ministry=ministry,
        today=today,
    )
    items = _by_kind(campaign)
    people = list(_participants(campaign).values())
    people.sort(key=lambda p: [selection.email_of(x) for x, _ in wave].index(p.candidate.email))
    content = _content(framework)
    levels = {p.pk: _level_of(None, rng) for p in people}
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
    invited = _invitations(plan, rng)
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
    feedback = _answer_feedback(invited, items[K.FEEDBACK_360], levels, rng, content)
    for number, participant in enumerate(people):
        level = levels[participant.pk]
        if number < 6:
            _self_assessment(
                participant, items[K.SELF_ASSESSMENT], level, rng, content, complete=number < 4
            )
        if number in (0, 1, 2, 4):
            _test(participant, items[K.KNOWLEDGE_TEST], level, rng, content)
    previous = None
    for number, kind, expert, state, disagrees in panels:
        participant = people[number]
        same_panel = previous is not None and (
            previous.participant_id,
            previous.campaign_instrument_id,
        ) == (participant.pk, items[kind].pk)
        previous = _rate(
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
    _backdate_answers(
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
    pending = ExpertAssignment.objects.filter(
        participant__campaign=campaign, expert=e1, submitted_at=None
    ).count()
    return [
        f"«{AUTUMN_NAME}»: участников {len(people)}, ответов 360° {feedback}, "
        f"ждут оценки эксперта «expert»: {pending}."
    ]


# --- Entry points -----------------------------------------------------------------------------


def has_data() -> bool:
    """Return whether both demo campaigns are there."""
    return Campaign.objects.filter(name__in=(SUMMER_NAME, AUTUMN_NAME)).count() == 2


def seed(*, rng: random.Random, today: datetime.date) -> list[str]:
    """Seed the campaigns that are not there yet; return lines for the report."""
    framework = CompetencyFramework.objects.filter(is_current=True).first()
    ministry = (
        User.objects.filter(username="ministry").first()
        or User.objects.filter(role=Role.MINISTRY).order_by("pk").first()
    )
    if framework is None or ministry is None:
        return ["Кампании оценки не созданы: нет текущей модели компетенций или специалиста."]
    lines: list[str] = []
    # Candidates and experts have no mailboxes: the letters go nowhere (the 360° links excepted).
    # The results the experts' panels complete are recomputed once this block commits.
    with override_settings(EMAIL_BACKEND=selection.DUMMY_EMAIL), transaction.atomic():
        if not Campaign.objects.filter(name=SUMMER_NAME).exists():
            lines += seed_summer(rng=rng, today=today, ministry=ministry, framework=framework)
        if not Campaign.objects.filter(name=AUTUMN_NAME).exists():
            lines += seed_autumn(rng=rng, today=today, ministry=ministry, framework=framework)
    return lines
