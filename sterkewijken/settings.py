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
    # /_healthz/ endpoints (core.health).
    "health_check",
]

MIDDLEWARE = [
    # First: a request id for every log line, and one JSON line per request (core.logs).
    "core.logs.RequestLogMiddleware",
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
    MIDDLEWARE.insert(2, "whitenoise.middleware.WhiteNoiseMiddleware")

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
        }
    }
# SQLite, whether by default or through DATABASE_URL=sqlite:///...:
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    _sqlite_options = DATABASES["default"].setdefault("OPTIONS", {})
    # Every transaction takes the write lock when it begins, so two writers
    # queue up instead of one failing halfway with "database is locked"; a
    # writer waits up to this many seconds for its turn (a URL's ?timeout= wins).
    _sqlite_options["transaction_mode"] = "IMMEDIATE"
    _sqlite_options.setdefault("timeout", env_int("SQLITE_TIMEOUT", 20))
    # Erased data is overwritten in the file, not just marked free (run after any
    # init_command of the URL; Django skips the empty statements of the split).
    _sqlite_options["init_command"] = (
        _sqlite_options.get("init_command", "") + ";PRAGMA secure_delete = ON;"
    )

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

# Media (photos, report PDFs): the folder MEDIA_ROOT, the embedded default, or an
# S3-compatible bucket (AWS S3, MinIO, Ceph, ...) that every web and worker
# machine shares. Either way the files stay private: browsers only get the app's
# /media/ addresses, which check who may see the record (core/storage.py).
MEDIA_STORAGE = env("MEDIA_STORAGE", "local")
if MEDIA_STORAGE == "s3":
    if not env("S3_BUCKET"):
        raise ImproperlyConfigured("S3_BUCKET must be set when MEDIA_STORAGE=s3")
    _s3_addressing = env("S3_ADDRESSING_STYLE", "auto")
    if _s3_addressing not in {"auto", "path", "virtual"}:
        raise ImproperlyConfigured("S3_ADDRESSING_STYLE must be 'auto', 'path' or 'virtual'")
    # "false" skips checking the server's TLS certificate (a test store only); a
    # path names the CA bundle of a store with an internal certificate.
    _s3_verify = env("S3_VERIFY", "true")
    _s3_options = {
        "bucket_name": env("S3_BUCKET"),
        "location": env("S3_PREFIX", "").strip("/"),
        "addressing_style": _s3_addressing,
        "signature_version": "s3v4",
        "verify": {"true": None, "false": False}.get(_s3_verify.lower(), _s3_verify),
    }
    # Unset ones are left to boto3: its AWS_* variables, ~/.aws or the machine's role.
    for option, variable in (
        ("endpoint_url", "S3_ENDPOINT_URL"),
        ("region_name", "S3_REGION"),
        ("access_key", "S3_ACCESS_KEY_ID"),
        ("secret_key", "S3_SECRET_ACCESS_KEY"),
    ):
        if env(variable):
            _s3_options[option] = env(variable)
    STORAGES["default"] = {"BACKEND": "core.s3.PrivateS3Storage", "OPTIONS": _s3_options}
elif MEDIA_STORAGE != "local":
    raise ImproperlyConfigured("MEDIA_STORAGE must be 'local' or 's3'")

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
MAX_PHOTO_PIXELS = env_int("MAX_PHOTO_PIXELS", 24_000_000)
MAX_PHOTO_SIDE = env_int("MAX_PHOTO_SIDE", 2000)
MAX_PHOTOS_PER_ACTIVITY = env_int("MAX_PHOTOS_PER_ACTIVITY", 20)
# Photos one user may send in per day (counted before checking, stored or not).
MAX_PHOTOS_PER_DAY = env_int("MAX_PHOTOS_PER_DAY", 60)

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
ORGANISATION_PHONE = env("ORGANISATION_PHONE", "")

# Database sessions that know their account, so that deactivating an account or
# resetting its two-step login ends all its sessions (core.sessions).
SESSION_ENGINE = "core.sessions"
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

# --- Operations: health, logs, error reports, workers and housekeeping ------------

# JSON lines on stdout (one per request and per background task, core.logs) in
# production; readable text in development. LOG_FORMAT=json|text overrides.
LOG_FORMAT = env("LOG_FORMAT", "json" if PRODUCTION else "text")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured("LOG_FORMAT must be 'json' or 'text'")
LOGGING["filters"] = {"context": {"()": "core.logs.ContextFilter"}}
LOGGING["formatters"] = {
    "json": {"()": "core.logs.JsonFormatter"},
    "text": {"()": "core.logs.TextFormatter"},
}
LOGGING["handlers"]["console"].update(
    stream="ext://sys.stdout", formatter=LOG_FORMAT, filters=["context"]
)
# Django's development server logs every request with its query string (search
# text); the request line of core.logs replaces it.
LOGGING["loggers"]["django.server"] = {"level": "WARNING"}

# Error reports to Sentry (or a compatible service such as GlitchTip) when a DSN
# is given: without personal data (core.logs.scrub_event removes request bodies,
# query strings, cookies and the Buurtservice requester's fields).
SENTRY_DSN = env("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration
    from sentry_sdk.integrations.logging import ignore_logger

    from core.logs import scrub_event

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env("SENTRY_ENVIRONMENT", DJANGO_ENV),
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        before_send=scrub_event,
        traces_sample_rate=0.0,
    )
    # A failed request is reported once, with its traceback, not again by its log line.
    ignore_logger("sterkewijken.requests")

# Health checks (core.health): a worker is taken as stopped when its heartbeat is
# older than WORKER_HEARTBEAT_MAX_AGE seconds (its running job is then marked
# failed); the queue is stuck when a task waits longer than QUEUE_MAX_AGE.
WORKER_HEARTBEAT_INTERVAL = env_int("WORKER_HEARTBEAT_INTERVAL", 15)
WORKER_HEARTBEAT_MAX_AGE = env_int("WORKER_HEARTBEAT_MAX_AGE", 90)
QUEUE_MAX_AGE = env_int("QUEUE_MAX_AGE", 300)
# Probes may come over plain HTTP from inside the network.
SECURE_REDIRECT_EXEMPT = [r"^_healthz/"]

# Housekeeping (``manage.py housekeeping`` daily, and each worker every
# WORKER_HOUSEKEEPING_INTERVAL seconds, 0: never): draft PDFs, finished job rows,
# export files and task rows older than these ages are removed.
WORKER_HOUSEKEEPING_INTERVAL = env_int("WORKER_HOUSEKEEPING_INTERVAL", 3600)
PDF_DRAFT_MAX_AGE_DAYS = env_int("PDF_DRAFT_MAX_AGE_DAYS", 7)
JOB_MAX_AGE_DAYS = env_int("JOB_MAX_AGE_DAYS", 30)
TASK_RESULT_MAX_AGE_DAYS = env_int("TASK_RESULT_MAX_AGE_DAYS", 30)
EXPORT_MAX_AGE_HOURS = env_int("EXPORT_MAX_AGE_HOURS", 24)

# Exports with more rows than these are made by the worker (core.export_jobs), not
# in the request: XLSX is built whole before it is sent, a long CSV still streams
# longer than a web worker's timeout.
EXPORT_XLSX_MAX_ROWS_IN_REQUEST = env_int("EXPORT_XLSX_MAX_ROWS_IN_REQUEST", 5000)
EXPORT_CSV_MAX_ROWS_IN_REQUEST = env_int("EXPORT_CSV_MAX_ROWS_IN_REQUEST", 50000)
