"""The pages of the e-School: an index of courses per language, and under it each course
with its modules and lessons. Order is the page order (an editor reorders in the admin).

Learners' records (school.models.records) point to the original page of a course or lesson
(see `original`); a translation shows and counts the same records through the shared
translation key, so a learner is enrolled once whatever language they read in."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.models import BasePage
from portal.models.listing import INTRO_FEATURES, SectionIndexPage
from school.blocks import QuizBlock


class CourseLevel(models.TextChoices):
    BASIC = "basic", _("basic")
    ADVANCED = "advanced", _("advanced")
    SPECIALIST = "specialist", _("specialist")


class CourseFormat(models.TextChoices):
    ELEARNING = "elearning", _("e-learning")
    BLENDED = "blended", _("blended")
    IN_PERSON = "in_person", _("in person")


class CompletionRule(models.TextChoices):
    ALL_LESSONS = "all_lessons", _("every lesson read and its quiz passed")
    ALL_LESSONS_FINAL_QUIZ = (
        "all_lessons_final_quiz",
        _("every lesson read and the final quiz (in the last lesson) passed"),
    )


def original(page):
    """The first-created page among a page and its translations: what records point to."""
    if page is None:
        return None
    model = type(page)
    first = model.objects.filter(translation_key=page.translation_key).order_by("pk").first()
    return first or page


class CourseIndexPage(RoutablePageMixin, SectionIndexPage):
    """The list of courses at /pl/e-szkola/ (/en/e-school/), with the learner's dashboard
    and the certificate routes."""

    subpage_types = ["school.CoursePage"]
    # Shows places left and, to a logged-in learner, nothing private: the list itself may
    # be cached for anonymous visitors; enrolments in limited courses empty that cache.
    cache_anonymous_views = True

    class Meta:
        verbose_name = _("course index")
        verbose_name_plural = _("course indexes")

    def serve(self, request, view=None, args=None, kwargs=None):
        response = super().serve(request, view, args, kwargs)
        if (
            self.cache_anonymous_views
            and response.status_code == 200
            and getattr(view, "__name__", "") == "index_route"
        ):
            response.cacheable_page_view = True
        return response

    def get_context(self, request, *args, **kwargs):
        from school import views

        context = super().get_context(request, *args, **kwargs)
        context.update(views.course_index_context(self, request))
        return context

    @path(_("my-learning/"), name="dashboard")
    def dashboard(self, request):
        from school import views

        return views.dashboard(request, self)

    @path(_("trainings/"), name="trainings")
    def trainings(self, request):
        from school import training_views

        return training_views.event_list(request, self)

    @path(_("trainings/<int:pk>/"), name="training")
    def training(self, request, pk):
        from school import training_views

        return training_views.event_detail(request, self, pk)

    @path(_("my-support/"), name="my_support")
    def my_support(self, request):
        from school import coaching_views

        return coaching_views.my_support(request, self)

    @path(_("my-support/coaching/<int:pk>/"), name="my_coaching")
    def my_coaching(self, request, pk):
        from school import coaching_views

        return coaching_views.coaching_detail(request, self, pk)

    @path(_("my-support/supervision/<int:pk>/"), name="my_supervision")
    def my_supervision(self, request, pk):
        from school import coaching_views

        return coaching_views.supervision_detail(request, self, pk)

    @path(_("certificate/<str:code>/"), name="certificate")
    def certificate(self, request, code):
        from school import views

        return views.certificate_verify(request, self, code)

    @path(_("certificate/<str:code>/pdf/"), name="certificate_pdf")
    def certificate_pdf(self, request, code):
        from school import views

        return views.certificate_download(request, self, code)


class CoursePage(BasePage):
    description = RichTextField(_("description"), features=INTRO_FEATURES, blank=True)
    level = models.CharField(
        _("level"), max_length=16, choices=CourseLevel.choices, default=CourseLevel.BASIC
    )
    format = models.CharField(
        _("format"), max_length=16, choices=CourseFormat.choices, default=CourseFormat.ELEARNING
    )
    hours = models.DecimalField(
        _("teaching hours"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(0)],
        help_text=_("Teaching hours stated on the certificate."),
    )
    audience = models.TextField(
        _("audience"), blank=True, help_text=_("Who the course is for, in a sentence or two.")
    )
    learning_outcomes = RichTextField(
        _("learning outcomes"),
        features=["bold", "italic", "ul", "ol", "link"],
        blank=True,
        help_text=_("What a learner knows and can do after the course; best as a list."),
    )
    prerequisites = ParentalManyToManyField(
        "school.CoursePage",
        verbose_name=_("prerequisites"),
        blank=True,
        symmetrical=False,
        related_name="required_by",
        help_text=_("Courses a learner must complete before enrolling in this one."),
    )
    completion_rule = models.CharField(
        _("completion rule"),
        max_length=32,
        choices=CompletionRule.choices,
        default=CompletionRule.ALL_LESSONS,
    )
    enrolment_open = models.BooleanField(
        _("open for self-enrolment"),
        default=True,
        help_text=_("When closed, only a coordinator can enrol learners."),
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit."),
    )
    issuer = models.CharField(
        _("issuing institution"),
        max_length=255,
        help_text=_("Named on the certificate, e.g. the regional centre of social policy."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("level"), FieldPanel("format"), FieldPanel("hours")]),
                FieldPanel("audience"),
                FieldPanel("learning_outcomes"),
                FieldPanel("prerequisites", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("About the course"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("completion_rule"),
                FieldRowPanel([FieldPanel("enrolment_open"), FieldPanel("capacity")]),
                FieldPanel("issuer"),
            ],
            heading=_("Enrolment and completion"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("audience"),
        index.SearchField("learning_outcomes"),
        index.FilterField("level"),
        index.FilterField("format"),
    ]

    parent_page_types = ["school.CourseIndexPage"]
    subpage_types = ["school.ModulePage"]
    # The page shows the learner's own progress and the places left: never page-cached.
    cache_anonymous_views = False

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def serve(self, request, *args, **kwargs):
        from school import views

        if request.method == "POST":
            return views.course_post(request, self)
        return views.for_the_visitor_only(request, super().serve(request, *args, **kwargs))

    def get_context(self, request, *args, **kwargs):
        from school import views

        context = super().get_context(request, *args, **kwargs)
        context.update(views.course_context(self, request))
        return context


class ModulePage(BasePage):
    intro = RichTextField(_("introduction"), features=INTRO_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["school.CoursePage"]
    subpage_types = ["school.LessonPage"]
    cache_anonymous_views = False

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def serve(self, request, *args, **kwargs):
        # A module is a chapter of its course: its outline is on the course page.
        from django.shortcuts import redirect

        course = self.get_parent()
        return redirect(f"{course.get_url(request)}#module-{self.pk}")

    def get_sitemap_urls(self, request=None):
        # The address only redirects to the course page, which is in the sitemap.
        return []


class LessonPage(BasePage):
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated time (minutes)"), null=True, blank=True
    )
    quiz = StreamField(
        QuizBlock(),
        verbose_name=_("quiz"),
        blank=True,
        help_text=_("Optional. A lesson with a quiz is completed when read and the quiz passed."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=70,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=3, help_text=_("0 means no limit.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pass_mark"), FieldPanel("max_attempts")]),
                FieldPanel("quiz"),
            ],
            heading=_("Quiz"),
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["school.ModulePage"]
    subpage_types = []
    # Lesson bodies are for enrolled learners; anonymous visitors see the outline only.
    cache_anonymous_views = False

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    @property
    def has_quiz(self):
        return len(self.quiz) > 0

    def serve(self, request, *args, **kwargs):
        from school import views

        if request.method == "POST":
            return views.lesson_post(request, self)
        return views.for_the_visitor_only(request, super().serve(request, *args, **kwargs))

    def get_context(self, request, *args, **kwargs):
        from school import views

        context = super().get_context(request, *args, **kwargs)
        context.update(views.lesson_context(self, request))
        return context
