"""Possible duplicates of an institution or a service, found when one is created (in the
admin, or by an importer calling `find_duplicates`). Nothing is blocked: the editor is
told which existing entries look the same and why.

An institution matches another with the same REGON, NIP or KRS anywhere, or with a
similar name in the same gmina (the same locality when no gmina is set). A service
matches another with a similar name in the same institution or delivered in the same
gmina. Names are compared after folding case, diacritics and punctuation, so "Gminny
Ośrodek Pomocy Społecznej w Oksie" and "GMINNY OSRODEK POMOCY SPOLECZNEJ W OKSIE" match,
and an acronym matches the name it stands for (GOPS)."""

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

REASONS = {
    "regon": _("same REGON"),
    "nip": _("same NIP"),
    "krs": _("same KRS"),
    "name_gmina": _("similar name in the same gmina"),
    "name_locality": _("similar name in the same locality"),
    "name_institution": _("similar name in the same institution"),
}
# Words that say nothing about which institution it is.
STOPWORDS = {"w", "we", "i", "z", "ze", "na", "dla", "do", "im", "imienia", "nr", "oraz", "przy"}
SIMILARITY = 0.88

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def normalise(text):
    """Lower case, no diacritics (ł too, which Unicode does not decompose), punctuation
    and quotes turned into spaces, single spaces."""
    text = (text or "").lower().replace("ł", "l")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(_NOT_WORD.sub(" ", text).split())


def _words(name):
    return [word for word in normalise(name).split() if word not in STOPWORDS]


def _stands_for(acronym, words):
    """GOPS stands for "gminny osrodek pomocy spolecznej ..." (the place may follow)."""
    if not 2 <= len(acronym) <= 6 or len(words) < len(acronym):
        return False
    return acronym == "".join(word[0] for word in words[: len(acronym)])


def similar_names(first, second):
    a, b = _words(first), _words(second)
    if not a or not b:
        return False
    # "Szkoła Podstawowa nr 1" and "nr 2" are different schools, however alike.
    if {w for w in a if w.isdigit()} != {w for w in b if w.isdigit()}:
        return False
    if a == b:
        return True
    for short, long in ((a, b), (b, a)):
        if len(short) == 1 and _stands_for(short[0], long):
            return True
    if min(len(a), len(b)) >= 2 and (set(a) <= set(b) or set(b) <= set(a)):
        return True
    return SequenceMatcher(None, " ".join(a), " ".join(b)).ratio() >= SIMILARITY


@dataclass
class Duplicate:
    entry: object
    reasons: list = field(default_factory=list)

    @property
    def reason_labels(self):
        return [str(REASONS[reason]) for reason in self.reasons]


def _collect(found, entry, reason):
    duplicate = found.setdefault(entry.pk, Duplicate(entry))
    if reason not in duplicate.reasons:
        duplicate.reasons.append(reason)


def _institution_duplicates(institution, candidates):
    found = {}
    identifiers = {
        name: getattr(institution, name)
        for name in ("regon", "nip", "krs")
        if getattr(institution, name)
    }
    if identifiers:
        condition = Q()
        for name, value in identifiers.items():
            condition |= Q(**{name: value})
        for other in candidates.filter(condition):
            for name, value in identifiers.items():
                if getattr(other, name) == value:
                    _collect(found, other, name)
    if institution.gmina_id:
        nearby, reason = candidates.filter(gmina_id=institution.gmina_id), "name_gmina"
    elif institution.locality:
        nearby = candidates.filter(locality__iexact=institution.locality.strip())
        reason = "name_locality"
    else:
        nearby, reason = candidates.filter(name__iexact=institution.name.strip()), "name_gmina"
    for other in nearby.only("pk", "name"):
        if similar_names(institution.name, other.name):
            _collect(found, other, reason)
    return list(found.values())


def _service_duplicates(service, candidates):
    found = {}
    gmina_id = service.gmina_id or (
        service.institution.gmina_id if service.institution_id else None
    )
    condition = Q()
    if service.institution_id:
        condition |= Q(institution_id=service.institution_id)
    if gmina_id:
        condition |= Q(gmina_id=gmina_id) | Q(gmina__isnull=True, institution__gmina_id=gmina_id)
    if not condition:
        return []
    nearby = candidates.filter(condition).only("pk", "name", "institution_id")
    for other in nearby:
        if similar_names(service.name, other.name):
            same_institution = other.institution_id == service.institution_id
            _collect(found, other, "name_institution" if same_institution else "name_gmina")
    return list(found.values())


def find_duplicates(entry, candidates=None, limit=5):
    """Existing entries that may be the same as `entry` (an Institution or a Service,
    saved or not), each with its reasons; at most `limit`, identifier matches first.
    `candidates` narrows the search (e.g. to what the user may see)."""
    from catalog.models import Institution, Service

    model = type(entry)
    if candidates is None:
        candidates = model._default_manager.all()
    if entry.pk:
        candidates = candidates.exclude(pk=entry.pk)
    if isinstance(entry, Institution):
        found = _institution_duplicates(entry, candidates)
    elif isinstance(entry, Service):
        found = _service_duplicates(entry, candidates)
    else:
        raise TypeError(f"No duplicate rules for {model.__name__}")
    found.sort(key=lambda d: (not any(r in ("regon", "nip", "krs") for r in d.reasons), d.entry.pk))
    return found[:limit]
