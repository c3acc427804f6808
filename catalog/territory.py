"""The TERYT TERC register: reading the official GUS CSV and bringing the territory table
up to date with it. A gmina is rural, urban or urban-rural; the register's other kinds of
row (the town and the rural area inside an urban-rural gmina, Warsaw's districts, the
delegations of large cities) are parts of gminas, not gminas, and are left out."""

import csv
import datetime
import io
from dataclasses import dataclass
from pathlib import Path

SHIPPED_REGISTER = Path(__file__).resolve().parent / "data" / "TERC_Urzedowy_2024-01-01.csv"
REQUIRED_COLUMNS = ["WOJ", "POW", "GMI", "RODZ", "NAZWA", "NAZWA_DOD", "STAN_NA"]
GMINA_KINDS = {"1": "urban", "2": "rural", "3": "urban_rural"}
SKIPPED_GMINA_KINDS = {"4", "5", "8", "9"}


class RegisterError(ValueError):
    """The file is not a TERC register; the message says why, with the line number."""


@dataclass(frozen=True)
class Unit:
    code: str
    level: str
    kind: str
    name: str
    parent_code: str | None
    register_date: datetime.date | None


def _open_text(path_or_file):
    if hasattr(path_or_file, "read"):
        raw = path_or_file.read()
    else:
        raw = Path(path_or_file).read_bytes()
    if isinstance(raw, bytes):
        for encoding in ("utf-8-sig", "cp1250"):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                continue
        raise RegisterError("The file is neither UTF-8 nor Windows-1250 text.")
    return raw


def read_register(path_or_file):
    """The units of a TERC CSV file (`;`-separated, as GUS publishes it), in file order."""
    text = _open_text(path_or_file)
    reader = csv.DictReader(io.StringIO(text), delimiter=";")
    missing = [column for column in REQUIRED_COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        raise RegisterError(f"Missing columns: {', '.join(missing)}.")
    units = []
    for row in reader:
        line = reader.line_num
        woj, pow_, gmi, rodz = (row[c].strip() for c in ("WOJ", "POW", "GMI", "RODZ"))
        name = row["NAZWA"].strip()
        extra = row["NAZWA_DOD"].strip()
        try:
            date = datetime.date.fromisoformat(row["STAN_NA"].strip()) if row["STAN_NA"] else None
        except ValueError as error:
            raise RegisterError(f"Line {line}: bad STAN_NA date {row['STAN_NA']!r}.") from error
        if not name or len(woj) != 2 or not woj.isdigit():
            raise RegisterError(f"Line {line}: expected a two-digit WOJ code and a name.")
        if not pow_:
            units.append(Unit(woj, "voivodeship", "voivodeship", name.lower(), None, date))
        elif not gmi:
            kind = "city_powiat" if "miasto" in extra else "powiat"
            units.append(Unit(woj + pow_, "powiat", kind, name, woj, date))
        elif rodz in GMINA_KINDS:
            units.append(
                Unit(woj + pow_ + gmi + rodz, "gmina", GMINA_KINDS[rodz], name, woj + pow_, date)
            )
        elif rodz not in SKIPPED_GMINA_KINDS:
            raise RegisterError(f"Line {line}: unknown RODZ {rodz!r}.")
    return units


def apply_register(units, territory_model):
    """Creates new units, updates names, kinds and parents of known ones (matched by code)
    and marks units missing from the register inactive. Returns counts of what changed."""
    existing = {t.code: t for t in territory_model.objects.all()}
    counts = {"created": 0, "updated": 0, "deactivated": 0, "unchanged": 0}
    seen = set()
    # Parents come before their children in the register, so one pass is enough.
    for unit in sorted(units, key=lambda u: len(u.code)):
        seen.add(unit.code)
        parent = existing.get(unit.parent_code) if unit.parent_code else None
        fields = {
            "level": unit.level,
            "kind": unit.kind,
            "name": unit.name,
            "parent": parent,
            "register_date": unit.register_date,
            "active": True,
        }
        current = existing.get(unit.code)
        if current is None:
            existing[unit.code] = territory_model.objects.create(code=unit.code, **fields)
            counts["created"] += 1
            continue
        changed = [
            name
            for name, value in fields.items()
            if (getattr(current, name + "_id") if name == "parent" else getattr(current, name))
            != (value.pk if name == "parent" and value else value)
        ]
        if changed:
            for name in changed:
                setattr(current, name, fields[name])
            current.save(update_fields=changed)
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
    for code, territory in existing.items():
        if code not in seen and territory.active:
            territory.active = False
            territory.save(update_fields=["active"])
            counts["deactivated"] += 1
    return counts


def load_shipped_register(territory_model):
    return apply_register(read_register(SHIPPED_REGISTER), territory_model)
