"""The Polish hunspell dictionary for Elasticsearch, folded: Debian's hunspell-pl with every
Polish letter replaced by its plain one (`ośrodek` -> `osrodek`), in words and affix rules.

Why: the analysis chain must find `ośrodkiem` for a query typed `osrodek`. Elasticsearch's
`asciifolding` filter is not in every server (the minimal distribution that CI takes from
Maven Central has only the standard tokenizer and the lowercase, stop, shingle and
hunspell filters), so the text is folded by catalog.polish.fold before it reaches
Elasticsearch and the dictionary that stems it must be folded the same way. A folded word
can have more stems than the original (two words that differ only by a diacritic): a
search then finds a little more, never less.

PostgreSQL's full-text search has the same need (its `unaccent` filter can only run before
the dictionary), so the same folded files serve its ispell template.

Standard library only, so that the CI script can run it before Django is set up:

    python3 -m catalog.search_dictionary /usr/share/hunspell /path/to/es/config/hunspell
    python3 -m catalog.search_dictionary --postgresql /usr/share/hunspell \
        "$(pg_config --sharedir)/tsearch_data"

The first writes DEST/pl_PL_folded/pl_PL_folded.{aff,dic} (UTF-8): each Elasticsearch node
needs that directory in its config/hunspell/. The second writes pl_pl_folded.affix,
pl_pl_folded.dict and kooperacja_pl.stop into PostgreSQL's tsearch_data directory (root
is needed there; the `setup_polish_search` command then makes the configuration). See
README, "Search backends"."""

import argparse
import re
import sys
from pathlib import Path

from catalog.polish import fold

NAME = "pl_PL"
FOLDED_NAME = "pl_PL_folded"
# Lines of the .aff whose text is language data to fold; the others (flags, options,
# counts) are kept as they are. TRY, KEY, REP and MAP only serve spelling suggestions.
_DATA_LINES = ("SFX", "PFX")
_DROPPED_LINES = ("TRY", "KEY", "REP", "MAP")


def _encoding(aff_text_latin1):
    match = re.search(r"^SET\s+(\S+)", aff_text_latin1, re.MULTILINE)
    name = match.group(1) if match else "ISO8859-1"
    return {"ISO8859-2": "iso8859_2", "UTF-8": "utf-8"}.get(name.upper(), name)


def _fold_word(text):
    """Diacritics folded, case kept (proper nouns keep their capital: the filter matches
    them without case, with ignore_case); '0' (nothing), '.' (anything) and the brackets of
    a condition stay. A bracket may now name a letter twice ([aą] -> [aa]): harmless."""
    return "".join(fold(char).upper() if char.isupper() else fold(char) for char in text)


def fold_aff(text):
    lines = []
    for line in text.splitlines():
        fields = line.split()
        if not fields:
            lines.append(line)
            continue
        if fields[0] == "SET":
            lines.append("SET UTF-8")
        elif fields[0] in _DROPPED_LINES:
            continue
        elif fields[0] in _DATA_LINES and len(fields) >= 5:
            # SFX flag strip add condition [morphology]: fold the three text fields.
            kind, flag, strip, add, condition, *rest = fields
            folded = [_fold_word(strip), _fold_word(add), _fold_word(condition)]
            lines.append(" ".join([kind, flag, *folded, *rest]))
        else:
            lines.append(line)
    return "\n".join(lines) + "\n"


def fold_dic(text):
    lines = text.splitlines()
    entries = []
    for line in lines[1:]:
        word, slash, flags = line.partition("/")
        if not word:
            continue
        entries.append(_fold_word(word) + (slash + flags if slash else ""))
    # Two words that differ only by diacritics become one entry per flag set; the count on
    # the first line is a hint for hunspell, written exactly.
    unique = list(dict.fromkeys(entries))
    return f"{len(unique)}\n" + "\n".join(unique) + "\n"


def build(source_dir, dest_dir):
    """Write the folded dictionary under dest_dir/pl_PL_folded; returns its directory."""
    source_dir, dest_dir = Path(source_dir), Path(dest_dir)
    aff_bytes = (source_dir / f"{NAME}.aff").read_bytes()
    encoding = _encoding(aff_bytes.decode("latin-1"))
    aff = aff_bytes.decode(encoding)
    dic = (source_dir / f"{NAME}.dic").read_bytes().decode(encoding)
    target = dest_dir / FOLDED_NAME
    target.mkdir(parents=True, exist_ok=True)
    (target / f"{FOLDED_NAME}.aff").write_text(fold_aff(aff), encoding="utf-8")
    (target / f"{FOLDED_NAME}.dic").write_text(fold_dic(dic), encoding="utf-8")
    return target


PG_DICTIONARY = "pl_pl_folded"
PG_STOP_WORDS = "kooperacja_pl"


def build_postgresql(source_dir, tsearch_dir):
    """Write the folded dictionary and the stop words as PostgreSQL's ispell template
    reads them: tsearch_dir/pl_pl_folded.{affix,dict}, tsearch_dir/kooperacja_pl.stop."""
    from catalog.polish import STOP_WORDS

    source_dir, tsearch_dir = Path(source_dir), Path(tsearch_dir)
    folded = build(source_dir, tsearch_dir / ".kooperacja-build")
    try:
        for suffix, pg_suffix in (("aff", "affix"), ("dic", "dict")):
            text = (folded / f"{FOLDED_NAME}.{suffix}").read_text(encoding="utf-8")
            (tsearch_dir / f"{PG_DICTIONARY}.{pg_suffix}").write_text(text, encoding="utf-8")
        stop = "\n".join(sorted(STOP_WORDS)) + "\n"
        (tsearch_dir / f"{PG_STOP_WORDS}.stop").write_text(stop, encoding="utf-8")
    finally:
        for path in folded.iterdir():
            path.unlink()
        folded.rmdir()
        folded.parent.rmdir()
    return tsearch_dir


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="directory of pl_PL.aff and pl_PL.dic")
    parser.add_argument(
        "dest", help="Elasticsearch's config/hunspell (or, with --postgresql, tsearch_data)"
    )
    parser.add_argument(
        "--postgresql", action="store_true", help="write PostgreSQL's files into dest"
    )
    args = parser.parse_args(argv)
    if args.postgresql:
        build_postgresql(args.source, args.dest)
        print(f"folded Polish dictionary for PostgreSQL written to {args.dest}")
    else:
        target = build(args.source, args.dest)
        print(f"folded Polish dictionary written to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
