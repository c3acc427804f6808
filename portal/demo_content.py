"""The content types' part of the demo site: galleries, the 2019 consultations of the model,
good practices, the Model page with its schedule and the pilot's figures, in Polish with
English translations. Runs after portal.demo (site, home pages) and catalog.demo
(territory). Everything is looked up before it is made, so a second run creates nothing.

True to the seeds: photo captions from seed 000 (the images are drawn illustrations and
their alternative text says so), consultations from seed 004, practices from seeds 000 and
001, the steps and schedule from seed 002, pilot figures from seeds 002 and 003. Where the
seeds give no number (how many took part in a consultation, say), none is shown."""

import datetime
import io

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale, Site

from catalog.models import Territory
from portal.demo import ensure_child, rich
from portal.demo_images import illustration
from portal.models import (
    ConsultationDocument,
    ConsultationIndexPage,
    ConsultationMeeting,
    ConsultationPage,
    ConsultationPostulate,
    CustomImage,
    GalleryIndexPage,
    GalleryPage,
    GalleryPhoto,
    GoodPracticeIndexPage,
    GoodPracticePage,
    GoodPracticePhoto,
    ModelPage,
    PilotFigure,
    PilotFiguresPage,
    PostulateKind,
    PostulateStatus,
    TrainingFigure,
)
from portal.models.galleries import DatePrecision

AUTHOR = "Zespół portalu Kooperacja"
LICENCE = "CC BY 4.0"
PALETTES = [
    ["#eef3f8", "#0b4f8a", "#b3261e", "#2e7d32", "#6a1b9a"],
    ["#fdf6ec", "#8a4b0b", "#0b4f8a", "#2e7d32"],
    ["#f3f8ee", "#2e7d32", "#6a1b9a", "#b3261e", "#0b4f8a", "#8a4b0b"],
    ["#f6eef8", "#6a1b9a", "#0b4f8a", "#b3261e"],
    ["#eef8f7", "#00695c", "#b3261e", "#0b4f8a", "#6a1b9a"],
]


def p(text):
    return f"<p>{text}</p>"


def territory(code):
    return Territory.objects.filter(code=code).first()


def ensure_illustration(title, number, report, **fields):
    """A drawn stand-in for a photo, found by its title; drawn only when missing."""
    existing = CustomImage.objects.filter(title=title).first()
    if existing:
        return existing
    from django.core.files.images import ImageFile
    from django.utils.text import slugify

    data = illustration(PALETTES[number % len(PALETTES)])
    image = CustomImage(title=title, author=AUTHOR, licence=LICENCE, **fields)
    image.file = ImageFile(io.BytesIO(data), name=f"{slugify(title)[:40]}.png")
    image.save()
    report.add(f"image {title}")
    return image


def ensure_english(page, report, children=None, **fields):
    """The English translation of `page`, made once: `fields` set on the page and, for
    each child relation named in `children`, the English texts of its objects in order
    (the objects keep their translation keys, so later syncs match them)."""
    english = Locale.objects.get(language_code="en")
    existing = page.get_translation_or_none(english)
    if existing:
        return existing.specific
    translated = page.copy_for_translation(english)
    for name, value in fields.items():
        setattr(translated, name, value)
    for relation, changes in (children or {}).items():
        objects = list(getattr(translated, relation).all())
        for obj, values in zip(objects, changes, strict=True):
            for name, value in values.items():
                setattr(obj, name, value)
        setattr(translated, relation, objects)
    translated.save_revision().publish()
    translated.refresh_from_db()
    report.add(f"page {translated.url_path} (en)")
    return translated


# --- galleries (seed 000) ----------------------------------------------------------------

