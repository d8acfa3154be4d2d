"""The individual assessment report as .docx: the profile table in place of the radar chart."""

from django.utils import timezone

from assessment.results.selectors.report import ResultReport
from core.docx import (
    add_centered,
    add_heading,
    add_table,
    add_text,
    new_document,
    to_bytes,
)


def _number(value) -> str:
    return "—" if value is None else f"{value}".replace(".", ",")


def result_docx(report: ResultReport) -> bytes:
    """Return the participant's report: result, profile vs target, strengths, gaps, comments."""
    participant = report.participant
    campaign = participant.campaign
    result = report.result
    document = new_document()
    add_centered(document, "Индивидуальный отчёт о результатах оценки", bold=True)
    add_centered(document, "управленческих компетенций")
    add_text(document, participant.candidate.full_name, bold_prefix="Участник: ", indent=False)
    add_text(document, campaign.name, bold_prefix="Кампания оценки: ", indent=False)
    add_text(
        document,
        f"{participant.position_kind}, {participant.municipality}",
        bold_prefix="Должность, на которую претендует участник: ",
        indent=False,
    )
    if result is None:
        add_text(document, "Результат ещё не рассчитан.", indent=False)
        return to_bytes(document)
    verdict = report.verdict
    wording = report.wording
    add_heading(document, "Итог")
    add_text(document, verdict.sentence, bold_prefix="Итоговый балл: ", indent=False)
    if result.rank:
        add_text(
            document,
            f"{result.rank} из {report.ranked_count}",
            bold_prefix="Место в кампании: ",
            indent=False,
        )
    add_heading(document, "Профиль компетенций")
    add_table(
        document,
        ["Компетенция", "Балл", "Уровень", "Целевой уровень", "Дефицит"],
        [
            [
                line.name,
                _number(line.score),
                f"{line.level} — {line.level_title}" if line.level else "нет данных",
                str(line.target or "—"),
                "да" if line.is_gap else "",
            ]
            for line in report.lines
        ],
        widths_cm=[7, 2, 3.5, 2.5, 1.5],
    )
    add_text(
        document,
        "; ".join(f"{band['level']} — {band['text']}" for band in report.bands) + ".",
        bold_prefix="Уровни по баллу компетенции: ",
        indent=False,
    )
    if wording.note:
        add_text(document, wording.note)
    else:
        add_heading(document, wording.strengths_title)
        if report.strengths:
            for line in report.strengths:
                add_text(document, f"{line.name}: {_number(line.score)} (уровень {line.level}).")
        else:
            add_text(document, wording.strengths_empty)
        add_heading(document, wording.gaps_title)
        if report.gaps:
            for line in report.gaps:
                add_text(document, f"{line.name}: уровень {line.level} при целевом {line.target}.")
        else:
            add_text(document, wording.gaps_empty)
    if wording.unmeasured:
        add_text(document, wording.unmeasured)
    if report.expert_comments:
        add_heading(document, "Комментарии экспертов")
        for comment in report.expert_comments:
            add_text(
                document,
                comment["comment"],
                bold_prefix=f"{comment['instrument']}, {comment['expert']}: ",
            )
    add_heading(document, "Как рассчитан результат")
    add_table(
        document,
        ["Инструмент", "Вес, %", "Балл инструмента"],
        [
            [
                item["name"],
                str(item["weight"]),
                ("не пройден (0)" if verdict.is_final else "ещё нет результата")
                if item["missing"]
                else _number(item["overall"]),
            ]
            for item in report.instruments
        ],
        widths_cm=[10, 2.5, 4],
    )
    add_text(
        document,
        "Балл компетенции — среднее баллов инструментов, которые её измеряли, взвешенное по "
        "весам этих инструментов. Итоговый балл — среднее баллов всех инструментов кампании, "
        "взвешенное по их весам; после завершения кампании не пройденный инструмент "
        "засчитывается как 0. Оценки по шкале 1–4 переводятся в 0–100: 1 → 0, 4 → 100. Уровень "
        "достигнут, когда балл дошёл до балла уровня; балл между двумя уровнями — младший из них.",
    )
    add_text(
        document,
        f"Рассчитано {timezone.localtime(result.computed_at):%d.%m.%Y %H:%M}.",
        indent=False,
    )
    return to_bytes(document)
