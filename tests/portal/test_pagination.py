"""The one pagination component of every list (news, catalog, search, galleries, ...)."""

from bs4 import BeautifulSoup
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils import translation


def render(**context):
    with translation.override("en"):
        return BeautifulSoup(render_to_string("components/pagination.html", context), "html.parser")


def test_an_elided_range_shows_the_current_page_and_keeps_the_filters():
    paginator = Paginator(list(range(1000)), 10)
    page = paginator.get_page(40)
    html = render(
        page_obj=page,
        page_range=paginator.get_elided_page_range(page.number),
        filter_query="teryt=26&sort=name",
    )
    items = [li.get_text(" ", strip=True).replace("Page ", "") for li in html.select("li")]
    assert items == [
        "Previous page", "1", "2", "…", "37", "38", "39", "40", "41", "42", "43", "…",
        "99", "100", "Next page",
    ]  # fmt: skip
    assert html.select_one("[aria-current=page]").get_text() == "40"
    assert html.select_one("a[rel=next]")["href"] == "?teryt=26&sort=name&page=41"


def test_a_plain_search_keeps_its_query_and_lists_every_page():
    paginator = Paginator(list(range(30)), 10)
    html = render(page_obj=paginator.get_page(1), query="dom kultury")
    assert [a["href"] for a in html.select("a")] == [
        "?q=dom%20kultury&page=2",
        "?q=dom%20kultury&page=3",
        "?q=dom%20kultury&page=2",
    ]


def test_a_single_page_has_no_navigation():
    assert render(page_obj=Paginator([1, 2], 10).get_page(1)).get_text(strip=True) == ""
