"""Security of the web side (issue 8): headers on every response, the Content Security
Policy with its nonce (also on pages served from the page caches), `private, no-store` on
every page with personal data, private documents and certificates out of reach of a direct
media URL, no shared-password privacy, and `check --deploy` clean for production."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from security.csp import policy
from tests.conftest import PROJECT_ROOT
from tests.factories import UserFactory
from tests.factories.catalog import CatalogPageFactory
from tests.factories.content import GalleryIndexPageFactory, GalleryPageFactory, add_photos
from tests.factories.school import CourseIndexPageFactory, EnrolmentFactory, build_course

pytestmark = pytest.mark.django_db

NONCE = re.compile(r"'nonce-([A-Za-z0-9_-]{16,})'")


def directives(response):
    header = response["Content-Security-Policy"]
    parsed = {}
    for part in header.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


@pytest.fixture
def pages(site):
    galleries = GalleryIndexPageFactory(parent=site.home_pl)
    gallery = GalleryPageFactory(parent=galleries)
    add_photos(gallery, 2)
    catalog = CatalogPageFactory(parent=site.home_pl)
    school = CourseIndexPageFactory(parent=site.home_pl)
    course, _, lessons = build_course(school, modules=(1,))
    return {
        "home": site.home_pl.url,
        "gallery": gallery.url,
        "catalog": catalog.url,
        "plan": catalog.url + catalog.reverse_subpage("plan"),
        "school": school,
        "dashboard": school.url + school.reverse_subpage("dashboard"),
        "my_support": school.url + school.reverse_subpage("my_support"),
        "course": course,
        "lesson": lessons[0].url,
    }


# Headers on every response -----------------------------------------------------------------

COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


@pytest.mark.parametrize(
    "url",
    [
        "home",
        "gallery",
        "catalog",
        "/pl/szukaj/?q=x",
        "/pl/nie-ma-takiej-strony/",
        "/api/v1/services/",
        "/sitemap.xml",
        "/robots.txt",
        "/admin/login/",
    ],
)
def test_every_response_carries_the_security_headers(client, pages, url):
    response = client.get(pages.get(url, url))
    assert response.status_code in (200, 404)
    for name, value in COMMON_HEADERS.items():
        assert response[name] == value, name
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert directives(response)["object-src"] == ["'none'"]


def test_hsts_is_sent_over_https_with_the_production_values(client, site, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/pl/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    production = (PROJECT_ROOT / "portal/settings/production.py").read_text()
    assert 'SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))' in (
        production
    )


# Content Security Policy ---------------------------------------------------------------------


def test_public_pages_allow_scripts_only_from_the_site_or_with_the_nonce(client, pages):
    response = client.get(pages["gallery"])
    assert response.status_code == 200
    policy_ = directives(response)
    scripts = policy_["script-src"]
    assert "'self'" in scripts
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    nonce = NONCE.search(" ".join(scripts)).group(1)
    tags = re.findall(r"<script[^>]*>", response.content.decode())
    assert tags, "the gallery page loads its lightbox script"
    for tag in tags:
        assert f'nonce="{nonce}"' in tag
    assert policy_["frame-ancestors"] == ["'none'"]
    assert policy_["base-uri"] == ["'self'"]
    assert policy_["form-action"] == ["'self'"]
    assert policy_["default-src"] == ["'self'"]
    assert "https://tile.openstreetmap.org" in policy_["img-src"]


def test_each_request_gets_a_new_nonce(client, pages):
    first = NONCE.search(client.get(pages["catalog"])["Content-Security-Policy"]).group(1)
    second = NONCE.search(client.get(pages["catalog"])["Content-Security-Policy"]).group(1)
    assert first != second


def test_a_page_from_the_anonymous_cache_keeps_the_nonce_of_its_scripts(client, pages):
    first = client.get(pages["gallery"])
    second = client.get(pages["gallery"])
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    nonce = NONCE.search(second["Content-Security-Policy"]).group(1)
    assert f'nonce="{nonce}"' in second.content.decode()


def test_a_page_from_the_personal_cache_keeps_the_policy_it_was_stored_with(client, pages, user):
    EnrolmentFactory(user=user, course=pages["course"])
    client.force_login(user)
    responses = [client.get(pages["dashboard"]) for _ in range(3)]
    states = [response.get("X-Personal-Cache") for response in responses]
    assert "hit" in states, states
    stored = responses[states.index("miss")]
    hit = responses[states.index("hit")]
    # The policy was set inside the cache, so the hit repeats it (and any nonce the page's
    # scripts carry) instead of getting a fresh nonce that the stored HTML does not know.
    assert hit["Content-Security-Policy"] == stored["Content-Security-Policy"]
    for tag in re.findall(r"<script[^>]*>", hit.content.decode()):
        found = NONCE.search(hit["Content-Security-Policy"])
        assert found and f'nonce="{found.group(1)}"' in tag


def test_the_admin_gets_the_looser_documented_policy_and_public_pages_do_not(client, site):
    admin = directives(client.get("/admin/login/"))
    public = directives(client.get("/pl/"))
    assert "'unsafe-inline'" in admin["script-src"]
    assert "'unsafe-inline'" not in public["script-src"]
    assert admin["frame-ancestors"] == ["'self'"]  # the preview pane
    assert admin["object-src"] == ["'none'"]
    assert not NONCE.search(" ".join(admin["script-src"]))


@pytest.mark.parametrize(
    ("changes", "directive", "expected", "absent"),
    [
        ({"CATALOG_MAP_TILE_URL": ""}, "img-src", ["'self'"], ["https://tile.openstreetmap.org"]),
        (
            {"CATALOG_MAP_TILE_URL": "https://tiles.example.pl/{z}/{x}/{y}.png"},
            "img-src",
            ["https://tiles.example.pl"],
            ["https://tile.openstreetmap.org"],
        ),
        ({"MEDIA_URL": "https://cdn.example.pl/media/"}, "img-src", ["https://cdn.example.pl"], []),
        (
            {"CSP_FRAME_HOSTS": ["https://www.youtube-nocookie.com"]},
            "frame-src",
            ["https://www.youtube-nocookie.com"],
            ["https://player.vimeo.com"],
        ),
        ({"CSP_FRAME_HOSTS": []}, "frame-src", ["'none'"], ["https://www.youtube.com"]),
    ],
)
def test_other_hosts_come_from_the_settings(settings, changes, directive, expected, absent):
    for name, value in changes.items():
        setattr(settings, name, value)
    header = policy(nonce="n0nce")
    sources = next(p.split()[1:] for p in header.split("; ") if p.split()[0] == directive)
    for source in expected:
        assert source in sources
    for source in absent:
        assert source not in sources


def test_the_object_storage_host_is_allowed_for_images(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": "kooperacja", "endpoint_url": "https://s3.example.pl"},
        },
    }
    header = policy()
    assert "https://s3.example.pl" in header and "https://kooperacja.s3.example.pl" in header


# Cache-Control on pages with personal data -----------------------------------------------------


def _no_store(response):
    value = response.get("Cache-Control", "")
    return "no-store" in value and "private" in value


@pytest.fixture
def trainee(pages):
    person = UserFactory()
    EnrolmentFactory(user=person, course=pages["course"])
    return person


PERSONAL_URLS = [
    ("accounts:overview", 200),
    ("accounts:profile", 200),
    ("accounts:my_data", 200),
    ("accounts:password_change", 200),
    ("dashboard", 200),
    ("my_support", 200),
    ("lesson", 200),
    ("course", 200),
    ("plan", 200),
    ("home", 200),  # the header shows the person's name
]


@pytest.mark.parametrize(("name", "status"), PERSONAL_URLS)
def test_pages_shown_to_a_logged_in_person_are_private_no_store(
    client, pages, trainee, name, status
):
    client.force_login(trainee)
    target = pages.get(name)
    url = target.url if hasattr(target, "url") else target or reverse(name)
    first = client.get(url)
    assert first.status_code == status
    assert _no_store(first), first.get("Cache-Control")
    # The server-side personal cache (portal.personal_cache) may serve the second view:
    # the browser still gets no-store.
    second = client.get(url)
    assert second.status_code == status
    assert _no_store(second), second.get("Cache-Control")


@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/", "/django-admin/"])
def test_the_admin_is_private_no_store(client, site, url):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(superuser)
    response = client.get(url)
    assert response.status_code in (200, 302)
    assert _no_store(response)


@pytest.mark.parametrize(
    "name",
    ["accounts:login", "accounts:register", "accounts:password_reset", "plan"],
)
def test_personal_pages_are_private_even_before_logging_in(client, pages, name):
    url = pages.get(name) or reverse(name)
    response = client.get(url)
    assert response.status_code == 200
    assert _no_store(response)


@pytest.mark.parametrize("name", ["home", "gallery", "/pl/szukaj/?q=pomoc", "/api/v1/services/"])
def test_public_pages_for_anonymous_visitors_stay_cacheable(client, pages, name):
    response = client.get(pages.get(name, name))
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
    assert "private" not in response.get("Cache-Control", "")
    if name in ("home", "gallery"):
        assert client.get(pages[name])["X-Page-Cache"] == "hit"


# Private documents and certificates ------------------------------------------------------------


@pytest.fixture
def private_document(site):
    root = Collection.get_first_root_node()
    drafts = root.add_child(name="Projekty dokumentów konsultacji")
    CollectionViewRestriction.objects.create(
        collection=drafts, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model()(title="Projekt uchwały", collection=drafts)
    document.file.save("projekt-uchwaly.txt", ContentFile(b"PROJEKT - poufny szkic"), save=False)
    document.save()
    return document


def test_a_private_document_is_not_served_to_an_anonymous_visitor(client, private_document):
    response = client.get(private_document.url)
    assert response.status_code == 302
    assert "PROJEKT" not in response.content.decode()


def test_a_private_document_reaches_a_logged_in_person_only_as_private_no_store(
    client, private_document, user
):
    client.force_login(user)
    response = client.get(private_document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"PROJEKT - poufny szkic"
    assert _no_store(response)


@pytest.mark.parametrize(
    "path",
    [
        "/media/documents/{name}",
        "/media/documents/../documents/{name}",
        "/media/%64ocuments/{name}",
        "/pl/media/documents/{name}",
    ],
)
def test_no_media_url_serves_a_document_file(client, private_document, path):
    name = Path(private_document.file.path).name
    assert Path(private_document.file.path).read_bytes() == b"PROJEKT - poufny szkic"
    assert private_document.url.startswith("/documents/")
    response = client.get(path.format(name=name), follow=True)
    assert response.status_code == 404
    assert b"PROJEKT" not in response.content


def test_documents_are_served_by_django_which_checks_privacy(settings):
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    conf = (PROJECT_ROOT / "docs/nginx.conf").read_text()
    assert re.search(r"location \^?~? ?/media/documents/ \{\s*return 404;", conf)


def test_a_certificate_pdf_is_made_on_request_and_never_written_to_media(client, settings):
    # Certificates are rendered by school.certificate_views.download for each request
    # (behind a login and can_download); nothing in the school app writes files.
    sources = "".join(path.read_text() for path in (PROJECT_ROOT / "school").rglob("*.py"))
    assert "default_storage" not in sources
    assert "FileField(" not in sources.replace("forms.FileField(", "")
    media = Path(settings.MEDIA_ROOT)
    before = set(media.rglob("*")) if media.exists() else set()
    response = client.get("/pl/e-szkola/certyfikat/ABCD-EFGH/pdf/")
    assert response.status_code in (302, 404)
    after = set(media.rglob("*")) if media.exists() else set()
    assert after == before


# Shared-password privacy -------------------------------------------------------------------


def test_the_page_privacy_dialog_offers_no_shared_password(client, site):
    editor = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:set_privacy", args=[site.home_pl.pk]))
    assert response.status_code == 200
    html = response.json()["html"]
    assert 'value="login"' in html and 'value="groups"' in html
    assert 'value="password"' not in html
    # And a forged form is refused.
    forged = client.post(
        reverse("wagtailadmin_pages:set_privacy", args=[site.home_pl.pk]),
        {"restriction_type": "password", "password": "wspólne-hasło"},
    )
    assert forged.status_code == 200
    assert not PageViewRestriction.objects.filter(restriction_type="password").exists()


def test_the_collection_privacy_dialog_offers_no_shared_password(client, site):
    editor = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(editor)
    collection = Collection.get_first_root_node().add_child(name="Szkice")
    response = client.get(reverse("wagtailadmin_collections:set_privacy", args=[collection.pk]))
    assert response.status_code == 200
    html = response.json()["html"]
    assert 'value="login"' in html
    assert 'value="password"' not in html


# check --deploy ----------------------------------------------------------------------------


def test_check_deploy_is_clean_with_the_production_settings(tmp_path):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": "k" * 20 + "-production-like-secret-for-the-deploy-check-0123456789",
        "DJANGO_ALLOWED_HOSTS": "kooperacja.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
