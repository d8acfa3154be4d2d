"""Signing out: POST only, back to the sign-in page."""


def test_it_signs_out_on_post(client, ministry_user):
    client.force_login(ministry_user)

    response = client.post("/accounts/logout/")

    assert response.status_code == 302
    assert response.url == "/accounts/login/"
    assert "_auth_user_id" not in client.session


def test_it_does_not_sign_out_on_get(client, ministry_user):
    client.force_login(ministry_user)

    response = client.get("/accounts/logout/")

    assert response.status_code == 405
    assert "_auth_user_id" in client.session
