"""The page caches and sessions on a real Redis (REDIS_URL; `.ci/with-redis` starts Debian's
redis-server). The behaviour tests of the anonymous and the personal page cache run again
here unchanged, with the cache swapped for Redis by the autouse fixture; the tests below
them cover what only a shared cache can show: two processes (two gunicorn workers) seeing
the same versions, and sessions kept in Redis and in the database."""

import os
import subprocess
import sys

import pytest
import redis
from django.contrib.sessions.backends.cached_db import KEY_PREFIX
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client

from portal import cache as page_cache
from portal import personal_cache
from tests.conftest import PROJECT_ROOT
from tests.factories import StandardPageFactory, UserFactory
from tests.factories.portal import PASSWORD

# Reused as they are: collected in this module, they run with the autouse fixture below.
from tests.portal.test_cache import (  # noqa: F401
    section,
    test_logged_in_user_never_gets_the_cache,
    test_publishing_a_change_shows_at_once,
    test_second_anonymous_view_is_served_from_the_cache,
    test_unpublishing_removes_the_page_at_once,
)
from tests.portal.test_personal_cache import (  # noqa: F401
    course,
    learner,
    test_a_new_session_does_not_reuse_the_old_entry,
    test_a_publish_empties_the_cache,
    test_a_renamed_learner_sees_the_new_name,
    test_another_person_never_gets_the_page,
    test_marking_a_lesson_read_shows_on_the_next_view,
    test_repeat_dashboard_view_is_a_hit_with_two_queries,
)

pytestmark = pytest.mark.redis

LEARNER_ID = 7
LOGIN = "/pl/konto/logowanie/"
ACCOUNT = "/pl/konto/"
LOGOUT = "/pl/konto/wylogowanie/"

# Another process with the same settings: what a second gunicorn worker would see.
OTHER_WORKER = """
import sys
import django
django.setup()
from portal import cache, personal_cache
action, user_id = sys.argv[1], int(sys.argv[2])
if action == "publish":
    cache.invalidate()
elif action == "progress":
    personal_cache.invalidate_user(user_id)
print(cache.current_version(), personal_cache.user_version(user_id))
"""


@pytest.fixture(autouse=True)
def _on_redis(redis_cache):
    yield


def other_worker(action="read", user_id=LEARNER_ID):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    done = subprocess.run(
        [sys.executable, "-c", OTHER_WORKER, action, str(user_id)],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    site_version, user_version = done.stdout.split()[-2:]
    return site_version, user_version


def test_the_cache_really_is_the_redis_server(redis_url):
    cache.set("portal:probe", "zażółć", 30)
    server = redis.Redis.from_url(redis_url)
    keys = [key.decode() for key in server.scan_iter("*portal:probe*")]
    assert keys == ["kooperacja:1:portal:probe"]


def test_versions_are_shared_between_worker_processes(site, client):
    StandardPageFactory(parent=site.home_pl, title="O projekcie")
    assert client.get("/pl/o-projekcie/")["X-Page-Cache"] == "miss"
    assert client.get("/pl/o-projekcie/")["X-Page-Cache"] == "hit"
    here = (page_cache.current_version(), personal_cache.user_version(LEARNER_ID))
    assert other_worker() == here

    # A publish handled by the other worker empties this worker's page cache.
    published = other_worker("publish")
    assert published[0] != here[0]
    assert page_cache.current_version() == published[0]
    assert client.get("/pl/o-projekcie/")["X-Page-Cache"] == "miss"

    # A learner's progress recorded by the other worker reaches this one's personal cache.
    progressed = other_worker("progress")
    assert progressed[1] != here[1]
    assert personal_cache.user_version(LEARNER_ID) == progressed[1]


def test_sessions_live_in_redis_and_survive_across_requests(site, redis_url):
    person = UserFactory(username="uczestnik", first_name="Urszula")
    browser = Client()
    response = browser.post(LOGIN, {"username": "uczestnik", "password": PASSWORD})
    assert response.status_code == 302
    key = browser.cookies["sessionid"].value
    assert cache.get(KEY_PREFIX + key)["_auth_user_id"] == str(person.pk)
    server = redis.Redis.from_url(redis_url)
    assert list(server.scan_iter(f"*{KEY_PREFIX}{key}"))

    # Another client with only the cookie (a request landing on another worker).
    other = Client()
    other.cookies["sessionid"] = key
    page = other.get(ACCOUNT)
    assert page.status_code == 200
    assert page.wsgi_request.user == person

    # Redis emptied (restarted, or the key evicted): the session is read from the
    # database, and put back into Redis.
    cache.clear()
    assert not list(server.scan_iter(f"*{key}*"))
    assert other.get(ACCOUNT).status_code == 200
    assert cache.get(KEY_PREFIX + key)["_auth_user_id"] == str(person.pk)

    # Logging out ends it everywhere.
    assert other.post(LOGOUT).status_code == 302
    assert cache.get(KEY_PREFIX + key) is None
    assert not Session.objects.filter(session_key=key).exists()
    assert browser.get(ACCOUNT).status_code == 302
