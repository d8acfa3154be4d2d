"""Every view of the stage answers 404 to outsiders: another municipality's coordinator, a
candidate, a mentor and an expert who have nothing to do with the rows; the policy's row
questions agree with its querysets for the whole cast."""

import pytest
from django.urls import reverse

from accounts.models import Role, User
from onboarding import access
from onboarding.induction.services import induction_mentor_assign
from onboarding.models import InductionPlan, InductionTemplateTask, OfferStatus
from onboarding.urls import urlpatterns
from tests.development.mentoring_factories import make_mentor
from tests.factories import UserFactory
from tests.onboarding.factories import (
    accepted,
    appointed,
    make_offer,
    make_org,
    make_vacancy,
    reservist_for,
    shortlist,
)

pytestmark = pytest.mark.django_db

OUTSIDERS = ["outsider_municipal_user", "candidate_user", "mentor_user", "expert_user"]
STAFF_ONLY = OUTSIDERS  # pages of the territory's staff: none of the outsiders may open them
NOT_STAFF = ["candidate_user", "mentor_user", "expert_user"]  # lists every coordinator has
NOT_CANDIDATES = ["outsider_municipal_user", "mentor_user", "expert_user"]  # a reservist's pages


@pytest.fixture
def world(municipal_user) -> dict:
    """An Orenburg vacancy with its list and a waiting offer; a refused one; an appointment
    being prepared; a made one with its induction plan and an adaptation mentor."""
    vacancy = make_vacancy(make_org(head_birth_date="1950-01-01"))
    membership = reservist_for(vacancy, username="offered")
    (entry,) = shortlist(vacancy, membership)
    offer = make_offer(vacancy, membership)
    refuser = reservist_for(vacancy)
    other = make_vacancy(make_org())
    make_offer(other, refuser, status=OfferStatus.REFUSED)
    make_offer(make_vacancy(make_org()), refuser, status=OfferStatus.REFUSED)
    preparing = accepted()
    plan = appointed(municipal_user, username="newhead")
    induction_mentor_assign(
        plan=plan, mentor=make_mentor(username="adapt", kind="preschool"), actor=municipal_user
    )
    checkpoint = plan.checkpoints.first()
    task = checkpoint.tasks.first()
    template_task = InductionTemplateTask.objects.filter(
        template__organization_kind="general"
    ).first()
    return {
        "vacancy": vacancy,
        "entry": entry,
        "offer": offer,
        "refuser": refuser,
        "organization": vacancy.organization,
        "preparing": preparing,
        "made": plan.appointment,
        "plan": plan,
        "checkpoint": checkpoint,
        "task": task,
        "template_task": template_task,
    }


