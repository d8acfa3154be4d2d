"""Half-yearly reports: prefilled from the plan, mentor comment, review, deadlines, scoping."""

import contextlib
import datetime
import zoneinfo

import pytest
import time_machine
from django.urls import reverse

from accounts.models import Notification
from development.models import PlanStatus
from governance.selectors import regulation_in_force
from monitoring.halfyear.selectors import next_steps_for, report_rows, report_summary
from monitoring.models import HalfYearReport, ReportStatus
from registry.models import Municipality
from tests.candidates.commission_factories import make_membership
from tests.development.plans_factories import give_both_evidence, make_mentor, make_plan, pair

ZONE = zoneinfo.ZoneInfo("Asia/Yekaterinburg")
DUE = datetime.date(2027, 7, 1)


def at(day: datetime.date, hour: int = 12, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE)


@pytest.fixture
def reservist(municipality):
    membership = make_membership(started_on=datetime.date(2026, 12, 1), municipality=municipality)
    plan = make_plan(
        membership,
        status=PlanStatus.IN_PROGRESS,
        due=[datetime.date(2027, 3, 1), datetime.date(2027, 5, 1)],
    )
    done = plan.items.order_by("due_date").first()
    with time_machine.travel(at(datetime.date(2027, 3, 10)), tick=False):
        give_both_evidence(done)
    return membership


@contextlib.contextmanager
def signed_in(client, user, moment: datetime.datetime):
    """Travel to the moment and sign in there: sessions end eight hours after the sign-in."""
    with time_machine.travel(moment, tick=False):
        client.force_login(user)
        yield


def _begin(client, membership, due=DUE):
    return client.post(reverse("monitoring:report_begin", args=[membership.pk, due.isoformat()]))


def _report(membership) -> HalfYearReport:
    return HalfYearReport.objects.get(membership=membership, due_on=DUE)


def test_the_draft_is_prefilled_from_the_plan(client, reservist):
    with signed_in(client, reservist.candidate.user, at(datetime.date(2027, 6, 20))):
        page = client.get(reverse("monitoring:my_reports")).content.decode()
        response = _begin(client, reservist)

    report = _report(reservist)
    assert "Отчёт к 01.07.2027" in page
    assert response.url == reverse("monitoring:report", args=[report.pk])
    assert report.period_start == datetime.date(2026, 12, 10)
    assert "Пункт 1" in report.done
    assert "Провёл педсовет по итогам курса." in report.applied
    assert "не выполнено в срок: Пункт 2 (срок 01.05.2027)" in report.difficulties


def test_submit_comment_return_resubmit_accept(client, reservist, municipal_user):
    mentor = make_mentor()
    pair(mentor, reservist)
    author = reservist.candidate.user
    texts = {"done": "Курс пройден", "applied": "Педсовет", "difficulties": ""}
    with signed_in(client, author, at(datetime.date(2027, 6, 25))):
        _begin(client, reservist)
        report = _report(reservist)
        url = reverse("monitoring:report", args=[report.pk])
        client.post(url, {"action": "submit", **texts})
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    assert Notification.objects.filter(user=mentor.user, kind="report_to_comment").exists()
    assert Notification.objects.filter(user=municipal_user, kind="report_to_review").exists()

    with signed_in(client, mentor.user, at(datetime.date(2027, 6, 26))):
        client.post(url, {"action": "comment", "comment": "Хорошая работа с педсоветом."})
    with signed_in(client, municipal_user, at(datetime.date(2027, 6, 27))):
        refused = client.post(url, {"action": "return", "comment": ""})
        client.post(url, {"action": "return", "comment": "Опишите результат педсовета."})
    report.refresh_from_db()
    assert refused.status_code == 400
    assert report.status == ReportStatus.RETURNED
    assert report.mentor_comment == "Хорошая работа с педсоветом."
    # The candidate's home puts the returned report first, with what to correct.
    with signed_in(client, author, at(datetime.date(2027, 6, 28))):
        home = client.get(reverse("accounts:home_candidate")).context["next_steps"]
    returned = [step for step in home if step.text.startswith("Доработайте полугодовой отчёт")]
    assert [(step.text, step.note, step.url) for step in returned] == [
        (
            "Доработайте полугодовой отчёт, возвращённый координатором",
            "Опишите результат педсовета.",
            reverse("monitoring:my_reports"),
        )
    ]
    # Among the things to act on now (what came back, what is overdue) it comes before what is
    # merely dated.
    assert all(step.overdue for step in home[: home.index(returned[0])])

    with signed_in(client, author, at(datetime.date(2027, 7, 5))):
        client.post(url, {"action": "submit", **texts, "applied": "Педсовет: +2 проекта"})
    with signed_in(client, municipal_user, at(datetime.date(2027, 7, 6))):
        client.post(url, {"action": "accept", "comment": ""})

    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED
    assert not report.is_late  # the first submission was in time
    actions = [event.action for event in report.events.all()]
    assert actions == ["submit", "comment", "return", "submit", "accept"]


def test_submitting_needs_the_texts(client, reservist):
    with signed_in(client, reservist.candidate.user, at(datetime.date(2027, 6, 25))):
        _begin(client, reservist)
        url = reverse("monitoring:report", args=[_report(reservist).pk])
        empty = {"done": "", "applied": "", "difficulties": ""}
        response = client.post(url, {"action": "submit", **empty})

    assert response.status_code == 400
    assert "Напишите, что выполнено по плану за полугодие." in response.content.decode()
    assert _report(reservist).status == ReportStatus.DRAFT


