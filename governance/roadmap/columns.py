"""The roadmap's spreadsheet columns and the words people write in them (import and export)."""

from governance.roadmap.models import BudgetSource, RoadmapStage, RoadmapStatus

NUMBER = "№ п/п"
TITLE = "Мероприятие"
STAGE = "Этап"
STARTS = "Начало"
ENDS = "Окончание"
RESPONSIBLE = "Ответственный исполнитель"
PERSON = "Ответственное лицо"
RESPONSIBLE_INN = "ИНН организации-исполнителя"
PARTNERS = "Соисполнители"
BUDGET = "Финансирование, руб."
BUDGET_SOURCE = "Источник финансирования"
STAFF = "Кадровые ресурсы"
METHODOLOGICAL = "Методические ресурсы"
MATERIAL = "Материально-технические ресурсы"
INDICATOR = "Показатель"
INDICATOR_CODE = "Показатель портала"
UNIT = "Единица"
TARGET = "Целевое значение"
ACTUAL = "Фактическое значение"
ACTUAL_ON = "Факт на дату"
STATUS = "Статус"
NOTE = "Примечание"

HEADERS = (
    NUMBER,
    TITLE,
    STAGE,
    STARTS,
    ENDS,
    RESPONSIBLE,
    PERSON,
    RESPONSIBLE_INN,
    PARTNERS,
    BUDGET,
    BUDGET_SOURCE,
    STAFF,
    METHODOLOGICAL,
    MATERIAL,
    INDICATOR,
    INDICATOR_CODE,
    UNIT,
    TARGET,
    ACTUAL,
    ACTUAL_ON,
    STATUS,
    NOTE,
)
REQUIRED = (NUMBER, TITLE, STAGE, STARTS, ENDS, RESPONSIBLE)


def _words(choices, extra: dict[str, str]) -> dict[str, str]:
    words = {str(label).lower().replace("ё", "е"): value for value, label in choices}
    return {**words, **extra}


STAGE_WORDS = _words(
    RoadmapStage.choices,
    {
        "система": RoadmapStage.SYSTEM,
        "системные мероприятия": RoadmapStage.SYSTEM,
        "назначение и адаптация": RoadmapStage.APPOINTMENT,
        "назначения": RoadmapStage.APPOINTMENT,
        "отбор кандидатов": RoadmapStage.SELECTION,
        "оценка кандидатов": RoadmapStage.ASSESSMENT,
        "развитие резервистов": RoadmapStage.DEVELOPMENT,
    },
)
STATUS_WORDS = _words(
    RoadmapStatus.choices,
    {
        "": RoadmapStatus.PLANNED,
        "планируется": RoadmapStatus.PLANNED,
        "в работе": RoadmapStatus.IN_PROGRESS,
        "выполняется": RoadmapStatus.IN_PROGRESS,
        "исполнено": RoadmapStatus.DONE,
        "выполнено": RoadmapStatus.DONE,
        "отменено": RoadmapStatus.CANCELLED,
    },
)
BUDGET_SOURCE_WORDS = _words(
    BudgetSource.choices,
    {
        "": "",
        "областной": BudgetSource.REGIONAL,
        "областной бюджет": BudgetSource.REGIONAL,
        "региональный бюджет": BudgetSource.REGIONAL,
        "федеральный": BudgetSource.FEDERAL,
        "муниципальный": BudgetSource.MUNICIPAL,
        "муниципальный бюджет": BudgetSource.MUNICIPAL,
        "местный бюджет": BudgetSource.MUNICIPAL,
        "внебюджет": BudgetSource.EXTRA_BUDGETARY,
        "внебюджетные": BudgetSource.EXTRA_BUDGETARY,
        "без финансирования": BudgetSource.NONE,
        "не требуется": BudgetSource.NONE,
        "в рамках текущего финансирования": BudgetSource.NONE,
    },
)
