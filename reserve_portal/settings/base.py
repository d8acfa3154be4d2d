"""Settings shared by every environment; each environment module imports and adjusts them."""

import datetime
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from core.env import env_admins, env_bool, env_int, env_networks, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "import_export",
    # Sign-in lockout by username and client address together (accounts/throttling.py).
    "axes",
    # The second factor of staff sign-in: an authenticator app and backup codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Background tasks (Django's tasks API) kept in the database; `manage.py db_worker` runs them.
    "django_tasks",
    "django_tasks_db",
    # The bottom package: its one model is the log of outgoing mail.
    "core",
    # The record every app writes to; it imports no app but the core package.
    "audit",
    # Stages of the cycle, left to right: an app never imports one to its right.
    "registry",
    "accounts",
    "governance",
    "candidates",
    "assessment",
    "development",
    "onboarding",
    "monitoring",
    # Above every stage: the demo data, which may use them all (manage.py seed_demo).
    "demo",
]

MIDDLEWARE = [
    # First: every log line of the request carries its id (core/logging.py).
    "core.logging.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # user.is_verified(): whether this session passed the second factor.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After messages: it tells the user why they were signed out.
    "accounts.middleware.SessionTimeoutMiddleware",
    # Staff pages wait for the second factor (accounts.access.TWO_FACTOR_ROLES).
    "accounts.middleware.TwoFactorMiddleware",
    # Once per visit: a person asked to accept a newly published consent text.
    "governance.middleware.ConsentRenewalMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    # Pages and exports shown to a signed-in user: Cache-Control: no-store.
    "core.middleware.NoStoreForSignedInMiddleware",
    # Last, as django-axes asks: it answers a locked-out sign-in that got past the form.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "reserve_portal.urls"
WSGI_APPLICATION = "reserve_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "reserve_portal.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # make run's SQLite: a writing transaction takes the lock when it begins (IMMEDIATE), so
    # two requests at once queue for up to `timeout` seconds instead of one failing with
    # «database is locked» when it upgrades a read to a write; WAL lets readers go on meanwhile.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_BUSY_TIMEOUT_SECONDS", 20),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses every attempt while the username is locked from this address.
    "accounts.backends.LockoutBackend",
    "accounts.backends.UsernameOrEmailBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", _("Русский"))]
TIME_ZONE = "Asia/Yekaterinburg"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# With i18n on, locale formats win over DATE_FORMAT and friends: дд.мм.гггг comes from here.
FORMAT_MODULE_PATH = ["reserve_portal.settings.formats"]

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        # Public files: readable by the web server, unlike the uploads above.
        "OPTIONS": {"file_permissions_mode": 0o644, "directory_permissions_mode": 0o755},
    },
}

# Personal documents live outside static and are served only through views that ask the policy;
# on disk only the portal's own user reads them.
MEDIA_ROOT = BASE_DIR / "private_media"
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
MEDIA_URL = "/private-media/"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

SESSION_COOKIE_HTTPONLY = True
# Absolute: counted from the sign-in by accounts.middleware, however active the user is.
SESSION_ABSOLUTE_TIMEOUT_SECONDS = env_int("SESSION_ABSOLUTE_TIMEOUT_SECONDS", 8 * 60 * 60)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT_SECONDS
SESSION_IDLE_TIMEOUT_SECONDS = env_int("SESSION_IDLE_TIMEOUT_SECONDS", 30 * 60)
CSRF_COOKIE_HTTPONLY = True
# Sign-in lockout (ASVS 2.2.1) by django-axes: this many failures for one username from one
# client address lock that pair for the lockout period, counted from the last failure. Another
# address, or another username from the address, is not locked: behind a proxy that is what
# keeps one attacker from locking everyone out. Refused attempts are not counted.
LOGIN_THROTTLE_MAX_FAILURES = env_int("LOGIN_THROTTLE_MAX_FAILURES", 5)
LOGIN_THROTTLE_LOCKOUT_SECONDS = env_int("LOGIN_THROTTLE_LOCKOUT_SECONDS", 15 * 60)
AXES_FAILURE_LIMIT = LOGIN_THROTTLE_MAX_FAILURES
AXES_COOLOFF_TIME = datetime.timedelta(seconds=LOGIN_THROTTLE_LOCKOUT_SECONDS)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_USERNAME_CALLABLE = "accounts.throttling.login_key"
AXES_CLIENT_IP_CALLABLE = "core.http.client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.views.lockout_response"
# Our own admin (accounts/admin.py) shows the locks to administrators and lifts them.
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
# The authenticator app shows the portal's name next to the account.
OTP_TOTP_ISSUER = "Кадровый резерв"
# Proxies whose X-Forwarded-For is believed (addresses or networks, comma-separated): the
# client address of the audit, consent and access logs and of the lockout (core.http).
TRUSTED_PROXIES = env_networks("TRUSTED_PROXIES")
# Password-reset requests: per address and per email address within an hour.
PASSWORD_RESET_MAX_PER_ADDRESS = env_int("PASSWORD_RESET_MAX_PER_ADDRESS", 10)
PASSWORD_RESET_MAX_PER_EMAIL = env_int("PASSWORD_RESET_MAX_PER_EMAIL", 3)
PASSWORD_RESET_LIMIT_WINDOW_SECONDS = 60 * 60
# A password-reset link is a credential in a mailbox; it should not outlive the working day.
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT_SECONDS", 24 * 60 * 60)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Every letter is a background task (core.mail); the worker is `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
# How many times a letter is tried before it is logged as failed, and the first pause (doubled).
MAIL_MAX_ATTEMPTS = env_int("MAIL_MAX_ATTEMPTS", 5)
MAIL_RETRY_SECONDS = env_int("MAIL_RETRY_SECONDS", 60)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "kadrovy-rezerv@minobr.orb.ru")

# Registry import limits: anything over them is refused before it is parsed.
REGISTRY_IMPORT_MAX_BYTES = env_int("REGISTRY_IMPORT_MAX_BYTES", 20 * 1024 * 1024)
REGISTRY_IMPORT_MAX_ROWS = env_int("REGISTRY_IMPORT_MAX_ROWS", 200_000)
REGISTRY_IMPORT_MAX_UNCOMPRESSED_BYTES = env_int(
    "REGISTRY_IMPORT_MAX_UNCOMPRESSED_BYTES", 256 * 1024 * 1024
)
# Parse uploaded spreadsheets in a worker process (overlaps with the database writes).
REGISTRY_IMPORT_IN_WORKER = env_bool("REGISTRY_IMPORT_IN_WORKER", True)
# Candidates' documents: PDF, JPEG or PNG up to this size.
DOCUMENT_MAX_BYTES = env_int("DOCUMENT_MAX_BYTES", 10 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Errors reach the people in ADMINS ("Имя <адрес>" or plain addresses, comma-separated).
ADMINS = env_admins("ADMINS")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Lines on standard error: one JSON object per event, with request and user ids, no names.
LOG_FORMAT = env_str("LOG_FORMAT", "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_context": {"()": "core.logging.RequestContextFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {
        "json": {"()": "core.logging.OneLineJsonFormatter"},
        "text": {"format": "%(levelname)s %(name)s [%(request_id)s user=%(user_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_context"],
            "formatter": LOG_FORMAT if LOG_FORMAT in {"json", "text"} else "json",
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false", "request_context"],
        },
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    # Django's own logger would also print through its default handler: every line twice.
    "loggers": {
        "django": {"handlers": ["console", "mail_admins"], "level": "INFO", "propagate": False},
        # The development server's access lines, already one per request.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
