"""The public views of the list of activities and services, served as routes of the
CatalogPage (catalog/models/pages.py): the search, the details of a service, an
institution and a cooperation team, the CSV export of a result, the units of a territory
for the cascading choice, and the help plan (catalog/helpplan.py).

Every view reads live rows only and costs a fixed number of queries, however many
services it shows: what a list shows is fetched with select_related, labels come from the
code lists, and links are made in Python."""

import math
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from catalog import helpplan
from catalog.codes import InstitutionType, ProblemArea, TargetGroup
from catalog.models import CooperationTeam, HelpPlan, Institution, TeamMember, Territory
from catalog.polish import fold
from catalog.search import (
    ServiceFilters,
    public_services,
    record_zero_result,
    search_services,
    sort_name,
)
from portal import navigation

PAGE_SIZE = getattr(settings, "CATALOG_PAGE_SIZE", 20)
MAP_ZOOM = 15
TILE_SIZE = 256

AREA_LABELS = dict(ProblemArea.choices)
TARGET_LABELS = dict(TargetGroup.choices)
# Read after "Sort by": a context of their own, the words differ from the field names.
SORT_LABELS = {
    "relevance": pgettext_lazy("sort by", "relevance"),
    "name": pgettext_lazy("sort by", "name"),
    "verified": pgettext_lazy("sort by", "date of verification"),
}


class Links:
    """URLs of the catalog's routes, made without queries (one page URL per request)."""

    def __init__(self, page, request):
        self.page = page
        self.base = page.get_url(request) or "/"
        if not self.base.endswith("/"):
            self.base += "/"

    def route(self, name, *args):
        return self.base + self.page.reverse_subpage(name, args=args)

    def index(self, query=""):
        url = self.route("index_route")
        return f"{url}?{query}" if query else url

    def service(self, service_id):
        return self.route("service", service_id)

    def institution(self, institution_id):
        return self.route("institution", institution_id)

    def team(self, team_id):
        return self.route("team", team_id)


def _decorate(services, links):
    """What a list of services shows, attached to each service (no queries)."""
    for service in services:
        service.url = links.service(service.pk)
        service.institution.url = links.institution(service.institution_id)
        service.area_labels = [AREA_LABELS[code] for code in service.areas if code in AREA_LABELS]
        service.target_labels = [
            TARGET_LABELS[code] for code in service.target_groups if code in TARGET_LABELS
        ]
        place = service.gmina if service.gmina_id else service.institution.gmina
        locality = service.locality or service.institution.locality
        service.place_name = ", ".join(
            part for part in [locality, _gmina_label(place) if place else ""] if part
        )
    return services


def _gmina_label(gmina):
    return _("gmina %(name)s") % {"name": gmina.name}


def unit_label(unit):
    if unit.level == Territory.Level.VOIVODESHIP:
        return _("%(name)s voivodeship") % {"name": unit.name}
    if unit.kind == Territory.Kind.CITY_POWIAT:
        return _("%(name)s (city with powiat rights)") % {"name": unit.name}
    if unit.level == Territory.Level.POWIAT:
        return _("powiat %(name)s") % {"name": unit.name}
    return _gmina_label(unit)


def _by_name(units):
    return sorted(units, key=lambda unit: (fold(unit.name), unit.code))


def territory_choices(code):
    """The three lists of the cascading choice for the chosen code (voivodeships; powiats
    of the chosen voivodeship; gminas of the chosen powiat), in one query."""
    condition = Q(level=Territory.Level.VOIVODESHIP)
    if len(code) >= 2:
        condition |= Q(level=Territory.Level.POWIAT, parent__code=code[:2])
    if len(code) >= 4:
        condition |= Q(level=Territory.Level.GMINA, parent__code=code[:4])
    units = list(
        Territory.objects.filter(condition, active=True).only("code", "level", "kind", "name")
    )
    levels = {level: [] for level in Territory.Level.values}
    chosen = None
    for unit in units:
        unit.label = unit_label(unit)
        levels[unit.level].append(unit)
        if unit.code == code:
            chosen = unit
    return {
        "voivodeships": _by_name(levels["voivodeship"]),
        "powiats": _by_name(levels["powiat"]),
        "gminas": _by_name(levels["gmina"]),
        "voivodeship": code[:2],
        "powiat": code[:4] if len(code) >= 4 else "",
        "gmina": code if len(code) == 7 else "",
        "chosen": chosen,
    }


