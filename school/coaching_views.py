"""The coachee's and the task-team member's pages ("my support"), called from the course
index page's routes: the sessions they took part in, with their hours; a coaching session
with the notes the coach shared; a supervision session with its conclusions.

Sessions are found only through school.coaching's querysets for the person asking: any
other session is "not found", even for staff (they have the admin). The coach's private
notes are never read here. Every page is the person's own: never stored by a cache."""

from django.contrib.auth.views import redirect_to_login
from django.db.models import Count
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from portal import navigation
from school import coaching
from school.views import login_url, private


def _page_context(request, index_page, title, route_name, **kwargs):
    """The index page stands in for the route: menus, breadcrumbs and the language switcher
    follow it (the switcher to the same route of the page's translation)."""
    shown = navigation.route_page(index_page, title, route_name, **kwargs)
    return Page.get_context(shown, request)


def _coach_name(user):
    return user.get_full_name().strip() or user.get_username()


def _render(request, template, context):
    response = TemplateResponse(request, template, context)
    return private(response)


def my_support(request, index_page):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), login_url())
    coaching_sessions = list(
        coaching.coaching_for_coachee(request.user)
        .select_related("coach")
        .only(
            "date",
            "hours",
            "topic",
            "form",
            "coach__first_name",
            "coach__last_name",
            "coach__username",
        )
        .order_by("-date", "-pk")
    )
    supervision_sessions = list(
        coaching.supervision_for_member(request.user)
        .only("date", "hours", "team_name")
        .order_by("-date", "-pk")
    )
    for session in coaching_sessions:
        session.coach_name = _coach_name(session.coach)
        session.url = navigation.route_url(
            index_page, "my_coaching", request=request, pk=session.pk
        )
        session.hours_text = coaching.format_hours(session.hours)
    for session in supervision_sessions:
        session.url = navigation.route_url(
            index_page, "my_supervision", request=request, pk=session.pk
        )
        session.hours_text = coaching.format_hours(session.hours)
    coaching_hours = sum((s.hours for s in coaching_sessions), start=0)
    supervision_hours = sum((s.hours for s in supervision_sessions), start=0)
    context = _page_context(request, index_page, _("My support"), "my_support")
    context.update(
        coaching_sessions=coaching_sessions,
        supervision_sessions=supervision_sessions,
        coaching_hours_text=coaching.format_hours(coaching_hours),
        supervision_hours_text=coaching.format_hours(supervision_hours),
        total_hours_text=coaching.format_hours(coaching_hours + supervision_hours),
    )
    return _render(request, "school/support/my_support.html", context)


def coaching_detail(request, index_page, pk):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), login_url())
    session = (
        coaching.coaching_for_coachee(request.user)
        .select_related("coach", "project")
        .defer("private_notes")
        .filter(pk=pk)
        .first()
    )
    if session is None or not coaching.can_read_shared_notes(request.user, session):
        raise Http404
    context = _page_context(
        request,
        index_page,
        _("Coaching session of %(date)s") % {"date": f"{session.date:%Y-%m-%d}"},
        "my_coaching",
        pk=session.pk,
    )
    context.update(
        session=session,
        coach_name=_coach_name(session.coach),
        hours_text=coaching.format_hours(session.hours),
        coachee_count=session.coachees.count(),
        back_url=navigation.route_url(index_page, "my_support", request=request),
    )
    return _render(request, "school/support/coaching_detail.html", context)


def supervision_detail(request, index_page, pk):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), login_url())
    session = (
        coaching.supervision_for_member(request.user)
        .select_related("supervisor", "cooperation_team")
        .annotate(member_count=Count("memberships"))
        .filter(pk=pk)
        .first()
    )
    if session is None or not coaching.can_read_conclusions(request.user, session):
        raise Http404
    context = _page_context(
        request,
        index_page,
        _("Supervision session of %(date)s") % {"date": f"{session.date:%Y-%m-%d}"},
        "my_supervision",
        pk=session.pk,
    )
    context.update(
        session=session,
        supervisor_name=_coach_name(session.supervisor),
        hours_text=coaching.format_hours(session.hours),
        back_url=navigation.route_url(index_page, "my_support", request=request),
    )
    return _render(request, "school/support/supervision_detail.html", context)
