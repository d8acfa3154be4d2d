"""Seed the comprehensive programme (modules by year of membership) and the regional catalogue.

Internships are not seeded here: their host organizations come from a region's registry, so
they are added by the ministry (or by the demo data). The ministry edits both in the portal.
"""

import datetime

from django.db import migrations

D = datetime.date

PROGRAMME = [
    # --- Year 1: the foundations of managing an organization -------------------------------
    {
        "year": 1,
        "title": "Диагностика и индивидуальный образовательный маршрут",
        "description": (
            "Разбор результатов комплексной оценки управленческих компетенций с куратором, "
            "постановка целей развития на год, составление и утверждение индивидуального "
            "образовательного маршрута (ИОМ) по выявленным дефицитам."
        ),
        "hours": 8,
        "formats": "консультация по результатам оценки, работа с ИОМ на портале",
        "competencies": ["K10"],
        "expected_result": "Утверждённый ИОМ, в котором каждый пункт связан с дефицитом компетенции.",
    },
    {
        "year": 1,
        "title": "Стратегическое управление образовательной организацией",
        "description": (
            "Анализ внешней среды и ресурсов организации, миссия и приоритеты, программа "
            "развития образовательной организации, целевые показатели и их мониторинг, "
            "муниципальные и региональные приоритеты развития образования."
        ),
        "hours": 36,
        "formats": "курс ДПО (очно-заочно), практикум по программе развития",
        "competencies": ["K01", "K09"],
        "expected_result": (
            "Проект раздела программы развития своей организации с целевыми показателями "
            "и планом мероприятий."
        ),
    },
    {
        "year": 1,
        "title": "Правовые основы, финансы и закупки в образовательной организации",
        "description": (
            "Законодательство об образовании и локальные нормативные акты, муниципальное "
            "задание и план финансово-хозяйственной деятельности, платные образовательные "
            "услуги, контрактная система в сфере закупок (44-ФЗ, 223-ФЗ), трудовое право "
            "для руководителя."
        ),
        "hours": 72,
        "formats": "курс ДПО (очно-заочно), разбор практических ситуаций, тестирование",
        "competencies": ["K05"],
        "expected_result": (
            "Умеет составить план ФХД и обоснование закупки, проверить локальный акт на "
            "соответствие законодательству."
        ),
    },
    {
        "year": 1,
        "title": "Управление персоналом и командой",
        "description": (
            "Подбор и расстановка кадров, должностные инструкции и эффективный контракт, "
            "оценка и развитие педагогов, мотивация и система стимулирования, "
            "профилактика конфликтов, формирование управленческой команды."
        ),
        "hours": 36,
        "formats": "тренинг, деловая игра, курс ДПО",
        "competencies": ["K03", "K04"],
        "expected_result": (
            "План развития кадрового потенциала своего подразделения; освоены техники "
            "обратной связи и делегирования."
        ),
    },
    {
        "year": 1,
        "title": "Наставничество: первый год",
        "description": (
            "Регулярные встречи с наставником — действующим руководителем образовательной "
            "организации: разбор управленческих ситуаций, сопровождение выполнения ИОМ, "
            "участие в совещаниях и педагогических советах организации наставника."
        ),
        "hours": 12,
        "formats": "индивидуальные встречи с наставником (очно и онлайн)",
        "competencies": ["K04", "K10"],
        "expected_result": "Встречи с наставником в объёме модуля, каждая подтверждена наставляемым; выполнение ИОМ обсуждается на встречах.",
    },
    # --- Year 2: practice in real organizations ---------------------------------------------
    {
        "year": 2,
        "title": "Управление качеством образования",
        "description": (
            "Внутренняя система оценки качества образования, федеральные образовательные "
            "программы, анализ результатов оценочных процедур, управленческие решения по "
            "результатам мониторинга, работа со школами с низкими результатами."
        ),
        "hours": 36,
        "formats": "курс ДПО, практикум по анализу данных мониторинга",
        "competencies": ["K02", "K07"],
        "expected_result": (
            "Аналитическая справка о качестве образования в своей организации с "
            "предложениями управленческих решений."
        ),
    },
    {
        "year": 2,
        "title": "Безопасная и доступная образовательная среда",
        "description": (
            "Комплексная безопасность: антитеррористическая защищённость, пожарная "
            "безопасность, охрана труда; доступная среда и инклюзивное образование; "
            "психологическая безопасность участников образовательных отношений."
        ),
        "hours": 24,
        "formats": "курс ДПО (дистанционно), выездной семинар",
        "competencies": ["K06"],
        "expected_result": (
            "Проведён аудит безопасности своей организации по чек-листу, составлен план "
            "устранения нарушений."
        ),
    },
    {
        "year": 2,
        "title": "Цифровая трансформация и управление на основе данных",
        "description": (
            "Информационные системы в образовании, электронный документооборот, защита "
            "персональных данных, цифровые образовательные сервисы, показатели и "
            "дашборды для принятия решений."
        ),
        "hours": 24,
        "formats": "курс ДПО (дистанционно), практикум",
        "competencies": ["K07"],
        "expected_result": "Набор показателей деятельности организации и порядок их регулярного анализа.",
    },
    {
        "year": 2,
        "title": "Стажировка в организации-лидере региона",
        "description": (
            "Стажировка на базе образовательной организации с лучшими управленческими "
            "практиками под руководством тьютора: знакомство с системой управления, "
            "участие в работе администрации, выбор практики для переноса в свою организацию."
        ),
        "hours": 36,
        "formats": "стажировка на стажировочной площадке",
        "competencies": ["K01", "K02", "K03"],
        "expected_result": "Отчёт тьютора о стажировке и план внедрения изученной практики.",
    },
    {
        "year": 2,
        "title": "Наставничество: второй год",
        "description": (
            "Встречи с наставником по выполнению ИОМ и внедрению практик стажировки, "
            "самостоятельное ведение участка управленческой работы под наблюдением наставника."
        ),
        "hours": 12,
        "formats": "индивидуальные встречи с наставником (очно и онлайн)",
        "competencies": ["K03", "K10"],
        "expected_result": "Встречи с наставником в объёме модуля, каждая подтверждена наставляемым; выполнение ИОМ обсуждается на встречах.",
    },
    # --- Year 3: readiness for appointment ---------------------------------------------------
    {
        "year": 3,
        "title": "Коммуникация и партнёрство",
        "description": (
            "Работа с родительским сообществом и управляющим советом, социальное "
            "партнёрство и сетевое взаимодействие, информационная открытость, публичные "
            "выступления и взаимодействие со СМИ, работа с обращениями граждан."
        ),
        "hours": 24,
        "formats": "тренинг публичных выступлений, вебинары",
        "competencies": ["K08"],
        "expected_result": "Подготовлен и представлен публичный доклад (отчёт) организации.",
    },
    {
        "year": 3,
        "title": "Управление изменениями и проектами",
        "description": (
            "Проектное управление в образовании, планирование и контроль проекта, работа "
            "с сопротивлением изменениям, управление рисками, участие в региональных и "
            "федеральных проектах."
        ),
        "hours": 36,
        "formats": "курс ДПО (очно-заочно), проектная сессия",
        "competencies": ["K09", "K04"],
        "expected_result": "Паспорт управленческого проекта с планом, ресурсами и рисками.",
    },
    {
        "year": 3,
        "title": "Стажировка-дублирование руководителя",
        "description": (
            "Исполнение части обязанностей руководителя образовательной организации под "
            "руководством наставника: подготовка приказов, проведение совещания, участие в "
            "комплектовании и тарификации, отчётность перед учредителем."
        ),
        "hours": 24,
        "formats": "стажировка-дублирование",
        "competencies": ["K03", "K05", "K06"],
        "expected_result": "Отзыв руководителя организации о выполнении обязанностей дублёра.",
    },
    {
        "year": 3,
        "title": "Итоговый управленческий проект",
        "description": (
            "Разработка и защита управленческого проекта развития конкретной "
            "образовательной организации перед комиссией по формированию кадрового резерва; "
            "проект опирается на результаты стажировок и повторной оценки компетенций."
        ),
        "hours": 48,
        "formats": "проектная работа, консультации, публичная защита",
        "competencies": ["K01", "K09", "K10"],
        "expected_result": "Защищённый управленческий проект, рекомендации комиссии о готовности к назначению.",
    },
    {
        "year": 3,
        "title": "Наставничество: третий год",
        "description": (
            "Подготовка к назначению на должность: разбор управленческого проекта, "
            "планирование первых ста дней в должности руководителя."
        ),
        "hours": 12,
        "formats": "индивидуальные встречи с наставником (очно и онлайн)",
        "competencies": ["K01", "K04"],
        "expected_result": "План первых ста дней в должности, согласованный с наставником.",
    },
]

