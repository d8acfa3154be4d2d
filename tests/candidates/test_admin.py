"""The selection stage's back office: scope, read-only status, actions through the services."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from accounts.models import Role
from audit.models import AuditEvent, AuditSource, PersonalDataAccess
from candidates.models import (
    Candidate,
    Commission,
    CommissionMember,
    CommissionRole,
    Document,
    EligibilityCheck,
    Nomination,
    NominationStatus,
    StatusChange,
)
from tests.candidates.factories import make_nomination
from tests.factories import UserFactory

S = NominationStatus
NOMINATIONS = reverse("admin:candidates_nomination_changelist")


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def _action(client, url, action, objects):
    return client.post(
        url,
        {"action": action, "_selected_action": [obj.pk for obj in objects], "index": 0},
        follow=True,
    )


MODELS = [
    "candidate",
    "nomination",
    "statuschange",
    "document",
    "eligibilitycheck",
    "commission",
    "commissionmember",
    "commissionmeeting",
    "agendaitem",
    "vote",
    "reservemembership",
    "membershipevent",
]


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS)
def test_every_model_has_a_changelist_for_the_ministry(admin_client, client, ministry_user, model):
    make_nomination(status=S.SUBMITTED)
    client.force_login(ministry_user)

    assert client.get(reverse(f"admin:candidates_{model}_changelist")).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "persona", ["municipal_user", "expert_user", "mentor_user", "candidate_user"]
)
def test_other_roles_do_not_get_into_the_back_office(client, request, persona):
    nomination = make_nomination(status=S.SUBMITTED)
    client.force_login(request.getfixturevalue(persona))

    for url in (
        NOMINATIONS,
        reverse("admin:candidates_nomination_change", args=[nomination.pk]),
        reverse("admin:candidates_candidate_change", args=[nomination.candidate_id]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("admin:login") in response.url


@pytest.mark.django_db
def test_the_take_for_check_action_goes_through_the_service_row_by_row(client, ministry_user):
    ready = [make_nomination(status=S.SUBMITTED), make_nomination(status=S.SUBMITTED)]
    draft = make_nomination(status=S.DRAFT)
    client.force_login(ministry_user)

    response = _action(client, NOMINATIONS, "move_to_document_check", [*ready, draft])

    for nomination in ready:
        nomination.refresh_from_db()
        assert nomination.status == S.DOCUMENT_CHECK
        change = StatusChange.objects.filter(nomination=nomination).last()
        assert (change.from_status, change.to_status, change.actor) == (
            S.SUBMITTED,
            S.DOCUMENT_CHECK,
            ministry_user,
        )
    draft.refresh_from_db()
    assert draft.status == S.DRAFT
    events = AuditEvent.objects.filter(action="nomination.transition")
    assert events.count() == 2
    assert set(events.values_list("source", flat=True)) == {AuditSource.ADMIN}
    texts = _messages(response)
    assert any("переведено заявок: 2" in text for text in texts)
    assert any(text.startswith(f"{draft}: Заявка уже в статусе «черновик»") for text in texts)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("action", "source", "target"),
    [
        ("move_to_assessment", S.ADMITTED, S.ASSESSMENT),
        ("move_to_commission_review", S.ASSESSMENT, S.COMMISSION_REVIEW),
    ],
)
def test_the_other_transition_actions(client, ministry_user, action, source, target):
    nomination = make_nomination(status=source)
    client.force_login(ministry_user)

    _action(client, NOMINATIONS, action, [nomination])

    nomination.refresh_from_db()
    assert nomination.status == target
    assert StatusChange.objects.filter(nomination=nomination, to_status=target).count() == 1


@pytest.mark.django_db
def test_the_eligibility_action_stores_a_check(client, ministry_user):
    nomination = make_nomination(status=S.DOCUMENT_CHECK)
    client.force_login(ministry_user)

    response = _action(client, NOMINATIONS, "evaluate_eligibility", [nomination])

    check = EligibilityCheck.objects.get(nomination=nomination)
    assert check.evaluated_by == ministry_user
    assert f"{nomination}: не соответствует требованиям." in _messages(response)


@pytest.mark.django_db
def test_the_status_cannot_be_edited_in_the_admin(client, ministry_user):
    nomination = make_nomination(status=S.SUBMITTED)
    url = reverse("admin:candidates_nomination_change", args=[nomination.pk])
    client.force_login(ministry_user)

    page = client.get(url)
    response = client.post(url, {"status": S.INCLUDED})

    assert page.status_code == 200
    assert 'name="status"' not in page.content.decode()
    assert response.status_code == 403
    nomination.refresh_from_db()
    assert nomination.status == S.SUBMITTED
    assert not Nomination.objects.filter(status=S.INCLUDED).exists()


@pytest.mark.django_db
def test_opening_a_candidate_logs_a_personal_data_access(client, ministry_user):
    nomination = make_nomination(status=S.SUBMITTED)
    client.force_login(ministry_user)

    client.get(reverse("admin:candidates_candidate_change", args=[nomination.candidate_id]))
    client.get(reverse("admin:candidates_nomination_change", args=[nomination.pk]))

    records = PersonalDataAccess.objects.filter(actor=ministry_user)
    assert list(records.values_list("subject_type", "subject_id")) == [
        ("candidates.candidate", str(nomination.candidate_id)),
        ("candidates.candidate", str(nomination.candidate_id)),
    ]


@pytest.mark.django_db
def test_a_profile_correction_goes_through_the_service(client, ministry_user):
    candidate = make_nomination(status=S.SUBMITTED).candidate
    url = reverse("admin:candidates_candidate_change", args=[candidate.pk])
    client.force_login(ministry_user)

    response = client.post(
        url,
        {
            "last_name": "Новикова",
            "first_name": candidate.first_name,
            "middle_name": candidate.middle_name,
            "birth_date": "12.04.1985",
            "phone": candidate.phone,
            "municipality": candidate.municipality_id,
            "organization": "",
            "position": "Учитель",
            **{
                f"{prefix}-{key}": value
                for prefix in ("education_records", "dpo_records", "work_records")
                for key, value in (("TOTAL_FORMS", 0), ("INITIAL_FORMS", 0))
            },
        },
    )

    assert response.status_code == 302
    candidate.refresh_from_db()
    assert (candidate.last_name, candidate.position) == ("Новикова", "Учитель")
    assert candidate.user.last_name == "Новикова"
    event = AuditEvent.objects.get(action="candidate.update")
    assert set(event.changes) == {"last_name", "position"}


@pytest.mark.django_db
def test_candidates_are_not_added_or_deleted_here(client, ministry_user):
    candidate = make_nomination().candidate
    client.force_login(ministry_user)

    assert client.get(reverse("admin:candidates_candidate_add")).status_code == 403
    assert (
        client.get(reverse("admin:candidates_candidate_delete", args=[candidate.pk])).status_code
        == 403
    )
    assert Candidate.objects.filter(pk=candidate.pk).exists()


@pytest.mark.django_db
def test_the_document_action_marks_through_the_service(client, ministry_user):
    nomination = make_nomination(status=S.DOCUMENT_CHECK)
    Document.objects.filter(nomination=nomination).update(is_checked=False)
    client.force_login(ministry_user)

    _action(
        client,
        reverse("admin:candidates_document_changelist"),
        "mark_checked",
        nomination.documents.all(),
    )

    assert not nomination.documents.filter(is_checked=False).exists()
    assert set(nomination.documents.values_list("checked_by", flat=True)) == {ministry_user.pk}
    # One check per required document (seven in the Regulation's list).
    assert AuditEvent.objects.filter(action="document.check").count() == 7


def _commission_post(name: str, members: list[dict]) -> dict:
    data = {
        "name": name,
        "is_active": "on",
        "members-TOTAL_FORMS": len(members),
        "members-INITIAL_FORMS": 0,
        "members-MIN_NUM_FORMS": 0,
        "members-MAX_NUM_FORMS": 1000,
    }
    for index, member in enumerate(members):
        for key, value in member.items():
            data[f"members-{index}-{key}"] = value
    return data


@pytest.mark.django_db
def test_a_commission_and_its_members_are_created_through_the_services(
    client, ministry_user, expert_user
):
    client.force_login(ministry_user)

    response = client.post(
        reverse("admin:candidates_commission_add"),
        _commission_post(
            "Региональная комиссия",
            [
                {"user": ministry_user.pk, "role": CommissionRole.CHAIR, "is_active": "on"},
                {"user": expert_user.pk, "role": CommissionRole.MEMBER, "is_active": "on"},
            ],
        ),
    )

    assert response.status_code == 302
    commission = Commission.objects.get()
    assert set(commission.members.values_list("user", "role")) == {
        (ministry_user.pk, CommissionRole.CHAIR),
        (expert_user.pk, CommissionRole.MEMBER),
    }
    actions = list(AuditEvent.objects.values_list("action", flat=True).order_by("id"))
    assert actions == ["commission.create", "commission.member_add", "commission.member_add"]


@pytest.mark.django_db
def test_a_commission_takes_one_chair_and_no_mentors(client, ministry_user, expert_user):
    mentor = UserFactory(role=Role.MENTOR)
    client.force_login(ministry_user)

    two_chairs = client.post(
        reverse("admin:candidates_commission_add"),
        _commission_post(
            "Комиссия",
            [
                {"user": ministry_user.pk, "role": CommissionRole.CHAIR, "is_active": "on"},
                {"user": expert_user.pk, "role": CommissionRole.CHAIR, "is_active": "on"},
            ],
        ),
    )
    with_mentor = client.post(
        reverse("admin:candidates_commission_add"),
        _commission_post(
            "Комиссия", [{"user": mentor.pk, "role": CommissionRole.MEMBER, "is_active": "on"}]
        ),
    )

    assert two_chairs.status_code == 200
    assert "только один действующий председатель" in two_chairs.content.decode()
    assert with_mentor.status_code == 200
    assert not Commission.objects.exists()
    assert not CommissionMember.objects.exists()


@pytest.mark.django_db
def test_a_member_is_taken_off_the_commission_through_the_service(
    client, ministry_user, expert_user
):
    commission = Commission.objects.create(name="Комиссия")
    member = CommissionMember.objects.create(commission=commission, user=expert_user)
    client.force_login(ministry_user)
    data = _commission_post(
        "Комиссия", [{"id": member.pk, "commission": commission.pk, "user": expert_user.pk}]
    )
    data.update({"members-INITIAL_FORMS": 1, "members-0-role": CommissionRole.MEMBER})

    response = client.post(
        reverse("admin:candidates_commission_change", args=[commission.pk]), data
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.is_active is False
    event = AuditEvent.objects.get(action="commission.member_update")
    assert event.changes == {"is_active": [True, False]}


@pytest.mark.sqlite
@pytest.mark.parametrize("query", ["семёнова", "СЕМЕНОВА ОЛЬГА", "ольга"])
def test_the_admin_search_ignores_case_and_yo(client, admin_user, query):
    wanted = make_nomination(last_name="Семёнова", first_name="Ольга")
    make_nomination(last_name="Борисова", first_name="Анна")
    client.force_login(admin_user)

    response = client.get(reverse("admin:candidates_candidate_changelist"), {"q": query})

    assert list(response.context["cl"].result_list) == [wanted.candidate]
