"""Who sees which learners' records. Trainees see their own; a coordinator sees the
records of the members of the cohorts they coordinate (and of enrolments made with those
cohorts); superusers see everything. Editing course pages gives no sight of learners:
an editor sees records only if they coordinate a cohort too."""

from django.db.models import Q

from school.models import Cohort, Enrolment


def coordinated_member_ids(user):
    """A subquery of the ids of the people in the cohorts `user` coordinates."""
    return Cohort.members.through.objects.filter(cohort__coordinators=user).values("user_id")


def _visible(user):
    if user is None or not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    return (
        Q(user=user)
        | Q(user_id__in=coordinated_member_ids(user))
        | Q(cohort__in=Cohort.objects.filter(coordinators=user).values("pk"))
    )


def visible_enrolments(user):
    """The enrolments `user` may see: a queryset, each row at most once."""
    return Enrolment.objects.filter(_visible(user))


def can_view_enrolment(user, enrolment):
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or enrolment.user_id == user.pk:
        return True
    return visible_enrolments(user).filter(pk=enrolment.pk).exists()


def coordinates_anyone(user):
    return (
        user is not None
        and user.is_authenticated
        and Cohort.objects.filter(coordinators=user).exists()
    )
