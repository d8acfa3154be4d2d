"""The register of the ministry's orders: record an order once, and suggest the next number."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest

from audit.models import AuditSource
from audit.services import audit_record
from governance.models import Order, OrderKind

_TRAILING_NUMBER = re.compile(r"^(.*?)(\d+)(\D*)$")
DEFAULT_SIGNATORY_POST = "Министр образования Оренбургской области"


def order_next_number(on_date: datetime.date) -> str:
    """Return the number after the year's latest: «01-21/1547» → «01-21/1548»; «1» for none."""
    latest = Order.objects.filter(date__year=on_date.year).order_by("-date", "-id").first()
    if latest is None:
        return "1"
    match = _TRAILING_NUMBER.match(latest.number)
    if match is None:
        return ""
    prefix, digits, suffix = match.groups()
    taken = set(Order.objects.filter(date__year=on_date.year).values_list("number", flat=True))
    following = int(digits) + 1
    while f"{prefix}{following:0{len(digits)}d}{suffix}" in taken:
        following += 1
    return f"{prefix}{following:0{len(digits)}d}{suffix}"


def order_last_signatory() -> tuple[str, str]:
    """Return the name and post of whoever signed the latest order (the usual signatory)."""
    latest = Order.objects.exclude(signatory_name="").order_by("-date", "-id").first()
    if latest is None:
        return "", DEFAULT_SIGNATORY_POST
    return latest.signatory_name, latest.signatory_post


def order_suggested_requisites(today: datetime.date) -> dict:
    """Return what a new order's form starts with: the next number, today, the usual signatory."""
    name, post = order_last_signatory()
    return {
        "order_number": order_next_number(today),
        "order_date": today,
        "signatory_name": name,
        "signatory_post": post,
    }


def order_create(
    *,
    number: str,
    date: datetime.date | None,
    kind: OrderKind,
    signatory_name: str,
    signatory_post: str,
    actor,
    title: str = "",
    source: AuditSource = AuditSource.WEB,
    request: HttpRequest | None = None,
) -> Order:
    """Record an order of the ministry; a number is used once a year."""
    number = " ".join(number.split())
    problems = {}
    if not number:
        problems["number"] = "Укажите номер приказа."
    if date is None:
        problems["date"] = "Укажите дату приказа."
    if not signatory_name.strip():
        problems["signatory_name"] = "Укажите, кто подписал приказ (фамилия и инициалы)."
    if not signatory_post.strip():
        problems["signatory_post"] = "Укажите должность подписавшего."
    if problems:
        raise ValidationError(problems)
    if Order.objects.filter(number=number, date__year=date.year).exists():
        raise ValidationError(
            {"number": f"Приказ № {number} в {date.year} году уже записан в реестре."}
        )
    try:
        with transaction.atomic():
            order = Order.objects.create(
                number=number,
                date=date,
                kind=kind,
                title=title or OrderKind(kind).label.capitalize(),
                signatory_name=" ".join(signatory_name.split()),
                signatory_post=" ".join(signatory_post.split()),
                created_by=actor if getattr(actor, "is_authenticated", False) else None,
            )
            audit_record(
                actor=actor,
                action="order.create",
                obj=order,
                changes={"приказ": (None, f"{order.reference}, {order.get_kind_display()}")},
                source=source,
                request=request,
            )
    except IntegrityError as error:  # recorded by someone else a moment ago
        raise ValidationError(
            {"number": f"Приказ № {number} в {date.year} году уже записан в реестре."}
        ) from error
    return order
