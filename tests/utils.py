"""Small helpers for reading rendered pages."""

from bs4 import BeautifulSoup


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def html_lang(response):
    return BeautifulSoup(response.content.decode(), "html.parser").html["lang"]


def text(node):
    return " ".join(node.get_text(" ").split())
