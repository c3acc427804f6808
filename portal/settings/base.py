"""Settings shared by every environment. Environment variables are read here once;
dev/test/production only change what differs. `.env.example` documents each variable."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
DEBUG = False

INSTALLED_APPS = [
    "portal",
    "news",
    "school",
    "catalog",
    "security",
    "privacy",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "wagtail_localize",
    "wagtail.contrib.routable_page",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "security.users_app.UsersConfig",  # wagtail.users; roles offered to superusers only
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "rest_framework",
    "drf_spectacular",
]

MIDDLEWARE = [
    # Answers /healthz and /readyz before anything else (portal.health).
    "portal.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content Security Policy and the other headers of security/headers.py.
    "security.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "security.sessions.SessionTimeoutMiddleware",
    "security.twofactor.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Login throttling (django-axes): after the others, as its documentation asks.
    "axes.middleware.AxesMiddleware",
    "portal.personal_cache.PersonalPageCacheMiddleware",
    "portal.cache.AnonymousPageCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Persistent connections: PostgreSQL's dictionaries are loaded once per connection.
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "portal.User"
WAGTAILIMAGES_IMAGE_MODEL = "portal.CustomImage"

# django-axes first: it refuses a locked-out login before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Django's list is English; people here pick Polish words with digits tacked on
    # ("Kochanie2024!"), or their own name: security/auth_passwords.py refuses both.
    {"NAME": "security.auth_passwords.PolishCommonPasswordValidator"},
    {"NAME": "security.auth_passwords.PersonalDataPasswordValidator"},
]

# Login throttling (django-axes), for the portal's login and the Wagtail admin's alike.
# Locked out is the pair user name + IP address: an attacker guessing one person's password
# from one address is stopped, but cannot lock the real person out from everywhere by typing
# wrong passwords for their name (the person's own address still works), nor lock out a
# whole office behind one NAT address by guessing at one account.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# A lockout ends by itself after this long (no administrator needed).
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
# A successful login forgets the earlier failures of that name from that address.
AXES_RESET_ON_SUCCESS = True
# The page that says, in the language of the site, what happened and when to try again.
AXES_LOCKOUT_CALLABLE = "security.auth.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
# The client's address: REMOTE_ADDR, unless AXES_PROXY_COUNT names how many reverse proxies
# of ours stand in front (docs/nginx.conf: one). X-Forwarded-For is never trusted without
# it: anyone can send that header and would get a fresh address for every guess.
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("AXES_PROXY_COUNT", "0")) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)

# Two-factor authentication (security/twofactor.py): Editors, Moderators, Coordinators,
# staff and superusers must confirm their login with a code from an authenticator app
# before they enter the admin. Off only for a development machine that asks for it.
SECURITY_REQUIRE_2FA = os.environ.get("SECURITY_REQUIRE_2FA", "1") == "1"
# Paths that count as the privileged area: a privileged account without a second factor
# is sent to set one up before it gets in.
SECURITY_2FA_PATHS = ["/admin/", "/django-admin/"]
# The name authenticator apps show next to the account.
OTP_TOTP_ISSUER = "Kooperacja"

# Sessions (security/sessions.py). Idle: seconds without a request after which the session
# ends; shorter for privileged accounts, whose sessions can do more harm. Absolute: the
# longest a login lasts, however busy.
SECURITY_SESSION_IDLE_TIMEOUT = int(os.environ.get("SECURITY_SESSION_IDLE_TIMEOUT", "7200"))
SECURITY_SESSION_IDLE_TIMEOUT_PRIVILEGED = int(
    os.environ.get("SECURITY_SESSION_IDLE_TIMEOUT_PRIVILEGED", "1800")
)
SECURITY_SESSION_ABSOLUTE_TIMEOUT = int(
    os.environ.get("SECURITY_SESSION_ABSOLUTE_TIMEOUT", str(12 * 3600))
)
SESSION_COOKIE_AGE = SECURITY_SESSION_ABSOLUTE_TIMEOUT

LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", "Polski"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploaded images, renditions and documents go to an S3-compatible bucket when one is named
# (credentials from boto3's usual sources: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or
# an instance role); local files under MEDIA_ROOT otherwise. Static files stay with WhiteNoise.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", "media"),
            # Signed, expiring links unless the bucket (or its CDN) is public.
            "querystring_auth": os.environ.get("AWS_QUERYSTRING_AUTH", "1") == "1",
            # Two uploads named alike must not replace each other's file.
            "file_overwrite": False,
        },
    }

REDIS_URL = os.environ.get("REDIS_URL", "")


def cache_settings(redis_url=""):
    """The cache aliases: "default" (the page caches, their versions, sessions) and
    "renditions" (Wagtail's image renditions, looked up on every page showing an image).
    With a Redis URL they are shared by every worker process, so a publish seen by one
    worker empties the page cache of all; otherwise each process has its own memory cache."""
    if not redis_url:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "kooperacja",
            },
            "renditions": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "kooperacja-renditions",
            },
        }

    def redis(prefix, timeout):
        return {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": prefix,
            "TIMEOUT": timeout,
            # A Redis that does not answer fails the request (and /readyz) in seconds
            # instead of holding a worker.
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 2, "SOCKET_TIMEOUT": 2},
        }

    return {"default": redis("kooperacja", 300), "renditions": redis("kooperacja-r", 86400)}


CACHES = cache_settings(REDIS_URL)
# With Redis, sessions are read from the cache and written through to the database: a
# Redis restart or eviction does not log everybody out.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)
# Seconds an anonymous page view stays in the page cache; publishing, unpublishing,
# moving or deleting any page empties it at once (portal.cache).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Seconds a logged-in person's own page (e-School dashboard, course, lesson) stays in the
# server-side cache; any change of their records or of the site empties it (portal.personal_cache).
PERSONAL_PAGE_CACHE_SECONDS = int(os.environ.get("PERSONAL_PAGE_CACHE_SECONDS", "600"))

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
if ELASTICSEARCH_URL:
    # portal/search_backends.py: Wagtail's elasticsearch8 backend with the Polish analysis
    # chain (hunspell-pl, folding, stop words; the catalog's synonyms at query time).
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "portal.search_backends",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "kooperacja_"),
            # Seconds per request: when the server hangs, search falls back to the
            # database (catalog) or says so (site search) instead of holding the worker.
            "TIMEOUT": float(os.environ.get("ELASTICSEARCH_TIMEOUT", "3")),
            "OPTIONS": {"max_retries": 0},
            "REFRESH": os.environ.get("ELASTICSEARCH_REFRESH", "") == "1",
            # 0 for one node (CI, development); 1 on a three-node cluster.
            "INDEX_SETTINGS": {
                "settings": {
                    "index": {
                        "number_of_replicas": int(os.environ.get("ELASTICSEARCH_REPLICAS", "0"))
                    }
                }
            },
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# A teaching hour (godzina dydaktyczna) in minutes: a training day's length in teaching hours
# is its length divided by this, unless the event says otherwise.
SCHOOL_TEACHING_HOUR_MINUTES = int(os.environ.get("SCHOOL_TEACHING_HOUR_MINUTES", "45"))
# Years after the end of a project for which the personal data of the people it supported
# are kept (EU projects must keep their documents for audit); then `purge_personal_data`
# erases them, keeping the anonymous counts and hours.
SCHOOL_PERSONAL_DATA_RETENTION_YEARS = int(
    os.environ.get("SCHOOL_PERSONAL_DATA_RETENTION_YEARS", "5")
)

# Purge requests to a frontend cache (Varnish or another HTTP cache that accepts PURGE, a
# Cloudflare zone, a CloudFront distribution) when a page is published or unpublished.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_VARNISH_URL"):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_VARNISH_URL"],
    }
if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("FRONTEND_CACHE_CLOUDFLARE_TOKEN", ""),
        "ZONEID": os.environ["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
    }
if os.environ.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"],
    }
# Each translation is a page of its own with its own slug, published on its own: no
# purging of /en/<Polish slug>/ for every Polish page.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# The attendance indexes carry extra columns on PostgreSQL (INCLUDE, for the report of
# hours); SQLite builds them as plain indexes, which is all it needs. Said once here rather
# than on every command run on SQLite.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

WAGTAIL_SITE_NAME = "Kooperacja"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# mp4 and webm: the Polish Sign Language video of the easy-to-read page.
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "docx", "xlsx", "csv", "txt", "zip", "mp4", "webm"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_WORKFLOW_ENABLED = True

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "kooperacja@localhost")

# Demo accounts are made by `bootstrap` only where this is on (never in production).
DEMO_ACCOUNTS = False

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
# Frame, content-type and referrer headers: the security block at the end of this file.

# The public login of the portal (portal/accounts); the Wagtail admin keeps its own.
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:overview"
LOGOUT_REDIRECT_URL = "/"

PAGE_SIZE = 10
# A search query longer than this is cut; nobody types more and backends dislike it.
SEARCH_QUERY_MAX_LENGTH = 200

# Uploads (portal.uploads): 10 MB per image or document, at most 40 megapixels per image;
# the forms report an image bomb, a damaged image or a file too big as form errors.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.uploads.ImageForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.uploads.DocumentForm"

# The read-only JSON API of the catalog (/api/v1/) and its OpenAPI schema.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kooperacja: lista działań i usług",
    "DESCRIPTION": "Read-only API of the list of activities and services.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The schema covers /api/v1/ only (see catalog.api); the deploy check would walk every
    # URL, Wagtail's internal admin API included, and warn about views that are not ours.
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
}

# Map tiles on service and institution pages ({z}/{x}/{y} template). Empty: no map; the
# page is complete without it.
CATALOG_MAP_TILE_URL = os.environ.get(
    "CATALOG_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)
CATALOG_MAP_ATTRIBUTION = os.environ.get("CATALOG_MAP_ATTRIBUTION", "© OpenStreetMap contributors")

# --- Security headers and CSP (security/headers.py, security/csp.py; docs/deployment.md) ---
# The CSP goes on inside the page caches too, so that a cached page keeps the policy whose
# nonce its <script> tags carry (see security/headers.py).
MIDDLEWARE.insert(
    MIDDLEWARE.index("portal.cache.AnonymousPageCacheMiddleware") + 1,
    "security.headers.ContentSecurityPolicyMiddleware",
)
# Nobody frames a public page (CSP frame-ancestors 'none' says so to current browsers);
# Wagtail's preview pane sets SAMEORIGIN on its own responses.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Other sites learn only our origin, never a path (a password reset link, a search query).
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Browser features no page of the site uses, refused to any script that would ask.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "browsing-topics",
    )
)
# Paths served with the admin's looser policy (security/csp.py explains why).
CSP_ADMIN_PATH_PREFIXES = ["/admin/", "/django-admin/"]
# Hosts whose frames pages may embed (the video embeds of the page bodies); a comma-separated
# list of URLs or host names in CSP_FRAME_HOSTS replaces the default.
CSP_FRAME_HOSTS = env_list(
    "CSP_FRAME_HOSTS",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com",
)
# Further image hosts (a CDN in front of the media); the map tile host and the object
# storage are added by themselves.
CSP_EXTRA_IMG_HOSTS = env_list("CSP_EXTRA_IMG_HOSTS")
# Hosts the statistics script sends its data to, when they differ from where it is loaded
# (the statistics server of the site settings, portal/consent.py). Allowed only when set.
CSP_STATISTICS_CONNECT_HOSTS = env_list("CSP_STATISTICS_CONNECT_HOSTS")
# Private pages and collections: only for named users or groups, never a shared password
# (it is passed around, cannot be revoked for one person, and is not logged per person).
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}  # nosec B105 # an option, not a password
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}  # nosec B105 # an option
# Documents are always served by Django, which checks the collection's privacy first; the
# web server refuses /media/documents/ (docs/nginx.conf).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
