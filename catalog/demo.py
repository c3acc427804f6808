"""The catalog's part of the demo site: the territory (from the migrations; a database that
was emptied since, a flushed test database say, gets the shipped register again), the page
of the list of activities and services in Polish and English, and the demo catalog of the
pilot gminas (catalog.demo_catalog). Runs after portal.demo (site, home pages, accounts)."""

from wagtail.models import Site

from catalog.demo_catalog import build_catalog
from catalog.models import CatalogPage, Territory
from catalog.territory import load_shipped_register
from portal.demo import ensure_child, ensure_translation
from portal.models import HomePage


def ensure_page(report):
    site = Site.objects.filter(is_default_site=True).first()
    home = site.root_page.specific if site else None
    if not isinstance(home, HomePage):
        return None
    page = ensure_child(
        home,
        CatalogPage,
        "uslugi",
        report,
        title="Lista działań i usług",
        show_in_menus=True,
        summary="Jakie usługi i aktywności oferują instytucje gmin, powiatów i województwa: "
        "dla kogo, gdzie i na jakich zasadach.",
        lead="Wojewódzka i gminno-powiatowe listy aktywności i usług Modelu kooperacji. "
        "Pracownicy socjalni układają z nich indywidualne programy pomocy, instytucje "
        "dbają o aktualność swoich wpisów, a luki w liście pokazują lokalne deficyty.",
    )
    ensure_translation(
        page,
        "en",
        report,
        title="List of activities and services",
        slug="services",
        summary="What services and activities the institutions of gminas, powiats and the "
        "voivodeship offer: for whom, where and on what terms.",
        lead="The voivodeship and gmina–powiat lists of activities and services of the Model "
        "of cooperation. Social workers build individual assistance programmes from them, "
        "institutions keep their entries up to date, and the gaps in the list show local "
        "deficits.",
    )
    return page


def build(report):
    if not Territory.objects.exists():
        counts = load_shipped_register(Territory)
        report.add(f"territory ({counts['created']} units)")
    ensure_page(report)
    build_catalog(report)
