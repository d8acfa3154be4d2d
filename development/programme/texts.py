"""The programme's sentences that the page and the .docx both say, built from the data."""

from governance.regulation import Regulation
from governance.wording import years

# The induction plan's checkpoints after appointment, in months (the appointment stage's plan).
INDUCTION_CHECKPOINTS = (1, 3, 6, 12)

CAREER_MOVES = [
    "заместитель руководителя → руководитель той же или другой организации (трек «Переход от "
    "заместителя к руководителю», исполнение обязанностей руководителя)",
    "руководитель организации → руководитель более крупной организации или организации другого "
    "типа при соответствии квалификационным требованиям должности",
    "ротация: назначение в организацию другого муниципального образования — стажировки и "
    "наставничество ведутся в том числе в соседних округах",
    "руководитель организации → руководитель муниципального органа управления образованием "
    "(трек «Муниципальное управление образованием»)",
]


def career_path(regulation: Regulation) -> str:
    """Return the reservist's path from nomination to appointment, with the Regulation's terms."""
    categories = "; ".join(
        f"«{choice.name}» — {choice.description}" if choice.description else f"«{choice.name}»"
        for choice in regulation.categories
    )
    readiness = ", ".join(f"«{choice.name}»" for choice in regulation.readiness_levels)
    return (
        "Выдвижение и проверка соответствия квалификационным требованиям → комплексная оценка "
        "управленческих компетенций → решение комиссии и приказ о включении в резерв → "
        "индивидуальный образовательный маршрут по общей части и треку должности → повторная "
        "оценка → предложение должности при вакансии → назначение → адаптация. Категории "
        f"резерва: {categories}. Уровни готовности к назначению: {readiness}. Срок пребывания "
        f"в резерве — {years(regulation.reserve_term_years)}."
    )


def eligibility_lines(regulation: Regulation) -> list[str]:
    """Return each post group's qualification routes, as the Regulation in force states them."""
    return [
        f"{rule.title}: "
        + "; или ".join(
            f"{route.title[0].lower()}{route.title[1:]} не менее "
            f"{years(route.min_experience_years)}"
            for route in rule.routes
        )
        for rule in regulation.eligibility
    ]


def induction_paragraphs() -> list[str]:
    """Return what happens after the appointment: attestation before, the induction plan after."""
    checkpoints = ", ".join(str(month) for month in INDUCTION_CHECKPOINTS)
    return [
        "До назначения кандидат на должность руководителя государственной или муниципальной "
        "образовательной организации проходит обязательную аттестацию в порядке, который "
        "устанавливает учредитель (часть 4 статьи 51 Федерального закона № 273-ФЗ).",
        "После назначения для нового руководителя составляется план введения в должность на "
        f"12 месяцев с контрольными точками через {checkpoints} месяцев; назначается наставник "
        "по адаптации из реестра наставников. Срок испытания руководителя организации — не "
        "более шести месяцев (часть 5 статьи 70 Трудового кодекса Российской Федерации); по его "
        "окончании записывается итог испытания. План введения в должность, его "
        "контрольные точки и итог испытания ведутся на портале на этапе «Назначение и "
        "адаптация».",
    ]
