"""Gallery index and gallery pages: what they show in both languages, the photo markup
(responsive WebP with a fallback, lazy loading, a plain link to the large image for use
without JavaScript), stored renditions, listing rules and query counts."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import PageViewRestriction

from portal.models import CustomRendition, GalleryIndexPage, GalleryPage
from portal.models.galleries import DatePrecision
from portal.models.listing import describe_place, format_period, photos_with_renditions
from tests.conftest import publish, translate
from tests.factories import CustomImageFactory
from tests.factories.content import GalleryPageFactory, add_photos, territory
from tests.portal_content.conftest import uncached_queries, warm
from tests.utils import html_lang, soup, text


@pytest.fixture
def narewka(galleries):
    page = GalleryPageFactory(
        parent=galleries.pl,
        title="Wizyta w Narewce",
        slug="wizyta-w-narewce",
        event_date=datetime.date(2018, 11, 6),
        end_date=datetime.date(2018, 11, 8),
        place="Narewka",
        intro="<p>Trzy dni warsztatów.</p>",
    )
    image = CustomImageFactory(
        title="Narewka 1", alt_text="Ilustracja: okręgi", author="Anna Nowak", licence="CC BY 4.0"
    )
    add_photos(page, 1, image=image, caption="Spotkanie w Narewce", alt_text="")
    add_photos(page, 2)
    return page


@pytest.fixture
def narewka_en(narewka, site):
    english = translate(narewka, site.locales.en, title="Visit to Narewka", slug="narewka")
    photos = list(english.photos.all())
    for number, photo in enumerate(photos):
        photo.caption = f"English caption {number}"
        photo.alt_text = f"English alt {number}"
        photo.save()
    return english.specific


def test_gallery_page_in_both_languages(narewka, narewka_en, client):
    polish = soup(client.get(narewka.url))
    english_response = client.get(narewka_en.url)
    english = soup(english_response)
    assert html_lang(english_response) == "en"
    assert polish.h1.get_text() == "Wizyta w Narewce"
    assert english.h1.get_text() == "Visit to Narewka"
    assert "6–8 listopada 2018" in text(polish.find("dl", class_="facts"))
    assert "6–8 November 2018" in text(english.find("dl", class_="facts"))
    assert polish.find("time")["datetime"] == "2018-11-06"
    assert [text(caption) for caption in english.select(".photo-gallery figcaption")][1:] == [
        "English caption 1",
        "English caption 2",
    ]
    assert english.select(".photo-gallery img")[0]["alt"] == "English alt 0"
    # the Polish photos are untouched by the translation
    polish_alts = [img["alt"] for img in polish.select(".photo-gallery img")]
    assert polish_alts[0] == "Ilustracja: okręgi"
    assert [alt.split()[0] for alt in polish_alts[1:]] == ["Ilustracja", "Ilustracja"]


def test_photo_markup_works_without_javascript(narewka, client):
    html = soup(client.get(narewka.url))
    gallery = html.find("ul", class_="photo-gallery")
    assert gallery["aria-labelledby"] == "gallery-photos"
    assert html.find(id="gallery-photos") is not None
    items = gallery.find_all("li", class_="photo-gallery__item")
    assert len(items) == 3
    first = items[0]
    link = first.find("a", class_="photo-gallery__link")
    # Without JavaScript the thumbnail is a plain link to the large image (JPEG/PNG).
    assert link["href"].startswith("/media/images/")
    assert ".max-1600x1200." in link["href"]
    assert not link["href"].endswith(".webp")
    assert link["data-webp"].endswith(".webp")
    source = first.find("picture").find("source")
    assert source["type"] == "image/webp"
    assert all(".webp " in candidate.strip() + " " for candidate in source["srcset"].split(","))
    img = first.find("picture").find("img")
    assert img["loading"] == "lazy"
    assert img["width"] and img["height"] and img["sizes"]
    assert not img["src"].endswith(".webp")
    # no alternative text given for the photo: the image's own
    assert img["alt"] == "Ilustracja: okręgi"
    assert "Anna Nowak · CC BY 4.0" in text(first.figcaption)
    # the link's name says where it leads
    assert link.find(class_="visually-hidden") is not None
    # the script that enhances it, as a file (a strict CSP allows no inline script)
    scripts = html.find_all("script")
    assert [script.get("src") for script in scripts if script.get("src")] == [
        "/static/js/lightbox.js"
    ]
    assert all(script.get("src") for script in scripts)
    assert gallery["data-label-close"] and gallery["data-label-next"]


def test_renditions_are_made_once(narewka, client):
    warm(client, narewka.url)
    made = CustomRendition.objects.count()
    assert made >= 3 * 6  # six renditions per photo
    client.get(narewka.url)
    assert CustomRendition.objects.count() == made


def test_month_precision_and_ranges():
    start, end = datetime.date(2018, 8, 1), datetime.date(2018, 12, 31)
    from django.utils import translation

    with translation.override("pl"):
        assert format_period(start, end, month_only=True) == "sierpień–grudzień 2018"
        assert format_period(start, None, month_only=True) == "sierpień 2018"
        assert format_period(datetime.date(2018, 10, 30)) == "30 października 2018"
        assert (
            format_period(datetime.date(2018, 10, 30), datetime.date(2018, 11, 2))
            == "30 października – 2 listopada 2018"
        )
    with translation.override("en"):
        assert format_period(start, end, month_only=True) == "August–December 2018"
        assert format_period(start, end) == "1 August – 31 December 2018"
        # a last day before the first is ignored rather than shown
        assert format_period(end, start) == "31 December 2018"


def test_place_is_described_once_with_its_voivodeship(db):
    from django.utils import translation

    lopuszno, jedrzejowski = territory("2604083"), territory("2602")
    podlaskie = territory("20")
    with translation.override("en"):
        assert describe_place("Dom kultury", lopuszno) == (
            "Dom kultury, Łopuszno gmina, Świętokrzyskie voivodeship"
        )
        assert describe_place("", jedrzejowski) == (
            "powiat jędrzejowski, Świętokrzyskie voivodeship"
        )
        assert describe_place("", podlaskie) == "Podlaskie voivodeship"
        # the place already names the gmina and the voivodeship
        assert describe_place("Narewka, województwo podlaskie", territory("2005092")) == (
            "Narewka, województwo podlaskie"
        )
        assert describe_place("Kielce", None) == "Kielce"
        english_place = "Narewka, Hajnówka powiat, Podlaskie voivodeship"
        assert describe_place(english_place, territory("2005092")) == english_place
        assert describe_place("", territory("2661011")) == "Kielce, Świętokrzyskie voivodeship"


def test_gallery_page_with_month_only(galleries, client):
    page = GalleryPageFactory(
        parent=galleries.pl,
        event_date=datetime.date(2018, 8, 1),
        end_date=datetime.date(2018, 9, 1),
        date_precision=DatePrecision.MONTH,
    )
    html = soup(client.get(page.url))
    assert html.find("time")["datetime"] == "2018-08"
    assert text(html.find("time")) == "sierpień–wrzesień 2018"


def test_last_day_before_first_is_refused(galleries):
    page = GalleryPageFactory.build(
        title="Zła data",
        slug="zla-data",
        event_date=datetime.date(2018, 11, 8),
        end_date=datetime.date(2018, 11, 6),
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "end_date" in error.value.message_dict


def test_preview_shows_the_photos_of_the_revision(narewka):
    narewka.photos.first()  # the live photos are in the database
    photos = list(narewka.photos.all())
    photos[0].caption = "Nowy podpis w wersji roboczej"
    narewka.photos = photos
    narewka.save_revision()
    draft = narewka.get_latest_revision_as_object()
    shown = photos_with_renditions(draft)
    assert shown[0].caption == "Nowy podpis w wersji roboczej"
    live = photos_with_renditions(GalleryPage.objects.get(pk=narewka.pk))
    assert live[0].caption == "Spotkanie w Narewce"


# --- the index -----------------------------------------------------------------------------


def test_index_lists_live_public_galleries_of_its_language_newest_first(galleries, site, client):
    old = GalleryPageFactory(
        parent=galleries.pl, title="Stara", event_date=datetime.date(2018, 1, 5)
    )
    new = GalleryPageFactory(
        parent=galleries.pl, title="Nowa", event_date=datetime.date(2019, 6, 1)
    )
    add_photos(new, 3)
    GalleryPageFactory(parent=galleries.pl, title="Szkic", live=False, publish=False)
    private = GalleryPageFactory(parent=galleries.pl, title="Prywatna")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    translate(old, site.locales.en, title="Old", slug="old")

    polish = soup(client.get(galleries.pl.url))
    titles = [text(h2) for h2 in polish.select(".card-grid .card__title")]
    assert titles == ["Nowa", "Stara"]
    cards = polish.select(".card-grid > li")
    assert "3" in text(cards[0].find_all("p", class_="card__meta")[1])
    english = soup(client.get(galleries.en.url))
    assert [text(h2) for h2 in english.select(".card-grid .card__title")] == ["Old"]


def test_index_cover_is_the_listing_image_or_the_first_photo(galleries, client):
    with_photos = GalleryPageFactory(parent=galleries.pl, title="Ze zdjęciami")
    first_image = CustomImageFactory(title="Pierwsze")
    add_photos(with_photos, 1, image=first_image)
    add_photos(with_photos, 2)
    listing_image = CustomImageFactory(title="Okładka")
    chosen = GalleryPageFactory(parent=galleries.pl, title="Z okładką", listing_image=listing_image)
    add_photos(chosen, 2)
    GalleryPageFactory(parent=galleries.pl, title="Pusta")

    cards = {
        text(card.find(class_="card__title")): card
        for card in soup(client.get(galleries.pl.url)).select(".card-grid > li")
    }
    cover = cards["Ze zdjęciami"].find("picture").img
    assert first_image.file.name.split("/")[-1].split(".")[0] in cover["src"]
    assert cover["alt"] == ""  # the title next to it says what the card is
    assert "okladka" in cards["Z okładką"].find("picture").img["src"].lower() or (
        listing_image.file.name.split("/")[-1].split(".")[0]
        in cards["Z okładką"].find("picture").img["src"]
    )
    assert cards["Pusta"].find("picture") is None


def test_index_is_paginated(galleries, client, monkeypatch):
    monkeypatch.setattr(GalleryIndexPage, "per_page", 2)
    for day in range(1, 6):
        GalleryPageFactory(
            parent=galleries.pl, title=f"Dzień {day}", event_date=datetime.date(2019, 5, day)
        )
    first = soup(client.get(galleries.pl.url))
    assert [text(h) for h in first.select(".card__title")] == ["Dzień 5", "Dzień 4"]
    third = soup(client.get(galleries.pl.url + "?page=3"))
    assert [text(h) for h in third.select(".card__title")] == ["Dzień 1"]
    assert third.find("nav", class_="pagination").find(attrs={"aria-current": "page"})
    for bad in ["abc", "-1", "999", "1.5", ""]:
        response = client.get(galleries.pl.url + f"?page={bad}")
        assert response.status_code == 200, bad


# --- queries -------------------------------------------------------------------------------


def test_gallery_page_queries_do_not_grow_with_photos(
    galleries, client, django_assert_max_num_queries
):
    small = GalleryPageFactory(parent=galleries.pl)
    add_photos(small, 1)
    large = GalleryPageFactory(parent=galleries.pl)
    add_photos(large, 20)
    warm(client, small.url, large.url)
    baseline = uncached_queries(client, small.url)
    print(f"gallery page: {baseline} queries")
    with django_assert_max_num_queries(baseline):
        response = client.get(large.url)
    assert len(soup(response).select(".photo-gallery__item")) == 20


def test_gallery_index_queries_do_not_grow_with_galleries(
    galleries, client, django_assert_max_num_queries
):
    first = GalleryPageFactory(parent=galleries.pl)
    add_photos(first, 2)
    warm(client, galleries.pl.url)
    baseline = uncached_queries(client, galleries.pl.url)
    print(f"gallery index: {baseline} queries")
    for number in range(8):
        page = GalleryPageFactory(parent=galleries.pl)
        add_photos(page, 3)
        if number % 2:
            page.listing_image = CustomImageFactory()
            publish(page)
    warm(client, galleries.pl.url)
    from django.core.cache import cache

    cache.clear()
    with django_assert_max_num_queries(baseline):
        response = client.get(galleries.pl.url)
    assert len(soup(response).select(".card-grid > li")) == 9
    assert len(soup(response).select(".card-grid picture")) == 9
