"""Expert, mentor and candidate home pages: their own profile and an honest word on what's next."""

import pytest

PAGES = [
    ("expert_user", "/accounts/home/expert/", "Оценки, которые ждут вас"),
    ("mentor_user", "/accounts/home/mentor/", "Анкета наставника ещё не заполнена"),
    ("candidate_user", "/accounts/home/candidate/", "Заявок пока нет."),
]


@pytest.mark.parametrize(("persona", "url", "state"), PAGES)
def test_it_shows_the_users_own_profile(client, request, persona, url, state):
    user = request.getfixturevalue(persona)
    user.phone = "+7 (912) 345-67-89"
    user.save(update_fields=["phone"])
    client.force_login(user)

    html = client.get(url).content.decode()

    assert user.get_full_name() in html
    assert user.email in html
    assert "+7 (912) 345-67-89" in html
    assert state in html
    assert 'href="/accounts/password/change/"' in html


def test_it_says_when_a_phone_is_missing(client, candidate_user):
    client.force_login(candidate_user)

    html = client.get("/accounts/home/candidate/").content.decode()

    assert "не указан" in html
    assert "Кандидат / резервист" in html


def test_it_lists_the_candidates_own_applications(client, db):
    from candidates.models import NominationStatus
    from tests.candidates.factories import make_nomination

    mine = make_nomination(status=NominationStatus.RETURNED)
    someone_elses = make_nomination(position_code="deputy-general")
    client.force_login(mine.candidate.user)

    response = client.get("/accounts/home/candidate/")

    content = response.content.decode()
    assert f"/selection/my/{mine.pk}/" in content
    assert "возвращена на доработку" in content
    assert f"/selection/my/{someone_elses.pk}/" not in content


def test_it_counts_the_experts_open_ratings(client, db):
    from tests.assessment.factories import (
        assign_expert,
        make_campaign,
        make_expert,
        make_participant,
    )

    campaign = make_campaign(kinds=["case"], weights={"case": 100})
    expert = make_expert()
    assign_expert(make_participant(campaign=campaign), "case", expert)
    client.force_login(expert)

    html = client.get("/accounts/home/expert/").content.decode()

    assert 'Оценки, которые ждут вас</dt><dd class="col-4 text-end">1</dd>' in html
