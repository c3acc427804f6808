"""Factories for the catalog: institutions, services, cooperation teams and the catalog page.

Institutions and services are made live (published), as the public list shows them, with
their search text and coverage codes computed as the signals compute them on a real save.
Territory comes from the TERC register loaded by migration: pass codes or units, e.g.
`ServiceFactory(coverage=["2604"])` for a service of the whole powiat kielecki."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from catalog.codes import Cost, InstitutionType, ProblemArea, ServiceKind, TargetGroup, TeamKind
from catalog.models import (
    CatalogPage,
    CooperationTeam,
    Institution,
    Service,
    TeamMember,
    Territory,
)
from catalog.search import refresh_search_text

from .portal import _PublishedPageFactory

OKSA = "2602052"  # gmina Oksa, powiat jędrzejowski, świętokrzyskie


def unit(code_or_unit):
    """A territorial unit from its TERC code (or the unit itself)."""
    if isinstance(code_or_unit, Territory):
        return code_or_unit
    return Territory.objects.get(code=code_or_unit)


class InstitutionFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Instytucja {n}")
    type = InstitutionType.OPS
    gmina = factory.LazyFunction(lambda: unit(OKSA))
    locality = factory.LazyAttribute(lambda obj: unit(obj.gmina).name if obj.gmina else "")
    address = "ul. Przykładowa 1"
    postal_code = "28-363"
    phone = "41 000 00 00"
    email = factory.Sequence(lambda n: f"instytucja{n}@example.org")
    last_verified = factory.LazyFunction(timezone.localdate)
    is_demo = True

    class Meta:
        model = Institution

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if isinstance(kwargs.get("gmina"), str):
            kwargs["gmina"] = unit(kwargs["gmina"])
        return super()._create(model_class, *args, **kwargs)


class ServiceFactory(DjangoModelFactory):
    """`coverage`: TERC codes or units the service covers (empty: its place's gmina)."""

    institution = factory.SubFactory(InstitutionFactory)
    name = factory.Sequence(lambda n: f"Usługa {n}")
    kind = ServiceKind.SERVICE
    areas = factory.LazyFunction(lambda: [ProblemArea.COMMUNITY.value])
    target_groups = factory.LazyFunction(lambda: [TargetGroup.RESIDENTS.value])
    description = ""
    cost = Cost.FREE
    last_verified = factory.LazyFunction(timezone.localdate)
    is_demo = True

    class Meta:
        model = Service
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if isinstance(kwargs.get("gmina"), str):
            kwargs["gmina"] = unit(kwargs["gmina"])
        return super()._create(model_class, *args, **kwargs)

    @factory.post_generation
    def coverage(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.coverage.set([unit(item) for item in extracted])
            obj.save()  # commits the parental many-to-many

    @factory.post_generation
    def indexed(obj, create, extracted, **kwargs):
        # The signals have done this already; done again so that a test never depends on
        # the order in which the post-generation hooks ran.
        if create:
            refresh_search_text(obj)


class CooperationTeamFactory(DjangoModelFactory):
    """`members`: institutions, or (institution, role) pairs."""

    kind = TeamKind.PZK
    name = factory.Sequence(lambda n: f"Partnerski Zespół Kooperacji {n}")
    territory = factory.LazyFunction(lambda: unit(OKSA))
    coordinator = factory.SubFactory(InstitutionFactory)
    agreement_date = datetime.date(2019, 6, 4)
    is_demo = True

    class Meta:
        model = CooperationTeam
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if isinstance(kwargs.get("territory"), str):
            kwargs["territory"] = unit(kwargs["territory"])
        return super()._create(model_class, *args, **kwargs)

    @factory.post_generation
    def members(obj, create, extracted, **kwargs):
        if not create:
            return
        for order, member in enumerate(extracted or []):
            institution, role = member if isinstance(member, tuple) else (member, "członek")
            TeamMember.objects.create(
                team=obj, institution=institution, role=role, sort_order=order
            )


class CatalogPageFactory(_PublishedPageFactory):
    title = "Lista usług"
    slug = "uslugi"
    lead = "Usługi i działania instytucji w gminach i powiatach."

    class Meta:
        model = CatalogPage
        skip_postgeneration_save = True
