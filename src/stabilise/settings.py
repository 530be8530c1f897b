"""The one settings module. Everything a deployment changes comes from the environment.

SQLite under the data directory unless DATABASE_URL is set (PostgreSQL in production).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "y"}


def _env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _env_whole_number(name: str, default: int) -> int | None:
    """The variable as a whole number (0 or more), the default if unset, None if it is not one
    (a system check then says so, rather than the settings failing with a traceback)."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    return int(value) if value.isascii() and value.isdigit() else None


def _default_data_dir() -> Path:
    # A source checkout keeps its data beside the code so a fresh clone is self-contained;
    # an installed package uses the XDG data directory so it works from any directory.
    checkout = BASE_DIR.parent.parent
    if (checkout / "pyproject.toml").exists():
        return checkout / "var"
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "stabilise"


DATA_DIR = Path(os.environ.get("STABILISE_DATA_DIR") or _default_data_dir())

DEBUG = _env_bool("DEBUG", False)
# Development and tests run with a fixed key; production must set its own (checked in checks.py).
SECRET_KEY = os.environ.get("SECRET_KEY", "insecure-development-key-set-SECRET_KEY-in-production")
ALLOWED_HOSTS = _env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "govuk_frontend_django",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "stabilise.accounts",
    "stabilise.workforce",
    "stabilise.caseloads",
    "stabilise.demo",
    "stabilise.ui",
    "stabilise.benchmarks",
    "stabilise.reports",
    "stabilise.retention",
    "stabilise.academy",
    "stabilise.figures",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "stabilise.accounts.audit.AuditContextMiddleware",
    "stabilise.accounts.access.AccessMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # After MessageMiddleware (it leaves a message); before any view, as every __call__ is.
    "stabilise.accounts.sessions.IdleTimeoutMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "stabilise.urls"
WSGI_APPLICATION = "stabilise.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "stabilise.ui.context_processors.council",
            ],
        },
    },
]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.config(conn_max_age=60)}
else:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "stabilise.sqlite3"),
            # WAL lets the web server read while an import writes.
            "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL;", "timeout": 30},
        }
    }
DATABASES["default"].setdefault("TEST", {})
if os.environ.get("STABILISE_TEST_DATABASE_NAME"):
    DATABASES["default"]["TEST"]["NAME"] = os.environ["STABILISE_TEST_DATABASE_NAME"]

# Figures computed from the register are kept in a table of the database itself
# (figures/cache.py): every server process shares them, and nothing leaves the database.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "figures": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "figures_cache",
        # Keys carry the data's version and the day, so an entry is only ever replaced, never
        # wrong; two days keeps yesterday's while today's are computed.
        "TIMEOUT": 2 * 24 * 60 * 60,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
# WhiteNoise serves from here after `collectstatic`, and warns at start-up if it is missing.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve straight from the app folders too, so `stabilise serve` works before collectstatic.
WHITENOISE_USE_FINDERS = True

