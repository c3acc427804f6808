"""The news index and a news item as visitors see them, in Polish and English: the list,
its filters and pagination, odd addresses, and what a news item shows."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation
from django.utils.translation import gettext, ngettext
from wagtail.models import PageViewRestriction

from news.models import NewsPage
from tests.factories import CustomImageFactory
from tests.factories.news import NewsPageFactory
from tests.news.conftest import translate_news
from tests.utils import html_lang, soup, text

HEADER = "X-Page-Cache"


def pl(message, plural=None, number=None):
    """An interface string as the Polish page shows it (the catalogue's translation)."""
    with translation.override("pl"):
        if plural:
            return ngettext(message, plural, number) % {"counter": number}
        return gettext(message)


def titles(response):
    return [text(h2) for h2 in soup(response).select(".news-list .news-card__title")]


def status(response):
    return text(soup(response).find(class_="news-summary"))


# --- the list --------------------------------------------------------------------------


def test_index_lists_newest_first_by_publication_date(news_index, client):
    # Created in another order than their dates.
    NewsPageFactory(parent=news_index.pl, title="Środkowa", date=datetime.date(2019, 7, 22))
    NewsPageFactory(parent=news_index.pl, title="Najstarsza", date=datetime.date(2018, 9, 28))
    NewsPageFactory(parent=news_index.pl, title="Najnowsza", date=datetime.date(2020, 1, 15))
    response = client.get("/pl/aktualnosci/")
    assert html_lang(response) == "pl"
    html = soup(response)
    assert text(html.h1) == "Aktualności"
    assert titles(response) == ["Najnowsza", "Środkowa", "Najstarsza"]
    times = [time["datetime"] for time in html.select(".news-card time")]
    assert times == ["2020-01-15", "2019-07-22", "2018-09-28"]
    assert text(html.select_one(".news-card time")) == "15 stycznia 2020"
    # Each item is an article named by its linked heading.
    first = html.select_one(".news-list article")
    assert first["aria-labelledby"] == first.h2["id"]
    assert first.h2.a["href"] == "/pl/aktualnosci/najnowsza/"
    assert text(first.select_one(".news-card__lead")) == "Wstęp: Najnowsza"


def test_english_index_lists_only_english_items(news_index, client):
    translated = NewsPageFactory(parent=news_index.pl, title="Przetłumaczona")
    NewsPageFactory(parent=news_index.pl, title="Tylko po polsku")
    translate_news(translated, news_index.site.locales.en, title="Translated", slug="translated")
    english = client.get("/en/news/")
    assert html_lang(english) == "en"
    assert text(soup(english).h1) == "News"
    assert titles(english) == ["Translated"]
    assert status(english) == "1 news item"
    assert sorted(titles(client.get("/pl/aktualnosci/"))) == ["Przetłumaczona", "Tylko po polsku"]
    assert status(client.get("/pl/aktualnosci/")) == pl(
        "%(counter)s news item", "%(counter)s news items", 2
    )


def test_drafts_and_private_items_are_not_listed(news_index, client):
    NewsPageFactory(parent=news_index.pl, title="Opublikowana")
    NewsPageFactory(parent=news_index.pl, title="Szkic", live=False, publish=False)
    private = NewsPageFactory(parent=news_index.pl, title="Prywatna", tags=["tajne"])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    response = client.get("/pl/aktualnosci/")
    assert titles(response) == ["Opublikowana"]
    # Nor do their tags or years show among the filters.
    options = [option["value"] for option in soup(response).select("#news-filter-tag option")]
    assert options == [""]


def test_empty_index_says_so(news_index, client):
    response = client.get("/pl/aktualnosci/")
    assert titles(response) == []
    assert status(response) == pl("No news has been published yet.")
    assert soup(response).find(class_="news-summary")["role"] == "status"


def test_index_links_its_feeds_in_the_head(news_index, client):
    html = soup(client.get("/pl/aktualnosci/"))
    rss = html.head.find("link", type="application/rss+xml")
    atom = html.head.find("link", type="application/atom+xml")
    assert rss["rel"] == ["alternate"] and rss["href"] == "/pl/aktualnosci/feed/"
    assert atom["rel"] == ["alternate"] and atom["href"] == "/pl/aktualnosci/feed/atom/"
    english = soup(client.get("/en/news/?tag=coaching"))
    rss = english.head.find("link", type="application/rss+xml")
    assert rss["href"] == "/en/news/feed/?tag=coaching"


def test_filter_form_works_without_javascript(news_index, projects, territory, client):
    NewsPageFactory(parent=news_index.pl, tags=["coaching"], project=projects["liderzy"].pl)
    html = soup(client.get("/pl/aktualnosci/"))
    form = html.select_one(".news-filters form")
    assert form["method"] == "get"
    assert form["action"] == "/pl/aktualnosci/"
    assert form.find("button", type="submit")
    selects = form.find_all("select")
    assert [select["name"] for select in selects] == ["tag", "year", "woj", "project"]
    for select in selects:
        label = form.find("label", attrs={"for": select["id"]})
        assert label is not None and text(label), select["name"]
    assert text(form.find("label", attrs={"for": "news-filter-woj"})) == pl("Voivodeship")
    # The filter section has a heading that names it.
    section = html.select_one(".news-filters")
    assert section.find(id=section["aria-labelledby"]).name == "h2"


# --- the filters -----------------------------------------------------------------------


@pytest.fixture
def catalogue(news_index, projects, territory):
    """Five items in Polish across tags, years, voivodeships and projects."""
    make = NewsPageFactory
    index = news_index.pl
    make(
        parent=index,
        title="Zespoły w Oksie",
        date=datetime.date(2018, 12, 31),
        tags=["zespoły kooperacji", "szkolenia"],
        territory=territory.oksa,
        project=projects["liderzy"].pl,
    )
    make(
        parent=index,
        title="Pilotaż w powiecie",
        date=datetime.date(2019, 7, 22),
        tags=["pilotaż", "szkolenia"],
        territory=territory.jedrzejowski,
        project=projects["liderzy"].pl,
    )
    make(
        parent=index,
        title="Narewka",
        date=datetime.date(2018, 11, 8),
        tags=["wymiana doświadczeń", "zespoły kooperacji"],
        territory=territory.narewka,
        project=projects["liderzy"].pl,
    )
    make(
        parent=index,
        title="Kooperacje 3D",
        date=datetime.date(2020, 1, 15),
        tags=["pilotaż", "coaching"],
        territory=territory.slaskie,
        project=projects["kooperacje-3d"].pl,
    )
    make(parent=index, title="Bez niczego", date=datetime.date(2019, 1, 2))
    return news_index


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Kooperacje 3D", "Pilotaż w powiecie", "Bez niczego", "Zespoły w Oksie", "Narewka"]),
        ("tag=szkolenia", ["Pilotaż w powiecie", "Zespoły w Oksie"]),
        ("tag=zespo%C5%82y-kooperacji", ["Zespoły w Oksie", "Narewka"]),
        ("year=2018", ["Zespoły w Oksie", "Narewka"]),
        ("year=2019", ["Pilotaż w powiecie", "Bez niczego"]),
        # A gmina and a powiat of Świętokrzyskie both belong to the voivodeship.
        ("woj=26", ["Pilotaż w powiecie", "Zespoły w Oksie"]),
        ("woj=20", ["Narewka"]),
        ("woj=24", ["Kooperacje 3D"]),
        ("project=kooperacje-3d", ["Kooperacje 3D"]),
        ("project=liderzy", ["Pilotaż w powiecie", "Zespoły w Oksie", "Narewka"]),
        ("tag=pilota%C5%BC&project=liderzy", ["Pilotaż w powiecie"]),
        ("tag=zespo%C5%82y-kooperacji&year=2018&woj=26", ["Zespoły w Oksie"]),
        ("year=2018&woj=26&project=liderzy", ["Zespoły w Oksie"]),
        ("tag=coaching&woj=26", []),
        ("year=2019&project=kooperacje-3d", []),
    ],
)
def test_filters_and_their_combinations(catalogue, client, query, expected):
    response = client.get(f"/pl/aktualnosci/?{query}")
    assert titles(response) == expected
    if not expected:
        assert status(response) == pl("No news matches these filters.")
        assert soup(response).find("a", string=pl("Show all news"))["href"] == ("/pl/aktualnosci/")


