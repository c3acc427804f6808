"""Factories for the portal's models. Pages are created under a parent given by the test
(usually the `site` fixture's home page) and published with a revision, as an editor would."""

import factory
import wagtail_factories
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Collection

from portal.models import CustomImage, FundingLogo, HomePage, StandardPage, User

PASSWORD = "haslo-testowe-123"


def root_collection():
    return Collection.get_first_root_node()


class CustomImageFactory(wagtail_factories.ImageFactory):
    # wagtail-factories makes a new root collection per image; use the one root instead.
    collection = factory.LazyFunction(root_collection)
    title = factory.Sequence(lambda n: f"Obraz {n}")
    alt_text = factory.LazyAttribute(lambda obj: f"Opis: {obj.title}")
    file = factory.django.ImageField(width=40, height=30, color="blue")

    class Meta:
        model = CustomImage


class DocumentFactory(wagtail_factories.DocumentFactory):
    collection = factory.LazyFunction(root_collection)
    title = factory.Sequence(lambda n: f"Dokument {n}")
    file = factory.django.FileField(filename="raport.pdf", data=b"%PDF-1.4\n% test\n")


class _PublishedPageFactory(wagtail_factories.PageFactory):
    """`publish=False` leaves the page as it was saved (set `live=False` for a draft)."""

    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            obj.save_revision().publish()
            obj.refresh_from_db()


class HomePageFactory(_PublishedPageFactory):
    title = "Kooperacja"
    slug = "pl"

    class Meta:
        model = HomePage
        skip_postgeneration_save = True


class StandardPageFactory(_PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Strona {n}")
    summary = factory.LazyAttribute(lambda obj: f"Streszczenie: {obj.title}")

    class Meta:
        model = StandardPage
        skip_postgeneration_save = True


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda obj: f"{obj.username}@example.org")
    first_name = "Jan"
    last_name = "Kowalski"

    class Meta:
        model = User
        skip_postgeneration_save = True

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or PASSWORD)
        if create:
            obj.save(update_fields=["password"])


class FundingLogoFactory(DjangoModelFactory):
    period = "2014-2020"
    name = factory.Sequence(lambda n: f"Logo {n}")
    image = factory.SubFactory(CustomImageFactory)
    alt_text = factory.LazyAttribute(lambda obj: f"Logo: {obj.name}")
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = FundingLogo
