"""E-mails every institution whose entries are overdue for review: one message per
institution and run, listing its overdue entries, to its institution editors (or, when it
has none with an address, to the institution's own address). Run it from cron, e.g.
monthly; `--dry-run` shows what would be sent."""

from collections import defaultdict

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from catalog.codes import ServiceStatus
from catalog.models import Institution, Service
from catalog.moderation import overdue_q
from portal import roles

LANGUAGE = "pl"  # the institutions of the list are Polish


def admin_url(name, pk):
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return f"{base}{reverse(name, args=[pk])}"


def overdue_by_institution(today):
    """[(institution, [its overdue services])] for institutions that are overdue or have
    overdue services; live entries only, and ended services need no review."""
    institutions = {
        institution.pk: institution
        for institution in Institution.objects.filter(live=True).filter(
            overdue_q(Institution, today)
        )
    }
    services = defaultdict(list)
    overdue_services = (
        Service.objects.filter(live=True, institution__live=True)
        .exclude(status=ServiceStatus.ENDED)
        .filter(overdue_q(Service, today))
        .select_related("institution")
        .order_by("institution__name", "name")
    )
    for service in overdue_services:
        services[service.institution_id].append(service)
        institutions.setdefault(service.institution_id, service.institution)
    return [
        (institution, services[pk])
        for pk, institution in sorted(institutions.items(), key=lambda item: item[1].name)
    ]


def recipients(institution):
    """Its institution editors' addresses; the institution's own when it has none."""
    editors = institution.editors.filter(
        is_active=True, groups__name=roles.INSTITUTION_EDITOR
    ).exclude(email="")
    addresses = sorted({user.email for user in editors})
    if addresses:
        return addresses, True
    return ([institution.email] if institution.email else []), False


class Command(BaseCommand):
    help = (
        "E-mails each institution the list of its entries that are overdue for review "
        "(one message per institution)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would be sent; send nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        today = timezone.localdate()
        sent = entries = 0
        without_address = []
        for institution, services in overdue_by_institution(today):
            to, has_accounts = recipients(institution)
            listed = ([institution] if institution.is_overdue else []) + services
            if not to:
                without_address.append(institution)
                continue
            message = self.message(institution, services, to, has_accounts, today)
            action = "would send" if dry_run else "sent"
            self.stdout.write(
                f"{institution.name}: {len(listed)} overdue, {action} to {', '.join(to)}"
            )
            if not dry_run:
                message.send()
            sent += 1
            entries += len(listed)
        for institution in without_address:
            self.stdout.write(f"{institution.name}: overdue, but no e-mail address to write to")
        prefix = "Dry run: " if dry_run else ""
        verb = "would be reminded" if dry_run else "reminded"
        self.stdout.write(
            f"{prefix}{sent} institution(s) {verb} of {entries} overdue entr"
            f"{'y' if entries == 1 else 'ies'}; {len(without_address)} without an address."
        )

    def message(self, institution, services, to, has_accounts, today):
        context = {
            "institution": institution,
            "institution_overdue": institution.is_overdue,
            "institution_confirm_url": admin_url(
                "wagtailsnippets_catalog_institution:confirm", institution.pk
            ),
            "institution_edit_url": admin_url(
                "wagtailsnippets_catalog_institution:edit", institution.pk
            ),
            "services": [
                {
                    "service": service,
                    "edit_url": admin_url("wagtailsnippets_catalog_service:edit", service.pk),
                }
                for service in services
            ],
            "has_accounts": has_accounts,
            "today": today,
        }
        with translation.override(LANGUAGE):
            subject = render_to_string("catalog/emails/remind_reviews_subject.txt", context)
            body = render_to_string("catalog/emails/remind_reviews.txt", context)
        return EmailMessage(
            subject=" ".join(subject.split()),
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=to,
        )
