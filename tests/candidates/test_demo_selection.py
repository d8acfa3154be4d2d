"""The selection stage's demo: every status of the pipeline, the commission and its meetings.

The whole demo is seeded once for the module (it takes seconds), as tests/accounts/
test_seed_demo.py does, and the database is put back as the migrations left it afterwards.
"""

import datetime
import random
import re
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from audit.models import AuditEvent
from candidates.access import nominations_visible_to
from candidates.models import (
    AgendaItem,
    Candidate,
    Commission,
    CommissionRole,
    Decision,
    Document,
    EligibilityCheck,
    MeetingStatus,
    Nomination,
    NominationStatus,
    ReserveMembership,
    StatusChange,
)
from demo import selection as demo

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seed the whole demo once for the module; afterwards restore the migrated rows."""
    with django_db_blocker.unblock():
        snapshot = connection.creation.serialize_db_to_string()
        out = StringIO()
        call_command("seed_demo", "--if-empty", stdout=out)
        yield out.getvalue()
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(snapshot)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(sql)


def _demo_nominations():
    return Nomination.objects.filter(
        candidate__email__in=[demo.email_of(person) for person in demo.ROSTER]
    )


def test_the_pipeline_has_every_status(seeded, client):
    assert set(_demo_nominations().values_list("status", flat=True)) == set(NominationStatus)
    assert _demo_nominations().count() == len(demo.ROSTER) == 40

    client.force_login(User.objects.get(username="ministry"))
    page = client.get(reverse("candidates:pipeline"))

    assert page.status_code == 200
    counts = {item["status"]: item["count"] for item in page.context["counts"]}
    assert all(counts[status] > 0 for status in NominationStatus), counts


@pytest.mark.parametrize(
    ("username", "municipality", "at_least"),
    [("coordinator", "город Оренбург", 9), ("coordinator-orsk", "город Орск", 7)],
)
def test_each_demo_coordinator_sees_their_own_in_many_statuses(
    seeded, username, municipality, at_least
):
    visible = nominations_visible_to(User.objects.get(username=username))

    assert set(visible.values_list("municipality__name", flat=True)) == {municipality}
    assert len(set(visible.values_list("status", flat=True))) >= at_least
    assert visible.filter(nominated_by__username=username).exists()


def test_returns_refusals_and_non_admissions_carry_their_reasons(seeded):
    for status in (
        NominationStatus.RETURNED,
        NominationStatus.NOT_ADMITTED,
        NominationStatus.REFUSED,
    ):
        changes = StatusChange.objects.filter(to_status=status, nomination__in=_demo_nominations())
        assert changes.exists(), status
        assert all(len(change.reason) > 30 for change in changes), status
    for nomination in _demo_nominations().filter(status=NominationStatus.RETURNED):
        assert nomination.return_reason


def test_the_routes_of_eligibility_differ(seeded):
    checks = EligibilityCheck.objects.filter(nomination__in=_demo_nominations())
    passed_routes = {
        route["route"] for check in checks for route in check.results if route["passed"]
    }

    # Both routes of 761н and both of the professional standard 250н are met by someone.
    assert passed_routes == {
        "management_degree",
        "degree_and_dpo",
        "ps_pedagogy_and_retraining",
        "ps_bachelor_and_master",
    }
    assert checks.filter(is_eligible=False, override_eligible=None).exists()
    overridden = checks.get(override_eligible=True)
    assert overridden.nomination.status == NominationStatus.ADMITTED
    # The exception is the attestation commission's recommendation, with its protocol.
    assert "в порядке исключения" in overridden.override_reason
    assert overridden.recommendation_number and overridden.recommendation_date
    assert (
        not _demo_nominations()
        .filter(
            status__in=["admitted", "assessment", "commission_review", "included", "refused"],
            eligibility_checks__isnull=True,
        )
        .exists()
    )


def test_documents_are_small_well_formed_pdfs(seeded):
    documents = Document.objects.filter(nomination__in=_demo_nominations())
    assert documents.count() > 150
    kinds = set(documents.values_list("kind", flat=True))
    assert {"application", "questionnaire", "diploma", "recommendation", "consent"} <= kinds
    for document in documents[:20]:
        content = document.file.read()
        document.file.close()
        assert document.content_type == "application/pdf"
        assert content.startswith(b"%PDF-1.4") and content.rstrip().endswith(b"%%EOF")
        assert len(content) == document.size < 2000
        # Every object sits where the cross-reference table says.
        xref = int(re.search(rb"startxref\n(\d+)", content).group(1))
        assert content[xref:].startswith(b"xref")
        offsets = [int(line[:10]) for line in content[xref:].splitlines()[3:8]]
        for number, offset in enumerate(offsets, start=1):
            assert content[offset:].startswith(b"%d 0 obj" % number)


def test_admitted_nominations_have_every_document_checked(seeded):
    admitted = _demo_nominations().filter(status=NominationStatus.ADMITTED)
    assert admitted.count() >= 3
    assert not Document.objects.filter(nomination__in=admitted, is_checked=False).exists()


def test_the_history_is_in_the_past_and_in_order(seeded):
    now = timezone.now()
    for nomination in _demo_nominations().prefetch_related("status_changes"):
        moments = [change.created_at for change in nomination.status_changes.all()]
        assert moments == sorted(moments), nomination
        assert moments[-1] < now
        assert nomination.created_at == moments[0]
        assert nomination.status_changes.last().to_status == nomination.status
    assert (
        AuditEvent.objects.filter(
            action="nomination.transition",
            object_id__in=[str(pk) for pk in _demo_nominations().values_list("pk", flat=True)],
        ).count()
        >= StatusChange.objects.filter(nomination__in=_demo_nominations())
        .exclude(from_status="")
        .count()
    )


def test_the_commission_is_chaired_by_the_ministry_user_with_the_demo_expert(seeded):
    commission = Commission.objects.get(name=demo.COMMISSION_NAME)
    members = {member.user.username: member for member in commission.members.all()}

    assert len(members) == 5
    assert members["ministry"].role == CommissionRole.CHAIR
    assert members["expert"].role == CommissionRole.MEMBER
    for username in ("expert02", "expert03", "ministry02"):
        assert not members[username].user.has_usable_password()


def test_the_held_meeting_decided_everything_and_included_became_reservists(seeded):
    # The development cohort's meetings are held too; the selection wave's has its protocol.
    meeting = Commission.objects.get(name=demo.COMMISSION_NAME).meetings.get(
        status=MeetingStatus.HELD, protocol_number=demo.HELD_PROTOCOL
    )
    items = list(meeting.agenda_items.select_related("nomination"))

    assert meeting.protocol_number == demo.HELD_PROTOCOL
    assert meeting.date < timezone.localdate()
    assert meeting.held_at.date() == meeting.date
    assert all(item.decision for item in items)
    included = [item for item in items if item.decision == Decision.INCLUDE]
    assert len(included) >= 3
    for item in included:
        membership = ReserveMembership.objects.get(nomination=item.nomination)
        # «В резерве с» is the order's date, a week after the meeting.
        assert membership.started_on == membership.inclusion_order.date > meeting.date
        assert membership.decision_item == item
        assert membership.inclusion_order.number == demo.INCLUSION_ORDER
    # Below the pass mark a nomination never reached the commission: the ministry refused it
    # on the deficits of its result.
    refused = Nomination.objects.filter(status=NominationStatus.REFUSED)
    assert refused.exists()
    assert not AgendaItem.objects.filter(nomination__in=refused).exists()
    for nomination in refused:
        reason = nomination.status_changes.last().reason
        assert reason.startswith("Отказано во включении в резерв по результатам комплексной оценки")
        assert "ниже проходного" in reason


def test_the_planned_meeting_has_an_agenda_with_some_votes_and_work_for_the_expert(seeded, client):
    meeting = Commission.objects.get(name=demo.COMMISSION_NAME).meetings.get(
        status=MeetingStatus.PLANNED
    )
    items = AgendaItem.objects.filter(meeting=meeting)

    assert meeting.date > timezone.localdate()
    assert items.count() >= 3
    assert set(items.values_list("nomination__status", flat=True)) == {
        NominationStatus.COMMISSION_REVIEW
    }
    assert (
        _demo_nominations().filter(status=NominationStatus.COMMISSION_REVIEW).count()
        == items.count()
    )
    assert 0 < sum(item.votes.count() for item in items) < 5 * items.count()
    assert not items.filter(votes__member__user__username="expert").exists()

    client.force_login(User.objects.get(username="expert"))
    page = client.get(reverse("candidates:meeting_detail", args=[meeting.pk]))
    assert page.status_code == 200
    assert "Рахимова" in page.content.decode()


def test_the_development_stages_demo_keeps_its_candidate_and_cohort(seeded):
    candidate = Candidate.objects.get(user__username="candidate")

    assert list(candidate.nominations.values_list("status", flat=True)) == ["included"]
    # The development cohort came in through the commission and the ministry's order too.
    cohort = ReserveMembership.objects.exclude(nomination__in=_demo_nominations())
    assert cohort.count() == 12
    assert not cohort.filter(decision_item=None).exists()
    assert not cohort.filter(inclusion_order=None).exists()
    assert "Резервистов с результатами оценки: 12" in seeded


def test_a_second_run_adds_nothing(seeded):
    counts = (Nomination.objects.count(), StatusChange.objects.count(), Document.objects.count())
    today = timezone.localdate()

    assert demo.has_data()
    demo.seed(rng=random.Random(1), today=today)
    assert demo.seed_meetings(rng=random.Random(1), today=today) == []

    assert (
        Nomination.objects.count(),
        StatusChange.objects.count(),
        Document.objects.count(),
    ) == counts


def test_the_roster_spans_several_municipalities_and_ages(seeded):
    municipalities = {person.municipality for person in demo.ROSTER}
    assert {"город Оренбург", "город Орск"} < municipalities
    assert len(municipalities) >= 8
    births = Candidate.objects.filter(
        email__in=[demo.email_of(p) for p in demo.ROSTER]
    ).values_list("birth_date", flat=True)
    assert all(datetime.date(1970, 1, 1) < day < datetime.date(2000, 1, 1) for day in births if day)
