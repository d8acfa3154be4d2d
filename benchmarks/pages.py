"""Time the key pages at the demo's size and at scale, and count their queries (DESIGN §8).

    DATABASE_URL=postgres://… .venv/bin/python benchmarks/pages.py [--copies 2000] [--repeat 30]

Creates a scratch database next to the one in DATABASE_URL, migrates it and loads the demo
(`seed_demo`: 1 000 organizations, about 50 people through every stage), then measures each page
in this process with Django's test client, signed in as the role that uses it: the SQL queries of
one request and, over --repeat requests after a warm-up, the median and the 95th percentile.
Then the registry and the people are multiplied (benchmarks/scale_data.py: every person with
their applications, documents, assessments, plans and reserve memberships copied --copies times,
the organizations a hundred times) and the same pages are measured again. The table shows both
query counts — the same number means the page does not query per row — and the times at scale
against the bar of 300 ms. The scratch database is dropped at the end (kept with --keep).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCRATCH_DATABASE = "pages_benchmark"
BAR_MS = 300


def _scratch_url(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{SCRATCH_DATABASE}"))


def _admin_sql(url: str, statement: str) -> None:
    import psycopg2

    parts = urlsplit(url)
    connection = psycopg2.connect(
        dbname="postgres",
        user=parts.username,
        password=parts.password,
        host=parts.hostname,
        port=parts.port,
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(statement)
    connection.close()


def pages() -> list[tuple[str, str, str]]:
    """Return (label, username, path) of the key pages, for the demo's objects."""
    from assessment.models import Campaign, CampaignStatus
    from registry.models import Municipality

    orenburg = Municipality.objects.get(name="город Оренбург").pk
    campaign = Campaign.objects.filter(status=CampaignStatus.CLOSED).order_by("pk").first().pk
    return [
        ("Главная министерства (панель области)", "ministry", "/accounts/home/ministry/"),
        ("Показатели", "ministry", "/monitoring/indicators/"),
        (
            "Показатель: список за числом",
            "ministry",
            f"/monitoring/indicators/reserve_size/?municipality={orenburg}",
        ),
        ("Сводка для стратегической сессии", "ministry", "/monitoring/summary/"),
        ("Заявки (конвейер)", "ministry", "/selection/pipeline/"),
        ("Поиск в заявках по ФИО", "ministry", "/selection/pipeline/?q=Васильева"),
        ("Резерв", "ministry", "/selection/reserve/"),
        ("Реестр организаций", "ministry", "/registry/organizations/"),
        ("Рейтинг кампании", "ministry", f"/assessment/staff/campaigns/{campaign}/ranking/"),
        ("Талант-ревью", "ministry", "/assessment/talent/"),
        ("Планы развития", "ministry", "/development/plans/"),
        ("Прогноз вакансий", "ministry", "/onboarding/forecast/"),
        ("Покрытие резервом", "ministry", "/onboarding/coverage/"),
        ("Дорожная карта", "ministry", "/roadmap/"),
        ("Главная координатора", "coordinator", "/accounts/home/municipal/"),
        ("Заявки координатора", "coordinator", "/selection/pipeline/"),
        ("Главная эксперта", "expert", "/accounts/home/expert/"),
        ("Главная наставника", "mentor", "/accounts/home/mentor/"),
        ("Главная кандидата", "candidate", "/accounts/home/candidate/"),
    ]


def _client(username: str):
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.models import User

    user = User.objects.get(username=username)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:  # the demo's staff have their authenticator app enrolled
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def measure(repeat: int) -> dict[str, dict]:
    """Return per page: queries of one request, median and p95 in ms over `repeat` requests."""
    from django.db import connection

    clients: dict = {}
    executed: list[str] = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    figures = {}
    for label, username, path in pages():
        client = clients.setdefault(username, _client(username))
        executed.clear()
        with connection.execute_wrapper(count):
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} ({username}): {response.status_code}")
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        figures[label] = {
            "queries": len(executed),
            "p50": statistics.median(timings),
            "p95": timings[max(0, round(0.95 * len(timings)) - 1)],
        }
    return figures


def sizes() -> dict[str, int]:
    from assessment.models import Participant, Response
    from candidates.models import Candidate, Nomination, ReserveMembership
    from development.models import PlanItem
    from registry.models import Organization

    return {
        "организаций": Organization.objects.count(),
        "кандидатов": Candidate.objects.count(),
        "заявок": Nomination.objects.count(),
        "резервистов": ReserveMembership.objects.count(),
        "участников оценки": Participant.objects.count(),
        "ответов на инструменты": Response.objects.count(),
        "пунктов планов": PlanItem.objects.count(),
    }


def report(small: dict, large: dict) -> None:
    width = max(len(label) for label in small)
    print(f"\n{'Страница':<{width}}  запросов: демо → масштаб  p50, мс  p95, мс  ≤ {BAR_MS} мс")
    for label, at_scale in large.items():
        queries = f"{small[label]['queries']} → {at_scale['queries']}"
        mark = "✓" if at_scale["p95"] <= BAR_MS else "✗"
        print(
            f"{label:<{width}}  {queries:>24}  {at_scale['p50']:>7.0f}  "
            f"{at_scale['p95']:>7.0f}  {mark}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2000, help="copies of every person")
    parser.add_argument("--organizations", type=int, default=100, help="copies of the registry")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument(
        "--keep", action="store_true", help=f"keep the database {SCRATCH_DATABASE} to look into"
    )
    arguments = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reserve_portal.settings.test")
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        raise SystemExit("Укажите DATABASE_URL=postgres://… — замеры делаются на PostgreSQL.")
    _admin_sql(url, f"DROP DATABASE IF EXISTS {SCRATCH_DATABASE}")
    _admin_sql(url, f"CREATE DATABASE {SCRATCH_DATABASE}")
    os.environ["DATABASE_URL"] = _scratch_url(url)
    try:
        _run(arguments)
    finally:
        from django.db import connections

        connections.close_all()
        if not arguments.keep:
            _admin_sql(url, f"DROP DATABASE IF EXISTS {SCRATCH_DATABASE}")


def _run(arguments: argparse.Namespace) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    from benchmarks.scale_data import multiply

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    print(f"Демо загружено за {time.perf_counter() - started:.0f} с: {sizes()}")
    small = measure(arguments.repeat)
    started = time.perf_counter()
    multiply(people=arguments.copies, organizations=arguments.organizations)
    print(f"Данные размножены за {time.perf_counter() - started:.0f} с: {sizes()}")
    large = measure(arguments.repeat)
    report(small, large)


if __name__ == "__main__":
    main()
