"""The news part of the demo site: the news index in Polish (/pl/aktualnosci/) and English
(/en/news/), in the main menu, and news items from the project's 2018–2020 reports
(seeds 000, 001 and 003), each with its English translation, tags, territory, project and
drawn illustrations. Runs after portal.demo (site, projects) and catalog.demo (territory).
Everything is looked up before it is made, so a second run creates nothing.

Seed 001 gives its publication date (22 July 2019). The other reports give none: their
items carry the last day of the events they report (seed 000) or the first weeks after the
period the report closes (seed 003, "with the end of 2019")."""

import datetime

from django.utils import timezone
from wagtail.models import Locale, Site

from catalog.models import Territory
from portal.demo import ensure_child, ensure_translation, rich
from portal.demo_images import get_or_create_image, illustration
from portal.models import CustomImage, HomePage, Project

from .models import NewsIndexPage, NewsPage, NewsPhoto

# The same in both languages: the credit needs no translation.
AUTHOR = "Portal Kooperacja"
LICENCE = "CC BY 4.0"

ROPS_KIELCE = (
    "Regionalny Ośrodek Polityki Społecznej w Kielcach",
    "Regional Social Policy Centre in Kielce",
)
PCPR_JEDRZEJOW = (
    "Powiatowe Centrum Pomocy Rodzinie w Jędrzejowie",
    "Powiat Family Support Centre in Jędrzejów",
)
ROPS_SLASKIE = (
    "Regionalny Ośrodek Polityki Społecznej Województwa Śląskiego",
    "Regional Social Policy Centre of the Śląskie Voivodeship",
)

# key: (image title, colours of the drawing, Polish caption, Polish alternative text,
# English caption, English alternative text). The drawings are abstract: the captions say so.
IMAGES = {
    "team": (
        "Aktualności: spotkanie zespołu kooperacji (ilustracja)",
        ["#eef3f8", "#0b4f8a", "#b3261e", "#2e7d32", "#6a1b9a"],
        "Spotkanie zespołu kooperacji: ilustracja",
        "Cztery zachodzące na siebie okręgi w różnych kolorach: ilustracja spotkania zespołu",
        "A cooperation team meeting: an illustration",
        "Four overlapping circles in different colours: an illustration of a team meeting",
    ),
    "focus": (
        "Aktualności: badanie fokusowe (ilustracja)",
        ["#f6f1e8", "#8a4b0b", "#0b4f8a", "#2e7d32"],
        "Rozmowa w grupie fokusowej: ilustracja",
        "Trzy zachodzące na siebie okręgi: ilustracja rozmowy w grupie",
        "A focus group conversation: an illustration",
        "Three overlapping circles: an illustration of a group conversation",
    ),
    "exchange": (
        "Aktualności: wymiana doświadczeń (ilustracja)",
        ["#eef6ef", "#2e7d32", "#0b4f8a", "#b3261e", "#8a4b0b", "#6a1b9a"],
        "Spotkanie wielu zespołów: ilustracja",
        "Pięć zachodzących na siebie okręgów: ilustracja spotkania wielu zespołów",
        "A meeting of many teams: an illustration",
        "Five overlapping circles: an illustration of a meeting of many teams",
    ),
    "coaching": (
        "Aktualności: coaching (ilustracja)",
        ["#f3eef8", "#6a1b9a", "#0b4f8a"],
        "Rozmowa z coachem: ilustracja",
        "Dwa zachodzące na siebie okręgi: ilustracja rozmowy coacha z uczestnikiem",
        "A conversation with a coach: an illustration",
        "Two overlapping circles: an illustration of a coach talking with a participant",
    ),
    "agreement": (
        "Aktualności: porozumienie o współpracy (ilustracja)",
        ["#f8eeee", "#b3261e", "#0b4f8a", "#2e7d32"],
        "Porozumienie trzech stron: ilustracja",
        "Trzy zachodzące na siebie okręgi: ilustracja porozumienia trzech stron",
        "An agreement of three parties: an illustration",
        "Three overlapping circles: an illustration of an agreement of three parties",
    ),
    "workshop": (
        "Aktualności: warsztaty (ilustracja)",
        ["#eef3f8", "#0b4f8a", "#8a4b0b", "#2e7d32", "#b3261e"],
        "Warsztaty: ilustracja",
        "Cztery zachodzące na siebie okręgi: ilustracja warsztatów",
        "Workshops: an illustration",
        "Four overlapping circles: an illustration of workshops",
    ),
}


