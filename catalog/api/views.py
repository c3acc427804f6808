"""The read-only API: the same filters as the catalog page (catalog.search builds both), so
a list here and the page with the same query string hold the same services, in the same
order. Anonymous, GET only, published entries only; every list page costs a fixed number
of queries."""

import hashlib

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import F, Prefetch
from django.http import HttpResponse, JsonResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.renderers import (
    OpenApiJsonRenderer,
    OpenApiJsonRenderer2,
    OpenApiYamlRenderer,
    OpenApiYamlRenderer2,
)
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from drf_spectacular.views import SpectacularAPIView
from rest_framework import viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.pagination import PageNumberPagination
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from catalog import hsds
from catalog.api.links import public_links
from catalog.api.serializers import (
    InstitutionDetailSerializer,
    InstitutionSerializer,
    ServiceSerializer,
)
from catalog.codes import InstitutionType, ProblemArea, TargetGroup
from catalog.models import Institution
from catalog.search import (
    SORTS,
    ServiceFilters,
    institution_queryset,
    public_services,
    search_services,
    sort_name,
)

MAX_PAGE_SIZE = 100
SERVICE_RELATED = ("institution", "gmina", "institution__gmina")


def request_filters(request):
    """The page's filters from the query string; a value the page would drop with a
    message makes a 400 here, with the same message (Polish, or English on request)."""
    filters = ServiceFilters.from_params(request.query_params)
    if filters.errors:
        raise ValidationError({name: [str(message)] for name, message in filters.errors.items()})
    return filters


class Anonymous:
    """The API has no accounts and reads no user: no authentication runs, so every request
    is DRF's anonymous user."""

    authentication_classes = []


def not_found(request, *args, **kwargs):
    """Any other path under /api/v1/: a JSON 404 like the API's own."""
    return JsonResponse({"detail": str(NotFound.default_detail)}, status=404)


class ApiPagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def positive(self, request, name, default, maximum=None):
        raw = request.query_params.get(name)
        if raw in (None, ""):
            return default
        if not raw.isdigit() or int(raw) < 1 or (maximum and int(raw) > maximum):
            if maximum:
                message = _("Give a whole number from 1 to %(max)s.") % {"max": maximum}
            else:
                message = _("Give a whole number from 1.")
            raise ValidationError({name: [message]})
        return int(raw)

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        size = self.positive(request, "page_size", self.page_size, self.max_page_size)
        number = self.positive(request, "page", 1)
        paginator = Paginator(queryset, size)
        known = getattr(view, "known_count", None)
        if known is not None:
            paginator.count = known  # the search counted already: no second COUNT query
        if number > paginator.num_pages:
            raise NotFound(
                _("There is no page %(page)s: the last page is %(last)s.")
                % {"page": number, "last": paginator.num_pages}
            )
        self.page = paginator.page(number)
        return list(self.page)


FILTER_PARAMETERS = [
    OpenApiParameter(
        "q",
        OpenApiTypes.STR,
        description=gettext_lazy(
            "Words to find, in any form and with or without Polish letters; synonyms "
            "(e.g. GOPS, OPS, MOPS) find each other."
        ),
    ),
    OpenApiParameter(
        "area", OpenApiTypes.STR, enum=ProblemArea.values, description=gettext_lazy("Problem area.")
    ),
    OpenApiParameter(
        "target",
        OpenApiTypes.STR,
        enum=TargetGroup.values,
        description=gettext_lazy("Target group."),
    ),
    OpenApiParameter(
        "kind",
        OpenApiTypes.STR,
        enum=InstitutionType.values,
        description=gettext_lazy("Type of institution."),
    ),
    OpenApiParameter(
        "teryt",
        OpenApiTypes.STR,
        pattern=r"^\d{2}(\d{2}(\d{3})?)?$",
        description=gettext_lazy(
            "TERYT TERC code of a voivodeship (2 digits), powiat (4) or gmina (7). A gmina "
            "also finds the services of its powiat and voivodeship that cover it."
        ),
    ),
    OpenApiParameter(
        "free",
        OpenApiTypes.STR,
        enum=["1", "0"],
        description=gettext_lazy("1: free services only."),
    ),
]
SORT_PARAMETER = OpenApiParameter(
    "sort",
    OpenApiTypes.STR,
    enum=list(SORTS),
    description=gettext_lazy(
        "Order: relevance (the default; by name without a query), name, or verified "
        "(most recently verified first)."
    ),
)
BAD_REQUEST = OpenApiResponse(
    description=gettext_lazy("A parameter has a value that cannot be used; the answer says which.")
)
NOT_FOUND = OpenApiResponse(description=gettext_lazy("No such published entry."))


class CatalogViewSet(Anonymous, viewsets.ReadOnlyModelViewSet):
    pagination_class = ApiPagination
    lookup_value_regex = r"\d+"
    known_count = None

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["links"] = public_links(self.request)
        return context


