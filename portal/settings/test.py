from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret-kooperacja"  # nosec B105 # noqa: S105 (tests only)
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
DEMO_ACCOUNTS = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
(BASE_DIR / "var").mkdir(exist_ok=True)  # noqa: F405 (gitignored: absent in a fresh clone)
# SQLite tests use a file so that --reuse-db keeps the migrated schema between runs.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.environ.get("PORTAL_TEST_DB", str(BASE_DIR / "var" / "test.sqlite3"))  # noqa: F405
    }
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
