"""Demo data of monitoring: half-yearly reports for the last reporting date, monthly snapshots.

Most reservists who owed the last report handed it in (a few late, a few still missing, so the
lists have something to show); the coordinators accepted most of them. Six months of snapshots
give the dashboards a trend. Deterministic for a given generator and day.
"""

import datetime
import random

from accounts.models import Role, User
from candidates.models import MembershipStatus, ReserveMembership
from demo.builders import mail_to_nowhere, ministry_user, moment
from governance.selectors import regulation_in_force
from monitoring.halfyear.periods import last_passed_due, owes_condition
from monitoring.halfyear.services import report_accept, report_save, report_start
from monitoring.indicators.snapshots import indicators_snapshot
from monitoring.models import HalfYearReport, IndicatorSnapshot

SNAPSHOT_MONTHS = 6


def has_data() -> bool:
    """Return whether the reports and the snapshots are there."""
    return HalfYearReport.objects.exists() and IndicatorSnapshot.objects.exists()


def _reports(rng: random.Random, today: datetime.date) -> int:
    due_on = last_passed_due(regulation_in_force(), today)
    owing = (
        ReserveMembership.objects.filter(owes_condition(due_on), status=MembershipStatus.ACTIVE)
        .select_related("candidate__user", "municipality")
        .order_by("pk")
    )
    written = 0
    for membership in owing:
        roll = rng.random()
        if roll < 0.2:
            continue  # missing: shows in the «не сдано» list
        author = membership.candidate.user
        report = report_start(membership=membership, due_on=due_on, actor=author)
        report = report_save(
            report=report,
            actor=author,
            done=report.done or "Прошёл курс повышения квалификации по плану.",
            applied=report.applied or "Провёл методический совет по итогам курса.",
            difficulties=report.difficulties,
            submit=True,
        )
        late = roll < 0.3
        submitted = moment(due_on + datetime.timedelta(days=4 if late else -3), 15)
        HalfYearReport.objects.filter(pk=report.pk).update(
            first_submitted_at=submitted, submitted_at=submitted
        )
        reviewer = (
            User.objects.filter(
                role=Role.MUNICIPAL, municipality=membership.municipality_id, is_active=True
            ).first()
            or ministry_user()
        )
        if reviewer is not None and roll > 0.45:
            report_accept(report=report, actor=reviewer, comment="Отчёт принят.")
        written += 1
    return written


def seed(*, rng: random.Random, today: datetime.date) -> list[str]:
    """Write the reports and the snapshots that are missing; return lines for the report."""
    lines = []
    with mail_to_nowhere():
        if not HalfYearReport.objects.exists():
            lines.append(f"полугодовые отчёты резервистов: {_reports(rng, today)}")
    if not IndicatorSnapshot.objects.exists():
        month = today.replace(day=1)
        months = []
        for _ in range(SNAPSHOT_MONTHS):
            month = (month - datetime.timedelta(days=1)).replace(day=1)
            months.append(month)
        for month in reversed(months):
            indicators_snapshot(month=month, today=today)
        lines.append(f"срезы показателей: {SNAPSHOT_MONTHS} мес.")
    return lines
