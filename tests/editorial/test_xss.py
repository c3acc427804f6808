"""Rich text can never run script on the public site, however it is saved: directly by code
(imports, the API, a compromised import) into a RichTextField or into RichTextBlock values
anywhere in a StreamField, or through the page editor with a hand-made request. Allowed
markup (headings, bold, lists, links to https) survives."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail import blocks
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import rich_text, streamfield

from portal.blocks import RICH_TEXT_FEATURES
from portal.models import StandardPage
from portal.richtext import safe_url, sanitise_block_value, sanitise_html
from tests.editorial.conftest import edit_page_url, page_form_data
from tests.factories import StandardPageFactory

PAYLOADS = [
    ("script", "<script>alert(1)</script>"),
    ("img onerror", "<img src=x onerror=alert(1)>"),
    ("javascript link", '<a href="javascript:alert(1)">x</a>'),
    ("javascript mixed case, leading space", '<a href=" JaVaScRiPt:alert(1)">x</a>'),
    ("javascript with a tab entity", '<a href="jav&#x09;ascript:alert(1)">x</a>'),
    ("javascript with a newline", '<a href="java\nscript:alert(1)">x</a>'),
    ("javascript with an entity colon", '<a href="javascript&colon;alert(1)">x</a>'),
    ("vbscript link", '<a href="vbscript:msgbox(1)">x</a>'),
    ("data link", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'),
    ("svg onload", "<svg onload=alert(1)>"),
    ("iframe", '<iframe src="https://evil.example/"></iframe>'),
    ("iframe srcdoc", '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>'),
    ("style attribute", '<p style="background:url(javascript:alert(1))">styled</p>'),
    ("style element", "<style>body{background:url(javascript:alert(1))}</style>"),
    ("event handler on allowed tag", '<p onclick="alert(1)">x</p><b onmouseover=alert(1)>y</b>'),
    ("cdata", "<![CDATA[><script>alert(1)</script>]]>"),
    ("comment", "<!--><script>alert(1)</script>-->"),
    ("noscript", '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'),
    ("math", '<math><mi xlink:href="javascript:alert(1)">x</mi></math>'),
    ("form", '<form action="javascript:alert(1)"><button>x</button></form>'),
    ("page link with a handler", '<a linktype="page" id="1" onmouseover="alert(1)">x</a>'),
    ("unknown link type", '<a linktype="external" href="javascript:alert(1)">x</a>'),
    ("image embed with a handler", '<embed embedtype="image" id="1" onerror="alert(1)"/>'),
    ("media embed", '<embed embedtype="media" url="https://evil.example/"/>'),
]
PAYLOAD_IDS = [name for name, _ in PAYLOADS]
# Each in a container of its own: an element left open (<svg ...>) would otherwise hold,
# and take down with it, every payload after it.
ALL_PAYLOADS = "".join(f"<div>{payload}</div>" for _, payload in PAYLOADS)

ALLOWED = (
    '<h3 data-block-key="h1x2y">Nagłówek sekcji</h3>'
    '<p data-block-key="p1x2y">Tekst <b>pogrubiony</b>, <i>pochylony</i> '
    'i <a href="https://example.org/raport">odnośnik do raportu</a>.</p>'
    '<ul><li data-block-key="l1x2y">pierwszy</li><li data-block-key="l2x2y">drugi</li></ul>'
)

UNSAFE_ELEMENTS = {
    "script",
    "style",
    "iframe",
    "frame",
    "object",
    "embed",
    "svg",
    "math",
    "noscript",
    "template",
    "base",
    "meta",
    "link",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}
BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)


def assert_no_script(html):
    """Nothing in `html` can run script: no script-bearing elements, no event handler or
    style attributes, no javascript:/data:/vbscript: URLs (in any spelling a browser
    accepts)."""
    assert "<script" not in html.lower()
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        assert element.name not in UNSAFE_ELEMENTS, str(element)
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), str(element)
            assert name.lower() not in {"style", "srcdoc"}, str(element)
            if name.lower() in URL_ATTRIBUTES:
                normalised = re.sub(r"[\x00-\x20]+", "", str(value))
                assert not BAD_SCHEME.match(normalised), str(element)


def assert_allowed_markup_kept(html):
    content = BeautifulSoup(html, "html.parser")
    assert content.find("h3").get_text() == "Nagłówek sekcji"
    assert content.find("b").get_text() == "pogrubiony"
    assert content.find("i").get_text() == "pochylony"
    link = content.find("a", string="odnośnik do raportu")
    assert link["href"] == "https://example.org/raport"
    assert [li.get_text() for li in content.find("ul").find_all("li")] == ["pierwszy", "drugi"]


def main_html(client, page):
    """The content of the public page, as an anonymous visitor gets it."""
    response = client.get(page.url)
    assert response.status_code == 200, response.status_code
    return str(BeautifulSoup(response.content.decode(), "html.parser").find("main"))


# The sanitiser itself --------------------------------------------------------------------


@pytest.mark.parametrize("payload", [p for _, p in PAYLOADS], ids=PAYLOAD_IDS)
def test_sanitiser_removes_every_payload(payload):
    cleaned = sanitise_html(ALLOWED + payload)
    assert_no_script(cleaned)
    assert cleaned.startswith(ALLOWED)
    assert "alert(" not in cleaned.replace("&lt;", "<")


@pytest.mark.parametrize(
    ("stored", "cleaned"),
    [
        ('<p data-block-key="abc12" class="x" id="y">x</p>', '<p data-block-key="abc12">x</p>'),
        ('<p data-block-key="k&quot; onclick=&quot;alert(1)">x</p>', "<p>x</p>"),
        (
            '<a href="https://e.org/" target="_blank" onclick="y">x</a>',
            '<a href="https://e.org/">x</a>',
        ),
        (
            '<a linktype="document" id="4" href="https://e.org/">x</a>',
            '<a linktype="document" id="4">x</a>',
        ),
        ('<a linktype="page" id="4 or 1=1">x</a>', "x"),
        ('<a name="kotwica">x</a>', "x"),
        (
            '<embed embedtype="image" id="5" format="left" alt="A" src="x" onerror="y"/>',
            '<embed embedtype="image" id="5" format="left" alt="A"/>',
        ),
        ('<embed embedtype="image" id="5" format="nieznany" alt="A"/>', ""),
        (
            '<ul class="x"><li>a</li></ul><h1>Tytuł</h1><div>b</div>',
            "<ul><li>a</li></ul><p>Tytuł</p><p>b</p>",
        ),
    ],
)
def test_sanitiser_keeps_only_whitelisted_attributes(db, stored, cleaned):
    assert sanitise_html(stored) == cleaned


def test_sanitiser_keeps_what_draftail_writes_unchanged(db):
    """Draftail's own output is already clean: it must come back byte for byte, or every
    save would change stored text (and the block keys comments and translations use)."""
    converter = ContentstateConverter(RICH_TEXT_FEATURES + ["h2", "image"])
    draftail = converter.to_database_format(
        converter.from_database_format(
            '<h2>Tytuł "w cudzysłowie" &amp; &lt;znaki&gt;</h2>'
            "<p>To jest <b>ważne</b> i <i>pilne</i>:"
            ' <a href="https://example.org/?a=1&amp;b=2">zewnętrzny</a>,'
            ' <a href="mailto:gops@example.org">e-mail</a>, <a href="#kontakt">kotwica</a>,'
            ' <a linktype="page" id="3">strona</a>, <a linktype="document" id="4">plik</a>'
            "<br/>nowa linia</p><ul><li>jeden</li></ul><ol><li>dwa</li></ol>"
            '<embed embedtype="image" id="5" format="left" alt="Zdjęcie &quot;x&quot;"/>'
        )
    )
    assert 'data-block-key="' in draftail
    assert sanitise_html(draftail) == draftail


def test_sanitiser_is_idempotent():
    once = sanitise_html(ALLOWED + ALL_PAYLOADS)
    assert sanitise_html(once) == once


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://example.org/", True),
        ("http://example.org/", True),
        ("mailto:gops@example.org", True),
        ("tel:+48221234567", True),
        ("/pl/o-projekcie/", True),
        ("#kontakt", True),
        ("?strona=2", True),
        ("javascript:alert(1)", False),
        (" JaVaScRiPt:alert(1)", False),
        ("\x01javascript:alert(1)", False),
        ("jav\tascript:alert(1)", False),
        ("jav&#x09;ascript:alert(1)", False),
        ("jav&amp;#x09;ascript:alert(1)", False),
        ("javascript&colon;alert(1)", False),
        ("javascript\u200b:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox(1)", False),
        ("file:///etc/passwd", False),
    ],
)
def test_safe_url(url, allowed):
    assert (safe_url(url) is not None) is allowed


def test_stream_walk_reaches_rich_text_at_any_depth():
    """Rich text inside lists (both stored list formats), nested streams, structs and
    typed tables is found through the block definitions."""
    from wagtail.contrib.typed_table_block.blocks import TypedTableBlock

    stream = blocks.StreamBlock(
        [
            ("items", blocks.ListBlock(blocks.RichTextBlock())),
            ("nested", blocks.StreamBlock([("text", blocks.RichTextBlock())])),
            (
                "cards",
                blocks.StructBlock(
                    [
                        ("title", blocks.CharBlock()),
                        (
                            "list",
                            blocks.ListBlock(
                                blocks.StructBlock([("body", blocks.RichTextBlock())])
                            ),
                        ),
                    ]
                ),
            ),
            (
                "table",
                TypedTableBlock([("text", blocks.CharBlock()), ("rich", blocks.RichTextBlock())]),
            ),
        ]
    )
    bad = '<p onclick="alert(1)">x</p><script>alert(1)</script>'
    raw = [
        {"type": "items", "id": "1", "value": [{"type": "item", "id": "a", "value": bad}]},
        {"type": "items", "id": "2", "value": [bad]},  # the list format before Wagtail 2.16
        {"type": "nested", "id": "3", "value": [{"type": "text", "id": "b", "value": bad}]},
        {
            "type": "cards",
            "id": "4",
            "value": {
                "title": "<script>tekst zwykły</script>",
                "list": [{"type": "item", "id": "c", "value": {"body": bad}}],
            },
        },
        {
            "type": "table",
            "id": "5",
            "value": {
                "columns": [{"type": "text", "heading": "A"}, {"type": "rich", "heading": "B"}],
                "rows": [{"values": ["<b>zwykły</b>", bad]}],
                "caption": "",
            },
        },
    ]
    cleaned = sanitise_block_value(stream, raw)
    assert cleaned[0]["value"][0]["value"] == "<p>x</p>"
    assert cleaned[1]["value"][0] == "<p>x</p>"
    assert cleaned[2]["value"][0]["value"] == "<p>x</p>"
    assert cleaned[3]["value"]["list"][0]["value"]["body"] == "<p>x</p>"
    assert cleaned[4]["value"]["rows"][0]["values"][1] == "<p>x</p>"
    # Plain text blocks are escaped when rendered, and stay as they were written.
    assert cleaned[3]["value"]["title"] == "<script>tekst zwykły</script>"
    assert cleaned[4]["value"]["rows"][0]["values"][0] == "<b>zwykły</b>"


# Direct saves ----------------------------------------------------------------------------


def test_paragraph_saved_by_code_is_rendered_safe(site, client):
    page = StandardPageFactory(parent=site.home_pl, title="Import")
    page.body = [{"type": "paragraph", "value": ALLOWED + ALL_PAYLOADS}]  # raw stored JSON
    page.save_revision().publish()

    page = StandardPage.objects.get(pk=page.pk)
    stored = page.body.raw_data[0]["value"]
    assert_no_script(stored)
    html = main_html(client, page)
    assert_no_script(html)
    assert_allowed_markup_kept(html)


def test_rich_text_objects_saved_without_a_revision(site, client):
    """A plain save() of a live page (no revision, no publish) is what the public sees."""
    page = StandardPageFactory(parent=site.home_pl, title="Import")
    page.body = [("paragraph", RichText(ALLOWED + ALL_PAYLOADS))]
    page.save()
    html = main_html(client, page)
    assert_no_script(html)
    assert_allowed_markup_kept(html)


def test_table_rich_text_cell_and_transcript(site, client):
    page = StandardPageFactory(parent=site.home_pl, title="Tabela")
    page.body = [
        {
            "type": "table",
            "value": {
                "caption": "Wskaźniki",
                "table": {
                    "columns": [
                        {"type": "text", "heading": "Gmina"},
                        {"type": "rich_text", "heading": "Opis"},
                    ],
                    "rows": [{"values": ["Kłodzko", ALLOWED + ALL_PAYLOADS]}],
                    "caption": "",
                },
                "first_column_is_header": True,
            },
        },
        {
            "type": "embed",
            "value": {
                "embed": "",
                "title": "Nagranie",
                "transcript": ALL_PAYLOADS + "<p>Transkrypcja</p>",
            },
        },
    ]
    page.save_revision().publish()

    stored = StandardPage.objects.get(pk=page.pk).body.raw_data
    assert_no_script(stored[0]["value"]["table"]["rows"][0]["values"][1])
    assert_no_script(stored[1]["value"]["transcript"])
    html = main_html(client, page)
    assert_no_script(html)
    cell = BeautifulSoup(html, "html.parser").find("table").find("td")
    assert_allowed_markup_kept(str(cell))


def test_home_page_lead(site, client):
    home = site.home_pl
    home.lead = ALLOWED + ALL_PAYLOADS
    home.save_revision().publish()

    home.refresh_from_db()
    assert_no_script(home.lead)
    html = main_html(client, home)
    assert_no_script(html)
    assert_allowed_markup_kept(str(BeautifulSoup(html, "html.parser").find(class_="lead")))


def test_draft_revision_is_safe_in_the_admin_preview(site, client, superuser):
    """Revisions are what previews, comparisons and scheduled publishing read: a draft
    saved by code must not run script in a moderator's browser either."""
    page = StandardPageFactory(parent=site.home_pl, title="Szkic")
    page.body = [{"type": "paragraph", "value": ALLOWED + ALL_PAYLOADS}]
    revision = page.save_revision()

    revision.refresh_from_db()
    assert_no_script(revision.content["body"])
    client.force_login(superuser)
    response = client.get(reverse("wagtailadmin_pages:revisions_view", args=(page.id, revision.id)))
    assert response.status_code == 200
    main = str(BeautifulSoup(response.content.decode(), "html.parser").find("main"))
    assert_no_script(main)
    assert_allowed_markup_kept(main)