GALLERIES = [
    {
        "slug": "spotkania-zespolow-kooperacji-2018",
        "slug_en": "cooperation-team-meetings-2018",
        "title": "Spotkania gminno-powiatowych zespołów kooperacji",
        "title_en": "Meetings of the gmina–powiat cooperation teams",
        "event_date": datetime.date(2018, 8, 1),
        "end_date": datetime.date(2018, 12, 1),
        "date_precision": DatePrecision.MONTH,
        "place": "Gminy Wodzisław, Bodzechów, Łoniów i Bogoria",
        "place_en": "Wodzisław, Bodzechów, Łoniów and Bogoria gminas",
        "territory": "26",
        "summary": "Siedem spotkań, na których zespoły z gmin i powiatów wypracowały założenia "
        "modelu.",
        "summary_en": "Seven meetings at which teams from gminas and powiats worked out the "
        "assumptions of the model.",
        "intro": "Od sierpnia do grudnia 2018 r. członkowie ośmiu gminno-powiatowych zespołów "
        "kooperacji (G-PZK), liczących po około 10 osób, podczas siedmiu spotkań z Zespołem "
        "ds. Modelu wypracowywali założenia Modelu kooperacji dla gmin wiejskich.",
        "intro_en": "From August to December 2018 the members of eight gmina–powiat "
        "cooperation teams (G-PZK) of about 10 people each met the Model Team seven times to "
        "work out the assumptions of the Model of cooperation for rural gminas.",
        "photos": [
            ("Spotkanie G-PZK w Gminie Wodzisław", "G-PZK meeting in Wodzisław gmina"),
            ("Spotkanie G-PZK w Gminie Bodzechów", "G-PZK meeting in Bodzechów gmina"),
            ("Spotkanie G-PZK w Gminie Łoniów", "G-PZK meeting in Łoniów gmina"),
            (
                "Warsztaty w ramach G-PZK w Gminie Bogoria",
                "G-PZK workshop in Bogoria gmina",
            ),
        ],
    },
    {
        "slug": "badania-focus-lopuszno-2018",
        "slug_en": "focus-groups-lopuszno-2018",
        "title": "Badania focus w gminie Łopuszno",
        "title_en": "Focus group research in Łopuszno gmina",
        "event_date": datetime.date(2018, 8, 1),
        "end_date": datetime.date(2018, 9, 1),
        "date_precision": DatePrecision.MONTH,
        "place": "Gmina Łopuszno",
        "place_en": "Łopuszno gmina",
        "territory": "2604083",
        "summary": "Jedno z ośmiu badań focus w zespołach kooperacji.",
        "summary_en": "One of the eight focus group studies in the cooperation teams.",
        "intro": "W sierpniu i wrześniu 2018 r. w gminno-powiatowych zespołach kooperacji "
        "odbyło się 8 badań focus. We wszystkich gminach za najważniejszy problem uznano "
        "sytuację samotnych osób starszych, a za najmniej istotny – bezrobocie.",
        "intro_en": "In August and September 2018, 8 focus group studies were held in the "
        "gmina–powiat cooperation teams. In every gmina the situation of lonely older people "
        "was seen as the most important problem, and unemployment as the least important.",
        "photos": [
            ("Badania focus w Gminie Łopuszno", "Focus group research in Łopuszno gmina"),
            ("Badania focus w Gminie Łopuszno", "Focus group research in Łopuszno gmina"),
        ],
    },
    {
        "slug": "wizyta-w-narewce-2018",
        "slug_en": "exchange-visit-narewka-2018",
        "title": "Partnerskie spotkanie wymiany doświadczeń w gminie Narewka",
        "title_en": "Partner exchange visit in Narewka gmina",
        "event_date": datetime.date(2018, 11, 6),
        "end_date": datetime.date(2018, 11, 8),
        "date_precision": DatePrecision.DAY,
        "place": "Narewka, powiat hajnowski, województwo podlaskie",
        "place_en": "Narewka, Hajnówka powiat, Podlaskie voivodeship",
        "territory": "2005092",
        "summary": "Trzy dni warsztatów i rozmów 40 członków zespołów kooperacji, doradców "
        "i moderatora.",
        "summary_en": "Three days of workshops and talks for 40 cooperation team members, "
        "advisers and the moderator.",
        "intro": "W dniach 6–8 listopada 2018 r. 40 osób – członkowie G-PZK z gmin i powiatów "
        "projektu „Liderzy kooperacji”, doradcy oraz moderator – poznawało w gminie Narewka "
        "narzędzia budowania trwałej kooperacji. Program obejmował warsztaty oraz spotkanie "
        "z przedstawicielami gminy Narewka i powiatu hajnowskiego.",
        "intro_en": "On 6–8 November 2018, 40 people – G-PZK members from the gminas and "
        "powiats of the “Leaders of Cooperation” project, advisers and the moderator – learned "
        "about tools for building lasting cooperation in Narewka gmina. The programme had "
        "workshops and a meeting with representatives of Narewka gmina and Hajnówka powiat.",
        "photos": [
            (
                "Partnerskie spotkanie wymiany doświadczeń w Gminie Narewka. Przedstawiciele "
                "G-PZK z Gminy Łopuszno",
                "Partner exchange visit in Narewka gmina: the G-PZK of Łopuszno gmina",
            ),
            (
                "Partnerskie spotkanie wymiany doświadczeń w Gminie Narewka",
                "Partner exchange visit in Narewka gmina",
            ),
            (
                "Partnerskie spotkanie wymiany doświadczeń w Gminie Narewka",
                "Partner exchange visit in Narewka gmina",
            ),
            (
                "Partnerskie spotkanie wymiany doświadczeń w Gminie Narewka",
                "Partner exchange visit in Narewka gmina",
            ),
            (
                "Partnerskie spotkanie wymiany doświadczeń w Gminie Narewka",
                "Partner exchange visit in Narewka gmina",
            ),
        ],
    },
    {
        "slug": "coaching-animatorow-2018",
        "slug_en": "coaching-for-animators-2018",
        "title": "Coaching dla animatorów i pracowników socjalnych",
        "title_en": "Coaching for animators and social workers",
        "event_date": datetime.date(2018, 10, 30),
        "end_date": None,
        "date_precision": DatePrecision.DAY,
        "place": "Urząd Marszałkowski Województwa Świętokrzyskiego, Kielce",
        "place_en": "Marshal's Office of the Świętokrzyskie Voivodeship, Kielce",
        "territory": "2661011",
        "summary": "Grupowe spotkanie z coachem w Kielcach.",
        "summary_en": "A group session with the coach in Kielce.",
        "intro": "Pracownicy socjalni i animatorzy ośrodków pomocy społecznej i powiatowych "
        "centrów pomocy rodzinie otrzymali w projekcie indywidualne i grupowe wsparcie coacha. "
        "Grupowe spotkanie z coachem odbyło się 30 października 2018 r. w siedzibie Urzędu "
        "Marszałkowskiego Województwa Świętokrzyskiego w Kielcach.",
        "intro_en": "Social workers and animators of social assistance centres and powiat "
        "family support centres received individual and group support from a coach in the "
        "project. The group session with the coach took place on 30 October 2018 at the "
        "Marshal's Office of the Świętokrzyskie Voivodeship in Kielce.",
        "photos": [
            (
                "Grupowe spotkanie pracowników socjalnych i animatorów z coachem w siedzibie "
                "Urzędu Marszałkowskiego Województwa Świętokrzyskiego w Kielcach",
                "Group session of social workers and animators with the coach at the "
                "Marshal's Office of the Świętokrzyskie Voivodeship in Kielce",
            ),
            (
                "Coaching dla animatorów i pracowników socjalnych biorących udział w projekcie "
                "„Liderzy kooperacji”",
                "Coaching for animators and social workers taking part in the “Leaders of "
                "Cooperation” project",
            ),
            (
                "Coaching dla animatorów i pracowników socjalnych biorących udział w projekcie "
                "„Liderzy kooperacji”",
                "Coaching for animators and social workers taking part in the “Leaders of "
                "Cooperation” project",
            ),
        ],
    },
]


def alt_pl(caption):
    return f"Ilustracja zastępcza, nie zdjęcie: kolorowe okręgi. Przedstawia: {caption}"


def alt_en(caption):
    return f"Placeholder illustration, not a photo: coloured circles. It stands for: {caption}"


def build_galleries(home, report):
    index = ensure_child(
        home,
        GalleryIndexPage,
        "galerie",
        report,
        title="Galerie",
        show_in_menus=True,
        summary="Zdjęcia ze spotkań, szkoleń i wizyt zespołów kooperacji.",
        intro=p(
            "Zdjęcia z pracy zespołów kooperacji, szkoleń i wizyt studyjnych. W wersji "
            "demonstracyjnej portalu zamiast zdjęć pokazujemy rysowane ilustracje zastępcze; "
            "podpisy pochodzą z relacji projektu „Liderzy kooperacji” z 2018 roku."
        ),
    )
    ensure_english(
        index,
        report,
        title="Galleries",
        slug="galleries",
        summary="Photos of the meetings, training and visits of the cooperation teams.",
        intro=p(
            "Photos of the work of the cooperation teams, their training and study visits. "
            "This demonstration site shows drawn placeholder illustrations instead of "
            "photos; the captions come from the 2018 reports of the “Leaders of Cooperation” "
            "project."
        ),
    )
    pages = {}
    number = 0
    for gallery in GALLERIES:
        photos = []
        for caption, _caption_en in gallery["photos"]:
            number += 1
            image = ensure_illustration(
                f"Ilustracja {number:02d}: {caption}"[:255],
                number,
                report,
                caption=caption,
                alt_text=alt_pl(caption),
            )
            photos.append(GalleryPhoto(image=image, caption=caption, alt_text=alt_pl(caption)))
        page = ensure_child(
            index,
            GalleryPage,
            gallery["slug"],
            report,
            title=gallery["title"],
            summary=gallery["summary"],
            event_date=gallery["event_date"],
            end_date=gallery["end_date"],
            date_precision=gallery["date_precision"],
            place=gallery["place"],
            territory=territory(gallery["territory"]),
            intro=p(gallery["intro"]),
            photos=photos,
        )
        ensure_english(
            page,
            report,
            children={
                "photos": [
                    {"caption": caption_en, "alt_text": alt_en(caption_en)}
                    for _caption, caption_en in gallery["photos"]
                ]
            },
            title=gallery["title_en"],
            slug=gallery["slug_en"],
            summary=gallery["summary_en"],
            place=gallery["place_en"],
            intro=p(gallery["intro_en"]),
        )
        pages[gallery["slug"]] = page
    return pages


# --- consultations (seed 004) ------------------------------------------------------------

