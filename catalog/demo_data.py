"""What the demo catalog is made of: the forms of the pilot places' names, invented contact
patterns, and hand-written Polish templates of institutions and their services.

Nothing here is real data about an institution. Names follow the usual Polish patterns
("Gminny Ośrodek Pomocy Społecznej w Oksie"); what each institution offers is typical for
its kind and written by us; phone numbers use the unassigned "000" exchange and e-mail and
web addresses the reserved `.example` domain, so none of them reaches anybody.

Templates use these placeholders, filled in per place by catalog.demo_catalog:
`{w}` the place with its preposition ("w Oksie"), `{gminy}` the gmina in the genitive
("gminy Oksa", "miasta i gminy Wodzisław", "miasta Rybnika"), `{pw}` the seat of the
powiat with its preposition ("w Jędrzejowie"), `{powiatu}` the powiat in the genitive
("powiatu jędrzejowskiego", "miasta Rybnika") and `{gen}` the bare genitive ("Oksy")."""

from dataclasses import dataclass, field

DEMO_NOTE = (
    "Wpis przykładowy (dane demonstracyjne): adres, telefon, e-mail i strona internetowa są "
    "zmyślone."
)
EMAIL_DOMAIN = "przyklad.example"
# Polish landline area codes by voivodeship; the "000" exchange after them is unassigned.
PHONE_AREAS = {"06": "81", "14": "25", "18": "17", "20": "86", "24": "32", "26": "41"}
STREETS = [
    "ul. Szkolna",
    "ul. Kościuszki",
    "ul. Kościelna",
    "ul. Ogrodowa",
    "ul. Parkowa",
    "ul. Mickiewicza",
    "ul. Spółdzielcza",
    "ul. Słoneczna",
    "ul. 3 Maja",
    "ul. Partyzantów",
    "ul. Sportowa",
    "ul. Kolejowa",
    "ul. Długa",
    "Plac Wolności",
    "ul. Polna",
    "ul. Zielona",
]


@dataclass(frozen=True)
class Town:
    """A gmina (or the seat of an institution) with the forms of its name that the
    templates need and an approximate position of its centre."""

    name: str
    loc: str  # with the preposition: "w Oksie"
    gen: str  # genitive: "Oksy"
    postal: str
    lat: float
    lon: float


TOWNS = {
    # Świętokrzyskie: the pilot gminas
    "2602052": Town("Oksa", "w Oksie", "Oksy", "28-363", 50.7345, 20.1067),
    "2602093": Town("Wodzisław", "w Wodzisławiu", "Wodzisławia", "28-330", 50.5205, 20.1918),
    "2604012": Town("Bieliny", "w Bielinach", "Bielin", "26-004", 50.8497, 20.9366),
    "2604083": Town("Łopuszno", "w Łopusznie", "Łopuszna", "26-070", 50.9478, 20.2514),
    "2607032": Town("Bodzechów", "w Bodzechowie", "Bodzechowa", "27-400", 50.9186, 21.4377),
    "2609052": Town("Łoniów", "w Łoniowie", "Łoniowa", "27-670", 50.5596, 21.5268),
    "2611032": Town("Mirzec", "w Mircu", "Mirca", "27-220", 51.1043, 21.0964),
    "2612013": Town("Bogoria", "w Bogorii", "Bogorii", "28-210", 50.6527, 21.2599),
    # Świętokrzyskie: seats of powiats and of voivodeship bodies
    "2602023": Town("Jędrzejów", "w Jędrzejowie", "Jędrzejowa", "28-300", 50.6435, 20.3048),
    "2661011": Town("Kielce", "w Kielcach", "Kielc", "25-002", 50.8661, 20.6286),
    "2607011": Town(
        "Ostrowiec Świętokrzyski",
        "w Ostrowcu Świętokrzyskim",
        "Ostrowca Świętokrzyskiego",
        "27-400",
        50.9294,
        21.3853,
    ),
    "2609011": Town("Sandomierz", "w Sandomierzu", "Sandomierza", "27-600", 50.6826, 21.7490),
    "2611011": Town("Starachowice", "w Starachowicach", "Starachowic", "27-200", 51.0494, 21.0713),
    "2612073": Town("Staszów", "w Staszowie", "Staszowa", "28-200", 50.5630, 21.1661),
    "2604023": Town("Bodzentyn", "w Bodzentynie", "Bodzentyna", "26-010", 50.9410, 20.9547),
    # Lubelskie
    "0610012": Town("Cyców", "w Cycowie", "Cycowa", "21-070", 51.2977, 23.1433),
    "0609082": Town("Konopnica", "w Konopnicy", "Konopnicy", "21-030", 51.2171, 22.4619),
    "0603072": Town("Leśniowice", "w Leśniowicach", "Leśniowic", "22-122", 51.0165, 23.5285),
    "0610062": Town("Spiczyn", "w Spiczynie", "Spiczyna", "21-077", 51.3572, 22.7392),
    "0618112": Town(
        "Tomaszów Lubelski",
        "w Tomaszowie Lubelskim",
        "Tomaszowa Lubelskiego",
        "22-600",
        50.4501,
        23.4102,
    ),
    "0609142": Town("Wólka", "w Wólce", "Wólki", "20-258", 51.2741, 22.6497),
    "0610033": Town("Łęczna", "w Łęcznej", "Łęcznej", "21-010", 51.3010, 22.8806),
    "0663011": Town("Lublin", "w Lublinie", "Lublina", "20-002", 51.2465, 22.5684),
    "0662011": Town("Chełm", "w Chełmie", "Chełma", "22-100", 51.1431, 23.4716),
    "0618011": Town(
        "Tomaszów Lubelski",
        "w Tomaszowie Lubelskim",
        "Tomaszowa Lubelskiego",
        "22-600",
        50.4477,
        23.4163,
    ),
    # Mazowieckie
    "1416052": Town(
        "Małkinia Górna", "w Małkini Górnej", "Małkini Górnej", "07-320", 52.7011, 22.0301
    ),
    "1433042": Town("Liw", "w Liwie", "Liwu", "07-100", 52.3995, 21.9651),
    "1433011": Town("Węgrów", "w Węgrowie", "Węgrowa", "07-100", 52.3998, 22.0145),
    "1416062": Town("Nur", "w Nurze", "Nura", "07-322", 52.6686, 22.3228),
    "1433082": Town("Stoczek", "w Stoczku", "Stoczka", "07-104", 52.5448, 21.9052),
    "1417082": Town("Wiązowna", "w Wiązownie", "Wiązowny", "05-462", 52.1745, 21.2967),
    "1401032": Town("Radzanów", "w Radzanowie", "Radzanowa", "26-807", 51.5610, 20.8590),
    "1416011": Town(
        "Ostrów Mazowiecka",
        "w Ostrowi Mazowieckiej",
        "Ostrowi Mazowieckiej",
        "07-300",
        52.8024,
        21.8953,
    ),
    "1417021": Town("Otwock", "w Otwocku", "Otwocka", "05-400", 52.1052, 21.2611),
    "1401013": Town("Białobrzegi", "w Białobrzegach", "Białobrzegów", "26-800", 51.6469, 20.9531),
    "1465011": Town("Warszawa", "w Warszawie", "Warszawy", "00-950", 52.2297, 21.0122),
    # Podkarpackie
    "1805062": Town("Krempna", "w Krempnej", "Krempnej", "38-232", 49.5106, 21.4966),
    "1815022": Town("Ostrów", "w Ostrowie", "Ostrowa", "39-103", 50.0853, 21.5611),
    "1814062": Town("Przeworsk", "w Przeworsku", "Przeworska", "37-200", 50.0592, 22.4933),
    "1816122": Town("Świlcza", "w Świlczy", "Świlczy", "36-072", 50.0712, 21.9004),
    "1816132": Town("Trzebownisko", "w Trzebownisku", "Trzebowniska", "36-001", 50.0804, 22.0403),
    "1814092": Town("Zarzecze", "w Zarzeczu", "Zarzecza", "37-205", 49.9872, 22.5517),
    "1805011": Town("Jasło", "w Jaśle", "Jasła", "38-200", 49.7450, 21.4714),
    "1815033": Town("Ropczyce", "w Ropczycach", "Ropczyc", "39-100", 50.0520, 21.6100),
    "1814011": Town("Przeworsk", "w Przeworsku", "Przeworska", "37-200", 50.0594, 22.4948),
    "1863011": Town("Rzeszów", "w Rzeszowie", "Rzeszowa", "35-002", 50.0413, 21.9990),
    # Podlaskie
    "2013052": Town(
        "Kobylin-Borzymy", "w Kobylinie-Borzymach", "Kobylina-Borzym", "18-204", 52.9680, 22.4390
    ),
    "2006032": Town("Kolno", "w Kolnie", "Kolna", "18-500", 53.4105, 21.9265),
    "2007022": Town("Łomża", "w Łomży", "Łomży", "18-400", 53.1730, 22.0530),
    "2005092": Town("Narewka", "w Narewce", "Narewki", "17-220", 52.8317, 23.7543),
    "2007052": Town("Piątnica", "w Piątnicy", "Piątnicy", "18-421", 53.1978, 22.0990),
    "2013102": Town(
        "Wysokie Mazowieckie",
        "w Wysokiem Mazowieckiem",
        "Wysokiego Mazowieckiego",
        "18-200",
        52.9210,
        22.5110,
    ),
    "2013011": Town(
        "Wysokie Mazowieckie",
        "w Wysokiem Mazowieckiem",
        "Wysokiego Mazowieckiego",
        "18-200",
        52.9166,
        22.5170,
    ),
    "2006011": Town("Kolno", "w Kolnie", "Kolna", "18-500", 53.4117, 21.9337),
    "2062011": Town("Łomża", "w Łomży", "Łomży", "18-400", 53.1781, 22.0590),
    "2005011": Town("Hajnówka", "w Hajnówce", "Hajnówki", "17-200", 52.7433, 23.5810),
    "2061011": Town("Białystok", "w Białymstoku", "Białegostoku", "15-001", 53.1325, 23.1688),
    # Śląskie: the cities of Kooperacje 3D and seats of their powiats
    "2416021": Town("Zawiercie", "w Zawierciu", "Zawiercia", "42-400", 50.4880, 19.4180),
    "2479011": Town("Żory", "w Żorach", "Żor", "44-240", 50.0449, 18.7003),
    "2473011": Town("Rybnik", "w Rybniku", "Rybnika", "44-200", 50.0971, 18.5418),
    "2405011": Town("Knurów", "w Knurowie", "Knurowa", "44-190", 50.2198, 18.6707),
    "2403011": Town("Cieszyn", "w Cieszynie", "Cieszyna", "43-400", 49.7495, 18.6320),
    "2465011": Town(
        "Dąbrowa Górnicza", "w Dąbrowie Górniczej", "Dąbrowy Górniczej", "41-300", 50.3217, 19.1949
    ),
    "2408021": Town("Mikołów", "w Mikołowie", "Mikołowa", "43-190", 50.1710, 18.9040),
    "2475011": Town("Sosnowiec", "w Sosnowcu", "Sosnowca", "41-200", 50.2863, 19.1041),
    "2401011": Town("Będzin", "w Będzinie", "Będzina", "42-500", 50.3265, 19.1290),
    "2407011": Town("Lubliniec", "w Lublińcu", "Lublińca", "42-700", 50.6680, 18.6840),
    "2474011": Town(
        "Siemianowice Śląskie",
        "w Siemianowicach Śląskich",
        "Siemianowic Śląskich",
        "41-100",
        50.3090,
        19.0300,
    ),
    "2464011": Town("Częstochowa", "w Częstochowie", "Częstochowy", "42-200", 50.8118, 19.1203),
    "2470011": Town("Mysłowice", "w Mysłowicach", "Mysłowic", "41-400", 50.2079, 19.1663),
    "2413041": Town(
        "Tarnowskie Góry", "w Tarnowskich Górach", "Tarnowskich Gór", "42-600", 50.4455, 18.8615
    ),
    "2461011": Town(
        "Bielsko-Biała", "w Bielsku-Białej", "Bielska-Białej", "43-300", 49.8224, 19.0444
    ),
    "2466011": Town("Gliwice", "w Gliwicach", "Gliwic", "44-100", 50.2945, 18.6714),
    "2469011": Town("Katowice", "w Katowicach", "Katowic", "40-001", 50.2649, 19.0238),
}

# The gmina where each powiat's offices stand (for a city with powiat rights, the city).
POWIAT_SEATS = {
    "2602": "2602023",
    "2604": "2661011",
    "2607": "2607011",
    "2609": "2609011",
    "2611": "2611011",
    "2612": "2612073",
    "0603": "0662011",
    "0609": "0663011",
    "0610": "0610033",
    "0618": "0618011",
    "1401": "1401013",
    "1416": "1416011",
    "1417": "1417021",
    "1433": "1433011",
    "1805": "1805011",
    "1814": "1814011",
    "1815": "1815033",
    "1816": "1863011",
    "2005": "2005011",
    "2006": "2006011",
    "2007": "2062011",
    "2013": "2013011",
    "2401": "2401011",
    "2403": "2403011",
    "2405": "2466011",
    "2407": "2407011",
    "2408": "2408021",
    "2413": "2413041",
    "2416": "2416021",
}

# Names that differ from the usual pattern of their kind (key: kind, gmina or powiat code).
NAME_OVERRIDES = {
    ("ops", "2405011"): "Miejski Ośrodek Pomocy Rodzinie w Knurowie",
    ("ops", "2470011"): "Centrum Usług Społecznych w Mysłowicach",
    ("ops", "2465011"): "Centrum Usług Społecznych w Dąbrowie Górniczej",
    ("ops", "2413041"): "Ośrodek Pomocy Społecznej w Tarnowskich Górach",
    ("ops", "2408021"): "Ośrodek Pomocy Społecznej w Mikołowie",
    ("lgd", "2602"): "Lokalna Grupa Działania „Dolina Mierzawy”",
    ("lgd", "2609"): "Lokalna Grupa Działania „Nad Koprzywianką”",
    ("lgd", "2612"): "Lokalna Grupa Działania „Czarna Staszowska”",
    ("kpp", "2604"): "Komenda Miejska Policji w Kielcach",
    ("kpp", "2405"): "Komenda Miejska Policji w Gliwicach",
    ("kpp", "0609"): "Komenda Miejska Policji w Lublinie",
    ("kpp", "1816"): "Komenda Miejska Policji w Rzeszowie",
    ("kpp", "2007"): "Komenda Miejska Policji w Łomży",
    ("kpp", "0603"): "Komenda Miejska Policji w Chełmie",
}


@dataclass(frozen=True)
class Offer:
    """A template of one service or activity of a kind of institution."""

    key: str
    names: tuple
    areas: tuple
    targets: tuple
    descriptions: tuple
    access: str = ""
    kind: str = "service"
    cost: str = "free"
    referred_by: str = ""  # who refers; set means a referral is needed
    schedule: str = ""
    languages: str = "polski"
    step_free: bool = True
    sign_language: bool = False
    # "place": the gmina where it is delivered; "powiat", "voivodeship": the whole unit
    scope: str = "place"
    # "all", "urban" (only in towns, where they belong to the core offer too) or "rural";
    # optional offers appear at about every other place, so that neighbouring gminas do
    # not list the very same things
    where: str = "all"
    optional: bool = False


@dataclass(frozen=True)
class Kind:
    """A kind of institution: its type code, name patterns and what it offers."""

    key: str
    type: str
    names: dict  # by gmina kind ("rural", "urban_rural", "urban") or "all"
    description: str
    offers: tuple
    hours: str = "pon.–pt. 7:30–15:30"
    website: bool = False
    core: tuple = ()  # offer keys kept where only the core institutions are listed
    level: str = "gmina"  # or "powiat", "voivodeship"
    extra: dict = field(default_factory=dict)

    def name_for(self, gmina_kind):
        return self.names.get(gmina_kind) or self.names["all"]


OPS_OFFERS = (
    Offer(
        "praca-socjalna",
        (
            "Praca socjalna",
            "Praca socjalna z osobami i rodzinami",
            "Praca socjalna i pomoc w sprawach życiowych",
        ),
        ("multiple_difficulties", "poverty", "community"),
        ("families", "residents", "seniors"),
        (
            "Pracownik socjalny rozmawia z osobą lub rodziną o jej sytuacji, wspólnie z nią "
            "ustala cele i kolejne kroki, a w razie potrzeby kontaktuje ją z innymi "
            "instytucjami {gminy} i powiatu. Wsparcie obejmuje też kontrakt socjalny "
            "i indywidualny program pomocy.",
            "Pomoc w rozwiązywaniu trudnych spraw życiowych: rozpoznanie potrzeb, plan "
            "działania, towarzyszenie w załatwianiu spraw w urzędach, szkole czy przychodni. "
            "Pracownicy socjalni przyjmują w ośrodku i odwiedzają mieszkańców w domu.",
            "Dla mieszkańców {gminy}, którzy potrzebują rady lub wsparcia w trudnej sytuacji: "
            "choroba, niepełnosprawność, bezrobocie, kłopoty wychowawcze, samotność w starszym "
            "wieku. Pracownik socjalny pomaga znaleźć rozwiązanie i łączy pomoc różnych "
            "instytucji.",
        ),
        access="Wystarczy przyjść do ośrodka lub zadzwonić; pracownik socjalny może też "
        "przyjść do domu.",
    ),
    Offer(
        "zasilki",
        ("Zasiłki z pomocy społecznej", "Zasiłek stały, okresowy i celowy"),
        ("poverty",),
        ("families", "residents"),
        (
            "Pomoc finansowa dla osób i rodzin, których dochód nie przekracza kryterium "
            "ustawowego: zasiłek stały, okresowy i celowy, a także pomoc rzeczowa, na przykład "
            "opał albo odzież.",
            "Świadczenia pieniężne i rzeczowe dla rodzin o niskich dochodach i osób w trudnej "
            "sytuacji materialnej. Decyzję poprzedza rodzinny wywiad środowiskowy.",
        ),
        access="Wniosek składa się w ośrodku; pracownik socjalny przeprowadza wywiad w domu. "
        "Obowiązuje kryterium dochodowe.",
        optional=True,
    ),
    Offer(
        "uslugi-opiekuncze",
        ("Usługi opiekuńcze w domu", "Usługi opiekuńcze dla osób starszych i chorych"),
        ("seniors", "disability", "health"),
        ("seniors", "disabled", "carers"),
        (
            "Opiekunka pomaga osobom starszym, chorym i z niepełnosprawnościami w codziennych "
            "czynnościach: zakupach, przygotowaniu posiłku, sprzątaniu, higienie i kontaktach "
            "z lekarzem. Dla osób samotnych albo takich, którym rodzina nie może zapewnić "
            "opieki.",
            "Pomoc w domu dla seniorów, którzy nie radzą sobie sami z codziennymi sprawami. "
            "Zakres i liczbę godzin ustala ośrodek po rozmowie z osobą starszą i jej bliskimi.",
        ),
        access="Decyzja ośrodka po wywiadzie środowiskowym; odpłatność zależy od dochodu, "
        "osoby o najniższych dochodach nie płacą.",
        cost="partly",
    ),
    Offer(
        "asystent-rodziny",
        ("Asystent rodziny", "Asystent rodziny dla rodzin z dziećmi"),
        ("parenting", "multiple_difficulties"),
        ("families", "parents", "children"),
        (
            "Asystent rodziny odwiedza rodzinę w domu i pomaga jej w codziennych sprawach: "
            "w prowadzeniu budżetu domowego, opiece nad dziećmi, kontaktach ze szkołą "
            "i lekarzem. Celem jest, by dzieci mogły bezpiecznie wychowywać się we własnej "
            "rodzinie.",
            "Wsparcie dla rodzin przeżywających trudności opiekuńczo-wychowawcze. Asystent "
            "pracuje z rodziną według wspólnie ustalonego planu, zwykle przez kilka miesięcy, "
            "i współpracuje ze szkołą, kuratorem i pracownikiem socjalnym.",
        ),
        access="Rodzina może sama poprosić o asystenta albo zaproponuje go pracownik socjalny; "
        "udział jest dobrowolny.",
        referred_by="pracownik socjalny ośrodka pomocy społecznej",
    ),
    Offer(
        "dozywianie",
        ("Posiłek w szkole i pomoc żywnościowa", "Dożywianie dzieci i pomoc żywnościowa"),
        ("poverty",),
        ("children", "families"),
        (
            "Bezpłatny gorący posiłek dla dzieci w szkołach i przedszkolach oraz skierowania do "
            "programu pomocy żywnościowej dla rodzin o niskich dochodach.",
            "Ośrodek opłaca obiady w szkołach dzieciom z rodzin w trudnej sytuacji i kieruje "
            "rodziny do odbioru paczek żywnościowych.",
        ),
        access="Wniosek rodzica lub szkoły; w pilnej sytuacji posiłek przyznaje się od razu.",
        optional=True,
    ),
    Offer(
        "samotni-seniorzy",
        (
            "Wsparcie dla samotnych osób starszych",
            "Telefoniczny kontakt z seniorami i opaski bezpieczeństwa",
        ),
        ("seniors", "crisis"),
        ("seniors", "carers"),
        (
            "Regularny kontakt telefoniczny z osobami starszymi mieszkającymi samotnie, wizyty "
            "pracownika socjalnego i bezpłatne opaski bezpieczeństwa, które jednym przyciskiem "
            "wzywają pomoc.",
            "Ośrodek prowadzi listę samotnych seniorów, do których pracownicy i wolontariusze "
            "dzwonią co tydzień; w razie potrzeby organizuje pomoc sąsiedzką, zakupy albo "
            "wizytę pielęgniarki.",
        ),
        access="Zgłosić może sam senior, rodzina, sąsiad lub sołtys.",
    ),
    Offer(
        "opieka-wytchnieniowa",
        ("Opieka wytchnieniowa dla opiekunów osób z niepełnosprawnością",),
        ("disability", "health"),
        ("carers", "disabled"),
        (
            "Kilka godzin lub dni zastępstwa w opiece nad bliskim z niepełnosprawnością, aby "
            "opiekun mógł odpocząć, załatwić swoje sprawy albo zadbać o zdrowie. Program "
            "realizowany w miarę dostępnych środków.",
        ),
        access="Zgłoszenie w ośrodku; pierwszeństwo mają opiekunowie osób ze znacznym stopniem "
        "niepełnosprawności.",
        optional=True,
    ),
    Offer(
        "niebieska-karta",
        ("Interwencja w przemocy w rodzinie: procedura „Niebieskie Karty”",),
        ("violence", "crisis"),
        ("violence", "families"),
        (
            "Pracownicy socjalni wszczynają procedurę „Niebieskie Karty”, rozmawiają z osobą "
            "doznającą przemocy, pomagają przygotować plan bezpieczeństwa i przekazują sprawę "
            "zespołowi interdyscyplinarnemu.",
        ),
        access="Zgłoszenie osobiste lub telefoniczne; zgłosić może też szkoła, policja albo "
        "ośrodek zdrowia.",
    ),
    Offer(
        "klub-integracji",
        ("Klub Integracji Społecznej",),
        ("unemployment", "poverty", "community"),
        ("unemployed",),
        (
            "Zajęcia grupowe, warsztaty umiejętności i doradztwo dla osób długotrwale "
            "bezrobotnych, które chcą wrócić na rynek pracy; możliwość prac społecznie "
            "użytecznych.",
        ),
        access="Skierowanie pracownika socjalnego albo zgłoszenie osobiste; udział na "
        "podstawie kontraktu socjalnego.",
        kind="activity",
        where="urban",
    ),
    Offer(
        "streetworking",
        ("Streetworking i pomoc osobom bezdomnym",),
        ("homelessness", "crisis", "poverty"),
        ("homeless",),
        (
            "Streetworkerzy docierają do osób bezdomnych tam, gdzie przebywają, i pomagają im "
            "w uzyskaniu schronienia, posiłku, ubrania i leczenia. Zimą wspólne patrole "
            "z policją i strażą miejską.",
        ),
        access="Wystarczy zadzwonić i powiedzieć, gdzie jest osoba potrzebująca pomocy.",
        schedule="codziennie; zimą telefon całodobowy",
        where="urban",
    ),
    Offer(
        "cudzoziemcy",
        ("Informacja i pomoc dla cudzoziemców",),
        ("poverty", "crisis", "community"),
        ("foreigners", "families"),
        (
            "Informacja o świadczeniach, pomocy społecznej i zapisach do szkół dla osób "
            "z innych krajów, w tym z Ukrainy. Pomoc w wypełnianiu wniosków; rozmowa po "
            "ukraińsku lub angielsku po wcześniejszym umówieniu.",
        ),
        languages="polski, ukraiński, angielski",
        where="urban",
        optional=True,
    ),
)

# What a PCPR offers; in a city with powiat rights the city's social assistance centre
# offers it (kind "ops" takes these as well there).
PCPR_OFFERS = (
    Offer(
        "poradnictwo",
        (
            "Specjalistyczne poradnictwo rodzinne",
            "Poradnictwo psychologiczne, pedagogiczne i prawne",
        ),
        ("multiple_difficulties", "crisis", "parenting"),
        ("families", "parents", "crisis"),
        (
            "Psycholog, pedagog i prawnik przyjmują mieszkańców {powiatu}, którzy przeżywają "
            "kryzys w rodzinie: konflikty, rozwód, żałobę, trudności wychowawcze, przemoc. "
            "Konsultacje indywidualne i rodzinne, także terapia rodzinna.",
            "Bezpłatne porady specjalistów dla rodzin z wieloma trudnościami: rozmowa "
            "z psychologiem, pomoc prawna w sprawach rodzinnych i alimentacyjnych, wsparcie "
            "pedagoga.",
        ),
        access="Zapisy telefoniczne lub osobiście; bez skierowania.",
        scope="powiat",
    ),
    Offer(
        "piecza-zastepcza",
        ("Rodzinna piecza zastępcza: wsparcie rodzin zastępczych",),
        ("parenting", "multiple_difficulties"),
        ("families", "children"),
        (
            "Organizator rodzinnej pieczy zastępczej szkoli kandydatów na rodziny zastępcze, "
            "wspiera rodziny zastępcze i ich dzieci oraz pomaga w powrocie dzieci do rodzin "
            "biologicznych. Wsparcie także dla usamodzielniających się wychowanków.",
        ),
        access="Kandydaci na rodziny zastępcze zgłaszają się osobiście; rodziny zastępcze "
        "mają swojego koordynatora.",
        scope="powiat",
    ),
    Offer(
        "pfron",
        (
            "Dofinansowanie ze środków PFRON",
            "Turnusy rehabilitacyjne, sprzęt i likwidacja barier: dofinansowanie PFRON",
        ),
        ("disability",),
        ("disabled", "carers"),
        (
            "Dofinansowanie turnusów rehabilitacyjnych, sprzętu rehabilitacyjnego "
            "i ortopedycznego oraz likwidacji barier architektonicznych i w komunikowaniu się "
            "dla osób z orzeczoną niepełnosprawnością.",
        ),
        access="Wniosek z orzeczeniem o niepełnosprawności i zaświadczeniem lekarskim; "
        "obowiązuje kryterium dochodowe i wkład własny.",
        cost="partly",
        scope="powiat",
    ),
    Offer(
        "program-korekcyjny",
        ("Program korekcyjno-edukacyjny dla osób stosujących przemoc w rodzinie",),
        ("violence",),
        ("violence", "families"),
        (
            "Zajęcia grupowe i indywidualne dla osób stosujących przemoc w rodzinie: "
            "rozpoznanie własnych zachowań, radzenie sobie ze złością, porozumiewanie się bez "
            "przemocy.",
        ),
        kind="activity",
        referred_by="sąd, prokuratura, kurator lub zespół interdyscyplinarny; można też "
        "zgłosić się samemu",
        scope="powiat",
        optional=True,
    ),
    Offer(
        "mieszkanie-chronione",
        ("Mieszkanie chronione treningowe",),
        ("homelessness", "disability"),
        ("youth", "disabled", "homeless"),
        (
            "Mieszkanie dla usamodzielniających się wychowanków pieczy zastępczej i osób "
            "z niepełnosprawnością, które uczą się samodzielnego życia pod okiem pracownika "
            "socjalnego.",
        ),
        cost="partly",
        referred_by="powiatowe centrum pomocy rodzinie (decyzja)",
        scope="powiat",
        optional=True,
    ),
)

KINDS = {}


def _kind(*args, **kwargs):
    kind = Kind(*args, **kwargs)
    KINDS[kind.key] = kind
    return kind


_kind(
    "ops",
    "ops",
    {
        "rural": "Gminny Ośrodek Pomocy Społecznej {w}",
        "urban_rural": "Miejsko-Gminny Ośrodek Pomocy Społecznej {w}",
        "urban": "Miejski Ośrodek Pomocy Społecznej {w}",
    },
    "Ośrodek pomocy społecznej {gminy}: praca socjalna, świadczenia, usługi opiekuńcze "
    "i wsparcie rodzin. Pracownicy socjalni znają lokalne instytucje i pomagają połączyć "
    "ich pomoc.",
    OPS_OFFERS,
    hours="pon. 8:00–16:00, wt.–pt. 7:30–15:30",
    website=True,
    core=("praca-socjalna", "uslugi-opiekuncze", "niebieska-karta"),
)
_kind(
    "zi",
    "other",
    {"all": "Zespół Interdyscyplinarny ds. Przeciwdziałania Przemocy w Rodzinie {w}"},
    "Zespół pracowników socjalnych, policji, oświaty, ochrony zdrowia i komisji "
    "rozwiązywania problemów alkoholowych, który wspólnie przeciwdziała przemocy w rodzinie.",
    (
        Offer(
            "niebieskie-karty",
            ("Procedura „Niebieskie Karty” i grupy diagnostyczno-pomocowe",),
            ("violence", "crisis"),
            ("violence", "families", "children"),
            (
                "Zespół łączy pracowników socjalnych, policję, szkołę, ochronę zdrowia i komisję "
                "alkoholową, aby wspólnie zatrzymać przemoc w rodzinie. Grupy "
                "diagnostyczno-pomocowe przygotowują z osobą doznającą przemocy plan pomocy "
                "i czuwają nad jego realizacją.",
            ),
            access="Procedurę wszczyna pracownik socjalny, policjant, nauczyciel, pracownik "
            "ochrony zdrowia lub członek komisji; można też zgłosić się samemu.",
        ),
        Offer(
            "konsultacje-przemoc",
            ("Konsultacje dla osób doznających przemocy w rodzinie",),
            ("violence",),
            ("violence", "families"),
            (
                "Rozmowa z psychologiem lub pracownikiem socjalnym w poufnych warunkach: "
                "informacja o prawach, możliwościach schronienia i procedurach sądowych. Można "
                "przyjść z dzieckiem.",
            ),
            schedule="wtorki 15:00–18:00, po umówieniu",
            optional=True,
        ),
    ),
)
_kind(
    "gkrpa",
    "alcohol_commission",
    {
        "rural": "Gminna Komisja Rozwiązywania Problemów Alkoholowych {w}",
        "urban_rural": "Miejsko-Gminna Komisja Rozwiązywania Problemów Alkoholowych {w}",
        "urban": "Miejska Komisja Rozwiązywania Problemów Alkoholowych {w}",
    },
    "Komisja prowadzi gminny program profilaktyki i rozwiązywania problemów alkoholowych "
    "oraz przeciwdziałania narkomanii.",
    (
        Offer(
            "punkt-konsultacyjny",
            (
                "Punkt konsultacyjny ds. uzależnień",
                "Punkt konsultacyjny dla osób z problemem alkoholowym i ich rodzin",
            ),
            ("addiction", "violence"),
            ("addicted", "families"),
            (
                "Terapeuta uzależnień przyjmuje osoby pijące szkodliwie, uzależnione od alkoholu "
                "lub innych substancji oraz ich bliskich. Rozmowa motywująca do leczenia, "
                "informacja o poradniach i ośrodkach terapii uzależnień, wsparcie dla osób "
                "współuzależnionych.",
                "Bezpłatne i anonimowe konsultacje w sprawach uzależnień: alkohol, narkotyki, "
                "hazard, internet. Pomoc dla osób uzależnionych i dla rodzin, które żyją "
                "z osobą pijącą.",
            ),
            schedule="co drugi czwartek 15:00–18:00",
        ),
        Offer(
            "leczenie-odwykowe",
            ("Motywowanie do leczenia odwykowego",),
            ("addiction",),
            ("addicted", "families"),
            (
                "Komisja zaprasza na rozmowę osoby, których picie szkodzi rodzinie, kieruje na "
                "badanie przez biegłych i w razie potrzeby występuje do sądu o zobowiązanie do "
                "leczenia odwykowego.",
            ),
            referred_by="wniosek do komisji składa członek rodziny, policja, ośrodek pomocy "
            "społecznej lub ośrodek zdrowia",
            optional=True,
        ),
        Offer(
            "profilaktyka-szkoly",
            ("Programy profilaktyki uzależnień w szkołach",),
            ("addiction",),
            ("youth", "children", "parents"),
            (
                "Komisja finansuje zajęcia profilaktyczne w szkołach {gminy}: warsztaty "
                "o alkoholu, dopalaczach i uzależnieniu od telefonu i internetu, spotkania dla "
                "rodziców i wypoczynek letni z programem profilaktycznym.",
            ),
            kind="activity",
            optional=True,
        ),
    ),
)
_kind(
    "szkola",
    "school",
    {"all": "Szkoła Podstawowa {w}", "urban": "Szkoła Podstawowa nr 3 {w}"},
    "Publiczna szkoła podstawowa ze świetlicą, pedagogiem i psychologiem szkolnym.",
    (
        Offer(
            "swietlica-szkolna",
            ("Świetlica szkolna i zajęcia wyrównawcze", "Zajęcia wyrównawcze i świetlica szkolna"),
            ("parenting", "poverty"),
            ("children", "parents"),
            (
                "Opieka nad uczniami przed lekcjami i po nich, odrabianie lekcji z nauczycielem, "
                "zajęcia wyrównawcze z matematyki i języka polskiego oraz obiad.",
                "Świetlica czynna od rana do popołudnia: pomoc w nauce, gry i zajęcia ruchowe "
                "dla dzieci, których rodzice pracują albo dojeżdżają.",
            ),
            schedule="dni nauki szkolnej 7:00–16:00",
            optional=True,
        ),
        Offer(
            "pedagog",
            ("Konsultacje z pedagogiem i psychologiem szkolnym",),
            ("parenting", "crisis"),
            ("children", "youth", "parents"),
            (
                "Pedagog i psycholog szkolny pomagają uczniom w kłopotach z nauką, w konfliktach "
                "i kryzysach, a rodzicom doradzają w sprawach wychowawczych. W razie potrzeby "
                "kierują do poradni psychologiczno-pedagogicznej.",
            ),
        ),
        Offer(
            "bezpieczny-internet",
            ("Zajęcia o bezpiecznym internecie i cyberprzemocy",),
            ("addiction", "violence"),
            ("youth", "children", "parents"),
            (
                "Warsztaty dla uczniów i spotkania dla rodziców o nadmiernym korzystaniu "
                "z telefonu i internetu, grach i cyberprzemocy: jak rozpoznać problem i gdzie "
                "szukać pomocy.",
            ),
            kind="activity",
            optional=True,
        ),
    ),
    core=("pedagog",),
)
_kind(
    "przedszkole",
    "school",
    {"all": "Przedszkole Samorządowe {w}"},
    "Przedszkole publiczne z oddziałami dla dzieci od trzech lat.",
    (
        Offer(
            "adaptacja",
            ("Zajęcia adaptacyjne i konsultacje logopedyczne",),
            ("parenting", "disability"),
            ("children", "parents"),
            (
                "Zajęcia dla dzieci rozpoczynających przedszkole i ich rodziców, przesiewowe "
                "badanie mowy i konsultacje z logopedą; dzieci z niepełnosprawnościami mają "
                "zajęcia rewalidacyjne.",
            ),
            kind="activity",
        ),
    ),
    hours="pon.–pt. 6:30–16:30",
)
_kind(
    "biblioteka",
    "library",
    {
        "rural": "Gminna Biblioteka Publiczna {w}",
        "urban_rural": "Miejsko-Gminna Biblioteka Publiczna {w}",
        "urban": "Miejska Biblioteka Publiczna {w}",
    },
    "Biblioteka z wypożyczalnią, czytelnią, dostępem do internetu i zajęciami dla dzieci "
    "i dorosłych.",
    (
        Offer(
            "ksiazka-na-telefon",
            ("Książka na telefon", "Dowóz książek dla seniorów i osób z niepełnosprawnością"),
            ("seniors", "disability", "community"),
            ("seniors", "disabled"),
            (
                "Bibliotekarka lub wolontariusz przynosi książki, audiobooki i prasę do domu "
                "osobom starszym i chorym, które nie mogą przyjść do biblioteki. Wystarczy "
                "zadzwonić i powiedzieć, co lubi się czytać.",
                "Dla czytelników, którzy z powodu wieku, choroby lub niepełnosprawności nie "
                "wychodzą z domu: biblioteka dowozi wybrane książki i odbiera przeczytane raz "
                "na dwa tygodnie.",
            ),
        ),
        Offer(
            "cyfrowy-senior",
            ("Kawiarenka cyfrowa dla seniorów", "Nauka obsługi komputera i smartfona dla seniorów"),
            ("seniors", "community"),
            ("seniors",),
            (
                "Zajęcia w małych grupach: jak korzystać ze smartfona, rozmawiać z rodziną przez "
                "internet, założyć profil zaufany i bezpiecznie płacić w sieci. Sprzęt zapewnia "
                "biblioteka.",
            ),
            kind="activity",
            schedule="środy 10:00–12:00",
        ),
        Offer(
            "klub-czytelnika",
            ("Klub małego czytelnika",),
            ("community", "parenting"),
            ("children", "parents"),
            (
                "Głośne czytanie, zajęcia plastyczne i gry dla dzieci w wieku przedszkolnym "
                "i szkolnym; rodzice mogą zostać na zajęciach.",
            ),
            kind="activity",
            optional=True,
        ),
    ),
    hours="pon.–pt. 9:00–17:00, sob. 9:00–13:00",
    website=True,
)
_kind(
    "kultura",
    "culture",
    {
        "rural": "Gminny Ośrodek Kultury {w}",
        "urban_rural": "Centrum Kultury i Sportu {w}",
        "urban": "Miejski Dom Kultury {w}",
    },
    "Dom kultury z pracowniami, zespołami artystycznymi i salą widowiskową.",
    (
        Offer(
            "zajecia-artystyczne",
            ("Zajęcia artystyczne dla dzieci i młodzieży",),
            ("community", "parenting"),
            ("children", "youth"),
            (
                "Nauka gry na instrumentach, taniec, teatr i plastyka w ciągu roku szkolnego; "
                "w ferie i wakacje zajęcia dla dzieci, które zostają w domu.",
            ),
            access="Zapisy w ośrodku kultury; opłata symboliczna, dzieci z rodzin w trudnej "
            "sytuacji są z niej zwolnione.",
            kind="activity",
            cost="partly",
            optional=True,
        ),
        Offer(
            "zespol-seniorow",
            ("Zespół śpiewaczy seniorów", "Zespół śpiewaczy i spotkania dla seniorów"),
            ("seniors", "community"),
            ("seniors",),
            (
                "Próby zespołu śpiewaczego, kultywowanie tradycji i występy na uroczystościach "
                "gminnych. Dobre miejsce dla osób starszych, które chcą wyjść z domu i spotkać "
                "się z innymi.",
            ),
            kind="activity",
            schedule="wtorki i czwartki 16:00–18:00",
        ),
        Offer(
            "wydarzenia",
            ("Wydarzenia dla mieszkańców",),
            ("community",),
            ("residents", "families"),
            (
                "Dożynki, festyny rodzinne, Dzień Seniora i spotkania międzypokoleniowe "
                "organizowane razem z kołami gospodyń wiejskich, szkołami i parafią.",
            ),
            kind="activity",
            optional=True,
        ),
    ),
    hours="pon.–pt. 8:00–20:00",
    website=True,
)
_kind(
    "posterunek",
    "police",
    {"all": "Posterunek Policji {w}", "urban": "Komisariat Policji {w}"},
    "Jednostka policji z dzielnicowymi, którzy znają swój rejon i jego mieszkańców.",
    (
        Offer(
            "dzielnicowy",
            ("Dyżur dzielnicowego", "Dzielnicowy: spotkania z mieszkańcami"),
            ("community", "violence", "crisis"),
            ("residents",),
            (
                "Dzielnicowy przyjmuje zgłoszenia o zagrożeniach, odwiedza rodziny objęte "
                "procedurą „Niebieskie Karty” i współpracuje z ośrodkiem pomocy społecznej.",
                "Stały dyżur dzielnicowego: rozmowa o bezpieczeństwie w okolicy, sprawy "
                "sąsiedzkie, przemoc w rodzinie, nieletni bez opieki. W nagłych sprawach "
                "numer alarmowy 112.",
            ),
            schedule="dyżur w pierwszy wtorek miesiąca 15:00–17:00",
        ),
        Offer(
            "bezpieczny-senior",
            ("Spotkania „Bezpieczny senior”",),
            ("seniors", "crisis"),
            ("seniors",),
            (
                "Policjanci opowiadają seniorom, jak nie dać się oszukać metodą „na wnuczka”, "
                "„na policjanta” czy przez telefon, i co zrobić, gdy ktoś podejrzany puka do "
                "drzwi.",
            ),
            kind="activity",
            optional=True,
        ),
    ),
    hours="pon.–pt. 7:30–15:30; poza tymi godzinami numer alarmowy 112",
    core=("dzielnicowy",),
)
_kind(
    "parafia",
    "parish",
    {"all": "Parafia rzymskokatolicka {w}"},
    "Parafia z zespołem Caritas i wolontariuszami, którzy pomagają potrzebującym.",
    (
        Offer(
            "caritas",
            ("Parafialny Zespół Caritas", "Paczki żywnościowe i pomoc doraźna Caritas"),
            ("poverty", "crisis"),
            ("families", "seniors"),
            (
                "Wolontariusze parafialnego Caritas wydają paczki żywnościowe, odzież i środki "
                "czystości, a przed świętami organizują zbiórki dla rodzin w trudnej sytuacji "
                "i osób samotnych.",
            ),
            schedule="pierwsza sobota miesiąca 10:00–12:00",
        ),
        Offer(
            "odwiedziny",
            ("Odwiedziny osób chorych i samotnych",),
            ("seniors", "health"),
            ("seniors", "disabled"),
            (
                "Regularne odwiedziny w domach osób starszych, chorych i samotnych: rozmowa, "
                "drobna pomoc, w razie potrzeby kontakt z ośrodkiem pomocy społecznej.",
            ),
            kind="activity",
            optional=True,
        ),
        Offer(
            "mityngi-aa",
            ("Mityngi grupy AA w salce parafialnej",),
            ("addiction",),
            ("addicted",),
            (
                "Spotkania wspólnoty Anonimowych Alkoholików dla osób, które chcą przestać "
                "pić. Bez zapisów i opłat; raz w miesiącu spotkanie otwarte także dla rodzin.",
            ),
            kind="activity",
            schedule="piątki 18:00",
            optional=True,
        ),
    ),
    hours="kancelaria: wt. i czw. 16:00–17:30",
)
_kind(
    "kgw",
    "womens_circle",
    {"all": "Koło Gospodyń Wiejskich {w}"},
    "Koło gospodyń wiejskich: tradycja, kuchnia regionalna i sąsiedzka pomoc.",
    (
        Offer(
            "warsztaty-kgw",
            ("Warsztaty kulinarne i rękodzieła", "Spotkania i warsztaty koła gospodyń"),
            ("community", "seniors"),
            ("residents", "seniors"),
            (
                "Gospodynie zapraszają na warsztaty pieczenia, dawnych potraw i rękodzieła; "
                "spotkania łączą pokolenia i pomagają samotnym osobom starszym wyjść z domu.",
            ),
            kind="activity",
        ),
        Offer(
            "pomoc-sasiedzka",
            ("Sąsiedzka pomoc dla samotnych seniorów",),
            ("seniors", "community"),
            ("seniors",),
            (
                "Członkinie koła odwiedzają samotne sąsiadki i sąsiadów, przynoszą obiad, "
                "pomagają w zakupach i dowożą do lekarza; współpracują z ośrodkiem pomocy "
                "społecznej.",
            ),
            kind="activity",
            optional=True,
        ),
    ),
    hours="spotkania w świetlicy wiejskiej, zwykle w czwartki wieczorem",
)
_kind(
    "razem",
    "ngo",
    {"all": "Stowarzyszenie „Razem dla {gen}”"},
    "Lokalne stowarzyszenie mieszkańców, które prowadzi wolontariat i projekty socjalne.",
    (
        Offer(
            "wolontariat",
            ("Wolontariat sąsiedzki", "Centrum wolontariatu"),
            ("community", "seniors"),
            ("residents", "seniors", "youth"),
            (
                "Stowarzyszenie łączy wolontariuszy, zwłaszcza młodzież, z osobami starszymi "
                "i rodzinami potrzebującymi pomocy: zakupy, dojazdy, drobne naprawy, "
                "korepetycje.",
            ),
            kind="activity",
        ),
        Offer(
            "projekty-socjalne",
            ("Projekty socjalne i inicjatywy lokalne",),
            ("community", "multiple_difficulties"),
            ("residents", "families"),
            (
                "Razem z ośrodkiem pomocy społecznej i partnerskim zespołem kooperacji "
                "stowarzyszenie prowadzi projekty socjalne: warsztaty dla rodzin, wycieczki, "
                "remonty świetlic, pikniki sąsiedzkie.",
            ),
            kind="activity",
            optional=True,
        ),
    ),
    hours="po umówieniu telefonicznym",
    website=True,
)
# One of these in each gmina, in turn.
NGO_POOL = ("promyk", "utw", "mlodzi", "nadzieja")
_kind(
    "promyk",
    "ngo",
    {"all": "Stowarzyszenie na Rzecz Osób z Niepełnosprawnościami „Promyk” {w}"},
    "Stowarzyszenie rodziców i opiekunów osób z niepełnosprawnościami.",
    (
        Offer(
            "grupa-wsparcia-rodzicow",
            ("Grupa wsparcia dla rodziców dzieci z niepełnosprawnością",),
            ("disability", "parenting"),
            ("parents", "carers"),
            (
                "Comiesięczne spotkania rodziców i opiekunów z psychologiem, wymiana "
                "doświadczeń, informacja o rehabilitacji i uprawnieniach.",
            ),
            kind="activity",
        ),
        Offer(
            "dowoz-rehabilitacja",
            ("Dowóz na rehabilitację i do lekarzy",),
            ("disability", "health"),
            ("disabled", "seniors"),
            (
                "Przewóz osób z niepełnosprawnościami i osób starszych busem przystosowanym do "
                "wózków na zabiegi rehabilitacyjne, do lekarzy specjalistów i urzędów.",
            ),
            cost="partly",
            access="Przejazd trzeba zamówić telefonicznie co najmniej dwa dni wcześniej.",
        ),
    ),
    hours="pon., śr. 10:00–14:00",
)
_kind(
    "utw",
    "ngo",
    {"all": "Uniwersytet Trzeciego Wieku {w}"},
    "Stowarzyszenie prowadzące uniwersytet trzeciego wieku dla mieszkańców po sześćdziesiątce.",
    (
        Offer(
            "zajecia-utw",
            ("Wykłady, zajęcia ruchowe i wycieczki dla seniorów",),
            ("seniors", "health", "community"),
            ("seniors",),
            (
                "Wykłady o zdrowiu i historii regionu, gimnastyka, nordic walking, kurs języka "
                "angielskiego i wycieczki. Dla osób po 60. roku życia; niewielka składka "
                "semestralna.",
            ),
            kind="activity",
            cost="partly",
        ),
    ),
    hours="zapisy we wrześniu i w lutym",
)
_kind(
    "mlodzi",
    "ngo",
    {"all": "Fundacja „Młodzi Razem” {w}"},
    "Fundacja, która prowadzi zajęcia i tutoring dla młodzieży.",
    (
        Offer(
            "klub-mlodziezowy",
            ("Klub młodzieżowy z tutoringiem",),
            ("parenting", "community", "addiction"),
            ("youth",),
            (
                "Miejsce spotkań dla młodzieży w wieku 13–18 lat: tutorzy pomagają w nauce "
                "i planowaniu przyszłości, są gry, sport i wyjazdy. Zajęcia uczą spędzania "
                "czasu bez alkoholu i ekranu.",
            ),
            kind="activity",
            schedule="pon.–czw. 15:00–19:00",
        ),
    ),
    hours="pon.–czw. 15:00–19:00",
)
_kind(
    "nadzieja",
    "ngo",
    {"all": "Stowarzyszenie Abstynentów „Nadzieja” {w}"},
    "Stowarzyszenie osób wychodzących z uzależnienia i ich rodzin.",
    (
        Offer(
            "klub-abstynenta",
            ("Klub abstynenta i grupy wsparcia",),
            ("addiction",),
            ("addicted", "families"),
            (
                "Spotkania dla osób wychodzących z uzależnienia od alkoholu i dla ich rodzin: "
                "grupy wsparcia, rozmowy z terapeutą, wspólne wyjazdy i imprezy bezalkoholowe.",
            ),
            kind="activity",
            schedule="środy i soboty 17:00–20:00",
        ),
    ),
    hours="środy i soboty 17:00–20:00",
)
_kind(
    "klub-seniora",
    "day_centre",
    {"all": "Klub Senior+ {w}"},
    "Dzienny klub dla osób starszych prowadzony przez gminę.",
    (
        Offer(
            "zajecia-senior-plus",
            ("Zajęcia w Klubie Senior+", "Klub Senior+: spotkania, ruch i warsztaty"),
            ("seniors", "community", "health"),
            ("seniors",),
            (
                "Klub dla seniorów otwarty kilka dni w tygodniu: gimnastyka, zajęcia plastyczne "
                "i muzyczne, wspólne gotowanie, wyjazdy. Dla osób starszych, które chcą być "
                "wśród ludzi i zachować sprawność.",
                "Miejsce, w którym osoby starsze spędzają czas razem: kawa i rozmowa, ćwiczenia "
                "pamięci, warsztaty, spotkania z lekarzem i policjantem. Klub pomaga przełamać "
                "samotność.",
            ),
            access="Zgłoszenie w ośrodku pomocy społecznej lub bezpośrednio w klubie; liczba "
            "miejsc jest ograniczona.",
            kind="activity",
            schedule="pon.–pt. 9:00–14:00",
        ),
    ),
    hours="pon.–pt. 9:00–14:00",
)
_kind(
    "swietlica",
    "day_centre",
    {"all": "Świetlica Środowiskowa {w}"},
    "Placówka wsparcia dziennego dla dzieci i młodzieży.",
    (
        Offer(
            "opieka-po-lekcjach",
            ("Opieka po lekcjach, pomoc w nauce i posiłek",),
            ("parenting", "poverty", "multiple_difficulties"),
            ("children", "families"),
            (
                "Placówka wsparcia dziennego dla dzieci w wieku szkolnym: pomoc w odrabianiu "
                "lekcji, zajęcia rozwijające i sportowe, ciepły posiłek. Wychowawcy "
                "współpracują z rodzicami i szkołą.",
            ),
            schedule="pon.–pt. 12:00–17:00",
        ),
        Offer(
            "polkolonie",
            ("Półkolonie w wakacje i ferie",),
            ("parenting", "community"),
            ("children",),
            (
                "Zajęcia i wycieczki w czasie wakacji i ferii zimowych dla dzieci, które "
                "spędzają ten czas w domu, z programem profilaktycznym.",
            ),
            kind="activity",
            optional=True,
        ),
    ),
    hours="pon.–pt. 12:00–17:00",
)
_kind(
    "zdrowie",
    "health",
    {"all": "Gminny Ośrodek Zdrowia {w}", "urban_rural": "Przychodnia Zdrowia {w}"},
    "Przychodnia podstawowej opieki zdrowotnej w ramach umowy z NFZ.",
    (
        Offer(
            "lekarz-rodzinny",
            ("Lekarz rodzinny i porady pielęgniarskie",),
            ("health",),
            ("residents",),
            (
                "Podstawowa opieka zdrowotna w ramach NFZ: porady lekarza rodzinnego, "
                "szczepienia, bilanse dzieci, badania profilaktyczne. Wizyty domowe u osób, "
                "które nie mogą przyjść do przychodni.",
            ),
            schedule="pon.–pt. 8:00–18:00",
        ),
        Offer(
            "pielegniarka-srodowiskowa",
            ("Pielęgniarka środowiskowa i opieka nad osobami leżącymi",),
            ("health", "seniors", "disability"),
            ("seniors", "disabled", "carers"),
            (
                "Wizyty pielęgniarki w domu: zmiana opatrunków, zastrzyki, pielęgnacja osób "
                "leżących i instruktaż dla opiekunów. Pielęgniarka informuje ośrodek pomocy "
                "społecznej, gdy chory zostaje bez opieki.",
            ),
            optional=True,
        ),
        Offer(
            "rehabilitacja",
            ("Gabinet rehabilitacji",),
            ("health", "disability"),
            ("disabled", "seniors"),
            (
                "Zabiegi fizjoterapeutyczne w ramach NFZ; dla osób starszych po urazach "
                "i udarach także rehabilitacja domowa.",
            ),
            referred_by="lekarz (skierowanie na rehabilitację)",
            optional=True,
        ),
    ),
    hours="pon.–pt. 8:00–18:00",
)
_kind(
    "urzad",
    "local_government",
    {
        "rural": "Urząd Gminy {w}",
        "urban_rural": "Urząd Miasta i Gminy {w}",
        "urban": "Urząd Miasta {w}",
    },
    "Urząd gminy: sprawy mieszkańców, oświata, transport i programy społeczne gminy.",
    (
        Offer(
            "dowoz-uczniow",
            ("Dowóz uczniów z niepełnosprawnościami do szkół",),
            ("disability",),
            ("children", "disabled", "parents"),
            (
                "Gmina zapewnia bezpłatny przewóz dzieci i młodzieży z niepełnosprawnościami do "
                "przedszkoli, szkół i ośrodków rewalidacyjnych, także poza gminą, albo zwraca "
                "rodzicom koszty dojazdu.",
            ),
            optional=True,
        ),
        Offer(
            "karta-duzej-rodziny",
            ("Karta Dużej Rodziny i zniżki gminne",),
            ("poverty", "parenting"),
            ("families",),
            (
                "Wnioski o Ogólnopolską Kartę Dużej Rodziny dla rodzin z co najmniej trojgiem "
                "dzieci i informacja o gminnych zniżkach, na przykład na zajęcia sportowe "
                "i kulturalne.",
            ),
            optional=True,
        ),
        Offer(
            "transport-door-to-door",
            ("Transport „od drzwi do drzwi” dla osób z ograniczoną mobilnością",),
            ("disability", "seniors"),
            ("disabled", "seniors"),
            (
                "Przewóz osób poruszających się na wózku lub o kulach do lekarza, urzędu czy na "
                "zakupy samochodem przystosowanym dla osób z niepełnosprawnościami. Przejazd "
                "trzeba zamówić z wyprzedzeniem.",
            ),
            optional=True,
        ),
    ),
    website=True,
)
# Institutions that only some gminas have.
_kind(
    "sds",
    "day_centre",
    {"all": "Środowiskowy Dom Samopomocy {w}"},
    "Ośrodek wsparcia dziennego dla dorosłych z zaburzeniami psychicznymi "
    "i niepełnosprawnością intelektualną.",
    (
        Offer(
            "zajecia-sds",
            ("Zajęcia dzienne dla osób z zaburzeniami psychicznymi",),
            ("disability", "health"),
            ("disabled",),
            (
                "Dzienne zajęcia terapeutyczne dla dorosłych z niepełnosprawnością intelektualną "
                "lub zaburzeniami psychicznymi: trening umiejętności codziennych, terapia "
                "zajęciowa, wsparcie psychologa, posiłek i dowóz.",
            ),
            referred_by="ośrodek pomocy społecznej (decyzja kierująca)",
        ),
    ),
    hours="pon.–pt. 8:00–16:00",
)
_kind(
    "wtz",
    "workshop",
    {"all": "Warsztat Terapii Zajęciowej {w}"},
    "Warsztat terapii zajęciowej dla dorosłych osób z niepełnosprawnościami.",
    (
        Offer(
            "rehabilitacja-wtz",
            ("Rehabilitacja społeczna i zawodowa w warsztacie terapii zajęciowej",),
            ("disability", "unemployment"),
            ("disabled",),
            (
                "Pracownie gospodarstwa domowego, stolarska, ogrodnicza, komputerowa "
                "i rękodzieła. Uczestnicy uczą się samodzielności i umiejętności przydatnych "
                "w pracy; warsztat zapewnia dowóz.",
            ),
            referred_by="wskazanie w orzeczeniu o niepełnosprawności; decyzję wydaje "
            "powiatowe centrum pomocy rodzinie",
            scope="powiat",
        ),
    ),
    hours="pon.–pt. 7:30–14:30",
)
_kind(
    "jadlodajnia",
    "other",
    {"all": "Jadłodajnia {w}"},
    "Jadłodajnia dla osób w trudnej sytuacji materialnej.",
    (
        Offer(
            "cieply-posilek",
            ("Ciepły posiłek dla potrzebujących",),
            ("poverty", "homelessness", "seniors"),
            ("homeless", "seniors", "residents"),
            (
                "Jadłodajnia wydaje codziennie obiad osobom samotnym, starszym i w trudnej "
                "sytuacji materialnej; część posiłków dowozi do domów osób, które nie mogą "
                "przyjść.",
            ),
            access="Skierowanie z ośrodka pomocy społecznej albo zgłoszenie na miejscu.",
            schedule="pon.–sob. 12:00–14:00",
        ),
    ),
    hours="pon.–sob. 11:00–14:00",
)
_kind(
    "park",
    "other",
    {"all": "Świętokrzyski Park Narodowy"},
    "Park narodowy z ośrodkiem edukacyjnym; partner zespołu kooperacji w gminie Bieliny.",
    (
        Offer(
            "edukacja-przyrodnicza",
            ("Zajęcia edukacyjne w parku narodowym dla szkół i seniorów",),
            ("community", "health"),
            ("children", "seniors"),
            (
                "Lekcje przyrodnicze, spacery z przewodnikiem i warsztaty w ośrodku "
                "edukacyjnym; grupy z placówek wsparcia dziennego i klubów seniora wchodzą "
                "bezpłatnie po wcześniejszym zgłoszeniu.",
            ),
            kind="activity",
            scope="voivodeship",
        ),
    ),
    hours="ośrodek edukacyjny: wt.–niedz. 9:00–16:00",
    website=True,
)

# The powiat level.
_kind(
    "pcpr",
    "pcpr",
    {"all": "Powiatowe Centrum Pomocy Rodzinie {pw}"},
    "Jednostka pomocy społecznej {powiatu}: poradnictwo specjalistyczne, piecza "
    "zastępcza, rehabilitacja społeczna osób z niepełnosprawnościami.",
    PCPR_OFFERS,
    website=True,
    core=("poradnictwo", "pfron"),
    level="powiat",
)
_kind(
    "pup",
    "labour_office",
    {"all": "Powiatowy Urząd Pracy {pw}"},
    "Urząd pracy {powiatu}: rejestracja bezrobotnych, oferty pracy, szkolenia i staże.",
    (
        Offer(
            "posrednictwo-pracy",
            ("Pośrednictwo pracy i oferty pracy",),
            ("unemployment",),
            ("unemployed",),
            (
                "Rejestracja osób bezrobotnych i poszukujących pracy, oferty pracy z powiatu, "
                "ubezpieczenie zdrowotne dla zarejestrowanych, giełdy i targi pracy.",
            ),
            scope="powiat",
        ),
        Offer(
            "staze-szkolenia",
            ("Staże, szkolenia i bony dla bezrobotnych",),
            ("unemployment",),
            ("unemployed", "youth"),
            (
                "Staże u pracodawców, szkolenia zawodowe i bony szkoleniowe, prace interwencyjne "
                "i roboty publiczne; osobne programy dla osób do 30. roku życia, po 50. roku "
                "życia i z niepełnosprawnościami.",
            ),
            scope="powiat",
        ),
        Offer(
            "doradztwo-zawodowe",
            ("Doradztwo zawodowe i Klub Pracy",),
            ("unemployment",),
            ("unemployed", "youth"),
            (
                "Indywidualne rozmowy z doradcą zawodowym, testy predyspozycji, warsztaty "
                "pisania CV i przygotowania do rozmowy kwalifikacyjnej.",
            ),
            kind="activity",
            scope="powiat",
            optional=True,
        ),
        Offer(
            "dotacje",
            ("Dotacja na założenie działalności gospodarczej",),
            ("unemployment",),
            ("unemployed",),
            (
                "Jednorazowe środki na podjęcie działalności gospodarczej dla osób bezrobotnych, "
                "po ocenie biznesplanu i szkoleniu z przedsiębiorczości.",
            ),
            scope="powiat",
            optional=True,
        ),
    ),
    hours="pon.–pt. 7:30–15:30",
    website=True,
    core=("posrednictwo-pracy",),
    level="powiat",
)
_kind(
    "kpp",
    "police",
    {"all": "Komenda Powiatowa Policji {pw}", "city_powiat": "Komenda Miejska Policji {pw}"},
    "Komenda policji {powiatu} z zespołem ds. nieletnich i koordynatorem ds. przeciwdziałania "
    "przemocy w rodzinie.",
    (
        Offer(
            "pomoc-ofiarom-przemocy",
            ("Pomoc osobom doznającym przemocy w rodzinie",),
            ("violence", "crisis"),
            ("violence", "families"),
            (
                "Policja przyjmuje zgłoszenia o przemocy całą dobę (numer alarmowy 112), "
                "zakłada „Niebieską Kartę”, może nakazać sprawcy opuszczenie mieszkania "
                "i zakazać zbliżania się. Koordynator ds. przeciwdziałania przemocy doradza "
                "dzielnicowym i rodzinom.",
            ),
            schedule="całą dobę",
            scope="powiat",
        ),
        Offer(
            "profilaktyka-nieletni",
            ("Profilaktyka wśród dzieci i młodzieży",),
            ("addiction", "violence", "parenting"),
            ("youth", "children", "parents"),
            (
                "Policjanci z zespołu ds. nieletnich prowadzą w szkołach zajęcia "
                "o odpowiedzialności prawnej, dopalaczach, cyberprzemocy i bezpieczeństwie "
                "w sieci; konsultacje dla pedagogów i rodziców.",
            ),
            kind="activity",
            scope="powiat",
        ),
    ),
    hours="całą dobę",
    core=("pomoc-ofiarom-przemocy",),
    level="powiat",
)
_kind(
    "ppp",
    "clinic",
    {"all": "Poradnia Psychologiczno-Pedagogiczna {pw}"},
    "Poradnia psychologiczno-pedagogiczna dla dzieci, młodzieży, rodziców i nauczycieli {powiatu}.",
    (
        Offer(
            "diagnoza",
            ("Diagnoza i orzeczenia o potrzebie kształcenia specjalnego",),
            ("disability", "parenting"),
            ("children", "parents"),
            (
                "Badania psychologiczne, pedagogiczne i logopedyczne dzieci i młodzieży, opinie "
                "dla szkół, orzeczenia o potrzebie kształcenia specjalnego i zajęć "
                "rewalidacyjno-wychowawczych.",
            ),
            access="Wniosek rodzica; termin badania ustala poradnia.",
            scope="powiat",
        ),
        Offer(
            "wczesne-wspomaganie",
            ("Wczesne wspomaganie rozwoju dziecka",),
            ("disability", "parenting"),
            ("children", "parents"),
            (
                "Zajęcia dla małych dzieci z niepełnosprawnościami lub zagrożonych "
                "niepełnosprawnością, od chwili wykrycia trudności do pójścia do szkoły, oraz "
                "wsparcie dla ich rodziców.",
            ),
            referred_by="opinia o potrzebie wczesnego wspomagania wydana przez poradnię",
            scope="powiat",
        ),
        Offer(
            "terapia-uczniow",
            ("Terapia i konsultacje dla uczniów i rodziców",),
            ("parenting", "crisis"),
            ("youth", "children", "parents"),
            (
                "Pomoc dzieciom i młodzieży w kryzysie, z trudnościami w nauce i w relacjach, "
                "terapia rodzinna, warsztaty umiejętności wychowawczych dla rodziców.",
            ),
            scope="powiat",
            optional=True,
        ),
    ),
    hours="pon.–pt. 8:00–17:00",
    level="powiat",
)
_kind(
    "kuratorzy",
    "court",
    {"all": "Zespół Kuratorskiej Służby Sądowej Sądu Rejonowego {pw}"},
    "Kuratorzy rodzinni i kuratorzy dla dorosłych sądu rejonowego.",
    (
        Offer(
            "nadzor-kuratorski",
            ("Nadzór kuratorski i wsparcie rodzin",),
            ("parenting", "multiple_difficulties"),
            ("families", "children"),
            (
                "Kuratorzy rodzinni wspierają rodziny, w których sąd ograniczył władzę "
                "rodzicielską: odwiedzają je w domu, współpracują z asystentem rodziny, szkołą "
                "i ośrodkiem pomocy społecznej.",
            ),
            referred_by="sąd rodzinny (postanowienie)",
            scope="powiat",
        ),
        Offer(
            "informacja-kuratorska",
            ("Informacja dla rodzin o sprawach rodzinnych i leczeniu odwykowym",),
            ("addiction", "parenting", "violence"),
            ("families",),
            (
                "Kuratorzy wyjaśniają, jak złożyć wniosek o wgląd w sytuację dziecka, "
                "o zobowiązanie do leczenia odwykowego czy o ustalenie kontaktów z dzieckiem, "
                "i do kogo zwrócić się po pomoc.",
            ),
            schedule="dyżur kuratorski: środy 8:00–15:00",
            scope="powiat",
            optional=True,
        ),
    ),
    hours="pon. 8:00–18:00, wt.–pt. 8:00–15:00",
    level="powiat",
)
_kind(
    "szpital",
    "health",
    {"all": "Zespół Opieki Zdrowotnej {pw}"},
    "Szpital i poradnie specjalistyczne {powiatu}.",
    (
        Offer(
            "zdrowie-psychiczne",
            ("Poradnia zdrowia psychicznego", "Centrum zdrowia psychicznego: punkt zgłoszeniowy"),
            ("health", "crisis"),
            ("residents", "crisis"),
            (
                "Pomoc psychiatryczna i psychologiczna dla dorosłych bez skierowania: pierwsza "
                "rozmowa w ciągu kilku dni, leczenie ambulatoryjne, zespół leczenia "
                "środowiskowego odwiedzający pacjentów w domu.",
            ),
            scope="powiat",
        ),
        Offer(
            "terapia-uzaleznien",
            ("Poradnia terapii uzależnienia od alkoholu i współuzależnienia",),
            ("addiction", "health"),
            ("addicted", "families"),
            (
                "Terapia indywidualna i grupowa osób uzależnionych od alkoholu, program dla osób "
                "współuzależnionych i dorosłych dzieci alkoholików. Bez skierowania, w ramach "
                "NFZ.",
            ),
            scope="powiat",
        ),
        Offer(
            "hospicjum-domowe",
            ("Hospicjum domowe",),
            ("health", "seniors"),
            ("seniors", "carers"),
            (
                "Opieka lekarza, pielęgniarki i psychologa w domu chorego w zaawansowanej "
                "chorobie; wypożyczalnia sprzętu i wsparcie dla rodziny.",
            ),
            referred_by="lekarz (skierowanie do opieki paliatywnej)",
            scope="powiat",
            optional=True,
        ),
        Offer(
            "zol",
            ("Zakład opiekuńczo-leczniczy",),
            ("seniors", "health"),
            ("seniors",),
            (
                "Całodobowa opieka pielęgniarska i rehabilitacja dla osób przewlekle chorych "
                "i niesamodzielnych po leczeniu szpitalnym; odpłatność za pobyt zależy od "
                "dochodu.",
            ),
            cost="partly",
            referred_by="lekarz (skierowanie z oceną stanu zdrowia)",
            scope="powiat",
            optional=True,
        ),
    ),
    hours="izba przyjęć całą dobę; poradnie pon.–pt. 8:00–18:00",
    website=True,
    level="powiat",
)
_kind(
    "starostwo",
    "local_government",
    {"all": "Starostwo Powiatowe {pw}"},
    "Urząd starosty i zarządu {powiatu}.",
    (
        Offer(
            "pomoc-prawna",
            ("Nieodpłatna pomoc prawna i poradnictwo obywatelskie",),
            ("poverty", "crisis", "violence"),
            ("residents", "seniors", "families"),
            (
                "Porady adwokatów, radców prawnych i doradców obywatelskich w punktach w gminach "
                "{powiatu}, także mediacja. Dla każdego, kogo nie stać na odpłatną pomoc "
                "prawną; osoby, które nie mogą przyjść, umawiają poradę przez telefon.",
            ),
            access="Zapisy telefoniczne; przed poradą składa się pisemne oświadczenie.",
            scope="powiat",
        ),
    ),
    website=True,
    level="powiat",
)
_kind(
    "pzon",
    "local_government",
    {"all": "Powiatowy Zespół do Spraw Orzekania o Niepełnosprawności {pw}"},
    "Zespół orzekający o niepełnosprawności i stopniu niepełnosprawności.",
    (
        Offer(
            "orzeczenia",
            ("Orzeczenia o niepełnosprawności i legitymacje",),
            ("disability",),
            ("disabled", "parents"),
            (
                "Orzeczenia o niepełnosprawności dla dzieci do 16. roku życia i o stopniu "
                "niepełnosprawności dla dorosłych, legitymacje osoby niepełnosprawnej i karty "
                "parkingowe.",
            ),
            access="Wniosek z zaświadczeniem lekarskim; na posiedzenie można przyjść "
            "z opiekunem, tłumacz polskiego języka migowego po wcześniejszym zgłoszeniu.",
            sign_language=True,
            scope="powiat",
        ),
    ),
    level="powiat",
)
_kind(
    "psse",
    "health",
    {"all": "Powiatowa Stacja Sanitarno-Epidemiologiczna {pw}"},
    "Inspekcja sanitarna {powiatu}: nadzór sanitarny, profilaktyka i edukacja zdrowotna.",
    (
        Offer(
            "edukacja-zdrowotna",
            ("Edukacja zdrowotna w szkołach i klubach seniora",),
            ("health", "community"),
            ("children", "seniors"),
            (
                "Programy profilaktyczne o szkodliwości palenia tytoniu i e-papierosów, zdrowym "
                "żywieniu i higienie; pogadanki dla seniorów o szczepieniach i udarach "
                "cieplnych.",
            ),
            kind="activity",
            scope="powiat",
        ),
    ),
    level="powiat",
)
_kind(
    "dps",
    "care_home",
    {"all": "Dom Pomocy Społecznej {pw}"},
    "Powiatowy dom pomocy społecznej dla osób starszych i przewlekle chorych.",
    (
        Offer(
            "pobyt-dps",
            ("Całodobowa opieka w domu pomocy społecznej",),
            ("seniors", "disability", "health"),
            ("seniors", "disabled"),
            (
                "Mieszkanie, całodobowa opieka, rehabilitacja i zajęcia terapeutyczne dla osób "
                "starszych i przewlekle chorych, które nie mogą już mieszkać same. Opłata "
                "wynosi 70% dochodu mieszkańca; resztę dopłaca gmina lub rodzina.",
            ),
            cost="partly",
            referred_by="ośrodek pomocy społecznej właściwy dla miejsca zamieszkania",
            scope="powiat",
        ),
    ),
    hours="całą dobę; odwiedziny codziennie 10:00–19:00",
    level="powiat",
)
_kind(
    "oik",
    "crisis_centre",
    {"all": "Ośrodek Interwencji Kryzysowej {pw}"},
    "Ośrodek interwencji kryzysowej przy powiatowym centrum pomocy rodzinie.",
    (
        Offer(
            "interwencja-kryzysowa",
            ("Interwencja kryzysowa i telefon zaufania",),
            ("crisis", "violence"),
            ("crisis", "violence", "families"),
            (
                "Natychmiastowa pomoc psychologiczna w nagłym kryzysie: po śmierci bliskiej "
                "osoby, wypadku, pożarze, przemocy, próbie samobójczej. Dyżur psychologa "
                "i telefon zaufania.",
            ),
            schedule="całą dobę",
            scope="powiat",
        ),
        Offer(
            "hostel",
            ("Hostel dla osób w kryzysie",),
            ("crisis", "violence", "homelessness"),
            ("violence", "crisis", "homeless"),
            (
                "Kilka miejsc całodobowego schronienia dla osób i rodzin, które musiały opuścić "
                "dom, zwłaszcza z powodu przemocy; pobyt do trzech miesięcy z pomocą psychologa "
                "i prawnika.",
            ),
            access="W nagłej sytuacji bez skierowania; dłuższy pobyt na podstawie decyzji.",
            scope="powiat",
        ),
    ),
    hours="całą dobę",
    level="powiat",
)
_kind(
    "przystan",
    "ngo",
    {"all": "Stowarzyszenie Pomocy Bezdomnym „Przystań” {pw}"},
    "Stowarzyszenie prowadzące noclegownię i ogrzewalnię.",
    (
        Offer(
            "noclegownia",
            ("Noclegownia i ogrzewalnia",),
            ("homelessness", "crisis"),
            ("homeless",),
            (
                "Nocleg, kolacja, możliwość kąpieli i wyprania odzieży dla osób bezdomnych; "
                "zimą ogrzewalnia otwarta całą dobę. Pracownik socjalny pomaga w wyjściu "
                "z bezdomności.",
            ),
            schedule="codziennie 18:00–8:00, zimą całą dobę",
            scope="powiat",
        ),
    ),
    hours="codziennie 18:00–8:00",
    level="powiat",
)
_kind(
    "lgd",
    "ngo",
    {"all": "Lokalna Grupa Działania {powiatu}"},  # each has its own name (NAME_OVERRIDES)
    "Stowarzyszenie gmin, przedsiębiorców i mieszkańców, które wspiera rozwój obszarów wiejskich.",
    (
        Offer(
            "granty",
            ("Granty na inicjatywy mieszkańców",),
            ("community", "unemployment"),
            ("residents", "unemployed"),
            (
                "Małe granty dla kół gospodyń wiejskich, stowarzyszeń i grup nieformalnych na "
                "działania lokalne oraz doradztwo dla osób zakładających działalność "
                "gospodarczą na wsi.",
            ),
            kind="activity",
            scope="powiat",
        ),
    ),
    hours="pon.–pt. 8:00–16:00",
    website=True,
    level="powiat",
)

# Which kinds each place has. Świętokrzyskie is listed in full; the other pilot places
# with their core institutions.
GMINA_FULL = (
    "ops",
    "zi",
    "gkrpa",
    "szkola",
    "przedszkole",
    "biblioteka",
    "kultura",
    "posterunek",
    "parafia",
    "kgw",
    "razem",
    "klub-seniora",
    "swietlica",
    "zdrowie",
    "urzad",
)
GMINA_CORE = ("ops", "szkola", "posterunek")
GMINA_EXTRAS = {
    "2604012": ("sds", "park"),
    "2612013": ("sds", "jadlodajnia"),
    "2604083": ("wtz",),
    "2611032": ("wtz",),
    "2602093": ("sds",),
}
POWIAT_FULL = ("pcpr", "pup", "kpp", "ppp", "kuratorzy", "szpital", "starostwo", "pzon", "psse")
POWIAT_CORE = ("pcpr", "pup", "kpp")
POWIAT_EXTRAS = {
    "2602": ("dps", "lgd"),
    "2604": ("oik",),
    "2607": ("oik", "przystan"),
    "2609": ("dps", "lgd"),
    "2611": ("przystan",),
    "2612": ("dps", "oik", "lgd"),
}
# The parks of the extras list stand in another gmina than the one they serve.
EXTRA_SEATS = {"park": "2604023"}