@extend_schema_view(
    list=extend_schema(
        summary=gettext_lazy("Published, active services and activities"),
        parameters=[*FILTER_PARAMETERS, SORT_PARAMETER],
        responses={200: ServiceSerializer(many=True), 400: BAD_REQUEST},
    ),
    retrieve=extend_schema(
        summary=gettext_lazy("One service or activity"),
        responses={200: ServiceSerializer, 404: NOT_FOUND},
    ),
)
class ServiceViewSet(CatalogViewSet):
    serializer_class = ServiceSerializer

    def get_queryset(self):
        if self.action == "list":
            result = search_services(request_filters(self.request), facets=False)
            self.known_count = result.total
            queryset = result.queryset
        else:
            queryset = public_services().select_related(*SERVICE_RELATED)
        return queryset.prefetch_related("coverage")


@extend_schema_view(
    list=extend_schema(
        summary=gettext_lazy("Published institutions"),
        description=gettext_lazy(
            "The filters of the services' list: an institution is listed when its name has "
            "the words of q or one of its services matches; kind is its type; area, target, "
            "free and teryt keep institutions with such a service (teryt also those located "
            "in the unit)."
        ),
        parameters=[
            *FILTER_PARAMETERS,
            OpenApiParameter(
                "sort",
                OpenApiTypes.STR,
                enum=list(SORTS),
                description=gettext_lazy(
                    "Order: name (the default; relevance is the same) or verified (most recently "
                    "verified first)."
                ),
            ),
        ],
        responses={200: InstitutionSerializer(many=True), 400: BAD_REQUEST},
    ),
    retrieve=extend_schema(
        summary=gettext_lazy("One institution with its services"),
        responses={200: InstitutionDetailSerializer, 404: NOT_FOUND},
    ),
)
class InstitutionViewSet(CatalogViewSet):
    def get_serializer_class(self):
        return InstitutionSerializer if self.action == "list" else InstitutionDetailSerializer

    def get_queryset(self):
        if self.action == "list":
            filters = request_filters(self.request)
            queryset = institution_queryset(filters)
            if filters.sort == "verified":
                queryset = queryset.order_by(
                    F("last_verified").desc(nulls_last=True), sort_name(), "pk"
                )
            return queryset
        services = public_services().order_by(sort_name(), "pk")
        return (
            Institution.objects.filter(live=True)
            .select_related("gmina")
            .prefetch_related(Prefetch("services", queryset=services, to_attr="public_services"))
        )


class AnyAccept(BaseContentNegotiation):
    """A download is the same whatever the client says it accepts."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class ZipRenderer(BaseRenderer):
    media_type = "application/zip"
    format = "zip"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        # Only an error (a dict) is rendered here; the package itself is an HttpResponse.
        return data if isinstance(data, bytes) else JSONRenderer().render(data)


@extend_schema(
    summary=gettext_lazy("The whole list in Open Referral HSDS 3.0"),
    description=gettext_lazy(
        "A ZIP file of the HSDS 3.0 tabular data package: organizations, services, "
        "locations, addresses, service_at_location, phones, service_areas, taxonomies, "
        "taxonomy_terms and attributes as CSV files, described by datapackage.json. Labels "
        "are in the language of the request."
    ),
    responses={(200, "application/zip"): OpenApiTypes.BINARY},
)
class HsdsView(Anonymous, APIView):
    renderer_classes = [ZipRenderer]
    content_negotiation_class = AnyAccept
    # Building the package reads the whole list: it is built once per state of the list
    # and language, then served from the cache.
    cache_seconds = 3600

    def get(self, request):
        key = "catalog:hsds:" + hashlib.sha256(hsds.fingerprint().encode()).hexdigest()
        data = cache.get(key)
        if data is None:
            data = hsds.zip_bytes()
            cache.set(key, data, self.cache_seconds)
        response = HttpResponse(data, content_type="application/zip")
        response["Content-Disposition"] = content_disposition_header(True, "kooperacja-hsds.zip")
        return response


@extend_schema(exclude=True)
class ApiRoot(Anonymous, APIView):
    def get(self, request):
        def link(name):
            return reverse(f"catalog_api:{name}", request=request)

        return Response(
            {
                "services": link("service-list"),
                "institutions": link("institution-list"),
                "hsds": link("hsds"),
                "schema": link("schema"),
            }
        )


class SchemaView(Anonymous, SpectacularAPIView):
    """The OpenAPI 3 schema, JSON by default (YAML with ?format=yaml)."""

    renderer_classes = [
        OpenApiJsonRenderer2,
        OpenApiJsonRenderer,
        OpenApiYamlRenderer,
        OpenApiYamlRenderer2,
    ]
