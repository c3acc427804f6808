"""A news index in both languages under the `site` fixture's home pages, and the two demo
projects (Polish with English translations)."""

from types import SimpleNamespace

import pytest

from catalog.models import Territory
from portal.models import Project
from tests.conftest import translate
from tests.factories.news import NewsIndexPageFactory


@pytest.fixture
def news_index(site):
    index_pl = NewsIndexPageFactory(parent=site.home_pl, show_in_menus=True)
    index_en = translate(index_pl, site.locales.en, title="News", slug="news", lead="What is new")
    return SimpleNamespace(pl=index_pl, en=index_en.specific, site=site)


@pytest.fixture
def projects(site):
    made = {}
    for slug, name, name_en in [
        ("liderzy", "Liderzy kooperacji", "Leaders of Cooperation"),
        ("kooperacje-3d", "Kooperacje 3D", "Kooperacje 3D"),
    ]:
        polish = Project.objects.create(slug=slug, name=name, locale=site.locales.pl)
        english = polish.copy_for_translation(site.locales.en)
        english.name = name_en
        english.save()
        made[slug] = SimpleNamespace(pl=polish, en=english)
    return made


@pytest.fixture
def territory(db):
    """A few units of the TERYT register (loaded by migration)."""
    return SimpleNamespace(
        **{
            name: Territory.objects.get(code=code)
            for name, code in [
                ("swietokrzyskie", "26"),
                ("slaskie", "24"),
                ("jedrzejowski", "2602"),
                ("oksa", "2602052"),
                ("narewka", "2005092"),
            ]
        }
    )


def translate_news(page, locale, **fields):
    """A published English copy of a news item (tags and photos copied, then changed as
    given: `tags=[...]`)."""
    tags = fields.pop("tags", None)
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    if tags is not None:
        translated.tags.set(tags)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated
