"""The client's address: X-Forwarded-For believed only through trusted proxies."""

import pytest
from django.test import RequestFactory, override_settings

from core.http import client_ip

factory = RequestFactory()


def _request(remote: str, forwarded: str | None = None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return factory.get("/", REMOTE_ADDR=remote, **headers)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []

    assert client_ip(_request("10.0.0.5", "203.0.113.9")) == "10.0.0.5"


@override_settings(TRUSTED_PROXIES=["127.0.0.1", "::1"])
@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("127.0.0.1", "203.0.113.9", "203.0.113.9"),
        # nginx appends the address it saw; what the client sent before it is not believed.
        ("127.0.0.1", "1.2.3.4, 203.0.113.9", "203.0.113.9"),
        ("::1", "2001:db8::7", "2001:db8::7"),
        ("127.0.0.1", None, "127.0.0.1"),
        ("127.0.0.1", "garbage", "127.0.0.1"),
        # A request straight from the internet cannot choose its address with the header.
        ("198.51.100.3", "127.0.0.1", "198.51.100.3"),
    ],
)
def test_one_trusted_proxy(remote, forwarded, expected):
    assert client_ip(_request(remote, forwarded)) == expected


@override_settings(TRUSTED_PROXIES=["127.0.0.1", "10.1.0.0/16"])
def test_a_chain_of_trusted_proxies_is_walked_back():
    request = _request("127.0.0.1", "6.6.6.6, 203.0.113.9, 10.1.2.3")

    assert client_ip(request) == "203.0.113.9"


def test_no_request_no_address():
    assert client_ip(None) is None


@override_settings(TRUSTED_PROXIES=["127.0.0.1"])
def test_the_logs_record_the_client_behind_the_proxy(db, ministry_user, candidate_user):
    from audit.services import audit_record, personal_data_access_log
    from governance.consent import consent_give
    from governance.models import ConsentPurpose

    request = _request("127.0.0.1", "203.0.113.9")

    event = audit_record(actor=ministry_user, action="test", obj=candidate_user, request=request)
    access = personal_data_access_log(
        actor=ministry_user, subject=candidate_user, purpose="проверка", request=request
    )
    consent = consent_give(
        user=candidate_user, purpose=ConsentPurpose.PERSONAL_DATA, request=request
    )

    assert event.ip_address == access.ip_address == consent.given_ip == "203.0.113.9"