def ul(*items):
    return {
        "type": "paragraph",
        "value": "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>",
    }


def heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


# Each item: Polish and English versions. "photos" are (image key, Polish caption, Polish
# alternative text, English caption, English alternative text).
NEWS = [
    {
        "slug": "badania-fokusowe-w-zespolach-kooperacji",
        "date": datetime.date(2018, 9, 28),
        "territory": "26",
        "project": "liderzy",
        "institution": ROPS_KIELCE,
        "main_image": "focus",
        "photos": [
            (
                "focus",
                "Badanie fokusowe w gminie Łopuszno (ilustracja)",
                "",
                "Focus group study in the gmina of Łopuszno (illustration)",
                "Three overlapping circles: an illustration of a group conversation",
            ),
            (
                "team",
                "Rozmowa o współpracy instytucji w gminie Łopuszno (ilustracja)",
                "",
                "Talking about cooperation between institutions in Łopuszno (illustration)",
                "Four overlapping circles in different colours: an illustration of a team meeting",
            ),
        ],
        "pl": {
            "title": "Osiem badań fokusowych w zespołach kooperacji",
            "lead": "W sierpniu i wrześniu 2018 roku w ośmiu gminno-powiatowych zespołach "
            "kooperacji przeprowadzono badania fokusowe. Jako główny problem uczestnicy "
            "wskazali sytuację samotnych osób starszych.",
            "tags": ["badania", "osoby starsze", "zespoły kooperacji"],
            "body": [
                *rich(
                    "Badania towarzyszyły zespołom na różnych etapach ich współpracy. W każdym "
                    "wywiadzie uczestniczyli przedstawiciele gminnego ośrodka pomocy społecznej, "
                    "powiatowego centrum pomocy rodzinie i powiatowego urzędu pracy, a w "
                    "zależności od gminy także policji, ośrodków kultury i bibliotek, domów "
                    "pomocy społecznej, środowiskowych domów samopomocy, placówek "
                    "opiekuńczo-wychowawczych, podmiotów ekonomii społecznej, szkół, "
                    "stowarzyszeń, sądów i kuratorów oraz ośrodków zdrowia."
                ),
                heading("Co wskazali badani"),
                *rich(
                    "We wszystkich gminach za najważniejszy uznano problem osób starszych, "
                    "a za najmniej istotny – bezrobocie. Wśród innych grup w trudnym położeniu "
                    "wymieniano osoby z niepełnosprawnościami, osoby uzależnione i bezrobotne "
                    "oraz rodziny, które nie radzą sobie z wychowaniem dzieci.",
                    "Zdaniem badanych kooperacja powinna objąć również instytucje, które dotąd "
                    "angażowały się tylko okazjonalnie. Zadaniem zespołu byłoby znalezienie "
                    "takiego problemu, przy którym mogą się spotkać różne instytucje, "
                    "organizacje i osoby, i zachęcenie ich do wykorzystania własnych zasobów. "
                    "Część rozmówców dodała, że kooperacja to także zbieranie i wymiana "
                    "informacji o działaniach innych podmiotów i ich efektach.",
                ),
            ],
        },
        "en": {
            "title": "Eight focus group studies in the cooperation teams",
            "slug": "focus-group-studies-in-the-cooperation-teams",
            "lead": "In August and September 2018, focus group studies were held in the eight "
            "gmina–powiat cooperation teams. Participants named the situation of lonely older "
            "people as the main problem.",
            "tags": ["research", "older people", "cooperation teams"],
            "body": [
                *rich(
                    "The studies followed the teams at different stages of their work together. "
                    "Every interview included representatives of the gmina social assistance "
                    "centre, the powiat family support centre and the powiat labour office and, "
                    "depending on the gmina, the police, cultural centres and libraries, social "
                    "care homes, community self-help homes, care and education facilities, "
                    "social economy enterprises, schools, associations, courts and probation "
                    "officers, and health centres."
                ),
                heading("What the participants said"),
                *rich(
                    "In every gmina the problems of older people were judged the most "
                    "important, and unemployment the least. Other groups in a difficult "
                    "situation that were named: people with disabilities, people with "
                    "addictions, unemployed people and families struggling to bring up their "
                    "children.",
                    "In the participants' view, cooperation should also include institutions "
                    "that have so far taken part only occasionally. A team should find a "
                    "problem on which different institutions, organisations and people can "
                    "meet, and encourage them to use their own resources. Some added that "
                    "cooperation also means gathering and sharing information on what other "
                    "bodies do and with what effect.",
                ),
            ],
        },
    },
    {
        "slug": "coaching-grupowy-dla-animatorow",
        "date": datetime.date(2018, 10, 30),
        "territory": "26",
        "project": "liderzy",
        "institution": ROPS_KIELCE,
        "main_image": "coaching",
        "photos": [],
        "pl": {
            "title": "Coaching grupowy dla pracowników socjalnych i animatorów",
            "lead": "30 października 2018 roku w siedzibie Urzędu Marszałkowskiego Województwa "
            "Świętokrzyskiego w Kielcach coach spotkał się z pracownikami socjalnymi i "
            "animatorami projektu „Liderzy kooperacji”.",
            "tags": ["coaching"],
            "body": rich(
                "Zgodnie z założeniami projektu pracownicy socjalni i animatorzy ośrodków "
                "pomocy społecznej oraz powiatowych centrów pomocy rodzinie, którzy realizują "
                "projekt, otrzymują wsparcie coacha: indywidualne i grupowe.",
                "Spotkanie w Kielcach było grupową formą tego wsparcia.",
            ),
        },
        "en": {
            "title": "Group coaching for social workers and animators",
            "slug": "group-coaching-for-animators",
            "lead": "On 30 October 2018 a coach met the social workers and animators of the "
            "“Leaders of Cooperation” project at the Marshal's Office of the Świętokrzyskie "
            "Voivodeship in Kielce.",
            "tags": ["coaching"],
            "body": rich(
                "As the project provides, the social workers and animators of the social "
                "assistance centres and powiat family support centres taking part in it receive "
                "the support of a coach, both individually and in groups.",
                "The meeting in Kielce was the group form of that support.",
            ),
        },
    },
    {
        "slug": "wymiana-doswiadczen-w-gminie-narewka",
        "date": datetime.date(2018, 11, 8),
        "territory": "2005092",
        "project": "liderzy",
        "institution": ROPS_KIELCE,
        "main_image": "exchange",
        "photos": [
            (
                "exchange",
                "Partnerskie spotkanie wymiany doświadczeń w gminie Narewka (ilustracja)",
                "",
                "Partner meeting for the exchange of experience in Narewka (illustration)",
                "Five overlapping circles: an illustration of a meeting of many teams",
            ),
            (
                "workshop",
                "Warsztaty podczas spotkania w gminie Narewka (ilustracja)",
                "",
                "Workshops during the meeting in Narewka (illustration)",
                "Four overlapping circles: an illustration of workshops",
            ),
            (
                "team",
                "Przedstawiciele zespołu z gminy Łopuszno w Narewce (ilustracja)",
                "",
                "Members of the Łopuszno team in Narewka (illustration)",
                "Four overlapping circles in different colours: an illustration of a team meeting",
            ),
        ],
        "pl": {
            "title": "Trzy dni wymiany doświadczeń w gminie Narewka",
            "lead": "Od 6 do 8 listopada 2018 roku 40 osób – członkowie gminno-powiatowych "
            "zespołów kooperacji, doradcy i moderator projektu „Liderzy kooperacji” – "
            "spotkało się w gminie Narewka w powiecie hajnowskim.",
            "tags": ["wymiana doświadczeń", "zespoły kooperacji"],
            "body": [
                *rich(
                    "Trzydniowe partnerskie spotkanie wymiany doświadczeń odbyło się w "
                    "województwie podlaskim. Jego uczestnicy:"
                ),
                ul(
                    "poznawali narzędzia, które pomagają budować kooperację i utrzymać ją "
                    "na dłużej,",
                    "wymieniali się doświadczeniami i spostrzeżeniami między zespołami,",
                    "omówili wyniki badań fokusowych,",
                    "wypracowali wstępne narzędzia, wnioski i założenia modelu na poziomie "
                    "regionu,",
                    "przygotowali szkic rekomendacji i wspólnych uwag do koncepcji modelu.",
                ),
                *rich(
                    "W programie były warsztaty i spotkanie z przedstawicielami gminy Narewka "
                    "i powiatu hajnowskiego."
                ),
            ],
        },
        "en": {
            "title": "Three days of sharing experience in Narewka",
            "slug": "sharing-experience-in-narewka",
            "lead": "From 6 to 8 November 2018, 40 people – members of the gmina–powiat "
            "cooperation teams, advisers and the moderator of the “Leaders of Cooperation” "
            "project – met in the gmina of Narewka, Hajnówka powiat.",
            "tags": ["exchange of experience", "cooperation teams"],
            "body": [
                *rich(
                    "The three-day partner meeting for the exchange of experience took place in "
                    "the Podlaskie voivodeship. The participants:"
                ),
                ul(
                    "learnt about tools that help build cooperation and make it last,",
                    "shared experience and observations between the teams,",
                    "discussed the results of the focus group studies,",
                    "worked out first tools, conclusions and assumptions of the model at "
                    "regional level,",
                    "drafted recommendations and joint comments on the concept of the model.",
                ),
                *rich(
                    "The programme included workshops and a meeting with representatives of "
                    "the gmina of Narewka and Hajnówka powiat."
                ),
            ],
        },
    },
    {
        "slug": "osiem-zespolow-kooperacji-w-swietokrzyskiem",
        "date": datetime.date(2018, 12, 31),
        "territory": "26",
        "project": "liderzy",
        "institution": ROPS_KIELCE,
        "main_image": "team",
        "photos": [
            (
                "team",
                "Spotkanie zespołu w gminie Wodzisław (ilustracja)",
                "",
                "Team meeting in the gmina of Wodzisław (illustration)",
                "Four overlapping circles in different colours: an illustration of a team meeting",
            ),
            (
                "agreement",
                "Spotkanie zespołu w gminie Bodzechów (ilustracja)",
                "",
                "Team meeting in the gmina of Bodzechów (illustration)",
                "Three overlapping circles: an illustration of an agreement of three parties",
            ),
            (
                "exchange",
                "Spotkanie zespołu w gminie Łoniów (ilustracja)",
                "",
                "Team meeting in the gmina of Łoniów (illustration)",
                "Five overlapping circles: an illustration of a meeting of many teams",
            ),
            (
                "workshop",
                "Warsztaty zespołu w gminie Bogoria (ilustracja)",
                "",
                "Team workshop in the gmina of Bogoria (illustration)",
                "Four overlapping circles: an illustration of workshops",
            ),
        ],
        "pl": {
            "title": "Osiem gminno-powiatowych zespołów kooperacji w Świętokrzyskiem",
            "lead": "W 2018 roku w województwie świętokrzyskim powstało 8 gminno-powiatowych "
            "zespołów kooperacji, po około 10 osób w każdym. Od sierpnia do grudnia, na "
            "siedmiu spotkaniach, wypracowywały razem z zespołem ds. modelu założenia Modelu "
            "kooperacji dla gmin wiejskich.",
            "tags": ["zespoły kooperacji", "szkolenia"],
            "body": [
                heading("Gminy i powiaty"),
                ul(
                    "powiat jędrzejowski: gminy Oksa i Wodzisław,",
                    "powiat kielecki: gminy Bieliny i Łopuszno,",
                    "powiat ostrowiecki: gmina Bodzechów,",
                    "powiat sandomierski: gmina Łoniów,",
                    "powiat starachowicki: gmina Mirzec,",
                    "powiat staszowski: gmina Bogoria.",
                ),
                heading("Kto pracuje w zespołach"),
                *rich(
                    "W zespołach spotykają się samorządy gmin i powiatów oraz ich jednostki: "
                    "powiatowe centra pomocy rodzinie, urzędy gmin, ośrodki pomocy społecznej, "
                    "ośrodki kultury, biblioteki, szkoły i przedszkola. Dołączyły do nich "
                    "instytucje pomocy i integracji społecznej, placówki "
                    "opiekuńczo-wychowawcze, organizacje pozarządowe, a także sądy, powiatowe "
                    "komendy policji, powiatowe urzędy pracy, poradnie "
                    "psychologiczno-pedagogiczne i placówki ochrony zdrowia."
                ),
                heading("Szkoła Kooperacji"),
                *rich(
                    "Członkowie zespołów ukończyli dwa jednodniowe szkolenia Szkoły Kooperacji "
                    "na poziomie podstawowym. Pierwsze dotyczyło zasad i form współpracy, "
                    "partycypacji, budowania zespołu i korzystania z zasobów instytucji "
                    "pomocowych w gminie i powiecie. Drugie poświęcono efektywnej pracy z "
                    "rodziną: rodzinie widzianej jako system, metodom pracy z rodziną i pracy "
                    "socjalnej. Uczestnicy spróbowali też narysować własne genogramy."
                ),
            ],
        },
        "en": {
            "title": "Eight gmina–powiat cooperation teams in Świętokrzyskie",
            "slug": "eight-cooperation-teams-in-swietokrzyskie",
            "lead": "In 2018, 8 gmina–powiat cooperation teams of about 10 people each were set "
            "up in the Świętokrzyskie voivodeship. From August to December, over seven "
            "meetings, they worked with the model team on the assumptions of the Model of "
            "cooperation for rural gminas.",
            "tags": ["cooperation teams", "training"],
            "body": [
                heading("Gminas and powiats"),
                ul(
                    "Jędrzejów powiat: the gminas of Oksa and Wodzisław,",
                    "Kielce powiat: the gminas of Bieliny and Łopuszno,",
                    "Ostrowiec powiat: the gmina of Bodzechów,",
                    "Sandomierz powiat: the gmina of Łoniów,",
                    "Starachowice powiat: the gmina of Mirzec,",
                    "Staszów powiat: the gmina of Bogoria.",
                ),
                heading("Who works in the teams"),
                *rich(
                    "The teams bring together the gmina and powiat governments and their "
                    "units: powiat family support centres, gmina offices, social assistance "
                    "centres, cultural centres, libraries, schools and kindergartens. They are "
                    "joined by social assistance and integration institutions, care and "
                    "education facilities, non-governmental organisations, and courts, powiat "
                    "police headquarters, powiat labour offices, psychological and educational "
                    "counselling centres and health care providers."
                ),
                heading("The School of Cooperation"),
                *rich(
                    "Team members completed two one-day trainings of the School of Cooperation "
                    "at basic level. The first covered the principles and forms of "
                    "cooperation, participation, team building and using the resources of the "
                    "helping institutions of the gmina and powiat. The second was about "
                    "effective work with families: the family seen as a system, methods of "
                    "family work and of social work. Participants also tried drawing their own "
                    "genograms."
                ),
            ],
        },
    },
    {
        "slug": "trwa-ii-etap-projektu-liderzy-kooperacji",
        "date": datetime.date(2019, 7, 22),
        "territory": "2602",
        "project": "liderzy",
        "institution": PCPR_JEDRZEJOW,
        "main_image": "agreement",
        "photos": [],
        "pl": {
            "title": "Trwa II etap projektu „Liderzy kooperacji”",
            "lead": "Od kwietnia 2019 roku trwa drugi etap projektu: pilotaż Modelu kooperacji "
            "w gminach wiejskich. Powiatowe Centrum Pomocy Rodzinie w Jędrzejowie opisuje, "
            "co już się wydarzyło.",
            "tags": ["pilotaż", "porozumienia", "osoby starsze", "szkolenia"],
            "body": [
                *rich(
                    "Pierwszy etap, zakończony w marcu 2019 roku, przyniósł diagnozę głównego "
                    "problemu społecznego gmin Oksa i Wodzisław – sytuacji osób starszych – oraz "
                    "model współpracy instytucji, który teraz jest sprawdzany w wybranych "
                    "gminach wiejskich."
                ),
                heading("Wojewódzki Zespół Kooperacji"),
                *rich(
                    "18 kwietnia 2019 roku powołano Wojewódzki Zespół Kooperacji. Porozumienie "
                    "o współpracy z województwem świętokrzyskim podpisały Wojewódzki Urząd "
                    "Pracy, Wojewódzka Stacja Sanitarno-Epidemiologiczna, Kuratorium Oświaty, "
                    "Sąd Okręgowy i Komenda Wojewódzka Policji w Kielcach. W zespole pracują też "
                    "członek zarządu województwa odpowiedzialny za sprawy społeczne i "
                    "pracownicy Regionalnego Ośrodka Polityki Społecznej w Kielcach.",
                    "Zespół ma wspierać partnerskie zespoły kooperacji w gminach i powiatach "
                    "merytorycznie, organizacyjnie, prawnie i szkoleniowo, a także pomagać im "
                    "w pozyskiwaniu specjalistycznych usług i środków.",
                ),
                heading("Porozumienia z powiatami i gminami"),
                *rich(
                    "4 czerwca 2019 roku w Wojewódzkiej Bibliotece Publicznej w Kielcach "
                    "województwo podpisało trójstronne porozumienia z 4 powiatami i 6 gminami:"
                ),
                ul(
                    "powiatem jędrzejowskim i gminami Oksa i Wodzisław,",
                    "powiatem kieleckim i gminami Bieliny i Łopuszno,",
                    "powiatem sandomierskim i gminą Łoniów,",
                    "powiatem staszowskim i gminą Bogoria.",
                ),
                heading("Pakiet socjalny i bezpłatne szkolenia"),
                *rich(
                    "Mieszkańcy gmin objętych pilotażem mogą korzystać z pakietu socjalnego: "
                    "poradnictwa, diagnostyki, terapii, rehabilitacji, warsztatów, klubu, "
                    "centrum wolontariatu i edukacji społeczności lokalnej, a kadry – ze "
                    "szkoleń. Powiaty i gminy mogą też wziąć udział w bezpłatnych szkoleniach "
                    "z komunikacji, negocjacji, budowania kooperacji, metod pracy z rodziną i "
                    "grupą oraz w superwizji grupowej.",
                    "17 czerwca 2019 roku seniorzy z powiatu jędrzejowskiego, także z gmin Oksa "
                    "i Wodzisław, przyjechali do Parku Etnograficznego w Tokarni na spotkanie "
                    "„Bez barier z ekonomią społeczną”, przygotowane przez Urząd Marszałkowski w "
                    "innym projekcie dla osób starszych.",
                    "Drugi etap projektu potrwa do września 2020 roku.",
                ),
            ],
        },
        "en": {
            "title": "Stage II of the “Leaders of Cooperation” project is under way",
            "slug": "stage-two-of-leaders-of-cooperation",
            "lead": "Since April 2019 the second stage of the project has been under way: the "
            "pilot of the Model of cooperation in rural gminas. The Powiat Family Support "
            "Centre in Jędrzejów describes what has happened so far.",
            "tags": ["pilot", "agreements", "older people", "training"],
            "body": [
                *rich(
                    "The first stage, completed in March 2019, diagnosed the main social "
                    "problem of the gminas of Oksa and Wodzisław – the situation of older "
                    "people – and produced a model of cooperation between institutions, which "
                    "is now being tested in selected rural gminas."
                ),
                heading("The voivodeship cooperation team"),
                *rich(
                    "On 18 April 2019 the voivodeship cooperation team was set up. The "
                    "Voivodeship Labour Office, the Voivodeship Sanitary and Epidemiological "
                    "Station, the Education Board, the Regional Court and the Voivodeship "
                    "Police Headquarters in Kielce signed a cooperation agreement with the "
                    "Świętokrzyskie voivodeship. The team also includes the member of the "
                    "voivodeship board responsible for social affairs and staff of the "
                    "Regional Social Policy Centre in Kielce.",
                    "The team is to support the partner cooperation teams of gminas and "
                    "powiats with expertise, organisation, legal advice and training, and help "
                    "them obtain specialist services and funds.",
                ),
                heading("Agreements with powiats and gminas"),
                *rich(
                    "On 4 June 2019, at the Voivodeship Public Library in Kielce, the "
                    "voivodeship signed tripartite agreements with 4 powiats and 6 gminas:"
                ),
                ul(
                    "Jędrzejów powiat with the gminas of Oksa and Wodzisław,",
                    "Kielce powiat with the gminas of Bieliny and Łopuszno,",
                    "Sandomierz powiat with the gmina of Łoniów,",
                    "Staszów powiat with the gmina of Bogoria.",
                ),
                heading("The social package and free training"),
                *rich(
                    "Residents of the pilot gminas can use the social package: counselling, "
                    "diagnosis, therapy, rehabilitation, workshops, a club, a volunteering "
                    "centre and community education, and staff can train. Powiats and gminas "
                    "can also take part in free training in communication, negotiation, "
                    "building cooperation, methods of work with families and groups, and in "
                    "group supervision.",
                    "On 17 June 2019 older people from Jędrzejów powiat, including the gminas "
                    "of Oksa and Wodzisław, came to the Ethnographic Park in Tokarnia for the "
                    "meeting “Without barriers with the social economy”, organised by the "
                    "Marshal's Office within another project for older people.",
                    "The second stage of the project will last until September 2020.",
                ),
            ],
        },
    },
    {
        "slug": "kooperacje-3d-polowa-pilotazu",
        "date": datetime.date(2020, 1, 15),
        "territory": "24",
        "project": "kooperacje-3d",
        "institution": ROPS_SLASKIE,
        "main_image": "workshop",
        "photos": [],
        "pl": {
            "title": "Kooperacje 3D: połowa pilotażu za nami",
            "lead": "Z końcem 2019 roku minęła połowa testowania Modelu Kooperacji 3D w "
            "województwie śląskim. W dziewięć miesięcy powstało 15 partnerskich zespołów "
            "kooperacyjnych, a w warsztatach wzięły udział 424 osoby.",
            "tags": ["pilotaż", "szkolenia", "coaching"],
            "body": [
                heading("Partnerskie zespoły kooperacyjne"),
                *rich(
                    "Animatorzy wspierali ośrodki pomocy społecznej, które prowadzą "
                    "partnerstwa instytucji w swoich gminach. Na 45 spotkaniach – w każdej "
                    "gminie dwóch inicjujących i jednym formalizującym – powołano 15 "
                    "partnerskich zespołów kooperacyjnych. Mają one koordynować pomoc "
                    "lokalnych instytucji dla wspólnego klienta: osoby lub rodziny w "
                    "trudnej sytuacji, od diagnozy jej potrzeb po wsparcie wielu specjalistów."
                ),
                heading("Warsztaty i spotkania edukacyjne"),
                ul(
                    "30 dwudniowych warsztatów „Razem znaczy lepiej” o współpracy "
                    "multiprofesjonalnej: 480 godzin dydaktycznych dla 424 uczestników,",
                    "5 jednodniowych spotkań o prowadzeniu spotkań zespołu multiprofesjonalnego "
                    "z udziałem osoby lub rodziny: 40 godzin dla 84 uczestników,",
                    "4 dwudniowe spotkania o dialogu motywującym w pracy socjalnej: 64 godziny "
                    "dla 73 uczestników.",
                ),
                heading("Coaching i superwizja"),
                *rich(
                    "Od kwietnia do grudnia 2019 roku pracownicy socjalni ośrodków pomocy "
                    "społecznej i powiatowych centrów pomocy rodzinie skorzystali z ponad 500 "
                    "godzin coachingu. W listopadzie i grudniu w pierwszych gminach zaczęła się "
                    "superwizja zadaniowych zespołów kooperacyjnych.",
                    "Odbyły się też dwa ogólnopolskie spotkania komitetów sterujących: 26–27 "
                    "czerwca 2019 roku w Katowicach i 14–15 listopada 2019 roku w Ustroniu.",
                ),
            ],
        },
        "en": {
            "title": "Kooperacje 3D: half of the pilot behind us",
            "slug": "kooperacje-3d-half-of-the-pilot",
            "lead": "At the end of 2019 the testing of the Kooperacje 3D Model in the Śląskie "
            "voivodeship reached its halfway point. In nine months 15 partner cooperation teams "
            "were set up, and 424 people took part in workshops.",
            "tags": ["pilot", "training", "coaching"],
            "body": [
                heading("Partner cooperation teams"),
                *rich(
                    "Animators supported the social assistance centres that lead the "
                    "partnerships of institutions in their gminas. At 45 meetings – two "
                    "opening meetings and one formal meeting in each gmina – 15 partner "
                    "cooperation teams were set up. They are to coordinate the help of local "
                    "institutions for a shared client, a person or family in difficulty, from "
                    "the diagnosis of needs to the support of many professionals."
                ),
                heading("Workshops and training sessions"),
                ul(
                    "30 two-day workshops “Together means better” on multi-professional "
                    "cooperation: 480 teaching hours for 424 participants,",
                    "5 one-day sessions on running multi-professional team meetings with the "
                    "person or family present: 40 hours for 84 participants,",
                    "4 two-day sessions on motivational interviewing in social work: 64 hours "
                    "for 73 participants.",
                ),
                heading("Coaching and supervision"),
                *rich(
                    "From April to December 2019 social workers of the social assistance "
                    "centres and powiat family support centres received over 500 hours of "
                    "coaching. In November and December, supervision of the task cooperation "
                    "teams began in the first gminas.",
                    "Two national steering committee meetings were also held: on 26–27 June "
                    "2019 in Katowice and on 14–15 November 2019 in Ustroń.",
                ),
            ],
        },
    },
]


