"""Settings for benchmarks/load.py: production settings, plus what a throwaway local run
needs. load.py sets the environment (secret key, hosts, DATABASE_URL, MEDIA_ROOT, ...);
importing this module without it fails just as production does."""

import os
from pathlib import Path

from portal.settings.production import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "benchmarks.urls"

# collectstatic writes into the run's temp dir; whitenoise serves from there.
STATIC_ROOT = Path(os.environ.get("BENCH_STATIC_ROOT") or STATIC_ROOT)  # noqa: F405

# The cache stays as base.py chose it: per-process locmem (each gunicorn worker fills its
# own page cache), or Redis when REDIS_URL is set. There each run gets its own key prefix
# (load.py removes its keys at the end), so it neither reads nor pollutes a real cache.
if REDIS_URL:  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = os.environ.get(  # noqa: F405
        "BENCH_CACHE_KEY_PREFIX", "kooperacja-bench"
    )
