"""Multiply the demo to country scale inside PostgreSQL, for benchmarks/pages.py.

Every person of the demo is copied with what hangs on them (applications and their history,
documents, education and work, consent, reserve memberships, assessments with their answers and
results, development plans with their items): copy k of a row gets the id + k × OFFSET, and so do
its references to copied rows; references to what is not copied (municipalities, posts,
campaigns, staff users, orders) stay. Unique text (usernames, e-mails, INNs) gets the copy's
number. One INSERT … SELECT per table: the copies look like the demo, in the same proportions.
"""

from django.apps import apps
from django.db import connection

OFFSET = 100_000  # above every id of the demo's copied tables (checked)

# In the order of their references: a table's copied targets come before it.
PEOPLE = [
    "candidates.Candidate",
    "candidates.Nomination",
    "candidates.StatusChange",
    "candidates.Education",
    "candidates.WorkRecord",
    "candidates.ProfessionalDevelopment",
    "candidates.EligibilityCheck",
    "candidates.Document",
    "governance.ConsentRecord",
    "candidates.ReserveMembership",
    "candidates.MembershipEvent",
    "assessment.Participant",
    "assessment.Response",
    "assessment.Result",
    "development.DevelopmentPlan",
    "development.PlanItem",
    "development.PlanStatusChange",
]
# The people's own sign-ins: only the users who are candidates are copied.
CANDIDATE_USERS = "benchmark_candidate_users"


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _copy(label: str, copies: int, copied: set[str], where: str = "", mangle=None) -> int:
    """Copy the table's rows `copies` times; return the rows inserted."""
    model = apps.get_model(label)
    table = _quote(model._meta.db_table)
    columns, values = [], []
    for field in model._meta.concrete_fields:
        column = _quote(field.column)
        columns.append(column)
        target = field.related_model._meta.label if field.is_relation else None
        if field.primary_key:
            values.append(f"{column} + k * {OFFSET}")
        elif target == "accounts.User":
            values.append(
                f"CASE WHEN {column} IN (SELECT id FROM {CANDIDATE_USERS}) "
                f"THEN {column} + k * {OFFSET} ELSE {column} END"
            )
        elif target in copied:
            values.append(f"{column} + k * {OFFSET}")
        elif mangle and field.column in mangle:
            values.append(mangle[field.column])
        else:
            values.append(column)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT coalesce(max(id), 0) FROM {table}")
        if cursor.fetchone()[0] >= OFFSET:
            raise SystemExit(f"{label}: ids of the demo reach {OFFSET}, raise OFFSET")
        cursor.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(values)} "
            f"FROM {table}, generate_series(1, {copies}) AS k {where}"
        )
        inserted = cursor.rowcount
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{model._meta.db_table}', 'id'), max(id)) "
            f"FROM {table}"
        )
    return inserted


def multiply(*, people: int, organizations: int) -> None:
    """Copy every person `people` times and the registry `organizations` times."""
    copied = {"accounts.User", *PEOPLE}
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE {CANDIDATE_USERS} AS "
            "SELECT user_id AS id FROM candidates_candidate WHERE user_id IS NOT NULL"
        )
    _copy(
        "accounts.User",
        people,
        copied,
        where=f"WHERE accounts_user.id IN (SELECT id FROM {CANDIDATE_USERS})",
        mangle={
            "username": "username || '-' || k",
            "email": "CASE WHEN email = '' THEN '' ELSE k || '.' || email END",
        },
    )
    for label in PEOPLE:
        # Staff have consent records too: only the people's are copied.
        only_people = (
            f"WHERE user_id IN (SELECT id FROM {CANDIDATE_USERS})"
            if label == "governance.ConsentRecord"
            else ""
        )
        _copy(label, people, copied, where=only_people)
    _copy(
        "registry.Organization",
        organizations - 1,
        copied,
        mangle={"inn": "lpad((id + k * 100000)::text, 12, '0')"},
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
