"""A `next` parameter is followed only to a path on this site; anything else goes to the default.

Found by wapiti: `next=;env;` passed Django's host check (a relative reference) and
django.shortcuts.redirect looked it up as a URL name — a 500.
"""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from core.http import next_path


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/assessment/staff/campaigns/3/ranking/", "/assessment/staff/campaigns/3/ranking/"),
        (";env;", "/default/"),
        ("campaign_ranking", "/default/"),
        ("https://evil.example/", "/default/"),
        ("//evil.example/", "/default/"),
        ("/\\evil.example/", "/default/"),
        ("", "/default/"),
    ],
)
def test_only_a_path_on_this_site_is_followed(value, expected):
    request = RequestFactory().post("/", {"next": value})

    assert next_path(request, "/default/") == expected


@pytest.mark.django_db
@pytest.mark.parametrize("value", [";env;", "home", "https://evil.example/"])
def test_a_page_that_follows_next_never_answers_500_to_a_bare_word(client, candidate_user, value):
    client.force_login(candidate_user)

    response = client.get(reverse("governance:consent_renew"), {"next": value})

    assert (response.status_code, response["Location"]) == (302, "/")
