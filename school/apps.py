from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Shown on a certificate, and on its verification page, once its holder asked to be
# forgotten: the certificate still counts, it no longer names anyone.
ERASED_LEARNER_NAME = "Osoba usunięta na własną prośbę"


def _connect_personal_cache():
    """A learner's cached pages go stale whenever one of their records changes; the
    anonymous pages of trainings whenever a training or a registration changes."""
    from django.db import transaction
    from django.db.models.signals import post_delete, post_save

    from portal.cache import invalidate as invalidate_site
    from portal.personal_cache import invalidate_user
    from school.models import (
        Attendance,
        Certificate,
        CertificateEvent,
        CoursePage,
        Enrolment,
        EventDay,
        LessonProgress,
        Person,
        QuizAttempt,
        Registration,
        TrainingEvent,
    )

    def enrolment_changed(sender, instance, update_fields=None, **kwargs):
        invalidate_user(instance.user_id)
        if update_fields is not None and "status" not in update_fields:
            return  # e.g. the lesson last opened: no place taken or given back
        # Everyone's course page shows the places left of a course with a limit.
        if CoursePage.objects.filter(pk=instance.course_id, capacity__isnull=False).exists():
            invalidate_site()

    def through_enrolment(sender, instance, **kwargs):
        user_id = (
            Enrolment.objects.filter(pk=instance.enrolment_id)
            .values_list("user_id", flat=True)
            .first()
        )
        invalidate_user(user_id)

    def event_changed(sender, instance, **kwargs):
        user_id = (
            Certificate.objects.filter(pk=instance.certificate_id)
            .values_list("enrolment__user_id", flat=True)
            .first()
        )
        invalidate_user(user_id)

    def training_changed(sender, instance, **kwargs):
        # The public list and pages of trainings show dates and places left to anonymous
        # visitors from the page cache. Emptied now and again at commit, so that a page
        # rendered in between from the old figures is not kept.
        invalidate_site()
        transaction.on_commit(invalidate_site)

    def through_person(sender, instance, **kwargs):
        if sender is Registration:
            training_changed(sender, instance)
        user_id = (
            Person.objects.filter(pk=instance.person_id).values_list("user_id", flat=True).first()
        )
        if user_id is not None:
            invalidate_user(user_id)

    handlers = [
        (TrainingEvent, training_changed),
        (EventDay, training_changed),
        (Registration, through_person),
        (Attendance, through_person),
        (Enrolment, enrolment_changed),
        (LessonProgress, through_enrolment),
        (QuizAttempt, through_enrolment),
        (Certificate, through_enrolment),
        (CertificateEvent, event_changed),
    ]
    for model, handler in handlers:
        uid = f"personal-cache-{model.__name__}"
        post_save.connect(handler, sender=model, dispatch_uid=uid, weak=False)
        post_delete.connect(handler, sender=model, dispatch_uid=f"{uid}-del", weak=False)


class SchoolConfig(AppConfig):
    name = "school"
    verbose_name = _("e-School of Cooperation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        _connect_personal_cache()