def ensure_images(report):
    images = {}
    for key, (title, colours, caption, alt_text, _caption_en, _alt_en) in IMAGES.items():
        if CustomImage.objects.filter(title=title).exists():
            images[key] = CustomImage.objects.get(title=title)
            continue
        image, created = get_or_create_image(
            title,
            illustration(colours, width=900, height=600),
            caption=caption,
            author=AUTHOR,
            licence=LICENCE,
            alt_text=alt_text,
        )
        if created:
            report.add(f"image {title}")
        images[key] = image
    return images


def ensure_index(home, report):
    index = ensure_child(
        home,
        NewsIndexPage,
        "aktualnosci",
        report,
        title="Aktualności",
        show_in_menus=True,
        summary="Wiadomości z projektów Modelu kooperacji.",
        lead="Co dzieje się w projektach Modelu kooperacji: zespoły, szkolenia, pilotaż "
        "i jego wyniki.",
    )
    english = ensure_translation(
        index,
        "en",
        report,
        title="News",
        slug="news",
        summary="News from the projects of the Model of cooperation.",
        lead="What is happening in the projects of the Model of cooperation: teams, training, "
        "the pilot and its results.",
    )
    return index, english


def _published_at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))


def _photos(item, images, language):
    photos = []
    for key, caption_pl, alt_pl, caption_en, alt_en in item["photos"]:
        english = language == "en"
        photos.append(
            NewsPhoto(
                image=images[key],
                caption=caption_en if english else caption_pl,
                alt_text=alt_en if english else alt_pl,
            )
        )
    return photos


