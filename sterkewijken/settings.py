"""Settings for Sterke Wijken, driven by environment variables.

Development defaults are safe and need nothing: SQLite in ``var/``, DEBUG on.
With ``DJANGO_ENV=production`` the secret key, allowed hosts and database must
be given explicitly and ``manage.py check --deploy`` is clean.
"""

import datetime
import ipaddress
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_networks(name: str) -> list[str]:
    """A comma-separated list of IP addresses or networks (CIDR), checked here."""
    values = env_list(name, [])
    for value in values:
        try:
            ipaddress.ip_network(value, strict=False)
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"{name} must list IP addresses or networks, got {value!r}"
            ) from exc
    return values


DJANGO_ENV = env("DJANGO_ENV", "development")
if DJANGO_ENV not in {"development", "production"}:
    raise ImproperlyConfigured("DJANGO_ENV must be 'development' or 'production'")
PRODUCTION = DJANGO_ENV == "production"


def required_in_production(name: str, dev_default: str) -> str:
    value = env(name)
    if value:
        return value
    if PRODUCTION:
        raise ImproperlyConfigured(f"{name} must be set when DJANGO_ENV=production")
    return dev_default


DEBUG = env_bool("DJANGO_DEBUG", not PRODUCTION)
SECRET_KEY = required_in_production(
    "DJANGO_SECRET_KEY", "django-insecure-development-only-key-do-not-use-in-production"
)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", [] if PRODUCTION else ["localhost", "127.0.0.1"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set when DJANGO_ENV=production")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # Our apps, bottom layer first (see the import-linter contract in pyproject.toml).
    # The project-wide templates (base, registration) live in templates/ (DIRS),
    # which takes precedence over every app's, the admin's included.
    "core",
    "audit",
    "wijken",
    "initiatieven",
    "buurtservice",
    "makelaars",
    "metingen",
    "signalen",
    "rapportage",
    "pages",
    "demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "simple_history",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Marks the user verified once the second factor is given; then ours sends
    # whoever still owes it to the code or set-up page (core.twofactor).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.twofactor.middleware.TwoFactorMiddleware",
    # Refuses a body larger than MAX_REQUEST_SIZE before anything reads it.
    "core.middleware.RequestSizeLimitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
    # Records which logged-in user made each change in the audit trail.
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

if PRODUCTION:
    # Serves the collected static files; in development runserver does that.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "sterkewijken.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Project-wide templates: base page, error pages, login and password pages.
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "sterkewijken.wsgi.application"

# Database: SQLite by default, PostgreSQL (or anything else) through DATABASE_URL.
DATABASE_URL = env("DATABASE_URL")
if PRODUCTION and not DATABASE_URL:
    raise ImproperlyConfigured("DATABASE_URL must be set when DJANGO_ENV=production")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    (BASE_DIR / "var").mkdir(exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env("SQLITE_PATH", str(BASE_DIR / "var" / "db.sqlite3")),
            "OPTIONS": {
                # Every transaction takes the write lock when it begins, so two
                # writers queue up instead of one failing halfway with "database
                # is locked"; a writer waits up to this many seconds for its turn.
                "transaction_mode": "IMMEDIATE",
                "timeout": env_int("SQLITE_TIMEOUT", 20),
                # Erased data is overwritten in the file, not just marked free.
                "init_command": "PRAGMA secure_delete = ON;",
            },
        }
    }

# Each process's own memory (core.datacache: entries are keyed by data versions,
# so no shared cache is needed for correctness). Room for more than Django's
# default 300 entries: rendered list rows (20–40 kB each) sit beside the totals;
# at most about 40 MB a process.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 1000)},
    }
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Lockout first (django-axes counts failed logins), then the normal user check.
AUTHENTICATION_BACKENDS = [
    "core.auth.LockoutBackend",
    # ModelBackend with the permissions cached until users, groups or rights change.
    "core.auth.CachedPermissionsBackend",
]
# Five wrong passwords for one user name from one IP address lock that pair out
# for 30 minutes; a successful login resets the count. Successful logins are not
# logged (data minimisation): only failed attempts are kept, for the lockout.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# A complete login (with the second factor where one is asked) resets the count,
# not the password alone: core.twofactor.reset_lockout_after_login.
AXES_RESET_ON_SUCCESS = False
# Trying again while locked out does not restart the 30 minutes.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
AXES_LOCKOUT_CALLABLE = "core.auth.lockout_response"
# The client's address: REMOTE_ADDR, unless the request comes from one of these
# reverse proxies (addresses or networks); only then is X-Forwarded-For read,
# and the right-most address in it that is not one of them is the client.
# Empty by default in every mode: a forged header then changes nothing
# (see core.auth.client_ip).
TRUSTED_PROXIES = env_networks("TRUSTED_PROXIES")
AXES_CLIENT_IP_CALLABLE = "core.auth.client_ip"

