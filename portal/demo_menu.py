"""The last step of the demo site: the main menu in the order a visitor reads it (each app
adds its section where it can; the contact page goes last). Pages are ordered by their
Polish slugs; translations follow their Polish page."""

from wagtail.models import Page

from portal.models import HomePage

MENU_ORDER = [
    "o-projekcie",
    "aktualnosci",
    "model-kooperacji",
    "e-szkola",
    "uslugi",
    "dobre-praktyki",
    "galerie",
    "konsultacje",
    "kontakt",
]


def _arrange(home, order, report):
    children = {page.slug: page for page in home.get_children()}
    wanted = [children[slug] for slug in order if slug in children]
    current = [page for page in home.get_children() if page in wanted]
    if current == wanted:
        return
    for page in wanted:
        # Moving each to the end in turn leaves them in the wanted order.
        Page.objects.get(pk=page.pk).move(home, pos="last-child")
    report.add(f"menu order of {home.url_path}")


def build(report):
    for polish_home in HomePage.objects.filter(locale__language_code="pl"):
        _arrange(polish_home, MENU_ORDER, report)
        polish_children = {page.slug: page for page in polish_home.get_children()}
        for home in polish_home.get_translations():
            translated = {page.translation_key: page.slug for page in home.get_children()}
            order = [
                translated[polish_children[slug].translation_key]
                for slug in MENU_ORDER
                if slug in polish_children and polish_children[slug].translation_key in translated
            ]
            _arrange(home.specific, order, report)
