"""The mentor effectiveness report: the numbers on a hand-built region, access, sorting, export."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from candidates.models import MembershipStatus
from development.mentoring.report import mentee_growth, region_rows
from development.models import (
    DevelopmentPlan,
    MentorshipStatus,
    PlanItem,
    PlanItemStatus,
    PlanStatus,
    PracticeStatus,
    SessionConfirmation,
)
from tests.development.mentoring_factories import (
    ORENBURG_DISTRICT,
    ORSK,
    competency,
    gap,
    make_mentor,
    make_pair,
    make_reservist,
    make_result,
    make_session,
)
from tests.xlsx import is_safe_text, sheet_cells

REPORT = reverse("development:mentor_effectiveness")
EXPORT = reverse("development:mentor_effectiveness_export")
CONFIRMED, DISPUTED = SessionConfirmation.CONFIRMED, SessionConfirmation.DISPUTED


def make_plan(membership, *, status: str, items: int, done: int) -> DevelopmentPlan:
    today = timezone.localdate()
    plan = DevelopmentPlan.objects.create(
        candidate=membership.candidate,
        membership=membership,
        status=status,
        starts_on=today,
        ends_on=today.replace(year=today.year + 1),
    )
    for number in range(items):
        item = PlanItem(
            plan=plan, title=f"Пункт {number + 1}", competency=competency("K05"), due_date=today
        )
        if number < done:
            item.completion_file.save("test/certificate.pdf", ContentFile(b"%PDF-1.4"), save=False)
            item.practice_description = "Применил на педсовете"
            item.practice_link = "https://school.example/news/1"
            item.practice_status = PracticeStatus.CONFIRMED
            item.status = PlanItemStatus.DONE
        item.save()
    return plan


@pytest.fixture
def region():
    """Three mentors with pairs, sessions, plans and results whose figures are worked out below."""
    first = make_mentor(last_name="Антонова")
    orsk = make_mentor(municipality_name=ORSK, last_name="Борисов")
    district = make_mentor(municipality_name=ORENBURG_DISTRICT, last_name="Власова")

    running = make_reservist()
    appointed = make_reservist()
    appointed.status = MembershipStatus.APPOINTED
    appointed.save(update_fields=["status"])
    running_pair = make_pair(first, running)
    finished_pair = make_pair(first, appointed, status=MentorshipStatus.COMPLETED)
    make_pair(first, make_reservist(), status=MentorshipStatus.CANCELLED)
    make_session(running_pair, minutes=90, confirmation=CONFIRMED, usefulness=5)
    make_session(running_pair, minutes=60, confirmation=CONFIRMED, usefulness=3)
    make_session(running_pair, minutes=45, confirmation=DISPUTED)
    make_session(running_pair, minutes=30)
    make_session(finished_pair, minutes=30, confirmation=CONFIRMED, usefulness=4)
    make_plan(running, status=PlanStatus.APPROVED, items=4, done=1)
    make_plan(appointed, status=PlanStatus.IN_PROGRESS, items=2, done=2)
    make_plan(make_reservist(), status=PlanStatus.DRAFT, items=3, done=0)
    make_result(
        running,
        scores={"K05": 20.0, "K03": 50.0, "K01": 90.0},
        gaps=[gap("K05", 1, 3), gap("K03", 2, 3)],
        days_ago=200,
    )
    make_result(running, scores={"K05": 50.0, "K03": 60.0, "K01": 70.0}, gaps=[], days_ago=5)
    make_result(appointed, scores={"K05": 30.0}, gaps=[gap("K05", 2, 3)], days_ago=5)

    mentee = make_reservist(municipality_name=ORENBURG_DISTRICT)
    district_pair = make_pair(district, mentee)
    make_session(district_pair, minutes=60, confirmation=CONFIRMED, usefulness=2)
    make_result(mentee, scores={"K05": 40.0}, gaps=[gap("K05", 2, 3)], days_ago=100)
    make_result(mentee, scores={"K05": 30.0}, gaps=[gap("K05", 1, 3)], days_ago=3)
    return {"first": first, "orsk": orsk, "district": district}


def test_each_measure_is_computed_as_agreed(region):
    rows = {row.mentor.pk: row for row in region_rows()}
    first = rows[region["first"].pk]
    assert (first.mentees_active, first.mentees_completed) == (1, 1)
    assert (first.sessions_confirmed, first.hours_confirmed) == (3, 3.0)
    assert first.confirmation_rate == 75.0
    assert first.mean_usefulness == 4.0
    assert first.plan_completion == 62.5
    assert first.growth == 20.0
    assert first.appointed == 1
    nobody = rows[region["orsk"].pk]
    assert (nobody.sessions_confirmed, nobody.hours_confirmed, nobody.appointed) == (0, 0.0, 0)
    assert nobody.confirmation_rate is None
    assert nobody.mean_usefulness is None
    assert nobody.plan_completion is None
    assert nobody.growth is None
    district = rows[region["district"].pk]
    assert district.growth == -10.0
    assert district.plan_completion is None
    assert district.confirmation_rate == 100.0


def test_growth_needs_two_results_and_follows_the_earlier_gaps():
    earlier = {
        "gaps": [{"code": "K05"}, {"code": "K09"}],
        "competency_scores": {"K05": 10, "K09": 40},
    }
    latest = {"gaps": [], "competency_scores": {"K05": 35, "K09": 45, "K01": 0}}
    assert mentee_growth([latest, earlier]) == 15.0
    assert mentee_growth([latest]) is None
    assert mentee_growth([]) is None


def test_the_page_shows_the_regions_medians_and_no_data(client, ministry_user, region):
    client.force_login(ministry_user)
    response = client.get(REPORT)
    medians = {header["column"].key: header["median"] for header in response.context["headers"]}
    assert medians == {
        "active": "1",
        "completed": "0",
        "sessions": "1",
        "hours": "1,0",
        "confirmation": "87,5 %",
        "usefulness": "3,0",
        "plans": "62,5 %",
        "growth": "+5,0",
        "appointed": "0",
    }
    assert "нет данных" in response.content.decode()


def test_a_coordinator_sees_their_mentors_against_the_whole_region(client, municipal_user, region):
    client.force_login(municipal_user)
    response = client.get(REPORT)
    assert [item["row"].mentor for item in response.context["rows"]] == [region["first"]]
    medians = {header["column"].key: header["median"] for header in response.context["headers"]}
    assert medians["sessions"] == "1"


def test_the_table_sorts_by_a_column_with_missing_values_last(client, ministry_user, region):
    client.force_login(ministry_user)
    by_hours = client.get(REPORT, {"sort": "hours", "dir": "desc"}).context["rows"]
    assert [item["row"].mentor for item in by_hours] == [
        region["first"],
        region["district"],
        region["orsk"],
    ]
    by_growth = client.get(REPORT, {"sort": "growth", "dir": "asc"}).context["rows"]
    assert [item["row"].mentor for item in by_growth] == [
        region["district"],
        region["first"],
        region["orsk"],
    ]


@pytest.mark.parametrize("persona", ["expert_user", "candidate_user", "mentor_user"])
def test_the_report_is_for_staff(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(REPORT).status_code == 404
    assert client.get(EXPORT).status_code == 404


def test_anonymous_users_go_to_the_login_page(client):
    assert client.get(REPORT)["Location"].startswith(reverse("accounts:login"))


def test_the_export_has_the_rows_and_the_medians_with_formulas_escaped(
    client, ministry_user, region
):
    hostile = make_mentor(last_name="=HYPERLINK(1)")
    client.force_login(ministry_user)
    response = client.get(EXPORT)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    cells = sheet_cells(b"".join(response.streaming_content))
    rows = [tuple(cell.value for cell in row) for row in cells]
    names = [row[0] for row in rows[2:-1]]
    hostile_cell = cells[2 + names.index(hostile.user.get_full_name())][0]
    assert is_safe_text(hostile_cell, hostile.user.get_full_name())
    first = next(row for row in rows if row[0] == str(region["first"]))
    assert first[4:] == (1, 1, 3, 3.0, 75.0, 4.0, 62.5, 20.0, 1)
    assert rows[-1][0] == "Медиана по области"
    assert "нет данных" in next(row for row in rows if row[0] == str(region["orsk"]))


def test_the_report_runs_a_fixed_number_of_queries(
    client, ministry_user, django_assert_num_queries
):
    def add_mentors(count):
        for _ in range(count):
            mentor = make_mentor()
            pair = make_pair(mentor, make_reservist())
            make_session(pair, confirmation=CONFIRMED, usefulness=4)
            make_result(pair.membership, scores={"K05": 20.0}, gaps=[gap("K05", 1, 3)])

    add_mentors(2)
    client.force_login(ministry_user)
    with CaptureQueriesContext(connection) as two:
        assert client.get(REPORT).status_code == 200
    add_mentors(8)
    with django_assert_num_queries(len(two.captured_queries)):
        response = client.get(REPORT)
    assert len(response.context["rows"]) == 10