def test_plain_text_fields_are_escaped(site, client):
    page = StandardPageFactory(
        parent=site.home_pl,
        title="<script>alert('title')</script>",
        slug="tytul",
        summary='<img src=x onerror="alert(1)">',
    )
    page.body = [
        {"type": "heading", "value": {"text": "<script>alert(2)</script>", "level": "h2"}},
        {"type": "quote", "value": {"text": "<svg onload=alert(3)>", "attribution": ""}},
    ]
    page.save_revision().publish()

    response = client.get("/pl/tytul/")
    html = response.content.decode()
    document = BeautifulSoup(html, "html.parser")
    assert_no_script(str(document.find("main")))
    assert "<script" not in html
    assert not [
        element
        for element in document.find_all(True)
        if any(name.startswith("on") for name in element.attrs)
    ]
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in html  # <title>, <h1>
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html  # summary
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert "&lt;svg onload=alert(3)&gt;" in html
    assert document.find("h1").get_text() == "<script>alert('title')</script>"
    assert document.find("meta", attrs={"name": "description"})["content"] == (
        '<img src=x onerror="alert(1)">'
    )


# Through the page editor ------------------------------------------------------------------


def contentstate(blocks_, entities):
    return json.dumps({"blocks": blocks_, "entityMap": entities})


