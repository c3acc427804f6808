"""What the e-School's learning records (enrolments, lesson progress, quiz answers,
certificates) hold about an account, and how they forget it. The privacy register
(privacy/register.py) names these as the "school" section of a person's download and erasure;
the records of support (trainings, coaching, supervision) are in school/privacy.py."""

from school.apps import ERASED_LEARNER_NAME


def school_records(user):
    """What the e-School holds about `user`, for the download of their personal data."""
    from school.models import Certificate, Enrolment, LessonProgress, QuizAttempt

    enrolments = Enrolment.objects.filter(user=user).select_related("course", "cohort")
    progress = LessonProgress.objects.filter(enrolment__user=user).select_related(
        "lesson", "enrolment__course"
    )
    attempts = QuizAttempt.objects.filter(enrolment__user=user).select_related("lesson")
    certificates = Certificate.objects.filter(enrolment__user=user)
    return {
        "cohorts": list(user.cohorts.values_list("name", flat=True)),
        "coordinated_cohorts": list(user.coordinated_cohorts.values_list("name", flat=True)),
        "enrolments": [
            {
                "course": enrolment.course.title,
                "status": enrolment.status,
                "source": enrolment.source,
                "cohort": enrolment.cohort.name if enrolment.cohort else None,
                "enrolled_at": enrolment.enrolled_at,
                "completed_at": enrolment.completed_at,
                "last_activity_at": enrolment.last_activity_at,
            }
            for enrolment in enrolments.order_by("enrolled_at", "pk")
        ],
        "lesson_progress": [
            {
                "course": row.enrolment.course.title,
                "lesson": row.lesson.title,
                "read_at": row.read_at,
                "completed_at": row.completed_at,
            }
            for row in progress.order_by("lesson__path", "pk")
        ],
        "quiz_attempts": [
            {
                "lesson": attempt.lesson.title,
                "submitted_at": attempt.submitted_at,
                "answers": attempt.answers,
                "score": attempt.score,
                "passed": attempt.passed,
            }
            for attempt in attempts.order_by("submitted_at", "pk")
        ],
        "certificates": [
            {
                "code": certificate.code,
                "learner_name": certificate.learner_name,
                "course": certificate.course_title,
                "hours": certificate.hours,
                "issuer": certificate.issuer,
                "issued_on": certificate.issued_on,
                "revoked_at": certificate.revoked_at,
            }
            for certificate in certificates.order_by("issued_on", "pk")
        ],
    }


def erase_school_records(user):
    """Forget the person, keep the counts: enrolments, progress and certificates stay (they
    are in the reports); names on certificates and in their history go, and so does the
    person's role of coordinating cohorts (access, not history)."""
    from school.models import Certificate, CertificateEvent

    certificates = Certificate.objects.filter(enrolment__user=user)
    certificates.update(learner_name=ERASED_LEARNER_NAME)
    CertificateEvent.objects.filter(certificate__in=certificates).update(note="")
    user.coordinated_cohorts.clear()
    from portal.personal_cache import invalidate_user

    invalidate_user(user.pk)
