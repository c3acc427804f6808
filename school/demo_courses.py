"""The demo courses of the e-School, in Polish, true to the seeds: the School of Cooperation
at basic level (principles and forms of cooperation, participation, team building, local
resources) and effective work with the family (the systemic view, methods, the genogram),
as run for the partner teams in Świętokrzyskie in 2018; running multi-professional team
meetings with the person or family present, and motivational interviewing in social work,
as run in the Kooperacje 3D pilot. Teaching hours follow the seeds: a one-day training is
8 hours, a two-day one 16.

Texts are the project's own. English versions of the course pages give the title, summary,
audience and outcomes, and link to the Polish page: modules and lessons are in Polish
only."""

ISSUER = "Regionalny Ośrodek Polityki Społecznej w Kielcach"


def p(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def h(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def ul(*items):
    return {
        "type": "paragraph",
        "value": "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>",
    }


def q(question, *choices):
    """A question; choices are (text, correct) or (text, False, feedback). More than one
    correct choice makes it a multiple-choice question."""
    items = [
        {"text": text, "correct": correct, "feedback": rest[0] if rest else ""}
        for text, correct, *rest in choices
    ]
    kind = "multiple" if sum(item["correct"] for item in items) > 1 else "single"
    return {"type": "question", "value": {"question": question, "kind": kind, "choices": items}}


BASIC = {
    "slug": "szkola-kooperacji-poziom-podstawowy",
    "title": "Szkoła Kooperacji – poziom podstawowy",
    "summary": (
        "Zasady i formy współpracy instytucji, partycypacja, budowanie zespołu i korzystanie "
        "z lokalnych zasobów: podstawy pracy w partnerskim zespole kooperacji."
    ),
    "description": (
        "<p>Kurs odpowiada pierwszemu szkoleniu Szkoły Kooperacji, w którym w 2018 roku "
        "wzięli udział członkowie gminno-powiatowych zespołów kooperacji w województwie "
        "świętokrzyskim. Można go przejść samodzielnie na platformie albo połączyć z zajęciami "
        "stacjonarnymi w swojej gminie.</p>"
    ),
    "level": "basic",
    "format": "blended",
    "hours": "8",
    "audience": (
        "Członkowie partnerskich zespołów kooperacji, animatorzy oraz radni gmin i powiatów "
        "pracujących Modelem kooperacji."
    ),
    "outcomes": (
        "<ul><li>wyjaśnia, czym kooperacja różni się od doraźnej współpracy;</li>"
        "<li>wymienia formy współpracy instytucji w województwie, powiecie i gminie;</li>"
        "<li>planuje udział osoby lub rodziny w pracy zespołu;</li>"
        "<li>rozpoznaje fazy rozwoju zespołu;</li>"
        "<li>korzysta z listy aktywności i usług, planując pomoc.</li></ul>"
    ),
    "en": {
        "slug": "school-of-cooperation-basic-level",
        "title": "School of Cooperation – basic level",
        "summary": (
            "Principles and forms of cooperation between institutions, participation, team "
            "building and using local resources: the basics of work in a partner cooperation "
            "team."
        ),
        "description": (
            "<p>The course follows the first School of Cooperation training, attended in 2018 "
            "by the members of the gmina–powiat cooperation teams in Świętokrzyskie. The "
            'lessons are in Polish: <a href="{polish_url}">open the course in Polish</a>.</p>'
        ),
        "audience": (
            "Members of partner cooperation teams, animators and councillors of gminas and "
            "powiats working with the Model of cooperation."
        ),
        "outcomes": (
            "<ul><li>explains how cooperation differs from occasional collaboration;</li>"
            "<li>names the forms of cooperation at voivodeship, powiat and gmina level;</li>"
            "<li>plans the part of the person or family in the team's work;</li>"
            "<li>recognises the stages of a team's development;</li>"
            "<li>uses the list of activities and services when planning help.</li></ul>"
        ),
    },
    "modules": [
        {
            "slug": "zasady-i-formy-wspolpracy",
            "title": "Zasady i formy współpracy",
            "intro": (
                "Dlaczego jedna instytucja nie rozwiąże złożonych problemów osoby lub rodziny "
                "i jakie formy może przybrać wspólne działanie."
            ),
            "lessons": [
                {
                    "slug": "czym-jest-kooperacja",
                    "title": "Czym jest kooperacja",
                    "minutes": 15,
                    "body": [
                        p(
                            "Kooperacja to uzgodnione, trwałe współdziałanie instytucji i "
                            "organizacji, które mają wspólny cel: skuteczną pomoc osobie lub "
                            "rodzinie w trudnej sytuacji. Od doraźnej współpracy różni się tym, "
                            "że partnerzy nie tylko wymieniają informacje, ale wspólnie "
                            "rozpoznają problem, planują działania, dzielą się zadaniami i razem "
                            "oceniają efekty."
                        ),
                        p(
                            "Model kooperacji wypracowano w projektach regionalnych ośrodków "
                            "polityki społecznej, finansowanych z Programu Operacyjnego Wiedza "
                            "Edukacja Rozwój (działanie 2.5 „Skuteczna pomoc społeczna”). W "
                            "gminach wiejskich województw świętokrzyskiego, lubelskiego, "
                            "mazowieckiego, podkarpackiego i podlaskiego testowały go partnerskie "
                            "zespoły kooperacji: przedstawiciele ośrodków pomocy społecznej, "
                            "powiatowych centrów pomocy rodzinie, szkół, policji, ochrony "
                            "zdrowia, instytucji kultury i organizacji pozarządowych."
                        ),
                        h("Zasady kooperacji"),
                        ul(
                            "wspólny cel – wszyscy partnerzy wiedzą, komu i po co pomagają;",
                            "równorzędność – każda instytucja wnosi swoje kompetencje i zasoby, "
                            "żadna nie jest tylko wykonawcą cudzych poleceń;",
                            "jasny podział zadań i odpowiedzialności – wiadomo, kto, co i do "
                            "kiedy robi;",
                            "przepływ informacji – z poszanowaniem przepisów o ochronie danych "
                            "osobowych;",
                            "udział osoby lub rodziny – pomoc planuje się razem z nią, a nie "
                            "za nią;",
                            "wspólna ocena efektów – partnerzy regularnie sprawdzają, co działa, "
                            "a co trzeba zmienić.",
                        ),
                        p(
                            "Badania fokusowe przeprowadzone w 2018 roku w gminach "
                            "świętokrzyskich pokazały, że uczestnicy oczekują od kooperacji "
                            "przede wszystkim włączenia podmiotów, które dotąd angażowano tylko "
                            "okazjonalnie, oraz wymiany informacji o działaniach prowadzonych "
                            "przez innych i o ich efektach."
                        ),
                    ],
                },
                {
                    "slug": "formy-wspolpracy-instytucji",
                    "title": "Formy współpracy instytucji",
                    "minutes": 20,
                    "body": [
                        p(
                            "W Modelu kooperacji współpraca toczy się na trzech poziomach. W "
                            "województwie działa wojewódzki zespół kooperacji (WZK): obok "
                            "regionalnego ośrodka polityki społecznej zasiadają w nim m.in. "
                            "wojewódzki urząd pracy, kuratorium oświaty, wojewódzka stacja "
                            "sanitarno-epidemiologiczna, sąd okręgowy i komenda wojewódzka "
                            "policji. Zespół wspiera gminy i powiaty merytorycznie, "
                            "organizacyjnie i szkoleniowo."
                        ),
                        p(
                            "W gminie i powiecie działa partnerski zespół kooperacji (PZK), "
                            "zwykle około dziesięciu osób z lokalnych instytucji. Trzon zespołu "
                            "tworzą ośrodek pomocy społecznej, powiatowe centrum pomocy "
                            "rodzinie, zespół interdyscyplinarny oraz przedstawiciele władz gminy "
                            "i powiatu; dołączają do nich szkoły, policja, ochrona zdrowia, "
                            "instytucje kultury, organizacje pozarządowe i inni partnerzy ważni "
                            "dla danej społeczności."
                        ),
                        p(
                            "Najbliżej osoby lub rodziny pracuje zadaniowy zespół kooperacji "
                            "(ZZK): specjaliści z różnych instytucji, którzy razem z osobą lub "
                            "rodziną przygotowują diagnozę, indywidualny program pomocy i "
                            "kontrakt, a potem monitorują ich realizację."
                        ),
                        h("Porozumienia"),
                        p(
                            "Współpracę porządkują porozumienia: między województwem, powiatem i "
                            "gminą, a następnie między instytucjami tworzącymi partnerski zespół. "
                            "Porozumienie określa cel, zadania stron, sposób wymiany informacji i "
                            "częstotliwość spotkań. Dzięki niemu współpraca nie zależy wyłącznie "
                            "od dobrej woli pojedynczych osób i przetrwa zmiany kadrowe."
                        ),
                    ],
                    "quiz": [
                        q(
                            "Który zespół pracuje bezpośrednio z osobą lub rodziną?",
                            (
                                "Partnerski zespół kooperacji (PZK)",
                                False,
                                "Partnerski zespół organizuje współpracę instytucji w gminie "
                                "i powiecie; z rodziną pracuje zespół zadaniowy.",
                            ),
                            ("Zadaniowy zespół kooperacji (ZZK)", True),
                            (
                                "Wojewódzki zespół kooperacji (WZK)",
                                False,
                                "Zespół wojewódzki wspiera gminy i powiaty, nie pracuje z "
                                "rodzinami.",
                            ),
                        ),
                        q(
                            "Które zasady należą do zasad kooperacji?",
                            ("Wspólny cel znany wszystkim partnerom", True),
                            ("Udział osoby lub rodziny w planowaniu pomocy", True),
                            (
                                "Przekazanie całej odpowiedzialności ośrodkowi pomocy społecznej",
                                False,
                                "W kooperacji odpowiedzialność dzielą wszyscy partnerzy.",
                            ),
                            ("Wspólna ocena efektów", True),
                        ),
                        q(
                            "Po co zawiera się porozumienie o współpracy?",
                            (
                                "Aby współpraca nie zależała tylko od dobrej woli pojedynczych "
                                "osób",
                                True,
                            ),
                            (
                                "Aby przekazywać dane wszystkich klientów innym instytucjom",
                                False,
                                "Porozumienie nie zwalnia z przestrzegania przepisów o ochronie "
                                "danych osobowych.",
                            ),
                            (
                                "Bo wymaga tego każdy projekt unijny",
                                False,
                                "Porozumienie ma sens niezależnie od źródła finansowania: "
                                "porządkuje zadania i odpowiedzialność.",
                            ),
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "partycypacja-i-budowanie-zespolu",
            "title": "Partycypacja i budowanie zespołu",
            "intro": (
                "Jak włączać osoby i rodziny w planowanie pomocy i jak z przedstawicieli "
                "instytucji zbudować zespół."
            ),
            "lessons": [
                {
                    "slug": "partycypacja-osob-i-rodzin",
                    "title": "Partycypacja osób i rodzin",
                    "minutes": 15,
                    "body": [
                        p(
                            "Partycypacja oznacza rzeczywisty udział osoby lub rodziny w "
                            "decyzjach, które jej dotyczą. Wnioski z testowania Modelu mówią o "
                            "zmianie języka i sposobu myślenia: współpraca z rodziną, a nie "
                            "pomaganie rodzinie. Rodzina jest partnerem, który najlepiej zna "
                            "swoją sytuację, a nie biernym odbiorcą świadczeń."
                        ),
                        p(
                            "Partycypacja ma swoje stopnie: od informowania, przez "
                            "konsultowanie, po współdecydowanie. W Modelu kooperacji celem jest "
                            "współdecydowanie: osoba lub rodzina uczestniczy w spotkaniach "
                            "zespołu, wskazuje swoje cele, a indywidualny program pomocy i "
                            "kontrakt powstają razem z nią."
                        ),
                        h("Jak to robić w praktyce"),
                        ul(
                            "umawiaj spotkania w czasie i miejscu dostępnym dla rodziny;",
                            "mów prostym językiem, bez skrótów nazw instytucji;",
                            "pytaj o cele i mocne strony, nie tylko o problemy;",
                            "zapisuj ustalenia tak, aby rodzina otrzymała ich kopię;",
                            "uzgadniaj zadania po obu stronach: instytucji i rodziny.",
                        ),
                        p(
                            "Partycypacja dotyczy też społeczności lokalnej. Projekty socjalne i "
                            "działania środowiskowe, np. spotkania seniorów czy centrum "
                            "wolontariatu, są skuteczniejsze, gdy mieszkańcy współtworzą je od "
                            "początku."
                        ),
                    ],
                },
                {
                    "slug": "procesy-grupowe-i-budowanie-zespolu",
                    "title": "Procesy grupowe i budowanie zespołu",
                    "minutes": 20,
                    "body": [
                        p(
                            "Partnerski zespół kooperacji nie powstaje w chwili podpisania "
                            "porozumienia. Przedstawiciele różnych instytucji muszą się poznać, "
                            "zrozumieć wzajemne kompetencje i ograniczenia oraz wypracować "
                            "wspólne reguły. Zespół, jak każda grupa, przechodzi przez kolejne "
                            "fazy rozwoju."
                        ),
                        ul(
                            "formowanie – uczestnicy poznają siebie i cel zespołu, są ostrożni "
                            "i czekają na wskazówki prowadzącego;",
                            "docieranie się – ujawniają się różnice zdań i spory o role, np. o "
                            "to, kto „odpowiada” za rodzinę;",
                            "normowanie – zespół ustala zasady pracy, sposób podejmowania "
                            "decyzji i przepływu informacji;",
                            "działanie – energia idzie w zadania, a konflikty rozwiązuje się "
                            "rzeczowo;",
                            "zakończenie lub odnowienie – zespół ocenia swoją pracę i decyduje "
                            "o dalszej współpracy.",
                        ),
                        p(
                            "Napięcia w fazie docierania się są naturalne i nie oznaczają "
                            "porażki. Pomaga jasno określony cel, podział ról (np. lider, osoba "
                            "prowadząca notatki, osoba odpowiedzialna za kontakt z rodziną) i "
                            "regularne spotkania. W projekcie „Liderzy kooperacji” zespoły w "
                            "Świętokrzyskiem spotkały się siedem razy w ciągu pięciu miesięcy, "
                            "zanim wspólnie wypracowały założenia Modelu."
                        ),
                        p(
                            "Warto też zadbać o lidera: instytucję i osobę, która inicjuje i "
                            "koordynuje działania. Podczas konsultacji Modelu brak takiego lidera "
                            "wskazywano jako jedną z głównych przeszkód we współpracy."
                        ),
                    ],
                    "quiz": [
                        q(
                            "W której fazie rozwoju zespołu najczęściej pojawiają się spory o "
                            "role?",
                            (
                                "Formowanie",
                                False,
                                "Na początku uczestnicy są raczej ostrożni i czekają na "
                                "wskazówki prowadzącego.",
                            ),
                            ("Docieranie się", True),
                            (
                                "Działanie",
                                False,
                                "W fazie działania zespół ma już ustalone zasady i rozwiązuje "
                                "spory rzeczowo.",
                            ),
                        ),
                        q(
                            "Co w Modelu kooperacji oznacza partycypacja rodziny?",
                            (
                                "Rodzina otrzymuje informację o przyznanej pomocy",
                                False,
                                "To tylko informowanie – najniższy stopień partycypacji.",
                            ),
                            (
                                "Rodzina współdecyduje o celach i zadaniach w swoim programie "
                                "pomocy",
                                True,
                            ),
                            (
                                "Rodzina wybiera instytucję, która przejmie za nią "
                                "odpowiedzialność",
                                False,
                                "Partycypacja to dzielenie odpowiedzialności, a nie jej "
                                "przekazanie.",
                            ),
                        ),
                        q(
                            "Co pomaga zespołowi przejść przez fazę docierania się?",
                            ("Jasno określony cel zespołu", True),
                            ("Podział ról w zespole", True),
                            (
                                "Unikanie rozmowy o różnicach zdań",
                                False,
                                "Przemilczane różnice wracają później; lepiej je nazwać i omówić.",
                            ),
                            ("Regularne spotkania", True),
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "zasoby-lokalne",
            "title": "Zasoby lokalne",
            "intro": (
                "Jak rozpoznać, co gmina i powiat już mają, i jak z tego korzystać, planując pomoc."
            ),
            "lessons": [
                {
                    "slug": "mapa-zasobow-gminy-i-powiatu",
                    "title": "Mapa zasobów gminy i powiatu",
                    "minutes": 15,
                    "body": [
                        p(
                            "Zasobem jest wszystko, co może pomóc osobie lub rodzinie: usługi "
                            "instytucji, ludzie i ich umiejętności, miejsca, organizacje i grupy "
                            "nieformalne. W gminie wiejskiej to nie tylko ośrodek pomocy "
                            "społecznej i szkoła, ale też biblioteka, dom kultury, koło gospodyń "
                            "wiejskich, parafia, uniwersytet trzeciego wieku, lokalna grupa "
                            "działania czy ochotnicza straż pożarna."
                        ),
                        p(
                            "Podczas konsultacji Modelu uczestnicy zwracali uwagę, że instytucje "
                            "często nie znają w pełni własnych zasobów ani zakresu zadań innych. "
                            "Dlatego jednym z pierwszych zadań partnerskiego zespołu jest wspólne "
                            "spisanie zasobów: kto co oferuje, dla kogo, gdzie, w jakich "
                            "godzinach i na jakich warunkach."
                        ),
                        p(
                            "Mapa zasobów pokazuje też braki. Jeśli w gminie nie ma np. usług "
                            "opiekuńczych dla osób starszych w miejscu zamieszkania – a samotność "
                            "osób starszych była najczęściej wskazywanym problemem w badaniach "
                            "fokusowych – zespół może zaplanować projekt socjalny albo poszukać "
                            "usługi w sąsiedniej gminie lub w powiecie."
                        ),
                    ],
                },
                {
                    "slug": "lista-aktywnosci-i-uslug",
                    "title": "Lista aktywności i usług",
                    "minutes": 15,
                    "body": [
                        p(
                            "Model kooperacji przewiduje dwie listy: wojewódzką listę "
                            "aktywności i usług, prowadzoną przez regionalny ośrodek polityki "
                            "społecznej, oraz gminno-powiatowe listy, prowadzone przez "
                            "partnerskie zespoły. Lista mówi, która instytucja oferuje jaką "
                            "usługę, komu, gdzie i na jakich zasadach."
                        ),
                        p(
                            "Z listy korzystają przede wszystkim pracownicy socjalni i członkowie "
                            "zespołów zadaniowych, którzy budują indywidualne programy pomocy. "
                            "Dzięki niej łatwiej dobrać działania do celów rodziny i uniknąć "
                            "sytuacji, w której kilka instytucji oferuje to samo, a potrzebnej "
                            "usługi nie zapewnia nikt."
                        ),
                        p(
                            "Lista musi być aktualna. Partnerski zespół ustala, kto i jak często "
                            "ją przegląda; zmiany zgłaszają same instytucje. Luki widoczne na "
                            "liście są cenną informacją dla władz gminy i powiatu: wskazują, "
                            "gdzie potrzebne są nowe usługi."
                        ),
                    ],
                    "quiz": [
                        q(
                            "Co może być zasobem lokalnym w gminie wiejskiej?",
                            ("Koło gospodyń wiejskich", True),
                            ("Biblioteka gminna", True),
                            ("Uniwersytet trzeciego wieku", True),
                            (
                                "Tylko instytucje, które mają w statucie zadania pomocy społecznej",
                                False,
                                "Zasobem jest każdy podmiot, osoba lub miejsce, które może "
                                "pomóc, nie tylko instytucje pomocy społecznej.",
                            ),
                        ),
                        q(
                            "Do czego przede wszystkim służy gminno-powiatowa lista aktywności "
                            "i usług?",
                            ("Do dobierania usług przy budowaniu programów pomocy", True),
                            (
                                "Do rozliczania dotacji",
                                False,
                                "Lista nie jest narzędziem finansowym; opisuje ofertę instytucji.",
                            ),
                            (
                                "Do oceny pracy pracowników socjalnych",
                                False,
                                "Lista opisuje usługi, nie ocenia ludzi.",
                            ),
                        ),
                        q(
                            "Co zrobić, gdy lista pokazuje brak potrzebnej usługi?",
                            (
                                "Przekazać informację władzom i zaplanować działanie, np. "
                                "projekt socjalny",
                                True,
                            ),
                            (
                                "Usunąć ten cel z programu pomocy rodziny",
                                False,
                                "Brak usługi to sygnał do działania, a nie powód do rezygnacji "
                                "z celu rodziny.",
                            ),
                            (
                                "Nic – lista ma tylko opisywać stan obecny",
                                False,
                                "Luki na liście wskazują, gdzie potrzebne są nowe usługi.",
                            ),
                        ),
                    ],
                },
            ],
        },
    ],
}


FAMILY = {
    "slug": "efektywna-praca-z-rodzina",
    "title": "Efektywna praca z rodziną",
    "summary": (
        "Rodzina w ujęciu systemowym, metody i techniki pracy z rodziną oraz genogram jako "
        "narzędzie wspólnego poznawania historii rodziny."
    ),
    "description": (
        "<p>Drugie szkolenie Szkoły Kooperacji na poziomie podstawowym. W 2018 roku "
        "odbyło się m.in. w gminach Mirzec i Łopuszno, a jego uczestnicy próbowali "
        "sporządzić własne genogramy; kurs prowadzi przez to ćwiczenie krok po kroku.</p>"
    ),
    "level": "basic",
    "format": "blended",
    "hours": "8",
    "audience": (
        "Pracownicy socjalni, asystenci rodziny, pedagodzy szkolni i inni członkowie zespołów "
        "zadaniowych pracujący z rodzinami."
    ),
    "outcomes": (
        "<ul><li>opisuje rodzinę jako system i rozpoznaje wzorce jej funkcjonowania;</li>"
        "<li>dobiera metody pracy socjalnej do sytuacji rodziny;</li>"
        "<li>zawiera z rodziną kontrakt i planuje wspólne działania;</li>"
        "<li>sporządza genogram i korzysta z niego w rozmowie z rodziną.</li></ul>"
    ),
    "en": {
        "slug": "effective-work-with-the-family",
        "title": "Effective work with the family",
        "summary": (
            "The family as a system, methods and techniques of work with the family, and the "
            "genogram as a tool for exploring a family's history together."
        ),
        "description": (
            "<p>The second School of Cooperation training at basic level. The lessons are in "
            'Polish: <a href="{polish_url}">open the course in Polish</a>.</p>'
        ),
        "audience": (
            "Social workers, family assistants, school counsellors and other members of task "
            "teams who work with families."
        ),
        "outcomes": (
            "<ul><li>describes the family as a system and recognises its patterns;</li>"
            "<li>chooses social work methods that fit the family's situation;</li>"
            "<li>agrees a contract with the family and plans joint work;</li>"
            "<li>draws a genogram and uses it in conversation with the family.</li></ul>"
        ),
    },
    "modules": [
        {
            "slug": "rodzina-jako-system",
            "title": "Rodzina jako system",
            "intro": (
                "Dlaczego zmiana u jednej osoby wpływa na całą rodzinę i jak patrzeć na "
                "trudności w kontekście relacji."
            ),
            "lessons": [
                {
                    "slug": "ujecie-systemowe-rodziny",
                    "title": "Ujęcie systemowe rodziny",
                    "minutes": 15,
                    "body": [
                        p(
                            "W ujęciu systemowym rodzina jest całością, której członkowie są ze "
                            "sobą powiązani: zachowanie jednej osoby wpływa na pozostałe i "
                            "odwrotnie. Trudność, z którą rodzina trafia do ośrodka pomocy – np. "
                            "kłopoty dziecka w szkole – bywa objawem napięć w całym systemie, a "
                            "nie wyłącznie „problemem dziecka”."
                        ),
                        p(
                            "Rodzina dąży do równowagi. Nawet niekorzystne wzorce, takie jak "
                            "przejmowanie przez dziecko obowiązków dorosłego, mogą się utrzymywać, "
                            "bo pozwalają rodzinie jakoś funkcjonować. Dlatego zmiana wymaga "
                            "czasu i wsparcia całej rodziny, a nie tylko jednej osoby."
                        ),
                        p(
                            "Rodzina przechodzi też przez kolejne etapy życia: zawarcie związku, "
                            "narodziny dzieci, ich dorastanie i usamodzielnianie się, starzenie "
                            "się rodziców. Przejścia między etapami to okresy szczególnie "
                            "trudne, w których rodzina potrzebuje nowych sposobów radzenia sobie."
                        ),
                    ],
                },
                {
                    "slug": "granice-role-i-zasoby-rodziny",
                    "title": "Granice, role i zasoby rodziny",
                    "minutes": 15,
                    "body": [
                        p(
                            "Granice określają, kto należy do rodziny i jak rodzina kontaktuje "
                            "się z otoczeniem. Granice zbyt sztywne izolują rodzinę od pomocy, "
                            "zbyt luźne utrudniają jej ochronę swoich członków. Granice "
                            "wewnętrzne oddzielają podsystemy: rodziców, dzieci, dziadków."
                        ),
                        p(
                            "Role w rodzinie mogą być jasne albo pomieszane. Gdy dorosły nie "
                            "pełni swojej roli – z powodu choroby, uzależnienia czy przeciążenia "
                            "– jego zadania przejmują inni, często dzieci. Rozpoznanie tego "
                            "pomaga planować wsparcie, które odciąży najbardziej obciążonych."
                        ),
                        p(
                            "Każda rodzina ma też zasoby: umiejętności, więzi, doświadczenie "
                            "wychodzenia z kryzysów, życzliwych sąsiadów i krewnych. Praca "
                            "skoncentrowana na zasobach zaczyna od pytania, co rodzinie już się "
                            "udaje, i na tym buduje dalsze kroki."
                        ),
                    ],
                    "quiz": [
                        q(
                            "Co oznacza ujęcie systemowe rodziny?",
                            (
                                "Członkowie rodziny są powiązani i zmiana u jednej osoby wpływa "
                                "na pozostałe",
                                True,
                            ),
                            (
                                "Każdy członek rodziny ma odrębny problem, który rozwiązuje się "
                                "osobno",
                                False,
                                "W ujęciu systemowym patrzy się na relacje, a nie na osobne "
                                "problemy.",
                            ),
                            (
                                "Za trudności rodziny odpowiada zawsze jedna osoba",
                                False,
                                "Szukanie jednego winnego zawęża obraz; systemowo patrzy się na "
                                "wzajemne wpływy.",
                            ),
                        ),
                        q(
                            "Dziecko opiekuje się młodszym rodzeństwem i chorym rodzicem. Na co "
                            "to wskazuje?",
                            ("Na pomieszanie ról w rodzinie", True),
                            (
                                "Na zbyt sztywne granice zewnętrzne rodziny",
                                False,
                                "Chodzi o podział ról wewnątrz rodziny, nie o jej kontakty z "
                                "otoczeniem.",
                            ),
                            (
                                "Na dobrze działający podział obowiązków",
                                False,
                                "Dziecko przejmuje zadania dorosłego: to sygnał, że rodzina "
                                "potrzebuje wsparcia.",
                            ),
                        ),
                        q(
                            "Co może być zasobem rodziny?",
                            ("Życzliwi krewni i sąsiedzi", True),
                            ("Doświadczenie wyjścia z wcześniejszego kryzysu", True),
                            ("Umiejętności członków rodziny", True),
                            (
                                "Liczba przyznanych wcześniej zasiłków",
                                False,
                                "To historia świadczeń, a nie zasób rodziny.",
                            ),
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "metody-i-techniki-pracy-z-rodzina",
            "title": "Metody i techniki pracy z rodziną",
            "intro": (
                "Metody pracy socjalnej i narzędzia, które porządkują wspólną pracę: diagnoza, "
                "plan, kontrakt."
            ),
            "lessons": [
                {
                    "slug": "metody-pracy-socjalnej",
                    "title": "Metody pracy socjalnej",
                    "minutes": 15,
                    "body": [
                        p(
                            "Pracownik socjalny korzysta z trzech klasycznych metod: pracy z "
                            "indywidualnym przypadkiem, pracy z grupą i pracy ze społecznością "
                            "lokalną. W Modelu kooperacji łączy się je: rodzina ma indywidualny "
                            "program pomocy, jej członkowie mogą uczestniczyć w grupach wsparcia "
                            "lub warsztatach, a zespół podejmuje działania środowiskowe, np. "
                            "projekty socjalne."
                        ),
                        p(
                            "Pracę z rodziną zaczyna wielowymiarowa diagnoza. Obejmuje sytuację "
                            "zdrowotną, mieszkaniową, zawodową i materialną, relacje w rodzinie, "
                            "sytuację dzieci oraz mocne strony i zasoby. W zespole zadaniowym "
                            "każdy specjalista wnosi swoją część diagnozy, a rodzina – swoje "
                            "rozumienie sytuacji."
                        ),
                        p(
                            "Techniki wspierające to m.in. rozmowa motywująca, mediacja, wizyty "
                            "w środowisku, mapa sieci wsparcia i genogram. Dobór techniki zależy "
                            "od celu: inaczej pracuje się z rodziną w nagłym kryzysie, a inaczej "
                            "z rodziną, która chce zmienić długotrwały wzorzec."
                        ),
                    ],
                },
                {
                    "slug": "kontrakt-i-plan-pracy",
                    "title": "Kontrakt i plan pracy",
                    "minutes": 15,
                    "body": [
                        p(
                            "Indywidualny program pomocy (IPP) opisuje cele rodziny, działania "
                            "prowadzące do ich osiągnięcia, osoby odpowiedzialne i terminy. Cele "
                            "formułuje się konkretnie, tak by dało się sprawdzić, czy zostały "
                            "osiągnięte, np. „syn chodzi do szkoły co najmniej cztery dni w "
                            "tygodniu” zamiast „poprawa sytuacji szkolnej”."
                        ),
                        p(
                            "Kontrakt to pisemne porozumienie między rodziną a pracownikiem "
                            "socjalnym lub zespołem. Zawiera zobowiązania obu stron: co zrobi "
                            "rodzina i co zrobią instytucje. Kontrakt zawarty naprawdę wspólnie, "
                            "a nie podsunięty do podpisu, wzmacnia motywację i poczucie wpływu."
                        ),
                        p(
                            "Plan pracy trzeba regularnie przeglądać. Zespół zadaniowy umawia "
                            "terminy monitorowania, ocenia postępy razem z rodziną i w razie "
                            "potrzeby zmienia działania. Zakończenie pracy też się planuje: "
                            "rodzina powinna wiedzieć, gdzie szukać wsparcia później."
                        ),
                    ],
                    "quiz": [
                        q(
                            "Który cel jest sformułowany tak, że da się sprawdzić jego "
                            "osiągnięcie?",
                            ("Syn chodzi do szkoły co najmniej cztery dni w tygodniu", True),
                            (
                                "Poprawa sytuacji szkolnej syna",
                                False,
                                "Cel jest zbyt ogólny: nie wiadomo, kiedy zostanie osiągnięty.",
                            ),
                            (
                                "Rodzina będzie bardziej zaangażowana",
                                False,
                                "Zaangażowanie trzeba opisać konkretnym zachowaniem, aby je "
                                "ocenić.",
                            ),
                        ),
                        q(
                            "Co powinien zawierać kontrakt z rodziną?",
                            ("Zobowiązania rodziny", True),
                            ("Zobowiązania instytucji", True),
                            ("Terminy przeglądu postępów", True),
                            (
                                "Listę kar za niewywiązanie się z zadań",
                                False,
                                "Kontrakt opiera się na współpracy; możliwe konsekwencje "
                                "omawia się otwarcie, ale nie są jego sednem.",
                            ),
                        ),
                        q(
                            "Które trzy klasyczne metody pracy socjalnej łączy Model kooperacji?",
                            (
                                "Pracę z indywidualnym przypadkiem, z grupą i ze społecznością "
                                "lokalną",
                                True,
                            ),
                            (
                                "Diagnozę, terapię i kontrolę",
                                False,
                                "To nie są metody pracy socjalnej w klasycznym podziale.",
                            ),
                            (
                                "Wywiad, zasiłek i skierowanie",
                                False,
                                "To narzędzia i świadczenia, nie metody pracy socjalnej.",
                            ),
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "genogram",
            "title": "Genogram",
            "intro": (
                "Graficzny zapis historii rodziny: jak go sporządzić i jak z niego korzystać "
                "w rozmowie."
            ),
            "lessons": [
                {
                    "slug": "jak-sporzadzic-genogram",
                    "title": "Jak sporządzić genogram",
                    "minutes": 20,
                    "body": [
                        p(
                            "Genogram to rysunek rodziny obejmujący zwykle co najmniej trzy "
                            "pokolenia. Przedstawia członków rodziny, ich wiek, ważne wydarzenia "
                            "(narodziny, śluby, rozstania, zgony, przeprowadzki, choroby) oraz "
                            "relacje między nimi. Pomaga zobaczyć powtarzające się wzorce, np. "
                            "wczesne rodzicielstwo czy uzależnienia w kolejnych pokoleniach, a "
                            "także źródła wsparcia."
                        ),
                        h("Podstawowe symbole"),
                        ul(
                            "kwadrat oznacza mężczyznę, koło – kobietę; osobę, od której "
                            "zaczynamy, zaznacza się podwójną linią;",
                            "pozioma linia łączy partnerów, jej przekreślenie oznacza rozstanie;",
                            "dzieci rysuje się pod linią rodziców, od najstarszego z lewej;",
                            "krzyżyk w symbolu oznacza osobę zmarłą;",
                            "linie relacji pokazują więzi bliskie, konfliktowe albo zerwane;",
                            "obrysowaniem zaznacza się osoby mieszkające razem.",
                        ),
                        p(
                            "Genogram rysuje się razem z rodziną, a nie o rodzinie. To rodzina "
                            "decyduje, co chce pokazać; pracownik zadaje pytania i pomaga nanieść "
                            "informacje. Uczestnicy Szkoły Kooperacji w Świętokrzyskiem ćwiczyli "
                            "to na własnych genogramach: to dobry sposób, by poczuć, jakie "
                            "emocje budzi takie opowiadanie o rodzinie."
                        ),
                        p(
                            "Genogram zawiera dane wrażliwe. Przechowuje się go w dokumentacji "
                            "zgodnie z zasadami ochrony danych osobowych i nie przekazuje innym "
                            "instytucjom bez zgody rodziny."
                        ),
                    ],
                },
                {
                    "slug": "genogram-w-rozmowie-z-rodzina",
                    "title": "Genogram w rozmowie z rodziną",
                    "minutes": 15,
                    "body": [
                        p(
                            "Genogram otwiera rozmowę. Pytania w rodzaju „kto w rodzinie "
                            "najbardziej pomagał w trudnych chwilach?” albo „jak wasi rodzice "
                            "radzili sobie z podobną sytuacją?” pomagają rodzinie dostrzec "
                            "własne zasoby i wzorce, których wcześniej nie nazywała."
                        ),
                        p(
                            "Warto pytać zarówno o trudności, jak i o wyjątki: sytuacje, w "
                            "których problem się nie pojawił. Wyjątki pokazują, co rodzina już "
                            "potrafi i na czym można oprzeć plan zmiany."
                        ),
                        p(
                            "Genogram nie jest narzędziem oceny. Jeśli rodzina nie chce mówić o "
                            "części swojej historii, pracownik to szanuje. Z czasem, gdy rośnie "
                            "zaufanie, rysunek można uzupełniać."
                        ),
                    ],
                    "quiz": [
                        q(
                            "Ile pokoleń obejmuje zwykle genogram?",
                            ("Co najmniej trzy", True),
                            (
                                "Tylko rodziców i dzieci",
                                False,
                                "Dwa pokolenia to za mało, aby zobaczyć powtarzające się wzorce.",
                            ),
                            (
                                "Tylko osobę, z którą pracujemy",
                                False,
                                "Genogram pokazuje rodzinę i relacje, nie pojedynczą osobę.",
                            ),
                        ),
                        q(
                            "Jak oznacza się w genogramie kobietę?",
                            ("Kołem", True),
                            ("Kwadratem", False, "Kwadrat oznacza mężczyznę."),
                            (
                                "Trójkątem",
                                False,
                                "Trójkąt nie należy do podstawowych symboli genogramu.",
                            ),
                        ),
                        q(
                            "Które zasady dotyczą pracy z genogramem?",
                            ("Rysuje się go razem z rodziną", True),
                            ("Rodzina decyduje, o czym chce mówić", True),
                            (
                                "Przekazuje się go szkole i policji bez pytania rodziny",
                                False,
                                "Genogram zawiera dane wrażliwe: bez zgody rodziny nie wolno "
                                "go przekazywać.",
                            ),
                            ("Pytanie o wyjątki pomaga dostrzec zasoby rodziny", True),
                        ),
                    ],
                },
            ],
        },
    ],
}


MEETINGS = {
    "slug": "spotkania-zespolu-z-udzialem-osoby-lub-rodziny",
    "title": "Spotkania zespołu multiprofesjonalnego z udziałem osoby lub rodziny",
    "summary": (
        "Jak przygotować i poprowadzić spotkanie zespołu multiprofesjonalnego zgodnie z ideą "
        "empowerment, tak aby osoba lub rodzina była jego pełnoprawną uczestniczką."
    ),
    "description": (
        "<p>Kurs rozwija temat jednodniowych spotkań edukacyjnych pilotażu Kooperacje 3D, "
        "przeznaczonych dla pracowników ośrodków pomocy społecznej i powiatowych centrów "
        "pomocy rodzinie. Zakłada znajomość podstaw Szkoły Kooperacji.</p>"
    ),
    "level": "advanced",
    "format": "elearning",
    "hours": "8",
    "audience": (
        "Pracownicy ośrodków pomocy społecznej i powiatowych centrów pomocy rodzinie, którzy "
        "organizują i prowadzą spotkania zespołów zadaniowych."
    ),
    "outcomes": (
        "<ul><li>wyjaśnia ideę empowerment i jej znaczenie w pracy zespołu;</li>"
        "<li>przygotowuje osobę lub rodzinę oraz specjalistów do wspólnego spotkania;</li>"
        "<li>moderuje spotkanie według jasnej struktury;</li>"
        "<li>zapisuje ustalenia i monitoruje ich realizację.</li></ul>"
    ),
    "en": {
        "slug": "team-meetings-with-the-person-or-family-present",
        "title": "Multi-professional team meetings with the person or family present",
        "summary": (
            "How to prepare and run a meeting of a multi-professional team in the spirit of "
            "empowerment, so that the person or family takes a full part in it."
        ),
        "description": (
            "<p>The course builds on the one-day sessions of the Kooperacje 3D pilot for "
            "social assistance centres and powiat family support centres. It assumes the "
            "basics of the School of Cooperation. The lessons are in Polish: "
            '<a href="{polish_url}">open the course in Polish</a>.</p>'
        ),
        "audience": (
            "Staff of social assistance centres and powiat family support centres who "
            "organise and run meetings of task teams."
        ),
        "outcomes": (
            "<ul><li>explains empowerment and why it matters in a team's work;</li>"
            "<li>prepares the person or family and the professionals for a joint meeting;</li>"
            "<li>moderates a meeting with a clear structure;</li>"
            "<li>records decisions and follows them up.</li></ul>"
        ),
    },
    "prerequisites": ["szkola-kooperacji-poziom-podstawowy"],
    "modules": [
        {
            "slug": "idea-empowerment",
            "title": "Idea empowerment",
            "intro": "Wzmacnianie poczucia wpływu osoby lub rodziny jako zasada pracy zespołu.",
            "lessons": [
                {
                    "slug": "wspolpraca-z-rodzina-a-nie-pomaganie-rodzinie",
                    "title": "Współpraca z rodziną, a nie pomaganie rodzinie",
                    "minutes": 15,
                    "body": [
                        p(
                            "Empowerment, czyli wzmacnianie, oznacza takie prowadzenie pomocy, "
                            "aby osoba lub rodzina odzyskiwała wpływ na swoje życie. Specjaliści "
                            "nie decydują za nią, lecz pomagają jej podejmować decyzje i "
                            "korzystać z własnych zasobów oraz z usług instytucji."
                        ),
                        p(
                            "Wnioski z testowania Modelu kooperacji w gminach wiejskich "
                            "wskazują, że jednym z wyzwań są niskie umiejętności praktycznej "
                            "pracy w duchu empowerment. Łatwiej „załatwić” coś za rodzinę, niż "
                            "wspólnie z nią zaplanować i wykonać zadanie. Takie wyręczanie "
                            "utrwala jednak zależność od pomocy."
                        ),
                        p(
                            "Spotkanie zespołu z udziałem rodziny to miejsce, w którym "
                            "empowerment widać najlepiej: rodzina słyszy, co mogą zaoferować "
                            "instytucje, mówi, czego potrzebuje, i współdecyduje o planie. Każda "
                            "osoba przy stole, także członek rodziny, ma prawo zabrać głos i "
                            "nie zgodzić się z propozycją."
                        ),
                    ],
                },
                {
                    "slug": "przygotowanie-do-spotkania",
                    "title": "Przygotowanie osoby lub rodziny do spotkania",
                    "minutes": 15,
                    "body": [
                        p(
                            "Spotkanie z kilkoma specjalistami naraz może onieśmielać. Dlatego "
                            "pracownik kluczowy – zwykle pracownik socjalny – rozmawia z rodziną "
                            "wcześniej: wyjaśnia cel spotkania, mówi, kto weźmie w nim udział i "
                            "dlaczego, pyta, o czym rodzina chce porozmawiać i czy chce przyjść "
                            "z osobą zaufaną."
                        ),
                        p(
                            "Specjaliści też muszą się przygotować. Każdy powinien wiedzieć, jaki "
                            "jest cel spotkania i jakie informacje przekaże w obecności rodziny. "
                            "Zasada jest prosta: o rodzinie nie mówi się przy stole niczego, "
                            "czego nie można powiedzieć jej samej."
                        ),
                        ul(
                            "termin i miejsce dogodne dla rodziny, z uwagą na dojazd w gminie "
                            "wiejskiej;",
                            "lista uczestników znana rodzinie przed spotkaniem;",
                            "czas trwania ustalony z góry, zwykle nie dłuższy niż półtorej "
                            "godziny;",
                            "zgoda rodziny na wymianę informacji między instytucjami.",
                        ),
                    ],
                    "quiz": [
                        q(
                            "Co oznacza empowerment w pracy zespołu?",
                            ("Wzmacnianie wpływu osoby lub rodziny na jej życie i decyzje", True),
                            (
                                "Przekazanie rodzinie wszystkich zadań bez wsparcia",
                                False,
                                "Empowerment to wspieranie decyzji rodziny, a nie pozostawienie "
                                "jej samej sobie.",
                            ),
                            (
                                "Podejmowanie decyzji przez najbardziej doświadczonego specjalistę",
                                False,
                                "Decyzje zapadają razem z rodziną.",
                            ),
                        ),
                        q(
                            "Co warto zrobić przed spotkaniem z udziałem rodziny?",
                            ("Wyjaśnić rodzinie cel spotkania i skład zespołu", True),
                            ("Zapytać, o czym rodzina chce porozmawiać", True),
                            (
                                "Uzgodnić ze specjalistami, jakie informacje przekażą przy "
                                "rodzinie",
                                True,
                            ),
                            (
                                "Omówić ze specjalistami sprawy, których nie można powiedzieć "
                                "rodzinie",
                                False,
                                "O rodzinie nie mówi się niczego, czego nie można powiedzieć "
                                "jej samej.",
                            ),
                        ),
                        q(
                            "Dlaczego wyręczanie rodziny jest ryzykowne?",
                            ("Utrwala zależność od pomocy", True),
                            (
                                "Zabraniają go przepisy",
                                False,
                                "Nie chodzi o przepisy, lecz o skutki: rodzina nie uczy się "
                                "radzić sobie sama.",
                            ),
                            (
                                "Wydłuża pracę instytucji",
                                False,
                                "Wyręczanie bywa nawet szybsze; jego kosztem jest utrwalanie "
                                "zależności.",
                            ),
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "prowadzenie-spotkania",
            "title": "Prowadzenie spotkania",
            "intro": "Rola moderatora, przebieg spotkania, ustalenia i ich monitorowanie.",
            "lessons": [
                {
                    "slug": "rola-moderatora-i-przebieg-spotkania",
                    "title": "Rola moderatora i przebieg spotkania",
                    "minutes": 20,
                    "body": [
                        p(
                            "Moderator dba o przebieg spotkania, a nie o jego treść: pilnuje "
                            "celu i czasu, udziela głosu, streszcza ustalenia i czuwa, aby "
                            "rodzina miała rzeczywisty udział w rozmowie. Moderatorem nie "
                            "powinna być osoba, która ma najwięcej do powiedzenia o rodzinie: "
                            "trudno jednocześnie prowadzić i referować."
                        ),
                        h("Przykładowy przebieg spotkania"),
                        ul(
                            "powitanie, przedstawienie się uczestników i przypomnienie celu;",
                            "zasady: mówimy językiem zrozumiałym dla wszystkich, nie przerywamy, "
                            "szanujemy poufność;",
                            "co się udało od ostatniego spotkania – zaczynamy od mocnych stron;",
                            "sprawy do omówienia, najpierw z perspektywy rodziny, potem "
                            "specjalistów;",
                            "wspólne decyzje: kto, co i do kiedy zrobi;",
                            "podsumowanie i termin kolejnego spotkania.",
                        ),
                        p(
                            "Gdy pojawia się konflikt – między specjalistami albo między rodziną "
                            "a instytucją – moderator nazywa różnicę zdań, prosi strony o "
                            "przedstawienie stanowisk i szuka rozwiązania, które przybliża do "
                            "celu rodziny. Spornych decyzji nie podejmuje się ponad głową "
                            "rodziny."
                        ),
                    ],
                },
                {
                    "slug": "ustalenia-i-monitorowanie",
                    "title": "Ustalenia, podział zadań i monitorowanie",
                    "minutes": 15,
                    "body": [
                        p(
                            "Każde ustalenie zapisuje się w prostej tabeli: zadanie, osoba "
                            "odpowiedzialna, termin. Zadania mają także członkowie rodziny, ale "
                            "tylko takie, na które się zgodzili. Notatkę ze spotkania otrzymują "
                            "wszyscy uczestnicy, w tym rodzina."
                        ),
                        p(
                            "Kolejne spotkanie zespół zaczyna od przeglądu ustaleń. Niewykonane "
                            "zadanie nie jest powodem do szukania winnych, lecz do pytania, co "
                            "przeszkodziło i czego trzeba, aby się udało."
                        ),
                        p(
                            "Monitorowanie obejmuje też ocenę samej współpracy: czy rodzina "
                            "czuje się wysłuchana, czy instytucje dotrzymują zobowiązań, czy "
                            "spotkania są potrzebne w dotychczasowej formie. Tak zespół uczy się "
                            "na własnym doświadczeniu."
                        ),
                    ],
                    "quiz": [
                        q(
                            "Kto nie powinien moderować spotkania?",
                            ("Osoba, która ma najwięcej do powiedzenia o sytuacji rodziny", True),
                            (
                                "Pracownik socjalny przeszkolony w moderowaniu",
                                False,
                                "Przeszkolony pracownik może moderować, jeśli nie referuje "
                                "jednocześnie sprawy.",
                            ),
                            (
                                "Osoba spoza zespołu zadaniowego",
                                False,
                                "Moderator spoza zespołu bywa dobrym wyborem: łatwiej mu "
                                "zachować bezstronność.",
                            ),
                        ),
                        q(
                            "Co zapisuje się przy każdym ustaleniu?",
                            ("Zadanie", True),
                            ("Osobę odpowiedzialną", True),
                            ("Termin", True),
                            (
                                "Ocenę postawy rodziny",
                                False,
                                "Notatka dokumentuje ustalenia, a nie ocenia rodzinę.",
                            ),
                        ),
                        q(
                            "Od czego zaczyna się kolejne spotkanie zespołu?",
                            ("Od przeglądu wcześniejszych ustaleń", True),
                            (
                                "Od wskazania, kto nie wykonał zadania",
                                False,
                                "Chodzi o to, co przeszkodziło, a nie o szukanie winnych.",
                            ),
                            (
                                "Od przedstawienia nowej diagnozy",
                                False,
                                "Najpierw sprawdza się, co udało się zrobić.",
                            ),
                        ),
                    ],
                },
            ],
        },
    ],
}


MOTIVATIONAL = {
    "slug": "dialog-motywujacy-w-pracy-socjalnej",
    "title": "Dialog motywujący w pracy socjalnej",
    "summary": (
        "Jak rozmawiać o zmianie z osobą, która ma wątpliwości: duch dialogu motywującego, "
        "ambiwalencja i podstawowe umiejętności rozmowy."
    ),
    "description": (
        "<p>Kurs odpowiada dwudniowym spotkaniom edukacyjnym „Dialog motywujący w pracy "
        "socjalnej” z pilotażu Kooperacje 3D: w 2019 roku w czterech grupach odbyły się "
        "łącznie 64 godziny dydaktyczne dla 73 pracowników ośrodków pomocy społecznej i "
        "powiatowych centrów pomocy rodzinie.</p>"
    ),
    "level": "advanced",
    "format": "blended",
    "hours": "16",
    "audience": (
        "Pracownicy socjalni, asystenci rodziny i członkowie zespołów zadaniowych, którzy "
        "wspierają osoby i rodziny w podejmowaniu zmiany."
    ),
    "outcomes": (
        "<ul><li>rozpoznaje ambiwalencję i wypowiedzi o zmianie;</li>"
        "<li>prowadzi rozmowę w duchu partnerstwa, akceptacji, współczucia i "
        "wydobywania;</li>"
        "<li>stosuje pytania otwarte, dowartościowania, odzwierciedlenia i podsumowania;</li>"
        "<li>wzmacnia motywację do udziału w procesie pomocy.</li></ul>"
    ),
    "en": {
        "slug": "motivational-interviewing-in-social-work",
        "title": "Motivational interviewing in social work",
        "summary": (
            "How to talk about change with a person who has doubts: the spirit of "
            "motivational interviewing, ambivalence and the core conversation skills."
        ),
        "description": (
            "<p>The course follows the two-day sessions on motivational interviewing of the "
            "Kooperacje 3D pilot. The lessons are in Polish: "
            '<a href="{polish_url}">open the course in Polish</a>.</p>'
        ),
        "audience": (
            "Social workers, family assistants and members of task teams who support people "
            "and families in making a change."
        ),
        "outcomes": (
            "<ul><li>recognises ambivalence and change talk;</li>"
            "<li>talks in the spirit of partnership, acceptance, compassion and evocation;</li>"
            "<li>uses open questions, affirmations, reflections and summaries;</li>"
            "<li>strengthens motivation to take part in the help process.</li></ul>"
        ),
    },
    "modules": [
        {
            "slug": "duch-dialogu-motywujacego",
            "title": "Duch i zasady dialogu motywującego",
            "intro": (
                "Dlaczego przekonywanie rzadko działa i jak zamiast tego wspierać własną "
                "motywację osoby."
            ),
            "lessons": [
                {
                    "slug": "ambiwalencja-i-gotowosc-do-zmiany",
                    "title": "Ambiwalencja i gotowość do zmiany",
                    "minutes": 15,
                    "body": [
                        p(
                            "Dialog motywujący to sposób prowadzenia rozmowy, który wzmacnia "
                            "własną motywację osoby do zmiany. Opracowali go William R. Miller i "
                            "Stephen Rollnick; stosuje się go w ochronie zdrowia, terapii "
                            "uzależnień, kurateli sądowej i w pracy socjalnej."
                        ),
                        p(
                            "Punktem wyjścia jest ambiwalencja: osoba jednocześnie chce zmiany i "
                            "jej nie chce. Matka, która wie, że powinna zadbać o regularne "
                            "chodzenie dziecka do szkoły, może równocześnie obawiać się rozmów z "
                            "nauczycielami. Ambiwalencja jest naturalnym etapem zmiany, a nie "
                            "oporem, który trzeba przełamać."
                        ),
                        p(
                            "Gdy pracownik argumentuje za zmianą, osoba zwykle broni drugiej "
                            "strony, czyli argumentów przeciw. Im więcej przekonywania, tym "
                            "więcej obrony. Dlatego w dialogu motywującym to osoba, a nie "
                            "pracownik, wypowiada powody do zmiany."
                        ),
                    ],
                },
                {
                    "slug": "duch-dialogu-motywujacego",
                    "title": "Duch dialogu motywującego",
                    "minutes": 15,
                    "body": [
                        p(
                            "Duch dialogu motywującego to postawa, bez której techniki stają się "
                            "manipulacją. Składają się na niego cztery elementy."
                        ),
                        ul(
                            "partnerstwo – rozmowa dwóch ekspertów: pracownik zna się na "
                            "pomaganiu, osoba na własnym życiu;",
                            "akceptacja – szacunek dla autonomii i prawa do własnych wyborów, "
                            "dostrzeganie starań i mocnych stron;",
                            "współczucie – troska o dobro osoby, a nie o wskaźniki instytucji;",
                            "wydobywanie – motywacja i pomysły są w osobie, pracownik pomaga je "
                            "ujawnić.",
                        ),
                        p(
                            "W pracy zespołu multiprofesjonalnego duch dialogu motywującego "
                            "pomaga zachęcić osobę lub rodzinę do udziału w procesie pomocy. "
                            "Zamiast zobowiązywać ją do przyjścia na spotkanie, pracownik pyta, "
                            "co mogłaby na nim zyskać, i wspólnie z nią szuka odpowiedzi."
                        ),
                    ],
                    "quiz": [
                        q(
                            "Czym jest ambiwalencja w dialogu motywującym?",
                            ("Jednoczesnym chceniem i niechceniem zmiany", True),
                            (
                                "Oporem, który trzeba przełamać argumentami",
                                False,
                                "Ambiwalencja to naturalny etap zmiany; argumentowanie zwykle "
                                "ją wzmacnia.",
                            ),
                            (
                                "Brakiem jakiejkolwiek motywacji",
                                False,
                                "Osoba ambiwalentna ma powody do zmiany, tyle że równoważą je "
                                "powody przeciw.",
                            ),
                        ),
                        q(
                            "Które elementy składają się na ducha dialogu motywującego?",
                            ("Partnerstwo", True),
                            ("Akceptacja", True),
                            ("Wydobywanie", True),
                            (
                                "Konfrontacja",
                                False,
                                "Konfrontowanie osoby z jej błędami zwykle wzmacnia obronę.",
                            ),
                        ),
                        q(
                            "Co zwykle robi osoba, gdy pracownik usilnie przekonuje ją do zmiany?",
                            ("Broni argumentów przeciw zmianie", True),
                            (
                                "Szybko się zgadza i zmienia zachowanie",
                                False,
                                "Zgoda pod presją rzadko prowadzi do trwałej zmiany.",
                            ),
                            (
                                "Przestaje być ambiwalentna",
                                False,
                                "Przekonywanie nie usuwa ambiwalencji, a często ją nasila.",
                            ),
                        ),
                    ],
                },
            ],
        },
        {
            "slug": "umiejetnosci-rozmowy",
            "title": "Umiejętności rozmowy",
            "intro": (
                "Cztery podstawowe umiejętności i sposób reagowania na wypowiedzi o zmianie."
            ),
            "lessons": [
                {
                    "slug": "pytania-dowartosciowania-odzwierciedlenia-podsumowania",
                    "title": "Pytania otwarte, dowartościowania, odzwierciedlenia, podsumowania",
                    "minutes": 20,
                    "body": [
                        p(
                            "Podstawowe umiejętności dialogu motywującego opisuje się angielskim "
                            "skrótem OARS: pytania otwarte, dowartościowania, odzwierciedlenia i "
                            "podsumowania."
                        ),
                        ul(
                            "pytania otwarte zapraszają do opowiadania: „Jak wygląda wasz "
                            "zwykły dzień?” zamiast „Czy syn chodzi do szkoły?”;",
                            "dowartościowania nazywają konkretne starania i mocne strony: "
                            "„Mimo zmęczenia przyszła pani dziś na spotkanie – widać, że zależy "
                            "pani na dzieciach”;",
                            "odzwierciedlenia oddają sens i uczucia wypowiedzi, pokazując, że "
                            "pracownik słucha: „Boi się pani, że w szkole znów usłyszy same "
                            "pretensje”;",
                            "podsumowania zbierają kilka wypowiedzi, zwłaszcza tych o zmianie, "
                            "i pozwalają przejść dalej.",
                        ),
                        p(
                            "Dobra proporcja to co najmniej dwa odzwierciedlenia na jedno "
                            "pytanie. Seria pytań zamkniętych zamienia rozmowę w przesłuchanie, "
                            "a odzwierciedlenia sprawiają, że osoba sama rozwija wątek."
                        ),
                    ],
                },
                {
                    "slug": "wypowiedzi-o-zmianie",
                    "title": "Wywoływanie i wzmacnianie wypowiedzi o zmianie",
                    "minutes": 15,
                    "body": [
                        p(
                            "Wypowiedzi o zmianie mówią o pragnieniu, możliwościach, powodach i "
                            "potrzebie zmiany, a dalej o gotowości i zobowiązaniu: „chciałabym”, "
                            "„mogłabym”, „dzieciom byłoby lepiej”, „muszę coś z tym zrobić”, "
                            "„zadzwonię w poniedziałek”."
                        ),
                        p(
                            "Pracownik wywołuje je pytaniami, np. „Co byłoby lepsze, gdyby udało "
                            "się to zmienić?” albo „W skali od 0 do 10: jak ważna jest dla pani "
                            "ta zmiana? Dlaczego tyle, a nie mniej?”. Pytanie, dlaczego nie "
                            "mniej, skłania do mówienia o powodach zmiany."
                        ),
                        p(
                            "Usłyszane wypowiedzi o zmianie warto odzwierciedlić i podsumować, a "
                            "gdy pojawia się gotowość – wspólnie zaplanować pierwszy, mały krok. "
                            "Plan zmiany w dialogu motywującym zawsze powstaje razem z osobą i "
                            "na jej warunkach."
                        ),
                    ],
                    "quiz": [
                        q(
                            "Które pytanie jest pytaniem otwartym?",
                            ("Jak wygląda wasz zwykły dzień?", True),
                            (
                                "Czy syn chodzi do szkoły?",
                                False,
                                "Na to pytanie można odpowiedzieć „tak” albo „nie”: to pytanie "
                                "zamknięte.",
                            ),
                            (
                                "Czy była pani wczoraj w poradni?",
                                False,
                                "To pytanie zamknięte; nie zaprasza do opowiadania.",
                            ),
                        ),
                        q(
                            "Osoba ocenia ważność zmiany na 4 w skali od 0 do 10. Które pytanie "
                            "najlepiej wywoła wypowiedzi o zmianie?",
                            ("Dlaczego 4, a nie mniej?", True),
                            (
                                "Dlaczego tylko 4?",
                                False,
                                "To pytanie skłania do obrony niskiej oceny, czyli do mówienia "
                                "o powodach przeciw zmianie.",
                            ),
                            (
                                "Co musiałoby się stać, żeby było 0?",
                                False,
                                "To pytanie kieruje rozmowę ku powodom, by niczego nie zmieniać.",
                            ),
                        ),
                        q(
                            "Które wypowiedzi są wypowiedziami o zmianie?",
                            ("Chciałabym, żeby syn skończył szkołę.", True),
                            ("Mogłabym zadzwonić do poradni.", True),
                            ("Zadzwonię w poniedziałek.", True),
                            (
                                "To nie moja sprawa, niech szkoła się martwi.",
                                False,
                                "Ta wypowiedź podtrzymuje obecny stan; nie mówi o zmianie.",
                            ),
                        ),
                    ],
                },
            ],
        },
    ],
}


COURSES = [BASIC, FAMILY, MEETINGS, MOTIVATIONAL]
