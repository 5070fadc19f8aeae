"""Settings for the AI deals tracker, driven by environment variables.

Unset variables fall back to a zero-setup development configuration: SQLite in
the project folder and Celery tasks run eagerly in the web process.

DATABASE_URL        database (default: sqlite:///db.sqlite3); PostgreSQL in production and CI
CELERY_BROKER_URL   Celery broker (default: none, tasks run eagerly); Redis in production
SECRET_KEY          required when DEBUG is off, and then not a known placeholder
DEBUG               "1"/"true" turns debug mode on (default: off)
ALLOWED_HOSTS       comma-separated host names (default: localhost names when DEBUG is on)

HTTPS (see docs/operations.md):
SECURE_SSL_REDIRECT             "1" redirects plain HTTP to HTTPS (default: off)
SECURE_HSTS_SECONDS             HSTS max-age (default: one year when DEBUG is off, else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS  "0" limits HSTS to this host (default: on)
SECURE_HSTS_PRELOAD             "1" asks browsers' preload lists for the host (default: off)
SESSION_COOKIE_SECURE           "0" lets the session cookie go over HTTP (default: on unless DEBUG)
CSRF_COOKIE_SECURE              "0" lets the CSRF cookie go over HTTP (default: on unless DEBUG)
CSRF_TRUSTED_ORIGINS            comma-separated origins, e.g. https://tracker.example
TRUST_X_FORWARDED_PROTO         "1" when a proxy in front sets X-Forwarded-Proto (default: off)

Abuse protection (see docs/operations.md):
TRUSTED_PROXIES     number of reverse proxies in front of the app whose X-Forwarded-For
                    counts (default: 0, the header is ignored); see docs/operations.md
LOGIN_FAILURE_LIMIT failed sign-ins from one address for one username before a lockout (5)
LOGIN_COOLOFF_MINUTES minutes a lockout lasts (default: 30)

Webhooks (see docs/webhooks.md):
SITE_URL                the site's public address, for links in webhook events
WEBHOOKS_ALLOW_PRIVATE  "1" lets subscriptions target private and loopback addresses
WEBHOOKS_MAX_FAILURES   consecutive failed deliveries before a subscription is disabled (5)
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int, minimum: int | None = None) -> int:
    """A whole number from the environment (blank: `default`), at least `minimum`."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        number = None
    if number is None or (minimum is not None and number < minimum):
        at_least = f" of {minimum} or more" if minimum is not None else ""
        raise ImproperlyConfigured(f"{name} must be a whole number{at_least}, not {value!r}.")
    return number


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

DEVELOPMENT_SECRET_KEY = "insecure-development-key-never-use-in-production"
#: Keys from examples and old defaults: anyone can sign sessions with them.
PLACEHOLDER_SECRET_KEYS = {
    "change-me",
    "changeme",
    "secret",
    "secret-key",
    "your-secret-key",
    DEVELOPMENT_SECRET_KEY,
}

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = DEVELOPMENT_SECRET_KEY
elif not DEBUG and (
    SECRET_KEY.strip().lower() in PLACEHOLDER_SECRET_KEYS
    or SECRET_KEY.startswith("django-insecure-")
):
    raise ImproperlyConfigured(
        "SECRET_KEY is a published placeholder; set a long random one, e.g. the output of "
        "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"] if DEBUG else []
)

# HTTPS. In production (DEBUG off) secure cookies and HSTS are on unless a variable turns
# them off; while debugging on http://127.0.0.1 they are off. The redirect is opt-in: behind
# a proxy that does not say the request came over HTTPS, it would redirect forever.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
# Preloading is hard to undo, so it is never on by default.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=not DEBUG)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# Trusting the header is safe only when a proxy sets it on every request (and drops the
# client's own): otherwise anyone could claim HTTPS. Hence opt-in.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("TRUST_X_FORWARDED_PROTO") else None
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "django_htmx",
    "simple_history",
    "import_export",
    "axes",
    "core",
    "companies",
    "deals",
    "sources",
    "webhooks",
]

