"""Settings from the environment, production's refusals, check --deploy, language, zone, dates."""

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.template import Context, Template
from django.utils import formats, timezone, translation

ROOT = Path(__file__).resolve().parent.parent
STRONG_SECRET_KEY = "k3Qz-8vN_r2Lw5pX7yT1mB9cD4fG6hJ0sA_uE3iO8qR2tY5wZ7xC1vB4nM6-PRODLIKE"
PRODUCTION = "reserve_portal.settings.production"
PRODUCTION_ENVIRONMENT = {
    "SECRET_KEY": STRONG_SECRET_KEY,
    "ALLOWED_HOSTS": "rezerv.minobr.orb.ru",
    "DATABASE_URL": "postgres://portal:secret@db.internal:5432/kadrovy_rezerv",
}


def _environment(settings_module: str, **variables: str) -> dict[str, str]:
    """Return a clean environment: none of the caller's Django or database variables leak in."""
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "DJANGO_SETTINGS_MODULE": settings_module,
    }
    environment.update(variables)
    return environment


def _run(arguments: list[str], environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run Python in the project folder with exactly this environment."""
    return subprocess.run(  # noqa: S603 - our own interpreter with fixed arguments
        [sys.executable, *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _settings_values(settings_module: str, names: list[str], **variables: str) -> dict:
    """Import a settings module in a fresh interpreter and return the named settings."""
    code = (
        "import importlib, json, os, sys\n"
        "module = importlib.import_module(os.environ['DJANGO_SETTINGS_MODULE'])\n"
        "print(json.dumps({name: getattr(module, name) for name in sys.argv[1:]}, default=str))\n"
    )
    result = _run(["-c", code, *names], _environment(settings_module, **variables))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _database_settings(settings_module: str, **variables: str) -> dict:
    """Return the default database a settings module builds from this environment."""
    return _settings_values(settings_module, ["DATABASES"], **variables)["DATABASES"]["default"]


def _manage(arguments: list[str], settings_module: str, **variables: str):
    return _run(["manage.py", *arguments], _environment(settings_module, **variables))


def test_it_reads_a_postgres_database_url() -> None:
    database = _database_settings(
        "reserve_portal.settings.local",
        DATABASE_URL="postgres://portal:secret@db.internal:6543/kadrovy_rezerv",
    )

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"]) == ("db.internal", 6543)
    assert (database["NAME"], database["USER"]) == ("kadrovy_rezerv", "portal")
    assert database["PASSWORD"] == "secret"


def test_it_reads_a_sqlite_database_url(tmp_path: Path) -> None:
    path = tmp_path / "portal.sqlite3"

    database = _database_settings("reserve_portal.settings.local", DATABASE_URL=f"sqlite:///{path}")

    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(path)


def test_it_defaults_to_a_sqlite_file_in_the_project_folder() -> None:
    database = _database_settings("reserve_portal.settings.local")

    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(ROOT / "db.sqlite3")


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_it_refuses_to_start_production_without_a_required_variable(missing: str) -> None:
    environment = {name: value for name, value in PRODUCTION_ENVIRONMENT.items() if name != missing}

    result = _manage(["check"], PRODUCTION, **environment)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"Переменная окружения {missing} не задана" in result.stderr


def test_it_treats_an_empty_production_variable_as_missing() -> None:
    result = _manage(["check"], PRODUCTION, **{**PRODUCTION_ENVIRONMENT, "SECRET_KEY": ""})

    assert result.returncode != 0
    assert "Переменная окружения SECRET_KEY не задана" in result.stderr


def test_it_never_debugs_in_production() -> None:
    values = _settings_values(PRODUCTION, ["DEBUG"], **PRODUCTION_ENVIRONMENT, DEBUG="true")

    assert values == {"DEBUG": False}


def test_it_passes_check_deploy_in_production() -> None:
    result = _manage(
        ["check", "--deploy", "--fail-level", "WARNING"], PRODUCTION, **PRODUCTION_ENVIRONMENT
    )

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in output
    assert "WARNING" not in output


def test_it_speaks_russian_in_the_yekaterinburg_time_zone() -> None:
    assert settings.LANGUAGE_CODE == "ru"
    assert settings.TIME_ZONE == "Asia/Yekaterinburg"
    assert settings.USE_I18N is True
    assert settings.USE_TZ is True
    assert [code for code, _name in settings.LANGUAGES] == ["ru"]


def test_it_writes_dates_as_day_month_year() -> None:
    with translation.override("ru"):
        rendered = Template("{{ day|date }} {{ day|date:'SHORT_DATE_FORMAT' }}").render(
            Context({"day": datetime.date(2026, 3, 5)})
        )

    assert rendered == "05.03.2026 05.03.2026"


def test_it_shows_times_in_yekaterinburg() -> None:
    moment = datetime.datetime(2026, 3, 5, 10, 30, tzinfo=datetime.UTC)

    with translation.override("ru"), timezone.override(settings.TIME_ZONE):
        rendered = formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")

    assert rendered == "05.03.2026 15:30"


def test_it_reads_dates_typed_as_day_month_year_and_iso() -> None:
    field = forms.DateField()

    with translation.override("ru"):
        assert field.clean("05.03.2026") == datetime.date(2026, 3, 5)
        assert field.clean("2026-03-05") == datetime.date(2026, 3, 5)
        with pytest.raises(forms.ValidationError):
            field.clean("03/05/2026")