@pytest.mark.parametrize(
    ("moment", "state"),
    [(at(DUE, 23, 59), "on_time"), (at(DUE + datetime.timedelta(days=1), 0, 1), "late")],
)
def test_the_deadline_is_the_last_minute_of_the_day(client, reservist, moment, state):
    with signed_in(client, reservist.candidate.user, moment):
        _begin(client, reservist)
        url = reverse("monitoring:report", args=[_report(reservist).pk])
        client.post(url, {"action": "submit", "done": "a", "applied": "b", "difficulties": ""})
    today = DUE + datetime.timedelta(days=3)

    [row] = report_rows(_ministry(), due_on=DUE, today=today)

    assert row.state == state


def _ministry():
    from tests.factories import UserFactory

    return UserFactory(role="ministry")


def test_missing_only_after_the_date(reservist):
    ministry = _ministry()

    [on_the_day] = report_rows(ministry, due_on=DUE, today=DUE)
    [next_day] = report_rows(ministry, due_on=DUE, today=DUE + datetime.timedelta(days=1))

    assert on_the_day.state == "pending"
    assert next_day.state == "missing"


def test_a_newcomer_owes_the_next_date_only(municipality):
    newcomer = make_membership(started_on=datetime.date(2027, 6, 15), municipality=municipality)

    assert report_rows(_ministry(), due_on=DUE, today=DUE) == []
    assert HalfYearReport.objects.count() == 0
    assert newcomer.pk


def test_the_summary_counts_by_municipality_and_scopes_the_coordinator(
    reservist, municipal_user, outsider_municipal_user
):
    orsk = Municipality.objects.get(name="город Орск")
    make_membership(started_on=datetime.date(2026, 12, 1), municipality=orsk)
    today = DUE + datetime.timedelta(days=2)

    region = {
        row.name: dict(row.counts) for row in report_summary(_ministry(), due_on=DUE, today=today)
    }
    own = report_summary(municipal_user, due_on=DUE, today=today)

    assert region == {
        "город Оренбург": {"owed": 1, "missing": 1},
        "город Орск": {"owed": 1, "missing": 1},
    }
    assert [row.name for row in own] == ["город Оренбург"]
    assert [
        r.membership.municipality.name
        for r in report_rows(outsider_municipal_user, due_on=DUE, today=today)
    ] == ["город Орск"]


def test_the_list_proposes_exclusion_for_a_missing_report(client, ministry_user, reservist):
    with signed_in(client, ministry_user, at(DUE + datetime.timedelta(days=2))):
        page = client.get(
            reverse("monitoring:report_list"), {"due_on": DUE.isoformat(), "state": "missing"}
        )

    text = page.content.decode()
    grounds = {ground.code: ground.name for ground in regulation_in_force().exclusion_grounds}
    assert grounds["no_report"] == "непредставление отчёта о выполнении ИОМ"
    assert grounds["no_report"] in text
    assert "Портал не исключает автоматически" in text
    assert reverse("candidates:membership_detail", args=[reservist.pk]) in text


@pytest.mark.parametrize(
    "persona", ["outsider_municipal_user", "expert_user", "candidate_user", "mentor_user"]
)
def test_outsiders_get_404_on_a_report(client, request, reservist, persona):
    with signed_in(client, reservist.candidate.user, at(datetime.date(2027, 6, 25))):
        _begin(client, reservist)
    url = reverse("monitoring:report", args=[_report(reservist).pk])
    client.force_login(request.getfixturevalue(persona))

    assert client.get(url).status_code == 404
    assert client.post(url, {"action": "accept"}).status_code == 404


@pytest.mark.parametrize("persona", ["expert_user", "candidate_user", "mentor_user"])
def test_the_staff_list_is_closed_to_others(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(reverse("monitoring:report_list")).status_code == 404


def test_a_mentor_sees_only_the_mentees_reports(client, reservist):
    mentor, stranger = make_mentor(), make_mentor()
    pair(mentor, reservist)
    with signed_in(client, reservist.candidate.user, at(datetime.date(2027, 6, 25))):
        _begin(client, reservist)
    url = reverse("monitoring:report", args=[_report(reservist).pk])

    client.force_login(mentor.user)
    page = client.get(url)
    assert page.status_code == 200
    # The reservist's own list of reports is not the mentor's: no link to it.
    assert reverse("monitoring:my_reports") not in page.content.decode()
    client.force_login(stranger.user)
    assert client.get(url).status_code == 404


def test_next_steps_name_the_report_to_write(reservist):
    user = reservist.candidate.user

    far = next_steps_for(user, today=datetime.date(2027, 4, 1))
    near = next_steps_for(user, today=datetime.date(2027, 6, 20))
    after = next_steps_for(user, today=datetime.date(2027, 7, 3))

    assert far == []  # included on 01.12.2026: the report of 10.12.2026 was not owed
    due = datetime.date(2027, 7, 1)
    text = "Сдайте полугодовой отчёт о выполнении плана развития"
    # The panel writes «до 01.07.2027» or «срок прошёл 01.07.2027» beside it from the step's date.
    assert [(step.text, step.due) for step in near] == [(text, due)]
    assert (after[0].text, after[0].due) == (text, due)