def test_filter_form_shows_the_chosen_values_and_used_options(catalogue, client):
    html = soup(client.get("/pl/aktualnosci/?tag=szkolenia&year=2019&woj=26&project=liderzy"))

    def options(name):
        return [
            (option["value"], text(option), option.has_attr("selected"))
            for option in html.select(f"select[name={name}] option")
        ]

    assert ("szkolenia", "szkolenia", True) in options("tag")
    assert [value for value, *_ in options("year")] == ["", "2020", "2019", "2018"]
    assert ("2019", "2019", True) in options("year")
    # Only the voivodeships that news is about, named as in Polish usage.
    assert options("woj") == [
        ("", pl("All voivodeships"), False),
        ("20", "Podlaskie", False),
        ("24", "Śląskie", False),
        ("26", "Świętokrzyskie", True),
    ]
    assert options("project") == [
        ("", pl("All projects"), False),
        ("kooperacje-3d", "Kooperacje 3D", False),
        ("liderzy", "Liderzy kooperacji", True),
    ]
    assert html.find("a", string=pl("Clear filters"))["href"] == "/pl/aktualnosci/"


def test_english_filters_use_english_projects_and_tags(catalogue, projects, client):
    source = NewsPage.objects.get(title="Kooperacje 3D")
    translate_news(
        source,
        catalogue.site.locales.en,
        title="Kooperacje 3D half way",
        slug="kooperacje-3d-half-way",
        project=projects["kooperacje-3d"].en,
        tags=["pilot", "coaching"],
    )
    html = soup(client.get("/en/news/"))
    assert [text(o) for o in html.select("select[name=project] option")] == [
        "All projects",
        "Kooperacje 3D",
        "Leaders of Cooperation",
    ]
    assert [o["value"] for o in html.select("select[name=tag] option")] == ["", "coaching", "pilot"]
    assert titles(client.get("/en/news/?tag=pilot&project=kooperacje-3d&woj=24")) == [
        "Kooperacje 3D half way"
    ]
    assert titles(client.get("/en/news/?tag=pilota%C5%BC")) == []


