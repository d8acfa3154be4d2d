"""The role-and-territory scoping every app's *_visible_to builds on."""

from accounts.access import scope_by_role
from accounts.models import Role
from registry.models import Organization


def test_it_scopes_rows_by_region_territory_own_or_nothing(
    ministry_user, municipal_user, candidate_user, mentor_user, organization, other_organization
):
    rows = Organization.objects.all()

    def visible(user):
        scoped = scope_by_role(
            rows, user, municipality="municipality", own={Role.CANDIDATE: "candidates__user"}
        )
        return set(scoped)

    assert visible(ministry_user) == {organization, other_organization}
    assert visible(municipal_user) == {organization}
    assert visible(candidate_user) == set()  # own rows only, and this candidate has none
    assert visible(mentor_user) == set()  # a role not listed sees nothing
