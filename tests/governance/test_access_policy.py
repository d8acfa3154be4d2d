"""The Regulation's policy: who reads the versions, over the cast, page and rows agreeing."""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.models import Role
from governance import access
from governance.models import RegulationVersion
from governance.regulation import DEFAULT_PARAMETERS
from governance.services import regulation_version_create
from tests.factories import UserFactory


@pytest.fixture
def cast(
    admin_user, ministry_user, municipal_user, outsider_municipal_user, expert_user, mentor_user
) -> dict:
    return {
        "admin": admin_user,
        "ministry": ministry_user,
        "coordinator": municipal_user,
        "outsider_coordinator": outsider_municipal_user,
        "candidate": UserFactory(username="applicant", role=Role.CANDIDATE),
        "expert": expert_user,
        "mentor": mentor_user,
        "inactive": UserFactory(username="former", role=Role.MINISTRY, is_active=False),
        "anonymous": AnonymousUser(),
    }


def test_every_version_is_read_by_everyone_signed_in_and_no_one_else(cast, ministry_user):
    regulation_version_create(
        author=ministry_user,
        parameters={**DEFAULT_PARAMETERS, "pass_threshold": 70},
        reason="Приказ министерства № 7",
    )
    versions = list(RegulationVersion.objects.all())
    assert len(versions) == 2
    for name, user in cast.items():
        readers = name not in {"inactive", "anonymous"}
        visible = set(access.regulation_versions_visible_to(user))
        assert visible == (set(versions) if readers else set()), name
        for version in versions:
            assert access.can_view_regulation(user) == (version in visible), name
        assert access.can_change_regulation(user) == (name in {"admin", "ministry"}), name
        assert access.can_view_audit_log(user) == (name in {"admin", "ministry"}), name
        assert access.can_view_personal_data_log(user) == (name == "admin"), name
