"""Information about the institution in easy-to-read text and Polish Sign Language (act of
4 April 2019, art. 8): the page type, its video (an uploaded file or an address) with a
description, its checks, and the links to it from the home page and every page's footer."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from portal.models import EasyReadPage
from tests.conftest import translate
from tests.factories import StandardPageFactory
from tests.trust.duties_support import TREE_FIELDS, add_easy_read, site_settings
from tests.utils import soup, text


def video(name="pjm.mp4"):
    document = get_document_model()(title="Film PJM")
    document.file.save(name, ContentFile(b"\x00\x00\x00\x18ftypmp42"), save=True)
    return document


@pytest.fixture
def easy_read(site):
    page = add_easy_read(site.home_pl)
    english = translate(
        page,
        site.locales.en,
        title="Easy-to-read text",
        slug="easy-to-read",
        body="<h2>Who we are</h2><p>We help institutions work together.</p>",
        sign_language_transcript="The interpreter says what the centre does.",
    )
    site_settings(easy_read_page=page)
    return page, english


@pytest.mark.parametrize(
    "url, heading, transcript",
    [
        ("/pl/tekst-latwy-do-czytania/", "Kim jesteśmy", "Tłumaczka mówi"),
        ("/en/easy-to-read/", "Who we are", "The interpreter says"),
    ],
)
def test_page_shows_text_video_link_and_description(easy_read, client, url, heading, transcript):
    html = soup(client.get(url))
    assert text(html.main.find("h2")) == heading
    section = html.find("section", class_="sign-language")
    assert section.find("a", href="https://www.example.org/filmy/pjm")
    assert transcript in text(section.find(id="sign-language-description"))


def test_uploaded_video_plays_in_the_page_with_its_description(site, client):
    add_easy_read(site.home_pl, sign_language_url="", sign_language_video=video())
    html = soup(client.get("/pl/tekst-latwy-do-czytania/"))
    player = html.find("video")
    assert player.has_attr("controls")
    assert player["aria-describedby"] == "sign-language-description"
    assert player.find("source")["type"] == "video/mp4"
    assert player.find("source")["src"].startswith("/documents/")
    assert html.find("a", string="Pobierz film")


@pytest.mark.parametrize("language, home", [("pl", "/pl/"), ("en", "/en/")])
def test_linked_from_the_home_page_and_every_footer(easy_read, site, client, language, home):
    polish, english = easy_read
    target = (polish if language == "pl" else english).url
    about = StandardPageFactory(parent=site.home_pl, title="O nas", slug="o-nas")
    html = soup(client.get(home))
    assert html.main.find("a", href=target)
    assert html.footer.find("a", href=target)
    other = about.url if language == "pl" else "/en/search/"
    assert soup(client.get(other)).footer.find("a", href=target)


def test_no_link_while_the_page_is_not_live(easy_read, client):
    polish, english = easy_read
    polish.unpublish()
    english.unpublish()
    html = soup(client.get("/pl/"))
    assert not html.find("a", href="/pl/tekst-latwy-do-czytania/")


BAD_PAGES = [
    (
        "video address without a description",
        {"sign_language_transcript": "  "},
        "sign_language_transcript",
        "Opisz film dla osób, które nie mogą go obejrzeć.",
    ),
    ("no text", {"body": ""}, "body", "To pole nie może być puste."),
]


@pytest.mark.parametrize("case, changes, field, message", BAD_PAGES, ids=[c[0] for c in BAD_PAGES])
def test_easy_read_validation(site, case, changes, field, message):
    values = {
        "title": "ETR",
        "slug": "etr",
        "body": "<p>Tekst.</p>",
        "sign_language_url": "https://www.example.org/filmy/pjm",
        "sign_language_transcript": "Opis.",
    }
    page = EasyReadPage(**{**values, **changes})
    with pytest.raises(ValidationError) as error:
        page.full_clean(exclude=TREE_FIELDS)
    assert message in error.value.message_dict[field]


def test_video_file_must_be_a_video(site):
    page = EasyReadPage(
        title="ETR",
        slug="etr",
        body="<p>Tekst.</p>",
        sign_language_video=video("raport.pdf"),
        sign_language_transcript="Opis.",
    )
    with pytest.raises(ValidationError) as error:
        page.full_clean(exclude=TREE_FIELDS)
    assert "Wybierz plik wideo (MP4 lub WebM)." in error.value.message_dict["sign_language_video"]
