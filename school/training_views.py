"""The public list of in-person trainings and the page of one training, with registration,
called from the course index page's routes (`trainings/`, `trainings/<pk>/`).

The index page stands in for these routes (menus, languages, breadcrumbs), as for the
learner's dashboard (school.views). The list and a training's page show nothing personal to
anonymous visitors, so the page cache keeps them for those; registering or cancelling
empties the cache, since the places left change. A logged-in person's pages say whether
they are registered, and are private.

Registration is for an account: school.people.person_for_user links it to its row in the
participant register (found by the account's e-mail when the person was imported from an
attendance list). The places are counted under a lock of the event's row, and the register
keeps one registration per person and event (a unique constraint), so two clicks or two
people taking the last place at once cannot overfill an event."""

import copy

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Count, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from portal import navigation
from school import people
from school.models import (
    Person,
    Registration,
    RegistrationStatus,
    TrainingEvent,
)
from school.models.trainings import event_teaching_hours
from school.views import login_link, login_url, private

PAST_PER_PAGE = 20
UPCOMING = "upcoming"
PAST = "past"


# Figures of events -----------------------------------------------------------------------


def _registered(event):
    return Registration.objects.filter(event=event, status=RegistrationStatus.REGISTERED)


def with_figures(events):
    """Teaching hours and registrations as subqueries (joins would multiply each other)."""
    taken = (
        Registration.objects.filter(event=OuterRef("pk"), status=RegistrationStatus.REGISTERED)
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return events.annotate(
        total_hours=event_teaching_hours(),
        taken=Coalesce(Subquery(taken), Value(0)),
    )


def places_left(event):
    if event.capacity is None:
        return None
    return max(event.capacity - event.taken, 0)


def state_of(event, today, registration=None):
    """What a visitor can do about the event, as a word the templates explain."""
    if event.ends_on is not None and event.ends_on < today:
        return "past"
    if registration is not None:
        return "registered"
    if not event.registration_open:
        return "closed"
    if event.starts_on is not None and event.starts_on <= today:
        return "started"
    if places_left(event) == 0:
        return "full"
    return "open"


# Addresses ---------------------------------------------------------------------------------


def list_url(index_page, request=None):
    return navigation.route_url(index_page, "trainings", request=request)


def detail_url(index_page, pk, request=None):
    return navigation.route_url(index_page, "training", request=request, pk=pk)


def _stand_in(page, title, url=None):
    """A copy of the index page standing in for a route: its title in the page's chrome
    and, when `url` is given, its address in the breadcrumbs."""
    shown = copy.copy(page)
    shown.title = title
    if url is not None:
        shown.get_url = lambda request=None, current_site=None: url
    return shown


def _render(request, template, shown, context):
    page_context = Page.get_context(shown, request)
    page_context.update(context)
    return TemplateResponse(request, template, page_context)


def _visitor_response(request, response):
    if request.user.is_authenticated:
        return private(response)
    # Nothing personal on the page: kept in the anonymous page cache, emptied when a
    # registration changes the places left (school.apps empties the cache then).
    response.cacheable_page_view = True
    return response


# The list ----------------------------------------------------------------------------------


def event_list(request, index_page):
    today = timezone.localdate()
    when = PAST if request.GET.get("when") == PAST else UPCOMING
    events = with_figures(
        TrainingEvent.objects.filter(starts_on__isnull=False).select_related("gmina")
    )
    upcoming = events.filter(ends_on__gte=today).order_by("starts_on", "title", "pk")
    past = events.filter(ends_on__lt=today).order_by("-starts_on", "title", "pk")
    page_obj = None
    if when == PAST:
        page_obj = Paginator(past, PAST_PER_PAGE).get_page(request.GET.get("page"))
        shown_events = list(page_obj.object_list)
    else:
        shown_events = list(upcoming)
    mine = set()
    person = people.person_for_user(request.user, create=False)
    if person is not None:
        mine = set(
            Registration.objects.filter(
                person=person,
                status=RegistrationStatus.REGISTERED,
                event__in=[event.pk for event in shown_events],
            ).values_list("event_id", flat=True)
        )
    for event in shown_events:
        event.places_left = places_left(event)
        event.url = detail_url(index_page, event.pk, request)
        event.state = state_of(event, today, registration=True if event.pk in mine else None)
    shown = navigation.route_page(index_page, _("Trainings"), "trainings")
    context = {
        "events": shown_events,
        "when": when,
        "page_obj": page_obj,
        "filter_query": "when=past",
        "upcoming_count": upcoming.count() if when == PAST else len(shown_events),
        "list_url": list_url(index_page, request),
        "index_url": index_page.get_url(request),
        "today": today,
    }
    response = _render(request, "school/trainings/event_list.html", shown, context)
    return _visitor_response(request, response)


# One training ------------------------------------------------------------------------------


def _event(pk):
    trainers = Person.objects.filter(erased_at__isnull=True).only("first_name", "last_name")
    queryset = with_figures(
        TrainingEvent.objects.select_related("gmina", "project", "course").prefetch_related(
            "days", Prefetch("trainers", queryset=trainers.order_by("last_name", "first_name"))
        )
    )
    event = queryset.filter(pk=pk, starts_on__isnull=False).first()
    if event is None:
        raise Http404
    return event


def _course_link(event, index_page, request):
    """The event's course in the language shown (its original otherwise), if it is live."""
    course = event.course
    if course is None:
        return None
    translated = course.get_translation_or_none(index_page.locale) or course
    if not translated.live:
        return None
    return translated


def event_detail(request, index_page, pk):
    if request.method == "POST":
        return _registration_post(request, index_page, pk)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    event = _event(pk)
    today = timezone.localdate()
    registration = None
    person = people.person_for_user(request.user, create=False)
    if person is not None:
        registration = _registered(event).filter(person=person).first()
    event.places_left = places_left(event)
    url = detail_url(index_page, event.pk, request)
    trainings_url = list_url(index_page, request)
    shown = navigation.route_page(
        index_page,
        event.title,
        "training",
        event.pk,
        trail=[_stand_in(index_page, _("Trainings"), trainings_url)],
    )
    context = {
        "event": event,
        "days": list(event.days.all()),
        "trainers": list(event.trainers.all()),
        "state": state_of(event, today, registration),
        "can_cancel": registration is not None and event.starts_on > today,
        "registration": registration,
        "course": _course_link(event, index_page, request),
        "login_link": login_link(request),
        "action_url": url,
        "list_url": trainings_url,
        "dashboard_url": _dashboard_url(index_page, request),
    }
    response = _render(request, "school/trainings/event_detail.html", shown, context)
    return _visitor_response(request, response)


def _dashboard_url(index_page, request):
    from school.views import dashboard_url

    return dashboard_url(index_page, request)


class RegistrationRefused(Exception):
    pass


def register(event_id, person):
    """Put the person on the event's list. Raises RegistrationRefused with the reason."""
    today = timezone.localdate()
    with transaction.atomic():
        # The event's row is locked: whoever comes second counts the places after the
        # first one's registration.
        event = TrainingEvent.objects.select_for_update().filter(pk=event_id).first()
        if event is None:
            raise Http404
        registration = Registration.objects.filter(event=event, person=person).first()
        if registration is not None and registration.status == RegistrationStatus.REGISTERED:
            raise RegistrationRefused(_("You are already registered for this training."))
        if event.ends_on is None or event.ends_on < today:
            raise RegistrationRefused(_("This training has already taken place."))
        if event.starts_on <= today:
            raise RegistrationRefused(_("This training has already started."))
        if not event.registration_open:
            raise RegistrationRefused(_("Registration for this training is closed."))
        if event.capacity is not None and _registered(event).count() >= event.capacity:
            raise RegistrationRefused(_("The training is full: no places are left."))
        try:
            with transaction.atomic():
                if registration is None:
                    registration = Registration.objects.create(event=event, person=person)
                else:
                    registration.status = RegistrationStatus.REGISTERED
                    registration.registered_at = timezone.now()
                    registration.save(update_fields=["status", "registered_at"])
        except IntegrityError:  # the same person, twice at once
            raise RegistrationRefused(_("You are already registered for this training.")) from None
    return registration


def cancel(event_id, person):
    today = timezone.localdate()
    with transaction.atomic():
        event = TrainingEvent.objects.select_for_update().filter(pk=event_id).first()
        if event is None:
            raise Http404
        registration = _registered(event).filter(person=person).first()
        if registration is None:
            raise RegistrationRefused(_("You are not registered for this training."))
        if event.starts_on is None or event.starts_on <= today:
            raise RegistrationRefused(
                _("The training has started: ask the coordinator to take you off the list.")
            )
        registration.status = RegistrationStatus.CANCELLED
        registration.save(update_fields=["status"])
    return registration


def _registration_post(request, index_page, pk):
    url = detail_url(index_page, pk, request)
    if not request.user.is_authenticated:
        return redirect_to_login(url, login_url())
    action = request.POST.get("action")
    if action not in ("register", "cancel"):
        return HttpResponseRedirect(url)
    person = people.person_for_user(request.user)
    try:
        if action == "register":
            register(pk, person)
            messages.success(
                request,
                _("You are registered for this training."),
            )
        else:
            cancel(pk, person)
            messages.success(request, _("You have cancelled your registration."))
    except RegistrationRefused as error:
        messages.error(request, str(error))
    return HttpResponseRedirect(url)


def trainings_of(user, index_page, request=None):
    """For the "my learning" dashboard: the in-person trainings the user is signed up for or
        attended, newest first, each with its address on the site, the days attended and the
        person-hours counted for them. A fixed number of queries however many trainings;
    nothing for anonymous users."""
    from django.db.models import Exists

    from school.models import Attendance

    person = people.person_for_user(user, create=False)
    if person is None:
        return []
    attended = Attendance.objects.filter(person=person, day__event=OuterRef("pk"))
    events = (
        TrainingEvent.objects.filter(starts_on__isnull=False)
        .filter(
            Exists(attended)
            | Exists(
                Registration.objects.filter(
                    event=OuterRef("pk"), person=person, status=RegistrationStatus.REGISTERED
                )
            )
        )
        .select_related("gmina")
        .prefetch_related(
            Prefetch(
                "days__attendance",
                queryset=Attendance.objects.filter(person=person),
                to_attr="mine",
            )
        )
        .order_by("-starts_on", "pk")
    )
    today = timezone.localdate()
    result = []
    for event in events:
        days = [day for day in event.days.all() if day.mine]
        hours = sum(
            (day.mine[0].hours if day.mine[0].hours is not None else day.teaching_hours)
            for day in days
        )
        result.append(
            {
                "event": event,
                "url": detail_url(index_page, event.pk, request),
                "upcoming": event.ends_on >= today,
                "days_attended": len(days),
                "hours": hours,
            }
        )
    return result
