"""Reads of half-yearly reports: what a reservist owes, and the state of a date by municipality.

Every function issues a fixed number of queries, however many reservists and reports there are.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.urls import reverse

from candidates import access as candidates_access
from candidates.models import MembershipStatus, ReserveMembership
from core.next_steps import ACT_NOW, NextStep
from governance.regulation import Regulation
from governance.selectors import regulation_in_force
from monitoring import access
from monitoring.halfyear.periods import last_passed_due, next_due, owes_condition, previous_due
from monitoring.models import HalfYearReport, ReportStatus
from registry.access import municipalities_visible_to

# Reports due within this many days are offered to write (and reminded).
OPEN_BEFORE_DAYS = 45

# The states of a reservist's report for one date, as the lists and counts name them.
STATES = {
    "owed": "должны сдать",
    "on_time": "сдано в срок",
    "late": "сдано с опозданием",
    "missing": "не сдано",
    "to_review": "ждут рассмотрения",
    "accepted": "принято",
}


def report_state(report: HalfYearReport | None, due_on: datetime.date, today: datetime.date) -> str:
    """Return «on_time», «late», «missing» or «pending» for a reservist's report of a date."""
    if report is None or report.first_submitted_at is None:
        return "missing" if due_on < today else "pending"
    return "late" if report.is_late else "on_time"


@dataclass
class OwedReport:
    membership: ReserveMembership
    due_on: datetime.date
    report: HalfYearReport | None
    state: str

    @property
    def action_label(self) -> str:
        if self.report is None:
            return "Написать отчёт"
        if self.report.is_editable:
            return (
                "Продолжить отчёт"
                if self.report.status == ReportStatus.DRAFT
                else "Доработать отчёт"
            )
        return "Открыть отчёт"


def reports_owed(user, regulation: Regulation, today: datetime.date) -> list[OwedReport]:
    """Return the reservist's reports: the coming date's and any earlier one not handed in."""
    memberships = list(
        candidates_access.memberships_visible_to(user)
        .filter(status=MembershipStatus.ACTIVE, candidate__user=user)
        .select_related("position_kind")
    )
    coming, passed = next_due(regulation, today), last_passed_due(regulation, today)
    owing = {
        (membership_id, due_on)
        for due_on in (coming, passed)
        for membership_id in ReserveMembership.objects.filter(
            owes_condition(due_on), pk__in=[m.pk for m in memberships]
        ).values_list("pk", flat=True)
    }
    reports = {
        (report.membership_id, report.due_on): report
        for report in HalfYearReport.objects.filter(membership__in=memberships)
    }
    rows = []
    for membership in memberships:
        for due_on in (passed, coming):
            report = reports.get((membership.pk, due_on))
            if (membership.pk, due_on) not in owing:
                continue
            handed_in = report is not None and not report.is_editable
            if due_on == passed and handed_in and report.status == ReportStatus.ACCEPTED:
                continue
            rows.append(OwedReport(membership, due_on, report, report_state(report, due_on, today)))
    return rows


def reports_history(user) -> QuerySet[HalfYearReport]:
    """Return every report the reservist wrote, newest first."""
    return (
        access.reports_visible_to(user)
        .filter(membership__candidate__user=user)
        .select_related("membership__position_kind")
        .order_by("-due_on")
    )


def next_steps_for(user, *, today: datetime.date) -> list[NextStep]:
    """Return the reservist's half-yearly reports to write, finish or correct, soonest first."""
    steps = []
    horizon = today + datetime.timedelta(days=OPEN_BEFORE_DAYS)
    for row in reports_owed(user, regulation_in_force(), today):
        if row.report is not None and not row.report.is_editable:
            continue
        if row.due_on > horizon:
            continue
        # The panel shows the date beside the text («до …» or «срок прошёл …»); the text names
        # only what to do.
        priority, note = None, ""
        text = "Сдайте полугодовой отчёт о выполнении плана развития"
        if row.report is not None and row.report.status == ReportStatus.RETURNED:
            text = "Доработайте полугодовой отчёт, возвращённый координатором"
            priority, note = ACT_NOW, row.report.review_comment
        steps.append(
            NextStep(
                text=text,
                url=reverse("monitoring:my_reports"),
                due=row.due_on,
                priority=priority,
                note=note,
            )
        )
    return sorted(steps, key=lambda step: step.due)


