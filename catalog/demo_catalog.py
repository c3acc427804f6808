"""The demo catalog: institutions and services of the pilot gminas, the synonym list and
the cooperation teams of Świętokrzyskie.

`plan()` turns the pilot list (catalog/data/pilot_gminas.csv) and the templates of
catalog.demo_data into plain records, without touching the database; `build_catalog()`
writes what is missing. Świętokrzyskie, the leader of the pilot, is listed in full (every
kind of local institution, the powiat bodies, the voivodeship bodies); the other pilot
gminas with their core institutions. Rows are keyed by `external_id` (`demo-…`) and
written in bulk, so a second run finds everything and writes nothing. Demo rows are live
without a revision: nobody edited them."""

import csv
import datetime
import re
import unicodedata
import zlib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from catalog import demo_data as data

PILOT_CSV = Path(__file__).resolve().parent / "data" / "pilot_gminas.csv"
FULL_VOIVODESHIP = "26"  # Świętokrzyskie
# About one entry in five is overdue: last verified up to this many days ago, against the
# default review interval of a year.
VERIFIED_SPREAD_DAYS = 450


@dataclass
class ServicePlan:
    external_id: str
    name: str
    kind: str
    areas: list
    target_groups: list
    description: str
    access: str
    referral_required: bool
    referred_by: str
    cost: str
    languages: str
    step_free: bool
    sign_language: bool
    schedule: str
    coverage: list  # TERC codes; empty: the gmina of the institution
    verified_days_ago: int


@dataclass
class InstitutionPlan:
    external_id: str
    kind: str  # key of the template (demo_data.KINDS) or of the voivodeship body
    name: str
    type: str
    description: str
    gmina: str  # TERC of the gmina where it stands
    address: str
    postal_code: str
    locality: str
    latitude: Decimal | None
    longitude: Decimal | None
    phone: str
    email: str
    website: str
    opening_hours: str
    verified_days_ago: int
    services: list = field(default_factory=list)


@dataclass(frozen=True)
class Unit:
    """What planning needs to know of a territorial unit."""

    code: str
    kind: str  # Territory.kind
    name: str


def read_pilot(path=PILOT_CSV):
    """(TERC code, voivodeship code) of each pilot gmina in file order. Where the seed's
    name fits two gminas (Radzanów), the first code listed is taken."""
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    return [row["terc_2024"].split("|")[0].strip() for row in rows]


def needed_codes(pilot):
    """Every TERC code the plan may refer to, for one query of the territory table."""
    codes = set(pilot) | set(data.TOWNS) | set(data.POWIAT_SEATS.values())
    codes |= set(data.EXTRA_SEATS.values())
    for code in list(codes):
        codes |= {code[:2], code[:4]}
    return codes


def _crc(text):
    return zlib.crc32(text.encode("utf-8"))


def slug(text):
    folded = text.lower().translate(str.maketrans("ąćęłńóśźż", "acelnoszz"))
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def powiat_genitive(unit, town):
    if unit.kind == "city_powiat":
        return f"miasta {town.gen if town and town.gen else unit.name}"
    return f"powiatu {unit.name[:-1]}iego" if unit.name.endswith("i") else f"powiatu {unit.name}"


def powiat_locative(unit):
    """For a powiat whose seat the table does not know: "w powiecie kolbuszowskim"."""
    if unit.kind == "city_powiat":
        return f"w mieście {unit.name}"
    return f"w powiecie {unit.name}m" if unit.name.endswith("i") else f"w powiecie {unit.name}"


def gmina_genitive(unit, town):
    if unit.kind == "urban":
        return f"miasta {town.gen if town and town.gen else unit.name}"
    if unit.kind == "urban_rural":
        return f"miasta i gminy {unit.name}"
    return f"gminy {unit.name}"


def _town(code, unit):
    """The forms of a place's name; a gmina the table does not know (a newer pilot list,
    the benchmark's whole register) gets forms that need no declension of the name."""
    town = data.TOWNS.get(code)
    if town is None:
        where = "w mieście" if unit.kind == "urban" else "w gminie"
        town = data.Town(unit.name, f"{where} {unit.name}", "", "", None, None)
    return town