def ensure_news(index, item, images, projects, report):
    existing = index.get_children().filter(slug=item["slug"]).first()
    if existing:
        return existing.specific
    text = item["pl"]
    page = NewsPage(
        slug=item["slug"],
        title=text["title"],
        date=item["date"],
        lead=text["lead"],
        summary=text["lead"],
        body=text["body"],
        main_image=images[item["main_image"]],
        territory=Territory.objects.get(code=item["territory"]),
        project=projects["pl"][item["project"]],
        institution=item["institution"][0],
        # Listed on the home page by first publication: the date of the news.
        first_published_at=_published_at(item["date"]),
    )
    page.tags.set(text["tags"])
    page.photos = _photos(item, images, "pl")
    index.add_child(instance=page)
    page.save_revision().publish()
    report.add(f"page {page.url_path}")
    return page


def ensure_news_translation(page, item, images, projects, english, report):
    existing = page.get_translation_or_none(english)
    if existing:
        return existing.specific
    text = item["en"]
    translated = page.copy_for_translation(english)
    translated.first_published_at = page.first_published_at
    translated.save(update_fields=["first_published_at"])
    translated.title = text["title"]
    translated.slug = text["slug"]
    translated.lead = text["lead"]
    translated.summary = text["lead"]
    translated.body = text["body"]
    translated.institution = item["institution"][1]
    *_image, caption_en, alt_en = IMAGES[item["main_image"]]
    translated.main_image_caption = caption_en
    translated.main_image_alt = alt_en
    translated.project = projects["en"][item["project"]]
    translated.tags.set(text["tags"])
    # The copied photos keep their translation keys; only their texts change.
    photos = list(translated.photos.all())
    for photo, source in zip(photos, _photos(item, images, "en"), strict=True):
        photo.caption = source.caption
        photo.alt_text = source.alt_text
    translated.photos = photos
    translated.save_revision().publish()
    translated.refresh_from_db()
    report.add(f"page {translated.url_path} (en)")
    return translated


def build(report):
    site = Site.objects.filter(is_default_site=True).first()
    home = site.root_page.specific if site else None
    if not isinstance(home, HomePage):
        return []
    polish = Locale.objects.get(language_code="pl")
    english = Locale.objects.get(language_code="en")
    projects = {
        code: {project.slug: project for project in Project.objects.filter(locale=locale)}
        for code, locale in (("pl", polish), ("en", english))
    }
    images = ensure_images(report)
    index, _english_index = ensure_index(home, report)
    for item in NEWS:
        page = ensure_news(index, item, images, projects, report)
        ensure_news_translation(page, item, images, projects, english, report)
    return []
