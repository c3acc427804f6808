"""What search keeps beside the records: the synonym list, the log of searches that found
nothing (no personal data: no user, address or time of day) and saved help plans."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


class SynonymGroup(models.Model):
    """Terms that mean the same in a search, e.g. GOPS, OPS, MOPS, ośrodek pomocy
    społecznej. Maintained by editors in the admin."""

    terms = models.TextField(
        _("terms"),
        help_text=_("One term or phrase per line; each one finds all the others."),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")

    def __str__(self):
        return ", ".join(self.term_list())

    def term_list(self):
        return [line.strip() for line in self.terms.replace(",", "\n").splitlines() if line.strip()]


class ZeroResultSearch(models.Model):
    """One row per day and distinct query that found nothing, with a counter."""

    day = models.DateField(_("day"), db_index=True)
    query = models.CharField(_("query"), max_length=100, blank=True)
    area = models.CharField(_("problem area"), max_length=32, blank=True)
    teryt = models.CharField(_("TERC prefix"), max_length=7, blank=True, db_index=True)
    count = models.PositiveIntegerField(_("searches"), default=1)

    class Meta:
        ordering = ["-day", "query"]
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "query", "area", "teryt"], name="unique_zero_result_search"
            )
        ]

    def __str__(self):
        return self.query


def new_plan_token():
    return secrets.token_urlsafe(12)


class HelpPlan(models.Model):
    """A saved, shareable list of services. It deliberately has no field for a name, a
    note or anything else about the person or family it is for."""

    token = models.CharField(max_length=32, unique=True, default=new_plan_token, editable=False)
    service_ids = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("help plan")
        verbose_name_plural = _("help plans")

    def __str__(self):
        return self.token
