"""The README's production install, end to end, on a fresh PostgreSQL database.

Production settings, `check --deploy`, `migrate`, `collectstatic`, then gunicorn on a free
loopback port: the sign-in page and a static file must answer 200. It runs in `make test`
(and so in CI), where DATABASE_URL names the throwaway PostgreSQL cluster.
"""

import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DATABASE_URL = os.environ.get("DATABASE_URL", "")

pytestmark = pytest.mark.skipif(
    not DATABASE_URL.startswith("postgres"),
    reason="the production path needs PostgreSQL: make test provides it",
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def fresh_database():
    """Create an empty database next to the test database; drop it afterwards."""
    import psycopg2

    name = f"smoke_{secrets.token_hex(4)}"
    parts = urlsplit(DATABASE_URL)
    admin = psycopg2.connect(urlunsplit(parts._replace(path="/postgres")))
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _environment(database_url: str, static_root: Path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "DJANGO_SETTINGS_MODULE": "reserve_portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(static_root),
        "ADMINS": "Дежурный <duty@example.org>",
    }


def _manage(environment: dict[str, str], *arguments: str) -> str:
    result = subprocess.run(  # noqa: S603 - our own interpreter with fixed arguments
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, f"manage.py {' '.join(arguments)}:\n{result.stderr[-3000:]}"
    return result.stdout + result.stderr


def _get(url: str) -> tuple[int, bytes, dict]:
    # As nginx would send it: the request came over HTTPS.
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def _wait_until_serving(port: int, server: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, "gunicorn exited before serving"
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)  # polling a starting server, bounded by the deadline
    raise AssertionError(f"gunicorn did not listen on {port} within {seconds} s")


def test_the_readme_production_install_serves_pages_and_static_files(fresh_database, tmp_path):
    environment = _environment(fresh_database, tmp_path / "staticfiles")

    deploy = _manage(environment, "check", "--deploy", "--fail-level", "WARNING")
    assert "no issues" in deploy
    _manage(environment, "migrate", "--noinput")
    _manage(environment, "collectstatic", "--noinput")
    assert (tmp_path / "staticfiles" / "staticfiles.json").exists()

    port = _free_port()
    server = subprocess.Popen(  # noqa: S603 - the project's gunicorn with fixed arguments
        [
            str(BIN / "gunicorn"),
            "reserve_portal.wsgi:application",
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_until_serving(port, server)
        status, body, headers = _get(f"http://127.0.0.1:{port}/accounts/login/")
        assert status == 200, body[-2000:]
        html = body.decode()
        assert "Вход в портал" in html
        assert headers.get("X-Request-ID")
        stylesheet = re.search(
            r'href="(/static/vendor/bootstrap/bootstrap\.min\.[0-9a-f]+\.css)"', html
        )
        assert stylesheet, "the page links the hashed stylesheet from the manifest"
        static_status, static_body, static_headers = _get(f"http://127.0.0.1:{port}{stylesheet[1]}")
        assert static_status == 200
        assert b".btn" in static_body
        assert "max-age" in static_headers.get("Cache-Control", "")
        admin_status, _, _ = _get(f"http://127.0.0.1:{port}/admin/login/")
        assert admin_status == 200
        missing, _, _ = _get(f"http://127.0.0.1:{port}/no-such-page/")
        assert missing == 404
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0].decode(errors="replace")
    assert "Traceback" not in output, output[-3000:]