def _facet_options(result, name, chosen):
    return [
        {"code": code, "label": label, "count": count, "selected": code == chosen}
        for code, label, count in result.facets.get(name, [])
    ]


def _active_filters(filters, territory, links):
    """The chosen filters, each with a link that removes it."""
    chosen = []
    if filters.q:
        chosen.append((_("words"), filters.q, "q"))
    if filters.area:
        chosen.append((_("problem area"), AREA_LABELS[filters.area], "area"))
    if filters.target:
        chosen.append((_("target group"), TARGET_LABELS[filters.target], "target"))
    if filters.kind:
        chosen.append((_("institution"), InstitutionType(filters.kind).label, "kind"))
    if filters.teryt:
        unit = territory["chosen"]
        chosen.append((_("area"), unit.label if unit else filters.teryt, "teryt"))
    if filters.free:
        chosen.append((_("cost"), _("free of charge only"), "free"))
    return [
        {"name": name, "value": value, "remove_url": links.index(filters.querystring(**{key: ""}))}
        for name, value, key in chosen
    ]


def catalog_index(page, request):
    filters = ServiceFilters.from_params(request.GET)
    canonical = filters.querystring()
    if request.GET and not filters.errors and request.GET.urlencode() != canonical:
        # One address per state, whatever the form sent (empty fields, the three territory
        # lists, defaults): short links to share, and each search counted once.
        return HttpResponseRedirect(Links(page, request).index(canonical))
    territory = territory_choices(filters.teryt)
    if filters.teryt and territory["chosen"] is None:
        filters.errors["teryt"] = gettext_lazy("There is no such unit in the TERYT register.")
        filters.teryt = ""
        territory = territory_choices("")
    result = search_services(filters)
    paginator = Paginator(result.queryset, PAGE_SIZE)
    paginator.count = result.total  # counted with the facets already: no second COUNT
    page_obj = paginator.get_page(filters.page)
    if result.total == 0 and filters.active:
        record_zero_result(filters)
    links = Links(page, request)
    services = _decorate(list(page_obj.object_list), links)
    plan = helpplan.SessionPlan(request)
    query = canonical
    context = page.get_context(request)
    context.update(
        {
            "filters": filters,
            "errors": filters.errors,
            "result": result,
            "page_obj": page_obj,
            "page_range": paginator.get_elided_page_range(page_obj.number),
            "services": services,
            "filter_query": filters.querystring(page=None),
            "area_options": _facet_options(result, "area", filters.area),
            "target_options": _facet_options(result, "target", filters.target),
            "kind_options": _facet_options(result, "kind", filters.kind),
            "free_count": result.facets.get("free", 0),
            "sort_options": [
                {"code": code, "label": label, "selected": code == filters.sort}
                for code, label in SORT_LABELS.items()
            ],
            "territory": territory,
            "active_filters": _active_filters(filters, territory, links),
            "links": links,
            "index_url": links.index(),
            "export_url": links.route("export_csv") + (f"?{query}" if query else ""),
            # the script puts the chosen unit's code in place of CODE
            "units_url": links.route("territory_units", "CODE"),
            "teams_url": links.route("teams"),
            "plan_ids": set(plan.ids),
            "plan": plan,
            "plan_url": links.route("plan"),
            "plan_add_url": links.route("plan_add"),
            "current_url": request.get_full_path(),
        }
    )
    return TemplateResponse(request, "catalog/catalog_page.html", context)


