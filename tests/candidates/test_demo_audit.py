"""The demo reserve passes its own Regulation: an audit of the seeded demo finds nothing."""

import datetime
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.management.color import no_style
from django.db import connection

from candidates.models import Nomination, ReserveMembership
from candidates.reserve_audit import reserve_violations
from governance.selectors import regulation_in_force
from tests.candidates.commission_factories import make_membership

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seed the whole demo once for the module; afterwards restore the migrated rows."""
    with django_db_blocker.unblock():
        snapshot = connection.creation.serialize_db_to_string()
        call_command("seed_demo", "--if-empty", stdout=StringIO())
        yield
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(snapshot)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(sql)


def test_the_seeded_demo_passes_the_regulations_checks(seeded):
    memberships = ReserveMembership.objects.all()

    violations = reserve_violations(memberships, Nomination.objects.all(), regulation_in_force())

    assert [str(violation) for violation in violations] == []
    assert memberships.filter(status="active").count() >= 12  # the audit looked at a reserve
    out = StringIO()
    call_command("audit_reserve", stdout=out)
    assert "Нарушений Положения нет." in out.getvalue()


def test_the_audit_finds_a_reservist_the_regulation_would_not_allow():
    membership = make_membership(
        category="operational",
        readiness="within_three_years",
        started_on=datetime.date(2026, 1, 15),
    )

    problems = [
        violation.problem
        for violation in reserve_violations(
            ReserveMembership.objects.filter(pk=membership.pk),
            Nomination.objects.none(),
            regulation_in_force(),
        )
    ]

    assert "нет решения комиссии о включении" in problems
    assert "нет приказа о включении" in problems
    assert "нет завершённой комплексной оценки" in problems
    assert any("допускает только уровни готовности" in problem for problem in problems)
    assert "нет проверки соответствия требованиям, которая допускает кандидата" in problems
    with pytest.raises(CommandError, match="Нарушений Положения"):
        call_command("audit_reserve", stdout=StringIO())