# Two-factor login (django-otp, see core.twofactor): required for the roles that
# see personal data. Wrong codes count for the lockout above; django-otp's own
# slow-down is off so that the lockout alone decides.
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "Sterke Wijken")
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
# Development only: the demo accounts log in without setting up an app (an app
# once set up is still asked for). Never in production.
TWO_FACTOR_DEMO_EXEMPT = env_bool("TWO_FACTOR_DEMO_EXEMPT", not PRODUCTION)
if PRODUCTION and TWO_FACTOR_DEMO_EXEMPT:
    raise ImproperlyConfigured("TWO_FACTOR_DEMO_EXEMPT cannot be used when DJANGO_ENV=production")

# Content-Security-Policy: no inline script anywhere (behaviour lives in static
# JS files); inline styles are allowed for the SVG charts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# A refused form (expired CSRF token) gets the app's Dutch page.
CSRF_FAILURE_VIEW = "core.views.csrf_failure"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "pages:home"
LOGOUT_REDIRECT_URL = "login"

# Internationalisation: the interface speaks Dutch; source strings are English.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch"))]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["core.formats"]

# Static files: front-end packages come from npm (package-lock.json) and are
# served from node_modules; nothing is fetched from a CDN.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    # Project-wide stylesheets, fonts, favicon and shared scripts.
    BASE_DIR / "static",
    ("vendor/bootstrap", NODE_MODULES / "bootstrap" / "dist"),
    ("vendor/bootstrap-icons", NODE_MODULES / "bootstrap-icons" / "font"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/fonts/source-sans-3", NODE_MODULES / "@fontsource" / "source-sans-3" / "files"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Where ``manage.py backup`` writes by default; erasure (``avg_wissen``) lists the
# backups here that still hold the erased data.
BACKUP_DIR = Path(env("BACKUP_DIR", str(BASE_DIR / "var" / "backups")))

MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Uploaded photos are limited in size (bytes); larger uploads are refused.
MAX_UPLOAD_SIZE = env_int("MAX_UPLOAD_SIZE", 8 * 1024 * 1024)
# A whole request (a form with several photos) may be this large; a larger one
# is refused before its body is read (core.middleware.RequestSizeLimitMiddleware).
# The reverse proxy's limit (README) should be the same.
MAX_REQUEST_SIZE = env_int("MAX_REQUEST_SIZE", 32 * 1024 * 1024)
# Form fields without the files: Django refuses more before reading further.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Files up to this size stay in memory while a request is read, larger ones go
# to a temporary file (deleted afterwards).
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Files in one request: the photos of one form at most.
DATA_UPLOAD_MAX_NUMBER_FILES = 20
# Photos: only these kinds, at most this many pixels (checked before decoding),
# re-encoded to at most MAX_PHOTO_SIDE pixels on the long side without metadata;
# at most MAX_PHOTOS_PER_ACTIVITY photos per activity (see core.images).
MAX_PHOTO_PIXELS = env_int("MAX_PHOTO_PIXELS", 40_000_000)
MAX_PHOTO_SIDE = env_int("MAX_PHOTO_SIDE", 2000)
MAX_PHOTOS_PER_ACTIVITY = env_int("MAX_PHOTOS_PER_ACTIVITY", 20)

# The empty choice of a list filter means "no filter".
FILTERS_EMPTY_CHOICE_LABEL = _("all")

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# E-mail (password reset links). Development prints mails on the console;
# production sends them through the SMTP server given here.
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Sterke Wijken <noreply@localhost>")

# Buurtservice: personal data of requesters is anonymised this many months
# after a job was closed (see ``manage.py anonimiseer_aanvragers``).
BUURTSERVICE_RETENTION_MONTHS = env_int("BUURTSERVICE_RETENTION_MONTHS", 24)

# Organisation shown on the report cover.
ORGANISATION_NAME = env("ORGANISATION_NAME", "Perspectief")
MUNICIPALITY_NAME = env("MUNICIPALITY_NAME", "Gemeente Zutphen")

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 10)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# "Stay logged in" on the login form (own phone only): the session lasts this long.
SESSION_REMEMBER_AGE = env_int("SESSION_REMEMBER_DAYS", 7) * 24 * 60 * 60

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"

# Background work (the report's PDFs): Django's tasks framework through the
# django-tasks backport, with its database backend (django-tasks-db). The queue is
# a table in the app's own database: SQLite with one worker out of the box,
# PostgreSQL with as many workers on as many machines as needed in production
# (`manage.py worker`, see the README). Nothing else to install or run.
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # Never log request bodies or SQL parameters: they may hold residents' data.
        "django.db.backends": {"level": "WARNING"},
        # Lockouts are warnings; every counted attempt would flood the log.
        "axes": {"level": "WARNING"},
    },
}