def territory_units(page, request, code):
    """The units directly inside one (JSON, for the cascading choice's script)."""
    if not code.isdigit() or len(code) not in (2, 4):
        raise Http404
    units = [
        {"code": unit.code, "label": unit_label(unit)}
        for unit in _by_name(Territory.objects.filter(parent__code=code, active=True))
    ]
    response = JsonResponse({"parent": code, "units": units})
    response["Cache-Control"] = "public, max-age=86400"
    return response


def export_csv(page, request):
    from catalog.exports import services_csv_response

    filters = ServiceFilters.from_params(request.GET)
    return services_csv_response(search_services(filters, facets=False).queryset)


# --- details -----------------------------------------------------------------------------


def map_context(place, label):
    """A framework-free map: one tile of the configured tile server with a marker on the
    place, and a link to OpenStreetMap. Nothing when the place has no coordinates; the
    address on the page says the same in words."""
    if place is None or not place.has_coordinates:
        return None
    latitude, longitude = float(place.latitude), float(place.longitude)
    osm = (
        "https://www.openstreetmap.org/?"
        + urlencode({"mlat": f"{latitude:.6f}", "mlon": f"{longitude:.6f}"})
        + f"#map=17/{latitude:.5f}/{longitude:.5f}"
    )
    tiles = 2**MAP_ZOOM
    x = (longitude + 180.0) / 360.0 * tiles
    radians = math.radians(max(min(latitude, 85.05), -85.05))
    y = (1.0 - math.asinh(math.tan(radians)) / math.pi) / 2.0 * tiles
    template = getattr(settings, "CATALOG_MAP_TILE_URL", "")
    tile = ""
    if template:
        tile = template.format(z=MAP_ZOOM, x=int(x), y=int(y), s="a")
    return {
        "tile_url": tile,
        "tile_size": TILE_SIZE,
        "marker_left": f"{(x - int(x)) * 100:.1f}",
        "marker_top": f"{(y - int(y)) * 100:.1f}",
        "osm_url": osm,
        "attribution": getattr(settings, "CATALOG_MAP_ATTRIBUTION", ""),
        "label": label,
        "latitude": f"{latitude:.5f}",
        "longitude": f"{longitude:.5f}",
    }


def _detail_context(page, request, route, **extra):
    """The context of a page of one of the catalog's routes; `route` is (title, route name,
    *route args): breadcrumbs and the language switcher follow it."""
    links = Links(page, request)
    context = navigation.route_page(page, *route).get_context(request)
    plan = helpplan.SessionPlan(request)
    context.update(
        {
            "links": links,
            "index_url": links.index(),
            "plan_ids": set(plan.ids),
            "plan": plan,
            "plan_url": links.route("plan"),
            "plan_add_url": links.route("plan_add"),
            "current_url": request.get_full_path(),
        }
    )
    context.update(extra)
    return context, links


def _teams_of(institution_ids):
    return list(
        TeamMember.objects.filter(institution_id__in=institution_ids)
        .select_related("team", "team__territory")
        .order_by("team__kind", "team__name")
    )


def service_detail(page, request, service_id):
    service = (
        public_services()
        .select_related(
            "institution",
            "gmina",
            "institution__gmina",
            "gmina__parent",
            "institution__gmina__parent",
        )
        .prefetch_related("coverage")
        .filter(pk=service_id)
        .first()
    )
    if service is None:
        raise Http404
    context, links = _detail_context(
        page, request, (service.name, "service", service.pk), service=service
    )
    _decorate([service], links)
    others = _decorate(
        list(
            public_services()
            .filter(institution_id=service.institution_id)
            .exclude(pk=service.pk)
            .select_related("institution", "gmina", "institution__gmina")
            .order_by(sort_name(), "pk")[:50]
        ),
        links,
    )
    coverage = _by_name(service.coverage.all())
    for unit in coverage:
        unit.label = unit_label(unit)
    place = service if service.has_coordinates else service.institution
    context.update(
        {
            "other_services": others,
            "coverage": coverage,
            "map": map_context(place, service.name),
            "address_source": service
            if (service.address or service.gmina_id)
            else service.institution,
        }
    )
    return TemplateResponse(request, "catalog/service_detail.html", context)