def _contact(external_id, kind_key, town, voivodeship, website):
    crc = _crc(external_id)
    area = data.PHONE_AREAS.get(voivodeship, "22")
    place = slug(town.name)
    return {
        "phone": f"+48 {area} 000 {crc % 100:02d} {crc // 100 % 100:02d}",
        "email": f"{kind_key}.{place}@{data.EMAIL_DOMAIN}",
        "website": f"https://{kind_key}-{place}.{data.EMAIL_DOMAIN}/" if website else "",
        "address": f"{data.STREETS[crc % len(data.STREETS)]} {crc // 16 % 40 + 1}",
    }


def _position(external_id, town):
    """Near the centre of the place, a few hundred metres apart for each institution."""
    if town.lat is None:
        return None, None
    crc = _crc(external_id)
    lat = town.lat + ((crc % 1000) / 1000 - 0.5) * 0.012
    lon = town.lon + ((crc // 1000 % 1000) / 1000 - 0.5) * 0.018
    return Decimal(f"{lat:.6f}"), Decimal(f"{lon:.6f}")


def _service(inst_id, offer, place, ctx, served_powiat):
    external_id = f"{inst_id}-{offer.key}"
    crc = _crc(external_id)
    coverage = {
        "place": [],
        "powiat": [served_powiat],
        "voivodeship": [place[:2]],
    }[offer.scope]
    return ServicePlan(
        external_id=external_id,
        name=offer.names[crc // 7 % len(offer.names)].format_map(ctx),
        kind=offer.kind,
        areas=list(offer.areas),
        target_groups=list(offer.targets),
        description=offer.descriptions[crc % len(offer.descriptions)].format_map(ctx),
        access=offer.access.format_map(ctx),
        referral_required=bool(offer.referred_by),
        referred_by=offer.referred_by,
        cost=offer.cost,
        languages=offer.languages,
        step_free=offer.step_free,
        sign_language=offer.sign_language,
        schedule=offer.schedule,
        coverage=coverage,
        verified_days_ago=crc % VERIFIED_SPREAD_DAYS,
    )


def _offers(kind, external_id, core, gmina_kind):
    chosen = []
    for offer in kind.offers:
        if offer.where == "urban" and gmina_kind != "urban":
            continue
        if offer.where == "rural" and gmina_kind == "urban":
            continue
        if core and kind.core and offer.key not in kind.core and offer.where == "all":
            continue
        if offer.optional and _crc(f"{external_id}-{offer.key}") % 2 == 0:
            continue
        chosen.append(offer)
    return chosen


def _institution(kind, key, place, units, core, extra_offers=()):
    """One institution of a template kind. `key` is the gmina (or powiat) code it
    belongs to; `place` the gmina code where it stands."""
    level_unit = units[key]
    powiat_code = key[:4]
    powiat = units[powiat_code]
    seat = data.POWIAT_SEATS.get(powiat_code, place)
    town = _town(place, units[place])
    gmina_unit = units[key] if kind.level == "gmina" else units[place]
    gmina_town = _town(key, gmina_unit) if kind.level == "gmina" else town
    seat_town = _town(seat, units.get(seat, units[place]))
    ctx = {
        "w": gmina_town.loc,
        "gen": gmina_town.gen or gmina_genitive(gmina_unit, gmina_town),
        "gminy": gmina_genitive(gmina_unit, gmina_town),
        "pw": seat_town.loc if seat in data.TOWNS else powiat_locative(powiat),
        "powiatu": powiat_genitive(powiat, seat_town),
    }
    external_id = f"demo-{kind.key}-{key}"
    pattern = data.NAME_OVERRIDES.get((kind.key, key))
    if pattern is None:
        name_kind = level_unit.kind if kind.level == "powiat" else gmina_unit.kind
        pattern = kind.name_for(name_kind)
    description = kind.description.format_map(ctx)
    if kind.key == "ops" and powiat.kind == "city_powiat":
        description += (
            " W mieście na prawach powiatu ośrodek wykonuje także zadania powiatowego "
            "centrum pomocy rodzinie."
        )
    contact = _contact(external_id, kind.key, town, place[:2], kind.website)
    latitude, longitude = _position(external_id, town)
    plan = InstitutionPlan(
        external_id=external_id,
        kind=kind.key,
        name=pattern.format_map(ctx),
        type=kind.type,
        description=f"{description} {data.DEMO_NOTE}",
        gmina=place,
        postal_code=town.postal,
        locality=town.name,
        latitude=latitude,
        longitude=longitude,
        opening_hours=kind.hours,
        verified_days_ago=_crc(external_id) % VERIFIED_SPREAD_DAYS,
        **contact,
    )
    for offer in _offers(kind, external_id, core, units[place].kind) + list(extra_offers):
        plan.services.append(_service(external_id, offer, place, ctx, powiat_code))
    return plan


def _body(body, units, voivodeship):
    town = _town(body.seat, units[body.seat])
    external_id = f"demo-{body.key}-{voivodeship}"
    latitude, longitude = _position(external_id, town)
    plan = InstitutionPlan(
        external_id=external_id,
        kind=body.key,
        name=body.name,
        type=body.type,
        description=f"{body.description} {data.DEMO_NOTE}",
        gmina=body.seat,
        postal_code=town.postal,
        locality=town.name,
        latitude=latitude,
        longitude=longitude,
        opening_hours=body.hours,
        verified_days_ago=_crc(external_id) % VERIFIED_SPREAD_DAYS,
        **_contact(external_id, body.key, town, voivodeship, True),
    )
    for offer in body.offers:
        plan.services.append(_service(external_id, offer, body.seat, {}, body.seat[:4]))
    return plan


def plan(units, pilot):
    """The demo institutions with their services, in a stable order. `units` maps TERC
    codes to Units (at least those of `needed_codes(pilot)` that exist)."""
    plans = []
    powiats = []
    full_index = 0
    for code in pilot:
        if code not in units:
            continue
        full = code[:2] == FULL_VOIVODESHIP
        powiat = units[code[:4]]
        if full:
            kinds = list(data.GMINA_FULL) + [data.NGO_POOL[full_index % len(data.NGO_POOL)]]
            kinds += data.GMINA_EXTRAS.get(code, ())
            full_index += 1
        else:
            kinds = list(data.GMINA_CORE)
            if data.POWIAT_SEATS.get(powiat.code, code) == code:
                kinds.remove("posterunek")  # the powiat's police headquarters is there
        for key in kinds:
            kind = data.KINDS[key]
            place = data.EXTRA_SEATS.get(key, code)
            # A city with powiat rights has no PCPR: its own centre does that work.
            extra = ()
            if key == "ops" and powiat.kind == "city_powiat":
                pcpr = data.KINDS["pcpr"]
                extra = [offer for offer in pcpr.offers if offer.key in pcpr.core]
            plans.append(_institution(kind, code, place, units, not full, extra))
        if powiat.code not in powiats:
            powiats.append(powiat.code)
    for powiat_code in powiats:
        full = powiat_code[:2] == FULL_VOIVODESHIP
        powiat = units[powiat_code]
        kinds = list(data.POWIAT_FULL if full else data.POWIAT_CORE)
        kinds += data.POWIAT_EXTRAS.get(powiat_code, ())
        if powiat.kind == "city_powiat":
            kinds.remove("pcpr")
        seat = data.POWIAT_SEATS.get(powiat_code)
        if seat is None or seat not in units:
            continue
        for key in kinds:
            plans.append(_institution(data.KINDS[key], powiat_code, seat, units, not full))
    if FULL_VOIVODESHIP in units:
        plans += [_body(body, units, FULL_VOIVODESHIP) for body in data.SWIETOKRZYSKIE_BODIES]
    for voivodeship, name, seat in data.OTHER_ROPS:
        if seat in units:
            body = data.Body(
                "rops", "other", name, seat, _other_rops_text(), (data.OTHER_ROPS_OFFER,)
            )
            plans.append(_body(body, units, voivodeship))
    return plans


def _other_rops_text():
    return (
        "Regionalny ośrodek polityki społecznej: koordynuje Model kooperacji w województwie "
        "i prowadzi wojewódzką listę aktywności i usług."
    )


# --- writing ---------------------------------------------------------------------------


def _units():
    from catalog.models import Territory

    pilot = read_pilot()
    rows = Territory.objects.filter(code__in=needed_codes(pilot)).values_list(
        "code", "id", "kind", "name"
    )
    units, ids = {}, {}
    for code, pk, kind, name in rows:
        units[code] = Unit(code, kind, name)
        ids[code] = pk
    return pilot, units, ids


def ensure_synonyms(report):
    """The synonym groups the demo searches rely on. A group counts as present when some
    group already has its first term. Written in bulk: saving one by one would reindex
    every service after each group."""
    from catalog import polish
    from catalog.models import SynonymGroup

    present = set()
    for group in SynonymGroup.objects.all():
        present |= {term.lower() for term in group.term_list()}
    missing = [
        SynonymGroup(terms="\n".join(terms), note="Grupa z danych przykładowych portalu.")
        for terms in data.SYNONYM_GROUPS
        if terms[0].lower() not in present
    ]
    if missing:
        SynonymGroup.objects.bulk_create(missing)
        polish.forget_synonyms()
        report.add(f"synonym groups ({len(missing)})")
    return bool(missing)


def _verified(days_ago, today):
    return today - datetime.timedelta(days=days_ago)


def service_fields(s, today, now):
    """The fields of a live demo service made from its plan (also used by the benchmark's
    data generator, which copies the demo plan across the country)."""
    return {
        "name": s.name,
        "kind": s.kind,
        "areas": s.areas,
        "target_groups": s.target_groups,
        "description": s.description,
        "access": s.access,
        "referral_required": s.referral_required,
        "referred_by": s.referred_by,
        "cost": s.cost,
        "languages": s.languages,
        "step_free": s.step_free,
        "sign_language": s.sign_language,
        "schedule": s.schedule,
        "last_verified": _verified(s.verified_days_ago, today),
        "is_demo": True,
        "live": True,
        "first_published_at": now,
        "last_published_at": now,
    }


def ensure_records(plans, territory_ids, report):
    """Institutions and services of the plan that are not there yet; returns the ids of
    the services created."""
    from catalog.models import Institution, Service

    today = timezone.localdate()
    now = timezone.now()
    wanted = [p.external_id for p in plans]
    existing = dict(
        Institution.objects.filter(external_id__in=wanted).values_list("external_id", "id")
    )
    new_institutions = [
        Institution(
            external_id=p.external_id,
            name=p.name,
            type=p.type,
            description=p.description,
            gmina_id=territory_ids[p.gmina],
            address=p.address,
            postal_code=p.postal_code,
            locality=p.locality,
            latitude=p.latitude,
            longitude=p.longitude,
            phone=p.phone,
            email=p.email,
            website=p.website,
            opening_hours=p.opening_hours,
            last_verified=_verified(p.verified_days_ago, today),
            is_demo=True,
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        for p in plans
        if p.external_id not in existing
    ]
    if new_institutions:
        Institution.objects.bulk_create(new_institutions, batch_size=500)
        existing = dict(
            Institution.objects.filter(external_id__in=wanted).values_list("external_id", "id")
        )
        report.add(f"demo institutions ({len(new_institutions)})")

    service_plans = [(p, s) for p in plans for s in p.services]
    known = set(
        Service.objects.filter(
            external_id__in=[s.external_id for _p, s in service_plans]
        ).values_list("external_id", flat=True)
    )
    fresh = [(p, s) for p, s in service_plans if s.external_id not in known]
    if not fresh:
        return []
    Service.objects.bulk_create(
        [
            Service(
                external_id=s.external_id,
                institution_id=existing[p.external_id],
                **service_fields(s, today, now),
            )
            for p, s in fresh
        ],
        batch_size=500,
    )
    created = dict(
        Service.objects.filter(external_id__in=[s.external_id for _p, s in fresh]).values_list(
            "external_id", "id"
        )
    )
    through = Service.coverage.through
    through.objects.bulk_create(
        [
            through(service_id=created[s.external_id], territory_id=territory_ids[code])
            for _p, s in fresh
            for code in s.coverage
            if code in territory_ids
        ],
        batch_size=500,
    )
    report.add(f"demo services ({len(created)})")
    return list(created.values())


def refresh_services(service_ids, everything=False):
    """Coverage codes and, when catalog.search provides it, the search text of the new
    services (of all services when the synonym groups changed). Without the search
    module the model's own refresh_coverage() fills the coverage codes."""
    from catalog.models import Service

    try:
        from catalog.search import reindex_services
    except ImportError:  # the search module is optional for the demo
        reindex_services = None
    if reindex_services is not None:
        if everything:
            return reindex_services()
        return reindex_services(Service.objects.filter(pk__in=service_ids)) if service_ids else 0
    services = list(
        Service.objects.filter(pk__in=service_ids)
        .select_related("institution")
        .prefetch_related("coverage")
    )
    for service in services:
        service.refresh_coverage()
    Service.objects.bulk_update(services, ["coverage_codes"], batch_size=500)
    return len(services)


def ensure_teams(plans, units, territory_ids, report):
    from catalog.models import CooperationTeam, Institution, TeamMember

    ids = dict(
        Institution.objects.filter(external_id__in=[p.external_id for p in plans]).values_list(
            "external_id", "id"
        )
    )
    teams = []
    for gmina, day in data.PZK_AGREEMENTS.items():
        members = []
        for kind, role in data.TEAM_ROLES:
            external_id = _member(kind, gmina)
            if external_id in ids:
                members.append((ids[external_id], role))
        if not members or gmina not in units:
            continue
        gmina_name = units[gmina].name
        powiat_name = powiat_genitive(units[gmina[:4]], None).split(" ", 1)[1].capitalize()
        teams.append(
            (
                CooperationTeam(
                    kind="pzk",
                    name=f"Partnerski Zespół Kooperacji Gminy {gmina_name} i Powiatu {powiat_name}",
                    territory_id=territory_ids[gmina],
                    coordinator_id=members[0][0],
                    agreement_date=datetime.date.fromisoformat(day),
                    description=(
                        "Zespół instytucji gminy i powiatu, który w pilotażu „Liderzy kooperacji” "
                        "testował Model kooperacji od lipca 2019 do września 2020 roku: wspólna "
                        "diagnoza, indywidualne programy pomocy, gminno-powiatowa lista "
                        "aktywności i usług, projekty socjalne. Trójstronne porozumienie "
                        "województwa, powiatu i gminy podpisano 4 czerwca 2019 roku. Skład "
                        "zespołu i data porozumienia instytucji są przykładowe."
                    ),
                    is_demo=True,
                ),
                members,
            )
        )
    wzk_members = [
        (ids[f"demo-{key}-26"], role) for key, role in data.WZK_ROLES if f"demo-{key}-26" in ids
    ]
    if wzk_members and "26" in territory_ids:
        teams.append(
            (
                CooperationTeam(
                    kind="wzk",
                    name="Wojewódzki Zespół Kooperacji Województwa Świętokrzyskiego",
                    territory_id=territory_ids["26"],
                    coordinator_id=wzk_members[0][0],
                    agreement_date=datetime.date.fromisoformat(data.WZK_AGREEMENT),
                    description=(
                        "Zespół powołany 18 kwietnia 2019 roku porozumieniem województwa "
                        "świętokrzyskiego z wojewódzkimi podmiotami polityk sektorowych. Wspiera "
                        "merytorycznie, organizacyjnie, prawnie i szkoleniowo partnerskie zespoły "
                        "kooperacji gmin i powiatów; spotyka się z animatorami co kwartał."
                    ),
                    is_demo=True,
                ),
                wzk_members,
            )
        )
    existing = set(CooperationTeam.objects.values_list("kind", "territory_id", "name"))
    made = 0
    for team, members in teams:
        if (team.kind, team.territory_id, team.name) in existing:
            continue
        team.save()
        TeamMember.objects.bulk_create(
            [
                TeamMember(team=team, institution_id=pk, role=role, sort_order=order)
                for order, (pk, role) in enumerate(members)
            ]
        )
        made += 1
    if made:
        report.add(f"cooperation teams ({made})")


def _member(kind, gmina):
    """The external id of the team's member of a kind: gmina-level kinds are the gmina's,
    powiat-level ones its powiat's."""
    if data.KINDS[kind].level == "powiat":
        return f"demo-{kind}-{gmina[:4]}"
    return f"demo-{kind}-{gmina}"


def ensure_editor(report, username="instytucja", external_id="demo-ops-2602052"):
    """The demo institution editor edits one social assistance centre (Oksa)."""
    from catalog.models import Institution
    from portal.models import User

    user = User.objects.filter(username=username).first()
    institution = Institution.objects.filter(external_id=external_id).first()
    if user is None or institution is None:
        return
    if not institution.editors.filter(pk=user.pk).exists():
        institution.editors.add(user)
        report.add(f"editor {username} of {institution.name}")


def build_catalog(report):
    pilot, units, territory_ids = _units()
    plans = plan(units, pilot)
    with transaction.atomic():
        synonyms_added = ensure_synonyms(report)
        created = ensure_records(plans, territory_ids, report)
        if created or synonyms_added:
            refresh_services(created, everything=synonyms_added)
        ensure_teams(plans, units, territory_ids, report)
        ensure_editor(report)
    return plans