ISSUES = [
    (
        "Zmiany demograficzne: narasta problem osób starszych i niepełnosprawnych.",
        "Demographic change: the problems of older people and people with disabilities "
        "are growing.",
    ),
    (
        "Potrzeba większej integracji społecznej w środowiskach wiejskich, a wraz z nią "
        "większej kontroli społecznej.",
        "The need for more social integration in rural communities, and with it more social "
        "control.",
    ),
    (
        "Brak instrumentów kooperacji: brak wspólnej bazy danych, brak właściwie "
        "przeprowadzonej diagnozy problemów społecznych i brak podmiotu, który inicjuje "
        "i koordynuje działania – lidera.",
        "Missing instruments of cooperation: no shared database, no properly conducted "
        "diagnosis of social problems, and no body to start and coordinate the work – "
        "a leader.",
    ),
    (
        "Jednostki i instytucje nie wiedzą, jakimi zasobami dysponują i jaki jest zakres "
        "zadań, które realizują.",
        "Units and institutions do not know what resources they have or the range of tasks "
        "they carry out.",
    ),
    (
        "Trudność w formułowaniu celów i wzajemnych oczekiwań we współpracy.",
        "Difficulty in setting goals and mutual expectations in cooperation.",
    ),
    (
        "Decydenci nie doceniają znaczenia pracy socjalnej i działań wykraczających poza "
        "wypłacanie zasiłków.",
        "Decision-makers undervalue social work and anything beyond paying out benefits.",
    ),
    (
        "Przeciążenie pracą osób zaangażowanych w zespoły i brak gratyfikacji finansowej "
        "dla członków zespołów.",
        "Overload of the people working in the teams, and no pay for team members.",
    ),
    (
        "Wysokość środków budżetowych przeznaczanych na zadania pomocy społecznej.",
        "The size of the budget for social assistance tasks.",
    ),
]

POSTULATES = [
    # kind, status, text pl, reason pl, text en, reason en
    (
        PostulateKind.POSTULATE,
        PostulateStatus.ADOPTED,
        "Włączyć do Modelu instrumenty skutecznej ewaluacji prowadzonych działań.",
        "Testowany model ma dwa kroki ewaluacji: krok 9 (ewaluacja działań PZK) i krok 10 "
        "(ewaluacja pracy modelem), a ewaluacja jest też częścią pracy merytorycznej "
        "w kroku 7.",
        "Include in the Model instruments for effective evaluation of the work done.",
        "The model being tested has two evaluation steps: step 9 (evaluation of the PZK's "
        "work) and step 10 (evaluation of working with the model); evaluation is also part "
        "of the work in step 7.",
    ),
    (
        PostulateKind.POSTULATE,
        PostulateStatus.OPEN,
        "Formułować propozycje zmian obowiązujących przepisów prawnych.",
        "",
        "Put forward proposals to change the law in force.",
        "",
    ),
    (
        PostulateKind.RECOMMENDATION,
        PostulateStatus.ADOPTED,
        "Szerzej upowszechniać model i korzystać z doświadczeń zespołów interdyscyplinarnych.",
        "Upowszechnianie modelu to jego pierwszy etap (krok 1), a zespoły interdyscyplinarne "
        "ds. przeciwdziałania przemocy w rodzinie należą do trzonu partnerskich zespołów "
        "kooperacji.",
        "Spread the model more widely and use the experience of interdisciplinary teams.",
        "Spreading the model is its first stage (step 1), and the interdisciplinary teams "
        "against domestic violence belong to the core of the partner cooperation teams.",
    ),
]

MEETINGS = [
    # date, place pl, place en, TERC code
    (datetime.date(2019, 1, 25), "Sandomierz", "Sandomierz", "2609011"),
    (datetime.date(2019, 1, 29), "Skarżysko-Kamienna", "Skarżysko-Kamienna", "2610011"),
    (datetime.date(2019, 2, 6), "Kielce", "Kielce", "2661011"),
]

PARTICIPANTS = [
    (
        "pracownicy gminnych ośrodków pomocy społecznej (GOPS)",
        "staff of gmina social assistance centres (GOPS)",
    ),
    (
        "pracownicy powiatowych centrów pomocy rodzinie (PCPR)",
        "staff of powiat family support centres (PCPR)",
    ),
    ("przedstawiciele organizacji pozarządowych", "representatives of non-governmental bodies"),
]

DOCUMENT_TITLE = "Konsultacje Modelu kooperacji 2019 – postulaty i rekomendacje"


KIND_PL = {PostulateKind.POSTULATE: "postulat", PostulateKind.RECOMMENDATION: "rekomendacja"}
STATUS_PL = {
    PostulateStatus.OPEN: "otwarty",
    PostulateStatus.ADOPTED: "uwzględniony w modelu",
    PostulateStatus.REJECTED: "odrzucony",
}


def ensure_postulates_document(report):
    """The postulates with their status as a CSV file (in Polish): data to download, made
    from the same list as the page."""
    Document = get_document_model()
    existing = Document.objects.filter(title=DOCUMENT_TITLE).first()
    if existing:
        return existing
    rows = [["rodzaj", "status", "treść", "uzasadnienie lub uwaga"]]
    for kind, status, text, reason, *_english in POSTULATES:
        rows.append([KIND_PL[kind], STATUS_PL[status], text, reason])
    lines = [";".join('"' + field.replace('"', '""') + '"' for field in row) for row in rows]
    content = ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")
    document = Document(title=DOCUMENT_TITLE)
    document.file.save("konsultacje-2019-postulaty.csv", ContentFile(content), save=False)
    document.file_size = len(content)
    document.save()
    report.add(f"document {DOCUMENT_TITLE}")
    return document


def build_consultations(home, report):
    index = ensure_child(
        home,
        ConsultationIndexPage,
        "konsultacje",
        report,
        title="Konsultacje",
        show_in_menus=True,
        summary="Wyniki konsultacji Modelu kooperacji.",
        intro=p(
            "Wyniki konsultacji Modelu kooperacji: gdzie i kiedy się odbyły, kto wziął w nich "
            "udział, jakie sprawy poruszono i co stało się z postulatami uczestników."
        ),
    )
    ensure_english(
        index,
        report,
        title="Consultations",
        slug="consultations",
        summary="The results of the consultations on the Model of cooperation.",
        intro=p(
            "The results of the consultations on the Model of cooperation: where and when they "
            "took place, who took part, the issues raised and what became of the participants' "
            "postulates."
        ),
    )
    document = ensure_postulates_document(report)
    page = ensure_child(
        index,
        ConsultationPage,
        "konsultacje-modelu-2019",
        report,
        title="Konsultacje Modelu kooperacji w gminach wiejskich, 2019",
        summary="Sandomierz, Skarżysko-Kamienna i Kielce, styczeń–luty 2019 r.",
        intro=p(
            "25 stycznia w Sandomierzu, 29 stycznia w Skarżysku-Kamiennej i 6 lutego 2019 r. "
            "w Kielcach odbyły się konsultacje Modelu kooperacji w gminach wiejskich, "
            "wypracowanego w projekcie „Liderzy kooperacji” przez województwo świętokrzyskie "
            "w partnerstwie z województwami podlaskim, podkarpackim, lubelskim i mazowieckim. "
            "Przedstawiono na nich wyniki prac nad modelem, a uczestnicy wskazali, na co "
            "położyć większy akcent i jakie problemy rozwiązać, zanim w kwietniu 2019 r. "
            "rozpocznie się jego testowanie."
        ),
        participants=[
            {"type": "participant", "value": {"institution": name, "number": None}}
            for name, _english in PARTICIPANTS
        ],
        issues=[{"type": "issue", "value": text} for text, _english in ISSUES],
        body=rich(
            "Po spotkaniach konsultacyjnych w regionalnych ośrodkach polityki społecznej "
            "w Rzeszowie, Białymstoku i Lublinie oraz w Mazowieckim Centrum Polityki "
            "Społecznej w Warszawie powstaną zbiorcze wnioski, dzięki którym Model kooperacji "
            "w gminach wiejskich zostanie udoskonalony przed testowaniem."
        ),
        meetings=[
            ConsultationMeeting(date=date, place=place, territory=territory(code))
            for date, place, _place_en, code in MEETINGS
        ],
        postulates=[
            ConsultationPostulate(kind=kind, status=status, text=text, reason=reason)
            for kind, status, text, reason, *_english in POSTULATES
        ],
        documents=[ConsultationDocument(document=document)],
    )
    ensure_english(
        page,
        report,
        children={
            "meetings": [{"place": place_en} for _date, _place, place_en, _code in MEETINGS],
            "postulates": [
                {"text": text_en, "reason": reason_en}
                for *_polish, text_en, reason_en in POSTULATES
            ],
            "documents": [
                {
                    "title": "Consultations on the Model of cooperation 2019 – postulates and "
                    "recommendations (in Polish)"
                }
            ],
        },
        title="Consultations on the Model of cooperation in rural gminas, 2019",
        slug="model-consultations-2019",
        summary="Sandomierz, Skarżysko-Kamienna and Kielce, January–February 2019.",
        intro=p(
            "On 25 January in Sandomierz, 29 January in Skarżysko-Kamienna and 6 February "
            "2019 in Kielce, consultations were held on the Model of cooperation in rural "
            "gminas, developed in the “Leaders of Cooperation” project by the Świętokrzyskie "
            "voivodeship in partnership with the Podlaskie, Podkarpackie, Lubelskie and "
            "Mazowieckie voivodeships. The results of the work on the model were presented, "
            "and the participants said what needed more weight and which problems to solve "
            "before testing began in April 2019."
        ),
        participants=[
            {"type": "participant", "value": {"institution": english, "number": None}}
            for _name, english in PARTICIPANTS
        ],
        issues=[{"type": "issue", "value": english} for _text, english in ISSUES],
        body=rich(
            "After the consultation meetings at the regional social policy centres in "
            "Rzeszów, Białystok and Lublin and at the Mazovian Social Policy Centre in Warsaw, "
            "joint conclusions will be drawn up to improve the Model of cooperation in rural "
            "gminas before it is tested."
        ),
    )
    return page


# --- good practices (seeds 000 and 001) --------------------------------------------------


def result(value, label):
    return {"type": "result", "value": {"value": str(value), "label": label}}


def partners(*names):
    return [{"type": "partner", "value": name} for name in names]


