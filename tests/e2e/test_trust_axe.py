"""The accessibility sweep: axe-core (WCAG 2.0 and 2.1, levels A and AA) on one page of every
page type of the demo site and on every HTML route of its routable pages and of the account
and search views, in Polish and in English, with zero violations.

The sweep is a list of stops, each built from a live page of the demo site (or a route of
one). Two tests keep it complete: every page model with a live page in the demo site must be
reached by a stop in both languages, and every named route of a routable page must either be
a stop or be listed in ``NOT_PAGES`` with the reason it is no HTML page of its own. A new page
type or route therefore fails here until it is swept.

Some page types also have their own axe tests elsewhere in tests/e2e/ (in more states: with
filters, errors, a dialog open); this sweep is the one place that proves every type is
checked. One browser context serves the whole module: stops for the demo trainee
("uczestnik") carry that account's session cookie, the others none."""

import re
from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.e2e.conftest import DESKTOP, _path, _serve_media
from tests.e2e.test_accessibility import (
    LANGUAGES,
    NOT_FOUND,
    SEARCH_WITH_RESULTS,
    axe_violations,
    describe,
)

pytestmark = pytest.mark.browser

TRAINEE = "uczestnik"
OKSA = "2602052"
CATALOG_FILTERS = f"?q=osoby+starsze&teryt=26&teryt=2602&teryt={OKSA}&free=1"
# 1x1 transparent PNG: the answer to every request that would leave the machine (map tiles).
BLANK_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)

# Routes of routable pages that are no page of their own: downloads, POST-only actions
# (they answer with a redirect back to a swept page), and the territory lists the catalog's
# script fetches. Anything else a routable page adds must be a stop of the sweep.
NOT_PAGES = {
    "catalog.CatalogPage": {
        "export_csv": "a CSV download",
        "territory_units": "an HTML fragment fetched by the catalog's script",
        "plan_add": "POST only, redirects back",
        "plan_remove": "POST only, redirects back",
        "plan_move": "POST only, redirects back",
        "plan_clear": "POST only, redirects back",
        "plan_print": "the print view of the plan: no site chrome, print.css",
        "plan_pdf": "a PDF download",
        "plan_share": "POST only, redirects to the shared plan",
        "shared_plan_pdf": "a PDF download",
    },
    "school.CourseIndexPage": {
        "certificate_pdf": "a PDF download",
    },
    "news.NewsIndexPage": {
        "rss_feed": "an RSS feed (XML)",
        "atom_feed": "an Atom feed (XML)",
    },
}


@dataclass(frozen=True)
class Stop:
    """One address of the sweep in both languages. `pages` are the live pages the address
    serves ({language: page}), for the completeness test; `route` the routable page's route
    name it shows, if any."""

    urls: dict
    pages: dict = field(default_factory=dict)
    route: tuple = ()  # (page model label, route name)
    trainee: bool = False
    status: int = 200


def _pair(page, english):
    return {"pl": page, "en": page.get_translation(english)}


def _route(pages, name, **kwargs):
    from portal.navigation import route_url

    urls = {}
    for language, page in pages.items():
        with translation.override(language):
            urls[language] = route_url(page, name, **kwargs)
    return urls


def _reverse(name, **kwargs):
    urls = {}
    for language in LANGUAGES:
        with translation.override(language):
            urls[language] = reverse(name, kwargs=kwargs)
    return urls


def _page_stop(pages, trainee=False, query=""):
    return Stop(
        urls={language: _path(page) + query for language, page in pages.items()},
        pages=pages,
        trainee=trainee,
    )


def _route_stop(pages, name, trainee=False, query="", **kwargs):
    label = pages["pl"].specific_class._meta.label
    urls = {lang: url + query for lang, url in _route(pages, name, **kwargs).items()}
    return Stop(urls=urls, route=(label, name), trainee=trainee)


