"""Stored rich text is rendered as it is stored (`|richtext`, RichTextBlock): whatever
reaches the database reaches the public page. Draftail only ever produces whitelisted HTML,
but code, imports and the API save models directly, so every save of a model with rich text
(a RichTextField, or RichTextBlock values anywhere inside a StreamField) and every revision
goes through `sanitise_html` here first (connected in portal.editorial).

The whitelist is the HTML Draftail writes for the portal's features, in Wagtail's database
format: paragraphs, h2-h4 headings, lists, bold/italic, line breaks, external links
(http, https, mailto, tel or relative), page and document links (`<a linktype="page"
id="..">`) and images (`<embed embedtype="image" ..>`). The output is re-serialised from the
parse tree, never passed through, so it holds nothing but whitelisted tags and escaped
text whatever the input was; Draftail's own output comes back unchanged."""

import html
import json
import re
from functools import cache

from bs4 import BeautifulSoup, NavigableString, Tag
from modelcluster.models import get_all_child_relations
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.fields import RichTextField, StreamField

# Draftail keeps its block keys (comments and translations rely on them) on block elements.
BLOCK_KEY = "data-block-key"
KEYED_ELEMENTS = {"p", "h2", "h3", "h4", "li"}
PLAIN_ELEMENTS = {"ul", "ol", "b", "i", "strong", "em", "br"}
ALLOWED_ELEMENTS = KEYED_ELEMENTS | PLAIN_ELEMENTS | {"a", "embed"}

# Dropped with everything inside them: their content is code, or is parsed by browsers in
# ways an HTML parser in Python does not reproduce.
DROPPED_ELEMENTS = {
    "applet",
    "audio",
    "base",
    "button",
    "canvas",
    "embed",  # other than Wagtail's own image embeds, handled before this applies
    "form",
    "frame",
    "frameset",
    "head",
    "iframe",
    "input",
    "link",
    "math",
    "meta",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "option",
    "plaintext",
    "script",
    "select",
    "style",
    "svg",
    "template",
    "textarea",
    "title",
    "video",
    "xmp",
}
# Containers that become a paragraph of their own when they hold text only, so that their
# text does not run into the next paragraph's.
BLOCKISH_ELEMENTS = {
    "address",
    "article",
    "blockquote",
    "div",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h5",
    "h6",
    "header",
    "pre",
    "section",
}

ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}
LINK_TYPES = {"page", "document"}
EMBED_TYPES = {"image"}
NUMERIC_ID = re.compile(r"^[0-9]{1,18}$")
WORD = re.compile(r"^[\w-]{1,64}$")
# What browsers ignore inside a URL: ASCII control characters and whitespace anywhere,
# other whitespace and invisible characters around the scheme.
URL_NOISE = re.compile(r"[\x00-\x20\x7f-\xa0\s\u200b-\u200f\u2028-\u202f\ufeff]+")
SCHEME = re.compile(r"^([^/?#]*):")


def safe_url(url):
    """`url` if it is relative or uses an allowed scheme; None for javascript:, data:,
    vbscript: and every other scheme however it is spelled or encoded."""
    if url is None:
        return None
    normalised = url
    for _ in range(3):  # entities inside entities: "&amp;#x09;"
        unescaped = html.unescape(normalised)
        if unescaped == normalised:
            break
        normalised = unescaped
    normalised = URL_NOISE.sub("", normalised).lower()
    match = SCHEME.match(normalised)
    if match and match.group(1) not in ALLOWED_SCHEMES:
        return None
    return url.strip()


BLOCK_LEVEL = KEYED_ELEMENTS | {"ul", "ol"} | BLOCKISH_ELEMENTS
VOID_ELEMENTS = {"br", "embed"}
DROP = object()
UNWRAP = object()


def _text(value):
    # As Draftail escapes text: quotes stay as they are.
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(value):
    # Always in double quotes: Wagtail's rich text rewriters find attributes with a
    # regular expression that expects them.
    return _text(str(value)).replace('"', "&quot;")


def _link_attributes(tag):
    link_type = tag.get("linktype")
    if link_type is not None:
        if link_type in LINK_TYPES and NUMERIC_ID.match(tag.get("id") or ""):
            return {"linktype": link_type, "id": tag["id"]}
        return None
    href = safe_url(tag.get("href"))
    return {"href": href} if href else None


def _embed_attributes(tag):
    from wagtail.images.formats import get_image_formats

    if tag.get("embedtype") not in EMBED_TYPES or not NUMERIC_ID.match(tag.get("id") or ""):
        return None
    # Rendering looks the format up by name and fails on one it does not know.
    if tag.get("format") not in {image_format.name for image_format in get_image_formats()}:
        return None
    return {
        name: value
        for name, value in tag.attrs.items()
        if name in {"embedtype", "format", "id", "alt"}
    }


def _decide(tag, holds_blocks):
    """What becomes of an element: DROP (with its content), UNWRAP (its content stays), or
    (name, attributes) of the element written in its place."""
    name = tag.name
    if name == "embed":
        attributes = _embed_attributes(tag)
        return DROP if attributes is None else ("embed", attributes)
    if name in DROPPED_ELEMENTS:
        return DROP
    if name == "a":
        attributes = _link_attributes(tag)
        return UNWRAP if attributes is None else ("a", attributes)
    if name in KEYED_ELEMENTS:
        key = tag.get(BLOCK_KEY)
        return (name, {BLOCK_KEY: key} if isinstance(key, str) and WORD.match(key) else {})
    if name in PLAIN_ELEMENTS:
        return (name, {})
    if name in BLOCKISH_ELEMENTS and not holds_blocks:
        return ("p", {})
    return UNWRAP


