"""Measure the registry import against merely reading the same file, and hostile refusals.

    DATABASE_URL=postgres://… .venv/bin/python benchmarks/registry_import.py \
        [--rows 10000] [--repeat 3] [--libreoffice]

Creates a scratch database next to the one in DATABASE_URL, migrates it, generates an .xlsx of
--rows organizations and times, each in a fresh process and the best of --repeat runs:
(a) reading the file with the registry reader, (b) the dry-run plan, (c) the import into an
empty registry, (d) the re-import of the same file; then the refusal of each hostile file.
With --libreoffice the same file is measured again as LibreOffice resaves it: with shared
strings, as Excel writes them, which openpyxl reads faster than the inline strings it writes.
CPU seconds are given for the measuring process, its reading worker and the PostgreSQL backend
(when the server runs on this machine); peak memory is the largest resident size of the
measuring process and, separately, of the worker (a fork shares its pages with the process).
DESIGN §8 asks (c) to run at ≥ 70 % of the speed of (a).
"""

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCRATCH_DATABASE = "registry_benchmark"


def _inn(seed: int) -> str:
    body = f"56{seed % 10_000_000:07d}"
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    return body + str(sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11 % 10)


def _ogrn(seed: int) -> str:
    body = f"10256{seed % 10_000_000:07d}"
    return body + str(int(body) % 11 % 10)


def generate(path: Path, rows: int) -> None:
    """Write a registry of the given number of rows in the canonical template."""
    from openpyxl import Workbook

    from registry.importing.columns import TEMPLATE_HEADERS

    municipalities = ["город Оренбург", "г. Орск", "Тоцкий район", "Абдулинский ГО", "г.Бузулук"]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Реестр"
    sheet.append(TEMPLATE_HEADERS)
    for number in range(rows):
        sheet.append(
            [
                municipalities[number % len(municipalities)],
                "Муниципальное общеобразовательное бюджетное учреждение "
                f"«Средняя общеобразовательная школа № {number + 1}»",
                f"МОБУ «СОШ № {number + 1}»",
                "общеобразовательная организация",
                int(_inn(number)) if number % 2 else _inn(number),
                "561001001",
                _ogrn(number),
                f"460000, Оренбургская область, ул. Ленина, д. {number % 200 + 1}",
                "+7 (3532) 77-14-70",
                f"school{number + 1}@obr56.example",
                f"https://school{number + 1}.obr56.example",
                300 + number % 900,
                "Иванова Анна Петровна",
                datetime.date(1960, 1, 1) + datetime.timedelta(days=number % 10_000),
                f"{number % 28 + 1:02d}.06.2028",
            ]
        )
    workbook.save(path)


def measure(kind: str, path: Path) -> dict:
    """Run one measurement in this process and return its figures."""
    import resource
    from multiprocessing import forkserver

    import django

    django.setup()
    from django.db import connection

    from core.spreadsheets import detect_format, read_spreadsheet
    from registry.importing import registry_read_limits
    from registry.services import registry_import_apply, registry_import_preview

    with connection.cursor() as cursor:
        if kind == "import":
            cursor.execute("TRUNCATE registry_organization, audit_auditevent CASCADE")
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    result: dict = {}
    cpu_before = _cpu_seconds(resource.RUSAGE_SELF), _server_cpu_seconds(backend)
    started = time.perf_counter()
    if kind == "read":
        limits = registry_read_limits()
        _, sheets = read_spreadsheet(path, detect_format(path, limits), limits)
        result["rows"] = sum(1 for _, rows in sheets for _ in rows)
    else:
        if kind == "plan":
            report = registry_import_preview(path=path)
        else:
            report = registry_import_apply(path=path, actor=None)
        result.update(summary=report.summary(), problem=report.problem)
        result["rows"] = report.created + report.updated + report.unchanged
    result["seconds"] = time.perf_counter() - started
    result["cpu"] = _cpu_seconds(resource.RUSAGE_SELF) - cpu_before[0]
    result["server_cpu"] = _server_cpu_seconds(backend) - cpu_before[1]
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # The worker is a child of the fork server; once the server is stopped and reaped, the
    # largest of them shows in RUSAGE_CHILDREN.
    forkserver._forkserver._stop()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    result["worker_peak_mb"] = children.ru_maxrss / 1024
    result["worker_cpu"] = children.ru_utime + children.ru_stime
    return result


def _cpu_seconds(who: int) -> float:
    import resource

    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _server_cpu_seconds(pid: int) -> float:
    """Return the CPU time of the PostgreSQL backend when it runs on this machine, else 0."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _run_child(kind: str, path: Path, environment: dict) -> dict:
    completed = subprocess.run(  # noqa: S603 — this script with its own arguments
        [sys.executable, __file__, "--measure", kind, str(path)],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if completed.returncode != 0:
        raise SystemExit(completed.stderr)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def _best_of(kinds: list[str], path: Path, environment: dict, repeat: int) -> dict[str, dict]:
    """Run the measurements in turn, repeat times, and keep each one's fastest run."""
    # Taking turns spreads any load from other processes over all of them alike.
    runs: dict[str, list[dict]] = {kind: [] for kind in kinds}
    for _ in range(repeat):
        for kind in kinds:
            runs[kind].append(_run_child(kind, path, environment))
    best = {}
    for kind, results in runs.items():
        best[kind] = min(results, key=lambda run: run["seconds"])
        best[kind]["peak_mb"] = max(run["peak_mb"] for run in results)
        best[kind]["worker_peak_mb"] = max(run["worker_peak_mb"] for run in results)
    return best


