"""Fill the database with a believable demo region: organizations, users, and each stage's data.

Every app may have a `demo` module with `has_data() -> bool` and
`seed(*, rng, today) -> list[str]`, and optionally `DEMO_LOGINS` [(username, password, who)].
The modules run in INSTALLED_APPS order, which is the order of the stages, so each may use what
the ones before it created.
"""

import importlib
import importlib.util
import random
import time
from types import ModuleType

from django.apps import apps
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

SEED = 56  # the region's code: the same demo data on every machine


def demo_modules() -> list[ModuleType]:
    """Return the demo modules of the installed apps, in dependency order."""
    modules = []
    for config in apps.get_app_configs():
        name = f"{config.name}.demo"
        if importlib.util.find_spec(name) is not None:
            modules.append(importlib.import_module(name))
    return modules


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
        for module in demo_modules():
            app_label = module.__name__.rsplit(".", 1)[0]
            if if_empty and module.has_data():
                self.stdout.write(f"{app_label}: данные уже есть, пропускаю.")
                continue
            # One generator per app: adding a stage's demo data never changes another stage's.
            rng = random.Random(f"{SEED}:{app_label}")
            for line in module.seed(rng=rng, today=today):
                self.stdout.write(f"{app_label}: {line}")
            logins += getattr(module, "DEMO_LOGINS", [])
        self.stdout.write(f"Готово за {time.monotonic() - started:.1f} с.")
        if logins:
            self.stdout.write("")
            self.stdout.write("Демонстрационные учётные записи (логин / пароль — кто):")
            for username, password, who in logins:
                self.stdout.write(f"  {username} / {password} — {who}")
