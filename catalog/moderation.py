"""Keeping the list current: which entries are overdue for review, and "nothing changed" —
an institution confirms that an entry is still true, which renews its verified date at
once, without a moderation round (no content changes, so there is nothing to approve).
Every confirmation is a log entry in the entry's history."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

CONFIRM_ACTION = "catalog.confirm"
EDITORS_ACTION = "catalog.editors"


def overdue_q(model, today=None):
    """Entries of `model` whose review is due: never verified, or verified longer ago than
    their own review interval. Portable to every backend: date arithmetic on a column
    differs between SQLite and PostgreSQL, so each distinct interval gets its own
    condition (there are only a handful)."""
    today = today or timezone.localdate()
    intervals = (
        model._default_manager.order_by().values_list("review_interval_days", flat=True).distinct()
    )
    condition = Q(last_verified__isnull=True)
    for days in intervals:
        condition |= Q(review_interval_days=days, last_verified__lt=today - timedelta(days=days))
    return condition


def _carry_into_pending_revision(entry, today):
    """A change waiting for moderation was saved with the old date; publishing it later
    would take the confirmation back. The pending revision gets the new date too."""
    if not entry.has_unpublished_changes or not entry.latest_revision_id:
        return
    revision = entry.latest_revision
    if "last_verified" in revision.content:
        revision.content["last_verified"] = today.isoformat()
        revision.save(update_fields=["content"])


@transaction.atomic
def confirm_unchanged(entry, user=None, today=None):
    """Renews `entry.last_verified` (an institution or a service, the live row) to today
    and records it in the entry's history."""
    today = today or timezone.localdate()
    previous = entry.last_verified
    entry.last_verified = today
    # save() rather than update(): search indexes and signal handlers see the new date.
    entry.save(update_fields=["last_verified"])
    _carry_into_pending_revision(entry, today)
    log(
        entry,
        CONFIRM_ACTION,
        user=user,
        data={
            "last_verified": today.isoformat(),
            "previous": previous.isoformat() if previous else None,
        },
    )
    return entry


@transaction.atomic
def confirm_institution_with_services(institution, services, user=None, today=None):
    """Confirms the institution and the given services of it (those the user may change)
    in one go; returns how many services were confirmed."""
    confirm_unchanged(institution, user=user, today=today)
    count = 0
    for service in services:
        confirm_unchanged(service, user=user, today=today)
        count += 1
    return count


def register_log_actions(actions):
    """Called from wagtail_hooks: the labels of the catalog's own history entries."""
    from wagtail.log_actions import LogFormatter

    @actions.register_action(CONFIRM_ACTION)
    class ConfirmFormatter(LogFormatter):
        label = _("Nothing changed")

        def format_message(self, log_entry):
            return _("Confirmed as still true; verified date renewed")

    @actions.register_action(EDITORS_ACTION)
    class EditorsFormatter(LogFormatter):
        label = _("Institution editors")

        def format_message(self, log_entry):
            return _("Institution editors changed: %(count)s now") % {
                "count": log_entry.data.get("count", 0)
            }