def institution_detail(page, request, institution_id):
    institution = (
        Institution.objects.filter(live=True, pk=institution_id)
        .select_related("gmina", "gmina__parent")
        .first()
    )
    if institution is None:
        raise Http404
    context, links = _detail_context(
        page, request, (institution.name, "institution", institution.pk), institution=institution
    )
    services = _decorate(
        list(
            public_services()
            .filter(institution=institution)
            .select_related("institution", "gmina", "institution__gmina")
            .order_by(sort_name(), "pk")
        ),
        links,
    )
    memberships = _teams_of([institution.pk])
    for membership in memberships:
        membership.team.url = links.team(membership.team_id)
    coordinated = list(CooperationTeam.objects.filter(coordinator=institution).order_by("name"))
    for team in coordinated:
        team.url = links.team(team.pk)
    context.update(
        {
            "services": services,
            "memberships": memberships,
            "coordinated": coordinated,
            "map": map_context(institution, institution.name),
            "type_label": InstitutionType(institution.type).label,
        }
    )
    return TemplateResponse(request, "catalog/institution_detail.html", context)


def team_detail(page, request, team_id):
    team = (
        CooperationTeam.objects.select_related("territory", "territory__parent", "coordinator")
        .prefetch_related(
            Prefetch(
                "members",
                queryset=TeamMember.objects.filter(institution__live=True)
                .select_related("institution", "institution__gmina")
                .order_by("sort_order", "pk"),
            )
        )
        .filter(pk=team_id)
        .first()
    )
    if team is None:
        raise Http404
    context, links = _detail_context(page, request, (team.name, "team", team.pk), team=team)
    members = list(team.members.all())
    services = _decorate(
        list(
            public_services()
            .filter(institution_id__in=[member.institution_id for member in members])
            .select_related("institution", "gmina", "institution__gmina")
            .order_by(sort_name(), "pk")
        ),
        links,
    )
    by_institution = {}
    for service in services:
        by_institution.setdefault(service.institution_id, []).append(service)
    for member in members:
        member.institution.url = links.institution(member.institution_id)
        member.institution.type_label = InstitutionType(member.institution.type).label
        member.services = by_institution.get(member.institution_id, [])
    team.territory.label = unit_label(team.territory)
    context.update(
        {
            "members": members,
            "coordinator_live": team.coordinator.live,
            "coordinator_url": links.institution(team.coordinator_id),
            "service_count": len(services),
        }
    )
    return TemplateResponse(request, "catalog/team_detail.html", context)


def team_list(page, request):
    teams = list(
        CooperationTeam.objects.select_related("territory", "coordinator").order_by(
            "-kind", "territory__code", "name"
        )
    )
    context, links = _detail_context(page, request, (_("Cooperation teams"), "teams"))
    for team in teams:
        team.url = links.team(team.pk)
        team.territory.label = unit_label(team.territory)
    context["teams"] = teams
    return TemplateResponse(request, "catalog/team_list.html", context)


# --- the help plan -----------------------------------------------------------------------


def _back(request, fallback):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def plan_view(page, request):
    plan = helpplan.SessionPlan(request)
    context, links = _detail_context(page, request, (_("Help plan"), "plan"))
    services, missing = plan.services()
    _decorate(services, links)
    context.update(
        {
            "plan_services": services,
            "missing": missing,
            "plan_actions": {
                "move": links.route("plan_move"),
                "remove": links.route("plan_remove"),
                "clear": links.route("plan_clear"),
                "share": links.route("plan_share"),
                "print": links.route("plan_print"),
                "pdf": links.route("plan_pdf"),
            },
        }
    )
    return TemplateResponse(request, "catalog/plan.html", context)


def plan_print(page, request):
    plan = helpplan.SessionPlan(request)
    context, links = _detail_context(page, request, (_("Help plan"), "plan_print"))
    services, missing = plan.services()
    _decorate(services, links)
    context.update(
        {
            "plan_services": services,
            "missing": missing,
            "now_date": date_format(timezone.localdate(), "j E Y"),
        }
    )
    return TemplateResponse(request, "catalog/plan_print.html", context)


