"""Back up and restore the portal's database: pg_dump/pg_restore on PostgreSQL, SQLite's API.

Uploaded documents live in MEDIA_ROOT and are backed up with the file system, not here.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connections


class BackupError(Exception):
    """A backup or restore that could not be done, with the reason in Russian."""


def _postgres_arguments(settings: dict) -> tuple[list[str], dict[str, str]]:
    arguments = ["--dbname", settings["NAME"]]
    if settings.get("HOST"):
        arguments += ["--host", str(settings["HOST"])]
    if settings.get("PORT"):
        arguments += ["--port", str(settings["PORT"])]
    if settings.get("USER"):
        arguments += ["--username", settings["USER"]]
    environment = dict(os.environ)
    if settings.get("PASSWORD"):
        environment["PGPASSWORD"] = settings["PASSWORD"]
    return arguments, environment


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"Не найдена программа {name}: установите пакет postgresql-client.")
    return path


def _run(command: list[str], environment: dict[str, str]) -> None:
    finished = subprocess.run(  # noqa: S603 — fixed programs, arguments from settings
        command, env=environment, capture_output=True, text=True, check=False
    )
    if finished.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} завершился с ошибкой:\n{finished.stderr}")


def database_backup(*, path: Path, alias: str = "default") -> Path:
    """Write a complete copy of the database to the file."""
    connection = connections[alias]
    settings = connection.settings_dict
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "postgresql":
        arguments, environment = _postgres_arguments(settings)
        _run(
            [_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(path), *arguments],
            environment,
        )
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
    else:
        raise BackupError(f"Резервное копирование для базы {connection.vendor} не поддерживается.")
    return path


def database_restore(*, path: Path, alias: str = "default") -> None:
    """Replace the database's contents with those of a backup file."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"Файл резервной копии не найден: {path}")
    connection = connections[alias]
    settings = connection.settings_dict
    connection.close()  # the restore replaces tables this connection may hold open
    if connection.vendor == "postgresql":
        arguments, environment = _postgres_arguments(settings)
        _run(
            [
                _tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                *arguments,
                str(path),
            ],
            environment,
        )
    elif connection.vendor == "sqlite":
        with sqlite3.connect(path) as source, sqlite3.connect(settings["NAME"]) as target:
            source.backup(target)
    else:
        raise BackupError(f"Восстановление для базы {connection.vendor} не поддерживается.")
