"""Demo roadmap for 2026–2028: about 25 activities across every stage, with resources and targets.

Statuses follow the day the demo is seeded: what ended well before it is done, what is under way
is in progress, and two items are left overdue so that the timeline shows what the ministry
must chase. Loaded through the import service, as a file would be.
"""

import datetime
import random

from demo.builders import ministry_user
from governance.models import RoadmapItem
from governance.roadmap.importing import RoadmapRow
from governance.roadmap.models import BudgetSource, RoadmapStage, RoadmapStatus
from governance.roadmap.services import roadmap_items_import

MINISTRY = "Министерство образования Оренбургской области"
IRO = "ГАУ ДПО «Институт развития образования Оренбургской области» (ИРО)"
OGPU = "ФГБОУ ВО «Оренбургский государственный педагогический университет» (ОГПУ)"
CNPPM = (
    "Центр непрерывного повышения профессионального мастерства педагогических работников (ЦНППМ)"
)
MUNICIPAL = "органы управления образованием муниципальных образований"
HR_HEAD = "начальник отдела кадровой политики министерства"

S, A, D, P, Y = (
    RoadmapStage.SELECTION,
    RoadmapStage.ASSESSMENT,
    RoadmapStage.DEVELOPMENT,
    RoadmapStage.APPOINTMENT,
    RoadmapStage.SYSTEM,
)
REG, FED, MUN, NONE = (
    BudgetSource.REGIONAL,
    BudgetSource.FEDERAL,
    BudgetSource.MUNICIPAL,
    BudgetSource.NONE,
)

