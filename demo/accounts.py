"""Demo accounts: one user for every role, with passwords that pass the validators.

Called by `manage.py seed_demo`, which prints DEMO_LOGINS at the end of its report. Existing
usernames are left alone, so running it again adds nothing.
"""

import base64
import datetime
import random
from dataclasses import dataclass

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import services
from accounts.access import requires_two_factor
from accounts.models import Role, User
from audit.models import AuditSource
from registry.models import Municipality


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    role: Role
    last_name: str
    first_name: str
    middle_name: str
    municipality: str = ""
    note: str = ""  # what the account is for in the demo, when the role does not say it


DEMO_USERS = [
    DemoUser("admin", "rezerv-admin-2026", Role.ADMIN, "Соколов", "Дмитрий", "Андреевич"),
    DemoUser("ministry", "rezerv-ministry-2026", Role.MINISTRY, "Кузнецова", "Елена", "Викторовна"),
    DemoUser(
        "coordinator",
        "rezerv-coordinator-2026",
        Role.MUNICIPAL,
        "Морозова",
        "Ирина",
        "Сергеевна",
        municipality="город Оренбург",
    ),
    DemoUser(
        "coordinator-orsk",
        "rezerv-orsk-2026",
        Role.MUNICIPAL,
        "Павлов",
        "Алексей",
        "Николаевич",
        municipality="город Орск",
    ),
    DemoUser("expert", "rezerv-expert-2026", Role.EXPERT, "Лебедева", "Наталья", "Геннадьевна"),
    DemoUser("mentor", "rezerv-mentor-2026", Role.MENTOR, "Григорьев", "Сергей", "Петрович"),
    DemoUser(
        "head",
        "rezerv-head-2026",
        Role.MENTOR,
        "Белоусова",
        "Татьяна",
        "Михайловна",
        note="директор школы резервиста «candidate»: подтверждает применение в практике",
    ),
    DemoUser(
        "candidate", "rezerv-candidate-2026", Role.CANDIDATE, "Васильева", "Ольга", "Александровна"
    ),
]

# The demo's authenticator key, shared by every demo account that signs in with a second factor.
# Only demo data uses it: `manage.py demo_totp LOGIN` prints the current code, or
# `oathtool --totp -b DEMO_TOTP_SECRET` does. A real installation never runs seed_demo.
DEMO_TOTP_SECRET = "KRSXG5CROIQGK3TBMJWGKZBAMRSW233P"  # noqa: S105 - demo data only (base32)


def demo_totp_key() -> str:
    """Return the demo key in django-otp's form (hex)."""
    return base64.b32decode(DEMO_TOTP_SECRET).hex()


def _aside(user: DemoUser) -> str:
    """Return « (город Оренбург)» or « (what the account is for)», or nothing."""
    aside = user.municipality or user.note
    return f" ({aside})" if aside else ""


# (username, password, who) for the end of the seed_demo report and the README.
DEMO_LOGINS = [
    (
        user.username,
        user.password,
        f"{user.role.label}{_aside(user)}",
    )
    for user in DEMO_USERS
]


def has_data() -> bool:
    """Return whether any account exists."""
    return User.objects.exists()


@transaction.atomic
def seed(*, rng: random.Random, today: datetime.date) -> list[str]:
    """Create the demo users that are not there yet; return lines for the report."""
    existing = set(
        User.objects.filter(username__in=[user.username for user in DEMO_USERS]).values_list(
            "username", flat=True
        )
    )
    municipalities = {item.name: item for item in Municipality.objects.all()}
    created = 0
    for demo in DEMO_USERS:
        if demo.username in existing:
            continue
        services.user_create(
            username=demo.username,
            password=demo.password,
            role=demo.role,
            municipality=municipalities.get(demo.municipality),
            last_name=demo.last_name,
            first_name=demo.first_name,
            middle_name=demo.middle_name,
            email=f"{demo.username}@obr56.example",
            phone=f"+7 (3532) {rng.randint(30, 99)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}",
            actor=None,
            source=AuditSource.COMMAND,
        )
        created += 1
    enrolled = enrol_demo_second_factor()
    return [
        f"Пользователи: создано {created}, уже были {len(existing)}.",
        f"Двухфакторный вход с демонстрационным ключом: {', '.join(enrolled) or 'нет'}.",
    ]


def enrol_demo_second_factor() -> list[str]:
    """Give the demo accounts that need a second factor an app with the demo key."""
    enrolled = []
    for user in User.objects.filter(username__in=[demo.username for demo in DEMO_USERS]):
        if not requires_two_factor(user):
            continue
        if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            TOTPDevice.objects.create(
                user=user, name="Демонстрационный ключ", key=demo_totp_key(), confirmed=True
            )
        enrolled.append(user.username)
    return sorted(enrolled)
