"""Factories for the news app. Pages are created under a parent given by the test (a news
index under the `site` fixture's home page) and published with a revision unless
`publish=False` (then they are live without a revision: quicker, and they show the same)."""

import datetime

import factory

from news.models import NewsIndexPage, NewsPage, NewsPhoto
from tests.factories.portal import CustomImageFactory, _PublishedPageFactory


class NewsIndexPageFactory(_PublishedPageFactory):
    title = "Aktualności"
    slug = "aktualnosci"
    lead = "Co słychać w projektach Modelu kooperacji."

    class Meta:
        model = NewsIndexPage
        skip_postgeneration_save = True


class NewsPageFactory(_PublishedPageFactory):
    """`tags`: a list of tag names; `photos`: a list of images (CustomImage) for the inline
    gallery, or a number of images to make."""

    title = factory.Sequence(lambda n: f"Wiadomość {n}")
    date = datetime.date(2019, 7, 22)
    lead = factory.LazyAttribute(lambda obj: f"Wstęp: {obj.title}")
    tags = factory.LazyFunction(list)
    photos = factory.LazyFunction(list)

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        tags = kwargs.pop("tags")
        photos = kwargs.pop("photos")
        instance = super()._build(model_class, *args, **kwargs)
        return cls._add_relations(instance, tags, photos)

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        tags = kwargs.pop("tags")
        photos = kwargs.pop("photos")
        instance = cls._add_relations(model_class(**kwargs), tags, photos)
        parent.add_child(instance=instance)
        return instance

    @staticmethod
    def _add_relations(instance, tags, photos):
        if isinstance(photos, int):
            photos = [CustomImageFactory() for _ in range(photos)]
        instance.tags.set(list(tags))
        instance.photos = [
            NewsPhoto(image=image, caption=f"Zdjęcie {number}", sort_order=number)
            for number, image in enumerate(photos, start=1)
        ]
        return instance