# number, title, stage, start, end, responsible, partners, budget, source, staff, methodological,
# material, indicator, code, unit, target
# fmt: off
ITEMS = [
    ("1.1", "Утверждение Положения о системе работы с кадровым резервом руководителей "
     "образовательных организаций", Y, "2026-01-12", "2026-02-27", MINISTRY, [IRO], None, NONE,
     "рабочая группа министерства, 5 чел.", "проект Положения, модель компетенций",
     "", "Положение утверждено приказом министерства", "", "ед.", 1),
    ("1.2", "Ввод в эксплуатацию портала «Кадровый резерв» и обучение муниципальных "
     "координаторов", Y, "2026-02-02", "2026-04-30", MINISTRY, [IRO, MUNICIPAL], 1850000, REG,
     "администратор портала, 42 координатора", "инструкции пользователей по ролям",
     "серверное оборудование регионального ЦОД", "Обучено координаторов", "", "чел.", 42),
    ("1.3", "Мониторинг показателей работы с резервом по муниципальным образованиям "
     "(ежемесячные срезы)", Y, "2026-05-01", "2028-12-31", MINISTRY, [MUNICIPAL], None, NONE,
     "специалист отдела кадров", "перечень показателей мониторинга", "портал «Кадровый резерв»",
     "Доля полугодовых отчётов, сданных в срок", "reports_on_time_share", "%", 90),
    ("1.4", "Стратегическая сессия «Кадровый резерв региона: итоги и задачи»", Y, "2026-11-16",
     "2026-11-20", MINISTRY, [IRO, OGPU], 250000, REG, "модераторы ИРО, 3 чел.",
     "сводка показателей для стратегической сессии", "конференц-зал ИРО",
     "Участников сессии", "", "чел.", 80),
    ("1.5", "Стратегическая сессия по итогам 2027 года", Y, "2027-11-15", "2027-11-19", MINISTRY,
     [IRO, OGPU], 270000, REG, "модераторы ИРО, 3 чел.", "сводка показателей",
     "конференц-зал ИРО", "Участников сессии", "", "чел.", 90),
    ("1.6", "Годовой отчёт о работе с кадровым резервом и актуализация дорожной карты", Y,
     "2027-12-01", "2028-01-31", MINISTRY, [MUNICIPAL], None, NONE, "отдел кадровой политики",
     "годовой отчёт портала", "", "Отчёт опубликован", "", "ед.", 1),
    ("2.1", "Выдвижение кандидатов в кадровый резерв муниципальными образованиями (первая "
     "волна)", S, "2026-03-02", "2026-04-30", MUNICIPAL, [MINISTRY], None, NONE,
     "муниципальные координаторы", "форма представления кандидата", "портал «Кадровый резерв»",
     "Подано заявок", "nominations_total", "ед.", 150),
    ("2.2", "Проверка соответствия кандидатов квалификационным требованиям (приказ 761н, "
     "профстандарт 250н)", S, "2026-04-15", "2026-05-29", MINISTRY, [], None, NONE,
     "специалисты отдела кадров, 3 чел.", "правила проверки на портале", "",
     "Заявок проверено", "", "%", 100),
    ("2.3", "Заседание комиссии по формированию резерва и приказ о включении", S, "2026-09-01",
     "2026-09-30", MINISTRY, [], None, NONE, "члены комиссии, 9 чел.", "регламент комиссии", "",
     "Численность кадрового резерва", "reserve_size", "чел.", 120),
    ("2.4", "Вторая волна выдвижения кандидатов (самовыдвижение и выдвижение организациями)", S,
     "2027-02-01", "2027-04-30", MUNICIPAL, [MINISTRY], None, NONE, "муниципальные координаторы",
     "", "портал «Кадровый резерв»", "Подано заявок", "", "ед.", 120),
    ("2.5", "Пополнение резерва по итогам второй волны", S, "2027-09-01", "2027-10-29", MINISTRY,
     [], None, NONE, "члены комиссии", "", "", "Численность кадрового резерва", "", "чел.", 200),
    ("3.1", "Разработка оценочных инструментов: кейсы, интервью, управленческий проект", A,
     "2026-02-02", "2026-05-29", IRO, [OGPU], 640000, REG, "эксперты ИРО и ОГПУ, 8 чел.",
     "банк кейсов, рубрики оценивания", "", "Инструментов разработано", "", "ед.", 6),
    ("3.2", "Подготовка экспертов оценки (калибровка, конфликт интересов)", A, "2026-05-04",
     "2026-06-30", IRO, [MINISTRY], 180000, REG, "преподаватели ИРО, 2 чел.",
     "программа подготовки экспертов, 24 ч", "", "Подготовлено экспертов", "", "чел.", 30),
    ("3.3", "Комплексная оценка кандидатов первой волны", A, "2026-06-01", "2026-08-28", IRO,
     [OGPU, MUNICIPAL], 920000, REG, "эксперты, 30 чел.", "инструменты оценки",
     "компьютерные классы ИРО для тестирования", "Доля прошедших оценку", "assessment_pass_rate",
     "%", 60),
    ("3.4", "Оценка кандидатов второй волны", A, "2027-05-04", "2027-08-31", IRO, [OGPU], 960000,
     REG, "эксперты, 30 чел.", "инструменты оценки", "", "Доля прошедших оценку", "", "%", 60),
    ("4.1", "Разработка индивидуальных образовательных маршрутов по дефицитам оценки", D,
     "2026-10-01", "2026-11-30", CNPPM, [IRO, MUNICIPAL], None, NONE, "методисты ЦНППМ, 6 чел.",
     "каталог мероприятий программы развития", "",
     "Доля резервистов с утверждённым ИОМ", "plans_share", "%", 95),
    ("4.2", "Курсы ДПО «Управление образовательной организацией» для резервистов", D,
     "2027-01-18", "2027-06-30", IRO, [OGPU], 2400000, REG, "преподаватели ИРО и ОГПУ",
     "программа ДПО, 250 ч", "дистанционная платформа ИРО",
     "Доля выполненных пунктов ИОМ", "plan_items_done_share", "%", 50),
    ("4.3", "Стажировки резервистов в организациях-лидерах региона", D, "2027-02-01",
     "2027-11-30", CNPPM, [MUNICIPAL], 1200000, FED, "руководители стажировочных площадок, 20 чел.",
     "программы стажировок", "стажировочные площадки", "Доля пунктов ИОМ с применением в "
     "практике", "practice_evidence_share", "%", 70),
    ("4.4", "Формирование пар наставничества с руководителями-наставниками", D, "2026-10-15",
     "2027-01-31", CNPPM, [MUNICIPAL], None, NONE, "наставники из числа действующих "
     "руководителей", "методика подбора пар", "", "Доля резервистов с наставником",
     "mentored_share", "%", 80),
    ("4.5", "Расширение реестра наставников в муниципальных образованиях", D, "2026-09-01",
     "2026-12-15", MUNICIPAL, [CNPPM], 150000, MUN, "муниципальные координаторы",
     "критерии отбора наставников", "", "Наставников в реестре", "mentors_total", "чел.", 60),
    ("4.6", "Профилактика профессионального выгорания: опрос благополучия и супервизии", D,
     "2027-01-11", "2028-12-15", OGPU, [CNPPM], 300000, REG, "психологи ОГПУ, 2 чел.",
     "опросник благополучия, программа супервизий", "", "Средний индекс благополучия",
     "wellbeing_index", "баллов", 65),
    ("4.7", "Полугодовые отчёты резервистов о выполнении ИОМ", D, "2027-06-01", "2028-12-10",
     MUNICIPAL, [MINISTRY], None, NONE, "наставники, координаторы", "форма отчёта на портале",
     "", "Доля отчётов, сданных в срок", "", "%", 90),
    ("5.1", "Прогноз вакансий руководителей на 3 года по данным реестра организаций", P,
     "2026-09-01", "2026-10-30", MINISTRY, [MUNICIPAL], None, NONE, "отдел кадровой политики",
     "методика прогноза вакансий", "портал «Кадровый резерв»",
     "Покрытие прогнозных вакансий резервом", "vacancy_coverage", "%", 80),
    ("5.2", "Назначение резервистов на вакантные должности руководителей", P, "2027-01-01",
     "2028-12-31", MUNICIPAL, [MINISTRY], None, NONE, "учредители организаций",
     "порядок аттестации кандидатов на должность руководителя", "",
     "Доля назначений руководителей из резерва", "appointed_from_reserve_share", "%", 50),
    ("5.3", "Адаптация назначенных руководителей: планы на 1, 3, 6 и 12 месяцев", P,
     "2027-03-01", "2028-12-31", CNPPM, [MUNICIPAL], 400000, REG, "наставники адаптации",
     "типовой план адаптации", "", "Назначенных с планом адаптации", "", "%", 100),
]

