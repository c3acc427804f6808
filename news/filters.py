"""The filters of the news list: ?tag=, ?year=, ?woj= (two-digit TERC code of a voivodeship:
news about one of its powiats or gminas belongs to it too) and ?project= (a project's
short code). They combine, and any value, however odd, gives a page: a value that cannot
match anything (an unknown tag, a year that is not a number) gives an empty list."""

import re
from dataclasses import dataclass, fields
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef

MAX_LENGTH = 100
# Tag slugs are made by taggit with Unicode letters kept; project codes are plain slugs.
_TAG = re.compile(r"[\w-]+")
_PROJECT = re.compile(r"[-a-zA-Z0-9_]+")
_VOIVODESHIP = re.compile(r"[0-9]{2}")
_YEAR = re.compile(r"[0-9]{1,4}")


def _value(query, name):
    value = query.get(name, "")
    return value.strip()[:MAX_LENGTH] if isinstance(value, str) else ""


@dataclass(frozen=True)
class NewsFilters:
    tag: str = ""
    year: str = ""
    woj: str = ""
    project: str = ""

    @classmethod
    def from_query(cls, query):
        return cls(**{field.name: _value(query, field.name) for field in fields(cls)})

    @property
    def active(self):
        return any(getattr(self, field.name) for field in fields(self))

    @property
    def valid(self):
        """False when a value given cannot match any news item."""
        checks = [
            (self.tag, _TAG),
            (self.year, _YEAR),
            (self.woj, _VOIVODESHIP),
            (self.project, _PROJECT),
        ]
        if any(value and not pattern.fullmatch(value) for value, pattern in checks):
            return False
        return not self.year or int(self.year) >= 1

    def apply(self, news):
        from .models import NewsTag

        if not self.valid:
            return news.none()
        if self.tag:
            tagged = NewsTag.objects.filter(tag__slug=self.tag).values("content_object_id")
            news = news.filter(pk__in=tagged)
        if self.year:
            news = news.filter(date__year=int(self.year))
        if self.woj:
            news = news.filter(territory__code__startswith=self.woj)
        if self.project:
            news = news.filter(project__slug=self.project)
        return news

    def querystring(self, **changes):
        """The filters as a query string (without "?"), for shareable links and pages."""
        values = {field.name: getattr(self, field.name) for field in fields(self)}
        values.update(changes)
        return urlencode([(name, value) for name, value in values.items() if value])


def paginate(items, number):
    """A page of `items`: the first for a number that is not one, the last for one past
    the end (Paginator.get_page)."""
    return Paginator(items, settings.PAGE_SIZE).get_page(number)


def options(index):
    """The choices of the filter form: what the index's own news items use (years, tags,
    voivodeships) and the projects of its language. Four queries, whatever the amount of
    news."""
    from taggit.models import Tag

    from catalog.models import Territory
    from portal.models import Project
    from portal.navigation import public

    from .models import NewsPage, NewsTag

    news = public(NewsPage.objects.child_of(index).live().filter(locale_id=index.locale_id))
    years = [day.year for day in news.dates("date", "year", order="DESC")]
    tags = list(
        Tag.objects.filter(
            Exists(
                NewsTag.objects.filter(
                    tag_id=OuterRef("pk"), content_object_id__in=news.values("pk")
                )
            )
        ).order_by("name")
    )
    voivodeships = list(
        Territory.objects.filter(level=Territory.Level.VOIVODESHIP)
        .filter(Exists(news.filter(territory__code__startswith=OuterRef("code"))))
        .order_by("name")
    )
    projects = list(Project.objects.filter(locale_id=index.locale_id).order_by("name"))
    return {"years": years, "tags": tags, "voivodeships": voivodeships, "projects": projects}


def voivodeship_of(territory):
    """The voivodeship a territorial unit lies in (itself for a voivodeship), with the
    unit's parents already fetched (select_related("parent__parent"))."""
    while territory is not None and territory.parent_id is not None:
        territory = territory.parent
    return territory
