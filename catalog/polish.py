"""Polish-aware text normalisation for the catalog search, independent of any search backend.

Every backend (SQLite, PostgreSQL, Elasticsearch) is given the same normalised words, so a
query finds the same services everywhere: diacritics are folded (`ośrodek` = `osrodek`),
inflectional endings are cut by a light stemmer (`osób starszych` = `osoby starsze`) and
phrases of a synonym group become one group token (`GOPS` = `ośrodek pomocy społecznej`).

The stemmer is deliberately small: it strips the common noun and adjective endings and
evens out a few stem alternations. It does not know the dictionary, so it errs on the side
of joining forms; a full morphological analyser is not worth a dependency for the size
and vocabulary of a list of services."""

import re
import unicodedata
from dataclasses import dataclass, field

# ł has no Unicode decomposition; the others would fold through NFKD anyway, but being
# explicit keeps the Polish letters independent of the normalisation tables.
_FOLD = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")
_WORD = re.compile(r"[a-z0-9]+")

MIN_STEM = 3

# Folded inflectional endings of nouns and adjectives, the longest tried first.
_ENDINGS = sorted(
    {
        # adjectives
        "ego", "emu", "ych", "ymi", "ym", "ich", "imi", "im", "ej", "iej", "y", "i",
        "a", "e", "o", "u",
        # nouns
        "ami", "ach", "om", "ow", "owi", "owie", "em", "ie", "ia", "iu", "iem", "iom",
        "iami", "iach", "ii", "ja", "ji", "je", "jom", "jami", "jach", "mi",
    },
    key=len,
    reverse=True,
)  # fmt: skip

# Words that carry no meaning in a query; a query is an AND of its words, so "pomoc dla
# seniorów" must not need "dla" in the text. Polish and the few English ones that the
# English interface's visitors type.
STOP_WORDS = frozenset(
    """
    a aby albo ale az bez by byc byl co czy dla do gdy gdzie i ich im jak jako jest
    jej jego juz ktora ktore ktory ktorych lub ma mi na nad nas nie o od oraz po pod
    przez przy sa sie ta tak te tej ten to tu tych u w we z za ze
    an and at by for from in into of on or the to with
    """.split()
)


def fold(text):
    """Lower case without diacritics: `Ośrodek Pomocy Społecznej` -> `osrodek pomocy
    spolecznej`. Other accented letters lose their accents too."""
    text = (text or "").translate(_FOLD).lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text):
    """The folded words (letters and digits) of a text, stop words left out."""
    return [word for word in _WORD.findall(fold(text)) if word not in STOP_WORDS]


def stem(word):
    """A light stem of a folded word: the longest ending that leaves at least MIN_STEM
    letters is cut, then a few alternations are evened out (`ośrodek`/`ośrodka` ->
    `osrodk`, `seniorzy` -> `senior`). Numbers and short words are kept as they are."""
    if len(word) <= MIN_STEM or not word.isalpha():
        return word
    if word.endswith(("rzy", "rze")) and len(word) - 2 >= MIN_STEM:
        # seniorzy, o seniorze: the r of the stem softened before the ending
        return word[:-2]
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            word = word[: -len(ending)]
            break
    if word.endswith("osc") and len(word) >= MIN_STEM + 5:
        # niepełnosprawność / niepełnosprawnych, samotność / samotnych: one stem
        word = word[:-3]
    if word.endswith("ek") and len(word) > MIN_STEM + 1:
        # the mobile e: ośrodek / ośrodka, placówek / placówka
        word = word[:-2] + "k"
    if word.endswith("ck") and len(word) > MIN_STEM + 1:
        # dziecko / dzieci
        word = word[:-1]
    return word


def stems(text):
    return [stem(word) for word in words(text)]


def sort_key(text):
    """A name as the catalog sorts it on every backend: Polish letters folded, lower case
    (the database computes the same with REPLACE and LOWER, compared byte by byte)."""
    return (text or "").translate(_FOLD).lower()


def normalise(text):
    """The stems of a text, space-separated: `Osoby starsze` -> `osob starsz`."""
    return " ".join(stems(text))


