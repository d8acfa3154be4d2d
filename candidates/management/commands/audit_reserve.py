"""Check the reserve against the Regulation in force; exit 1 listing every violation."""

from django.core.management.base import BaseCommand, CommandError

from candidates.models import Nomination, ReserveMembership
from candidates.reserve_audit import reserve_violations
from governance.selectors import regulation_in_force


class Command(BaseCommand):
    help = "Проверить кадровый резерв на соответствие действующему Положению."

    def handle(self, *args, **options) -> None:
        violations = reserve_violations(
            ReserveMembership.objects.all(), Nomination.objects.all(), regulation_in_force()
        )
        for violation in violations:
            self.stdout.write(str(violation))
        if violations:
            raise CommandError(f"Нарушений Положения: {len(violations)}.")
        self.stdout.write("Нарушений Положения нет.")
