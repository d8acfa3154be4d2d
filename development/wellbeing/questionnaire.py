"""The well-being pulse: the WHO-5 Well-Being Index, its public scoring, and what it is not.

WHO-5 (World Health Organization, Regional Office for Europe, 1998) asks five questions about
the last two weeks, each answered 0 («ни разу») to 5 («всё время»). The raw score 0–25 is
multiplied by 4 to give the index 0–100. A score of 50 or below suggests reduced well-being and
is a reason to screen for depression; 28 or below points to likely depression (Topp C. W.,
Østergaard S. D., Søndergaard S., Bech P. The WHO-5 Well-Being Index: a systematic review of the
literature // Psychotherapy and Psychosomatics. 2015. Vol. 84, № 3. P. 167–176; WHO. The World
Health Organization-Five Well-Being Index (WHO-5). Geneva, 2024). The wording below is a Russian
rendering of the five WHO-5 items; it is a screening, never a diagnosis.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError

SCALE_MIN = 0
SCALE_MAX = 5
# WHO-5's cut-offs on the 0–100 index: at or below these the index is low, or very low.
LOW_INDEX_MAX = 50
VERY_LOW_INDEX_MAX = 28
# Staff see figures only for groups of at least this many distinct people.
MIN_GROUP_SIZE = 5
# What each answer means, the same for every question.
SCALE_WORDS = {
    5: "всё время",
    4: "большую часть времени",
    3: "больше половины времени",
    2: "меньше половины времени",
    1: "иногда",
    0: "ни разу",
}
SOURCE = (
    "Индекс благополучия ВОЗ-5 (WHO-5 Well-Being Index), Европейское региональное бюро ВОЗ, "
    "1998; подсчёт и пороги — WHO. The World Health Organization-Five Well-Being Index (WHO-5). "
    "Geneva, 2024; Topp C. W. et al. // Psychotherapy and Psychosomatics. 2015. Vol. 84. "
    "P. 167–176."
)


@dataclass(frozen=True)
class PulseItem:
    """One WHO-5 statement about the last two weeks, answered 0–5."""

    key: str
    topic: str
    question: str
    low_label: str = SCALE_WORDS[0]
    high_label: str = SCALE_WORDS[5]

    def score(self, answer: int) -> int:
        """Return the answer as its score: WHO-5 has no reversed item."""
        return answer


PULSE_ITEMS: tuple[PulseItem, ...] = (
    PulseItem(
        "cheerful", "Бодрость и настроение", "Я чувствовал(а) себя бодро, в хорошем настроении."
    ),
    PulseItem("calm", "Спокойствие", "Я чувствовал(а) себя спокойно и расслабленно."),
    PulseItem("active", "Активность", "Я чувствовал(а) себя активным(ой) и энергичным(ой)."),
    PulseItem("rested", "Отдых", "Я просыпался(ась) свежим(ей) и отдохнувшим(ей)."),
    PulseItem(
        "interest",
        "Интерес",
        "Моя повседневная жизнь была наполнена тем, что мне интересно.",
    ),
)

INDEX_RULE = (
    "Опросник ВОЗ-5 (WHO-5): пять утверждений о последних двух неделях, ответ от 0 («ни разу») "
    "до 5 («всё время»). Сумма ответов (0–25), умноженная на 4, — индекс от 0 до 100. Индекс 50 "
    "и ниже говорит о сниженном благополучии, 28 и ниже — о вероятной депрессии; это повод "
    "обратиться к специалисту, но не диагноз. Источник: " + SOURCE
)

NOT_A_DIAGNOSIS = (
    "Индекс ВОЗ-5 — не диагноз и не оценка вашей работы. Он отражает ваши ответы о последних "
    "двух неделях и помогает вовремя заметить, что силы на исходе."
)

WHERE_TO_TURN = (
    "Если вам трудно уже не первую неделю, не оставайтесь с этим одни: поговорите с "
    "наставником, руководителем или педагогом-психологом своей организации, обратитесь к "
    "врачу-терапевту или психотерапевту в поликлинике по месту жительства."
)

EMERGENCY = (
    "Если вам очень плохо или появляются мысли причинить себе вред, позвоните по единому номеру "
    "экстренных служб 112."
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
    """Return the WHO-5 index 0–100 of five answers: the raw sum 0–25 multiplied by 4."""
    cleaned = validate_answers(answers)
    return sum(item.score(answer) for item, answer in zip(PULSE_ITEMS, cleaned, strict=True)) * 4


def index_level(index: float) -> str:
    """Return what the index says by WHO-5's cut-offs."""
    if index <= VERY_LOW_INDEX_MAX:
        return "очень низкое благополучие"
    if index <= LOW_INDEX_MAX:
        return "сниженное благополучие"
    return "признаков сниженного благополучия нет"


def is_low(index: float) -> bool:
    """Return whether the index is at or below WHO-5's cut-off of 50 (counted in aggregates)."""
    return index <= LOW_INDEX_MAX


def is_very_low(index: float) -> bool:
    """Return whether the index is at or below 28: likely depression, see a doctor."""
    return index <= VERY_LOW_INDEX_MAX
