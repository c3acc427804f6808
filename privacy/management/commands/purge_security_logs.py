"""Delete the login logs and the audit log entries older than the register says they are
kept (privacy.register): run it daily, like purge_personal_data."""

import datetime

from axes.models import AccessFailureLog, AccessLog
from django.core.management.base import BaseCommand
from django.utils import timezone

from privacy.models import AuditEntry
from privacy.register import audit_log_years, security_log_days


class Command(BaseCommand):
    help = "Delete login logs and audit log entries past their retention period."

    def handle(self, *args, **options):
        now = timezone.now()
        logins_before = now - datetime.timedelta(days=security_log_days())
        audit_before = now - datetime.timedelta(days=365 * audit_log_years())
        counts = {
            "access logs": AccessLog.objects.filter(attempt_time__lt=logins_before).delete()[0],
            "failed logins": AccessFailureLog.objects.filter(
                attempt_time__lt=logins_before
            ).delete()[0],
            "audit entries": AuditEntry.objects.filter(at__lt=audit_before).delete()[0],
        }
        self.stdout.write(", ".join(f"{name}: {count}" for name, count in counts.items()))