# fmt: on

# Items whose end has passed but that are left unfinished in the demo: the overdue ones.
LEFT_OVERDUE = {"2.2", "3.2"}


def has_data() -> bool:
    """Return whether the roadmap has any item."""
    return RoadmapItem.objects.exists()


def _status(number: str, starts_on: datetime.date, ends_on: datetime.date, today) -> str:
    if ends_on < today:
        return RoadmapStatus.IN_PROGRESS if number in LEFT_OVERDUE else RoadmapStatus.DONE
    if starts_on <= today:
        return RoadmapStatus.IN_PROGRESS
    return RoadmapStatus.PLANNED


def seed(*, rng: random.Random, today: datetime.date) -> list[str]:
    """Load the demo roadmap through the import service; return lines for the report."""
    rows = []
    for index, entry in enumerate(ITEMS, start=2):
        (number, title, stage, start, end, responsible, partners, budget, source, staff,
         methodological, material, indicator, code, unit, target) = entry  # fmt: skip
        starts_on, ends_on = datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)
        rows.append(
            RoadmapRow(
                row=index,
                number=number,
                title=title,
                stage=stage,
                starts_on=start,
                ends_on=end,
                responsible=responsible,
                responsible_person=HR_HEAD if responsible == MINISTRY else "",
                responsible_inn="",
                partners="\n".join(partners),
                budget_amount=f"{budget:.2f}" if budget else "",
                budget_source=source,
                staff_resources=staff,
                methodological_resources=methodological,
                material_resources=material,
                indicator=indicator,
                indicator_code=code,
                unit=unit,
                target_value=f"{target:.2f}",
                actual_value="",
                actual_on="",
                status=_status(number, starts_on, ends_on, today),
                note="",
            )
        )
    created, _ = roadmap_items_import(rows=rows, actor=ministry_user())
    overdue = RoadmapItem.objects.filter(RoadmapItem.overdue_condition(today)).count()
    return [f"дорожная карта 2026–2028: мероприятий {created}, просрочено {overdue}"]