# --- odd addresses ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("page=abc", "first"),
        ("page=1.5", "first"),
        ("page=", "first"),
        ("page=999", "last"),
        ("page=0", "last"),
        ("page=-1", "last"),
        ("page=99999999999999999999999", "last"),
        ("year=99999", "empty"),
        ("year=abc", "empty"),
        ("year=0", "empty"),
        ("year=-2019", "empty"),
        ("year=2019.0", "empty"),
        ("year=1", "empty"),
        ("year=9999", "empty"),
        ("tag=nie-ma-takiego", "empty"),
        ("tag=%00", "empty"),
        ("tag=%3Cscript%3E", "empty"),
        ("tag=" + "x" * 5000, "empty"),
        ("project=nie-ma", "empty"),
        ("project=liderzy%27--", "empty"),
        ("woj=99", "empty"),
        ("woj=2", "empty"),
        ("woj=260", "empty"),
        ("woj=abc", "empty"),
        ("woj=%D9%A2%D9%A6", "empty"),  # Arabic-Indic digits 2 and 6
        ("year=2019&year=abc", "empty"),  # the last value counts
        ("unknown=1", "first"),
    ],
)
def test_bad_parameters_give_a_normal_page(news_index, client, query, expected):
    for number in range(12):  # two pages
        NewsPageFactory(
            parent=news_index.pl,
            title=f"Wiadomość {number:02d}",
            date=datetime.date(2019, 1, 1) + datetime.timedelta(days=number),
            publish=False,
        )
    response = client.get(f"/pl/aktualnosci/?{query}")
    assert response.status_code == 200
    html = soup(response)
    current = html.select_one(".pagination [aria-current=page]")
    if expected == "empty":
        assert titles(response) == []
        assert status(response) == pl("No news matches these filters.")
    elif expected == "first":
        assert titles(response)[0] == "Wiadomość 11"
        assert len(titles(response)) == 10
        assert text(current) == "1"
    else:
        assert titles(response) == ["Wiadomość 01", "Wiadomość 00"]
        assert text(current) == "2"