def link_block(key, text, entity_key):
    return {
        "key": key,
        "type": "unstyled",
        "depth": 0,
        "text": text,
        "inlineStyleRanges": [],
        "entityRanges": [{"offset": 0, "length": len(text), "key": entity_key}],
        "data": {},
    }


HAND_MADE_LINKS = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "jav\tascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
]


def hand_made_contentstate():
    """What a crafted request (not Draftail) could send: links to script URLs, a block key
    and an image entity built to break out of their attributes."""
    blocks_ = [link_block(f"k{i}", f"link {i}", i) for i in range(len(HAND_MADE_LINKS))]
    entities = {
        str(i): {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}
        for i, url in enumerate(HAND_MADE_LINKS)
    }
    blocks_.append(
        {
            "key": 'x" onclick="alert(1)',
            "type": "unstyled",
            "depth": 0,
            "text": "<script>alert(1)</script>",
            "inlineStyleRanges": [{"offset": 0, "length": 5, "style": "BOLD"}],
            "entityRanges": [],
            "data": {},
        }
    )
    blocks_.append(
        {
            "key": "img01",
            "type": "atomic",
            "depth": 0,
            "text": " ",
            "inlineStyleRanges": [],
            "entityRanges": [{"offset": 0, "length": 1, "key": 99}],
            "data": {},
        }
    )
    entities["99"] = {
        "type": "IMAGE",
        "mutability": "IMMUTABLE",
        "data": {
            "id": 1,
            "format": 'left" onerror="alert(1)',
            "alt": '"><script>alert(1)</script>',
        },
    }
    return contentstate(blocks_, entities)


