"""Print the current second-factor code of a demo account (the demo key only)."""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from demo.accounts import DEMO_TOTP_SECRET, demo_totp_key


class Command(BaseCommand):
    help = "Показать текущий код двухфакторного входа демонстрационной учётной записи."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="логин, например ministry")

    def handle(self, *args, username: str, **options) -> None:
        device = TOTPDevice.objects.filter(
            user__username=username, confirmed=True, key=demo_totp_key()
        ).first()
        if device is None:
            # A real account's key is never printed: only the demo key is known here.
            raise CommandError(
                f"У «{username}» нет демонстрационного ключа (он есть только у демо-учётных "
                "записей после manage.py seed_demo)."
            )
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        seconds_left = device.step - int(totp.time - device.t0) % device.step
        self.stdout.write(f"{totp.token():0{device.digits}d}")
        self.stderr.write(
            f"Код действует ещё {seconds_left} с. Ключ демо-данных: {DEMO_TOTP_SECRET} "
            f"(oathtool --totp -b {DEMO_TOTP_SECRET})."
        )
