"""The assessment stage's demo: a finished summer wave, a running autumn one, the talent review.

The whole demo is seeded once for the module (it takes seconds), as tests/accounts/
test_seed_demo.py does, and the database is put back as the migrations left it afterwards.
"""

from collections import Counter
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from assessment.experts.services import expert_conflict
from assessment.models import (
    CalibrationDecision,
    Campaign,
    CampaignStatus,
    ExpertAssignment,
    FeedbackResponse,
    Participant,
    PerformanceRating,
    Response,
    Result,
    TalentReviewNote,
    TargetLevel,
    WorkSubmission,
)
from assessment.models import (
    TestAttempt as Attempt,
)
from assessment.models.work import WRITTEN_KINDS
from assessment.results.selectors.talent import talent_grid
from candidates.models import Nomination, NominationStatus
from demo import assessment as demo
from governance.selectors import regulation_in_force

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


@pytest.fixture
def autumn(seeded) -> Campaign:
    return Campaign.objects.get(name=demo.AUTUMN_NAME)


@pytest.fixture
def summer(seeded) -> Campaign:
    return Campaign.objects.get(name=demo.SUMMER_NAME)


def test_the_autumn_campaign_runs_with_the_nominations_in_assessment(autumn):
    today = timezone.localdate()
    weights = {
        kind: weight for kind, weight in regulation_in_force().assessment_weights.items() if weight
    }

    assert autumn.status == CampaignStatus.ACTIVE
    assert autumn.starts_on < today < autumn.ends_on
    instruments = list(autumn.instruments.select_related("instrument"))
    assert {ci.instrument.kind: ci.weight for ci in instruments} == weights
    assert all(today < ci.deadline <= autumn.ends_on for ci in instruments)
    in_assessment = Nomination.objects.filter(status=NominationStatus.ASSESSMENT)
    assert set(autumn.participants.values_list("nomination", flat=True)) == set(
        in_assessment.values_list("pk", flat=True)
    )
    assert autumn.participants.count() >= 8


def test_the_autumn_participants_are_at_different_points(autumn):
    responses = Response.objects.filter(participant__campaign=autumn)
    assert responses.filter(submitted_at__isnull=False).count() >= 3
    assert responses.filter(submitted_at=None).exclude(answers={}).exists()  # drafts
    assert (
        Attempt.objects.filter(participant__campaign=autumn).exclude(submitted_at=None).count() >= 3
    )
    assert Participant.objects.filter(campaign=autumn, responses=None, attempts=None).exists()
    assert Result.objects.filter(participant__campaign=autumn).count() == (
        autumn.participants.count()
    )
    assert Result.objects.filter(participant__campaign=autumn, has_disagreement=True).exists()


def test_360_answers_are_shown_only_by_groups_of_three_or_more(autumn):
    groups = Counter(
        FeedbackResponse.objects.filter(participant__campaign=autumn).values_list(
            "participant", "relation"
        )
    )
    people = {participant for participant, _ in groups}

    assert 1 <= len(people) <= 2
    shown = [count for count in groups.values() if count >= 3]
    assert len(shown) >= 3
    assert all(count >= 3 for (_, relation), count in groups.items() if relation != "superior")


def test_the_demo_expert_has_work_waiting_and_work_done_without_conflicts(autumn, client):
    expert = User.objects.get(username="expert")
    mine = ExpertAssignment.objects.filter(expert=expert, participant__campaign=autumn)
    pending = mine.filter(submitted_at=None)

    assert pending.count() >= 3
    assert mine.exclude(submitted_at=None).count() >= 2
    assert pending.filter(no_conflict_declared_at=None).exists()  # not opened yet
    assert pending.exclude(scores={}).exists()  # a draft
    for assignment in ExpertAssignment.objects.filter(participant__campaign=autumn):
        assert expert_conflict(expert=assignment.expert, participant=assignment.participant) is None
        second = ExpertAssignment.objects.filter(
            participant=assignment.participant,
            campaign_instrument=assignment.campaign_instrument,
        ).exclude(expert=assignment.expert)
        assert second.exists()  # never alone on a panel

    client.force_login(expert)
    page = client.get(reverse("assessment:expert_home"))
    assert page.status_code == 200
    assert len(page.context["pending"]) == pending.count()


def test_the_summer_campaign_is_finished_and_passed_to_the_commission(summer):
    results = Result.objects.filter(participant__campaign=summer)

    assert summer.status == CampaignStatus.CLOSED
    assert summer.ends_on < timezone.localdate()
    assert all(ci.deadline <= summer.ends_on for ci in summer.instruments.all())
    assert results.count() == summer.participants.count() >= 6
    assert all(result.is_complete for result in results)
    assert results.filter(passed=False).exists() and results.filter(passed=True).exists()
    assert CalibrationDecision.objects.filter(participant__campaign=summer).count() >= 1
    assert not summer.participants.filter(completed_at=None).exists()
    statuses = set(summer.participants.values_list("nomination__status", flat=True))
    assert statuses == {"included", "refused", "commission_review"}


def test_the_talent_review_places_people_in_several_cells(summer, client):
    grid = talent_grid(summer, Participant.objects.all())

    assert len(grid.cells) >= 3
    assert sum(len(people) for people in grid.cells.values()) >= summer.participants.count() // 2
    assert all(len(rating.basis) > 40 for rating in PerformanceRating.objects.all())
    assert TalentReviewNote.objects.filter(campaign=summer).count() == 2

    client.force_login(User.objects.get(username="ministry"))
    page = client.get(reverse("assessment:talent_review"), {"campaign": summer.pk})
    assert page.status_code == 200
    placed = [cell for row in page.context["rows"] for cell in row["cells"] if cell["people"]]
    assert len(placed) >= 3