def build_practices(home, galleries, report):
    index = ensure_child(
        home,
        GoodPracticeIndexPage,
        "dobre-praktyki",
        report,
        title="Dobre praktyki",
        show_in_menus=True,
        summary="Rozwiązania, które sprawdziły się w pracy zespołów kooperacji.",
        intro=p(
            "Rozwiązania, które sprawdziły się w pracy zespołów kooperacji i które warto "
            "przenieść do innych gmin. Wybierz obszar problemowy lub województwo, aby zawęzić "
            "listę."
        ),
    )
    ensure_english(
        index,
        report,
        title="Good practices",
        slug="good-practices",
        summary="Solutions that worked in the cooperation teams.",
        intro=p(
            "Solutions that worked in the cooperation teams and are worth taking to other "
            "gminas. Choose a problem area or a voivodeship to narrow the list."
        ),
    )

    package_image = ensure_illustration(
        "Ilustracja: pakiet socjalny w gminach Oksa i Wodzisław",
        20,
        report,
        caption="Pakiet socjalny: wsparcie wielu instytucji naraz (ilustracja)",
        alt_text="Ilustracja zastępcza, nie zdjęcie: kolorowe okręgi zachodzące na siebie",
    )
    package = ensure_child(
        index,
        GoodPracticePage,
        "pakiet-socjalny-oksa-wodzislaw",
        report,
        title="Pakiet socjalny dla mieszkańców gmin Oksa i Wodzisław",
        summary="Trójstronne porozumienia województwa, powiatu i gmin otworzyły mieszkańcom "
        "dostęp do pakietu socjalnego.",
        problem_areas=["seniors", "community"],
        territory=territory("2602"),
        period="od kwietnia 2019 r. do września 2020 r.",
        partners=partners(
            "Województwo świętokrzyskie – Urząd Marszałkowski Województwa Świętokrzyskiego",
            "Powiat Jędrzejowski – Powiatowe Centrum Pomocy Rodzinie w Jędrzejowie",
            "Gmina Oksa",
            "Gmina Wodzisław",
        ),
        body=rich(
            "W pierwszym etapie projektu „Liderzy kooperacji” (do marca 2019 r.) zespoły "
            "zdiagnozowały główny problem społeczny gmin Oksa i Wodzisław: sytuację osób "
            "starszych. Na tej podstawie opracowano model współpracy instytucji, który od "
            "kwietnia 2019 r. jest testowany w gminach wiejskich.",
            "4 czerwca 2019 r. w Wojewódzkiej Bibliotece Publicznej w Kielcach województwo "
            "świętokrzyskie podpisało trójstronne porozumienia z 4 powiatami i 6 gminami, "
            "w tym z Powiatem Jędrzejowskim i gminami Oksa oraz Wodzisław.",
            "Dzięki udziałowi w pilotażu mieszkańcy gmin mogą skorzystać z pakietu socjalnego: "
            "poradnictwa, diagnostyki, terapii, rehabilitacji, warsztatów, utworzenia klubu, "
            "centrum wolontariatu, edukacji społeczności oraz szkoleń kompetencyjnych dla kadr. "
            "Powiaty i gminy korzystają też z bezpłatnych szkoleń z komunikacji, negocjacji, "
            "budowania kooperacji, metod pracy z rodziną i grupą oraz superwizji grupowej.",
        ),
        results=[
            result(2, "gminy wiejskie objęte pilotażem w powiecie jędrzejowskim"),
            result(9, "rodzajów wsparcia w pakiecie socjalnym"),
        ],
        contact_institution="Powiatowe Centrum Pomocy Rodzinie w Jędrzejowie",
        photos=[GoodPracticePhoto(image=package_image)],
    )
    ensure_english(
        package,
        report,
        children={
            "photos": [
                {
                    "caption": "A social package: support from many institutions at once "
                    "(an illustration)",
                    "alt_text": "Placeholder illustration, not a photo: overlapping coloured "
                    "circles",
                }
            ]
        },
        title="A social package for the people of Oksa and Wodzisław gminas",
        slug="social-package-oksa-wodzislaw",
        summary="Three-party agreements of the voivodeship, the powiat and the gminas opened "
        "a social package to the residents.",
        period="April 2019 to September 2020",
        partners=partners(
            "Świętokrzyskie voivodeship – Marshal's Office of the Świętokrzyskie Voivodeship",
            "Jędrzejów powiat – Powiat Family Support Centre in Jędrzejów",
            "Oksa gmina",
            "Wodzisław gmina",
        ),
        body=rich(
            "In the first stage of the “Leaders of Cooperation” project (until March 2019) "
            "the teams diagnosed the main social problem of Oksa and Wodzisław gminas: the "
            "situation of older people. On that basis a model of cooperation between "
            "institutions was developed, tested in rural gminas since April 2019.",
            "On 4 June 2019, at the Voivodeship Public Library in Kielce, the Świętokrzyskie "
            "voivodeship signed three-party agreements with 4 powiats and 6 gminas, among them "
            "Jędrzejów powiat with Oksa and Wodzisław gminas.",
            "Taking part in the pilot gives the residents a social package: counselling, "
            "diagnosis, therapy, rehabilitation, workshops, a new club, a volunteering centre, "
            "community education and skills training for staff. The powiats and gminas also "
            "get free training in communication, negotiation, building cooperation, methods of "
            "working with families and groups, and group supervision.",
        ),
        results=[
            result(2, "rural gminas in the pilot in Jędrzejów powiat"),
            result(9, "kinds of support in the social package"),
        ],
        contact_institution="Powiat Family Support Centre in Jędrzejów",
    )

    seniors_image = ensure_illustration(
        "Ilustracja: spotkanie seniorów w Tokarni",
        21,
        report,
        caption="Spotkanie seniorów w Parku Etnograficznym w Tokarni (ilustracja)",
        alt_text="Ilustracja zastępcza, nie zdjęcie: kolorowe okręgi na jasnym tle",
    )
    seniors = ensure_child(
        index,
        GoodPracticePage,
        "seniorzy-bez-barier-tokarnia",
        report,
        title="Spotkanie seniorów „Bez barier z ekonomią społeczną” w Tokarni",
        summary="Seniorzy z trzech powiatów spotkali się, by się poznać, ćwiczyć i pokazać "
        "swoje pasje.",
        problem_areas=["seniors", "community"],
        territory=territory("2604033"),
        place="Park Etnograficzny w Tokarni",
        period="17 czerwca 2019 r.",
        partners=partners(
            "Urząd Marszałkowski Województwa Świętokrzyskiego – organizator, w ramach projektu "
            "EFS dla osób starszych",
            "Powiatowe Centrum Pomocy Rodzinie w Jędrzejowie – projekt „Liderzy kooperacji”",
        ),
        body=rich(
            "Aby zaktywizować społeczność lokalną, seniorów z powiatu jędrzejowskiego, w tym "
            "z dwóch gmin projektu „Liderzy kooperacji”, zaproszono na spotkanie zorganizowane "
            "przez Urząd Marszałkowski w ramach innego projektu Europejskiego Funduszu "
            "Społecznego, skierowanego do osób starszych.",
            "Podczas spotkania w Parku Etnograficznym w Tokarni seniorzy z powiatów "
            "kieleckiego, pińczowskiego i jędrzejowskiego poznali się, wysłuchali prelekcji, "
            "skorzystali z badań, zajęć ruchowych i warsztatów oraz zaprezentowali swoje "
            "aktywności, osiągnięcia i pasje.",
        ),
        results=[result(3, "powiaty, z których przyjechali seniorzy")],
        contact_institution="Urząd Marszałkowski Województwa Świętokrzyskiego",
        photos=[GoodPracticePhoto(image=seniors_image)],
    )
    ensure_english(
        seniors,
        report,
        children={
            "photos": [
                {
                    "caption": "Seniors' meeting at the Ethnographic Park in Tokarnia "
                    "(an illustration)",
                    "alt_text": "Placeholder illustration, not a photo: coloured circles on "
                    "a light background",
                }
            ]
        },
        title="Seniors' meeting “No barriers with the social economy” in Tokarnia",
        slug="seniors-no-barriers-tokarnia",
        summary="Seniors from three powiats met to get to know each other, exercise and show "
        "their passions.",
        place="Ethnographic Park in Tokarnia",
        period="17 June 2019",
        partners=partners(
            "Marshal's Office of the Świętokrzyskie Voivodeship – organiser, within an ESF "
            "project for older people",
            "Powiat Family Support Centre in Jędrzejów – the “Leaders of Cooperation” project",
        ),
        body=rich(
            "To bring the local community into action, seniors from Jędrzejów powiat, "
            "including two gminas of the “Leaders of Cooperation” project, were invited to a "
            "meeting organised by the Marshal's Office within another European Social Fund "
            "project aimed at older people.",
            "At the meeting in the Ethnographic Park in Tokarnia, seniors from the Kielce, "
            "Pińczów and Jędrzejów powiats got to know each other, listened to talks, had "
            "health checks, exercise classes and workshops, and presented their activities, "
            "achievements and passions.",
        ),
        results=[result(3, "powiats the seniors came from")],
        contact_institution="Marshal's Office of the Świętokrzyskie Voivodeship",
    )

    narewka_gallery = galleries.get("wizyta-w-narewce-2018")
    gallery_link = []
    if narewka_gallery is not None:
        gallery_link = [
            {
                "type": "cta",
                "value": {
                    "title": "Zdjęcia z wizyty",
                    "text": "Galeria spotkania w Narewce.",
                    "page": narewka_gallery.pk,
                    "url": "",
                    "link_text": "Zobacz galerię",
                },
            }
        ]
    narewka = ensure_child(
        index,
        GoodPracticePage,
        "wymiana-doswiadczen-narewka",
        report,
        title="Partnerska wymiana doświadczeń zespołów w gminie Narewka",
        summary="Trzydniowa wizyta zespołów kooperacji u partnerów z innego województwa.",
        problem_areas=["community"],
        territory=territory("2005092"),
        period="6–8 listopada 2018 r.",
        partners=partners(
            "Gmina Narewka",
            "Powiat hajnowski",
            "Gminno-powiatowe zespoły kooperacji projektu „Liderzy kooperacji”",
        ),
        body=[
            *rich(
                "Zespoły kooperacji z gmin i powiatów projektu „Liderzy kooperacji” pojechały "
                "do gminy Narewka w powiecie hajnowskim (województwo podlaskie). Celem "
                "spotkania było poznanie narzędzi budowania i trwałości kooperacji, wymiana "
                "doświadczeń między zespołami, omówienie wyników badań focus, wypracowanie "
                "wstępnych narzędzi, wniosków i założeń modelu na poziomie regionu oraz szkic "
                "rekomendacji do koncepcji modelu.",
                "W programie znalazły się warsztaty i spotkanie z przedstawicielami gminy "
                "Narewka oraz powiatu hajnowskiego.",
            ),
            *gallery_link,
        ],
        results=[result(40, "uczestników"), result(3, "dni spotkania")],
        contact_institution="Regionalny Ośrodek Polityki Społecznej w Kielcach",
    )
    ensure_english(
        narewka,
        report,
        title="Partner exchange of experience in Narewka gmina",
        slug="exchange-of-experience-narewka",
        summary="A three-day visit of the cooperation teams to partners in another voivodeship.",
        period="6–8 November 2018",
        partners=partners(
            "Narewka gmina",
            "Hajnówka powiat",
            "The gmina–powiat cooperation teams of the “Leaders of Cooperation” project",
        ),
        body=[
            *rich(
                "The cooperation teams from the gminas and powiats of the “Leaders of "
                "Cooperation” project went to Narewka gmina in Hajnówka powiat (Podlaskie "
                "voivodeship). The aims were to learn tools for building lasting cooperation, "
                "to exchange experience between the teams, to discuss the results of the focus "
                "group research, to work out first tools, conclusions and assumptions of the "
                "model for the region, and to draft recommendations on the model.",
                "The programme had workshops and a meeting with representatives of Narewka "
                "gmina and Hajnówka powiat.",
            ),
            *[
                {
                    "type": "cta",
                    "value": dict(
                        block["value"],
                        title="Photos of the visit",
                        text="The gallery of the Narewka visit.",
                        page=narewka_gallery.get_translation(
                            Locale.objects.get(language_code="en")
                        ).pk,
                        link_text="See the gallery",
                    ),
                }
                for block in gallery_link
            ],
        ],
        results=[result(40, "participants"), result(3, "days")],
        contact_institution="Regional Social Policy Centre in Kielce",
    )
    return index