def test_pagination_keeps_the_filters(news_index, client):
    for number in range(13):
        NewsPageFactory(
            parent=news_index.pl,
            title=f"Szkolenie {number:02d}",
            date=datetime.date(2019, 3, 1) + datetime.timedelta(days=number),
            tags=["szkolenia"],
            publish=False,
        )
    NewsPageFactory(parent=news_index.pl, title="Inna", tags=["inne"], publish=False)
    NewsPageFactory(
        parent=news_index.pl, title="Inny rok", date=datetime.date(2018, 3, 1), tags=["szkolenia"]
    )
    first = client.get("/pl/aktualnosci/?tag=szkolenia&year=2019")
    assert len(titles(first)) == 10
    assert status(first) == pl("%(counter)s news item", "%(counter)s news items", 13)
    links = soup(first).select(".pagination a")
    assert links, "no pagination"
    for link in links:
        query = parse_qs(urlsplit(link["href"]).query)
        assert query["tag"] == ["szkolenia"] and query["year"] == ["2019"], link["href"]
    next_link = soup(first).select_one(".pagination a[rel=next]")["href"]
    assert next_link == "?tag=szkolenia&year=2019&page=2"
    second = client.get(f"/pl/aktualnosci/{next_link}")
    assert titles(second) == ["Szkolenie 02", "Szkolenie 01", "Szkolenie 00"]
    previous = soup(second).select_one(".pagination a[rel=prev]")["href"]
    assert previous == "?tag=szkolenia&year=2019&page=1"
    # The page title says which page of the list this is.
    assert pl("page %(number)s") % {"number": 2} in text(soup(second).title)


def test_index_and_news_pages_are_served_from_the_page_cache(news_index, client):
    item = NewsPageFactory(parent=news_index.pl, title="W pamięci")
    for url in ("/pl/aktualnosci/", "/pl/aktualnosci/?year=2019", item.url):
        first = client.get(url)
        assert first[HEADER] == "miss", url
        second = client.get(url)
        assert second[HEADER] == "hit", url
        assert second.content == first.content
    # Publishing a new item shows at once.
    NewsPageFactory(parent=news_index.pl, title="Nowa")
    assert "Nowa" in titles(client.get("/pl/aktualnosci/"))


# --- a news item -----------------------------------------------------------------------


@pytest.fixture
def full_item(news_index, projects, territory):
    image = CustomImageFactory(
        title="Spotkanie",
        alt_text="Uczestnicy przy stole",
        caption="Spotkanie zespołu",
        author="Jan Fotograf",
        licence="CC BY 4.0",
    )
    item = NewsPageFactory(
        parent=news_index.pl,
        title="Wymiana doświadczeń w Narewce",
        date=datetime.date(2018, 11, 8),
        lead="Czterdzieści osób spotkało się w Narewce.",
        body=[{"type": "paragraph", "value": "<p>Treść wiadomości.</p>"}],
        main_image=image,
        tags=["wymiana doświadczeń", "zespoły kooperacji"],
        photos=3,
        territory=territory.narewka,
        project=projects["liderzy"].pl,
        institution="ROPS w Kielcach",
    )
    english = translate_news(
        item,
        news_index.site.locales.en,
        title="Sharing experience in Narewka",
        slug="sharing-experience",
        lead="Forty people met in Narewka.",
        main_image_alt="Participants at a table",
        main_image_caption="A team meeting",
        project=projects["liderzy"].en,
        tags=["exchange of experience"],
    )
    return item, english


def test_news_page_in_polish(full_item, client):
    item, _english = full_item
    response = client.get("/pl/aktualnosci/wymiana-doswiadczen-w-narewce/")
    assert html_lang(response) == "pl"
    html = soup(response)
    article = html.main.find("article", class_="news-article")
    assert text(article.h1) == "Wymiana doświadczeń w Narewce"
    time = article.find("time")
    assert time["datetime"] == "2018-11-08" and text(time) == "8 listopada 2018"
    assert text(article.find(class_="lead")) == "Czterdzieści osób spotkało się w Narewce."
    assert "ROPS w Kielcach" in text(article.find(class_="news-article__meta"))
    assert "Treść wiadomości." in text(article.find(class_="body"))
    figure = article.find("figure", class_="news-article__image")
    assert figure.img["alt"] == "Uczestnicy przy stole"
    assert text(figure.figcaption) == "Spotkanie zespołu Fot. Jan Fotograf · CC BY 4.0"
    # The gallery: a heading that names the list of photos.
    gallery = article.find("section", class_="news-article__photos")
    heading = gallery.find(id=gallery["aria-labelledby"])
    assert heading.name == "h2" and text(heading) == pl("Photos")
    assert gallery.find("ul")["aria-labelledby"] == heading["id"]
    assert [text(fc).split(" Fot.")[0] for fc in gallery.select("figcaption")] == [
        "Zdjęcie 1",
        "Zdjęcie 2",
        "Zdjęcie 3",
    ]
    assert all(img["alt"] for img in gallery.find_all("img"))
    details = article.find(class_="news-article__details")
    links = {text(a): a["href"] for a in details.find_all("a")}
    assert links["Narewka, Podlaskie"] == "/pl/aktualnosci/?woj=20"
    assert links["Liderzy kooperacji"] == "/pl/aktualnosci/?project=liderzy"
    assert links["wymiana doświadczeń"] == "/pl/aktualnosci/?tag=wymiana-do%C5%9Bwiadcze%C5%84"
    assert links["zespoły kooperacji"] == "/pl/aktualnosci/?tag=zespo%C5%82y-kooperacji"
    # The tag links lead to a list that holds this item.
    tagged = client.get(links["wymiana doświadczeń"])
    assert titles(tagged) == ["Wymiana doświadczeń w Narewce"]
    assert titles(client.get(links["Narewka, Podlaskie"])) == ["Wymiana doświadczeń w Narewce"]


