"""catalog.polish: folding, the light stemmer and the synonym machinery, without a database."""

import pytest

from catalog.polish import Synonyms, fold, normalise, stem, words


def test_fold():
    assert fold("Zażółć GĘŚLĄ Jaźń") == "zazolc gesla jazn"
    assert fold("Ośrodek Pomocy Społecznej") == "osrodek pomocy spolecznej"
    assert fold("Café") == "cafe"
    assert fold(None) == ""


def test_words_drop_punctuation_and_stop_words():
    assert words("Pomoc dla osób starszych, w domu (Oksa) – 24h!") == [
        "pomoc",
        "osob",
        "starszych",
        "domu",
        "oksa",
        "24h",
    ]


# Each line: forms that must share one stem.
SAME_STEM = [
    "osoby osób osobie osoba osobom osobami osobach",
    "starsze starszych starszej starsza starszy starszym starszymi starszego starszą",
    "uzależnienia uzależnień uzależnieniem uzależnienie uzależnieniu uzależnieniami",
    "ośrodek osrodek ośrodka ośrodku ośrodkiem ośrodki ośrodków",
    "pomocy pomoc pomocą",
    "seniorów senior seniorzy seniorom seniorami seniora seniorowi seniorze",
    "rodzina rodziny rodzinie rodzin rodzinom rodzinami rodzinach",
    "społecznej społeczna społecznego społeczny",
    "terapia terapii terapię terapie terapią terapiach",
    "rehabilitacja rehabilitacji rehabilitację rehabilitacje",
    "niepełnosprawność niepełnosprawnych niepełnosprawni niepełnosprawności",
    "przemoc przemocy przemocą",
    "dzieci dziećmi dzieciom dziecko dziecka dzieckiem",
    "placówka placówki placówek placówką",
    "bezdomnych bezdomni bezdomność",
    "interwencja interwencji interwencję",
    "wsparcie wsparcia wsparciu wsparciem",
]


@pytest.mark.parametrize("forms", SAME_STEM, ids=[line.split()[0] for line in SAME_STEM])
def test_inflected_forms_share_a_stem(forms):
    stems = {stem(word) for word in words(forms)}
    assert len(stems) == 1, stems
    assert len(stems.pop()) >= 3


@pytest.mark.parametrize(
    "first,second",
    [("osoby", "opieka"), ("dom", "domena"), ("senior", "sen"), ("klub", "klucz")],
)
def test_different_words_keep_different_stems(first, second):
    assert stem(first) != stem(second)


@pytest.mark.parametrize("word", ["ops", "dom", "k1", "26", "2602052", "500plus"])
def test_short_words_and_numbers_are_kept(word):
    assert stem(word) == word


def test_normalise():
    assert normalise("Osoby starsze") == normalise("osób STARSZYCH") == "osob starsz"
    assert normalise("") == ""


@pytest.fixture
def synonyms():
    return Synonyms.from_groups(
        [
            (1, ["GOPS", "OPS", "MOPS", "ośrodek pomocy społecznej"]),
            (2, ["senior", "osoba starsza"]),
            (3, ["ośrodek"]),  # a shorter phrase inside a longer one of another group
        ]
    )


def stems_of(text):
    return normalise(text).split()


def test_indexed_text_gets_the_tokens_of_every_phrase(synonyms):
    tokens = synonyms.expand(stems_of("Gminny Ośrodek Pomocy Społecznej dla osób starszych"))
    assert tokens == ["syn1", "syn3", "syn2"]
    assert synonyms.expand(stems_of("klub seniorów")) == ["syn2"]
    assert synonyms.expand(stems_of("pomoc społeczna")) == []


def test_a_query_phrase_becomes_its_group_token(synonyms):
    assert synonyms.query_terms(stems_of("MOPS Kielce")) == [("syn1",), ("kielc",)]
    assert synonyms.query_terms(stems_of("ośrodka pomocy społecznej")) == [("syn1",)]
    # the longest phrase wins where phrases overlap
    assert synonyms.query_terms(stems_of("ośrodek")) == [("syn3",)]
    assert synonyms.query_terms(stems_of("osoby starsze i seniorzy")) == [("syn2",)]
    assert synonyms.query_terms(stems_of("pomoc")) == [("pomoc",)]


def test_a_phrase_in_two_groups_matches_either():
    synonyms = Synonyms.from_groups([(1, ["DPS", "dom opieki"]), (2, ["DPS", "dom pomocy"])])
    assert synonyms.query_terms(["dps"]) == [("syn1", "syn2")]