@dataclass(frozen=True)
class Body:
    """A voivodeship-level institution: a fixed name and seat."""

    key: str
    type: str
    name: str
    seat: str  # TERC of the gmina
    description: str
    offers: tuple
    hours: str = "pon.–pt. 7:30–15:30"


def _v(key, names, areas, targets, description, **kwargs):
    kwargs.setdefault("scope", "voivodeship")
    return Offer(key, names, areas, targets, (description,), **kwargs)


SWIETOKRZYSKIE_BODIES = (
    Body(
        "rops",
        "other",
        "Regionalny Ośrodek Polityki Społecznej w Kielcach",
        "2661011",
        "Jednostka samorządu województwa świętokrzyskiego: koordynuje Model kooperacji, "
        "prowadzi e-Szkołę Kooperacji i wojewódzką listę aktywności i usług.",
        (
            _v(
                "e-szkola",
                ("e-Szkoła Kooperacji: szkolenia dla kadr",),
                ("community", "multiple_difficulties"),
                ("professionals",),
                "Szkolenia stacjonarne i kursy na platformie dla pracowników ośrodków pomocy "
                "społecznej, powiatowych centrów pomocy rodzinie i członków partnerskich "
                "zespołów kooperacji: zasady współpracy, praca z rodziną, dialog motywujący, "
                "budowanie zespołu.",
                kind="activity",
            ),
            _v(
                "doradztwo-pzk",
                ("Doradztwo i superwizja dla partnerskich zespołów kooperacji",),
                ("community", "multiple_difficulties"),
                ("professionals",),
                "Doradcy ROPS wspierają animatorów i zespoły kooperacji: pomagają przygotować "
                "plan pracy, gminno-powiatową listę aktywności i usług oraz projekty socjalne; "
                "superwizja zespołów zadaniowych.",
            ),
            _v(
                "lista-uslug",
                ("Wojewódzka lista aktywności i usług: pomoc dla instytucji",),
                ("community",),
                ("professionals",),
                "ROPS prowadzi wojewódzką listę aktywności i usług: pomaga instytucjom opisać "
                "i aktualizować swoje usługi, a na podstawie luk w liście przygotowuje "
                "rekomendacje dla samorządów.",
            ),
            _v(
                "szkolenia-przemoc",
                (
                    "Szkolenia z przeciwdziałania przemocy w rodzinie dla zespołów "
                    "interdyscyplinarnych",
                ),
                ("violence",),
                ("professionals",),
                "Szkolenia i konsultacje dla członków zespołów interdyscyplinarnych i grup "
                "diagnostyczno-pomocowych: rozmowa z osobą doznającą przemocy, plan pomocy, "
                "współpraca służb.",
                kind="activity",
            ),
        ),
    ),
    Body(
        "marszalek",
        "local_government",
        "Urząd Marszałkowski Województwa Świętokrzyskiego",
        "2661011",
        "Urząd samorządu województwa; członek zarządu odpowiedzialny za sprawy społeczne "
        "zasiada w wojewódzkim zespole kooperacji.",
        (
            _v(
                "inicjatywy-senioralne",
                ("Wsparcie inicjatyw na rzecz seniorów",),
                ("seniors", "community"),
                ("seniors", "professionals"),
                "Otwarte konkursy dla organizacji pozarządowych na działania aktywizujące osoby "
                "starsze, regionalne spotkania seniorów i upowszechnianie ekonomii społecznej.",
                kind="activity",
            ),
        ),
    ),
    Body(
        "wup",
        "labour_office",
        "Wojewódzki Urząd Pracy w Kielcach",
        "2661011",
        "Wojewódzki urząd pracy: polityka rynku pracy w regionie, doradztwo i EURES.",
        (
            _v(
                "kariera",
                ("Centrum Informacji i Planowania Kariery Zawodowej",),
                ("unemployment",),
                ("unemployed", "youth"),
                "Doradztwo zawodowe dla młodzieży i dorosłych, testy zainteresowań zawodowych, "
                "informacja o kierunkach kształcenia i zawodach poszukiwanych w regionie.",
            ),
            _v(
                "eures",
                ("EURES i informacja o pracy dla cudzoziemców",),
                ("unemployment",),
                ("foreigners", "unemployed"),
                "Informacja o legalnej pracy w Polsce dla cudzoziemców i o pracy w krajach Unii "
                "Europejskiej dla mieszkańców regionu; konsultacje po ukraińsku i angielsku.",
                languages="polski, ukraiński, angielski",
            ),
        ),
    ),
    Body(
        "wsse",
        "health",
        "Wojewódzka Stacja Sanitarno-Epidemiologiczna w Kielcach",
        "2661011",
        "Państwowy wojewódzki inspektor sanitarny; członek wojewódzkiego zespołu kooperacji.",
        (
            _v(
                "programy-zdrowotne",
                ("Programy edukacji zdrowotnej dla szkół, przedszkoli i seniorów",),
                ("health",),
                ("children", "seniors", "professionals"),
                "Gotowe programy profilaktyczne z materiałami dla nauczycieli i opiekunów "
                "klubów seniora: zdrowe żywienie, aktywność fizyczna, profilaktyka uzależnień "
                "od nikotyny.",
                kind="activity",
            ),
        ),
    ),
    Body(
        "kuratorium",
        "other",
        "Kuratorium Oświaty w Kielcach",
        "2661011",
        "Organ nadzoru pedagogicznego województwa; członek wojewódzkiego zespołu kooperacji.",
        (
            _v(
                "wsparcie-szkol",
                ("Wsparcie szkół w profilaktyce przemocy i uzależnień",),
                ("violence", "addiction", "parenting"),
                ("professionals", "youth"),
                "Konferencje i narady dla dyrektorów, pedagogów i psychologów szkolnych, "
                "rekomendowane programy profilaktyczne, informacja o pomocy "
                "psychologiczno-pedagogicznej dla uczniów w kryzysie psychicznym.",
            ),
        ),
    ),
    Body(
        "sad-okregowy",
        "court",
        "Sąd Okręgowy w Kielcach",
        "2661011",
        "Sąd okręgowy; członek wojewódzkiego zespołu kooperacji.",
        (
            _v(
                "mediacje",
                ("Mediacje rodzinne: informacja i lista mediatorów",),
                ("parenting", "crisis"),
                ("families", "parents"),
                "Informacja o mediacji w sprawach rodzinnych: rozwód, kontakty z dziećmi, "
                "alimenty. Lista stałych mediatorów prowadzona przez prezesa sądu okręgowego; "
                "osoby zwolnione od kosztów sądowych nie płacą za mediację skierowaną przez "
                "sąd.",
                cost="partly",
            ),
        ),
    ),
    Body(
        "kwp",
        "police",
        "Komenda Wojewódzka Policji w Kielcach",
        "2661011",
        "Komenda wojewódzka policji; członek wojewódzkiego zespołu kooperacji.",
        (
            _v(
                "koordynator-przemoc",
                ("Koordynacja przeciwdziałania przemocy w rodzinie",),
                ("violence",),
                ("professionals", "violence"),
                "Wojewódzki koordynator ds. przeciwdziałania przemocy w rodzinie doradza "
                "dzielnicowym i zespołom interdyscyplinarnym, organizuje szkolenia i omawia "
                "trudne przypadki.",
            ),
        ),
        hours="całą dobę",
    ),
    Body(
        "sow",
        "crisis_centre",
        "Specjalistyczny Ośrodek Wsparcia dla Osób Doznających Przemocy w Rodzinie w Kielcach",
        "2661011",
        "Ośrodek całodobowego wsparcia dla osób doznających przemocy w rodzinie i ich dzieci.",
        (
            _v(
                "schronienie",
                ("Całodobowe schronienie i terapia dla osób doznających przemocy",),
                ("violence", "crisis", "homelessness"),
                ("violence", "children", "crisis"),
                "Bezpieczne miejsce pobytu do trzech miesięcy dla osób doznających przemocy "
                "w rodzinie i ich dzieci, pomoc psychologa, prawnika i pracownika socjalnego, "
                "grupy wsparcia. Adresu ośrodka nie podaje się publicznie.",
                schedule="całą dobę",
            ),
        ),
        hours="całą dobę",
    ),
    Body(
        "wotu",
        "health",
        "Wojewódzki Ośrodek Terapii Uzależnień w Kielcach",
        "2661011",
        "Ośrodek leczenia uzależnień z oddziałem całodobowym i poradnią.",
        (
            _v(
                "terapia-stacjonarna",
                ("Stacjonarna terapia uzależnienia od alkoholu",),
                ("addiction", "health"),
                ("addicted",),
                "Sześciotygodniowy program terapii w oddziale całodobowym, a po nim grupa "
                "podtrzymująca w poradni. Przyjęcie bez skierowania, po konsultacji "
                "kwalifikacyjnej.",
            ),
            _v(
                "uzaleznienia-behawioralne",
                ("Terapia uzależnień behawioralnych: internet, gry, hazard",),
                ("addiction", "parenting"),
                ("youth", "parents", "addicted"),
                "Konsultacje i terapia dla młodzieży i dorosłych, którzy nie potrafią ograniczyć "
                "grania, hazardu lub korzystania z internetu, oraz grupa dla rodziców.",
            ),
        ),
        hours="poradnia pon.–pt. 8:00–20:00; oddział całą dobę",
    ),
    Body(
        "zawsze-ktos",
        "ngo",
        "Fundacja „Zawsze Ktoś”",
        "2661011",
        "Fundacja prowadząca telefon zaufania dla osób starszych i samotnych.",
        (
            _v(
                "telefon-seniorzy",
                ("Telefon zaufania dla osób starszych i samotnych",),
                ("seniors", "crisis"),
                ("seniors",),
                "Bezpłatna linia, pod którą seniorzy mogą porozmawiać z przeszkolonym "
                "wolontariuszem lub psychologiem, gdy czują się samotni, przeżywają żałobę albo "
                "nie wiedzą, gdzie szukać pomocy.",
                schedule="codziennie 10:00–20:00",
            ),
        ),
        hours="codziennie 10:00–20:00",
    ),
    Body(
        "owes",
        "ngo",
        "Ośrodek Wsparcia Ekonomii Społecznej w Kielcach",
        "2661011",
        "Ośrodek wspierający podmioty ekonomii społecznej w województwie.",
        (
            _v(
                "spoldzielnie-socjalne",
                ("Wsparcie w tworzeniu spółdzielni socjalnych i przedsiębiorstw społecznych",),
                ("unemployment", "community"),
                ("unemployed", "disabled", "professionals"),
                "Doradztwo, szkolenia i dotacje na miejsca pracy w spółdzielniach socjalnych "
                "dla osób zagrożonych wykluczeniem społecznym; wsparcie dla gmin, które zlecają "
                "usługi podmiotom ekonomii społecznej.",
            ),
        ),
    ),
    Body(
        "centrum-wolontariatu",
        "ngo",
        "Regionalne Centrum Wolontariatu w Kielcach",
        "2661011",
        "Stowarzyszenie, które łączy wolontariuszy z organizacjami i instytucjami.",
        (
            _v(
                "posrednictwo-wolontariatu",
                ("Pośrednictwo wolontariatu",),
                ("community", "seniors"),
                ("residents", "youth", "professionals"),
                "Centrum łączy chętnych do pomocy z organizacjami, szkołami i ośrodkami pomocy "
                "społecznej, szkoli koordynatorów wolontariatu i wydaje zaświadczenia dla "
                "wolontariuszy.",
                kind="activity",
            ),
        ),
    ),
    Body(
        "wspolny-dach",
        "ngo",
        "Stowarzyszenie „Wspólny Dach”",
        "2661011",
        "Stowarzyszenie prowadzące schronisko dla osób bezdomnych.",
        (
            _v(
                "schronisko",
                ("Schronisko dla osób bezdomnych",),
                ("homelessness", "poverty"),
                ("homeless",),
                "Całodobowe schronisko dla bezdomnych mężczyzn z programem wychodzenia "
                "z bezdomności, a zimą ogrzewalnia i punkt wydawania zupy. Pomoc w uzyskaniu "
                "dowodu osobistego, świadczeń i pracy.",
                referred_by="ośrodek pomocy społecznej (decyzja); w nagłej sytuacji bez "
                "skierowania",
            ),
        ),
        hours="całą dobę",
    ),
    Body(
        "otwarte-drzwi",
        "ngo",
        "Fundacja „Otwarte Drzwi”",
        "2661011",
        "Fundacja pomagająca cudzoziemcom mieszkającym w województwie świętokrzyskim.",
        (
            _v(
                "punkt-cudzoziemcy",
                ("Punkt informacyjny dla cudzoziemców",),
                ("crisis", "community", "poverty"),
                ("foreigners", "families"),
                "Pomoc w sprawach pobytu, pracy, szkoły i świadczeń dla cudzoziemców "
                "mieszkających w województwie, kursy języka polskiego i pomoc w tłumaczeniu "
                "dokumentów w sprawach urzędowych.",
                languages="polski, ukraiński, rosyjski, angielski",
            ),
        ),
        hours="wt. i czw. 12:00–18:00",
    ),
)

