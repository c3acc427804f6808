"""Every public GET endpoint, asked with random query parameters and random path parts
(hypothesis): never a server error. A 4xx (or a redirect) is a fine answer to nonsense.

The endpoints are not listed by hand: they are found by walking the URL configuration
(everything but the admin) and the routes of every routable page of a small site built with
the factories, so an endpoint added later is fuzzed without anybody remembering to. The
test checks it found the endpoints it knows of, so that a walk that silently finds nothing
fails. Deterministic (derandomize: the same examples on every run) and bounded
(MAX_EXAMPLES per endpoint) to stay within about a minute."""

import re
import string

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from tests.factories import UserFactory
from tests.factories.catalog import (
    CatalogPageFactory,
    CooperationTeamFactory,
    InstitutionFactory,
    ServiceFactory,
)
from tests.factories.content import GalleryIndexPageFactory, GalleryPageFactory, add_photos
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.portal import DocumentFactory
from tests.factories.school import CourseIndexPageFactory, build_course

MAX_EXAMPLES = 12
# Not public, or answered before the URL configuration (portal.health's middleware).
SKIPPED_PREFIXES = ("admin/", "django-admin/", "healthz", "readyz")

# The query parameters the views read, and some they do not.
KNOWN_PARAMETERS = [
    "q", "page", "area", "teryt", "sort", "free", "group", "type", "tag", "year", "woj",
    "project", "format", "next", "lang", "support", "from", "to", "code", "token", "cohort",
]  # fmt: skip
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),
    max_size=40,
)
VALUES = st.one_of(
    TEXT,
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(["", "0", "-1", "1e309", "NaN", "26", "2602052", "../../etc/passwd",
                     "' OR 1=1 --", "<script>alert(1)</script>", "%00", "\x00", "a" * 5000]),
)  # fmt: skip
QUERIES = st.lists(
    st.tuples(st.one_of(st.sampled_from(KNOWN_PARAMETERS), TEXT), VALUES), max_size=6
)
SEGMENT = st.one_of(
    st.text(alphabet=string.ascii_letters + string.digits + "-_.~%", min_size=1, max_size=30),
    st.integers(min_value=0, max_value=2**70).map(str),
    TEXT.filter(lambda text: text and "/" not in text),
)


def walk(resolver=None, prefix=""):
    """(pattern string, name) of every URL pattern, nested ones included."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        pattern = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from walk(entry, pattern)
        elif isinstance(entry, URLPattern):
            yield pattern, entry.name


PLACEHOLDER = re.compile(r"<(?:(\w+):)?(\w+)>|\(\?P<\w+>([^)]*)\)|\(([^)]*)\)|\.\*")
# Numbers for number parts: mostly the ids of the objects made below (the views then run
# their whole way with the random query), sometimes beyond any database integer.
NUMBER = st.one_of(st.integers(min_value=0, max_value=6), st.integers(0, 2**70)).map(str)


def fill(pattern, draw):
    """A concrete path for a pattern: each converter or group replaced by a drawn part (a
    number where the pattern wants one), regex anchors removed."""

    def part(match):
        converter, _name, named_regex, group_regex = match.groups()
        wants_number = converter == "int" or "\\d" in (named_regex or group_regex or "")
        return draw(NUMBER if wants_number else SEGMENT).replace("/", "")

    path = pattern.replace("^", "").replace("$", "")
    return PLACEHOLDER.sub(part, path).replace("\\", "")


@pytest.fixture(scope="module")
def endpoints(django_db_setup, django_db_blocker):
    """A small site (one page of each routable and plain type) and the endpoints to fuzz:
    (label, path template). Built once for the module, removed afterwards."""
    with django_db_blocker.unblock():
        from django.db import transaction

        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield _build_site()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _build_site():
    from django.core.cache import cache
    from wagtail.models import Locale, Site

    from portal.models import SiteSettings
    from tests.factories import HomePageFactory

    Locale.objects.get_or_create(language_code="pl")
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, title="Kooperacja", slug="pl-fuzz", lead="<p>Hej</p>")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    SiteSettings.for_site(site)
    news = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=news)
    galleries = GalleryIndexPageFactory(parent=home)
    add_photos(GalleryPageFactory(parent=galleries), 1)
    CatalogPageFactory(parent=home)
    institution = InstitutionFactory()
    ServiceFactory(institution=institution)
    CooperationTeamFactory()
    school = CourseIndexPageFactory(parent=home)
    build_course(school, modules=(1,), quiz_in=(1,))
    DocumentFactory()
    UserFactory()
    cache.clear()

    found = []
    for pattern, name in walk():
        if pattern.startswith(SKIPPED_PREFIXES) or "_util/" in pattern:
            continue
        if name == "wagtail_serve":
            continue  # every page below stands for it
        found.append((name or pattern, pattern))
    for page in home.get_descendants(inclusive=True).live().specific():
        url = page.url
        found.append((f"page:{type(page).__name__}", url.lstrip("/")))
        if isinstance(page, RoutablePageMixin):
            for route in page.get_subpage_urls():
                found.append(
                    (f"{type(page).__name__}:{route.name}", url.lstrip("/") + str(route.pattern))
                )
    # Keyed by the path pattern: two URL patterns may share a name (the site's root and the
    # API's root are both "root").
    return {pattern: label for label, pattern in found}


# The endpoints the walk must find (a few of each source), else it is broken.
EXPECTED = {
    "root", "sitemap", "robots_txt", "wagtaildocs_serve", "search", "overview", "login",
    "register", "password_reset", "service-list", "institution-detail", "schema", "hsds",
    "page:HomePage", "page:NewsPage", "page:GalleryPage", "page:LessonPage",
    "CatalogPage:service", "CatalogPage:plan", "CatalogPage:export_csv",
    "CatalogPage:territory_units", "CourseIndexPage:dashboard", "CourseIndexPage:certificate",
    "NewsIndexPage:rss_feed", "NewsIndexPage:atom_feed",
}  # fmt: skip


def test_the_walk_finds_every_kind_of_endpoint(endpoints):
    labels = set(endpoints.values())
    missing = EXPECTED - labels
    assert not missing, sorted(labels)
    assert len(endpoints) >= 50


def fuzzer(label, pattern, client):
    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(data=st.data(), query=QUERIES)
    def run(data, query):
        path = "/" + fill(pattern, data.draw)
        try:
            response = client.get(path, query, HTTP_ACCEPT_LANGUAGE="pl")
        except Exception as error:  # a server error, reported with what caused it
            raise AssertionError(f"{label}: GET {path} {query!r} raised {error!r}") from error
        assert response.status_code < 500, f"{label}: GET {path} {query!r}"

    return run


@pytest.mark.django_db
def test_no_public_get_endpoint_answers_with_a_server_error(endpoints):
    client = Client(raise_request_exception=True)
    failures = []
    for pattern, label in sorted(endpoints.items()):
        try:
            fuzzer(label, pattern, client)()
        except AssertionError as error:
            failures.append(str(error).splitlines()[0][:500])
    assert not failures, "\n".join(failures)