@dataclass
class MunicipalityReports:
    municipality_id: int
    name: str
    counts: Counter = field(default_factory=Counter)

    @property
    def cells(self) -> list[tuple[str, int]]:
        """Return (state, count) in the order of STATES, for the table."""
        return [(code, self.counts[code]) for code in STATES]


def _owing(user, due_on: datetime.date, municipality_id: int | None = None) -> QuerySet:
    memberships = candidates_access.memberships_visible_to(user).filter(owes_condition(due_on))
    if municipality_id:
        memberships = memberships.filter(municipality_id=municipality_id)
    return memberships


def report_summary(
    user, *, due_on: datetime.date, today: datetime.date
) -> list[MunicipalityReports]:
    """Return, per municipality the user sees, how the reports of the date stand (three queries)."""
    rows = {
        pk: MunicipalityReports(pk, name)
        for pk, name in municipalities_visible_to(user).values_list("pk", "name")
    }
    owing = dict(_owing(user, due_on).values_list("pk", "municipality_id"))
    reports = HalfYearReport.objects.filter(membership_id__in=list(owing), due_on=due_on)
    by_membership = {report.membership_id: report for report in reports}
    for membership_id, municipality_id in owing.items():
        row = rows.get(municipality_id)
        if row is None:
            continue
        report = by_membership.get(membership_id)
        row.counts["owed"] += 1
        state = report_state(report, due_on, today)
        if state != "pending":
            row.counts[state] += 1
        if report is not None and report.status == ReportStatus.SUBMITTED:
            row.counts["to_review"] += 1
        if report is not None and report.status == ReportStatus.ACCEPTED:
            row.counts["accepted"] += 1
    return [row for row in rows.values() if row.counts["owed"]]


@dataclass
class ReportRow:
    membership: ReserveMembership
    report: HalfYearReport | None
    state: str


def report_rows(
    user,
    *,
    due_on: datetime.date,
    today: datetime.date,
    state: str = "",
    municipality_id: int | None = None,
) -> list[ReportRow]:
    """Return the reservists owing the date's report, with their report, filtered by state."""
    memberships = list(
        _owing(user, due_on, municipality_id)
        .select_related("candidate", "municipality", "position_kind")
        .order_by("municipality__name", "candidate__last_name", "candidate__first_name")
    )
    reports = {
        report.membership_id: report
        for report in HalfYearReport.objects.filter(membership__in=memberships, due_on=due_on)
    }
    rows = []
    for membership in memberships:
        report = reports.get(membership.pk)
        row_state = report_state(report, due_on, today)
        wanted = {
            "": True,
            "owed": True,
            "to_review": report is not None and report.status == ReportStatus.SUBMITTED,
            "accepted": report is not None and report.status == ReportStatus.ACCEPTED,
        }.get(state, row_state == state)
        if wanted:
            rows.append(ReportRow(membership, report, row_state))
    return rows


def reporting_dates_around(
    regulation: Regulation, today: datetime.date, count: int = 6
) -> list[datetime.date]:
    """Return the latest reporting dates up to the coming one, newest first (the date filter)."""
    dates = [next_due(regulation, today)]
    while len(dates) < count:
        dates.append(previous_due(regulation, dates[-1]))
    return dates


def reports_by_municipality_totals(rows: list[MunicipalityReports]) -> list[tuple[str, int]]:
    """Return the region's totals of the municipalities' counts, in the order of STATES."""
    total: Counter = Counter()
    for row in rows:
        total.update(row.counts)
    return [(code, total[code]) for code in STATES]