def test_news_page_in_english(full_item, client):
    response = client.get("/en/news/sharing-experience/")
    assert html_lang(response) == "en"
    article = soup(response).main.find("article")
    assert text(article.h1) == "Sharing experience in Narewka"
    assert text(article.find("time")) == "8 November 2018"
    assert text(article.find(class_="lead")) == "Forty people met in Narewka."
    figure = article.find("figure", class_="news-article__image")
    # The page's own English texts, not the image's Polish ones.
    assert figure.img["alt"] == "Participants at a table"
    assert text(figure.figcaption) == "A team meeting Photo: Jan Fotograf · CC BY 4.0"
    assert text(article.select_one(".news-article__photos h2")) == "Photos"
    details = article.find(class_="news-article__details")
    links = {text(a): a["href"] for a in details.find_all("a")}
    assert links == {
        "Narewka, Podlaskie": "/en/news/?woj=20",
        "Leaders of Cooperation": "/en/news/?project=liderzy",
        "exchange of experience": "/en/news/?tag=exchange-of-experience",
    }
    # Breadcrumbs and the way back lead to the English index.
    assert soup(response).find("a", string="All news")["href"] == "/en/news/"


def test_listing_shows_image_territory_project_and_tags(full_item, client):
    card = soup(client.get("/pl/aktualnosci/")).select_one(".news-card")
    assert card.img["alt"] == "Uczestnicy przy stole"
    meta = text(card.select_one(".news-card__meta"))
    assert meta == "8 listopada 2018 · Narewka · Liderzy kooperacji"
    tags = {text(a): a["href"] for a in card.select(".news-tags a")}
    assert tags["zespoły kooperacji"] == "/pl/aktualnosci/?tag=zespo%C5%82y-kooperacji"
    english = soup(client.get("/en/news/")).select_one(".news-card")
    assert english.img["alt"] == "Participants at a table"


def test_news_page_without_extras(news_index, client):
    item = NewsPageFactory(parent=news_index.pl, title="Krótka")
    html = soup(client.get(item.url))
    assert html.find("figure", class_="news-article__image") is None
    assert html.find(class_="news-article__photos") is None
    assert html.find(class_="news-article__details") is None
    assert text(html.main.h1) == "Krótka"


def test_territory_names_by_level(news_index, territory, client):
    for title, unit in [
        ("Woj", territory.swietokrzyskie),
        ("Pow", territory.jedrzejowski),
        ("Gm", territory.oksa),
    ]:
        NewsPageFactory(parent=news_index.pl, title=title, territory=unit)
    shown = {
        title: text(soup(client.get(f"/pl/aktualnosci/{title.lower()}/")).find("dd"))
        for title in ("Woj", "Pow", "Gm")
    }
    assert shown == {
        "Woj": "Świętokrzyskie",
        "Pow": "powiat jędrzejowski, Świętokrzyskie",
        "Gm": "Oksa, Świętokrzyskie",
    }
    links = {
        title: soup(client.get(f"/pl/aktualnosci/{title.lower()}/")).find("dd").a["href"]
        for title in ("Woj", "Pow", "Gm")
    }
    assert set(links.values()) == {"/pl/aktualnosci/?woj=26"}


def test_news_is_found_by_the_site_search(full_item, client):
    response = client.get("/pl/szukaj/?q=Czterdzieści")
    assert [text(h2) for h2 in soup(response).select(".search-results h2")] == [
        "Wymiana doświadczeń w Narewce"
    ]
    by_tag = client.get("/pl/szukaj/?q=kooperacji")
    found = [text(h2) for h2 in soup(by_tag).select(".search-results h2")]
    assert "Wymiana doświadczeń w Narewce" in found