def editor_payloads():
    """The payloads as the page editor's form would carry them: Wagtail's HTML to
    contentstate conversion (used by the form_data helper) gives up on some malformed
    ones, which a browser could not send through Draftail anyway."""
    converted = []
    for _name, payload in PAYLOADS:
        try:
            rich_text(payload, features=RICH_TEXT_FEATURES)
        except AssertionError:
            continue
        converted.append(payload)
    assert len(converted) >= len(PAYLOADS) - 3
    return "".join(converted)


def test_payloads_through_the_page_editor(site, client, superuser):
    page = StandardPageFactory(parent=site.home_pl, title="Edytowana")
    client.force_login(superuser)
    url = edit_page_url(page)
    data = page_form_data(
        client,
        url,
        {
            "title": "Edytowana",
            "slug": "edytowana",
            "body": streamfield(
                [
                    (
                        "paragraph",
                        rich_text(ALLOWED + editor_payloads(), features=RICH_TEXT_FEATURES),
                    ),
                    ("paragraph", hand_made_contentstate()),
                ]
            ),
        },
        action="action-publish",
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    page = StandardPage.objects.get(pk=page.pk)
    assert page.live
    html = main_html(client, page)
    assert_no_script(html)
    assert_allowed_markup_kept(html)
    # The hand-made text block is kept as text, escaped.
    assert "<script>alert(1)</script>" in BeautifulSoup(html, "html.parser").get_text()


def test_home_page_lead_through_the_page_editor(site, client, superuser):
    client.force_login(superuser)
    url = edit_page_url(site.home_pl)
    data = page_form_data(
        client,
        url,
        {
            "lead": contentstate(
                [link_block("lead1", "link 0", 0)],
                {
                    "0": {
                        "type": "LINK",
                        "mutability": "MUTABLE",
                        "data": {"url": " JaVaScRiPt:alert(1)"},
                    }
                },
            ),
            "body": streamfield([]),
        },
        action="action-publish",
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    site.home_pl.refresh_from_db()
    assert "link 0" in site.home_pl.lead
    html = main_html(client, site.home_pl)
    assert_no_script(html)
    assert "link 0" in html