def test_the_included_reservists_are_rated(summer):
    reservists = summer.participants.filter(nomination__status=NominationStatus.INCLUDED)

    assert reservists.count() >= 3
    assert (
        PerformanceRating.objects.filter(candidate__in=reservists.values("candidate")).count()
        == reservists.count()
    )


def test_the_campaign_progress_page_opens_for_the_ministry(autumn, client):
    client.force_login(User.objects.get(username="ministry"))

    page = client.get(reverse("assessment:campaign_progress", args=[autumn.pk]))

    assert page.status_code == 200
    assert "Исаева" in page.content.decode()


def test_a_second_run_adds_nothing(seeded):
    import random

    counts = (Campaign.objects.count(), Participant.objects.count(), Result.objects.count())

    assert demo.has_data()
    assert demo.seed(rng=random.Random(1), today=timezone.localdate()) == []
    assert (Campaign.objects.count(), Participant.objects.count(), Result.objects.count()) == (
        counts
    )


def test_the_applicant_signs_in_with_the_printed_password_and_finds_the_instruments_open(
    seeded, client
):
    username, password, _ = demo.DEMO_LOGINS[0]

    assert client.login(username=username, password=password)
    steps = [
        step.text for step in client.get(reverse("accounts:home_candidate")).context["next_steps"]
    ]

    assert f"  {username} / {password} — " in seeded
    assert any(text.startswith("Заполните и отправьте самооценку") for text in steps), steps
    assert any(text.startswith("Пройдите тест") for text in steps), steps
    assert any(text.startswith("Напишите и сдайте работу") for text in steps), steps


def test_the_demo_candidate_has_a_meeting_to_confirm_and_a_finished_result(seeded, client):
    assert client.login(username="candidate", password="rezerv-candidate-2026")

    steps = [
        step.text for step in client.get(reverse("accounts:home_candidate")).context["next_steps"]
    ]
    mine = client.get(reverse("assessment:my_assessment")).content.decode()
    participant = Participant.objects.get(
        candidate__user__username="candidate", campaign__status=CampaignStatus.CLOSED
    )

    assert any(text.startswith("Подтвердите встречу с наставником") for text in steps), steps
    assert reverse("assessment:result_detail", args=[participant.pk]) in mine
    assert client.get(reverse("assessment:result_detail", args=[participant.pk])).status_code == 200


@pytest.mark.parametrize(
    ("post", "variant", "module"),
    [
        (
            "deputy-preschool",
            "Заместитель заведующего детским садом: методическая работа",
            "Управление дошкольной образовательной организацией",
        ),
        (
            "director-vocational",
            "Директор колледжа: работодатели и «Профессионалитет»",
            "Управление профессиональной образовательной организацией",
        ),
    ],
)
def test_a_kindergarten_deputy_and_a_college_director_are_assessed_for_their_post(
    seeded, client, post, variant, module
):
    """The issue's «done when»: each gets the case, the targets and the programme of their post."""
    participant = (
        Participant.objects.filter(position_kind__code=post, result__isnull=False)
        .select_related("position_kind", "result")
        .first()
    )
    case = participant.campaign.instruments.get(instrument__kind="case").instrument
    chosen = case.variant_for(participant.position_kind_id)
    targets = dict(
        TargetLevel.objects.filter(position_kind=participant.position_kind).values_list(
            "competency__code", "level"
        )
    )
    ratings = ExpertAssignment.objects.filter(
        participant=participant, submitted_at__isnull=False
    ).values_list("scores", flat=True)

    assert chosen.title == variant
    criteria = {str(pk) for pk in case.criteria_for(chosen).values_list("pk", flat=True)}
    assert len(ratings) >= 2 and all(set(scores) == criteria for scores in ratings)
    assert participant.result.gaps
    assert all(gap["target"] == targets[gap["code"]] for gap in participant.result.gaps)
    client.force_login(participant.candidate.user)
    page = client.get(reverse("development:programme"))
    assert page.context["track"].post.code == post
    assert module in [row.module.title for row in page.context["track"].modules]


def test_every_rated_written_work_was_handed_in(seeded):
    """An expert rates only work handed in: every rating of a written instrument has its work,
    handed in before the rating was saved."""
    handed = {
        (work.participant_id, work.campaign_instrument_id): work.submitted_at
        for work in WorkSubmission.objects.filter(submitted_at__isnull=False)
    }
    rated = ExpertAssignment.objects.filter(
        submitted_at__isnull=False, campaign_instrument__instrument__kind__in=WRITTEN_KINDS
    )
    assert rated.count() > 20  # the summer wave, the autumn one and the development cohort
    unhanded = [
        str(rating)
        for rating in rated
        if handed.get((rating.participant_id, rating.campaign_instrument_id)) is None
        or handed[(rating.participant_id, rating.campaign_instrument_id)] > rating.submitted_at
    ]
    assert unhanded == []


def test_each_demo_case_answer_answers_the_task_of_the_persons_post(seeded):
    from assessment.models import InstrumentKind
    from demo.assessment.case_answers import CASE_ANSWERS

    works = WorkSubmission.objects.filter(
        campaign_instrument__instrument__kind=InstrumentKind.CASE
    ).select_related("participant__position_kind")
    posts = Counter()
    for work in works:
        post = work.participant.position_kind.code
        posts[post] += 1
        assert set(work.text.split("\n\n")) <= set(CASE_ANSWERS[post]), (post, work.text[:80])
    assert posts["head-preschool"] and posts["director-vocational"], posts
