"""Keep the search text and the coverage codes of services true to what is saved.

A service's row is saved by the snippet editor, by publishing a revision and by imports;
its coverage (a ParentalManyToManyField) is written just after the row, which the
m2m_changed handler catches. An institution's name, type and place are part of its
services' search text, and a change of the synonym groups changes every service's."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django_tasks import task

from catalog import polish, search
from catalog.models import Institution, Service, SynonymGroup


def _refresh(instance):
    """Index what is stored, not the object in hand: saving a draft revision of a live
    service saves a few bookkeeping fields of an object that holds the draft's text."""
    stored = (
        Service.objects.select_related("institution", "gmina", "institution__gmina")
        .filter(pk=instance.pk)
        .first()
    )
    if stored is not None:
        search.refresh_search_text(stored)
        instance.search_text = stored.search_text
        instance.coverage_codes = stored.coverage_codes


@receiver(post_save, sender=Service, dispatch_uid="catalog_service_saved")
def service_saved(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: the stored values are taken as they are
        return
    _refresh(instance)


@receiver(m2m_changed, sender=Service.coverage.through, dispatch_uid="catalog_coverage_changed")
def coverage_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if reverse:  # a territory's services changed
        services = Service.objects.filter(pk__in=pk_set) if pk_set else None
        if services is not None:
            search.reindex_services(services)
        return
    _refresh(instance)


@receiver(post_save, sender=Institution, dispatch_uid="catalog_institution_saved")
def institution_saved(sender, instance, raw=False, created=False, **kwargs):
    if raw or created:  # a new institution has no services yet
        return
    search.reindex_services(Service.objects.filter(institution=instance))


@receiver(post_save, sender=SynonymGroup, dispatch_uid="catalog_synonyms_saved")
@receiver(post_delete, sender=SynonymGroup, dispatch_uid="catalog_synonyms_deleted")
def synonyms_changed(sender, **kwargs):
    polish.forget_synonyms()
    reindex_all_services.enqueue()


@task()
def reindex_all_services():
    """A task, so that a deployment with a task worker reindexes in the background."""
    polish.forget_synonyms()
    return search.reindex_services()
