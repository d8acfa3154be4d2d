"""Every indicator of the portal, defined once: the formula in words and the count that makes it.

Stocks (reserve size, shares of reservists) are counted as of the period's end; flows
(nominations, meetings, appointments) within the period. Indicators of the onboarding stage
(vacancies, coverage, time to fill, induction) join ONBOARDING when that stage lands on main.
"""

from django.db.models import Count, F, Q, Sum

from development.models import PlanItemStatus, PracticeStatus
from governance.models import MeasuredIndicator
from monitoring.indicators import sources as src
from monitoring.indicators.appointment_definitions import FORECAST, ONBOARDING
from monitoring.indicators.base import AVERAGE, COUNT, SHARE, Column, Indicator
from monitoring.indicators.breakdowns import (
    BY_CATEGORY,
    BY_NOMINATION_STATUS,
    BY_POST,
    BY_READINESS,
    BY_SOURCE,
)
from monitoring.indicators.columns import MEMBERSHIP_COLUMNS, PERSON
from monitoring.indicators.counting import counted, per_municipality, shared
from monitoring.indicators.sources import ADMITTED, WELLBEING_MIN_GROUP

PRACTICE_CONFIRMED = Q(practice_status=PracticeStatus.CONFIRMED)

INDICATORS: list[Indicator] = [
    Indicator(
        code="organizations",
        title="Образовательные организации",
        formula="Число действующих образовательных организаций в реестре.",
        stage="реестр",
        unit="ед.",
        kind=COUNT,
        figures=lambda p, t: counted(src.organizations(p, t), "municipality_id"),
        rows=lambda p, t: src.organizations(p, t).order_by("short_name"),
        columns=(
            Column("Организация", lambda row: row.short_name or row.full_name),
            Column("ИНН", lambda row: row.inn),
            Column("Руководитель", lambda row: row.head_full_name),
        ),
    ),
    Indicator(
        code=MeasuredIndicator.RESERVE_SIZE,
        title="Численность резерва",
        formula="Число резервистов, состоящих в резерве на конец периода (включены раньше, "
        "не назначены, не исключены и срок не истёк).",
        stage="отбор",
        unit="чел.",
        kind=COUNT,
        figures=lambda p, t: counted(src.in_reserve(p, t), "municipality_id"),
        rows=lambda p, t: src.in_reserve(p, t).select_related("candidate", "position_kind"),
        columns=MEMBERSHIP_COLUMNS,
        breakdowns=(BY_CATEGORY, BY_READINESS, BY_POST),
    ),
    Indicator(
        code=MeasuredIndicator.NOMINATIONS,
        title="Поданные заявки",
        formula="Число заявок в резерв, поданных в периоде (по дате подачи).",
        stage="отбор",
        unit="ед.",
        kind=COUNT,
        figures=lambda p, t: counted(src.nominations(p, t), "municipality_id"),
        rows=lambda p, t: src.nominations(p, t).select_related("candidate", "position_kind"),
        columns=(
            Column("Кандидат", lambda row: row.candidate.full_name),
            Column("Должность", lambda row: row.position_kind.name),
            Column("Кто выдвинул", lambda row: row.get_source_display()),
            Column("Статус", lambda row: row.get_status_display()),
            Column("Подана", lambda row: row.submitted_at),
        ),
        breakdowns=(BY_NOMINATION_STATUS, BY_SOURCE, BY_POST),
    ),
    Indicator(
        code="eligibility_pass_rate",
        title="Допущены к оценке",
        formula="Доля заявок, допущенных после проверки соответствия требованиям, среди "
        "поданных в периоде и проверенных (допущены / допущены + не допущены × 100 %).",
        stage="отбор",
        unit="%",
        kind=SHARE,
        figures=lambda p, t: shared(src.checked(p, t), "municipality_id", Q(status__in=ADMITTED)),
        rows=lambda p, t: (
            src.checked(p, t)
            .filter(status__in=ADMITTED)
            .select_related("candidate", "position_kind")
        ),
        columns=(
            Column("Кандидат", lambda row: row.candidate.full_name),
            Column("Должность", lambda row: row.position_kind.name),
            Column("Статус", lambda row: row.get_status_display()),
        ),
    ),
    Indicator(
        code=MeasuredIndicator.ASSESSMENT_PASS_RATE,
        title="Прошли оценку",
        formula="Доля участников завершённых кампаний оценки (итоги рассчитаны в периоде), "
        "набравших проходной балл Положения. Идущие кампании не учитываются.",
        stage="оценка",
        unit="%",
        kind=SHARE,
        figures=lambda p, t: shared(
            src.results(p, t), "participant__candidate__municipality_id", Q(passed=True)
        ),
        rows=lambda p, t: (
            src.results(p, t)
            .filter(passed=True)
            .select_related("participant__candidate", "participant__campaign")
        ),
        municipality_lookup="participant__candidate__municipality_id",
        columns=(
            Column("Участник", lambda row: row.participant.candidate.full_name),
            Column("Кампания", lambda row: row.participant.campaign.name),
            Column("Итоговый балл", lambda row: row.total),
        ),
    ),
    Indicator(
        code=MeasuredIndicator.PLANS_APPROVED_SHARE,
        title="Резервисты с утверждённым ИОМ",
        formula="Доля резервистов на конец периода, у которых индивидуальный план развития "
        "утверждён, выполняется или завершён.",
        stage="развитие",
        unit="%",
        kind=SHARE,
        figures=lambda p, t: shared(
            src.in_reserve(p, t).annotate(has_plan=src.with_plan(p, t)),
            "municipality_id",
            Q(has_plan=True),
        ),
        rows=lambda p, t: (
            src.in_reserve(p, t)
            .filter(src.with_plan(p, t))
            .select_related("candidate", "position_kind")
        ),
        columns=MEMBERSHIP_COLUMNS,
    ),
    Indicator(
        code=MeasuredIndicator.PLAN_ITEMS_DONE_SHARE,
        title="Выполнение ИОМ",
        formula="Доля выполненных пунктов среди пунктов планов со сроком в периоде (по конец "
        "периода или по сегодня).",
        stage="развитие",
        unit="%",
        kind=SHARE,
        figures=lambda p, t: shared(
            src.items_due(p, t), "plan__membership__municipality_id", Q(status=PlanItemStatus.DONE)
        ),
        rows=lambda p, t: (
            src.items_due(p, t).filter(status=PlanItemStatus.DONE).select_related("plan__candidate")
        ),
        municipality_lookup="plan__membership__municipality_id",
        columns=(
            Column("Резервист", lambda row: row.plan.candidate.full_name),
            Column("Пункт плана", lambda row: row.title),
            Column("Срок", lambda row: row.due_date),
        ),
    ),
    Indicator(
        code="overdue_plan_items",
        title="Просроченные пункты ИОМ",
        formula="Число пунктов планов в работе, срок которых прошёл, а пункт не выполнен "
        "(на конец периода).",
        stage="развитие",
        unit="ед.",
        kind=COUNT,
        figures=lambda p, t: counted(src.overdue_items(p, t), "plan__membership__municipality_id"),
        rows=lambda p, t: src.overdue_items(p, t).select_related("plan__candidate"),
        municipality_lookup="plan__membership__municipality_id",
        higher_is_better=False,
        columns=(
            Column("Резервист", lambda row: row.plan.candidate.full_name),
            Column("Пункт плана", lambda row: row.title),
            Column("Срок", lambda row: row.due_date),
        ),
    ),
    Indicator(
        code=MeasuredIndicator.PRACTICE_EVIDENCE_SHARE,
        title="Применение в практике",
        formula="Доля пунктов планов со сроком в периоде, применение которых в практике "
        "подтвердил видевший его (наставник, руководитель организации или методист стажировки), "
        "а не только описал сам резервист.",
        stage="развитие",
        unit="%",
        kind=SHARE,
        figures=lambda p, t: shared(
            src.items_due(p, t), "plan__membership__municipality_id", PRACTICE_CONFIRMED
        ),
        rows=lambda p, t: (
            src.items_due(p, t).filter(PRACTICE_CONFIRMED).select_related("plan__candidate")
        ),
        municipality_lookup="plan__membership__municipality_id",
        columns=(
            Column("Резервист", lambda row: row.plan.candidate.full_name),
            Column("Пункт плана", lambda row: row.title),
            Column("Применение", lambda row: row.practice_description[:200]),
        ),
    ),
    Indicator(
        code=MeasuredIndicator.MENTORED_SHARE,
        title="Резервисты с наставником",
        formula="Доля резервистов на конец периода, у которых есть действующая пара "
        "наставничества.",
        stage="развитие",
        unit="%",
        kind=SHARE,
        figures=lambda p, t: shared(
            src.in_reserve(p, t).annotate(mentored=src.with_mentor(p, t)),
            "municipality_id",
            Q(mentored=True),
        ),
        rows=lambda p, t: (
            src.in_reserve(p, t)
            .filter(src.with_mentor(p, t))
            .select_related("candidate", "position_kind")
        ),
        columns=MEMBERSHIP_COLUMNS,
    ),
    Indicator(
        code=MeasuredIndicator.MENTORS,
        title="Наставники",
        formula="Число наставников реестра, принимающих наставляемых (по муниципалитету их "
        "организации).",
        stage="развитие",
        unit="чел.",
        kind=COUNT,
        figures=lambda p, t: counted(src.mentors(p, t), "organization__municipality_id"),
        rows=lambda p, t: src.mentors(p, t).select_related("user", "organization"),
        municipality_lookup="organization__municipality_id",
        columns=(
            Column("Наставник", lambda row: row.user.get_full_name()),
            Column("Организация", lambda row: row.organization.short_name),
            Column("Наставляемых не более", lambda row: row.capacity),
        ),
    ),
    Indicator(
        code="mentees_waiting",
        title="Ждут наставника",
        formula="Спрос на наставников: число резервистов, состоящих в резерве на конец периода, "
        "у которых нет действующей пары наставничества.",
        stage="развитие",
        unit="чел.",
        kind=COUNT,
        figures=lambda p, t: counted(src.waiting_for_mentor(p, t), "municipality_id"),
        rows=lambda p, t: src.waiting_for_mentor(p, t).select_related("candidate", "position_kind"),
        higher_is_better=False,
        columns=MEMBERSHIP_COLUMNS,
        breakdowns=(BY_CATEGORY, BY_POST),
    ),
    Indicator(
        code="mentor_places_free",
        title="Свободные места у наставников",
        formula="Предложение наставников: сумма свободных мест у наставников, принимающих "
        "наставляемых (наибольшее число наставляемых за вычетом предложенных и действующих "
        "пар), по муниципальному образованию их организации, на сегодня.",
        stage="развитие",
        unit="мест",
        kind=COUNT,
        figures=lambda p, t: per_municipality(
            src.mentor_places(p, t), "organization__municipality_id", Sum("free")
        ),
        rows=lambda p, t: (
            src.mentor_places(p, t).filter(free__gt=0).select_related("user", "organization")
        ),
        municipality_lookup="organization__municipality_id",
        columns=(
            Column("Наставник", lambda row: row.user.get_full_name()),
            Column("Организация", lambda row: row.organization.short_name),
            Column("Свободных мест", lambda row: row.free),
        ),
    ),
    Indicator(
        code=MeasuredIndicator.SESSION_HOURS,
        title="Часы наставничества",
        formula="Сумма продолжительности встреч с наставником, подтверждённых наставляемыми, "
        "в периоде, в часах.",
        stage="развитие",
        unit="ч",
        kind=COUNT,
        divisor=60,
        figures=lambda p, t: per_municipality(
            src.sessions(p, t), "mentorship__membership__municipality_id", Sum("duration_minutes")
        ),
        rows=lambda p, t: src.sessions(p, t).select_related("mentorship__mentee"),
        municipality_lookup="mentorship__membership__municipality_id",
        columns=(
            Column("Наставляемый", lambda row: row.mentorship.mentee.full_name),
            Column("Дата", lambda row: row.date),
            Column("Минут", lambda row: row.duration_minutes),
        ),
    ),
    Indicator(
        code=MeasuredIndicator.REPORTS_ON_TIME_SHARE,
        title="Отчёты в срок",
        formula="Доля полугодовых отчётов со сроком в периоде, впервые сданных не позже срока, "
        "среди всех сданных.",
        stage="развитие",
        unit="%",
        kind=SHARE,
        figures=lambda p, t: per_municipality(
            src.reports(p, t),
            "membership__municipality_id",
            Count("pk", filter=Q(first_submitted_at__date__lte=F("due_on"))),
            Count("pk"),
        ),
        rows=lambda p, t: src.reports(p, t).select_related("membership__candidate"),
        municipality_lookup="membership__municipality_id",
        columns=(
            Column("Резервист", lambda row: row.membership.candidate.full_name),
            Column("Срок", lambda row: row.due_on),
            Column("Сдан", lambda row: row.first_submitted_at),
            Column("", src.on_time),
        ),
    ),
    Indicator(
        code=MeasuredIndicator.APPOINTED_FROM_RESERVE,
        title="Назначены из резерва",
        formula="Число резервистов, назначенных на должность (членство закрыто как «назначен») "
        "в периоде.",
        stage="назначение",
        unit="чел.",
        kind=COUNT,
        figures=lambda p, t: counted(src.appointed(p, t), "municipality_id"),
        rows=lambda p, t: src.appointed(p, t).select_related("candidate", "position_kind"),
        columns=(
            PERSON,
            Column("Должность", lambda row: row.position_kind.name),
            Column("Назначен", lambda row: row.ended_on),
        ),
        breakdowns=(BY_CATEGORY, BY_POST),
    ),
    Indicator(
        code=MeasuredIndicator.WELLBEING_INDEX,
        title="Индекс благополучия",
        formula="Средний индекс благополучия по опроснику ВОЗ-5 (0–100) ответов в периоде от "
        "тех, кто не отозвал согласие на опрос; показывается только для групп от пяти человек.",
        stage="развитие",
        unit="баллов",
        kind=AVERAGE,
        figures=lambda p, t: per_municipality(
            src.pulse(p, t),
            "municipality_id",
            Sum("index"),
            Count("pk"),
            group=Count("user", distinct=True),
        ),
        rows=None,  # anonymous: no list of people behind it
        min_group=WELLBEING_MIN_GROUP,
    ),
]


ALL: list[Indicator] = [*INDICATORS, *FORECAST, *ONBOARDING]
BY_CODE: dict[str, Indicator] = {indicator.code: indicator for indicator in ALL}
