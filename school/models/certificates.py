"""Certificates of completed courses. Names, titles and hours are snapshots taken at issue:
a certificate says what it said when it was issued, whatever changes later. The logic
(issue, re-issue, revoke, PDF) lives in school.certificates."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# No 0/O, 1/I/L: codes are typed in from paper.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_PREFIX = "KOOP"


def new_code():
    """KOOP-XXXX-XXXX: 31**8 (~8.5e11) codes, drawn with a cryptographic generator."""
    groups = ("".join(secrets.choice(CODE_ALPHABET) for _ in range(4)) for _ in range(2))
    return "-".join([CODE_PREFIX, *groups])


class Certificate(models.Model):
    code = models.CharField(_("verification code"), max_length=16, unique=True, default=new_code)
    enrolment = models.OneToOneField(
        "school.Enrolment",
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="certificate",
    )
    learner_name = models.CharField(_("learner"), max_length=255)
    course_title = models.CharField(_("course"), max_length=255)
    hours = models.DecimalField(_("teaching hours"), max_digits=5, decimal_places=1)
    issuer = models.CharField(_("issuing institution"), max_length=255)
    issued_on = models.DateField(_("issued on"), default=timezone.localdate)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revoking"), blank=True)

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self):
        return self.code

    @property
    def is_revoked(self):
        return self.revoked_at is not None


class CertificateEventKind(models.TextChoices):
    ISSUED = "issued", _("issued")
    REISSUED = "reissued", _("re-issued")
    REVOKED = "revoked", _("revoked")


class CertificateEvent(models.Model):
    certificate = models.ForeignKey(
        Certificate,
        verbose_name=_("certificate"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    kind = models.CharField(_("event"), max_length=16, choices=CertificateEventKind.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("certificate event")
        verbose_name_plural = _("certificate events")

    def __str__(self):
        return f"{self.certificate} {self.get_kind_display()}"