# --- the Model and the pilot figures (seeds 002 and 003) ---------------------------------

# (code, title pl, title en, [(sub-step, text pl, text en)], description pl, description en,
#  responsible pl, responsible en, months)
STEPS = {
    "K1": (
        "Upowszechnianie modelu w województwie",
        "Spreading the model in the voivodeship",
        [
            (
                "1.1",
                "Organizacja spotkań dla dyrektorów i pracowników PCPR oraz starostów.",
                "Meetings for the heads and staff of PCPRs and for starosts.",
            ),
            (
                "1.2",
                "Powołanie Wojewódzkiego Zespołu Kooperacji: pracownicy ROPS ds. modelu, "
                "podmioty wojewódzkie, członek zarządu województwa, przedstawiciele uczelni.",
                "Setting up the voivodeship cooperation team (WZK): ROPS model staff, "
                "voivodeship bodies, a member of the voivodeship board, university "
                "representatives.",
            ),
        ],
        ["ROPS", "WZK"],
        ["ROPS", "WZK"],
        [1],
    ),
    "K2": (
        "Spotkanie informacyjne i decyzja o wdrażaniu modelu",
        "Information meeting and the decision to implement the model",
        [
            (
                "2.1",
                "Spotkanie informacyjne w PCPR dla GOPS oraz diagnoza sytuacji "
                "powiatowo-gminnej (analiza OZPS).",
                "An information meeting at the PCPR for the GOPSs, and a diagnosis of the "
                "powiat–gmina situation (analysis of the OZPS).",
            ),
            (
                "2.2",
                "Decyzja władz gminy i powiatu oraz PCPR i GOPS o wdrażaniu modelu.",
                "The decision of the gmina and powiat authorities, the PCPR and the GOPS to "
                "implement the model.",
            ),
            (
                "2.3",
                "Wybór radnych powiatu i gminy oraz liderów-animatorów w PCPR i GOPS.",
                "Choosing powiat and gmina councillors, and leader-animators in the PCPR and "
                "the GOPS.",
            ),
            ("2.4", "Zgłoszenie do ROPS.", "Application to the ROPS."),
        ],
        ["PCPR", "GOPS", "władze gminy i powiatu", "radni"],
        ["PCPR", "GOPS", "gmina and powiat authorities", "councillors"],
        [2],
    ),
    "K3": (
        "Porozumienie powiatu i gminy",
        "Powiat–gmina agreement",
        [
            (
                "3.1",
                "Zawarcie porozumienia powiatu z gminą (lub gminami) o wdrażaniu modelu.",
                "An agreement of the powiat with the gmina (or gminas) to implement the model.",
            )
        ],
        ["PCPR", "GOPS", "władze gminy i powiatu"],
        ["PCPR", "GOPS", "gmina and powiat authorities"],
        [2],
    ),
    "K4": (
        "Szkolenie animatorów i radnych",
        "Training of animators and councillors",
        [
            (
                "4.1",
                "Szkolenie animatorów PCPR i GOPS oraz radnych i członków zarządu do "
                "realizacji modelu w Szkole Kooperacji i na platformie modelu.",
                "Training PCPR and GOPS animators, councillors and board members to work with "
                "the model, in the School of Cooperation and on the model's platform.",
            )
        ],
        ["ROPS"],
        ["ROPS"],
        [3],
    ),
    "K5": (
        "Partnerski zespół kooperacji",
        "The partner cooperation team",
        [
            (
                "5.1",
                "Dobór zespołu oraz instytucji do realizacji pracy.",
                "Choosing the team and the institutions to do the work.",
            ),
            (
                "5.2",
                "Powołanie partnerskiego zespołu kooperacji (PZK) i zawarcie porozumienia "
                "między instytucjami.",
                "Setting up the partner cooperation team (PZK) and an agreement between the "
                "institutions.",
            ),
            (
                "5.3",
                "Pozyskanie i włączenie do PZK lidera – osoby lub rodziny.",
                "Bringing a leader – a person or a family – into the PZK.",
            ),
        ],
        ["PCPR", "GOPS", "radni", "WZK", "ROPS"],
        ["PCPR", "GOPS", "councillors", "WZK", "ROPS"],
        [4],
    ),
    "K6": (
        "Przygotowanie merytoryczne i organizacyjne PZK",
        "Preparing the PZK",
        [
            (
                "6.1",
                "Szkolenie podmiotów do pracy w modelu: Szkoła Kooperacji i platforma.",
                "Training the member bodies to work with the model: the School of Cooperation "
                "and the platform.",
            ),
            (
                "6.2",
                "Opracowanie planu pracy i upowszechnienie informacji o pracy modelem.",
                "A work plan, and spreading the word about working with the model.",
            ),
            (
                "6.3",
                "Opracowanie gminno-powiatowej listy aktywności i usług.",
                "Drawing up the gmina–powiat list of activities and services.",
            ),
        ],
        ["ROPS", "PCPR", "GOPS", "PZK"],
        ["ROPS", "PCPR", "GOPS", "PZK"],
        [4],
    ),
    "K7": (
        "Praca merytoryczna",
        "The work itself",
        [
            (
                "7.1",
                "Na rzecz podmiotów: szkolenia wewnętrzne i zewnętrzne (Szkoła Kooperacji), "
                "coaching, superwizje, doradztwo, aktualizacja listy usług, ewaluacja.",
                "For the institutions: internal and external training (School of "
                "Cooperation), coaching, supervision, advice, updating the list of services, "
                "evaluation.",
            ),
            (
                "7.2",
                "Z osobą, rodziną lub grupą: zgłaszanie, screening, diagnoza wielowymiarowa, "
                "indywidualne programy pomocy, kontrakty, współpraca z wykorzystaniem lokalnie "
                "dostępnych aktywności i usług, usługi podmiotów PZK, monitorowanie i ewaluacja.",
                "With the person, family or group: referral, screening, multi-dimensional "
                "diagnosis, individual assistance programmes, contracts, work using locally "
                "available activities and services, services of PZK members, monitoring and "
                "evaluation.",
            ),
            (
                "7.3",
                "Na rzecz społeczności: planowanie i realizacja projektów socjalnych, usług, "
                "działań środowiskowych i prac społecznych.",
                "For the community: planning and running social projects, services, community "
                "action and voluntary work.",
            ),
        ],
        ["ROPS", "PZK", "PCPR", "GOPS", "animatorzy"],
        ["ROPS", "PZK", "PCPR", "GOPS", "animators"],
        list(range(5, 18)),
    ),
    "K8": (
        "Spotkania WZK i animatorów",
        "Meetings of the WZK and the animators",
        [
            (
                "8.1",
                "Spotkania co kwartał: koordynacja modelu na poziomie województwa.",
                "Quarterly meetings: coordinating the model at voivodeship level.",
            )
        ],
        ["ROPS", "WZK", "animatorzy"],
        ["ROPS", "WZK", "animators"],
        [3, 6, 9, 12, 15, 18],
    ),
    "K9": (
        "Ewaluacja działań PZK",
        "Evaluation of the PZK's work",
        [
            (
                "9.1",
                "Ewaluacja pracy z osobą, rodziną lub grupą (etapy pracy po zakończeniu wsparcia).",
                "Evaluation of the work with the person, family or group (stages of work after "
                "support ends).",
            ),
            (
                "9.2",
                "Podsumowanie efektów i ewentualna decyzja PZK o kontynuacji prac (powrót do "
                "kroku 2.2).",
                "Summing up the results, and the PZK's decision whether to go on (back to step "
                "2.2).",
            ),
            (
                "9.3",
                "Zakończenie pracy i ustalenie przekazania osób lub rodzin.",
                "Closing the work and arranging the hand-over of persons or families.",
            ),
        ],
        ["animatorzy PCPR i GOPS", "PZK"],
        ["PCPR and GOPS animators", "PZK"],
        [17],
    ),
    "K10": (
        "Ewaluacja pracy modelem",
        "Evaluation of working with the model",
        [
            (
                "10.1",
                "Prezentacja efektów na komisjach i sesjach w gminie i starostwie, dla władz "
                "i zarządu województwa.",
                "Presenting the results to committees and council sessions of the gmina and "
                "powiat, to the authorities and to the voivodeship board.",
            ),
            (
                "10.2",
                "Rekomendacje zmian organizacyjnych i rekomendacje w OZPS.",
                "Recommendations of organisational changes, and recommendations in the OZPS.",
            ),
            (
                "10.3",
                "Zabezpieczenie szkoleń i usług na potrzeby modelu w kolejnych latach; zmiany "
                "w programach i strategiach.",
                "Securing training and services for the model in the following years; changes "
                "in programmes and strategies.",
            ),
            (
                "10.4",
                "Referencje dla podmiotów i zespołów – spotkanie wojewódzkie.",
                "References for institutions and teams – a voivodeship meeting.",
            ),
        ],
        ["ROPS", "WZK", "animatorzy"],
        ["ROPS", "WZK", "animators"],
        [18],
    ),
}

