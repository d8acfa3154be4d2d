"""What a result page, a report and a ranking say about a result, by the state of the assessment.

One module words them all, so that the page, the .docx, the commission's summary and the ranking
never disagree: a running campaign's incomplete result says «оценка не завершена» (never a total
of 0,0 with «порог не пройден»), and the lists of strengths and gaps never contradict each other
(«ни одна компетенция не достигла…» and «дефицитов нет» cannot both be said).
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Protocol

from assessment.models import Result

NOT_FINISHED = "оценка не завершена"


class ResultState(StrEnum):
    NOT_COMPUTED = "not_computed"
    RUNNING = "running"  # the campaign runs and not every instrument has counted yet
    FINAL = "final"  # every instrument counted, or the campaign closed (missing ones count 0)


def result_state(result: Result | None) -> ResultState:
    """Return the state the result's wording follows."""
    if result is None:
        return ResultState.NOT_COMPUTED
    return ResultState.FINAL if result.is_final else ResultState.RUNNING


def _number(value: Decimal | float) -> str:
    return f"{value}".replace(".", ",")


@dataclass(frozen=True)
class Verdict:
    """The total and the pass, or why they are not stated yet."""

    state: ResultState
    total: str  # «72,4» or «—»
    badge: str  # the short label: «порог 60 пройден», «оценка не завершена»
    sentence: str  # one sentence for a report
    passed: bool | None  # None while nothing may be said
    missing: list[str] = field(default_factory=list)

    @property
    def is_final(self) -> bool:
        return self.state == ResultState.FINAL


def result_verdict(result: Result | None, threshold: int) -> Verdict:
    """Return what may be said about the total and the pass of the result."""
    state = result_state(result)
    if result is None:
        return Verdict(state, "—", "результат не рассчитан", "Результат ещё не рассчитан.", None)
    instruments = result.trace.get("instruments", [])
    missing = [item["name"] for item in instruments if item.get("missing")]
    if state == ResultState.RUNNING:
        done = len(instruments) - len(missing)
        reasons = [f"получены результаты {done} из {len(instruments)} инструментов"]
        if result.has_disagreement:
            reasons.append("есть расхождение экспертов, ожидающее калибровки")
        return Verdict(
            state,
            "—",
            NOT_FINISHED,
            f"Оценка не завершена: {', '.join(reasons)}. Итоговый балл и вывод о проходном "
            "балле появятся, когда будут учтены все инструменты.",
            None,
            missing,
        )
    verdict = "порог пройден" if result.passed else "порог не пройден"
    sentence = f"{_number(result.total)} из 100 при проходном балле {threshold} — {verdict}." + (
        f" Не пройдены и засчитаны как 0: {'; '.join(missing)}." if missing else ""
    )
    badge = f"порог {threshold} {'пройден' if result.passed else 'не пройден'}"
    return Verdict(state, _number(result.total), badge, sentence, result.passed, missing)


class ProfileLine(Protocol):
    name: str
    score: Decimal | None
    level: int | None
    target: int | None

    @property
    def is_gap(self) -> bool: ...


@dataclass(frozen=True)
class ProfileWording:
    """The headings and the sentences of the strengths and gaps sections."""

    strengths_title: str
    gaps_title: str
    # When set, it replaces both sections: there is nothing either could list.
    note: str | None
    strengths_empty: str | None  # said when there are no strengths to list
    gaps_empty: str | None  # said when there are no gaps to list
    unmeasured: str | None  # the competencies no instrument has measured yet


def profile_wording(lines: Sequence[ProfileLine], state: ResultState) -> ProfileWording:
    """Return the sections' wording for the competency lines of a result in the given state."""
    running = state != ResultState.FINAL
    strengths_title = "Сильные стороны"
    gaps_title = "Дефициты компетенций"
    if running:
        strengths_title += " (предварительно)"
        gaps_title += " (предварительно)"
    measured = [line for line in lines if line.score is not None]
    targeted = [line for line in measured if line.target]
    unmeasured_names = [line.name for line in lines if line.score is None]
    unmeasured = None
    if measured and unmeasured_names:
        unmeasured = (
            f"{'Пока не измерены' if running else 'Не измерены'}: {', '.join(unmeasured_names)}."
        )
    if not measured:
        note = (
            "Ни одна компетенция ещё не измерена: результаты инструментов пока не получены."
            if running
            else "Ни одна компетенция не измерена: нет результатов инструментов."
        )
        return ProfileWording(strengths_title, gaps_title, note, None, None, None)
    if not targeted:
        note = (
            "Для должности участника не заданы целевые уровни, поэтому сильные стороны и "
            "дефициты не определяются."
        )
        return ProfileWording(strengths_title, gaps_title, note, None, None, unmeasured)
    reached = [line for line in targeted if not line.is_gap]
    strengths_empty = (
        None if reached else "ни одна измеренная компетенция не достигла целевого уровня."
    )
    gaps_empty = (
        None
        if len(reached) < len(targeted)
        else "дефицитов нет: все измеренные компетенции на целевом уровне."
    )
    strengths_empty, gaps_empty = (
        _sentence(text, running) if text else None for text in (strengths_empty, gaps_empty)
    )
    return ProfileWording(
        strengths_title, gaps_title, None, strengths_empty, gaps_empty, unmeasured
    )


def _sentence(text: str, running: bool) -> str:
    """Return the sentence capitalised; while running, said of the results received so far."""
    if running:
        return f"По уже полученным результатам {text}"
    return text[0].upper() + text[1:]