# The regional social-policy centres of the other voivodeships of the pilot.
OTHER_ROPS = (
    ("06", "Regionalny Ośrodek Polityki Społecznej w Lublinie", "0663011"),
    ("14", "Mazowieckie Centrum Polityki Społecznej", "1465011"),
    ("18", "Regionalny Ośrodek Polityki Społecznej w Rzeszowie", "1863011"),
    ("20", "Regionalny Ośrodek Polityki Społecznej w Białymstoku", "2061011"),
    ("24", "Regionalny Ośrodek Polityki Społecznej Województwa Śląskiego", "2469011"),
)
OTHER_ROPS_OFFER = _v(
    "szkolenia-kadr",
    ("Szkolenia dla kadr pomocy społecznej i zespołów kooperacji",),
    ("community", "multiple_difficulties"),
    ("professionals",),
    "Szkolenia, konferencje i doradztwo dla pracowników pomocy i integracji społecznej "
    "województwa oraz dla gmin i powiatów, które pracują Modelem kooperacji.",
    kind="activity",
)

SYNONYM_GROUPS = (
    (
        "ośrodek pomocy społecznej",
        "OPS",
        "GOPS",
        "MGOPS",
        "MOPS",
        "MOPR",
        "CUS",
        "centrum usług społecznych",
        "miejski ośrodek pomocy rodzinie",
    ),
    ("PCPR", "powiatowe centrum pomocy rodzinie"),
    ("senior", "seniorzy", "osoba starsza", "osoby starsze"),
    ("OIK", "ośrodek interwencji kryzysowej"),
    ("PUP", "powiatowy urząd pracy", "urząd pracy"),
    ("GKRPA", "gminna komisja rozwiązywania problemów alkoholowych", "komisja alkoholowa"),
    ("ŚDS", "środowiskowy dom samopomocy"),
    ("KGW", "koło gospodyń wiejskich"),
    ("PPP", "poradnia psychologiczno-pedagogiczna"),
    ("WTZ", "warsztaty terapii zajęciowej", "warsztat terapii zajęciowej"),
    ("DPS", "dom pomocy społecznej"),
    ("ROPS", "regionalny ośrodek polityki społecznej"),
    ("ZAZ", "zakład aktywności zawodowej"),
    ("PZK", "partnerski zespół kooperacji"),
    ("WZK", "wojewódzki zespół kooperacji"),
    ("UTW", "uniwersytet trzeciego wieku"),
    ("LGD", "lokalna grupa działania"),
    ("PFRON", "Państwowy Fundusz Rehabilitacji Osób Niepełnosprawnych"),
    ("NGO", "organizacja pozarządowa"),
    ("OWES", "ośrodek wsparcia ekonomii społecznej"),
    ("KIS", "klub integracji społecznej"),
    ("PSSE", "sanepid", "stacja sanitarno-epidemiologiczna"),
    ("przemoc w rodzinie", "przemoc domowa"),
    ("alkoholizm", "uzależnienie od alkoholu"),
    ("ZOL", "zakład opiekuńczo-leczniczy"),
    ("PZON", "zespół do spraw orzekania o niepełnosprawności"),
)

# Partner cooperation teams: kind key of the member institution -> its role in the team.
# The core of a team (seed 002): the social assistance centre, the PCPR, the
# interdisciplinary team and the gmina and powiat authorities.
TEAM_ROLES = (
    ("ops", "koordynator zespołu (trzon)"),
    ("pcpr", "animator powiatowy (trzon)"),
    ("zi", "trzon zespołu"),
    ("urzad", "przedstawiciel władz gminy (trzon)"),
    ("starostwo", "przedstawiciel władz powiatu (trzon)"),
    ("posterunek", "członek zespołu: policja"),
    ("szkola", "członek zespołu: oświata"),
    ("ppp", "członek zespołu: poradnia"),
    ("zdrowie", "członek zespołu: ochrona zdrowia"),
    ("gkrpa", "członek zespołu"),
    ("biblioteka", "członek zespołu: kultura"),
    ("pup", "członek zespołu: rynek pracy"),
    ("kgw", "partner lokalny"),
    ("park", "partner lokalny"),
)
WZK_ROLES = (
    ("rops", "koordynator zespołu"),
    ("marszalek", "członek zarządu województwa odpowiedzialny za sprawy społeczne"),
    ("wup", "członek zespołu"),
    ("wsse", "członek zespołu"),
    ("kuratorium", "członek zespołu"),
    ("sad-okregowy", "członek zespołu"),
    ("kwp", "członek zespołu"),
)
# The agreements between the institutions of each team (step K5 of the pilot, July 2019).
# The days are invented; the tripartite agreements voivodeship–powiat–gmina before them
# were signed on 4 June 2019 (seed 001).
PZK_AGREEMENTS = {
    "2602052": "2019-07-03",
    "2602093": "2019-07-05",
    "2604012": "2019-07-10",
    "2604083": "2019-07-11",
    "2609052": "2019-07-17",
    "2612013": "2019-07-24",
}
WZK_AGREEMENT = "2019-04-18"
