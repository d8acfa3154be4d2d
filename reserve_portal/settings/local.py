"""Settings for a developer's machine: `make run` on SQLite with demo data."""

from core.env import env_bool, env_list, env_str

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", True)
# A fixed key is acceptable only here: local data is demo data and the server listens on loopback.
SECRET_KEY = env_str("SECRET_KEY", "local-development-only-not-for-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])

# No worker on a developer's machine: tasks (letters) run at once, printed to the console.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
