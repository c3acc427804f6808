"""Settings for benchmarks/school_scale.py: the base settings with DEBUG off (as in
production: no query log, no debug templates), demo accounts on (the measured users are
the demo learner and coordinator), plain static files (no manifest to collect) and a
database of its own, var/school_scale.sqlite3 unless DATABASE_URL says otherwise."""

import os

from portal.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = SECRET_KEY or "benchmark-only-not-secret-kooperacja-school-scale"  # noqa: F405
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
DEMO_ACCOUNTS = True
# The demo accounts get passwords; hashing them slowly measures nothing.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if not os.environ.get("DATABASE_URL"):
    DATABASES["default"]["NAME"] = str(BASE_DIR / "var" / "school_scale.sqlite3")  # noqa: F405