# --- Sign-in and sessions (README, "Signing in and security") --------------------------------
# A session ends 8 hours after signing in (a working day) or after 30 minutes without a page,
# whichever comes first (accounts/sessions.py), and when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", 8 * 60 * 60))
SESSION_IDLE_SECONDS = int(os.environ.get("STABILISE_SESSION_IDLE_MINUTES", 30)) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = _env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_HTTPONLY = True
# A GOV.UK page saying what to do, not Django's own "CSRF verification failed".
CSRF_FAILURE_VIEW = "stabilise.ui.errors.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# No address of ours (which can hold a worker's id) goes to another site.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# HTTPS: redirect plain http, and tell browsers to use nothing else for a year (sent on HTTPS
# responses only). Behind a proxy that ends TLS, trust its X-Forwarded-Proto.
SECURE_SSL_REDIRECT = _env_bool("SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 365 * 24 * 60 * 60))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = _env_bool("SECURE_HSTS_PRELOAD", True)
# The health check (ui/health.py) answers over plain http too: a load balancer's probe often
# comes without the proxy's X-Forwarded-Proto, and the answer holds nothing to protect.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
if _env_bool("STABILISE_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = _env_list("CSRF_TRUSTED_ORIGINS")

# Lock-out (django-axes): 5 wrong passwords for one username from one address lock that pair
# out for 30 minutes; signing in resets the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("STABILISE_LOCKOUT_FAILURES", 5))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("STABILISE_LOCKOUT_MINUTES", 30)))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "stabilise.accounts.lockout.locked_out"
AXES_CLIENT_IP_CALLABLE = "stabilise.accounts.audit.client_address"
# Its log lines name the username and address: the audit log records them instead.
AXES_VERBOSE = False

# Two-factor (django-otp, TOTP): who must use it is decided in accounts/access.py.
OTP_TOTP_ISSUER = "Stabilise"
# The demo bypass: demo accounts skip two-factor. Refused outside DEBUG on local hosts
# (accounts/checks.py), and ignored there even if the check is skipped.
DEMO_MODE = _env_bool("STABILISE_DEMO_MODE", False)

# Single sign-on (optional): the council's OpenID Connect provider, e.g. Microsoft Entra ID
# (README, "Single sign-on"). Off unless OIDC_RP_CLIENT_ID is set. It signs in only people who
# already have a Stabilise account with the same email; it never creates one or sets a role.
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
_ENTRA = os.environ.get("OIDC_ENTRA_TENANT_ID", "").strip()
_ENTRA_URL = f"https://login.microsoftonline.com/{_ENTRA}"
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT") or (
    f"{_ENTRA_URL}/oauth2/v2.0/authorize" if _ENTRA else ""
)
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT") or (
    f"{_ENTRA_URL}/oauth2/v2.0/token" if _ENTRA else ""
)
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT") or (
    "https://graph.microsoft.com/oidc/userinfo" if _ENTRA else ""
)
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT") or (
    f"{_ENTRA_URL}/discovery/v2.0/keys" if _ENTRA else ""
)
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_RP_SCOPES = "openid email profile"
OIDC_CREATE_USER = False
OIDC_REQUIRED = (
    "OIDC_RP_CLIENT_ID",
    "OIDC_RP_CLIENT_SECRET",
    "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT",
    "OIDC_OP_USER_ENDPOINT",
    "OIDC_OP_JWKS_ENDPOINT",
)
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
if OIDC_ENABLED:
    AUTHENTICATION_BACKENDS.append("stabilise.accounts.oidc.CouncilOIDCBackend")
LOGIN_REDIRECT_URL_FAILURE = "login"

# Content security policy (django-csp): everything from this site only; no inline script but
# the GOV.UK template's one line that marks the page as having JavaScript, by its hash.
GOVUK_JS_ENABLED_HASH = "'sha256-GUQ5ad8JK5KmEWmROf3LZd9ge94daqNvd8xy9YS1iDw='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", GOVUK_JS_ENABLED_HASH],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 25))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "stabilise@localhost")

# The council this deployment serves, as the DfE publishes it.
COUNCIL_NAME = os.environ.get("STABILISE_COUNCIL_NAME", "Wessex County Council")
# Which authority in the DfE's published figures this council is, by its old (three-digit) or
# new (ONS) LA code, for the benchmarks; empty for a council that is not published (the demo).
COUNCIL_LA_CODE = os.environ.get("STABILISE_LA_CODE", "").strip()
# The region a council that is not published is compared with (a published authority's own
# region always wins). The demo's fictional Wessex County Council is in the South West.
COUNCIL_REGION = os.environ.get("STABILISE_REGION", "").strip() or "South West"