def _scratch_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{SCRATCH_DATABASE}"))


def _admin_sql(url: str, statement: str) -> None:
    import psycopg2

    parts = urlsplit(url)
    connection = psycopg2.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username,
        password=parts.password,
        dbname="postgres",
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(statement)
    connection.close()


def _line(label: str, figures: dict) -> str:
    rate = figures["rows"] / figures["seconds"] if figures["seconds"] else 0
    cpu = figures["cpu"] + figures["worker_cpu"] + figures["server_cpu"]
    worker = f", рабочий процесс {figures['worker_peak_mb']:.0f} МБ" * bool(
        figures["worker_peak_mb"]
    )
    return (
        f"{label:<30} {figures['seconds']:5.2f} с {rate:7.0f} строк/с  "
        f"ЦП {cpu:4.1f} с (процесс {figures['cpu']:.1f} + рабочий {figures['worker_cpu']:.1f}"
        f" + PostgreSQL {figures['server_cpu']:.1f})  пик памяти {figures['peak_mb']:.0f} МБ"
        f"{worker}"
    )


def main() -> None:
    """Prepare the scratch database and the file, run the measurements, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--libreoffice",
        action="store_true",
        help="also measure the file as LibreOffice resaves it (needs soffice)",
    )
    parser.add_argument("--measure", nargs=2, metavar=("KIND", "FILE"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reserve_portal.settings.test")
    if arguments.measure:
        kind, file_name = arguments.measure
        print(json.dumps(measure(kind, Path(file_name))))
        return
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        raise SystemExit("Укажите DATABASE_URL=postgres://… — замеры делаются на PostgreSQL.")
    scratch = _scratch_url(url)
    _admin_sql(url, f"DROP DATABASE IF EXISTS {SCRATCH_DATABASE}")
    _admin_sql(url, f"CREATE DATABASE {SCRATCH_DATABASE}")
    environment = {**os.environ, "DATABASE_URL": scratch}
    try:
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--verbosity", "0"],
            env=environment,
            cwd=ROOT,
            check=True,
        )
        with tempfile.TemporaryDirectory() as folder:
            _report(Path(folder), arguments, environment)
    finally:
        _admin_sql(url, f"DROP DATABASE IF EXISTS {SCRATCH_DATABASE}")


def _measure_file(title: str, path: Path, arguments: argparse.Namespace, environment: dict):
    size = path.stat().st_size / (1024 * 1024)
    print(f"{title}: {arguments.rows} строк, {size:.1f} МБ; лучший из {arguments.repeat} запусков.")
    # "import" empties the registry first; "reimport" then finds the file already imported.
    best = _best_of(["read", "plan", "import", "reimport"], path, environment, arguments.repeat)
    read, plan, full, again = (best[kind] for kind in ("read", "plan", "import", "reimport"))
    print(_line("(a) чтение файла", read))
    print(_line("(b) пробный запуск (план)", plan))
    print(_line("(c) импорт в пустой реестр", full))
    print(_line("(d) повторный импорт", again))
    print(f"    {full['summary']} / {again['summary']}")
    ratio = read["seconds"] / full["seconds"]
    print(f"Скорость импорта: {ratio:.0%} скорости чтения (нужно не меньше 70 %)")


def _resaved_by_libreoffice(path: Path) -> Path | None:
    """Return the file as LibreOffice saves it (shared strings, as Excel writes), if it can."""
    soffice = shutil.which("soffice")
    if soffice is None:
        print("LibreOffice (soffice) не найден — замер на файле с общими строками пропущен.")
        return None
    folder = path.parent / "libreoffice"
    subprocess.run(  # noqa: S603 — a fixed program and our own file
        [
            soffice,
            "--headless",
            "--calc",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(folder),
            str(path),
        ],
        capture_output=True,
        check=True,
        timeout=600,
    )
    return folder / path.name


def _report(folder: Path, arguments: argparse.Namespace, environment: dict) -> None:
    path = folder / "registry.xlsx"
    generate(path, arguments.rows)
    _measure_file("Файл openpyxl (строки в ячейках)", path, arguments, environment)
    if arguments.libreoffice:
        resaved = _resaved_by_libreoffice(path)
        if resaved is not None:
            _measure_file(
                "Тот же файл из LibreOffice (общие строки, как у Excel)",
                resaved,
                arguments,
                environment,
            )
    print("Опасные файлы (отказ, время и пик памяти):")
    from tests.registry.hostile_files import HOSTILE_FILES

    for name, build in HOSTILE_FILES.items():
        hostile_path = folder / f"{name}.xlsx"
        build(hostile_path)
        figures = _run_child("plan", hostile_path, environment)
        print(
            f"  {name:<28} {figures['seconds']:5.2f} с  {figures['peak_mb']:4.0f} МБ"
            f" (рабочий процесс {figures['worker_peak_mb']:.0f} МБ)  {figures['problem'][:70]}…"
        )


if __name__ == "__main__":
    main()
