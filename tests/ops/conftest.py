"""Fixtures of the production-stack tests: the real backends named by the environment
(REDIS_URL, ELASTICSEARCH_URL, AWS_S3_ENDPOINT_URL, as the .ci/with-* scripts set them),
and helpers to start a server process on a free port."""

import os
import runpy
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

import pytest
from django.core.cache import cache, caches
from django_redis.cache import RedisCache

from portal.settings.base import cache_settings
from tests.conftest import PROJECT_ROOT


def needs_env(name, runner):
    value = os.environ.get(name, "")
    if not value:
        pytest.skip(f"{name} is not set: run under {runner} (CI does)")
    return value


@pytest.fixture
def redis_url():
    return needs_env("REDIS_URL", ".ci/with-redis")


@pytest.fixture
def redis_cache(redis_url, settings):
    """The cache aliases and sessions exactly as base.py makes them for REDIS_URL (whatever
    the test settings chose), emptied before and after the test."""
    settings.CACHES = cache_settings(redis_url)
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    assert isinstance(caches["default"], RedisCache)
    cache.clear()
    yield cache
    cache.clear()


@pytest.fixture
def elasticsearch_url():
    return needs_env("ELASTICSEARCH_URL", ".ci/with-elasticsearch")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def closed_port():
    """A port nothing listens on (bound, then released: connections are refused)."""
    return free_port()


def get(url, timeout=10):
    """Status, headers and body of a GET, error statuses included."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@contextmanager
def gunicorn(env, log_path, settings_module="portal.settings.test"):
    """A gunicorn worker serving the project with `env` added to the environment, its
    output in `log_path`; yields its base URL once it answers /healthz, stops it after."""
    port = free_port()
    full_env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module, **env}
    command = [sys.executable, "-m", "gunicorn", "portal.wsgi", "--workers", "1"]
    command += ["--bind", f"127.0.0.1:{port}", "--timeout", "30"]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=full_env, stdout=log, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise AssertionError(f"gunicorn exited: {log_path.read_text()}")
            try:
                if get(f"{base}/healthz", timeout=2)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError(f"no answer within 30 s: {log_path.read_text()}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def settings_from_env(monkeypatch, clear=(), **env):
    """The settings base.py makes in an environment with `env` set and the names in
    `clear` unset (read afresh, without touching the running Django's settings)."""
    for name in clear:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(PROJECT_ROOT / "portal" / "settings" / "base.py"))
