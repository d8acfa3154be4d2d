"""The indicators the main dataset does not reach, each on its own small dataset, by hand."""

import datetime
import zoneinfo

import pytest
import time_machine

from assessment.models import Result
from monitoring.indicators.base import Period
from monitoring.indicators.definitions import BY_CODE
from monitoring.indicators.selectors import dashboard
from monitoring.models import HalfYearReport, ReportStatus
from registry.models import Municipality
from tests.candidates.commission_factories import make_membership
from tests.development.plans_factories import make_mentor, make_result
from tests.factories import OrganizationFactory
from tests.monitoring.indicator_data import TODAY

HALF = Period(datetime.date(2027, 1, 1), datetime.date(2027, 6, 30), "1-е полугодие 2027")
STARTED = datetime.date(2026, 9, 1)
ZONE = zoneinfo.ZoneInfo("Asia/Yekaterinburg")


@pytest.fixture
def towns(db):
    return (
        Municipality.objects.get(name="город Оренбург"),
        Municipality.objects.get(name="город Орск"),
    )


def _table(user, codes):
    board = dashboard(user, period=HALF, today=TODAY, indicators=[BY_CODE[c] for c in codes])
    table = {row.name: [cell.text for cell in row.cells] for row in board.rows}
    table["область"] = [cell.text for cell in board.region.cells]
    return table


def test_organizations_and_mentors_count_only_the_active(towns, ministry_user):
    orenburg, orsk = towns
    OrganizationFactory(municipality=orenburg)
    school = OrganizationFactory(municipality=orenburg)
    OrganizationFactory(municipality=orenburg, is_active=False)
    OrganizationFactory(municipality=orsk)
    make_mentor(organization=school)
    resting = make_mentor(organization=school)
    resting.is_available = False
    resting.save(update_fields=["is_available"])
    blocked = make_mentor(organization=school)
    blocked.user.is_active = False
    blocked.user.save(update_fields=["is_active"])

    table = _table(ministry_user, ["organizations", "mentors_total"])

    assert table["город Оренбург"] == ["2", "1"]
    assert table["город Орск"] == ["1", "0"]
    assert table["область"] == ["3", "1"]


def test_coverage_is_ready_now_reservists_per_hundred_forecast_vacancies(towns, ministry_user):
    orenburg, orsk = towns
    for _ in range(4):
        OrganizationFactory(municipality=orenburg, head_contract_end_date=datetime.date(2027, 9, 1))
    make_membership(started_on=STARTED, municipality=orenburg)  # ready now
    make_membership(started_on=STARTED, municipality=orenburg, readiness="within_year")
    make_membership(started_on=STARTED, municipality=orsk)  # ready now, no vacancy forecast

    table = _table(ministry_user, ["forecast_vacancies", "vacancy_coverage"])

    assert table["город Оренбург"] == ["4", "25 %"]
    assert table["город Орск"] == ["0", "—"]
    assert table["область"] == ["4", "50 %"]  # two ready now across the region, four vacancies


def test_the_assessment_pass_rate_counts_finished_campaigns_of_the_period(towns, ministry_user):
    orenburg, orsk = towns
    with time_machine.travel(datetime.datetime(2027, 3, 1, 12, tzinfo=ZONE), tick=False):
        passed = make_result(
            make_membership(started_on=STARTED, municipality=orenburg), scores={}, gaps=[]
        )
        make_result(make_membership(started_on=STARTED, municipality=orenburg), scores={}, gaps=[])
        make_result(make_membership(started_on=STARTED, municipality=orsk), scores={}, gaps=[])
    Result.objects.filter(pk=passed.pk).update(passed=True)
    with time_machine.travel(datetime.datetime(2026, 11, 1, 12, tzinfo=ZONE), tick=False):
        earlier = make_result(
            make_membership(started_on=STARTED, municipality=orsk), scores={}, gaps=[]
        )
    Result.objects.filter(pk=earlier.pk).update(passed=True)  # computed before the period

    table = _table(ministry_user, ["assessment_pass_rate"])

    assert table["город Оренбург"] == ["50 %"]
    assert table["город Орск"] == ["0 %"]
    assert table["область"] == ["33,3 %"]


def _report(membership, due_on, handed_in):
    report = HalfYearReport.objects.create(
        membership=membership,
        due_on=due_on,
        period_start=datetime.date(2026, 12, 11),
        status=ReportStatus.SUBMITTED if handed_in else ReportStatus.DRAFT,
    )
    if handed_in:
        moment = datetime.datetime.combine(handed_in, datetime.time(23, 30), tzinfo=ZONE)
        HalfYearReport.objects.filter(pk=report.pk).update(
            first_submitted_at=moment, submitted_at=moment
        )
    return report


def test_reports_on_time_are_those_first_handed_in_by_their_date(towns, ministry_user):
    orenburg, orsk = towns
    due = datetime.date(2027, 7, 1)
    in_time = datetime.date(2027, 6, 1)
    today = datetime.date(2027, 7, 10)
    half = Period(datetime.date(2027, 1, 1), datetime.date(2027, 7, 31), "январь — июль 2027")

    def member(town):
        return make_membership(started_on=STARTED, municipality=town)

    _report(member(orenburg), due, handed_in=due)  # on the day, late in the evening: in time
    _report(member(orenburg), due, handed_in=due + datetime.timedelta(days=1))  # late
    _report(member(orenburg), due, handed_in=None)  # a draft is not counted
    _report(member(orsk), due, handed_in=in_time)

    board = dashboard(
        ministry_user, period=half, today=today, indicators=[BY_CODE["reports_on_time_share"]]
    )
    table = {row.name: row.cells[0].text for row in board.rows}

    assert table["город Оренбург"] == "50 %"
    assert table["город Орск"] == "100 %"
    assert board.region.cells[0].text == "66,7 %"
