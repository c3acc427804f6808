"""The audit log of reads of confidential records and of exports of personal data.

A row says who did what to which record, and when: never what the record said. It is its
own table rather than Wagtail's log entries, so that it can be kept for its own period,
listed and filtered apart from the editorial history, and read by superusers only."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditKind(models.TextChoices):
    READ_CONFIDENTIAL = "read_confidential", _("Reading of confidential notes")
    EXPORT = "export", _("Export of records")
    PERSONAL_DATA_DOWNLOAD = "personal_data_download", _("Download of a person's data")
    ERASE = "erase", _("Erasure of personal data")


class AuditEntry(models.Model):
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    # Kept when the account goes: an erased account is an anonymous row, and the entry
    # still says that someone read or exported the records.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=32, choices=AuditKind.choices)
    # A short code of the view or function, e.g. "school.reports.summary_csv".
    action = models.CharField(_("action"), max_length=100)
    model_label = models.CharField(_("records"), max_length=100)
    # Empty for a list (a report, an export of many rows).
    object_pk = models.CharField(_("record number"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log entries")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["kind", "at"])]
        # Written by privacy.audit.record only; nobody adds, changes or deletes entries.
        default_permissions = ("view",)

    def __str__(self):
        target = f"{self.model_label} {self.object_pk}".strip()
        return f"{self.get_kind_display()}: {target}"
