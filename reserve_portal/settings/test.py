"""Settings for the test suite: PostgreSQL from DATABASE_URL (make test starts one)."""

import atexit
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast hashing in tests only
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once in the test process; tests of the queue itself switch to the database backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# No collectstatic in tests: serve the source static/ directory, as in development.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Uploaded files of the tests go to a throwaway folder, never into the project's private_media.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="kadrovy-rezerv-test-media-"))
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: the SQLite tests run requests in threads against one database.
    _SQLITE_DIR = Path(tempfile.mkdtemp(prefix="kadrovy-rezerv-test-db-"))
    atexit.register(shutil.rmtree, _SQLITE_DIR, ignore_errors=True)
    DATABASES["default"]["TEST"] = {"NAME": str(_SQLITE_DIR / "test.sqlite3")}  # noqa: F405
