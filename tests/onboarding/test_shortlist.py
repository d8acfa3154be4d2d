"""The shortlist: who is listed, the explained score that sums to the total, staff's moves."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent, PersonalDataAccess
from development.models import NeighbourPair, PlanItemStatus, PlanStatus, PracticeStatus
from onboarding.models import OfferStatus, ReservistPreference, ShortlistMove, VacancyStatus
from onboarding.shortlists import scoring
from onboarding.shortlists.services import shortlist_build, shortlist_move
from registry.models import OrganizationKind
from tests.development.mentoring_factories import (
    ORENBURG,
    ORENBURG_DISTRICT,
    ORSK,
    municipality,
)
from tests.development.plans_factories import make_plan
from tests.onboarding.factories import (
    make_offer,
    make_org,
    make_result,
    make_vacancy,
    reservist_for,
)

POST = scoring.Post(
    municipality_id=1,
    municipality_name="город Оренбург",
    organization_kind="general",
    student_count=500,
    key_competencies=(
        ("K02", "Образовательный процесс"),
        ("K05", "Финансы, право и закупки"),
        ("K03", "Управление персоналом"),
    ),
)
NAMES = {"ready_now": "готов сейчас", "within_year": "готов в течение года"}
KINDS = {"general": "общеобразовательная организация", "preschool": "дошкольная"}


def _reservist(**changes) -> scoring.Reservist:
    values = {
        "key": 1,
        "name": "Иванова Анна",
        "municipality_id": 1,
        "municipality_name": "город Оренбург",
        "readiness": "ready_now",
        "result_total": 78.5,
        "competency_scores": {"K02": 70.0, "K05": 45.0, "K03": 90.0},
        "plan_done": 3,
        "plan_total": 4,
        "organization_kind": "general",
        "student_count": 620,
        "ready_to_relocate": False,
    }
    return scoring.Reservist(**(values | changes))


def _score(reservist, neighbours=frozenset()) -> scoring.Scored:
    return scoring.score(POST, reservist, neighbours, readiness_names=NAMES, kind_names=KINDS)


def test_each_line_is_rounded_on_its_own_and_the_lines_sum_to_the_total():
    scored = _score(_reservist())

    assert [(line.points, line.text) for line in scored.lines] == [
        (20, "готовность: готов сейчас"),
        (24, "итоговый балл последней оценки: 78,5 из 100"),  # 23,55 → 24
        (4, "«Образовательный процесс»: 70 из 100"),  # 3,5 → 4 (half up)
        (2, "«Финансы, право и закупки»: 45 из 100"),  # 2,25 → 2
        (5, "«Управление персоналом»: 90 из 100"),  # 4,5 → 5
        (8, "план развития выполнен на 75 % (3 из 4 пунктов)"),  # 7,5 → 8
        (15, "резерв того же муниципального образования (город Оренбург)"),
        (6, "работает в организации того же типа (общеобразовательная организация)"),
        (4, "сопоставимая численность обучающихся (620 при 500 в организации вакансии)"),
    ]
    assert scored.score == 88 == sum(line.points for line in scored.lines)


def test_a_reservist_without_a_result_or_a_plan_gets_those_lines_at_zero():
    scored = _score(_reservist(result_total=None, competency_scores={}, plan_total=0, plan_done=0))

    texts = {line.kind: line.text for line in scored.lines if not line.points}
    assert texts["assessment"] == "нет завершённой оценки"
    assert texts["fit"] == "ключевые для организации компетенции не оценивались"
    assert texts["plan"] == "индивидуального плана развития в работе нет"


def test_geography_gives_the_neighbour_and_the_relocating_their_points():
    neighbours = frozenset({frozenset({1, 2})})

    near = _score(_reservist(municipality_id=2, municipality_name="район"), neighbours)
    moving = _score(_reservist(municipality_id=3, municipality_name="Орск", ready_to_relocate=True))

    assert near.points_of("geography") == 8
    assert moving.points_of("geography") == 5


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"readiness": "within_three_years"}, "readiness"),
        ({"municipality_id": 3}, "distance"),
        ({"offered_this_post": True}, "offered"),
        ({"pending_elsewhere": True}, "pending"),
    ],
)
def test_who_is_never_listed(changes, reason):
    listed, kept_off = scoring.rank(
        POST, [_reservist(**changes)], frozenset(), readiness_names=NAMES, kind_names=KINDS
    )

    assert listed == []
    assert kept_off[reason] == 1


def test_equal_totals_go_by_assessment_then_readiness_then_name():
    first = _reservist(key=1, name="Б", result_total=80.0, plan_done=0)
    second = _reservist(key=2, name="А", result_total=70.0, plan_done=1)  # +3 plan, −3 assessment

    listed, _ = scoring.rank(
        POST, [second, first], frozenset(), readiness_names=NAMES, kind_names=KINDS
    )

    assert listed[0].score == listed[1].score
    assert [item.reservist.name for item in listed] == ["Б", "А"]


@pytest.mark.django_db
def test_building_ranks_the_reserve_and_keeps_the_others_off(ministry_user):
    vacancy = make_vacancy(make_org(student_count=500))
    strong = reservist_for(vacancy, last_name="Сильная")
    make_result(strong, total=90, scores={"K02": 90, "K05": 90, "K03": 90})
    plan = make_plan(strong, status=PlanStatus.IN_PROGRESS, items=2)
    plan.items.update(
        status=PlanItemStatus.DONE,
        completion_file="evidence/certificate.pdf",
        practice_description="Применено в работе школы",
        practice_link="https://school.example/report",
        practice_status=PracticeStatus.CONFIRMED,  # done only once someone who saw it confirms
    )
    later = reservist_for(vacancy, readiness="within_year", last_name="Позже")
    low, high = sorted([municipality(ORENBURG).pk, municipality(ORENBURG_DISTRICT).pk])
    NeighbourPair.objects.get_or_create(first_id=low, second_id=high)
    near = reservist_for(vacancy, municipality_name=ORENBURG_DISTRICT, last_name="Соседка")
    moving = reservist_for(vacancy, municipality_name=ORSK, last_name="Переезд")
    ReservistPreference.objects.create(candidate=moving.candidate, ready_to_relocate=True)
    reservist_for(vacancy, municipality_name=ORSK)  # far and not moving
    reservist_for(vacancy, readiness="within_three_years")
    reservist_for(vacancy, status="excluded")  # not in the reserve
    other_post = reservist_for(make_vacancy(make_org(), code="deputy-general"))
    elsewhere = reservist_for(vacancy)
    make_offer(make_vacancy(make_org(), code="director-general"), elsewhere)

    entries = shortlist_build(vacancy=vacancy, actor=ministry_user, today=timezone.localdate())

    names = [entry.membership.candidate.last_name for entry in entries]
    # Позже and Переезд both score 25: the one ready now goes first.
    assert names == ["Сильная", "Соседка", "Переезд", "Позже"]
    assert other_post.pk not in [entry.membership_id for entry in entries]
    for entry in entries:
        assert entry.score == sum(line["points"] for line in entry.explanation)
        assert entry.position == entry.computed_rank
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.SHORTLISTED
    assert vacancy.shortlist_kept_off == {
        "readiness": 1,
        "distance": 1,
        "offered": 0,
        "pending": 1,
    }
    assert {near.pk, later.pk, moving.pk, strong.pk} == {e.membership_id for e in entries}


@pytest.mark.django_db
def test_a_reservist_once_offered_this_post_is_never_listed_again(ministry_user):
    vacancy = make_vacancy(make_org())
    refused = reservist_for(vacancy)
    make_offer(vacancy, refused, status=OfferStatus.REFUSED)

    entries = shortlist_build(vacancy=vacancy, actor=ministry_user, today=timezone.localdate())

    assert entries == []
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.OPEN and vacancy.shortlist_kept_off["offered"] == 1


@pytest.mark.django_db
def test_staff_move_a_reservist_with_a_recorded_reason(municipal_user):
    vacancy = make_vacancy(make_org())
    for name in ("Анна", "Борис", "Вера"):
        make_result(reservist_for(vacancy, last_name=name), total=90 - len(name), scores={})
    entries = shortlist_build(vacancy=vacancy, actor=municipal_user, today=timezone.localdate())
    last = entries[-1]

    with pytest.raises(ValidationError, match="почему меняется порядок"):
        shortlist_move(entry=last, to_position=1, reason=" ", actor=municipal_user)
    shortlist_move(
        entry=last, to_position=1, reason="Стаж заместителя в этой школе", actor=municipal_user
    )

    order = list(vacancy.shortlist.order_by("position").values_list("pk", "position"))
    assert [pk for pk, _ in order] == [last.pk, entries[0].pk, entries[1].pk]
    assert [position for _, position in order] == [1, 2, 3]
    move = ShortlistMove.objects.get()
    assert (move.from_position, move.to_position, move.actor) == (3, 1, municipal_user)
    assert AuditEvent.objects.filter(action="shortlist.reorder").count() == 1


@pytest.mark.django_db
def test_the_page_explains_each_score_and_logs_who_viewed_the_list(client, municipal_user):
    vacancy = make_vacancy(make_org(kind=OrganizationKind.GENERAL))
    member = reservist_for(vacancy, last_name="Кузнецова")
    make_result(member, total=60, scores={"K02": 50})
    client.force_login(municipal_user)

    client.post(reverse("onboarding:shortlist_build", args=[vacancy.pk]))
    page = client.get(reverse("onboarding:vacancy_detail", args=[vacancy.pk])).content.decode()

    assert "итоговый балл последней оценки: 60 из 100" in page
    assert "Итого: " in page and "Предложить должность" in page
    assert PersonalDataAccess.objects.filter(subject_id=str(member.candidate.pk)).exists()


@pytest.mark.django_db
def test_the_shortlist_page_asks_a_fixed_number_of_queries(client, municipal_user):
    vacancy = make_vacancy(make_org())
    client.force_login(municipal_user)
    url = reverse("onboarding:vacancy_detail", args=[vacancy.pk])

    def measure(count: int) -> int:
        for _ in range(count):
            make_result(reservist_for(vacancy), total=70, scores={"K02": 70})
        client.post(reverse("onboarding:shortlist_build", args=[vacancy.pk]))
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        return len(captured)

    assert measure(2) == measure(10)