# name → (method, arguments from the world, personas that must get 404)
VIEWS = {
    "vacancy_list": ("get", lambda w: [], NOT_STAFF),
    "vacancy_create": ("get", lambda w: [], NOT_STAFF),
    "vacancy_detail": ("get", lambda w: [w["vacancy"].pk], STAFF_ONLY),
    "vacancy_close": ("post", lambda w: [w["vacancy"].pk], STAFF_ONLY),
    "forecast": ("get", lambda w: [], NOT_STAFF),
    "forecast_vacancy": ("post", lambda w: [w["organization"].pk], STAFF_ONLY),
    "coverage": ("get", lambda w: [], NOT_STAFF),
    "shortlist_build": ("post", lambda w: [w["vacancy"].pk], STAFF_ONLY),
    "shortlist_move": ("post", lambda w: [w["vacancy"].pk, w["entry"].pk], STAFF_ONLY),
    "offer_make": ("post", lambda w: [w["vacancy"].pk, w["entry"].pk], STAFF_ONLY),
    "refusals_exclusion": ("get", lambda w: [w["vacancy"].pk, w["refuser"].pk], STAFF_ONLY),
    "offer_withdraw": ("post", lambda w: [w["offer"].pk], STAFF_ONLY),
    "my_onboarding": (
        "get",
        lambda w: [],
        ["outsider_municipal_user", "mentor_user", "expert_user"],
    ),
    "offer_answer": ("get", lambda w: [w["offer"].pk], OUTSIDERS),
    "relocation": ("post", lambda w: [], NOT_CANDIDATES),
    "appointment_list": ("get", lambda w: [], NOT_STAFF),
    "appointment_detail": ("get", lambda w: [w["preparing"].pk], STAFF_ONLY),
    "attestation": ("post", lambda w: [w["preparing"].pk], STAFF_ONLY),
    "appointment_order": ("post", lambda w: [w["preparing"].pk], STAFF_ONLY),
    "appointment_make": ("post", lambda w: [w["preparing"].pk], STAFF_ONLY),
    "appointment_cancel": ("post", lambda w: [w["preparing"].pk], STAFF_ONLY),
    "order_download": ("get", lambda w: [w["made"].pk], STAFF_ONLY),
    "induction_list": ("get", lambda w: [], ["candidate_user", "expert_user"]),
    "my_induction": (
        "get",
        lambda w: [],
        ["outsider_municipal_user", "mentor_user", "expert_user"],
    ),
    "induction_detail": ("get", lambda w: [w["plan"].pk], OUTSIDERS),
    "induction_task": ("post", lambda w: [w["plan"].pk, w["task"].pk], OUTSIDERS),
    "induction_checkpoint": ("post", lambda w: [w["plan"].pk, w["checkpoint"].pk], OUTSIDERS),
    "induction_mentor": ("post", lambda w: [w["plan"].pk], OUTSIDERS),
    "induction_probation": ("post", lambda w: [w["plan"].pk], OUTSIDERS),
    "induction_templates": ("get", lambda w: [], ["outsider_municipal_user", *NOT_STAFF]),
    "induction_template": ("get", lambda w: ["general"], ["outsider_municipal_user", *NOT_STAFF]),
    "induction_template_task": (
        "get",
        lambda w: ["general", w["template_task"].pk],
        ["outsider_municipal_user", *NOT_STAFF],
    ),
    "induction_template_task_delete": (
        "post",
        lambda w: ["general", w["template_task"].pk],
        ["outsider_municipal_user", *NOT_STAFF],
    ),
}
CASES = [(name, persona) for name, (_, _, personas) in VIEWS.items() for persona in personas]


def test_every_view_of_the_stage_is_in_the_table():
    assert {pattern.name for pattern in urlpatterns} == set(VIEWS)


@pytest.mark.parametrize(("name", "persona"), CASES, ids=[f"{n}-{p}" for n, p in CASES])
def test_outsiders_get_404(client, request, world, name, persona):
    method, arguments, _ = VIEWS[name]
    client.force_login(request.getfixturevalue(persona))

    response = getattr(client, method)(reverse(f"onboarding:{name}", args=arguments(world)))

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("name", "username"),
    [
        ("offer_answer", "offered"),
        ("my_onboarding", "offered"),
        ("induction_detail", "newhead"),
        ("induction_detail", "adapt"),
        ("induction_list", "adapt"),
    ],
)
def test_the_people_concerned_open_their_pages(client, world, name, username):
    client.force_login(User.objects.get(username=username))
    _, arguments, _ = VIEWS[name]

    response = client.get(reverse(f"onboarding:{name}", args=arguments(world)))

    assert response.status_code == 200


PAIRS = {
    "vacancies": (access.vacancies_visible_to, access.can_view_vacancy, ["vacancy"]),
    "offers": (access.offers_visible_to, access.can_view_offer, ["offer"]),
    "appointments": (access.appointments_visible_to, access.can_view_appointment, ["preparing"]),
    "plans": (access.induction_plans_visible_to, access.can_view_induction_plan, ["plan"]),
}


@pytest.mark.parametrize("pair", list(PAIRS))
def test_each_row_question_agrees_with_its_queryset(
    world, pair, municipal_user, ministry_user, outsider_municipal_user
):
    visible_to, can_view, keys = PAIRS[pair]
    cast = [
        ministry_user,
        municipal_user,
        outsider_municipal_user,
        UserFactory(role=Role.EXPERT),
        *User.objects.filter(username__in=["offered", "newhead", "adapt"]),
    ]
    rows = [world[key] for key in keys] + list(type(world[keys[0]]).objects.all())
    for user in cast:
        visible = set(visible_to(user).values_list("pk", flat=True))
        for row in rows:
            assert can_view(user, row) == (row.pk in visible), (pair, user.username, row.pk)
    assert InductionPlan.objects.exists()
