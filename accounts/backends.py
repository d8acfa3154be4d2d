"""Sign in with the username or with the email address, in any letter case."""

from axes.backends import AxesStandaloneBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q
from django.http import HttpRequest


class UsernameOrEmailBackend(ModelBackend):
    """Find the account by username, or by email when the login looks like an address."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs,
    ):
        if username is None or password is None:
            return None
        User = get_user_model()
        login = username.strip()
        condition = Q(username=login)
        if "@" in login:
            condition |= Q(email__iexact=login)
        user = User.objects.filter(condition).order_by("pk").first()
        if user is None:
            # Spend the time a password check takes, so absent accounts are not revealed by timing.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check, for sign-ins that come with a request.

    Without a request (a management command, the test client's login()) there is no client
    address to look a lock up by, and no web form an attacker could be using: let it pass to
    the next backend instead of raising.
    """

    def authenticate(self, request: HttpRequest | None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
