"""The well-being pulse questionnaire: five items 0–5, the 0–100 index and what it is not.

The index rule: each answer is scored 0–5 so that a higher score always means better
well-being — the workload item asks how excessive the load was, so it is reversed (score =
5 − answer). The five scores add up to 0–25, and the index is that sum × 4, which is the mean
score × 20: a whole number 0–100 with no rounding. An index below 40 (a mean score under 2 of 5)
is called low; staff see the share of people with a low index, never anyone's answers.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError

SCALE_MIN = 0
SCALE_MAX = 5
# Below this index a person's month counts as low in the aggregates and gets a gentle note.
LOW_INDEX_THRESHOLD = 40
# From this index on the month is described as high.
HIGH_INDEX_THRESHOLD = 70
# Staff see figures only for groups of at least this many distinct people.
MIN_GROUP_SIZE = 5


@dataclass(frozen=True)
class PulseItem:
    """One question, the words at both ends of its 0–5 scale, whether the scale is reversed."""

    key: str
    topic: str
    question: str
    low_label: str
    high_label: str
    reversed: bool = False

    def score(self, answer: int) -> int:
        """Return the answer as a 0–5 score in which more is always better."""
        return SCALE_MAX - answer if self.reversed else answer


PULSE_ITEMS: tuple[PulseItem, ...] = (
    PulseItem(
        key="energy",
        topic="Силы и энергия",
        question="Хватало ли вам в последний месяц сил и энергии на работу?",
        low_label="сил не было совсем",
        high_label="сил было достаточно",
    ),
    PulseItem(
        key="workload",
        topic="Нагрузка",
        question="Насколько чрезмерной была ваша рабочая нагрузка в последний месяц?",
        low_label="нагрузка посильная",
        high_label="нагрузка непосильная",
        reversed=True,
    ),
    PulseItem(
        key="support",
        topic="Поддержка",
        question=(
            "Могли ли вы рассчитывать на поддержку коллег, руководителя или наставника, "
            "когда она была нужна?"
        ),
        low_label="поддержки не было",
        high_label="поддержка была всегда",
    ),
    PulseItem(
        key="meaning",
        topic="Смысл работы",
        question="Ощущаете ли вы, что ваша работа важна и имеет смысл?",
        low_label="совсем не ощущаю",
        high_label="ощущаю в полной мере",
    ),
    PulseItem(
        key="recovery",
        topic="Отдых и восстановление",
        question="Удавалось ли вам отдохнуть и восстановиться после работы и в выходные?",
        low_label="не удавалось совсем",
        high_label="удавалось полностью",
    ),
)

INDEX_RULE = (
    "Каждый ответ переводится в балл от 0 до 5, где больше — лучше; вопрос о нагрузке считается "
    "в обратную сторону (балл = 5 − ответ). Индекс — сумма пяти баллов, умноженная на 4 "
    "(то же, что средний балл × 20): от 0 до 100. Индекс ниже 40 считается низким."
)

NOT_A_DIAGNOSIS = (
    "Индекс благополучия — не диагноз и не оценка вашей работы. Он лишь отражает ваши ответы "
    "о последнем месяце и помогает заметить, когда нагрузка начинает брать верх."
)

WHERE_TO_TURN = (
    "Если вам трудно уже не первую неделю, не оставайтесь с этим одни: обратитесь к "
    "педагогу-психологу своей организации или в психологическую службу системы образования "
    "вашего муниципалитета, обсудите нагрузку с наставником или руководителем. О мерах "
    "поддержки руководителей можно узнать в министерстве образования Оренбургской области — "
    "контакты опубликованы на его официальном сайте."
)

EMERGENCY = (
    "Если вам очень плохо или появляются мысли причинить себе вред, обратитесь к врачу "
    "или позвоните по единому номеру экстренных служб 112."
)


def validate_answers(answers: Sequence[int]) -> list[int]:
    """Return the answers as five integers 0–5, or raise ValidationError in Russian."""
    if len(answers) != len(PULSE_ITEMS):
        raise ValidationError(f"Нужно ответить на все {len(PULSE_ITEMS)} вопросов.")
    cleaned = []
    for item, answer in zip(PULSE_ITEMS, answers, strict=True):
        if isinstance(answer, bool) or not isinstance(answer, int):
            raise ValidationError(f"Ответ на вопрос «{item.topic}» должен быть числом от 0 до 5.")
        if not SCALE_MIN <= answer <= SCALE_MAX:
            raise ValidationError(f"Ответ на вопрос «{item.topic}» должен быть от 0 до 5.")
        cleaned.append(answer)
    return cleaned


def pulse_index(answers: Sequence[int]) -> int:
    """Return the 0–100 index of five answers: the sum of the scores × 4 (mean score × 20)."""
    cleaned = validate_answers(answers)
    total = sum(item.score(answer) for item, answer in zip(PULSE_ITEMS, cleaned, strict=True))
    return total * 100 // (SCALE_MAX * len(PULSE_ITEMS))


def index_level(index: float) -> str:
    """Return the word for an index: «низкий», «средний» or «высокий»."""
    if index < LOW_INDEX_THRESHOLD:
        return "низкий"
    if index < HIGH_INDEX_THRESHOLD:
        return "средний"
    return "высокий"


def is_low(index: float) -> bool:
    """Return whether the index counts as low in the aggregates."""
    return index < LOW_INDEX_THRESHOLD