IRO = "Региональный институт развития образования"
CNPPM = "Центр непрерывного повышения профессионального мастерства педагогических работников"
QUALITY = "Региональный центр оценки качества образования"
DIGITAL = "Региональный центр цифровой трансформации образования"
MINISTRY = "Министерство образования Оренбургской области"
MENTORS = "Региональный наставнический центр"

CATALOGUE = [
    # --- DPO courses ----------------------------------------------------------------------
    dict(kind="dpo_course", title="Стратегическое управление развитием образовательной организации",
         description="Анализ среды, программа развития, целевые показатели, мониторинг реализации.",
         provider=IRO, hours=72, format="blended", starts_on=D(2027, 2, 1), ends_on=D(2027, 3, 26),
         places=30, competencies=["K01", "K09"], min_level=1, max_level=2),
    dict(kind="dpo_course", title="Программа развития школы: от анализа к целевым показателям",
         description="Практикум по проектированию программы развития на данных своей организации.",
         provider=IRO, hours=36, format="online", starts_on=D(2027, 4, 12), ends_on=D(2027, 4, 30),
         places=40, competencies=["K01"], min_level=2, max_level=3),
    dict(kind="dpo_course", title="Финансово-хозяйственная деятельность и бюджетирование в образовательной организации",
         description="Муниципальное задание, план ФХД, платные услуги, отчётность учредителю.",
         provider=IRO, hours=72, format="blended", starts_on=D(2027, 2, 15), ends_on=D(2027, 4, 9),
         places=25, competencies=["K05"], min_level=1, max_level=2),
    dict(kind="dpo_course", title="Контрактная система в сфере закупок (44-ФЗ, 223-ФЗ) для руководителей",
         description="Планирование закупок, обоснование цены, исполнение контрактов, ответственность.",
         provider=CNPPM, hours=108, format="online", starts_on=D(2027, 3, 1), ends_on=D(2027, 4, 30),
         places=30, competencies=["K05"], min_level=1, max_level=3),
    dict(kind="dpo_course", title="Правовое регулирование в сфере образования: локальные акты и трудовые отношения",
         description="Локальные нормативные акты, трудовые договоры, аттестация, проверки надзорных органов.",
         provider=CNPPM, hours=36, format="online", starts_on=D(2027, 5, 10), ends_on=D(2027, 5, 28),
         places=50, competencies=["K05", "K03"], min_level=2, max_level=3),
    dict(kind="dpo_course", title="Управление персоналом: подбор, оценка и развитие педагогических кадров",
         description="Кадровое планирование, адаптация молодых педагогов, оценка и развитие, эффективный контракт.",
         provider=IRO, hours=72, format="blended", starts_on=D(2027, 9, 20), ends_on=D(2027, 11, 12),
         places=25, competencies=["K03"], min_level=1, max_level=2),
    dict(kind="dpo_course", title="Внутренняя система оценки качества образования",
         description="Положение о ВСОКО, оценочные процедуры, анализ результатов и управленческие решения.",
         provider=QUALITY, hours=36, format="in_person", starts_on=D(2027, 10, 18), ends_on=D(2027, 10, 29),
         places=25, competencies=["K02"], min_level=1, max_level=2),
    dict(kind="dpo_course", title="Комплексная безопасность и доступная среда в образовательной организации",
         description="Антитеррористическая защищённость, пожарная безопасность, охрана труда, инклюзия.",
         provider=IRO, hours=72, format="blended", starts_on=D(2027, 9, 13), ends_on=D(2027, 10, 22),
         places=30, competencies=["K06"], min_level=1, max_level=3),
    dict(kind="dpo_course", title="Управление на основе данных: цифровые сервисы и аналитика для руководителя",
         description="Информационные системы образования, показатели, дашборды, защита персональных данных.",
         provider=DIGITAL, hours=36, format="online", starts_on=D(2027, 11, 1), ends_on=D(2027, 11, 19),
         places=40, competencies=["K07"], min_level=1, max_level=2),
    dict(kind="dpo_course", title="Управление изменениями и проектное управление в образовании",
         description="Жизненный цикл проекта, планирование, риски, работа с сопротивлением изменениям.",
         provider=IRO, hours=72, format="blended", starts_on=D(2027, 1, 18), ends_on=D(2027, 2, 26),
         places=30, competencies=["K09"], min_level=1, max_level=2),
    dict(kind="dpo_course", title="Педагогическое лидерство и профессиональные сообщества",
         description="Методическая работа, профессиональные обучающиеся сообщества, собственное развитие руководителя.",
         provider=CNPPM, hours=36, format="in_person", starts_on=D(2027, 3, 22), ends_on=D(2027, 4, 2),
         places=25, competencies=["K10", "K04"], min_level=2, max_level=3),
    # --- Webinars ---------------------------------------------------------------------------
    dict(kind="webinar", title="Эффективный контракт и система стимулирующих выплат",
         description="Показатели эффективности, положение об оплате труда, типичные ошибки.",
         provider=CNPPM, hours=4, format="online", starts_on=D(2027, 2, 10), ends_on=D(2027, 2, 10),
         places=None, competencies=["K03", "K05"], min_level=1, max_level=3),
    dict(kind="webinar", title="Коммуникация с родителями и разрешение конфликтных ситуаций",
         description="Обращения родителей, медиация, работа управляющего совета.",
         provider=IRO, hours=4, format="online", starts_on=D(2027, 3, 17), ends_on=D(2027, 3, 17),
         places=None, competencies=["K08"], min_level=1, max_level=2),
    dict(kind="webinar", title="Федеральные образовательные программы: что меняется для руководителя",
         description="Переход на ФОП, учебный план, рабочие программы, контроль реализации.",
         provider=QUALITY, hours=3, format="online", starts_on=D(2027, 4, 14), ends_on=D(2027, 4, 14),
         places=None, competencies=["K02"], min_level=1, max_level=3),
    dict(kind="webinar", title="Антитеррористическая защищённость объектов образования: требования и проверки",
         description="Паспорт безопасности, категорирование, подготовка к проверкам.",
         provider=MINISTRY, hours=4, format="online", starts_on=D(2027, 5, 19), ends_on=D(2027, 5, 19),
         places=None, competencies=["K06"], min_level=1, max_level=2),
    dict(kind="webinar", title="Публичный доклад и информационная открытость организации",
         description="Структура публичного доклада, сайт организации, работа в социальных сетях.",
         provider=DIGITAL, hours=3, format="online", starts_on=D(2027, 9, 15), ends_on=D(2027, 9, 15),
         places=None, competencies=["K08", "K07"], min_level=1, max_level=3),
    dict(kind="webinar", title="Самоменеджмент руководителя: время, приоритеты, профилактика выгорания",
         description="Планирование рабочего времени, делегирование, восстановление сил, поддержка коллег.",
         provider=CNPPM, hours=4, format="online", starts_on=D(2027, 10, 13), ends_on=D(2027, 10, 13),
         places=None, competencies=["K10"], min_level=1, max_level=3),
    # --- Project work ----------------------------------------------------------------------
    dict(kind="project", title="Командный проект: система наставничества педагогов в своей организации",
         description="Разработка и запуск положения о наставничестве педагогов с командой организации.",
         provider=IRO, hours=40, format="blended", starts_on=D(2027, 3, 1), ends_on=D(2027, 6, 30),
         places=20, competencies=["K04", "K03"], min_level=2, max_level=3),
    dict(kind="project", title="Проект улучшения: сетевое взаимодействие с социальными партнёрами",
         description="Договор о сетевой форме реализации программы с вузом, колледжем или предприятием.",
         provider=IRO, hours=36, format="blended", starts_on=None, ends_on=None,
         places=None, competencies=["K08", "K09"], min_level=1, max_level=3),
    dict(kind="project", title="Управленческий проект: цифровой профиль организации",
         description="Набор показателей организации, их источники и регулярный разбор с командой.",
         provider=DIGITAL, hours=36, format="online", starts_on=None, ends_on=None,
         places=None, competencies=["K07", "K09"], min_level=2, max_level=3),
    # --- Mentoring -------------------------------------------------------------------------
    dict(kind="mentoring", title="Индивидуальное наставничество опытного руководителя",
         description="Регулярные встречи с наставником по плану развития, разбор управленческих ситуаций.",
         provider=MENTORS, hours=24, format="in_person", starts_on=None, ends_on=None,
         places=None, competencies=["K04", "K10", "K01"], min_level=1, max_level=3),
    dict(kind="mentoring", title="Групповое наставничество: школа молодого руководителя",
         description="Встречи группы резервистов с директорами-наставниками, разбор кейсов участников.",
         provider=MENTORS, hours=18, format="blended", starts_on=D(2027, 10, 4), ends_on=D(2027, 12, 13),
         places=15, competencies=["K03", "K04"], min_level=1, max_level=2),
    dict(kind="mentoring", title="Клуб руководителей: стратегические сессии с директорами школ-лидеров",
         description="Для резервистов с высоким уровнем компетенций: стратегические сессии и разбор практик лидеров.",
         provider=MENTORS, hours=16, format="in_person", starts_on=D(2027, 2, 20), ends_on=D(2027, 11, 20),
         places=12, competencies=["K01", "K04"], min_level=3, max_level=4),
]