def plan_pdf(page, request):
    services, _missing = helpplan.SessionPlan(request).services()
    return helpplan.pdf_response(services, filename="plan-pomocy.pdf")


def _post_only(view):
    def wrapper(page, request, *args, **kwargs):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        return view(page, request, *args, **kwargs)

    return wrapper


def _service_id(request):
    value = request.POST.get("service", "")
    return int(value) if value.isdigit() and len(value) < 12 else None


@_post_only
def plan_add(page, request):
    plan = helpplan.SessionPlan(request)
    links = Links(page, request)
    service_id = _service_id(request)
    service = public_services().filter(pk=service_id).only("pk", "name").first()
    if service is None:
        messages.error(request, _("This service is no longer on the list."))
    elif plan.add(service.pk):
        messages.success(
            request, _("“%(name)s” was added to your help plan.") % {"name": service.name}
        )
    elif service.pk in plan.ids:
        messages.info(
            request, _("“%(name)s” is already in your help plan.") % {"name": service.name}
        )
    else:
        messages.error(
            request,
            _("A help plan holds at most %(count)d services.") % {"count": helpplan.MAX_ITEMS},
        )
    return HttpResponseRedirect(_back(request, links.route("plan")))


@_post_only
def plan_remove(page, request):
    plan = helpplan.SessionPlan(request)
    service_id = _service_id(request)
    if service_id is not None and plan.remove(service_id):
        messages.success(request, _("The service was removed from your help plan."))
    return HttpResponseRedirect(_back(request, Links(page, request).route("plan")))


@_post_only
def plan_move(page, request):
    plan = helpplan.SessionPlan(request)
    direction = request.POST.get("direction", "")
    service_id = _service_id(request)
    links = Links(page, request)
    if service_id is not None and direction in ("up", "down"):
        plan.move(service_id, direction)
    return HttpResponseRedirect(f"{links.route('plan')}#plan-item-{service_id or ''}")


@_post_only
def plan_clear(page, request):
    helpplan.SessionPlan(request).clear()
    messages.success(request, _("Your help plan is empty now."))
    return HttpResponseRedirect(Links(page, request).route("plan"))


@_post_only
def plan_share(page, request):
    plan = helpplan.SessionPlan(request)
    links = Links(page, request)
    services, _missing = plan.services()
    if not services:
        messages.error(request, _("Add a service to the help plan first."))
        return HttpResponseRedirect(links.route("plan"))
    shared = HelpPlan.objects.create(service_ids=[service.pk for service in services])
    messages.success(
        request,
        _("The help plan was saved. Anyone with this link can see it; nobody can change it."),
    )
    return HttpResponseRedirect(links.route("shared_plan", shared.token))


def _shared(token):
    if len(token) > 32:
        raise Http404
    shared = HelpPlan.objects.filter(token=token).first()
    if shared is None:
        raise Http404
    return shared


def shared_plan(page, request, token):
    shared = _shared(token)
    context, links = _detail_context(page, request, (_("Help plan"), "shared_plan", token))
    services, missing = helpplan.services_in_order(shared.service_ids)
    _decorate(services, links)
    context.update(
        {
            "shared": shared,
            "plan_services": services,
            "missing": missing,
            "share_url": request.build_absolute_uri(links.route("shared_plan", shared.token)),
            "pdf_url": links.route("shared_plan_pdf", shared.token),
        }
    )
    return TemplateResponse(request, "catalog/shared_plan.html", context)


def shared_plan_pdf(page, request, token):
    shared = _shared(token)
    services, _missing = helpplan.services_in_order(shared.service_ids)
    links = Links(page, request)
    url = request.build_absolute_uri(links.route("shared_plan", shared.token))
    return helpplan.pdf_response(services, filename=f"plan-pomocy-{shared.token}.pdf", url=url)