def build_sweep(demo_site):
    """{stop name: Stop} for the demo site. The first page of each type in tree order unless
    a richer one is named (a gallery with photos, a lesson with a quiz the trainee took)."""
    from wagtail.models import Locale, Page

    from catalog.models import CatalogPage, CooperationTeam
    from catalog.search import public_services
    from school.models import (
        CoachingSession,
        CourseIndexPage,
        Enrolment,
        LessonPage,
        SupervisionSession,
        TrainingEvent,
    )
    from school.people import person_for_user

    english = Locale.objects.get(language_code="en")
    polish = Locale.objects.get(language_code="pl")

    def first(model, **filters):
        page = model.objects.live().filter(locale=polish, **filters).order_by("path").first()
        assert page is not None, f"the demo site has no live {model.__name__}"
        return _pair(page, english)

    from portal.models import User

    trainee = User.objects.get(username=TRAINEE)
    sweep = {}
    # Every page model with a live Polish page, by its first page in tree order.
    for page in (
        Page.objects.live().filter(locale=polish, depth__gt=1).order_by("path").specific(defer=True)
    ):
        name = page.specific_class._meta.label
        if name not in sweep and page.get_translation_or_none(english) is not None:
            sweep[name] = _page_stop(_pair(page, english))

    from news.models import NewsPage
    from portal.models import GalleryPage, GoodPracticePage

    sweep["portal.GalleryPage"] = _page_stop(first(GalleryPage, slug="wizyta-w-narewce-2018"))
    sweep["portal.GoodPracticePage"] = _page_stop(
        first(GoodPracticePage, slug="pakiet-socjalny-oksa-wodzislaw")
    )
    sweep["news.NewsPage"] = _page_stop(
        first(NewsPage, slug="wymiana-doswiadczen-w-gminie-narewka")
    )

    # The e-School as the demo trainee sees it: a course they are enrolled in, its first
    # module (which leads to the course) and a lesson with a quiz they have taken.
    # Courses are described in both languages but taught in Polish: modules and lessons
    # exist in Polish only (see POLISH_ONLY).
    lessons = []
    for enrolment in Enrolment.objects.filter(user=trainee, course__live=True).order_by("pk"):
        lessons = [
            lesson
            for lesson in LessonPage.objects.live().descendant_of(enrolment.course).order_by("path")
            if lesson.has_quiz
        ]
        if lessons:
            break
    assert lessons, f"the demo trainee {TRAINEE} has no course with a quiz"
    sweep["school.CoursePage"] = _page_stop(_pair(enrolment.course, english), trainee=True)
    sweep["school.ModulePage"] = _page_stop({"pl": lessons[0].get_parent().specific}, trainee=True)
    sweep["school.LessonPage"] = _page_stop({"pl": lessons[0]}, trainee=True)
    sweep["catalog.CatalogPage"] = _page_stop(first(CatalogPage), query=CATALOG_FILTERS)

    school = first(CourseIndexPage)
    event = TrainingEvent.objects.filter(starts_on__isnull=False).order_by("-starts_on").first()
    person = person_for_user(trainee)
    coaching = CoachingSession.objects.filter(coachees=person).order_by("pk").first()
    assert coaching, f"the demo trainee {TRAINEE} has no coaching session"
    supervision = SupervisionSession.objects.filter(members=person).order_by("pk").first()
    if supervision is None:
        # The demo's supervised teams are of people without accounts: one session is added
        # for the trainee (the database is restored after the browser tests).
        from tests.factories.records import SupervisionSessionFactory

        supervision = SupervisionSessionFactory(
            supervisor=User.objects.get(username="coach"),
            members=[person],
            members__consented=True,
            team_name="Zadaniowy zespół kooperacyjny nr 1 – Bieliny",
        )
    sweep.update(
        {
            "school:dashboard": _route_stop(school, "dashboard", trainee=True),
            "school:trainings": _route_stop(school, "trainings"),
            "school:training": _route_stop(school, "training", pk=event.pk),
            "school:my_support": _route_stop(school, "my_support", trainee=True),
            "school:my_coaching": _route_stop(school, "my_coaching", trainee=True, pk=coaching.pk),
            "school:my_supervision": _route_stop(
                school, "my_supervision", trainee=True, pk=supervision.pk
            ),
        }
    )
    from school.models import Certificate

    certificate = Certificate.objects.filter(enrolment__user=trainee).order_by("pk").first()
    assert certificate is not None, f"the demo trainee {TRAINEE} has no certificate"
    sweep["school:certificate"] = _route_stop(school, "certificate", code=certificate.code)

    catalog = first(CatalogPage)
    service = public_services().order_by("pk").first()
    team = CooperationTeam.objects.order_by("pk").first()
    assert team is not None, "the demo catalog has no cooperation team"
    sweep.update(
        {
            "catalog:service": _route_stop(catalog, "service", service_id=service.pk),
            "catalog:institution": _route_stop(
                catalog, "institution", institution_id=service.institution_id
            ),
            "catalog:teams": _route_stop(catalog, "teams"),
            "catalog:team": _route_stop(catalog, "team", team_id=team.pk),
            "catalog:plan": _route_stop(catalog, "plan"),
        }
    )
    # A shared plan is made by the plan's own form (test_catalog.py); here an unknown token
    # shows how the shared-plan route answers when the plan has gone.
    sweep["catalog:shared_plan"] = Stop(
        urls={k: v for k, v in _route(catalog, "shared_plan", token="x" * 22).items()},
        route=("catalog.CatalogPage", "shared_plan"),
        status=404,
    )

    for name in (
        "login",
        "register",
        "resend_activation",
        "password_reset",
        "password_reset_done",
        "privacy",
    ):
        sweep[f"accounts:{name}"] = Stop(urls=_reverse(f"accounts:{name}"))
    sweep["accounts:password_reset_confirm"] = Stop(
        urls=_reverse("accounts:password_reset_confirm", uidb64="MA", token="bad-token")
    )
    sweep["accounts:activate"] = Stop(
        urls=_reverse("accounts:activate", token="bad-token"), status=400
    )
    for name in ("overview", "profile", "my_data", "password_change", "erase"):
        sweep[f"accounts:{name}"] = Stop(urls=_reverse(f"accounts:{name}"), trainee=True)

    search = _reverse("search")
    sweep["search"] = Stop(
        urls={lang: f"{search[lang]}?q={SEARCH_WITH_RESULTS[lang]}" for lang in LANGUAGES}
    )
    sweep["not-found"] = Stop(urls=dict(NOT_FOUND), status=404)
    return sweep