def load(apps, schema_editor):
    Competency = apps.get_model("assessment", "Competency")
    Module = apps.get_model("development", "ProgrammeModule")
    Activity = apps.get_model("development", "Activity")
    competencies = {
        competency.code: competency
        for competency in Competency.objects.filter(framework__is_current=True)
    }
    if not competencies:
        return  # no competency model (it is seeded by assessment's migration 0002)
    if not Module.objects.exists():
        for order, data in enumerate(PROGRAMME, start=1):
            data = dict(data)
            codes = data.pop("competencies")
            module = Module.objects.create(sort_order=order, **data)
            module.competencies.set([competencies[code] for code in codes if code in competencies])
    if not Activity.objects.exists():
        for data in CATALOGUE:
            data = dict(data)
            codes = data.pop("competencies")
            activity = Activity.objects.create(**data)
            activity.competencies.set([competencies[code] for code in codes if code in competencies])


def unload(apps, schema_editor):
    Module = apps.get_model("development", "ProgrammeModule")
    Activity = apps.get_model("development", "Activity")
    Module.objects.filter(title__in=[data["title"] for data in PROGRAMME]).delete()
    Activity.objects.filter(
        title__in=[data["title"] for data in CATALOGUE], plan_items__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("development", "0001_initial"),
        ("assessment", "0002_competency_model_seed"),
    ]

    operations = [migrations.RunPython(load, unload)]
