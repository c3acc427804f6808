"""Pages and settings the public-duties tests share (tests/trust/test_duties_*.py)."""

import datetime

from wagtail.models import Site

from portal.models import AccessibilityStatementPage, EasyReadPage, SiteSettings
from tests.conftest import publish

STATEMENT_FIELDS = {
    "title": "Deklaracja dostępności",
    "slug": "deklaracja-dostepnosci",
    "entity_name": "Regionalny Ośrodek Polityki Społecznej w Kielcach",
    "published_on": datetime.date(2019, 4, 1),
    "updated_on": datetime.date(2025, 3, 10),
    "status": "partial",
    "non_accessible_content": "<ul><li>Skany dokumentów z 2018 r.</li></ul>",
    "exemptions": "<p>Filmy sprzed 23 września 2020 r.</p>",
    "prepared_on": datetime.date(2020, 9, 22),
    "reviewed_on": datetime.date(2026, 3, 20),
    "assessment_method": "self",
    "contact_person": "Anna Dostępna",
    "contact_email": "dostepnosc@example.org",
    "contact_phone": "+48 41 000 00 01",
    "architecture": "<p>Wejście bez schodów, winda na wszystkie piętra.</p>",
}


# Fields a page gets only when it is added to the tree.
TREE_FIELDS = ["path", "depth"]


def add_statement(parent, **fields):
    page = AccessibilityStatementPage(**{**STATEMENT_FIELDS, **fields})
    page.full_clean(exclude=TREE_FIELDS)
    parent.add_child(instance=page)
    return publish(page)


def add_easy_read(parent, **fields):
    values = {
        "title": "Tekst łatwy do czytania",
        "slug": "tekst-latwy-do-czytania",
        "body": "<h2>Kim jesteśmy</h2><p>Pomagamy instytucjom pracować razem.</p>",
        "sign_language_url": "https://www.example.org/filmy/pjm",
        "sign_language_transcript": "Tłumaczka mówi, czym zajmuje się ośrodek.",
        **fields,
    }
    page = EasyReadPage(**values)
    page.full_clean(exclude=TREE_FIELDS)
    parent.add_child(instance=page)
    return publish(page)


def site_settings(**fields):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in fields.items():
        setattr(settings, name, value)
    settings.save()
    return settings
