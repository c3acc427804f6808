"""Good practices: the page in both languages, the index's filters by problem area and
voivodeship (shareable GET addresses, bad values never a server error) and query counts."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import PageViewRestriction

from catalog.codes import ProblemArea
from portal.models import GoodPracticePage
from portal.models.listing import territory_label
from portal.models.practices import ProblemAreasField, has_problem_area
from tests.conftest import publish, translate
from tests.factories import CustomImageFactory
from tests.factories.content import (
    GoodPracticePageFactory,
    GoodPracticePhotoFactory,
    add_photos,
    territory,
)
from tests.portal_content.conftest import uncached_queries, warm
from tests.utils import html_lang, soup, text


def parse(response):
    """The page whatever its status (a bad filter gives 400 with the full page)."""
    return BeautifulSoup(response.content.decode(), "html.parser")


def label(code, language):
    with translation.override(language):
        return str(ProblemArea(code).label)


@pytest.fixture
def practice(practices):
    page = GoodPracticePageFactory(
        parent=practices.pl,
        title="Klub seniora w Łopusznie",
        slug="klub-seniora",
        problem_areas=["seniors", "disability"],
        place="Dom kultury",
        period="2019–2020",
        results=[
            {"type": "result", "value": {"value": "40", "label": "uczestników"}},
            {"type": "result", "value": {"value": "2.5", "label": "godziny tygodniowo"}},
            {"type": "result", "value": {"value": "1200", "label": "porad"}},
        ],
        contact_institution="GOPS w Łopusznie",
        contact_details="ul. Przykładowa 1\n26-070 Łopuszno",
    )
    add_photos(page, 2, GoodPracticePhotoFactory)
    return page


def test_practice_page_in_both_languages(practice, site, client):
    english = translate(
        practice,
        site.locales.en,
        title="Seniors' club in Łopuszno",
        slug="seniors-club",
        results=[{"type": "result", "value": {"value": "40", "label": "participants"}}],
        contact_institution="GOPS in Łopuszno",
    )
    polish_response = client.get(practice.url)
    english_response = client.get(english.url)
    polish, english_html = soup(polish_response), soup(english_response)
    assert html_lang(polish_response) == "pl" and html_lang(english_response) == "en"
    assert polish.h1.get_text() == "Klub seniora w Łopusznie"
    assert english_html.h1.get_text() == "Seniors' club in Łopuszno"

    facts = polish.find("dl", class_="facts")
    assert [text(li) for li in facts.find("ul", class_="tag-list").find_all("li")] == [
        label("seniors", "pl"),
        label("disability", "pl"),
    ]
    english_tags = english_html.find("ul", class_="tag-list").find_all("li")
    assert [text(li) for li in english_tags] == ["older people", "disability"]
    where = text(facts.find("dt", string=re.compile("Where|Gdzie")).find_next("dd"))
    assert where.startswith("Dom kultury, ")
    assert "Łopuszno" in where
    with translation.override("pl"):
        voivodeship = str(territory_label(territory("26")))
    assert where.endswith(voivodeship)  # the gmina's voivodeship

    figures = polish.find("ul", class_="figures").find_all("li")
    assert [text(li) for li in figures] == [
        "40 uczestników",
        "2,5 godziny tygodniowo",
        "1 200 porad",  # grouped as in Polish (a non-breaking space)
    ]
    assert figures[2].find(class_="figures__value").get_text() == "1\xa0200"
    assert text(english_html.find("ul", class_="figures")) == "40 participants"
    assert "GOPS w Łopusznie" in text(polish.find(class_="contact-box"))
    assert polish.find(class_="contact-box").find("br") is not None
    assert "GOPS in Łopuszno" in text(english_html.find(class_="contact-box"))
    assert len(polish.select(".photo-gallery__item")) == 2
    assert "Powiatowe Centrum Pomocy Rodzinie" in text(facts)


def test_problem_areas_are_codes_from_the_list():
    field = GoodPracticePage._meta.get_field("problem_areas")
    assert isinstance(field, ProblemAreasField)
    form_field = field.formfield()
    assert [code for code, _label in form_field.choices] == list(ProblemArea.values)
    assert form_field.required
    field.validate(["seniors", "violence"], None)
    for bad in (["seniors", "nobody"], "seniors", [1]):
        with pytest.raises(ValidationError):
            field.validate(bad, None)
    with pytest.raises(ValueError):
        has_problem_area('seniors"')


# --- filters -----------------------------------------------------------------------------


@pytest.fixture
def catalogue(practices):
    """Four practices across areas and levels of territory."""
    made = {}
    for title, areas, code in [
        ("Łopuszno", ["seniors"], "2604083"),  # gmina in świętokrzyskie (26)
        ("Narewka", ["disability", "seniors"], "2005092"),  # gmina in podlaskie (20)
        ("Jędrzejów", ["community"], "2602"),  # powiat in świętokrzyskie
        ("Mazowsze", ["violence"], "14"),  # the voivodeship itself
    ]:
        made[title] = GoodPracticePageFactory(
            parent=practices.pl, title=title, problem_areas=areas, territory=territory(code)
        )
    return made


def listed(response):
    return sorted(text(h) for h in parse(response).select(".practice-list .card__title"))


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", ["Jędrzejów", "Mazowsze", "Narewka", "Łopuszno"]),
        ("?area=seniors", ["Narewka", "Łopuszno"]),
        ("?area=community", ["Jędrzejów"]),
        ("?woj=26", ["Jędrzejów", "Łopuszno"]),
        ("?woj=20&area=seniors", ["Narewka"]),
        ("?area=seniors&woj=20", ["Narewka"]),
        ("?woj=14", ["Mazowsze"]),
        ("?area=health", []),
        ("?woj=02", []),
        ("?area=&woj=", ["Jędrzejów", "Mazowsze", "Narewka", "Łopuszno"]),
        ("?area[]=seniors&colour=red", ["Jędrzejów", "Mazowsze", "Narewka", "Łopuszno"]),
        ("?area=seniors&page=abc", ["Narewka", "Łopuszno"]),
        ("?area=seniors&page=999", ["Narewka", "Łopuszno"]),
    ],
)
def test_filters(catalogue, practices, client, query, expected):
    response = client.get(practices.pl.url + query)
    assert response.status_code == 200
    assert listed(response) == expected
    html = soup(response)
    assert html.find("form", class_="filters")["method"] == "get"
    assert not html.find(class_="error-summary")
    if not expected:
        assert html.select_one(".practice-list") is None
        assert "0" in text(html.find(id="practice-results"))


@pytest.mark.parametrize(
    "query, expected",
    [
        ("?area=unknown", ["Jędrzejów", "Mazowsze", "Narewka", "Łopuszno"]),
        ("?area=SENIORS", ["Jędrzejów", "Mazowsze", "Narewka", "Łopuszno"]),
        ("?area=%00", ["Jędrzejów", "Mazowsze", "Narewka", "Łopuszno"]),
        (
            "?area=%3Cscript%3Ealert(1)%3C/script%3E",
            ["Jędrzejów", "Mazowsze", "Narewka", "Łopuszno"],
        ),
        ("?area=" + "x" * 5000, ["Jędrzejów", "Mazowsze", "Narewka", "Łopuszno"]),
        ("?woj=99", ["Jędrzejów", "Mazowsze", "Narewka", "Łopuszno"]),
        ("?woj=2", ["Jędrzejów", "Mazowsze", "Narewka", "Łopuszno"]),
        ("?woj=2604083", ["Jędrzejów", "Mazowsze", "Narewka", "Łopuszno"]),  # a gmina's code
        ("?woj=%27%20OR%201=1--", ["Jędrzejów", "Mazowsze", "Narewka", "Łopuszno"]),
        ("?woj=26%00", ["Jędrzejów", "Mazowsze", "Narewka", "Łopuszno"]),
        # the good filter still applies when the other one is bad
        ("?area=seniors&woj=abc", ["Narewka", "Łopuszno"]),
        ("?area=nobody&woj=26", ["Jędrzejów", "Łopuszno"]),
    ],
)
def test_bad_filters_are_left_out_and_said(catalogue, practices, client, query, expected):
    response = client.get(practices.pl.url + query)
    assert response.status_code == 400
    assert listed(response) == expected
    html = parse(response)
    summary = html.find(class_="error-summary")
    assert summary["role"] == "alert"
    bad_field = html.find(attrs={"aria-invalid": "true"})
    assert bad_field is not None
    error = html.find(id=bad_field["aria-describedby"])
    assert error is not None and "field-error" in error["class"]
    assert summary.find("a")["href"] == f"#{bad_field['id']}"
    assert "<script>alert" not in response.content.decode()


def test_filter_form_shows_the_choice_and_voivodeships_in_polish_order(
    catalogue, practices, client
):
    html = soup(client.get(practices.pl.url + "?area=seniors&woj=20"))
    assert html.find("select", id="id_area").find("option", selected=True)["value"] == "seniors"
    woj = html.find("select", id="id_woj")
    assert woj.find("option", selected=True)["value"] == "20"
    names = [option.get_text() for option in woj.find_all("option")][1:]
    assert len(names) == 16
    assert names.index("lubuskie") < names.index("łódzkie") < names.index("małopolskie")
    assert names.index("pomorskie") < names.index("śląskie") < names.index("świętokrzyskie")
    assert names[-1] == "zachodniopomorskie"
    heading = text(html.find(id="practice-results"))
    assert "podlaskie" in heading
    clear = html.find("div", class_="filters__actions").find("a")
    assert clear["href"] == practices.pl.url


def test_pagination_keeps_the_filters(catalogue, practices, client, settings):
    settings.PAGE_SIZE = 1
    html = soup(client.get(practices.pl.url + "?area=seniors"))
    assert len(html.select(".practice-list > li")) == 1
    next_link = html.find("a", rel="next")["href"]
    assert next_link == "?area=seniors&page=2"
    second = client.get(practices.pl.url + next_link)
    assert len(soup(second).select(".practice-list > li")) == 1
    assert listed(second) != listed(client.get(practices.pl.url + "?area=seniors"))


def test_index_lists_live_public_practices_of_its_language(practices, site, client):
    shown = GoodPracticePageFactory(parent=practices.pl, title="Widoczna")
    GoodPracticePageFactory(parent=practices.pl, title="Szkic", live=False, publish=False)
    private = GoodPracticePageFactory(parent=practices.pl, title="Prywatna")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    translate(shown, site.locales.en, title="Visible", slug="visible")
    assert listed(client.get(practices.pl.url)) == ["Widoczna"]
    assert listed(client.get(practices.en.url)) == ["Visible"]


# --- queries -------------------------------------------------------------------------------


def test_practice_index_queries_do_not_grow(practices, client, django_assert_max_num_queries):
    first = GoodPracticePageFactory(parent=practices.pl)
    add_photos(first, 1, GoodPracticePhotoFactory)
    url = practices.pl.url + "?area=seniors&woj=26"
    warm(client, url)
    baseline = uncached_queries(client, url)
    print(f"practice index: {baseline} queries")
    for number, code in enumerate(["2604083", "2602", "26", "2604033", "2661011"] * 2):
        page = GoodPracticePageFactory(
            parent=practices.pl, territory=territory(code), problem_areas=["seniors", "health"]
        )
        add_photos(page, 2, GoodPracticePhotoFactory)
        if number % 3 == 0:
            page.listing_image = CustomImageFactory()
            publish(page)
    warm(client, url)
    from django.core.cache import cache

    cache.clear()
    with django_assert_max_num_queries(baseline):
        response = client.get(url)
    assert len(soup(response).select(".practice-list > li")) == 10  # PAGE_SIZE
    assert len(soup(response).select(".practice-list picture")) == 10


def test_practice_page_queries_do_not_grow(practices, client, django_assert_max_num_queries):
    small = GoodPracticePageFactory(parent=practices.pl)
    add_photos(small, 1, GoodPracticePhotoFactory)
    large = GoodPracticePageFactory(
        parent=practices.pl,
        partners=[{"type": "partner", "value": f"Instytucja {n}"} for n in range(12)],
        results=[
            {"type": "result", "value": {"value": str(n), "label": f"wynik {n}"}} for n in range(12)
        ],
    )
    add_photos(large, 15, GoodPracticePhotoFactory)
    warm(client, small.url, large.url)
    baseline = uncached_queries(client, small.url)
    print(f"practice page: {baseline} queries")
    with django_assert_max_num_queries(baseline):
        response = client.get(large.url)
    assert len(soup(response).select(".photo-gallery__item")) == 15
    assert len(soup(response).select(".figures__item")) == 12
