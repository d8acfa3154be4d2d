"""Create and update candidates' profiles: self-registration and invitation by a nominator."""

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.models import Role
from audit.models import AuditSource
from audit.services import audit_record
from candidates.models import Candidate, Gender, Nomination, NominationSource
from candidates.services.nominations import nomination_create
from core.mail import mail_on_commit
from core.names import CASES, validate_person_name

# A nominator learns nothing about people outside their reach: the same words whether the email
# belongs to a staff account or to a candidate of another municipality.
EMAIL_NOT_AVAILABLE = (
    "Этот email нельзя указать при выдвижении. Уточните адрес у кандидата; если он уже "
    "пользуется порталом, он может подать заявку сам, или обратитесь в министерство."
)

PROFILE_FIELDS = (
    "last_name",
    "first_name",
    "middle_name",
    "birth_date",
    "phone",
    "municipality",
    "organization",
    "position",
)


NAME_FIELDS = {"last_name": "Фамилия", "first_name": "Имя", "middle_name": "Отчество"}


def check_names(values: dict) -> None:
    """Refuse names that are not names (markup, digits), saying which one, before any write."""
    for field, label in NAME_FIELDS.items():
        try:
            validate_person_name(values.get(field) or "")
        except ValidationError as error:
            raise ValidationError(f"{label}: {error.messages[0]}") from None


def _new_user(
    *,
    email: str,
    last_name: str,
    first_name: str,
    middle_name: str,
    password=None,
    active: bool = True,
):
    check_names({"last_name": last_name, "first_name": first_name, "middle_name": middle_name})
    User = get_user_model()
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(
            "Пользователь с таким email уже зарегистрирован. Войдите или восстановите пароль."
        )
    user = User(
        username=email,
        email=email,
        last_name=last_name,
        first_name=first_name,
        middle_name=middle_name,
        role=Role.CANDIDATE,
        is_active=active,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as error:
        raise ValidationError("Пользователь с таким email уже зарегистрирован.") from error
    return user


def candidate_register(
    *,
    email: str,
    password: str | None,
    profile: dict,
    request: HttpRequest | None = None,
    active: bool = True,
) -> Candidate:
    """Create the account and profile of a person nominating themselves."""
    with transaction.atomic():
        user = _new_user(
            email=email,
            last_name=profile["last_name"],
            first_name=profile["first_name"],
            middle_name=profile.get("middle_name", ""),
            password=password,
            active=active,
        )
        candidate = Candidate.objects.create(user=user, email=user.email, **profile)
        audit_record(
            actor=user,
            action="candidate.register",
            obj=candidate,
            changes={"email": (None, user.email)},
            request=request,
        )
    return candidate


def candidate_update(
    *, candidate: Candidate, actor, data: dict, request: HttpRequest | None = None
) -> Candidate:
    """Change the profile fields given; record what changed."""
    check_names(data)
    changes = {}
    for field in PROFILE_FIELDS:
        if field in data and getattr(candidate, field) != data[field]:
            changes[field] = (getattr(candidate, field), data[field])
            setattr(candidate, field, data[field])
    if not changes:
        return candidate
    renamed = {"last_name", "first_name", "middle_name"} & set(changes)
    with transaction.atomic():
        # A new name gets new case forms: a correction made for the old one no longer holds.
        forms = candidate.fill_name_forms() if renamed else []
        candidate.save(update_fields=[*changes, *forms, "updated_at"])
        user = candidate.user
        names = {f: getattr(candidate, f) for f in ("last_name", "first_name", "middle_name")}
        if any(getattr(user, f) != v for f, v in names.items()):
            for field, value in names.items():
                setattr(user, field, value)
            user.save(update_fields=list(names))
        audit_record(
            actor=actor, action="candidate.update", obj=candidate, changes=changes, request=request
        )
    return candidate


def candidate_name_forms_correct(
    *, candidate: Candidate, actor, data: dict, request: HttpRequest | None = None
) -> Candidate:
    """Store staff's corrections of the gender and case forms of the person's name."""
    fields = ("gender", *(f"name_{case}" for case in CASES))
    cleaned = {field: " ".join(str(data.get(field, "")).split()) for field in fields}
    problems = {
        field: "Заполните падежную форму."
        for field in fields
        if field != "gender" and not cleaned[field]
    }
    if cleaned["gender"] not in Gender.values:
        problems["gender"] = "Укажите пол: от него зависит согласование в документах."
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
        changes = {
            field: (getattr(locked, field), value)
            for field, value in cleaned.items()
            if getattr(locked, field) != value
        }
        for field, value in cleaned.items():
            setattr(locked, field, value)
        locked.name_forms_corrected = True
        locked.save(update_fields=[*fields, "name_forms_corrected", "updated_at"])
        audit_record(
            actor=actor,
            action="candidate.name_forms",
            obj=locked,
            changes=changes,
            request=request,
        )
    return locked


def invitation_link(user, request: HttpRequest | None = None) -> str:
    """Return the link where an invited person sets their password."""
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return request.build_absolute_uri(path) if request is not None else path


def candidate_nominate(
    *,
    actor,
    email: str,
    profile: dict,
    position_kind,
    source: NominationSource,
    motivation: str = "",
    request: HttpRequest | None = None,
    audit_source: AuditSource = AuditSource.WEB,
) -> Nomination:
    """Nominate a person: create (or reuse) their profile, open a draft and invite them."""
    email = email.strip().lower()
    with transaction.atomic():
        candidate = Candidate.objects.filter(email__iexact=email).select_related("user").first()
        invited = candidate is None
        if candidate is None:
            try:
                user = _new_user(
                    email=email,
                    last_name=profile["last_name"],
                    first_name=profile["first_name"],
                    middle_name=profile.get("middle_name", ""),
                )
            except ValidationError as error:
                raise ValidationError(EMAIL_NOT_AVAILABLE) from error
            candidate = Candidate.objects.create(user=user, email=email, **profile)
            audit_record(
                actor=actor,
                action="candidate.invite",
                obj=candidate,
                changes={"email": (None, email)},
                source=audit_source,
                request=request,
            )
        elif candidate.municipality_id != profile["municipality"].pk:
            raise ValidationError(EMAIL_NOT_AVAILABLE)
        nomination = nomination_create(
            candidate=candidate,
            position_kind=position_kind,
            municipality=candidate.municipality,
            source=source,
            actor=actor,
            motivation=motivation,
            request=request,
            audit_source=audit_source,
        )
        user = candidate.user
        link = invitation_link(user, request) if invited else ""
        subject = "Кадровый резерв: вас выдвинули в резерв руководителей"
        lines = [
            f"Здравствуйте, {candidate.first_name}!",
            "",
            f"Вас выдвинули в кадровый резерв на должность «{position_kind}».",
            "Заполните анкету, загрузите документы и подайте заявку в личном кабинете.",
        ]
        if link:
            lines += ["", f"Чтобы войти, задайте пароль по ссылке: {link}"]
        body = "\n".join(lines)
        mail_on_commit(subject=subject, body=body, recipients=[email])
    return nomination
