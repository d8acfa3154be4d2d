"""The programme's induction stage links to the appointment stage's pages each reader may open."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PAGE = reverse("development:programme")
TEMPLATES = reverse("onboarding:induction_templates")
PLANS = reverse("onboarding:induction_list")
OWN = reverse("onboarding:my_induction")


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("ministry_user", [TEMPLATES, PLANS]),
        ("municipal_user", [PLANS]),
        ("mentor_user", [PLANS]),
        ("candidate_user", [OWN]),
        ("expert_user", []),
    ],
)
def test_it_links_only_the_induction_pages_the_reader_may_open(client, request, persona, expected):
    user = request.getfixturevalue(persona)
    client.force_login(user)

    response = client.get(PAGE)

    links = [link.url for link in response.context["induction_links"]]
    assert links == expected
    for url in expected:
        assert f'href="{url}"' in response.content.decode()
        assert client.get(url).status_code == 200
    for url in {TEMPLATES, PLANS, OWN} - set(expected):
        assert f'href="{url}"' not in response.content.decode().split('id="induction-heading"')[1]
