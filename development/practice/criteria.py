"""The published criteria a practice is reviewed against before it enters the bank."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Criterion:
    code: str
    text: str


# The region named the lack of criteria and of a systematic description of experience: these are
# published on the bank's page, and a practice enters the bank only when it meets every one.
PRACTICE_CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        "problem", "Описана управленческая задача, которую решала практика, и почему она важна."
    ),
    Criterion("actions", "Описаны конкретные действия автора, их порядок и кто в них участвовал."),
    Criterion(
        "result",
        "Назван результат, который можно проверить: что изменилось, для кого и насколько.",
    ),
    Criterion(
        "evidence",
        "Результат подтверждён документом или открытым источником, а применение в работе "
        "подтвердил наставник, руководитель организации или тьютор.",
    ),
    Criterion(
        "transferable",
        "Практику можно перенести в другую организацию: названы условия, ресурсы и сроки.",
    ),
    Criterion(
        "lawful",
        "Практика соответствует законодательству и не раскрывает персональные данные "
        "обучающихся, их родителей и работников.",
    ),
)
CRITERIA_CODES = tuple(criterion.code for criterion in PRACTICE_CRITERIA)
