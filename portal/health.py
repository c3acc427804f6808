"""Health endpoints for the load balancer and the process manager.

`/healthz` (liveness) says only that this process answers: it touches neither the database
nor the cache, so a database or Redis outage does not get every worker restarted.
`/readyz` (readiness) checks what a page needs: the database, the cache and, when
Elasticsearch is the search backend, the search cluster. It answers 200 when all pass and
503 naming the failing checks; the body names checks and nothing else (no host names,
no error texts: those go to the log).

Both are answered by HealthCheckMiddleware, first in MIDDLEWARE, before the HTTPS redirect,
the host check, sessions and the page caches: a probe speaks plain HTTP to the worker's
address, and the page cache middleware would otherwise read Redis before /healthz runs."""

import logging
import uuid

from django.core.cache import caches
from django.db import connections
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# Seconds the search cluster may take to answer a readiness probe.
SEARCH_TIMEOUT = 3


def check_database():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise RuntimeError("unexpected answer to SELECT 1")


def check_cache():
    # A write and a read back: a cache that answers reads but refuses writes (a full or
    # read-only Redis) would leave the page caches unable to store or invalidate.
    cache = caches["default"]
    key = f"portal:readyz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    try:
        if cache.get(key) != "ok":
            raise RuntimeError("the cache did not return what was written")
    finally:
        cache.delete(key)


def search_cluster():
    """The Elasticsearch (or OpenSearch) client of the search backend; None for Wagtail's
    database backend, whose health is the database's."""
    from wagtail.search.backends import get_search_backend

    return getattr(get_search_backend(), "es", None)


def check_search(client):
    health = client.options(request_timeout=SEARCH_TIMEOUT).cluster.health()
    # Yellow (replicas not placed, e.g. a single node) still answers every search.
    if health["status"] not in ("green", "yellow"):
        raise RuntimeError(f"cluster status {health['status']}")


def readiness_checks():
    checks = {"database": check_database, "cache": check_cache}
    client = search_cluster()
    if client is not None:
        checks["search"] = lambda: check_search(client)
    return checks


@require_safe
@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


@require_safe
@never_cache
def readyz(request):
    results = {}
    for name, check in readiness_checks().items():
        try:
            check()
        except Exception:
            logger.exception("Readiness check %r failed", name)
            results[name] = "failing"
        else:
            results[name] = "ok"
    failing = sorted(name for name, result in results.items() if result != "ok")
    body = {"status": "failing" if failing else "ok", "checks": results}
    if failing:
        body["failing"] = failing
    return JsonResponse(body, status=503 if failing else 200)


VIEWS = {"/healthz": healthz, "/readyz": readyz}


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view = VIEWS.get(request.path_info)
        if view is None:
            return self.get_response(request)
        response = view(request)
        add_never_cache_headers(response)
        return response
