"""Fill the database with a believable demo region: organizations, users, and each stage's data.

The stages run in the order of STAGES, which is the order of the cycle, so each may use what the
ones before it created. Each stage module has `has_data() -> bool` and
`seed(*, rng, today) -> list[str]`.
"""

import datetime
import random
import time
from dataclasses import dataclass
from typing import Protocol

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from demo import (
    accounts,
    assessment,
    development,
    monitoring,
    onboarding,
    registry,
    roadmap,
    selection,
)

SEED = 56  # the region's code: the same demo data on every machine


class StageModule(Protocol):
    def has_data(self) -> bool: ...

    def seed(self, *, rng: random.Random, today: datetime.date) -> list[str]: ...


@dataclass(frozen=True)
class Stage:
    # The app the stage fills: it starts the stage's report lines and names its random
    # generator, so renaming it changes the demo data.
    label: str
    module: StageModule
    logins: tuple[tuple[str, str, str], ...] = ()  # (username, password, who) to print at the end


STAGES = [
    Stage("registry", registry),
    Stage("accounts", accounts, logins=tuple(accounts.DEMO_LOGINS)),
    Stage("governance", roadmap),
    Stage("candidates", selection),
    Stage("assessment", assessment, logins=tuple(assessment.DEMO_LOGINS)),
    Stage("development", development),
    Stage("onboarding", onboarding),
    Stage("monitoring", monitoring),
]


class Command(BaseCommand):
    help = "Создать демонстрационные данные: организации региона, пользователей всех ролей."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Ничего не делать для разделов, где данные уже есть.",
        )

    def handle(self, *args, if_empty: bool = False, **options) -> None:
        started = time.monotonic()
        today = timezone.localdate()
        logins: list[tuple[str, str, str]] = []
        for stage in STAGES:
            if if_empty and stage.module.has_data():
                self.stdout.write(f"{stage.label}: данные уже есть, пропускаю.")
                continue
            # One generator per stage: adding a stage's demo data never changes another stage's.
            rng = random.Random(f"{SEED}:{stage.label}")
            for line in stage.module.seed(rng=rng, today=today):
                self.stdout.write(f"{stage.label}: {line}")
            logins += stage.logins
        self.stdout.write(f"Готово за {time.monotonic() - started:.1f} с.")
        if logins:
            self.stdout.write("")
            self.stdout.write(
                "Администратор, специалист министерства, координаторы и эксперт подтверждают "
                "вход кодом из приложения-аутентификатора. Демонстрационный ключ: "
                f"{accounts.DEMO_TOTP_SECRET}; текущий код: manage.py demo_totp ЛОГИН "
                f"(или oathtool --totp -b {accounts.DEMO_TOTP_SECRET})."
            )
            self.stdout.write("Демонстрационные учётные записи (логин / пароль — кто):")
            for username, password, who in logins:
                self.stdout.write(f"  {username} / {password} — {who}")