# The stop names are fixed here so that pytest can list the tests before the demo site
# exists; test_the_sweep_names_every_stop checks them against build_sweep().
STOP_NAMES = [
    "portal.HomePage",
    "portal.StandardPage",
    "news.NewsIndexPage",
    "news.NewsPage",
    "portal.GalleryIndexPage",
    "portal.GalleryPage",
    "portal.ConsultationIndexPage",
    "portal.ConsultationPage",
    "portal.GoodPracticeIndexPage",
    "portal.GoodPracticePage",
    "portal.ModelPage",
    "portal.PilotFiguresPage",
    "portal.AccessibilityStatementPage",
    "portal.EasyReadPage",
    "school.CourseIndexPage",
    "school.CoursePage",
    "school.ModulePage",
    "school.LessonPage",
    "school:dashboard",
    "school:trainings",
    "school:training",
    "school:my_support",
    "school:my_coaching",
    "school:my_supervision",
    "school:certificate",
    "catalog.CatalogPage",
    "catalog:service",
    "catalog:institution",
    "catalog:teams",
    "catalog:team",
    "catalog:plan",
    "catalog:shared_plan",
    "accounts:login",
    "accounts:register",
    "accounts:resend_activation",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:activate",
    "accounts:privacy",
    "accounts:overview",
    "accounts:profile",
    "accounts:my_data",
    "accounts:password_change",
    "accounts:erase",
    "search",
    "not-found",
]


# Modules and lessons have no English pages: the courses are taught in Polish.
POLISH_ONLY = {"school.ModulePage", "school.LessonPage"}
STOPS = [
    (name, language)
    for name in STOP_NAMES
    for language in LANGUAGES
    if language == "pl" or name not in POLISH_ONLY
]


@pytest.fixture(scope="module")
def sweep(demo_site, django_db_blocker):
    with django_db_blocker.unblock():
        return build_sweep(demo_site)


