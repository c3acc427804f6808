"""The RSS 2.0 and Atom feeds of a news index, parsed back as a feed reader would."""

import datetime
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import pytest

from news.feeds import FEED_SIZE
from tests.factories.news import NewsPageFactory
from tests.news.conftest import translate_news

ATOM = "{http://www.w3.org/2005/Atom}"
WARSAW = ZoneInfo("Europe/Warsaw")
HEADER = "X-Page-Cache"


def rss(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    root = ElementTree.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.find("channel")


def atom(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root


@pytest.fixture
def three_items(news_index):
    made = []
    for title, day, tags in [
        ("Zespoły kooperacji", datetime.date(2018, 12, 31), ["zespoły"]),
        ("Drugi etap", datetime.date(2019, 7, 22), ["pilotaż"]),
        ("Połowa pilotażu", datetime.date(2020, 1, 15), ["pilotaż", "coaching"]),
    ]:
        made.append(
            NewsPageFactory(
                parent=news_index.pl,
                title=title,
                date=day,
                tags=tags,
                lead=f"Wstęp & <{title}>",
                institution="ROPS w Kielcach",
            )
        )
    return made


def test_rss_feed(three_items, client):
    channel = rss(client.get("/pl/aktualnosci/feed/"))
    assert channel.findtext("title") == "Aktualności"
    assert channel.findtext("link") == "http://testserver/pl/aktualnosci/"
    assert channel.findtext("language") == "pl"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [
        "Połowa pilotażu",
        "Drugi etap",
        "Zespoły kooperacji",
    ]
    first = items[0]
    assert first.findtext("link") == f"http://testserver{three_items[2].url}"
    assert first.findtext("guid") == first.findtext("link")
    # Text comes back exactly as written (escaped once in the XML).
    assert first.findtext("description") == "Wstęp & <Połowa pilotażu>"
    assert [c.text for c in first.findall("category")] == ["coaching", "pilotaż"]
    for item in items:
        assert item.findtext("link").startswith("http://testserver/pl/aktualnosci/")
    published = [parsedate_to_datetime(item.findtext("pubDate")) for item in items]
    assert all(moment.tzinfo is not None for moment in published)
    assert [moment.astimezone(WARSAW).date() for moment in published] == [
        datetime.date(2020, 1, 15),
        datetime.date(2019, 7, 22),
        datetime.date(2018, 12, 31),
    ]
    assert parsedate_to_datetime(channel.findtext("lastBuildDate")).tzinfo is not None


def test_atom_feed(three_items, client):
    feed = atom(client.get("/pl/aktualnosci/feed/atom/"))
    assert feed.findtext(f"{ATOM}title") == "Aktualności"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "pl"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {
        "alternate": "http://testserver/pl/aktualnosci/",
        "self": "http://testserver/pl/aktualnosci/feed/atom/",
    }
    # Atom needs an author for the feed (or every entry).
    assert feed.findtext(f"{ATOM}author/{ATOM}name")
    assert datetime.datetime.fromisoformat(feed.findtext(f"{ATOM}updated")).tzinfo is not None
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 3
    for entry, day in zip(
        entries,
        [datetime.date(2020, 1, 15), datetime.date(2019, 7, 22), datetime.date(2018, 12, 31)],
        strict=True,
    ):
        href = entry.find(f"{ATOM}link").get("href")
        assert href.startswith("http://testserver/pl/aktualnosci/")
        assert entry.findtext(f"{ATOM}id") == href
        published = datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}published"))
        updated = datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
        assert published.tzinfo is not None and updated.tzinfo is not None
        assert published.astimezone(WARSAW).date() == day
        assert updated >= published
        assert entry.findtext(f"{ATOM}author/{ATOM}name") == "ROPS w Kielcach"


def test_english_feed_holds_english_items_only(three_items, news_index, client):
    translate_news(three_items[1], news_index.site.locales.en, title="Stage II", slug="stage-ii")
    channel = rss(client.get("/en/news/feed/"))
    assert channel.findtext("language") == "en"
    assert [item.findtext("title") for item in channel.findall("item")] == ["Stage II"]
    assert channel.find("item").findtext("link") == "http://testserver/en/news/stage-ii/"
    entries = atom(client.get("/en/news/feed/atom/")).findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Stage II"]


def test_feeds_follow_the_filters(three_items, client):
    channel = rss(client.get("/pl/aktualnosci/feed/?tag=pilota%C5%BC&year=2019"))
    assert [item.findtext("title") for item in channel.findall("item")] == ["Drugi etap"]
    entries = atom(client.get("/pl/aktualnosci/feed/atom/?year=abc")).findall(f"{ATOM}entry")
    assert entries == []


def test_feed_holds_the_newest_items_only(news_index, client):
    for number in range(FEED_SIZE + 5):
        NewsPageFactory(
            parent=news_index.pl,
            title=f"Wiadomość {number:02d}",
            date=datetime.date(2019, 1, 1) + datetime.timedelta(days=number),
            publish=False,
        )
    items = rss(client.get("/pl/aktualnosci/feed/")).findall("item")
    assert len(items) == FEED_SIZE
    assert items[0].findtext("title") == f"Wiadomość {FEED_SIZE + 4:02d}"
    assert items[-1].findtext("title") == "Wiadomość 05"


def test_empty_feed_is_valid(news_index, client):
    assert rss(client.get("/pl/aktualnosci/feed/")).findall("item") == []
    assert atom(client.get("/pl/aktualnosci/feed/atom/")).findall(f"{ATOM}entry") == []


def test_feeds_use_the_address_they_were_asked_at(three_items, client):
    response = client.get("/pl/aktualnosci/feed/", HTTP_HOST="localhost:8123")
    links = [item.findtext("link") for item in rss(response).findall("item")]
    assert all(link.startswith("http://localhost:8123/pl/aktualnosci/") for link in links)
    secure = client.get("/pl/aktualnosci/feed/atom/", secure=True)
    assert atom(secure).find(f"{ATOM}link").get("href") == "https://testserver/pl/aktualnosci/"


def test_feed_and_the_page_cache(three_items, news_index, client):
    """A cached feed keeps its type and content; publishing shows in it at once."""
    first = client.get("/pl/aktualnosci/feed/")
    assert first[HEADER] == "miss"
    second = client.get("/pl/aktualnosci/feed/")
    assert second[HEADER] == "hit"
    assert second["Content-Type"] == first["Content-Type"] == "application/rss+xml; charset=utf-8"
    assert second.content == first.content
    assert rss(second).findall("item")
    # Different hosts and feeds are different entries.
    other = client.get("/pl/aktualnosci/feed/", HTTP_HOST="localhost")
    assert other[HEADER] == "miss"
    assert b"http://localhost/pl/" in other.content
    atom_first = client.get("/pl/aktualnosci/feed/atom/")
    assert atom_first[HEADER] == "miss"
    assert atom(atom_first)
    NewsPageFactory(parent=news_index.pl, title="Świeża", date=datetime.date(2021, 1, 1))
    fresh = client.get("/pl/aktualnosci/feed/")
    assert fresh[HEADER] == "miss"
    assert rss(fresh).find("item").findtext("title") == "Świeża"


def test_unknown_feed_route_is_not_found(news_index, client):
    assert client.get("/pl/aktualnosci/feed/json/").status_code == 404
    assert client.get("/pl/aktualnosci/kanal/").status_code == 404


def test_draft_index_has_no_feed(news_index, client):
    news_index.pl.unpublish()
    assert client.get("/pl/aktualnosci/feed/").status_code == 404