# The weekly caseload report (`stabilise report weekly-caseload --send`). The committee list
# (councillors, the director) gets aggregates only; the managers' list also gets the names of the
# workers whose caseload is above the threshold, so that a senior manager can check in with them.
WEEKLY_REPORT_RECIPIENTS = _env_list("STABILISE_WEEKLY_REPORT_RECIPIENTS")
WEEKLY_REPORT_MANAGER_RECIPIENTS = _env_list("STABILISE_WEEKLY_REPORT_MANAGER_RECIPIENTS")
# 20: above the 90th percentile of English councils' average caseload per case-holding FTE in
# every year since 2019 (18.1 in 2025; England 15.2), so a worker over it carries more than
# nearly any council's average. The review names no figure; a council sets its own.
CASELOAD_THRESHOLD = float(os.environ.get("STABILISE_CASELOAD_THRESHOLD") or 20)

# Who may be next judges each leaver as at their notice day, their leaving day less this many
# weeks: a social worker's usual notice is four, and in it they hand their cases over. A value
# that is not a whole number of weeks is None here, and a system check (retention/checks.py)
# refuses to start with it rather than guess.
NOTICE_WEEKS = _env_whole_number("STABILISE_NOTICE_WEEKS", 4)

# The ASYE academy (README, "The ASYE academy"). The completion increment recorded when an NQSW
# passes (for pay): an amount in £ a year (empty: none) and a note of what it is.
ASYE_INCREMENT_AMOUNT = os.environ.get("STABILISE_ASYE_INCREMENT_AMOUNT", "").strip()
ASYE_INCREMENT_NOTE = os.environ.get(
    "STABILISE_ASYE_INCREMENT_NOTE",
    "One increment on the pay scale from the date the panel passed the ASYE",
)
# A mentor (an Enhanced Social Work Practitioner) supports at least two NQSWs, at most this many.
ASYE_MENTOR_MAX = int(os.environ.get("STABILISE_ASYE_MENTOR_MAX") or 3)
# An NQSW's protected caseload, as a percentage of experienced workers' average caseload.
ASYE_PROTECTED_CASELOAD_PCT = float(os.environ.get("STABILISE_ASYE_PROTECTED_CASELOAD_PCT") or 90)
# How many NQSWs one practice lead can assess and supervise at a time, and intakes a year.
ASYE_PRACTICE_LEAD_MAX = int(os.environ.get("STABILISE_ASYE_PRACTICE_LEAD_MAX") or 25)
ASYE_INTAKES_PER_YEAR = int(os.environ.get("STABILISE_ASYE_INTAKES_PER_YEAR") or 2)
# Who gets the weekly list of reviews due and overdue besides each practice lead (a user with the
# academy lead role whose full name is the practice lead's gets their own NQSWs').
ASYE_REPORT_RECIPIENTS = _env_list("STABILISE_ASYE_REPORT_RECIPIENTS")

# Early warnings (`stabilise alerts --send`, daily): emailed to every active workforce lead and
# service manager with an email address, and to these addresses besides (HR's shared mailbox).
EARLY_WARNING_RECIPIENTS = _env_list("STABILISE_EARLY_WARNING_RECIPIENTS")
# Where people reach Stabilise (https://stabilise.example.gov.uk), for links in emails sent from
# the command line, where there is no request to take it from. Empty: emails give the path.
SITE_URL = os.environ.get("STABILISE_SITE_URL", "").strip().rstrip("/")

# Largest import the web or command line accepts, in megabytes.
IMPORT_MAX_MB = int(os.environ.get("STABILISE_IMPORT_MAX_MB", 200))

# No personal data in the log: a request's path (which can hold a worker's id) is written as its
# URL pattern (accounts/logs.py); who saw whom goes to the audit log, never here.
_REDACTED = {"filters": ["redact_paths"]}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_paths": {"()": "stabilise.accounts.logs.RedactRequestPaths"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django.request": _REDACTED,
        "django.security.csrf": _REDACTED,
        "axes": {"level": "WARNING"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