STAGES = [
    # numeral, title pl, title en, description pl, description en, steps
    (
        "I",
        "Upowszechnianie modelu kooperacji",
        "Spreading the model of cooperation",
        "Województwo przedstawia model powiatom i tworzy zespół, który będzie go wspierał.",
        "The voivodeship presents the model to the powiats and sets up the team that will "
        "support it.",
        ["K1"],
    ),
    (
        "II",
        "Organizacja",
        "Organisation",
        "Gmina i powiat decydują o pracy modelem, zawierają porozumienie i powołują "
        "partnerski zespół kooperacji.",
        "The gmina and the powiat decide to work with the model, sign an agreement and set up "
        "the partner cooperation team.",
        ["K2", "K3", "K4", "K5"],
    ),
    (
        "III",
        "Realizacja modelu kooperacji i ewaluacja",
        "Working with the model and evaluating it",
        "Partnerski zespół pracuje z osobami, rodzinami i społecznością; województwo "
        "co kwartał koordynuje pracę.",
        "The partner team works with persons, families and the community; every quarter the "
        "voivodeship coordinates the work.",
        ["K6", "K7", "K8"],
    ),
    (
        "IV",
        "Ewaluacja końcowa",
        "Final evaluation",
        "Zespoły oceniają efekty i przedstawiają je władzom, a województwo zabezpiecza "
        "dalszą pracę.",
        "The teams assess the results and present them to the authorities; the voivodeship "
        "secures the work for the following years.",
        ["K9", "K10"],
    ),
]


def model_stages(language):
    english = language == "en"
    stages = []
    for numeral, title, title_en, description, description_en, codes in STAGES:
        steps = []
        for code in codes:
            step_title, step_title_en, substeps, who, who_en, months = STEPS[code]
            steps.append(
                {
                    "code": code,
                    "title": step_title_en if english else step_title,
                    "description": "",
                    "substeps": [
                        {"code": number, "text": text_en if english else text}
                        for number, text, text_en in substeps
                    ],
                    "responsible": who_en if english else who,
                    "months": [str(month) for month in months],
                }
            )
        stages.append(
            {
                "type": "stage",
                "value": {
                    "numeral": numeral,
                    "title": title_en if english else title,
                    "description": description_en if english else description,
                    "steps": steps,
                },
            }
        )
    return stages


MODEL_BODY_PL = [
    {
        "type": "heading",
        "value": {"text": "Kto tworzy partnerski zespół kooperacji", "level": "h2"},
    },
    {
        "type": "paragraph",
        "value": "<p>Trzon zespołu tworzą:</p><ul><li>gminne ośrodki pomocy społecznej "
        "(pracownicy socjalni, kierownicy, asystenci rodziny),</li><li>powiatowe centra "
        "pomocy rodzinie,</li><li>zespoły interdyscyplinarne ds. przeciwdziałania przemocy "
        "w rodzinie,</li><li>gmina i rada gminy,</li><li>powiat i rada powiatu.</li></ul>"
        "<p>Do zespołu należą też między innymi: policja, ośrodki zdrowia i rehabilitacji, "
        "domy kultury i biblioteki, gminne komisje rozwiązywania problemów alkoholowych, "
        "szkoły i poradnie psychologiczno-pedagogiczne, stowarzyszenia lokalne, uniwersytety "
        "trzeciego wieku, lokalne grupy działania, parafie, kluby, koła gospodyń wiejskich, "
        "stacje sanitarno-epidemiologiczne, ośrodki interwencji kryzysowej, środowiskowe domy "
        "samopomocy, ośrodki wsparcia dziennego i świetlice.</p>",
    },
]
MODEL_BODY_EN = [
    {"type": "heading", "value": {"text": "Who is in a partner cooperation team", "level": "h2"}},
    {
        "type": "paragraph",
        "value": "<p>The core of the team:</p><ul><li>gmina social assistance centres "
        "(social workers, managers, family assistants),</li><li>powiat family support "
        "centres,</li><li>interdisciplinary teams against domestic violence,</li><li>the "
        "gmina and its council,</li><li>the powiat and its council.</li></ul><p>Others in "
        "the team include the police, health and rehabilitation centres, culture centres and "
        "libraries, gmina commissions for alcohol problems, schools and psychological and "
        "educational clinics, local associations, universities of the third age, local "
        "action groups, parishes, clubs, rural women's circles, sanitary inspection stations, "
        "crisis intervention centres, community self-help homes, day support centres and "
        "community rooms.</p>",
    },
]

