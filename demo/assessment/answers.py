"""How the demo people answer: ratings near their level, tests, 360° by the mailed link, experts."""

import random
import re
from dataclasses import dataclass

from django.core import mail
from django.db import transaction
from django.test.utils import override_settings

from accounts.models import User
from assessment.experts.services import expert_assign, expert_declare, expert_rating_save
from assessment.models import (
    CampaignInstrument,
    CompetencyFramework,
    ExpertAssignment,
    Indicator,
    InstrumentKind,
    Participant,
    Question,
    Response,
    TestAttempt,
)
from assessment.participation.services.feedback import feedback_submit, invitation_create
from assessment.participation.services.self_assessment import response_save_draft, response_submit
from assessment.participation.services.testing import attempt_start, attempt_submit
from demo.assessment.work import hand_in_work
from demo.builders import translit
from demo.selection.roster import DemoCandidate

K = InstrumentKind
LOCMEM_EMAIL = "django.core.mail.backends.locmem.EmailBackend"

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

# --- Answers ------------------------------------------------------------------------------


def person_level(person: DemoCandidate | None, rng: random.Random) -> float:
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
    correct: dict[int, list[int]]  # question id -> correct choice ids
    wrong: dict[int, list[int]]  # question id -> wrong choice ids


def content_of(framework: CompetencyFramework) -> Content:
    content = Content({}, {}, {})
    for pk, instrument_id in Indicator.objects.filter(instrument__framework=framework).values_list(
        "pk", "instrument_id"
    ):
        content.indicators.setdefault(instrument_id, []).append(pk)
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
            email = f"{translit(last_name).lower()}.{participant.pk}{len(invited)}@school56.example"
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


def invite_colleagues(
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


def answer_feedback(
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


def answer_self_assessment(
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


def take_test(
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


def rate(
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
    """Assign the expert (unless the panel already has them) and take the assignment as far as
    the state: assigned, declared,
    draft or submitted. Paired with another expert who rated, the scores stay within a point of
    theirs — except, to disagree, on the second criterion, two points away (for calibration)."""
    assignment = ExpertAssignment.objects.filter(
        participant=participant, campaign_instrument=item, expert=expert
    ).first() or expert_assign(
        participant=participant, campaign_instrument=item, expert=expert, actor=ministry
    )
    if state == "assigned":
        return assignment
    assignment = expert_declare(assignment=assignment, actor=expert, no_conflict=True)
    if state == "declared":
        return assignment
    instrument = item.instrument
    variant = instrument.variant_for(participant.position_kind_id)
    criteria = list(instrument.criteria_for(variant).values_list("pk", flat=True))
    scores = {pk: _rating(level, rng, 0.35) for pk in criteria}
    if paired is not None and paired.submitted_at is not None:
        theirs = {pk: paired.scores[str(pk)] for pk in criteria}
        scores = {pk: max(1, min(4, theirs[pk] + rng.choice((-1, 0, 0, 1)))) for pk in criteria}
        if disagree:
            second = criteria[1]
            scores[second] = theirs[second] - 2 if theirs[second] >= 3 else theirs[second] + 2
    if state == "draft":
        scores = dict(list(scores.items())[:2])
    hand_in_work(participant, item, rng)
    return expert_rating_save(
        assignment=assignment,
        scores=scores,
        comment=rng.choice(EXPERT_COMMENTS[item.instrument.kind]) if state == "submitted" else "",
        submit=state == "submitted",
        actor=expert,
    )
