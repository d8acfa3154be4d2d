"""Each indicator on a known dataset equals a hand count; scoping; snapshots; flat query counts."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from governance.models import RoadmapItem
from monitoring.indicators.base import Period
from monitoring.indicators.definitions import ALL, BY_CODE
from monitoring.indicators.selectors import dashboard, indicator_rows
from monitoring.indicators.snapshots import indicators_snapshot
from monitoring.models import IndicatorSnapshot
from tests.governance.roadmap_factories import RoadmapItemFactory
from tests.monitoring.indicator_data import TODAY, build

HALF = Period(datetime.date(2027, 1, 1), datetime.date(2027, 6, 30), "1-е полугодие 2027")


@pytest.fixture
def region(db):
    return build()


def _texts(user, codes):
    board = dashboard(user, period=HALF, today=TODAY, indicators=[BY_CODE[c] for c in codes])
    table = {row.name: [cell.text for cell in row.cells] for row in board.rows}
    table["область"] = [cell.text for cell in board.region.cells]
    return table


def test_every_indicator_equals_the_hand_count(region, ministry_user):
    codes = [
        "reserve_size",
        "nominations_total",
        "eligibility_pass_rate",
        "plans_share",
        "plan_items_done_share",
        "overdue_plan_items",
        "practice_evidence_share",
        "mentored_share",
        "session_hours",
        "appointed_from_reserve",
        "wellbeing_index",
    ]

    table = _texts(ministry_user, codes)

    assert table["город Оренбург"] == [
        "2",
        "0",
        "—",
        "50 %",
        "50 %",
        "1",
        "50 %",
        "50 %",
        "1,5",
        "1",
        "55",
    ]
    assert table["город Орск"] == ["1", "3", "50 %", "0 %", "—", "0", "—", "0 %", "0", "0", "—"]
    assert table["область"][:4] == ["3", "3", "50 %", "33,3 %"]


def test_the_wellbeing_index_hides_groups_under_five(region, ministry_user):
    from development.models import PulseResponse

    PulseResponse.objects.filter(municipality=region["orenburg"]).order_by("pk")[0].delete()
    PulseResponse.objects.filter(municipality=region["orenburg"]).order_by("pk")[0].delete()

    assert _texts(ministry_user, ["wellbeing_index"])["город Оренбург"] == ["—"]


def test_the_wellbeing_index_counts_who5_answers_of_consenting_people_only(region, ministry_user):
    from development.models import PulseResponse, PulseScale
    from governance.consent import consent_give, consent_withdraw
    from governance.models import ConsentPurpose
    from tests.factories import UserFactory

    answers = list(PulseResponse.objects.filter(municipality=region["orenburg"]).order_by("pk"))
    PulseResponse.objects.filter(pk=answers[0].pk).update(scale=PulseScale.PORTAL_2025)  # 50
    consent_withdraw(user=answers[1].user, purpose=ConsentPurpose.WELLBEING)  # 52
    newcomer = UserFactory()
    consent_give(user=newcomer, purpose=ConsentPurpose.WELLBEING)
    PulseResponse.objects.create(
        user=newcomer,
        submitted_on=datetime.date(2027, 5, 2),
        answers=[4, 4, 4, 4, 4],
        index=80,
        municipality=region["orenburg"],
    )

    # 54, 56, 58, 60 and 80: five people, mean 61,6
    assert _texts(ministry_user, ["wellbeing_index"])["город Оренбург"] == ["61,6"]


def test_every_indicator_has_a_formula_in_words_and_every_roadmap_code_is_defined():
    from governance.models import MeasuredIndicator

    assert all(len(indicator.formula) > 30 for indicator in ALL)
    assert set(MeasuredIndicator.values) <= set(BY_CODE)


def test_a_coordinator_sees_own_municipality_and_the_region(region, municipal_user):
    board = dashboard(
        municipal_user, period=HALF, today=TODAY, indicators=[BY_CODE["reserve_size"]]
    )

    assert [row.name for row in board.rows] == ["город Оренбург"]
    assert board.region.cells[0].text == "3"


def test_the_rows_behind_a_number_are_scoped(region, municipal_user, ministry_user):
    orsk = region["orsk"].pk
    own = indicator_rows(
        municipal_user,
        code="reserve_size",
        period=HALF,
        today=TODAY,
        municipality_id=region["orenburg"].pk,
    )

    assert own.count() == 2
    assert (
        indicator_rows(
            municipal_user, code="reserve_size", period=HALF, today=TODAY, municipality_id=orsk
        )
        is None
    )
    assert (
        indicator_rows(
            municipal_user, code="reserve_size", period=HALF, today=TODAY, municipality_id=None
        )
        is None
    )
    assert (
        indicator_rows(
            ministry_user, code="reserve_size", period=HALF, today=TODAY, municipality_id=None
        ).count()
        == 3
    )
    assert (
        indicator_rows(
            ministry_user, code="wellbeing_index", period=HALF, today=TODAY, municipality_id=orsk
        )
        is None
    )


def test_snapshots_are_written_once_and_fill_the_roadmap(region):
    item = RoadmapItemFactory(indicator="Численность резерва", indicator_code="reserve_size")
    month = datetime.date(2027, 5, 1)

    first = indicators_snapshot(month=month, today=TODAY)
    count = IndicatorSnapshot.objects.count()
    again = indicators_snapshot(month=month, today=TODAY)

    assert first.written == count > 0 and not first.already
    assert again.already and again.written == 0
    assert IndicatorSnapshot.objects.count() == count
    region_size = IndicatorSnapshot.objects.get(month=month, code="reserve_size", municipality=None)
    assert region_size.value == 3
    item.refresh_from_db()
    assert (item.actual_value, item.actual_on) == (Decimal(3), datetime.date(2027, 5, 31))
    assert RoadmapItem.objects.get(pk=item.pk).actual_from_monitoring


def _queries(user) -> int:
    with CaptureQueriesContext(connection) as captured:
        dashboard(user, period=HALF, today=TODAY)
    return len(captured.captured_queries)


def test_the_dashboard_query_count_does_not_grow_with_the_data(db, ministry_user):
    build(scale=1)
    small = _queries(ministry_user)
    build(scale=3)

    assert _queries(ministry_user) == small


def test_a_period_counts_applications_by_local_days_at_its_edges(db):
    """Asia/Yekaterinburg days: 00:00 of the first day and 23:59 of the last count, the next
    day's 00:00 does not (the bounds are moments, not a date taken of every row)."""
    from zoneinfo import ZoneInfo

    from candidates.models import Nomination, NominationStatus
    from monitoring.indicators.sources import nominations
    from tests.candidates.factories import make_nomination

    local = ZoneInfo("Asia/Yekaterinburg")
    moments = {
        "before": datetime.datetime(2027, 1, 1, 23, 59, tzinfo=local),
        "first": datetime.datetime(2027, 1, 2, 0, 0, tzinfo=local),
        "last": datetime.datetime(2027, 1, 31, 23, 59, tzinfo=local),
        "after": datetime.datetime(2027, 2, 1, 0, 0, tzinfo=local),
    }
    for name, moment in moments.items():
        nomination = make_nomination(status=NominationStatus.SUBMITTED)
        Nomination.objects.filter(pk=nomination.pk).update(submitted_at=moment, motivation=name)
    period = Period(datetime.date(2027, 1, 2), datetime.date(2027, 1, 31), "январь")

    counted = nominations(period, datetime.date(2027, 3, 1)).values_list("motivation", flat=True)

    assert sorted(counted) == ["first", "last"]
