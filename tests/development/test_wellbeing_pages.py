"""The person's pulse page: consent, answering, the index, the own trend, withdrawal."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from development.models import PulseResponse
from development.wellbeing.services import pulse_answer_submit, pulse_consent_give
from governance.consent import consent_active
from governance.models import ConsentPurpose
from tests.candidates.commission_factories import make_membership
from tests.candidates.factories import make_candidate

PAGE = reverse("development:wellbeing")
CONSENT = reverse("development:wellbeing_consent")
ANSWER = reverse("development:wellbeing_answer")
WITHDRAW = reverse("development:wellbeing_withdraw")
TODAY = datetime.datetime(2026, 5, 14, 10, 0, tzinfo=datetime.UTC)
KEYS = ["cheerful", "calm", "active", "rested", "interest"]


def _post_answers(client, answers):
    return client.post(ANSWER, dict(zip(KEYS, [str(value) for value in answers], strict=True)))


@pytest.fixture(autouse=True)
def _may_2026():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def reservist(db):
    return make_membership(
        username="reservist", started_on=datetime.date(2025, 2, 1)
    ).candidate.user


@pytest.fixture
def consenting(reservist):
    pulse_consent_give(user=reservist)
    return reservist


@pytest.mark.parametrize("url", [PAGE, CONSENT, ANSWER, WITHDRAW])
def test_it_sends_anonymous_visitors_to_the_login(client, url):
    response = client.get(url) if url == PAGE else client.post(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    "persona", ["ministry_user", "municipal_user", "expert_user", "admin_user"]
)
def test_staff_and_experts_have_no_pulse_page_of_their_own(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(PAGE).status_code == 404
    assert client.post(CONSENT).status_code == 404
    assert _post_answers(client, [3] * 5).status_code == 404


def test_without_consent_it_shows_the_consent_text_and_no_questions(client, reservist):
    client.force_login(reservist)

    content = client.get(PAGE).content.decode()

    assert "Я добровольно участвую в опросе о профессиональном благополучии" in content
    # The shipped text complete under 152-ФЗ is the second version (governance 0009).
    assert "версия 2" in content
    assert "близки к сведениям о состоянии здоровья" in content
    assert 'name="cheerful"' not in content
    assert "не диагноз" in content
    assert "психолог" in content


def test_without_consent_an_answer_is_refused(client, reservist):
    client.force_login(reservist)

    response = _post_answers(client, [3] * 5)

    assert response.status_code == 302
    assert not PulseResponse.objects.exists()
    assert "Сначала дайте согласие" in client.get(PAGE).content.decode()


def test_without_consent_even_an_incomplete_answer_is_refused_not_shown_as_a_form(
    client, reservist
):
    client.force_login(reservist)

    response = client.post(ANSWER, {"cheerful": "3"})

    assert response.status_code == 302
    assert not PulseResponse.objects.exists()


def test_giving_consent_opens_the_questions(client, reservist):
    client.force_login(reservist)

    response = client.post(CONSENT, follow=True)

    assert consent_active(reservist, ConsentPurpose.WELLBEING) is not None
    content = response.content.decode()
    assert "Согласие записано" in content
    assert "Вопросы за май 2026" in content
    for key in KEYS:
        assert f'name="{key}"' in content
    assert "0 — ни разу" in content and "5 — всё время" in content
    assert "последние две недели" in content


def test_a_candidate_outside_the_reserve_cannot_consent(client, db):
    applicant = make_candidate().user
    client.force_login(applicant)

    assert "Опрос доступен резервистам" in client.get(PAGE).content.decode()
    client.post(CONSENT)

    assert consent_active(applicant, ConsentPurpose.WELLBEING) is None


def test_answering_shows_the_index_and_that_it_is_not_a_diagnosis(client, consenting):
    client.force_login(consenting)

    response = _post_answers(client, [1, 0, 1, 2, 0])  # WHO-5: raw 4 × 4 → 16

    assert response.status_code == 302
    assert PulseResponse.objects.get(user=consenting).index == 16
    content = client.get(PAGE).content.decode()
    assert "Ответы сохранены" in content
    assert "Ваш индекс за май 2026" in content
    assert '<span class="pulse-index-value">16</span>' in content
    assert "очень низкое благополучие" in content
    assert "Это не диагноз." in content
    assert "педагогом-психологом" in content
    assert "112" in content


def test_an_incomplete_answer_shows_the_questions_again_with_the_error(client, consenting):
    client.force_login(consenting)

    response = client.post(ANSWER, {"cheerful": "3", "calm": "2"})

    assert response.status_code == 400
    content = response.content.decode()
    assert "Ответьте на вопрос «Активность»" in content
    assert 'value="3" required checked' in content  # what was chosen stays chosen
    assert not PulseResponse.objects.exists()


def test_a_second_answer_in_the_month_updates_the_first(client, consenting):
    client.force_login(consenting)
    _post_answers(client, [3, 3, 3, 3, 3])

    page = client.get(PAGE).content.decode()
    assert "Изменить ответы за май 2026" in page
    _post_answers(client, [5, 5, 5, 5, 5])

    assert list(PulseResponse.objects.values_list("index", flat=True)) == [100]
    assert "Ответы за этот месяц обновлены" in client.get(PAGE).content.decode()


def test_the_trend_shows_only_the_persons_own_answers(client, consenting, db):
    for month, answers in [(2, [3, 3, 3, 3, 3]), (3, [4, 4, 4, 4, 4]), (4, [2, 2, 2, 2, 2])]:
        pulse_answer_submit(user=consenting, answers=answers, today=datetime.date(2026, month, 10))
    stranger = make_membership().candidate.user
    pulse_consent_give(user=stranger)
    pulse_answer_submit(user=stranger, answers=[1, 1, 2, 3, 1], today=datetime.date(2026, 4, 2))
    client.force_login(consenting)

    response = client.get(PAGE)

    content = response.content.decode()
    assert [point.index for point in response.context["points"]] == [40, 80, 60]
    assert response.context["chart"]["values"] == [60, 80, 40]
    assert response.context["chart"]["labels"] == ["февраль 2026", "март 2026", "апрель 2026"]
    assert 'id="pulse-chart"' in content
    assert "chart.umd.min.js" in content and "development/wellbeing.js" in content
    assert "Апрель 2026" in content
    assert 32 not in response.context["chart"]["values"]  # the stranger's index
    assert ">32<" not in content


def test_the_chart_leaves_months_without_an_answer_empty(client, consenting):
    pulse_answer_submit(user=consenting, answers=[3] * 5, today=datetime.date(2025, 11, 20))
    pulse_answer_submit(user=consenting, answers=[5, 5, 5, 5, 5], today=datetime.date(2026, 2, 3))
    client.force_login(consenting)

    chart = client.get(PAGE).context["chart"]

    assert chart["labels"] == ["ноябрь 2025", "декабрь 2025", "январь 2026", "февраль 2026"]
    assert chart["values"] == [60, None, None, 100]


def test_without_answers_there_is_no_chart_to_load(client, consenting):
    client.force_login(consenting)

    content = client.get(PAGE).content.decode()

    assert 'id="pulse-chart"' not in content
    assert "chart.umd.min.js" not in content
    assert "Ответов пока нет" in content


def test_the_own_page_makes_as_many_queries_for_many_months_as_for_one(
    client, consenting, django_assert_num_queries
):
    pulse_answer_submit(user=consenting, answers=[3] * 5, today=datetime.date(2026, 5, 2))
    client.force_login(consenting)
    with CaptureQueriesContext(connection) as one_month:
        client.get(PAGE)
    for month in range(1, 5):
        pulse_answer_submit(user=consenting, answers=[2] * 5, today=datetime.date(2025, month, 3))

    with django_assert_num_queries(len(one_month.captured_queries)):
        client.get(PAGE)


def test_withdrawal_needs_confirmation(client, consenting):
    pulse_answer_submit(user=consenting, answers=[3] * 5, today=datetime.date(2026, 5, 2))
    client.force_login(consenting)

    response = client.post(WITHDRAW)

    assert response.status_code == 400
    assert "Подтвердите" in response.content.decode()
    assert PulseResponse.objects.count() == 1
    assert consent_active(consenting, ConsentPurpose.WELLBEING) is not None


def test_withdrawal_deletes_the_answers_and_closes_the_questions(client, consenting):
    pulse_answer_submit(user=consenting, answers=[3] * 5, today=datetime.date(2026, 4, 2))
    pulse_answer_submit(user=consenting, answers=[3] * 5, today=datetime.date(2026, 5, 2))
    client.force_login(consenting)

    response = client.post(WITHDRAW, {"confirm": "on"}, follow=True)

    content = response.content.decode()
    assert "Согласие отозвано, удалено ответов: 2" in content
    assert not PulseResponse.objects.exists()
    assert 'name="cheerful"' not in content
    assert "Даю согласие" in content
    assert _post_answers(client, [3] * 5).status_code == 302
    assert not PulseResponse.objects.exists()


def test_withdrawing_again_says_it_is_already_done(client, consenting):
    client.force_login(consenting)
    client.post(WITHDRAW, {"confirm": "on"})

    response = client.post(WITHDRAW, {"confirm": "on"}, follow=True)

    assert "отзывать нечего" in response.content.decode()


def test_a_mentor_answers_too(client, mentor_user):
    client.force_login(mentor_user)
    client.post(CONSENT)

    _post_answers(client, [3] * 5)

    assert PulseResponse.objects.get(user=mentor_user).index == 60  # WHO-5: raw 15 × 4