FIGURES = [
    # TERC, English name, count, problem areas pl, problem areas en, note pl, note en
    (
        "06",
        "Lubelskie",
        35,
        "rodziny z osobami niepełnosprawnymi, rodziny z trudnościami wychowawczymi, osoby starsze",
        "families with disabled members, families with parenting difficulties, older people",
        "",
        "",
    ),
    (
        "14",
        "Mazowieckie",
        29,
        "uzależnienie nieletnich od Internetu i urządzeń elektronicznych, uzależnienie od "
        "alkoholu, rodziny z wieloma trudnościami",
        "minors' addiction to the Internet and electronic devices, alcohol addiction, "
        "families with multiple difficulties",
        "",
        "",
    ),
    (
        "20",
        "Podlaskie",
        33,
        "osoby starsze, rodziny z dzieckiem niepełnosprawnym, rodziny z wieloma trudnościami",
        "older people, families with a disabled child, families with multiple difficulties",
        "",
        "",
    ),
    (
        "18",
        "Podkarpackie",
        35,
        "rodziny z wieloma trudnościami, uzależnienie, niepełnosprawność, choroba, osoby starsze",
        "families with multiple difficulties, addiction, disability, illness, older people",
        "w tym 3 grupy",
        "including 3 groups",
    ),
    (
        "26",
        "Świętokrzyskie",
        39,
        "osoby starsze, rodziny z wieloma trudnościami, niepełnosprawność, uzależnienie",
        "older people, families with multiple difficulties, disability, addiction",
        "",
        "",
    ),
]

TRAININGS = [
    # form pl, form en, events, teaching hours, participants
    (
        "Dwudniowe warsztaty „Razem znaczy lepiej”",
        "Two-day workshops “Together means better”",
        30,
        480,
        424,
    ),
    (
        "Jednodniowe spotkania o pracy zespołu z udziałem rodziny",
        "One-day sessions on team meetings with the family",
        5,
        40,
        84,
    ),
    (
        "Dwudniowe spotkania „Dialog motywujący w pracy socjalnej”",
        "Two-day sessions “Motivational interviewing in social work”",
        4,
        64,
        73,
    ),
]


def build_model(home, report):
    model = ensure_child(
        home,
        ModelPage,
        "model-kooperacji",
        report,
        title="Model kooperacji",
        show_in_menus=True,
        summary="Cztery etapy i dziesięć kroków pracy modelem w 18-miesięcznym harmonogramie.",
        intro=p(
            "Model kooperacji opisuje, jak instytucje pomocy i integracji społecznej "
            "współpracują z oświatą, ochroną zdrowia, policją, sądami, urzędami pracy, kulturą "
            "i organizacjami pozarządowymi, aby osoba lub rodzina otrzymała jedną, wspólnie "
            "zaplanowaną pomoc. Praca modelem w gminach wiejskich trwa 18 miesięcy, od kwietnia "
            "2019 do września 2020 r., w czterech etapach i dziesięciu krokach (K1–K10)."
        ),
        schedule_start=datetime.date(2019, 4, 1),
        schedule_months=18,
        schedule_caption="Harmonogram pracy Modelem kooperacji: kroki K1–K10 w 18 miesiącach, "
        "od kwietnia 2019 do września 2020 r.",
        stages=model_stages("pl"),
        body=MODEL_BODY_PL,
    )
    ensure_english(
        model,
        report,
        title="The Model of cooperation",
        slug="model-of-cooperation",
        summary="Four stages and ten steps of working with the model over an 18-month schedule.",
        intro=p(
            "The Model of cooperation describes how social assistance and integration "
            "institutions work with schools, health care, the police, courts, labour offices, "
            "culture and non-governmental organisations, so that a person or family receives "
            "one jointly planned answer. Working with the model in rural gminas takes 18 "
            "months, from April 2019 to September 2020, in four stages and ten steps (K1–K10)."
        ),
        schedule_caption="Schedule of working with the Model of cooperation: steps K1–K10 "
        "over 18 months, April 2019 to September 2020",
        stages=model_stages("en"),
        body=MODEL_BODY_EN,
    )

    figures = ensure_child(
        model,
        PilotFiguresPage,
        "pilotaz-w-liczbach",
        report,
        title="Pilotaż w liczbach",
        summary="Ile osób i rodzin objęła współpraca i ile szkoleń się odbyło.",
        intro=p(
            "Od kwietnia 2019 do marca 2020 r. model testowały gminy wiejskie pięciu województw. "
            "Partnerskie zespoły kooperacji pracowały ze 171 osobami i rodzinami, przy celu "
            "wynoszącym co najmniej 150. Najczęstsze obszary współpracy to rodziny z wieloma "
            "trudnościami (we wszystkich pięciu województwach), niepełnosprawność i osoby "
            "starsze (w czterech) oraz uzależnienia (w trzech)."
        ),
        figures_caption="Osoby i rodziny objęte współpracą w gminach wiejskich, stan na marzec "
        "2020 r.",
        target=150,
        training_caption="Kooperacje 3D (województwo śląskie): szkolenia od kwietnia do "
        "grudnia 2019 r.",
        body=rich(
            "W projekcie Kooperacje 3D, w którym model testują miasta województwa śląskiego, "
            "w pierwszych dziewięciu miesiącach pilotażu zawiązano 15 partnerskich zespołów "
            "kooperacyjnych podczas 45 spotkań, a od kwietnia do grudnia 2019 r. pracownicy "
            "socjalni otrzymali ponad 500 godzin coachingu.",
            "Źródła: prezentacja „Testowanie Modelu kooperacji w gminach wiejskich” "
            "(informacje z okresu IV.2019–III.2020) oraz sprawozdanie z połowy pilotażu Modelu "
            "Kooperacje 3D.",
        ),
        figures=[
            PilotFigure(
                territory=territory(code),
                count=count,
                problem_areas=areas,
                note=note,
            )
            for code, _name_en, count, areas, _areas_en, note, _note_en in FIGURES
        ],
        trainings=[
            TrainingFigure(form=form, events=events, hours=hours, participants=participants)
            for form, _form_en, events, hours, participants in TRAININGS
        ],
    )
    ensure_english(
        figures,
        report,
        children={
            "figures": [
                {"name": name_en, "problem_areas": areas_en, "note": note_en}
                for _code, name_en, _count, _areas, areas_en, _note, note_en in FIGURES
            ],
            "trainings": [{"form": form_en} for _form, form_en, *_numbers in TRAININGS],
        },
        title="The pilot in figures",
        slug="pilot-in-figures",
        summary="How many persons and families the cooperation reached, and how much "
        "training took place.",
        intro=p(
            "From April 2019 to March 2020 rural gminas of five voivodeships tested the model. "
            "The partner cooperation teams worked with 171 persons and families, against a "
            "target of at least 150. The most frequent areas of work were families with "
            "multiple difficulties (in all five voivodeships), disability and older people "
            "(in four) and addiction (in three)."
        ),
        figures_caption="Persons and families worked with in rural gminas, as of March 2020",
        training_caption="Kooperacje 3D (Śląskie): training from April to December 2019",
        body=rich(
            "In the Kooperacje 3D project, where towns and cities of Śląskie test the model, "
            "the first nine months of the pilot set up 15 partner cooperation teams in 45 "
            "meetings, and from April to December 2019 social workers received over 500 hours "
            "of coaching.",
            "Sources: the presentation “Testing the Model of cooperation in rural gminas” "
            "(April 2019 – March 2020) and the mid-pilot report of the Kooperacje 3D model.",
        ),
    )
    return model


def build(report):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    home = site.root_page.specific
    galleries = build_galleries(home, report)
    build_consultations(home, report)
    build_practices(home, galleries, report)
    build_model(home, report)
