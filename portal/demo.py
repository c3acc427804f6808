"""The portal's part of the demo site: locales, the site and its home pages, a few standard
pages in Polish with English translations, the footer settings, the EU funds logos and one
account per role. Every step looks for what it would create first, so a second run
changes nothing."""

import datetime

from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, Site

from portal import roles
from portal.demo_images import get_or_create_image, illustration, logo
from portal.models import (
    AccessibilityStatementPage,
    EasyReadPage,
    FundingLogo,
    HomePage,
    Project,
    SiteSettings,
    StandardPage,
    User,
)
from portal.models.site_settings import LogoKind

DEMO_PASSWORD = "kooperacja-demo"  # nosec B105 # noqa: S105 (demo accounts only, never in production)
DEMO_ACCOUNTS = [
    # username, role, first name, last name
    ("admin", None, "Administrator", "Portalu"),
    ("redaktor", roles.EDITOR, "Ewa", "Redaktorska"),
    ("moderator", roles.MODERATOR, "Marek", "Moderacki"),
    ("uczestnik", roles.TRAINEE, "Urszula", "Szkoleniowa"),
    ("coach", roles.COACH, "Celina", "Coachingowa"),
    ("koordynator", roles.COORDINATOR, "Konrad", "Koordynacki"),
    ("instytucja", roles.INSTITUTION_EDITOR, "Irena", "Instytucjonalna"),
]


class Report:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.created = []

    def add(self, what):
        self.created.append(what)
        if self.stdout:
            self.stdout.write(f"  + {what}")


def rich(*paragraphs):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs]


def ensure_locales(report):
    for code, _name in settings.LANGUAGES:
        _locale, created = Locale.objects.get_or_create(language_code=code)
        if created:
            report.add(f"locale {code}")


def ensure_child(parent, page_class, slug, report, **fields):
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    report.add(f"page {page.url_path}")
    return page