MIDDLEWARE = [
    # First: probes skip host checks, redirects, sessions and throttling (core/health.py).
    "core.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a refused sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ar", _("Arabic"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["core.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Shared cache: Redis when CACHE_URL is set (throttling counts must be shared by all
# processes); process memory otherwise. While Redis is down, requests go uncached.
CACHE_URL = os.environ.get("CACHE_URL", "")
CACHES = {
    "default": {"BACKEND": "core.cache.FailSoftRedisCache", "LOCATION": CACHE_URL}
    if CACHE_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

# Reverse proxies in front of the app: only their X-Forwarded-For entries are believed
# when per-client limits look for the client's address (core.addresses).
TRUSTED_PROXIES = env_int("TRUSTED_PROXIES", 0, minimum=0)

# Sign-in lockout (django-axes): after LOGIN_FAILURE_LIMIT failed sign-ins for one username
# from one client address, further attempts are refused for LOGIN_COOLOFF_MINUTES. The
# attempts are rows in the database, so every web process sees them. Tokens are not
# affected: the API never signs in with a password.
AUTHENTICATION_BACKENDS = [
    "core.signin.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 30, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_CLIENT_IP_CALLABLE = "core.addresses.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "core.signin.lockout_response"
AXES_VERBOSE = False
# The sign-in records' admin pages are registered by core.admin, safe against NUL filters.
AXES_ENABLE_ADMIN = False

# REST API v1.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["core.api.permissions.CuratorWritesOrReadOnly"],
    "DEFAULT_RENDERER_CLASSES": [
        "core.api.renderers.ORJSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
        "core.api.renderers.CSVRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["core.api.filters.StrictFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "core.api.pagination.PagePagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["core.api.throttling.ClientAnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_ANON_RATE", "120/minute")},
    # Any other DRF throttle reads the client's address by the same rule.
    "NUM_PROXIES": TRUSTED_PROXIES,
    "EXCEPTION_HANDLER": "core.api.exceptions.api_exception_handler",
    "URL_FORMAT_OVERRIDE": "format",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "AI deals tracker API",
    "DESCRIPTION": (
        "Deals, investments, lawsuits, companies, people and products of the AI industry, "
        "in Arabic and English, every fact with the article excerpt that states it. Reads "
        "are public; writes need a curator's token (`Authorization: Token <key>`)."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Several models have a `kind` field; this one's choices need a name of their own.
    "ENUM_NAME_OVERRIDES": {
        "DevelopmentKindEnum": "deals.models.DevelopmentKind",
        "DealStatusEnum": "deals.models.DealStatus",
        "ChannelEnum": "companies.models.facts.Channel",
        "MetricKindEnum": "companies.models.MetricKind",
        "StatementKindEnum": "companies.models.StatementKind",
        "ReviewLevelEnum": "core.models.ReviewLevel",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.api.schema.add_error_responses",
    ],
}

# Browsers may read the API from any origin; writing stays for token holders.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After"]

# Curators' bulk import: CSV and JSON, one transaction, nothing imported if a row is bad.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"

# Celery: with no broker configured, tasks run eagerly inside the calling process.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
# Without a broker a failed ingestion is recorded on its run, as on a worker, and does not
# turn the request that submitted the article into an error.
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # A task whose worker died is redelivered after this many seconds.
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3600")),
}
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND") or None
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A broker that is down fails a send within about two seconds, so submitting an article
# answers at once (its run waits for the sweep) instead of hanging.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 1,
}
# Celery beat: send again ingestion runs that wait for the queue or have stalled.
INGESTION_STALL_SECONDS = env_int("INGESTION_STALL_SECONDS", 900, minimum=1)
CELERY_BEAT_SCHEDULE = {
    "sweep-ingestion": {
        "task": "sources.tasks.sweep_ingestion",
        "schedule": float(env_int("INGESTION_SWEEP_SECONDS", 60, minimum=1)),
    },
}
# Without a broker an article is read inside the request that submits it: longer ones are
# refused with a message rather than outlast the web server's timeout.
EAGER_MAX_ARTICLE_CHARACTERS = env_int("EAGER_MAX_ARTICLE_CHARACTERS", 20_000, minimum=1)

# Webhooks: links in events start with SITE_URL; targets on this machine or its network are
# refused unless WEBHOOKS_ALLOW_PRIVATE (development); a subscription whose deliveries
# fail this many times in a row is disabled.
SITE_URL = os.environ.get("SITE_URL", "http://localhost:8000")
WEBHOOKS_ALLOW_PRIVATE = env_bool("WEBHOOKS_ALLOW_PRIVATE", default=DEBUG)
WEBHOOKS_MAX_FAILURES = env_int("WEBHOOKS_MAX_FAILURES", 5, minimum=1)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