def _blocks_inside(doc):
    """For each element (by id), whether block-level elements will remain inside it once
    cleaned: one pass over the tree, children before their parents."""
    holds = {}
    for node in reversed(list(doc.descendants)):
        if isinstance(node, Tag):
            holds[id(node)] = any(
                isinstance(child, Tag)
                and child.name not in DROPPED_ELEMENTS
                and (child.name in BLOCK_LEVEL or holds[id(child)])
                for child in node.contents
            )
    return holds


def sanitise_html(value):
    """The whitelisted version of a rich text value in Wagtail's database format.

    The parsed tree is written out anew, never mutated (removing elements from a tree one
    by one is quadratic), and without recursion, so that no input, however large or
    deeply nested, makes saving slow or exhausts the stack."""
    if not value:
        return value
    doc = BeautifulSoup(value, "html.parser")
    holds_blocks = _blocks_inside(doc)
    out = []
    stack = [(node, None) for node in reversed(doc.contents)]
    while stack:
        node, closing = stack.pop()
        if closing is not None:
            out.append(f"</{closing}>")
        elif isinstance(node, Tag):
            decision = _decide(node, holds_blocks[id(node)])
            if decision is DROP:
                continue
            if decision is not UNWRAP:
                name, attributes = decision
                written = "".join(f' {key}="{_attribute(val)}"' for key, val in attributes.items())
                if name in VOID_ELEMENTS:
                    out.append(f"<{name}{written}/>")
                    continue
                out.append(f"<{name}{written}>")
                stack.append((None, name))
            stack.extend((child, None) for child in reversed(node.contents))
        elif type(node) is NavigableString:
            out.append(_text(node))
        # Anything else is dropped: comments, CDATA sections, processing instructions and
        # doctypes (a browser may read "<![CDATA[><script>" as a comment that ends early).
    return "".join(out)


def sanitise_block_value(block, raw):
    """`raw` (a block's JSON-ish stored value) with every RichTextBlock value inside it,
    at any depth, sanitised."""
    if raw is None:
        return raw
    if isinstance(block, blocks.RichTextBlock):
        return sanitise_html(raw) if isinstance(raw, str) else raw
    if isinstance(block, blocks.BaseStreamBlock):
        if not isinstance(raw, list):
            return raw
        for item in raw:
            if isinstance(item, dict) and item.get("type") in block.child_blocks:
                item["value"] = sanitise_block_value(
                    block.child_blocks[item["type"]], item.get("value")
                )
        return raw
    if isinstance(block, blocks.BaseStructBlock):
        if isinstance(raw, dict):
            for name, child in block.child_blocks.items():
                if name in raw:
                    raw[name] = sanitise_block_value(child, raw[name])
        return raw
    if isinstance(block, blocks.ListBlock):
        if not isinstance(raw, list):
            return raw
        for index, item in enumerate(raw):
            if block._item_is_in_block_format(item):
                item["value"] = sanitise_block_value(block.child_block, item["value"])
            else:
                raw[index] = sanitise_block_value(block.child_block, item)
        return raw
    if isinstance(block, TypedTableBlock):
        if not isinstance(raw, dict):
            return raw
        columns = [
            block.child_blocks.get(column.get("type")) if isinstance(column, dict) else None
            for column in raw.get("columns") or []
        ]
        for row in raw.get("rows") or []:
            values = row.get("values") if isinstance(row, dict) else None
            if not isinstance(values, list):
                continue
            for index, child in enumerate(columns[: len(values)]):
                if child is not None:
                    values[index] = sanitise_block_value(child, values[index])
        return raw
    return raw


@cache
def rich_text_fields(model):
    """The model's concrete RichTextFields and StreamFields (cached per class: this runs
    for every save of every model)."""
    return tuple(
        field
        for field in model._meta.concrete_fields
        if isinstance(field, (RichTextField, StreamField))
    )


def sanitise_instance(instance, update_fields=None):
    """Sanitise the rich text of a model instance in place, before it is saved."""
    for field in rich_text_fields(type(instance)):
        if update_fields is not None and field.name not in update_fields:
            continue
        value = getattr(instance, field.attname)
        if isinstance(field, RichTextField):
            if isinstance(value, str) and value:
                cleaned = sanitise_html(value)
                if cleaned != value:
                    setattr(instance, field.attname, cleaned)
        else:
            raw = field.get_prep_value(value)
            if isinstance(raw, list) and raw:
                setattr(instance, field.attname, sanitise_block_value(field.stream_block, raw))


def sanitise_serialised(model, data):
    """Sanitise the rich text inside serialised model data (a revision's `content`),
    following modelcluster's child relations."""
    if not isinstance(data, dict) or model is None:
        return data
    for field in rich_text_fields(model):
        value = data.get(field.name)
        if not value:
            continue
        if isinstance(field, RichTextField):
            if isinstance(value, str):
                data[field.name] = sanitise_html(value)
        else:
            data[field.name] = _sanitise_serialised_stream(field, value)
    for relation in get_all_child_relations(model):
        children = data.get(relation.get_accessor_name())
        if isinstance(children, list):
            for child in children:
                sanitise_serialised(relation.related_model, child)
    return data


def _sanitise_serialised_stream(field, value):
    # Revisions hold StreamField data as a JSON string (StreamField.value_to_string).
    if isinstance(value, str):
        try:
            raw = json.loads(value)
        except ValueError:
            return value
        if not isinstance(raw, list):
            return value
        return json.dumps(sanitise_block_value(field.stream_block, raw))
    if isinstance(value, list):
        return sanitise_block_value(field.stream_block, value)
    return value