@pytest.fixture(scope="module")
def sweep_context(browser, demo_site, live_server):
    # bypass_csp: axe is injected as an inline script, which a strict CSP refuses.
    context = browser.new_context(
        base_url=live_server.url,
        viewport=DESKTOP,
        locale="pl-PL",
        reduced_motion="reduce",
        bypass_csp=True,
    )
    context.set_default_timeout(10_000)
    context.route(
        re.compile(rf"^(?!{re.escape(live_server.url)}/)https?://"),
        lambda route: route.fulfill(body=BLANK_PNG, content_type="image/png"),
    )
    context.route(
        re.compile(rf"^{re.escape(live_server.url)}{re.escape(settings.MEDIA_URL)}"),
        _serve_media(demo_site.media_root),
    )
    yield context
    context.close()


@pytest.fixture(scope="module")
def trainee_cookie(demo_site, live_server, django_db_blocker):
    """The demo trainee's session cookie (the login form itself is tested elsewhere)."""
    from django.test import Client

    from portal.models import User

    with django_db_blocker.unblock():
        client = Client()
        client.force_login(User.objects.get(username=TRAINEE))
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }


@pytest.fixture(scope="module")
def sweep_page(sweep_context):
    return sweep_context.new_page()


def visit(page, stop, language, trainee_cookie):
    """Open a stop as the visitor it is meant for and check it is the real thing."""
    page.context.clear_cookies()
    if stop.trainee:
        page.context.add_cookies([trainee_cookie])
    response = page.goto(stop.urls[language])
    assert response.status == stop.status, (stop.urls[language], response.status)
    assert page.locator("html").get_attribute("lang") == language
    assert page.evaluate(
        "() => [...document.styleSheets].some(sheet => sheet.href && "
        "sheet.href.endsWith('/css/site.css') && sheet.cssRules.length > 0)"
    ), "site.css did not load"
    if stop.trainee:
        # Not sent to the login form: the trainee's own page was checked.
        assert "/logowanie/" not in page.url and "/login/" not in page.url, page.url


def test_the_sweep_names_every_stop(sweep):
    built = {(name, language) for name, stop in sweep.items() for language in stop.urls}
    assert not built - set(STOPS), "stops built but not run: add them to STOP_NAMES"
    assert not set(STOPS) - built, "stops named but not built"


def test_every_page_type_with_live_pages_is_swept(sweep, django_db_blocker):
    """Each page model of the site with a live page in the demo site is reached by a stop,
    in every language it has live pages in."""
    from wagtail.models import Page, get_page_models

    with django_db_blocker.unblock():
        live = {
            (model._meta.label, language)
            for model in get_page_models()
            if model is not Page
            for language in model.objects.live()
            .filter(depth__gt=1)
            .values_list("locale__language_code", flat=True)
            .distinct()
        }
    covered = {
        (page.specific_class._meta.label, language)
        for stop in sweep.values()
        for language, page in stop.pages.items()
    }
    missing = sorted(live - covered)
    assert not missing, f"page types with live pages that the sweep does not reach: {missing}"


def test_every_route_of_a_routable_page_is_swept_or_no_page(sweep):
    from wagtail.contrib.routable_page.models import RoutablePageMixin
    from wagtail.models import get_page_models

    swept = {stop.route for stop in sweep.values() if stop.route}
    missing = []
    for model in get_page_models():
        if not issubclass(model, RoutablePageMixin):
            continue
        label = model._meta.label
        for pattern in model.get_subpage_urls():
            name = pattern.name
            # The empty route is the page itself, reached by its page stop.
            if str(pattern.pattern) == "" or name in NOT_PAGES.get(label, {}):
                continue
            if (label, name) not in swept:
                missing.append((label, name))
    assert not missing, f"routes neither swept nor listed in NOT_PAGES: {missing}"


@pytest.mark.parametrize(("name", "language"), STOPS)
def test_no_axe_violations(sweep_page, sweep, trainee_cookie, name, language):
    stop = sweep[name]
    visit(sweep_page, stop, language, trainee_cookie)
    violations = axe_violations(sweep_page)
    assert not violations, f"axe on {sweep_page.url}:\n{describe(violations)}"
