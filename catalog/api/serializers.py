"""What the API says about services and institutions. Codes are given with their labels in
the language of the request (Accept-Language: Polish by default, or English); a service's
place is its own or, when it has none, its institution's, as on the public page."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from catalog.codes import (
    Cost,
    InstitutionType,
    ProblemArea,
    ServiceKind,
    ServiceStatus,
    TargetGroup,
)
from catalog.importer import place_source

LABELS = {
    choices: dict(choices.choices)
    for choices in (Cost, InstitutionType, ProblemArea, ServiceKind, ServiceStatus, TargetGroup)
}


def coded(choices, code):
    return {"code": code, "label": str(LABELS[choices].get(code, code))}


class CodeSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("Stable code, e.g. seniors."))
    label = serializers.CharField(help_text=_("Label in the language of the request."))


class TerritorySerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("TERYT TERC code (2, 4 or 7 digits)."))
    name = serializers.CharField()
    level = serializers.CharField(help_text=_("voivodeship, powiat or gmina"))


class PlaceSerializer(serializers.Serializer):
    gmina = TerritorySerializer(allow_null=True)
    address = serializers.CharField()
    postal_code = serializers.CharField()
    locality = serializers.CharField()
    latitude = serializers.DecimalField(max_digits=9, decimal_places=6, allow_null=True)
    longitude = serializers.DecimalField(max_digits=9, decimal_places=6, allow_null=True)


class LinkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    url = serializers.URLField(help_text=_("This entry in the API."))


def _place(record):
    return PlaceSerializer(record).data


def _web_url(serializer, route, pk):
    links = serializer.context.get("links")
    return getattr(links, route)(pk) if links is not None else None


class ServiceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.HyperlinkedIdentityField(view_name="catalog_api:service-detail")
    web_url = serializers.SerializerMethodField(help_text=_("The service's public page."))
    name = serializers.CharField()
    kind = serializers.SerializerMethodField(help_text=_("service or activity"))
    institution = serializers.SerializerMethodField()
    description = serializers.CharField()
    access = serializers.CharField(help_text=_("How to access it."))
    referral_required = serializers.BooleanField()
    referred_by = serializers.CharField()
    cost = serializers.SerializerMethodField(help_text=_("free, paid or partly"))
    languages = serializers.CharField()
    step_free = serializers.BooleanField()
    sign_language = serializers.BooleanField()
    schedule = serializers.CharField()
    status = serializers.SerializerMethodField()
    areas = serializers.SerializerMethodField(help_text=_("Problem areas."))
    target_groups = serializers.SerializerMethodField()
    place = serializers.SerializerMethodField(
        help_text=_("Where it is delivered: its own place or its institution's.")
    )
    coverage = serializers.SerializerMethodField(
        help_text=_("The units it serves (a powiat covers all its gminas).")
    )
    last_verified = serializers.DateField(allow_null=True)
    review_due = serializers.DateField(allow_null=True)
    is_overdue = serializers.BooleanField(help_text=_("Not verified within its interval."))
    is_demo = serializers.BooleanField(help_text=_("Invented demo entry."))
    updated_at = serializers.DateTimeField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_web_url(self, service):
        return _web_url(self, "service", service.pk)

    @extend_schema_field(CodeSerializer)
    def get_kind(self, service):
        return coded(ServiceKind, service.kind)

    @extend_schema_field(CodeSerializer)
    def get_cost(self, service):
        return coded(Cost, service.cost)

    @extend_schema_field(CodeSerializer)
    def get_status(self, service):
        return coded(ServiceStatus, service.status)

    @extend_schema_field(CodeSerializer(many=True))
    def get_areas(self, service):
        return [coded(ProblemArea, code) for code in service.areas]

    @extend_schema_field(CodeSerializer(many=True))
    def get_target_groups(self, service):
        return [coded(TargetGroup, code) for code in service.target_groups]

    @extend_schema_field(LinkSerializer)
    def get_institution(self, service):
        institution = service.institution
        url = reverse(
            "catalog_api:institution-detail",
            args=[institution.pk],
            request=self.context.get("request"),
        )
        return {"id": institution.pk, "name": institution.name, "url": url}

    @extend_schema_field(PlaceSerializer)
    def get_place(self, service):
        return _place(place_source(service))

    @extend_schema_field(TerritorySerializer(many=True))
    def get_coverage(self, service):
        units = list(service.coverage.all())
        if not units and service.place_gmina is not None:
            units = [service.place_gmina]
        return TerritorySerializer(units, many=True).data


class InstitutionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.HyperlinkedIdentityField(view_name="catalog_api:institution-detail")
    web_url = serializers.SerializerMethodField(help_text=_("The institution's public page."))
    name = serializers.CharField()
    type = serializers.SerializerMethodField()
    regon = serializers.CharField()
    krs = serializers.CharField()
    nip = serializers.CharField()
    phone = serializers.CharField()
    email = serializers.EmailField()
    website = serializers.URLField()
    opening_hours = serializers.CharField()
    description = serializers.CharField()
    place = serializers.SerializerMethodField()
    last_verified = serializers.DateField(allow_null=True)
    is_demo = serializers.BooleanField(help_text=_("Invented demo entry."))
    updated_at = serializers.DateTimeField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_web_url(self, institution):
        return _web_url(self, "institution", institution.pk)

    @extend_schema_field(CodeSerializer)
    def get_type(self, institution):
        return coded(InstitutionType, institution.type)

    @extend_schema_field(PlaceSerializer)
    def get_place(self, institution):
        return _place(institution)


class ServiceLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.HyperlinkedIdentityField(view_name="catalog_api:service-detail")
    name = serializers.CharField()
    kind = serializers.SerializerMethodField()

    @extend_schema_field(CodeSerializer)
    def get_kind(self, service):
        return coded(ServiceKind, service.kind)


class InstitutionDetailSerializer(InstitutionSerializer):
    services = serializers.SerializerMethodField(
        help_text=_("Its published, active services and activities.")
    )

    @extend_schema_field(ServiceLinkSerializer(many=True))
    def get_services(self, institution):
        return ServiceLinkSerializer(
            institution.public_services, many=True, context=self.context
        ).data
