"""Self-registration from the public form, which never tells whether an email is taken.

Whatever the address, the page answers the same («проверьте почту»). A new person's account is
created inactive with their draft application, and the letter holds the link that confirms the
address, activates the account and signs them in. The owner of an address already registered
gets a letter saying so, with the ways to sign in or to reset the password; an account still
waiting for confirmation gets the confirmation link again.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.models import Role
from audit.services import audit_record
from candidates.models import Candidate, Nomination, NominationSource
from candidates.services.nominations import nomination_create
from candidates.services.profiles import candidate_register
from core.mail import mail_on_commit

SUBJECT = "Кадровый резерв: подтвердите адрес электронной почты"


def _absolute(request: HttpRequest | None, path: str) -> str:
    return request.build_absolute_uri(path) if request is not None else path


def activation_link(user, request: HttpRequest | None = None) -> str:
    """Return the one-time link that confirms the address and activates the account."""
    path = reverse(
        "candidates:applicant_activate",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return _absolute(request, path)


def _mail_activation(user, request: HttpRequest | None) -> None:
    body = "\n".join(
        [
            f"Здравствуйте, {user.first_name}!",
            "",
            "Вы зарегистрировались на портале «Кадровый резерв». Чтобы подтвердить адрес",
            "электронной почты и открыть заявку, перейдите по ссылке:",
            activation_link(user, request),
            "",
            "Если вы не регистрировались, просто удалите это письмо.",
        ]
    )
    mail_on_commit(subject=SUBJECT, body=body, recipients=[user.email])


def _mail_already_registered(user, request: HttpRequest | None) -> None:
    body = "\n".join(
        [
            f"Здравствуйте, {user.first_name or user.get_username()}!",
            "",
            "На портале «Кадровый резерв» попытались зарегистрироваться с вашим адресом",
            "электронной почты, но учётная запись с ним уже есть.",
            f"Войти: {_absolute(request, reverse('accounts:login'))}",
            f"Забыли пароль? {_absolute(request, reverse('accounts:password_reset'))}",
            "",
            "Если это были не вы, ничего делать не нужно.",
        ]
    )
    mail_on_commit(subject=SUBJECT, body=body, recipients=[user.email])


def candidate_self_register(
    *,
    email: str,
    password: str,
    profile: dict,
    position_kind,
    request: HttpRequest | None = None,
) -> None:
    """Register the person and open their draft, or write to the address's owner; tell nothing."""
    email = email.strip().lower()
    User = get_user_model()
    existing = User.objects.filter(email__iexact=email).first()
    if existing is None:
        try:
            with transaction.atomic():
                candidate = candidate_register(
                    email=email, password=password, profile=profile, request=request, active=False
                )
                nomination_create(
                    candidate=candidate,
                    position_kind=position_kind,
                    municipality=candidate.municipality,
                    source=NominationSource.SELF,
                    actor=candidate.user,
                    request=request,
                )
                _mail_activation(candidate.user, request)
            return
        except ValidationError:
            # Registered a moment ago by another request: answer as for an existing address.
            existing = User.objects.filter(email__iexact=email).first()
            if existing is None:
                raise
    # The same work as a new account's password hashing, so timing tells nothing either.
    make_password(password)
    waiting = not existing.is_active and existing.role == Role.CANDIDATE and not existing.last_login
    if waiting:
        _mail_activation(existing, request)
    else:
        _mail_already_registered(existing, request)


@transaction.atomic
def candidate_activate(*, user, request: HttpRequest | None = None) -> Nomination | None:
    """Activate the account whose address was confirmed; return its latest draft, if any."""
    user.is_active = True
    user.save(update_fields=["is_active"])
    candidate = Candidate.objects.filter(user=user).first()
    audit_record(
        actor=user,
        action="candidate.confirm_email",
        obj=candidate or user,
        changes={"is_active": (False, True)},
        request=request,
    )
    if candidate is None:
        return None
    return candidate.nominations.order_by("-created_at").first()
