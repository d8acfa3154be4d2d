"""Who may see and do what in monitoring: the dashboards, the reports, the half-yearly reports.

Every x_visible_to is one call of accounts.access.scope_by_role: the region for the ministry and
administrators, the coordinator's municipality, the reservist's own reports, a mentor's mentees'.
"""

from django.db.models import Q, QuerySet

from accounts.access import (
    covers_municipality,
    has_role,
    is_region_wide,
    role_of,
    scope_by_role,
)
from accounts.models import Role
from development.models import Mentorship
from monitoring.models import HalfYearReport, ReportStatus


def _mentee_memberships(user) -> QuerySet:
    return Mentorship.objects.filter(mentor__user=user).values("membership_id")


def reports_visible_to(user) -> QuerySet[HalfYearReport]:
    """Return the half-yearly reports the user may read."""
    return scope_by_role(
        HalfYearReport.objects.all(),
        user,
        municipality="membership__municipality",
        own={
            Role.CANDIDATE: "membership__candidate__user",
            Role.MENTOR: Q(membership_id__in=_mentee_memberships(user)),
        },
    )


def can_write_reports(user) -> bool:
    """Return whether the user writes half-yearly reports of their own (reservists)."""
    return has_role(user, Role.CANDIDATE)


def can_edit_report(user, report: HalfYearReport) -> bool:
    """Return whether the user may change and submit the report: its author, while open."""
    return (
        has_role(user, Role.CANDIDATE)
        and report.membership.candidate.user_id == user.pk
        and report.is_editable
    )


def is_reports_mentor(user, report: HalfYearReport) -> bool:
    """Return whether the user mentors (or mentored) the reservist of the report."""
    return (
        has_role(user, Role.MENTOR)
        and Mentorship.objects.filter(mentor__user=user, membership=report.membership_id).exists()
    )


def can_comment_report(user, report: HalfYearReport) -> bool:
    """Return whether the user may comment the submitted report: the reservist's mentor."""
    return report.status == ReportStatus.SUBMITTED and is_reports_mentor(user, report)


def can_review_report(user, report: HalfYearReport) -> bool:
    """Return whether the user may accept or return the report: the municipality's staff."""
    return (
        report.status == ReportStatus.SUBMITTED
        and (is_region_wide(user) or has_role(user, Role.MUNICIPAL))
        and covers_municipality(user, report.membership.municipality_id)
    )


def can_view_mentee_reports(user) -> bool:
    """Return whether the user has a list of mentees' reports (mentors)."""
    return has_role(user, Role.MENTOR)


def can_view_report_lists(user) -> bool:
    """Return whether the user may open the lists of reports by municipality (late, missing)."""
    return is_region_wide(user) or has_role(user, Role.MUNICIPAL)


def can_view_dashboard(user) -> bool:
    """Return whether the user may open the indicators (ministry, admins, coordinators)."""
    return role_of(user) is not None and (is_region_wide(user) or has_role(user, Role.MUNICIPAL))