def ensure_translation(page, language_code, report, **fields):
    locale = Locale.objects.get(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    if existing:
        return existing.specific
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    report.add(f"page {translated.url_path} ({language_code})")
    return translated


def ensure_site(report):
    polish = Locale.objects.get(language_code="pl")
    site = Site.objects.filter(is_default_site=True).first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site, site.root_page.specific
    root = Page.get_first_root_node()
    home = HomePage(
        title="Kooperacja – Model kooperacji",
        slug="pl",
        locale=polish,
        lead=(
            "<p>Portal Modelu kooperacji: jak instytucje pomocy i integracji społecznej "
            "współpracują ze szkołami, ochroną zdrowia, policją, sądami, urzędami pracy, "
            "kulturą i organizacjami pozarządowymi, aby osoba lub rodzina w trudnej sytuacji "
            "otrzymała jedną, wspólnie zaplanowaną pomoc.</p>"
        ),
        summary="Portal Modelu kooperacji i e-Szkoła Kooperacji.",
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    report.add("home page /pl/")
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True, site_name="Kooperacja")
    old_root = site.root_page if site.pk else None
    site.root_page = home
    site.site_name = "Kooperacja"
    site.save()
    # Wagtail's own migration leaves a "Welcome" page; the demo site has no use for it.
    if old_root and old_root.pk != home.pk and not isinstance(old_root.specific, HomePage):
        old_root.delete()
    report.add("site")
    return site, home


def build_pages(home, report):
    ensure_translation(
        home,
        "en",
        report,
        title="Kooperacja – the Model of cooperation",
        slug="en",
        lead=(
            "<p>The portal of the Model of cooperation: how social assistance and integration "
            "institutions work with schools, health care, the police, courts, labour offices, "
            "culture and non-governmental organisations, so that a person or family in "
            "difficulty receives one jointly planned answer.</p>"
        ),
        summary="The portal of the Model of cooperation and the e-School of Cooperation.",
    )
    people = illustration(["#e8eef6", "#0b4f8a", "#b3261e", "#2e7d32", "#6a1b9a"])
    meeting, _ = get_or_create_image(
        "Spotkanie zespołu kooperacji",
        people,
        caption="Instytucje przy jednym stole: ilustracja",
        author="Zespół portalu Kooperacja",
        licence="CC BY 4.0",
        alt_text="Pięć zachodzących na siebie okręgów w różnych kolorach",
    )

    about = ensure_child(
        home,
        StandardPage,
        "o-projekcie",
        report,
        title="O projekcie",
        show_in_menus=True,
        summary="Skąd wziął się Model kooperacji i kto go wypracował.",
        body=[
            {"type": "heading", "value": {"text": "Po co kooperacja", "level": "h2"}},
            *rich(
                "Regionalne ośrodki polityki społecznej w ramach Programu Operacyjnego "
                "Wiedza Edukacja Rozwój, działanie 2.5 „Skuteczna pomoc społeczna”, "
                "wypracowały i przetestowały model współpracy instytucji pomocy społecznej "
                "z podmiotami innych polityk sektorowych.",
                "Model opracowano i sprawdzono w trzech makroregionach, w około 150 "
                "jednostkach samorządu terytorialnego: gminach wiejskich, miejsko-wiejskich "
                "i miastach powyżej 20 tysięcy mieszkańców.",
            ),
            {
                "type": "image",
                "value": {"image": meeting.pk, "alt_text": "", "caption": "", "credit": ""},
            },
            {
                "type": "quote",
                "value": {
                    "text": "Kooperacja powinna obejmować podmioty, które dotąd były "
                    "angażowane tylko okazjonalnie.",
                    "attribution": "z wniosków badań fokusowych, 2018",
                },
            },
        ],
    )
    ensure_translation(
        about,
        "en",
        report,
        title="About the project",
        slug="about",
        summary="Where the Model of cooperation came from and who developed it.",
        body=[
            {"type": "heading", "value": {"text": "Why cooperation", "level": "h2"}},
            *rich(
                "Regional social policy centres developed and tested a model of cooperation "
                "between social assistance institutions and the bodies of other sectoral "
                "policies, within the Knowledge Education Development operational programme, "
                "measure 2.5 “Effective social assistance”.",
                "The model was developed and tested in three macroregions, in about 150 local "
                "governments: rural gminas, urban-rural gminas and towns of over 20,000 people.",
            ),
            {
                "type": "image",
                "value": {
                    "image": meeting.pk,
                    "alt_text": "Five overlapping circles in different colours",
                    "caption": "Institutions around one table: an illustration",
                    "credit": "",
                },
            },
        ],
    )

    leaders = ensure_child(
        about,
        StandardPage,
        "liderzy-kooperacji",
        report,
        title="Liderzy kooperacji",
        summary="Projekt dla gmin wiejskich makroregionu, któremu przewodzi Świętokrzyskie.",
        body=rich(
            "Projekt „Liderzy kooperacji” obejmuje gminy wiejskie województw "
            "świętokrzyskiego, lubelskiego, mazowieckiego, podkarpackiego i podlaskiego.",
            "W 2018 roku w Świętokrzyskiem powstało 8 gminno-powiatowych zespołów "
            "kooperacji, po około 10 osób każdy: w gminach Oksa, Wodzisław, Bieliny, "
            "Łopuszno, Bodzechów, Łoniów, Mirzec i Bogoria.",
        ),
    )
    ensure_translation(
        leaders,
        "en",
        report,
        title="Leaders of Cooperation",
        slug="leaders-of-cooperation",
        summary="The project for rural gminas of the macroregion led by Świętokrzyskie.",
        body=rich(
            "The “Leaders of Cooperation” project covers rural gminas of the Świętokrzyskie, "
            "Lubelskie, Mazowieckie, Podkarpackie and Podlaskie voivodeships.",
            "In 2018, 8 gmina–powiat cooperation teams of about 10 people each were set up in "
            "Świętokrzyskie: in Oksa, Wodzisław, Bieliny, Łopuszno, Bodzechów, Łoniów, Mirzec "
            "and Bogoria.",
        ),
    )

    pilot_table = {
        "caption": "Osoby i rodziny objęte współpracą w marcu 2020 r.",
        "first_column_is_header": True,
        "table": {
            "columns": [
                {"type": "text", "heading": "Województwo"},
                {"type": "number", "heading": "Liczba osób lub rodzin"},
            ],
            "rows": [
                {"values": [name, count]}
                for name, count in [
                    ("lubelskie", 35),
                    ("mazowieckie", 29),
                    ("podlaskie", 33),
                    ("podkarpackie", 35),
                    ("świętokrzyskie", 39),
                    ("razem (cel: co najmniej 150)", 171),
                ]
            ],
        },
    }
    pilot = ensure_child(
        about,
        StandardPage,
        "pilotaz-w-gminach-wiejskich",
        report,
        title="Pilotaż w gminach wiejskich",
        summary="Testowanie Modelu kooperacji od kwietnia 2019 do marca 2020 roku.",
        body=[
            *rich(
                "Model testowały gminy wiejskie pięciu województw. Do marca 2020 roku "
                "partnerskie zespoły kooperacji pracowały ze 171 osobami i rodzinami, "
                "przy celu wynoszącym co najmniej 150."
            ),
            {"type": "table", "value": pilot_table},
        ],
    )
    english_table = dict(
        pilot_table,
        caption="Persons and families worked with in March 2020",
        table={
            "columns": [
                {"type": "text", "heading": "Voivodeship"},
                {"type": "number", "heading": "Persons or families"},
            ],
            "rows": [
                {"values": [name, count]}
                for name, count in [
                    ("Lubelskie", 35),
                    ("Mazowieckie", 29),
                    ("Podlaskie", 33),
                    ("Podkarpackie", 35),
                    ("Świętokrzyskie", 39),
                    ("total (target: at least 150)", 171),
                ]
            ],
        },
    )
    ensure_translation(
        pilot,
        "en",
        report,
        title="The pilot in rural gminas",
        slug="pilot-in-rural-gminas",
        summary="Testing the Model of cooperation from April 2019 to March 2020.",
        body=[
            *rich(
                "Rural gminas of five voivodeships tested the model. By March 2020 the partner "
                "cooperation teams worked with 171 persons and families, against a target of "
                "at least 150."
            ),
            {"type": "table", "value": english_table},
        ],
    )

    contact = ensure_child(
        home,
        StandardPage,
        "kontakt",
        report,
        title="Kontakt",
        show_in_menus=True,
        summary="Jak skontaktować się z zespołem ds. Modelu kooperacji.",
        body=rich(
            "Pytania o Model kooperacji, e-Szkołę Kooperacji i listę aktywności i usług "
            "prosimy kierować do zespołu ds. modelu w regionalnym ośrodku polityki społecznej."
        ),
    )
    ensure_translation(
        contact,
        "en",
        report,
        title="Contact",
        slug="contact",
        summary="How to reach the Model of cooperation team.",
        body=rich(
            "Please send questions about the Model of cooperation, the e-School of Cooperation "
            "and the list of activities and services to the model team of the regional social "
            "policy centre."
        ),
    )

    statement = ensure_statement(home, report)
    ensure_easy_read(home, report)
    return statement


STATEMENT_PL = {
    "title": "Deklaracja dostępności",
    "summary": "Jak dostępny jest ten portal dla osób z niepełnosprawnościami.",
    "entity_name": "Regionalny Ośrodek Polityki Społecznej w Kielcach",
    "status": "partial",
    "non_accessible_content": (
        "<ul><li>Część dokumentów PDF z lat 2018–2019 (materiały z konsultacji modelu) to "
        "skany bez warstwy tekstowej. Na prośbę prześlemy ich treść w formie tekstowej.</li>"
        "<li>Nagrania ze spotkań zespołów kooperacji opublikowane przed 2020 r. nie mają "
        "napisów.</li></ul>"
    ),
    "exemptions": (
        "<p>Nagrania wideo opublikowane przed 23 września 2020 r. są wyłączone z obowiązku "
        "zapewnienia dostępności (art. 3 ust. 2 pkt 2 ustawy).</p>"
    ),
    "keyboard_shortcuts": (
        "<p>Portal nie ma własnych skrótów klawiaturowych. Działają standardowe skróty "
        "przeglądarki. Pierwszy klawisz Tab pokazuje łącze „Przejdź do treści”.</p>"
    ),
    "contact_person": "Anna Dostępna",
    "contact_email": "dostepnosc@example.org",
    "contact_phone": "+48 41 000 00 01",
    "architecture": (
        "<p>Siedziba ośrodka: ul. Przykładowa 1 w Kielcach. Do budynku prowadzi wejście od "
        "ulicy bez schodów. Winda obsługuje wszystkie piętra. Toaleta dostosowana do potrzeb "
        "osób z niepełnosprawnościami jest na parterze.</p>"
        "<p>Przed budynkiem są dwa miejsca parkingowe dla osób z niepełnosprawnościami. "
        "Do budynku można wejść z psem asystującym. W sekretariacie działa pętla "
        "indukcyjna.</p>"
        "<p>Tłumacza polskiego języka migowego można zamówić co najmniej 3 dni robocze przed "
        "wizytą, pisząc na adres dostepnosc@example.org.</p>"
    ),
}

STATEMENT_EN = {
    "title": "Accessibility statement",
    "slug": "accessibility-statement",
    "summary": "How accessible this portal is for people with disabilities.",
    "entity_name": "Regional Social Policy Centre in Kielce",
    "non_accessible_content": (
        "<ul><li>Some PDF documents from 2018–2019 (materials of the consultations of the "
        "model) are scans without a text layer. On request we send their content as "
        "text.</li><li>Recordings of meetings of the cooperation teams published before 2020 "
        "have no captions.</li></ul>"
    ),
    "exemptions": (
        "<p>Video recordings published before 23 September 2020 are exempt from the duty of "
        "accessibility (art. 3 sec. 2 point 2 of the act).</p>"
    ),
    "keyboard_shortcuts": (
        "<p>The portal has no keyboard shortcuts of its own; the browser's standard ones work. "
        "The first Tab key shows the “Skip to main content” link.</p>"
    ),
    "architecture": (
        "<p>The centre's seat: ul. Przykładowa 1 in Kielce. The entrance from the street has "
        "no steps. A lift serves every floor. An accessible toilet is on the ground "
        "floor.</p><p>There are two parking spaces for people with disabilities in front of "
        "the building. Assistance dogs are welcome. The secretariat has an induction "
        "loop.</p><p>A Polish Sign Language interpreter can be booked at least 3 working days "
        "before a visit by writing to dostepnosc@example.org.</p>"
    ),
}


def ensure_statement(home, report):
    statement = ensure_child(
        home,
        AccessibilityStatementPage,
        "deklaracja-dostepnosci",
        report,
        published_on=datetime.date(2019, 4, 1),
        updated_on=datetime.date(2025, 3, 10),
        prepared_on=datetime.date(2020, 9, 22),
        reviewed_on=datetime.date(2026, 3, 20),
        next_review_on=datetime.date(2027, 3, 20),
        assessment_method="self",
        **STATEMENT_PL,
    )
    ensure_translation(statement, "en", report, **STATEMENT_EN)
    return statement


EASY_READ_PL = {
    "title": "Tekst łatwy do czytania i język migowy",
    "summary": "Informacja o portalu Kooperacja w tekście łatwym do czytania i w języku migowym.",
    "body": (
        "<h2>Kim jesteśmy</h2>"
        "<p>Ten portal prowadzi Regionalny Ośrodek Polityki Społecznej w Kielcach.</p>"
        "<p>Skrót tej nazwy to ROPS.</p>"
        "<h2>Czym się zajmujemy</h2>"
        "<p>Pomagamy urzędom i instytucjom pracować razem.</p>"
        "<p>Są to na przykład ośrodki pomocy społecznej, szkoły, przychodnie, policja i sądy.</p>"
        "<p>Dzięki temu rodzina w trudnej sytuacji dostaje jedną, wspólną pomoc.</p>"
        "<p>Nie musi chodzić osobno do każdego urzędu.</p>"
        "<p>Taki sposób pracy nazywa się Model kooperacji.</p>"
        "<h2>Co jest na portalu</h2>"
        "<ul>"
        "<li>Wiadomości o Modelu kooperacji.</li>"
        "<li>e-Szkoła Kooperacji. To kursy przez internet dla pracowników instytucji.</li>"
        "<li>Lista aktywności i usług. Tam znajdziesz, kto i gdzie może pomóc.</li>"
        "</ul>"
        "<h2>Jak się z nami skontaktować</h2>"
        "<ul>"
        "<li>Napisz list na adres: Regionalny Ośrodek Polityki Społecznej, "
        "ul. Przykładowa 1, 25-001 Kielce.</li>"
        "<li>Napisz e-mail na adres: kooperacja@example.org</li>"
        "<li>Zadzwoń pod numer: 41 000 00 00</li>"
        "<li>Przyjdź do nas. Jesteśmy przy ulicy Przykładowej 1 w Kielcach.</li>"
        "</ul>"
        "<p>Jeśli nie słyszysz, napisz do nas e-mail.</p>"
        "<p>Możesz przyjść z tłumaczem języka migowego.</p>"
        "<p>Napisz do nas 3 dni wcześniej, a zapewnimy tłumacza.</p>"
    ),
    "sign_language_url": "https://www.example.org/filmy/kooperacja-pjm",
    "sign_language_transcript": (
        "Na filmie tłumaczka polskiego języka migowego mówi, kim jesteśmy i czym się "
        "zajmujemy. Mówi, co jest na portalu: wiadomości, e-Szkoła Kooperacji i lista "
        "aktywności i usług. Na końcu podaje adres, e-mail i numer telefonu ośrodka."
    ),
}

EASY_READ_EN = {
    "title": "Easy-to-read text and sign language",
    "slug": "easy-to-read",
    "summary": "About the Kooperacja portal in easy-to-read text and in sign language.",
    "body": (
        "<h2>Who we are</h2>"
        "<p>The Regional Social Policy Centre in Kielce runs this portal.</p>"
        "<p>Its short name is ROPS.</p>"
        "<h2>What we do</h2>"
        "<p>We help offices and institutions work together.</p>"
        "<p>For example social assistance centres, schools, clinics, the police and courts.</p>"
        "<p>So a family in a difficult situation gets one shared help.</p>"
        "<p>It does not have to go to every office on its own.</p>"
        "<p>This way of working is called the Model of cooperation.</p>"
        "<h2>What is on the portal</h2>"
        "<ul>"
        "<li>News about the Model of cooperation.</li>"
        "<li>The e-School of Cooperation. These are online courses for staff of "
        "institutions.</li>"
        "<li>The list of activities and services. There you find who can help and where.</li>"
        "</ul>"
        "<h2>How to contact us</h2>"
        "<ul>"
        "<li>Write a letter to: Regionalny Ośrodek Polityki Społecznej, "
        "ul. Przykładowa 1, 25-001 Kielce.</li>"
        "<li>Write an e-mail to: kooperacja@example.org</li>"
        "<li>Call: 41 000 00 00</li>"
        "<li>Come to us. We are at ulica Przykładowa 1 in Kielce.</li>"
        "</ul>"
        "<p>If you cannot hear, write us an e-mail.</p>"
        "<p>You can come with a sign language interpreter.</p>"
        "<p>Write to us 3 days before and we will find an interpreter.</p>"
    ),
    "sign_language_transcript": (
        "In the video a Polish Sign Language interpreter says who we are and what we do. She "
        "says what is on the portal: news, the e-School of Cooperation and the list of "
        "activities and services. At the end she gives the centre's address, e-mail and "
        "phone number."
    ),
}


def ensure_easy_read(home, report):
    page = ensure_child(home, EasyReadPage, "tekst-latwy-do-czytania", report, **EASY_READ_PL)
    ensure_translation(page, "en", report, **EASY_READ_EN)
    return page


def ensure_duties_settings(site, report):
    """The settings added for the public-sector duties, also on a demo site built before."""
    site_settings = SiteSettings.for_site(site)
    changed = False
    home = site.root_page
    if site_settings.easy_read_page_id is None:
        easy_read = home.get_children().filter(slug="tekst-latwy-do-czytania").first()
        if easy_read is not None:
            site_settings.easy_read_page = easy_read
            changed = True
    if not site_settings.data_protection_email:
        site_settings.data_protection_officer = "Inspektor Ochrony Danych"
        site_settings.data_protection_email = "iod@example.org"
        changed = True
    if changed:
        site_settings.save()
        report.add("site settings: accessibility and personal data")


def ensure_site_settings(site, statement, report):
    site_settings = SiteSettings.for_site(site)
    if site_settings.institution_name:
        return
    site_settings.institution_name = "Regionalny Ośrodek Polityki Społecznej w Kielcach"
    site_settings.institution_name_en = "Regional Social Policy Centre in Kielce"
    site_settings.address = "ul. Przykładowa 1\n25-001 Kielce"
    site_settings.phone = "+48 41 000 00 00"
    site_settings.email = "kooperacja@example.org"
    site_settings.bip_url = "https://bip.example.org/"
    site_settings.accessibility_statement = statement
    site_settings.funding_note = (
        "Projekt współfinansowany ze środków Unii Europejskiej w ramach Europejskiego "
        "Funduszu Społecznego, Program Operacyjny Wiedza Edukacja Rozwój 2014–2020."
    )
    site_settings.funding_note_en = (
        "The project is co-financed by the European Union from the European Social Fund, "
        "Knowledge Education Development Operational Programme 2014–2020."
    )
    site_settings.save()
    report.add("site settings")


FUNDING_LOGOS = {
    # period: [(kind, name, text on the logo, alt text pl, alt text en, colours)]
    "2014-2020": [
        (
            LogoKind.FUNDS,
            "Fundusze Europejskie – Wiedza Edukacja Rozwój",
            "Fundusze Europejskie\nWiedza Edukacja Rozwój",
            "Fundusze Europejskie – Wiedza Edukacja Rozwój",
            "European Funds – Knowledge Education Development",
            ("#ffffff", "#003399"),
        ),
        (
            LogoKind.EU,
            "Unia Europejska – Europejski Fundusz Społeczny",
            "Unia Europejska\nEuropejski Fundusz Społeczny",
            "Unia Europejska – Europejski Fundusz Społeczny",
            "European Union – European Social Fund",
            ("#003399", "#ffcc00"),
        ),
    ],
    "2021-2027": [
        (
            LogoKind.FUNDS,
            "Fundusze Europejskie dla Rozwoju Społecznego",
            "Fundusze Europejskie\ndla Rozwoju Społecznego",
            "Fundusze Europejskie dla Rozwoju Społecznego",
            "European Funds for Social Development",
            ("#ffffff", "#003399"),
        ),
        (
            LogoKind.FLAG,
            "Rzeczpospolita Polska",
            "Rzeczpospolita\nPolska",
            "Rzeczpospolita Polska",
            "Republic of Poland",
            ("#ffffff", "#b3261e"),
        ),
        (
            LogoKind.EU,
            "Dofinansowane przez Unię Europejską",
            "Dofinansowane przez\nUnię Europejską",
            "Dofinansowane przez Unię Europejską",
            "Co-funded by the European Union",
            ("#003399", "#ffffff"),
        ),
    ],
}


def ensure_funding_logos(report):
    polish = Locale.objects.get(language_code="pl")
    english = Locale.objects.get(language_code="en")
    for period, logos in FUNDING_LOGOS.items():
        for order, (kind, name, text, alt_pl, alt_en, colours) in enumerate(logos):
            background, foreground = colours
            if FundingLogo.objects.filter(period=period, name=name, locale=polish).exists():
                continue
            image, _ = get_or_create_image(
                f"Logo: {name}",
                logo(text, background, foreground),
                alt_text=alt_pl,
                author="Zespół portalu Kooperacja (znak zastępczy)",
            )
            source = FundingLogo.objects.create(
                period=period,
                kind=kind,
                name=name,
                image=image,
                alt_text=alt_pl,
                sort_order=order,
                locale=polish,
            )
            translated = source.copy_for_translation(english)
            translated.alt_text = alt_en
            translated.save()
            report.add(f"funding logo {name}")


PROJECTS = [
    # slug, Polish name, Polish description, English name, English description
    (
        "liderzy",
        "Liderzy kooperacji",
        "Model kooperacji dla gmin wiejskich: Świętokrzyskie jako lider oraz Lubelskie, "
        "Mazowieckie, Podkarpackie i Podlaskie.",
        "Leaders of Cooperation",
        "The model of cooperation for rural gminas: Świętokrzyskie as the leader, with "
        "Lubelskie, Mazowieckie, Podkarpackie and Podlaskie.",
    ),
    (
        "kooperacje-3d",
        "Kooperacje 3D",
        "Model kooperacji dla miast w województwie śląskim.",
        "Kooperacje 3D",
        "The model of cooperation for towns and cities in Śląskie.",
    ),
]


def ensure_projects(report):
    polish = Locale.objects.get(language_code="pl")
    english = Locale.objects.get(language_code="en")
    for slug, name, description, name_en, description_en in PROJECTS:
        if Project.objects.filter(slug=slug, locale=polish).exists():
            continue
        source = Project.objects.create(
            slug=slug, name=name, description=description, locale=polish
        )
        translated = source.copy_for_translation(english)
        translated.name = name_en
        translated.description = description_en
        translated.save()
        report.add(f"project {name}")


def ensure_demo_accounts(report):
    if not settings.DEMO_ACCOUNTS:
        return []
    for username, role, first_name, last_name in DEMO_ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                first_name=first_name,
                last_name=last_name,
                email=f"{username}@example.org",
                is_superuser=role is None,
                is_staff=role is None,
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
            if role:
                user.groups.add(Group.objects.get(name=role))
            report.add(f"user {username}")
    return [(username, role or "superuser") for username, role, *_ in DEMO_ACCOUNTS]


def build(report):
    ensure_locales(report)
    site, home = ensure_site(report)
    statement = build_pages(home, report)
    ensure_site_settings(site, statement, report)
    ensure_duties_settings(site, report)
    ensure_funding_logos(report)
    ensure_projects(report)
    return ensure_demo_accounts(report)
