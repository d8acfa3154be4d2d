"""The indicators of vacancies and appointments: the registry's forecast and the stage's records.

The forecast follows the appointment stage's rule (onboarding.vacancies.forecast) over the
registry's heads; the stage's own indicators count its records by municipality.
"""

from core.russian import quantity
from governance.models import MeasuredIndicator
from monitoring.indicators import appointment as app
from monitoring.indicators import sources as src
from monitoring.indicators.base import AVERAGE, COUNT, SHARE, Column, Indicator
from monitoring.indicators.columns import MEMBERSHIP_COLUMNS, NOMINATION_RELATED
from monitoring.indicators.counting import counted, ratio
from onboarding.vacancies import forecast

FORECAST_COLUMNS = (
    Column("Организация", lambda row: row.short_name or row.full_name),
    Column("Руководитель", lambda row: row.head_full_name),
    Column("Договор до", lambda row: row.head_contract_end_date),
    Column("Дата рождения руководителя", lambda row: row.head_birth_date),
)


def _forecast(months: int, code: str) -> Indicator:
    """Return the forecast of heads' vacancies within `months` months: one rule, three horizons."""
    horizon = quantity(months, "месяц", "месяца", "месяцев")
    return Indicator(
        code=code,
        title=f"Прогноз вакансий на {horizon}",
        formula=f"Число действующих областных и муниципальных организаций, где в ближайшие "
        f"{horizon} после конца периода может понадобиться новый руководитель: "
        f"руководителю исполнится {forecast.DEFAULT_AGE} лет (или уже исполнилось) либо "
        "истекает его трудовой договор — правило прогноза этапа назначения, по реестру "
        "организаций.",
        stage="назначение",
        unit="ед.",
        kind=COUNT,
        figures=lambda p, t: counted(src.forecast_vacancies(p, t, months), "municipality_id"),
        rows=lambda p, t: src.forecast_vacancies(p, t, months).order_by("short_name"),
        columns=FORECAST_COLUMNS,
    )


FORECAST = [
    _forecast(12, "forecast_vacancies"),
    _forecast(24, "forecast_vacancies_24"),
    _forecast(36, "forecast_vacancies_36"),
    Indicator(
        code=MeasuredIndicator.VACANCY_COVERAGE,
        title="Покрытие прогнозных вакансий",
        formula="Резервисты с готовностью «готов сейчас» на конец периода в расчёте на 100 "
        "прогнозных вакансий руководителей на 12 месяцев того же муниципального образования.",
        stage="назначение",
        unit="%",
        kind=SHARE,
        figures=lambda p, t: ratio(
            src.ready_now(p, t), "municipality_id", src.forecast_vacancies(p, t), "municipality_id"
        ),
        rows=lambda p, t: src.ready_now(p, t).select_related(*NOMINATION_RELATED),
        columns=MEMBERSHIP_COLUMNS,
    ),
]

# The appointment stage's own records: vacancies, appointments, induction plans.
ONBOARDING: list[Indicator] = [
    Indicator(
        code="open_vacancies",
        title="Открытые вакансии",
        formula="Число вакансий руководителей, ещё не замещённых (открыта, сформирован список, "
        "сделано предложение), на сегодня.",
        stage="назначение",
        unit="ед.",
        kind=COUNT,
        figures=lambda p, t: counted(app.open_vacancies(p, t), app.VACANCY_MUNICIPALITY),
        rows=lambda p, t: app.open_vacancies(p, t).select_related("organization", "position_kind"),
        municipality_lookup=app.VACANCY_MUNICIPALITY,
        columns=(
            Column("Организация", lambda row: row.organization.short_name),
            Column("Должность", lambda row: row.position_kind.name),
            Column("Статус", lambda row: row.get_status_display()),
        ),
    ),
    Indicator(
        code=MeasuredIndicator.APPOINTED_FROM_RESERVE_SHARE,
        title="Назначения из резерва",
        formula="Доля должностей, замещённых резервистами (приказ учредителя в периоде), среди "
        "всех замещённых в периоде: из резерва и закрытых как «замещена не из резерва».",
        stage="назначение",
        unit="%",
        kind=SHARE,
        figures=app.filled_from_reserve,
        rows=lambda p, t: app.appointments_made(p, t).select_related(
            "membership__candidate", "vacancy__organization"
        ),
        municipality_lookup=app.APPOINTMENT_MUNICIPALITY,
        columns=(
            Column("Назначен", lambda row: row.membership.candidate.full_name),
            Column("Организация", lambda row: row.vacancy.organization.short_name),
            Column("Приказ от", lambda row: row.order_date),
        ),
    ),
    Indicator(
        code="time_to_fill",
        title="Срок замещения",
        formula="Среднее число дней от внесения вакансии на портал до даты приказа о назначении "
        "резервиста, по назначениям с приказом в периоде.",
        stage="назначение",
        unit="дней",
        kind=AVERAGE,
        figures=app.time_to_fill,
        rows=lambda p, t: app.appointments_made(p, t).select_related(
            "membership__candidate", "vacancy__organization"
        ),
        municipality_lookup=app.APPOINTMENT_MUNICIPALITY,
        higher_is_better=False,
        columns=(
            Column("Назначен", lambda row: row.membership.candidate.full_name),
            Column("Вакансия внесена", lambda row: row.vacancy.created_at),
            Column("Приказ от", lambda row: row.order_date),
        ),
    ),
    Indicator(
        code="induction_on_schedule",
        title="Адаптация по графику",
        formula="Доля выполняемых планов введения в должность без просроченной непройденной "
        "контрольной точки (на конец периода).",
        stage="назначение",
        unit="%",
        kind=SHARE,
        figures=app.induction_on_schedule,
        rows=lambda p, t: app.running_plans(p, t).select_related(
            "appointment__membership__candidate"
        ),
        municipality_lookup=app.PLAN_MUNICIPALITY,
        columns=(
            Column("Руководитель", lambda row: row.appointment.membership.candidate.full_name),
            Column("Начало", lambda row: row.starts_on),
        ),
    ),
]