@dataclass
class Synonyms:
    """Synonym groups as stem sequences. In indexed text every phrase of a group adds
    the group's token; in a query a phrase of a group is replaced by that token, so a
    query for any term finds the text that has any other term of the group."""

    # first stem -> [(phrase as a tuple of stems, group token)], longest phrase first
    phrases: dict = field(default_factory=dict)
    # group token -> the group's terms as typed in the admin (for search engines that
    # analyse text themselves and are given the terms rather than our stems)
    terms: dict = field(default_factory=dict)

    @classmethod
    def from_groups(cls, groups):
        """`groups`: (group id, [term, ...]) pairs."""
        phrases = {}
        group_terms = {}
        for group_id, terms in groups:
            token = group_token(group_id)
            group_terms[token] = list(terms)
            for term in terms:
                phrase = tuple(stems(term))
                if phrase and (phrase, token) not in phrases.get(phrase[0], []):
                    phrases.setdefault(phrase[0], []).append((phrase, token))
        for candidates in phrases.values():
            candidates.sort(key=lambda item: (-len(item[0]), item[1]))
        return cls(phrases, group_terms)

    def _matches(self, sequence, position):
        for phrase, token in self.phrases.get(sequence[position], ()):
            if tuple(sequence[position : position + len(phrase)]) == phrase:
                yield phrase, token

    def expand(self, sequence):
        """The group tokens of every phrase found in `sequence` (stems of indexed text)."""
        found = []
        for position in range(len(sequence)):
            for _phrase, token in self._matches(sequence, position):
                if token not in found:
                    found.append(token)
        return found

    def query_spans(self, sequence):
        """A query's stems as (start, length, tokens, group): the words sequence[start:start
        + length] stand for a tuple of tokens of which a service must have one. A phrase of
        a group (the longest at each place) becomes the group's token (group=True); a
        phrase found in several groups matches any of them; any other word is its own
        token."""
        spans = []
        position = 0
        while position < len(sequence):
            matches = list(self._matches(sequence, position))
            if matches:
                longest = len(matches[0][0])
                tokens = {token for phrase, token in matches if len(phrase) == longest}
                spans.append((position, longest, tuple(sorted(tokens)), True))
                position += longest
            else:
                spans.append((position, 1, (sequence[position],), False))
                position += 1
        return spans

    def query_terms(self, sequence):
        """The alternatives of query_spans, each once."""
        unique = []
        for _start, _length, term, _group in self.query_spans(sequence):
            if term not in unique:
                unique.append(term)
        return unique


def group_token(group_id):
    return f"syn{group_id}"


_cache = {"version": None, "synonyms": None, "loaded": 0.0}
SYNONYMS_VERSION_KEY = "catalog:synonyms:version"
# Without a shared cache (each process has its own), another process's change is noticed
# after this many seconds at the latest.
SYNONYMS_MAX_AGE = 60


def synonyms():
    """The synonym groups of the admin, read once per process and again after any change
    (signalled through the cache: with Redis every worker process notices at once)."""
    import time
    import uuid

    from django.core.cache import cache

    version = cache.get(SYNONYMS_VERSION_KEY)
    if version is None:
        cache.add(SYNONYMS_VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(SYNONYMS_VERSION_KEY)
    now = time.monotonic()
    if (
        _cache["synonyms"] is None
        or _cache["version"] != version
        or now - _cache["loaded"] > SYNONYMS_MAX_AGE
    ):
        from catalog.models import SynonymGroup

        groups = [(group.pk, group.term_list()) for group in SynonymGroup.objects.all()]
        _cache["synonyms"] = Synonyms.from_groups(groups)
        _cache["version"] = version
        _cache["loaded"] = now
    return _cache["synonyms"]


def forget_synonyms():
    """Make every process read the synonym groups again."""
    import uuid

    from django.core.cache import cache

    cache.set(SYNONYMS_VERSION_KEY, uuid.uuid4().hex, None)
    _cache["version"] = None
    _cache["synonyms"] = None
