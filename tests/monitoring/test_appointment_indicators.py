"""The appointment stage's indicators by municipality equal onboarding.indicators, one by one."""

import datetime

from django.utils import timezone

from monitoring.indicators.base import Period
from monitoring.indicators.definitions import BY_CODE
from onboarding import indicators as stage
from onboarding.models import ClosureReason, InductionPlan, Vacancy, VacancyStatus
from registry.models import Municipality
from tests.onboarding.factories import appointed, make_org, make_vacancy


def test_the_grouped_figures_equal_the_stages_own(municipal_user):
    today = timezone.localdate()
    appointed(municipal_user)
    appointed(municipal_user, username="second-head")
    outside = make_vacancy(make_org())
    Vacancy.objects.filter(pk=outside.pk).update(
        status=VacancyStatus.CLOSED, closure_reason=ClosureReason.FILLED_OUTSIDE, closed_on=today
    )
    period = Period(today - datetime.timedelta(days=30), today, "")
    stage_period = stage.Period(period.starts_on, period.ends_on)
    filled = BY_CODE["appointed_from_reserve_share"].figures(period, today)
    days = BY_CODE["time_to_fill"].figures(period, today)
    schedule = BY_CODE["induction_on_schedule"].figures(period, today)

    for municipality_id in {v.organization.municipality_id for v in Vacancy.objects.all()}:
        vacancies = stage.for_municipality(Vacancy.objects.all(), municipality_id)
        share = stage.filled_from_reserve(vacancies, stage_period)
        assert (filled[municipality_id].numerator, filled[municipality_id].denominator) == (
            share.part,
            share.whole,
        )
        durations = stage.time_to_fill(vacancies, stage_period)
        if durations.count:
            assert days[municipality_id].denominator == durations.count
    plans = InductionPlan.objects.filter(
        appointment__vacancy__organization__municipality=Municipality.objects.get(
            name="город Оренбург"
        )
    )
    on_time = stage.induction_on_schedule(plans, today)
    orenburg = Municipality.objects.get(name="город Оренбург").pk
    assert (schedule[orenburg].numerator, schedule[orenburg].denominator) == (
        on_time.part,
        on_time.whole,
    )
