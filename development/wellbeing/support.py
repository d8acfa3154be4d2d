"""A low index offers help: whom to call, and a request for a conversation with the coordinator.

The request tells the coordinator who asks and how to reach them, with the person's consent to
that; never the answers or the index. Withdrawing the pulse consent does not delete a request:
it is a separate, explicit wish to talk, closed by the coordinator once they have called.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from accounts.models import Role, User
from audit.services import audit_record
from core.mail import mail_on_commit
from development import access
from development.models import Mentorship, MentorshipStatus, SupportRequest, SupportStatus
from development.wellbeing.selectors import pulse_group_of

MAX_CONTACT = 300


@dataclass(frozen=True)
class Contact:
    """Someone the person may turn to, with how to reach them."""

    who: str
    name: str
    phone: str
    email: str


def support_contacts_for(user) -> list[Contact]:
    """Return the person's mentor and the coordinators of their municipality, with contacts."""
    contacts = []
    for pair in Mentorship.objects.filter(
        mentee__user=user, status=MentorshipStatus.ACTIVE
    ).select_related("mentor__user"):
        mentor = pair.mentor.user
        contacts.append(
            Contact("ваш наставник", mentor.get_full_name(), mentor.phone, mentor.email)
        )
    municipality_id = pulse_group_of(user).municipality_id
    if municipality_id is not None:
        for coordinator in User.objects.filter(
            role=Role.MUNICIPAL, municipality_id=municipality_id, is_active=True
        ).order_by("last_name", "pk"):
            contacts.append(
                Contact(
                    "муниципальный координатор",
                    coordinator.get_full_name(),
                    coordinator.phone,
                    coordinator.email,
                )
            )
    return contacts


def open_request_of(user) -> SupportRequest | None:
    """Return the person's request still waiting for a call, if any."""
    return SupportRequest.objects.filter(user=user, status=SupportStatus.OPEN).first()


def support_request_create(
    *, user, contact: str, consent: bool, request: HttpRequest | None = None
) -> SupportRequest:
    """Ask the coordinator of one's municipality for a conversation; tell them by mail."""
    contact = contact.strip()
    if not consent:
        raise ValidationError(
            "Отметьте согласие: без него координатор не узнает, что вы просите о разговоре."
        )
    if not contact:
        raise ValidationError("Напишите, как с вами связаться: телефон или адрес почты.")
    if len(contact) > MAX_CONTACT:
        raise ValidationError(f"Контакт длиннее {MAX_CONTACT} знаков.")
    if not access.can_open_own_pulse(user):
        raise ValidationError("Просьба о разговоре доступна участникам опроса.")
    municipality_id = pulse_group_of(user).municipality_id
    try:
        with transaction.atomic():
            support = SupportRequest.objects.create(
                user=user, municipality_id=municipality_id, contact=contact
            )
            audit_record(
                actor=user,
                action="support_request.create",
                obj=support,
                changes={"просьба о разговоре": (None, "отправлена")},
                request=request,
            )
            coordinators = User.objects.filter(
                role=Role.MUNICIPAL, municipality_id=municipality_id, is_active=True
            ).values_list("email", flat=True)
            mail_on_commit(
                subject="Кадровый резерв: просьба о разговоре",
                body="\n".join(
                    [
                        f"{user.get_full_name()} просит вас связаться и поговорить о нагрузке "
                        "и поддержке.",
                        f"Как связаться: {contact}.",
                        "",
                        "Ответы опроса и индекс благополучия человек вам не передавал: начните "
                        "разговор с вопроса, чем вы можете помочь. Отметьте на портале, когда "
                        "свяжетесь («Благополучие» → «Просьбы о разговоре»).",
                    ]
                ),
                recipients=list(coordinators),
            )
    except IntegrityError:
        raise ValidationError("Ваша просьба уже отправлена: координатор свяжется с вами.") from None
    return support


def support_request_close(
    *, support: SupportRequest, actor, request: HttpRequest | None = None
) -> SupportRequest:
    """Mark that the coordinator has been in touch."""
    with transaction.atomic():
        locked = SupportRequest.objects.select_for_update().get(pk=support.pk)
        if not access.can_handle_support_request(actor, locked):
            raise ValidationError("Отметить звонок может координатор муниципалитета человека.")
        if locked.status != SupportStatus.OPEN:
            return locked
        locked.status = SupportStatus.CONTACTED
        locked.handled_by = actor
        locked.handled_at = timezone.now()
        locked.save(update_fields=["status", "handled_by", "handled_at"])
        audit_record(
            actor=actor,
            action="support_request.update",
            obj=locked,
            changes={"состояние": (SupportStatus.OPEN.label, SupportStatus.CONTACTED.label)},
            request=request,
        )
    return locked
