"""Where news pages may live, what a news item holds, and the CMS forms for them."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone
from wagtail.models import Page

from news.models import NewsIndexPage, NewsPage, NewsPhoto
from portal.models import HomePage, StandardPage
from tests.factories import StandardPageFactory, UserFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory


def test_news_index_lives_only_under_a_home_page(news_index):
    home = news_index.site.home_pl
    standard = StandardPageFactory(parent=home, title="O projekcie")
    assert NewsIndexPage.can_create_at(home)
    assert not NewsIndexPage.can_create_at(standard)
    assert not NewsIndexPage.can_create_at(news_index.pl)
    assert not NewsIndexPage.can_create_at(Page.get_first_root_node())
    assert NewsIndexPage in HomePage.allowed_subpage_models()
    assert NewsIndexPage not in StandardPage.allowed_subpage_models()


def test_news_item_lives_only_under_a_news_index(news_index):
    home = news_index.site.home_pl
    standard = StandardPageFactory(parent=home, title="O projekcie")
    item = NewsPageFactory(parent=news_index.pl)
    assert NewsPage.can_create_at(news_index.pl)
    assert not NewsPage.can_create_at(home)
    assert not NewsPage.can_create_at(standard)
    assert not NewsPage.can_create_at(item)
    assert NewsIndexPage.allowed_subpage_models() == [NewsPage]
    assert NewsPage.allowed_subpage_models() == []
    assert not StandardPage.can_create_at(item)


def test_news_goes_through_moderation():
    assert NewsIndexPage.requires_moderation is True


def test_publication_date_defaults_to_today_in_poland():
    assert NewsPage().date == timezone.localdate()
    # Half past eleven at night on New Year's Eve in UTC is already New Year's Day in Poland.
    late = datetime.datetime(2019, 12, 31, 23, 30, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=late):
        assert NewsPage().date == datetime.date(2020, 1, 1)


def test_tags_photos_and_links_are_saved_with_the_page(news_index, projects, territory):
    item = NewsPageFactory(
        parent=news_index.pl,
        tags=["seniorzy", "szkolenia"],
        photos=2,
        territory=territory.oksa,
        project=projects["liderzy"].pl,
        institution="PCPR Jędrzejów",
    )
    fresh = NewsPage.objects.get(pk=item.pk)
    assert sorted(fresh.tags.names()) == ["seniorzy", "szkolenia"]
    assert [photo.caption for photo in fresh.photos.all()] == ["Zdjęcie 1", "Zdjęcie 2"]
    assert all(photo.locale_id == news_index.site.locales.pl.pk for photo in fresh.photos.all())
    assert fresh.territory.code == "2602052"
    assert fresh.project.slug == "liderzy"
    # The live revision holds the same, as the CMS would publish it.
    revision_page = fresh.live_revision.as_object()
    assert sorted(tag.name for tag in revision_page.tags.all()) == ["seniorzy", "szkolenia"]
    assert len(revision_page.photos.all()) == 2


def test_card_image_prefers_the_listing_image(news_index):
    from tests.factories import CustomImageFactory

    main = CustomImageFactory(alt_text="Główne")
    listing = CustomImageFactory(alt_text="Do listy")
    item = NewsPageFactory(parent=news_index.pl, main_image=main, main_image_alt="Opis w tekście")
    assert item.card_image() == main
    assert item.card_image_alt() == "Opis w tekście"
    item.listing_image = listing
    assert item.card_image() == listing
    assert item.card_image_alt() == "Do listy"
    assert NewsPageFactory(parent=news_index.pl).card_image_alt() == ""


@pytest.fixture
def admin_client(client, db):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    return client


def test_cms_forms_for_news_open(admin_client, news_index, territory, projects):
    item = NewsPageFactory(
        parent=news_index.pl, tags=["seniorzy"], photos=1, territory=territory.oksa
    )
    add = admin_client.get(f"/admin/pages/add/news/newspage/{news_index.pl.pk}/")
    assert add.status_code == 200
    html = add.content.decode()
    for field in ("territory", "project", "tags", "photos", "institution", "date", "lead"):
        assert f'name="{field}' in html or f'id="id_{field}' in html, field
    edit = admin_client.get(f"/admin/pages/{item.pk}/edit/")
    assert edit.status_code == 200
    # The territory chooser shows the chosen unit.
    assert "Oksa" in edit.content.decode()
    assert admin_client.get(f"/admin/pages/{news_index.pl.pk}/edit/").status_code == 200


def test_index_add_form_only_offered_under_home(admin_client, news_index):
    home = news_index.site.home_pl
    assert admin_client.get(f"/admin/pages/add/news/newsindexpage/{home.pk}/").status_code == 200
    # Not under a news index: Wagtail refuses the page type there (back to the dashboard).
    response = admin_client.get(f"/admin/pages/add/news/newsindexpage/{news_index.pl.pk}/")
    assert response.status_code == 302
    assert response.url == "/admin/"


def test_index_factory_defaults(site):
    index = NewsIndexPageFactory(parent=site.home_pl)
    assert index.url == "/pl/aktualnosci/"


def test_preview_shows_unsaved_photos_and_tags(news_index, territory):
    item = NewsPageFactory(parent=news_index.pl, title="Podgląd", tags=["stary"], photos=1)
    draft = NewsPage.objects.get(pk=item.pk)
    draft.tags.set(["nowy temat"])
    image = draft.photos.first().image
    draft.photos = [NewsPhoto(image=image, caption="Nowy podpis")]
    draft.territory = territory.narewka
    response = draft.make_preview_request()
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nowy podpis" in html and "nowy temat" in html and "Narewka, Podlaskie" in html
    assert "stary" not in html


def test_preview_of_a_page_not_yet_in_the_tree(news_index):
    draft = NewsPage(title="Całkiem nowa", slug="calkiem-nowa", lead="Wstęp")
    draft.tags.set(["nowy"])
    response = draft.make_preview_request()
    assert response.status_code == 200
    assert "Całkiem nowa" in response.content.decode()


def test_preview_of_the_index(news_index):
    NewsPageFactory(parent=news_index.pl, title="Na liście")
    index = NewsIndexPage.objects.get(pk=news_index.pl.pk)
    index.title = "Nowy tytuł listy"
    response = index.make_preview_request()
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nowy tytuł listy" in html and "Na liście" in html


def test_translation_with_wagtail_localize(
    news_index, projects, territory, client, django_capture_on_commit_callbacks
):
    """The CMS's translation tool copies the structure (photos, tags, territory) and links
    the English project; photo captions are strings to translate."""
    from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

    item = NewsPageFactory(
        parent=news_index.pl,
        title="Do tłumaczenia",
        tags=["seniorzy"],
        photos=2,
        territory=territory.oksa,
        project=projects["liderzy"].pl,
    )
    english = news_index.site.locales.en
    source, _created = TranslationSource.get_or_create_from_instance(item)
    segment = StringSegment.objects.get(source=source, string__data="Zdjęcie 1")
    StringTranslation.objects.create(
        translation_of=segment.string, locale=english, context=segment.context, data="Photo 1"
    )
    # wagtail-localize publishes once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        translated, _created = source.create_or_update_translation(english, fallback=True)
    translated = NewsPage.objects.get(pk=translated.pk)
    assert translated.live and translated.locale == english
    assert translated.project == projects["liderzy"].en
    assert translated.territory == territory.oksa
    assert list(translated.tags.names()) == ["seniorzy"]
    assert [photo.caption for photo in translated.photos.all()] == ["Photo 1", "Zdjęcie 2"]
    assert all(photo.locale == english for photo in translated.photos.all())
    response = client.get(translated.url)
    assert response.status_code == 200
    assert "Photo 1" in response.content.decode()


def test_preview_of_an_index_not_yet_in_the_tree(site):
    draft = NewsIndexPage(title="Nowa lista", slug="nowa-lista")
    response = draft.make_preview_request()
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nowa lista" in html
    assert 'type="application/rss+xml"' not in html
