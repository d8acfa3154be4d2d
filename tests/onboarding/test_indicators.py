"""The stage's indicators for monitoring, on a hand-built period, and the mentor report's column."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from development.mentoring.report import region_rows
from onboarding import indicators
from onboarding.models import (
    Appointment,
    AppointmentStatus,
    ClosureReason,
    InductionPlan,
    OfferStatus,
    Vacancy,
    VacancyStatus,
)
from tests.development.mentoring_factories import ORSK, make_mentor, make_pair
from tests.onboarding.factories import (
    accepted,
    appointed,
    make_offer,
    make_org,
    make_vacancy,
    reservist_for,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
PERIOD = indicators.Period(TODAY - datetime.timedelta(days=90), TODAY)


def _made(vacancy_days_ago: int, order_days_ago: int, **reservist) -> Appointment:
    created = timezone.now() - datetime.timedelta(days=vacancy_days_ago)
    appointment = accepted(make_vacancy(make_org(), created_at=created), **reservist)
    order_date = TODAY - datetime.timedelta(days=order_days_ago)
    Appointment.objects.filter(pk=appointment.pk).update(
        status=AppointmentStatus.MADE, order_number="1", order_date=order_date, starts_on=order_date
    )
    Vacancy.objects.filter(pk=appointment.vacancy_id).update(status=VacancyStatus.FILLED)
    return appointment


def test_the_share_filled_from_the_reserve_and_the_time_to_fill():
    _made(vacancy_days_ago=40, order_days_ago=10)  # 30 days
    _made(vacancy_days_ago=100, order_days_ago=50)  # 50 days
    _made(vacancy_days_ago=200, order_days_ago=100)  # order before the period: not counted
    make_vacancy(
        make_org(), status=VacancyStatus.CLOSED, closure_reason=ClosureReason.FILLED_OUTSIDE
    )
    make_vacancy(make_org(), status=VacancyStatus.CLOSED, closure_reason=ClosureReason.NOT_NEEDED)

    share = indicators.filled_from_reserve(Vacancy.objects.all(), PERIOD)
    durations = indicators.time_to_fill(Vacancy.objects.all(), PERIOD)

    assert (share.part, share.whole, share.percent) == (2, 3, Decimal("66.7"))
    assert (durations.count, durations.median_days, durations.mean_days) == (2, 40.0, 40.0)


def test_the_mean_time_to_fill_rounds_a_half_up():
    # 2, 2, 2 and 3 days: 2,25 days. Python's round() gives 2,2 (halves to even); a reader's 2,3.
    for days in (2, 2, 2, 3):
        _made(vacancy_days_ago=10 + days, order_days_ago=10)

    durations = indicators.time_to_fill(Vacancy.objects.all(), PERIOD)

    assert durations.mean_days == 2.3


def test_a_municipality_counts_its_own_vacancies_only():
    _made(vacancy_days_ago=40, order_days_ago=10)
    orsk = accepted(make_vacancy(make_org(municipality_name=ORSK)), municipality_name=ORSK)
    scope = indicators.for_municipality(
        Vacancy.objects.all(), orsk.vacancy.organization.municipality_id
    )

    assert indicators.filled_from_reserve(scope, PERIOD).whole == 0


def test_refusals_among_the_answers_of_the_period():
    vacancy = make_vacancy(make_org())
    make_offer(vacancy, reservist_for(vacancy), status=OfferStatus.REFUSED)
    make_offer(make_vacancy(make_org()), reservist_for(vacancy), status=OfferStatus.REFUSED)
    make_offer(make_vacancy(make_org()), reservist_for(vacancy), status=OfferStatus.ACCEPTED)
    make_offer(make_vacancy(make_org()), reservist_for(vacancy), status=OfferStatus.EXPIRED)

    share = indicators.refusals(Vacancy.objects.all(), PERIOD)

    assert (share.part, share.whole, share.percent) == (2, 3, Decimal("66.7"))


def test_induction_on_schedule_counts_plans_without_an_overdue_checkpoint(municipal_user):
    on_time = appointed(municipal_user)
    late = appointed(municipal_user)
    late.checkpoints.filter(month=1).update(due_on=TODAY - datetime.timedelta(days=1))
    appointed(municipal_user, starts_on=TODAY + datetime.timedelta(days=5))  # not started yet

    share = indicators.induction_on_schedule(InductionPlan.objects.all(), TODAY)

    assert (share.part, share.whole) == (1, 2)
    assert on_time.pk != late.pk


def test_appointed_reservists_per_mentor_and_the_mentor_reports_column(municipal_user, client):
    mentor = make_mentor()
    plan = appointed(municipal_user)
    membership = plan.appointment.membership
    make_pair(mentor, membership, status="completed")
    make_pair(make_mentor(), reservist_for(make_vacancy(make_org())))  # mentee not appointed

    per_mentor = indicators.appointed_per_mentor(Vacancy.objects.all(), PERIOD)
    row = next(row for row in region_rows() if row.mentor == mentor)

    assert per_mentor == {mentor.pk: 1}
    assert row.appointed == 1
    client.force_login(municipal_user)
    report = client.get(reverse("development:mentor_effectiveness"))
    assert report.status_code == 200
