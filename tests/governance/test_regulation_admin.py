"""The back office shows the Regulation's versions and the consent texts, read-only."""

import pytest

from governance.models import ConsentText, RegulationVersion

pytestmark = pytest.mark.django_db
VERSIONS = "/admin/governance/regulationversion/"
TEXTS = "/admin/governance/consenttext/"


@pytest.mark.parametrize("persona", ["ministry_user", "admin_user"])
def test_staff_read_the_versions_and_consent_texts(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    version = RegulationVersion.objects.get(in_force=True)
    text = ConsentText.objects.filter(in_force=True).first()

    listing = client.get(VERSIONS)
    assert listing.status_code == 200
    assert f"/regulation/versions/{version.number}/" in listing.content.decode()
    assert client.get(f"{VERSIONS}{version.pk}/change/").status_code == 200
    assert client.get(TEXTS).status_code == 200
    assert client.get(f"{TEXTS}{text.pk}/change/").status_code == 200


@pytest.mark.parametrize("persona", ["ministry_user", "admin_user"])
def test_nobody_adds_changes_or_deletes_them_in_the_admin(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    version = RegulationVersion.objects.get(in_force=True)

    assert client.get(f"{VERSIONS}add/").status_code == 403
    assert client.post(f"{VERSIONS}{version.pk}/delete/", {"post": "yes"}).status_code == 403
    assert (
        client.post(
            f"{VERSIONS}{version.pk}/change/", {"reason": "Правка в обход формы"}
        ).status_code
        == 403
    )
    assert client.get(f"{TEXTS}add/").status_code == 403
    version.refresh_from_db()
    assert version.reason != "Правка в обход формы"
    assert RegulationVersion.objects.count() == 1


def test_front_office_roles_stay_out(client, municipal_user):
    client.force_login(municipal_user)
    response = client.get(VERSIONS)
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
